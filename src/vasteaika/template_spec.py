"""What the owner's template files may hold: the placeholders each kind of template can fill,
and the check of a template's text.

Part of the config surface (``[ack] templates`` names a folder of them), so the config checks
the owner's templates when it loads, not when the first customer writes; the acknowledgment's
wording (``acks.wording``) renders them.
"""

from __future__ import annotations

import difflib
from string import Template
from typing import Literal

from vasteaika.catalogue import Said

# The languages an acknowledgment is written in: Finnish, Swedish (Finland's two official
# languages) and English; a template file is named {name}_{language}.txt.
Language = Literal["fi", "sv", "en"]
LANGUAGES: tuple[Language, ...] = ("fi", "sv", "en")

# key: for key customers (ack.key_customers); vacation_alone: a vacation with no substitute
TemplateName = Literal["ack", "key", "vacation", "vacation_alone"]

# $phone_request: one sentence asking for the customer's number when none is known, else empty;
# a template without it gets it at the end of its $callback line.
_EVERY = frozenset({"greeting", "callback", "owner_name", "signature", "phone_request"})
PLACEHOLDERS: dict[TemplateName, frozenset[str]] = {
    "ack": _EVERY,
    "key": _EVERY,
    "vacation": _EVERY | {"vacation_until", "substitute"},
    "vacation_alone": _EVERY | {"vacation_until"},
}


def validate_template(text: str, *, name: TemplateName | None = None) -> list[str]:
    """Every problem in a template, as English sentences (empty list: fine). Unknown
    placeholders, a "$" that starts none (write "$$" for a dollar sign) and, when ``name`` is
    given, placeholders that kind of template cannot fill or a missing ``$callback``."""
    return [str(problem) for problem in template_problems(text, name=name)]


def template_problems(text: str, *, name: TemplateName | None = None) -> list[Said]:
    """:func:`validate_template`'s problems as the catalogue's words, to be said in the owner's
    language."""
    allowed = PLACEHOLDERS[name] if name else PLACEHOLDERS["vacation"]
    problems: list[Said] = []
    if not text.strip():
        return [Said("template.empty")]
    used: set[str] = set()
    for match in Template.pattern.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        if match.group("invalid") is not None:
            problems.append(Said("template.lone_dollar", {"line": line}))
            continue
        ident = match.group("named") or match.group("braced")
        if ident is None:
            continue
        used.add(ident)
        if ident not in allowed:
            close = difflib.get_close_matches(ident, sorted(allowed), n=1)
            hint = Said("template.did_you_mean", {"close": close[0]}) if close else ""
            known = ", ".join(f"${p}" for p in sorted(allowed))
            problems.append(Said("template.unknown", {"line": line, "ident": ident, "hint": hint,
                                                      "known": known}))  # fmt: skip
    if name and "callback" not in used:
        problems.append(Said("template.no_callback"))
    return problems
