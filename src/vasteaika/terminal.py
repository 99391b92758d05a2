"""What reaches the terminal: mail and user text always as literal, harmless characters.

Subjects, names, addresses, folder names, config values and error texts come from strangers or
from the owner's typing. Printed through rich as a ``str`` they would be read as console markup
(``[/]`` is a MarkupError, ``[blink red]`` blinks, ``[tarjous]`` vanishes), as emoji codes
(``:smile:``) or get coloured by the highlighter; written anywhere raw, an escape sequence
(``\\x1b[2J``) or a C1 control (``\\x9b``) would drive the terminal.

So every console is a ``LiteralConsole`` (:mod:`vasteaika.literal_console`, apart with rich:
this module needs none, and a command that prints nothing through rich does not import it): on
it a ``str`` is never markup, emoji or highlighted, and no control character survives in any
text it draws (rich's own cursor controls for progress bars are kept). Styling is asked for
explicitly with a ``rich.text.Text``. Text written past rich goes through :func:`printable`
(:func:`write`), JSON through :func:`json_text`.
"""

from __future__ import annotations

import json
import re
import sys
from typing import Any

REPLACEMENT = "\ufffd"
# C0 controls but tab and newline, DEL, C1 controls (0x9b is a one-byte CSI), and the bidi
# embeddings, overrides and isolates that reorder what is shown.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_JSON_RAW = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")  # json.dumps escapes C0 itself


def printable(text: str, replacement: str = REPLACEMENT) -> str:
    """``text`` with every control character (but tab and newline) shown as U+FFFD."""
    return UNSAFE.sub(replacement, text)


def json_text(data: Any) -> str:
    """Indented UTF-8 JSON with a final newline that holds no raw control character: what
    ``json.dumps`` leaves raw (DEL, C1, bidi controls) is written as a ``\\uXXXX`` escape, so the
    data stays exact and the text stays safe on a terminal."""
    dumped = json.dumps(data, ensure_ascii=False, indent=2)
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m[0]):04x}", dumped) + "\n"


def write(text: str) -> None:
    """Text that bypasses rich (CSV, Markdown, JSON) onto standard output."""
    sys.stdout.write(printable(text))



