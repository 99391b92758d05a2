"""What reaches the terminal: mail and user text always as literal, harmless characters.

Subjects, names, addresses, folder names, config values and error texts come from strangers or
from the owner's typing. Printed through rich as a ``str`` they would be read as console markup
(``[/]`` is a MarkupError, ``[blink red]`` blinks, ``[tarjous]`` vanishes), as emoji codes
(``:smile:``) or get coloured by the highlighter; written anywhere raw, an escape sequence
(``\\x1b[2J``) or a C1 control (``\\x9b``) would drive the terminal.

So every console here is a :class:`LiteralConsole`: on it a ``str`` is never markup, emoji or
highlighted, and no control character survives in any text it draws (rich's own cursor
controls for progress bars are kept). Styling is asked for explicitly with a ``rich.text.Text``.
Text written past rich goes through :func:`printable` (:func:`write`), JSON through
:func:`json_text`.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable
from typing import Any

from rich.console import (
    Console,
    ConsoleDimensions,
    ConsoleOptions,
    JustifyMethod,
    OverflowMethod,
    RenderableType,
)
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

REPLACEMENT = "\ufffd"
# C0 controls but tab and newline, DEL, C1 controls (0x9b is a one-byte CSI), and the bidi
# embeddings, overrides and isolates that reorder what is shown.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_JSON_RAW = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")  # json.dumps escapes C0 itself


def printable(text: str, replacement: str = REPLACEMENT) -> str:
    """``text`` with every control character (but tab and newline) shown as U+FFFD."""
    return _UNSAFE.sub(replacement, text)


def json_text(data: Any) -> str:
    """Indented UTF-8 JSON with a final newline that holds no raw control character: what
    ``json.dumps`` leaves raw (DEL, C1, bidi controls) is written as a ``\\uXXXX`` escape, so the
    data stays exact and the text stays safe on a terminal."""
    dumped = json.dumps(data, ensure_ascii=False, indent=2)
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m[0]):04x}", dumped) + "\n"


def write(text: str) -> None:
    """Text that bypasses rich (CSV, Markdown, JSON) onto standard output."""
    sys.stdout.write(printable(text))


# The width of output that goes to a pipe or a file (no $COLUMNS): lines are never wrapped
# there (a script or `less -S` reads them whole), and tables take their natural width.
PIPE_WIDTH = 1000


class LiteralConsole(Console):
    """A rich Console on which no text can become markup, an emoji or a control sequence.

    Its width is the terminal's; to a pipe or a file (and no $COLUMNS), it is PIPE_WIDTH, not
    rich's 80, so piped text is not hard-wrapped at 80 columns (rich writes no colour there)."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**{**options, "markup": False, "emoji": False, "highlight": False})

    @property
    def size(self) -> ConsoleDimensions:
        dims = Console.size.fget(self)  # type: ignore[attr-defined]
        if self._width is None and not self.is_terminal and not self._environ.get("COLUMNS"):
            return ConsoleDimensions(PIPE_WIDTH, dims.height)
        return dims  # type: ignore[no-any-return]

    @size.setter
    def size(self, new_size: tuple[int, int]) -> None:
        Console.size.fset(self, new_size)  # type: ignore[attr-defined]

    def render_str(
        self,
        text: str,
        *,
        style: str | Style = "",
        justify: JustifyMethod | None = None,
        overflow: OverflowMethod | None = None,
        emoji: bool | None = None,
        markup: bool | None = None,
        highlight: bool | None = None,
        highlighter: Any = None,
    ) -> Text:
        """Every ``str`` (printed, a table cell, a title) becomes literal text, whatever the
        caller asked for."""
        return Text(printable(text), style=style, justify=justify, overflow=overflow)

    def render(
        self, renderable: RenderableType, options: ConsoleOptions | None = None
    ) -> Iterable[Segment]:
        """Also a ``Text`` built elsewhere loses its control characters on the way out. They
        are dropped, not replaced: rich measured them as zero wide when it laid the text out."""
        for segment in super().render(renderable, options):
            if segment.control or not _UNSAFE.search(segment.text):
                yield segment
            else:
                yield Segment(printable(segment.text, ""), segment.style)


console = LiteralConsole()
err_console = LiteralConsole(stderr=True)
