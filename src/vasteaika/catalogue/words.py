"""The core's word table: the words vasteaika says below the command line, gathered from the
data modules that hold them by subject — ``why_words`` (the message kinds, the classification
rules, the acknowledgment's refusal codes), ``reminder_words`` (the reminder mail and
notification, the calendar event), ``reading_words`` (reading a promised time),
``error_words`` (errors about the owner's input and records), ``faults`` (the mail servers),
``local_faults`` (the password sources, the database), ``calendar_faults`` (the CalDAV server,
the desktop), ``config_words`` (a config file's problems, the owner's templates') and ``logs`` (the watcher's log
lines). The lookup is ``vasteaika.catalogue``; ``{n:one|other}`` is the word for the count
``n``. Here are only the weekdays and the clock, which the lookup's date words use, and the
gathering.

Swedish ("sv") holds what is translated so far; a key it lacks is said in English.
"""

from vasteaika.catalogue.calendar_faults import CALENDAR_FAULTS
from vasteaika.catalogue.config_words import CONFIG_WORDS
from vasteaika.catalogue.error_words import ERROR_WORDS
from vasteaika.catalogue.faults import FAULTS
from vasteaika.catalogue.local_faults import LOCAL_FAULTS
from vasteaika.catalogue.logs import LOGS
from vasteaika.catalogue.reading_words import READING_WORDS
from vasteaika.catalogue.reminder_words import REMINDER_WORDS
from vasteaika.catalogue.why_words import WHY_WORDS

WEEKDAYS = {
    "fi": ("ma", "ti", "ke", "to", "pe", "la", "su"),
    "sv": ("mån", "tis", "ons", "tor", "fre", "lör", "sön"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "clock": "{h}:{m}",
        "days_hours": "{d} d {h} h",
    },
    "fi": {
        "clock": "klo {h}.{m}",
        "days_hours": "{d} pv {h} h",
    },
    "sv": {
        "clock": "kl. {h}.{m}",
        "days_hours": "{d} d {h} h",
    },
}

for _table in (WHY_WORDS, REMINDER_WORDS, READING_WORDS, ERROR_WORDS, FAULTS, LOCAL_FAULTS, CALENDAR_FAULTS,
               CONFIG_WORDS, LOGS):
    for _lang, _texts in _table.items():
        WORDS.setdefault(_lang, {}).update(_texts)
