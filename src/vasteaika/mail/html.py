"""The text of an HTML body, never raising: the promise reader (``reminders.replies``) and the
out-of-office reading of a body (``mail.body``) both need it, so it lives with the mail.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser


class _TextOfHtml(HTMLParser):
    BLOCK = frozenset({"p", "div", "br", "tr", "li", "h1", "h2", "h3", "table", "hr"})
    SKIP = frozenset({"script", "style", "head", "title"})
    QUOTE = re.compile(r"gmail_quote|moz-cite-prefix|divRplyFwdMsg|OutlookMessageHeader", re.I)

    def __init__(self, drop_quotes: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.drop_quotes = drop_quotes
        self.parts: list[str] = []
        self.skip_depth = 0
        self.stopped = False
        self.in_tag = False

    def parse_starttag(self, i: int) -> int:
        # HTMLParser hands a malformed start tag (``<b\0>``) to handle_data: it is markup.
        self.in_tag = True
        try:
            return super().parse_starttag(i)
        finally:
            self.in_tag = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        marks = " ".join(v or "" for k, v in attrs if k in ("class", "id"))
        if self.drop_quotes and (tag == "blockquote" or self.QUOTE.search(marks)):
            self.stopped = True  # the quoted mail starts here: the reply's own words end
        if tag in self.SKIP:
            self.skip_depth += 1
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self.skip_depth:
            self.skip_depth -= 1
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip_depth and not self.stopped and not self.in_tag:
            self.parts.append(data)

    def close(self) -> None:
        # What feed() could not finish (an unclosed tag, comment or declaration at the very end)
        # is markup, not text: HTMLParser.close() would hand it over as data.
        unfinished = _MARKUP_START.search(self.rawdata)
        if unfinished:
            self.rawdata = self.rawdata[: unfinished.start()]
        super().close()


_MARKUP_START = re.compile(r"<[A-Za-z/!?]")
_ANY_TAG = re.compile(r"<(/?)([A-Za-z0-9]*)[^>]*(?:>|$)")
_INVISIBLE = re.compile(r"<(script|style|head|title)\b.*?(?:</\1\s*>|$)", re.I | re.S)


def html_to_text(text: str, *, drop_quotes: bool = True) -> str:
    """The text of an HTML body, never raising: where HTMLParser gives up (Python 3.11 raises
    AssertionError on a marked section such as ``<![foo[ x ]]>``), the tags are stripped
    plainly instead, so one odd mail costs at most some layout, never the run."""
    parser = _TextOfHtml(drop_quotes)
    try:
        parser.feed(text)
        parser.close()
    except Exception:
        return _strip_tags(text, drop_quotes)
    return "".join(parser.parts)


def _strip_tags(text: str, drop_quotes: bool) -> str:
    """A plain tag-strip in one linear pass: invisible elements dropped, and everything from the
    quoted mail on when ``drop_quotes``; block tags become line breaks, other tags and comments
    go, character references are decoded."""
    text = _INVISIBLE.sub(" ", text)
    parts: list[str] = []
    at = 0
    for m in _ANY_TAG.finditer(text):
        parts.append(text[at : m.start()])
        at = m.end()
        if drop_quotes and (m[2].lower() == "blockquote" or _TextOfHtml.QUOTE.search(m[0])):
            return html.unescape("".join(parts))
        parts.append("\n" if m[2].lower() in _TextOfHtml.BLOCK else "")
    parts.append(text[at:])
    return html.unescape("".join(parts))
