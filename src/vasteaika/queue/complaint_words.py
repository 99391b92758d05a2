"""The words of an unhappy customer, in Finnish, Swedish and English: plain data, apart from
the matcher (``complaints``) so that the owner's language can grow here without touching code.

An entry is a word or a phrase, matched from the start of a word, case-insensitively. An entry
ending in ``*`` is a stem: any ending follows (Finnish inflects: reklamaatio, reklamaation,
reklamaatiota). A stem is kept long enough not to catch a happy word ("valitukse*", never
"valit*", which is also "valittu", chosen).
"""

from __future__ import annotations

COMPLAINT_WORDS: dict[str, tuple[str, ...]] = {
    "fi": (
        "reklamaatio*",
        "reklamoi*",
        "valitus",
        "valitukse*",
        "valitan",
        "hyvitys*",
        "hyvityk*",
        "hyvite*",
        "ei toimi*",
        "eivät toimi*",
        "pettynyt",
        "pettyneit*",
        "pettyneen*",
        "pettymy*",
        "vieläkään",
        "missä viipyy",
        "tyytymätön",
        "tyytymättöm*",
        "rahat takaisin",
    ),
    "sv": (
        "reklamation*",
        "reklamera*",
        "besviken",
        "besviket",
        "besvikna",
        "besvikelse*",
        "klagomål*",
        "fungerar inte",
        "fortfarande inte",
        "återbetalning*",
        "pengarna tillbaka",
    ),
    "en": (
        "complain*",
        "refund*",
        "still not",
        "still waiting",
        "disappointed",
        "disappointing",
        "not working",
        "doesn't work",
        "does not work",
        "unacceptable",
        "money back",
    ),
}
