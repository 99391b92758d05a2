"""The rich consoles: a :class:`LiteralConsole`, on which no text can become markup, an emoji
or a control sequence (see :mod:`vasteaika.terminal` for why), and the two every command prints
through.

Apart from ``terminal`` because importing rich costs more than a quick command does (``remind
--quiet`` runs every 5 minutes): ``terminal``'s ``printable``, ``write`` and ``json_text`` need
no rich, and a command that prints no line through rich never imports this module.
"""

from __future__ import annotations

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

from vasteaika.terminal import UNSAFE, printable

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
            if segment.control or not UNSAFE.search(segment.text):
                yield segment
            else:
                yield Segment(printable(segment.text, ""), segment.style)


console = LiteralConsole()
err_console = LiteralConsole(stderr=True)
