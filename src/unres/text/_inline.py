"""Inline text in Markdown and plain text: the markup unres reads and writes, and what it recognises.

Two jobs:

- ``parse_inline`` reads the inline Markdown unres understands (``*italic*``, ``**bold**``,
  ``[text](href)``, ``[^1]``, ``<sup>``/``<sub>``/``<u>``, ``<time datetime>``, the quotation and
  foreign-markup spans, backslash escapes and character references);
- ``recognise`` finds, in plain words, what the model marks up: dates ("4 December 1998"),
  resolutions ("53/70", with the date that follows them), document symbols ("A/73/505",
  "S/RES/2231 (2015)") and quoted titles after "entitled".
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable, Collection

from unres._text import MONTHS, STYLE_TAGS, document_link, from_superscript, parse_date_words
from unres.errors import ParseError
from unres.model import (
    Date,
    Emphasis,
    FootnoteCall,
    Foreign,
    Inline,
    Quotation,
    Reference,
    Style,
    Symbol,
    Text,
    normalize_text,
    resolution_iri,
)

__all__ = ["CALL_CLOSE", "CALL_OPEN", "parse_inline", "plain_calls", "recognise"]

# A footnote call found by the reader in plain words is marked with these private-use characters
# around its marker before the inline pass turns it into a FootnoteCall.
CALL_OPEN = "\ue000"
CALL_CLOSE = "\ue001"
_SENTINEL = re.compile(f"{CALL_OPEN}([^{CALL_CLOSE}]+){CALL_CLOSE}")

_SUPERSCRIPT_RUN = re.compile("[\u2070\u00b9\u00b2\u00b3\u2074-\u2079]+")

_STYLE_TAGS = {tag: style for style, tag in STYLE_TAGS.items()} | {"em": Style.ITALIC, "strong": Style.BOLD}

# --------------------------------------------------------------------------------------------
# Recognition in plain words

_DATE = re.compile(r"\b(\d{1,2}) (" + "|".join(MONTHS) + r") (\d{4})\b")
_RESOLUTION = re.compile(r"(?<![\w/.\-])((?:ES-|S-)?\d{1,3})/([1-9]\d{0,3})(?: ([A-Z])\b)?(?![\w/]|\.\d)")
_DOCUMENT = re.compile(
    r"(?<![\w/])(?:A|S|E|ST|CCW|FCCC|TD|DP|UNEP|HRC|ECE|ESCAP|CRC|CEDAW)/"
    r"[A-Za-z0-9.\-]*\d[A-Za-z0-9.\-]*(?:/[A-Za-z0-9.\-]+)*(?: \(\d{4}\))?"
)
_QUOTED = re.compile(r"\b(?:entitled|titled|the title) (\u201c[^\u201c\u201d]*\u201d)")
_DECISION_WORD = re.compile(r"\b(decisions?|resolutions?)\b", re.IGNORECASE)


def _resolution_reference(text: str, match: re.Match[str]) -> tuple[Reference, int]:
    """A reference for "53/70"; its IRI carries the adoption date when "of <date>" follows."""
    session, number, part = match[1], int(match[2]), match[3]
    content = match[0]
    after = text[match.end() :]
    dated = re.match(r" of (\d{1,2} \w+ \d{4})", after)
    words = text[max(0, match.start() - 300) : match.start()]
    kinds = _DECISION_WORD.findall(words)
    decision = bool(kinds) and kinds[-1].lower().startswith("decision")
    if dated and part is None:
        when = parse_date_words(dated[1])
        if when is not None:
            return Reference(resolution_iri(when, Symbol(session, number)), (content,)), match.end()
    kind = "DEC" if decision else "RES"
    return Reference(document_link(f"A/{kind}/{session}/{number}{part or ''}"), (content,)), match.end()


def _document_reference(match: re.Match[str]) -> tuple[Reference, int]:
    symbol = match[0]
    end = match.end()
    while symbol and symbol[-1] in ".-":
        symbol = symbol[:-1]
        end -= 1
    return Reference(document_link(symbol), (symbol,)), end


Finder = Callable[[str, int], "tuple[int, Inline, int] | None"]


def _next_date(text: str, pos: int) -> tuple[int, Inline, int] | None:
    for match in _DATE.finditer(text, pos):
        value = parse_date_words(match[0])
        if value is not None:
            return match.start(), Date(value, match[0]), match.end()
    return None


def _next_resolution(text: str, pos: int) -> tuple[int, Inline, int] | None:
    for match in _RESOLUTION.finditer(text, pos):
        session = match[1]
        if session.isdigit() and not 1 <= int(session) <= 150:
            continue
        reference, end = _resolution_reference(text, match)
        return match.start(), reference, end
    return None


def _next_document(text: str, pos: int) -> tuple[int, Inline, int] | None:
    match = _DOCUMENT.search(text, pos)
    if match is None:
        return None
    reference, end = _document_reference(match)
    return match.start(), reference, end


def _next_quote(text: str, pos: int) -> tuple[int, Inline, int] | None:
    match = _QUOTED.search(text, pos)
    if match is None:
        return None
    return match.start(1), Quotation((match[1],)), match.end()


_FINDERS: tuple[Finder, ...] = (_next_quote, _next_document, _next_resolution, _next_date)


def recognise_string(text: str) -> list[Inline]:
    """Dates, references and quoted titles found in ``text``, with the words between them."""
    out: list[Inline] = []
    pos = 0
    # Each finder's next hit, recomputed only once the text before it has been used up.
    hits = {finder: finder(text, 0) for finder in _FINDERS}
    while pos < len(text):
        for finder, hit in hits.items():
            if hit is not None and hit[0] < pos:
                hits[finder] = finder(text, pos)
        found = [hit for hit in hits.values() if hit is not None]
        if not found:
            break
        start, piece, end = min(found, key=lambda hit: (hit[0], -hit[2]))
        out.append(text[pos:start])
        out.append(piece)
        pos = end
    out.append(text[pos:])
    return out


def recognise(text: Text) -> Text:
    """``text`` with dates, references and quoted titles marked up in its plain strings."""
    flat: list[Inline] = []
    for piece in text:
        # A link without a target ("[53/70](#)") is only a hint: the words are recognised again.
        if (
            isinstance(piece, Reference)
            and piece.href in ("", "#")
            and all(isinstance(p, str) for p in piece.content)
        ):
            flat.append("".join(str(p) for p in piece.content))
        else:
            flat.append(piece)
    out: list[Inline] = []
    for piece in normalize_text(flat):
        if isinstance(piece, str):
            out.extend(recognise_string(piece))
        elif isinstance(piece, Emphasis):
            out.append(Emphasis(recognise(piece.content), piece.style))
        else:
            out.append(piece)
    return normalize_text(out)


def plain_calls(text: str, markers: Collection[str]) -> Text:
    """Plain words with footnote calls: the reader's marks and Unicode superscript digits."""
    out: list[Inline] = []
    pos = 0
    for match in re.finditer(f"{_SENTINEL.pattern}|{_SUPERSCRIPT_RUN.pattern}", text):
        out.append(text[pos : match.start()])
        if match[1] is not None:
            out.append(FootnoteCall(match[1]))
        else:
            marker = from_superscript(match[0])
            out.append(FootnoteCall(marker) if marker in markers else match[0])
        pos = match.end()
    out.append(text[pos:])
    return normalize_text(out)


# --------------------------------------------------------------------------------------------
# Markdown inline

_ESCAPABLE = set("\\`*_{}[]()#+-.!<>|&~^")
_TAG = re.compile(r"<(/?)([a-z]+)((?:\s+[a-z\-]+=\"[^\"]*\")*)\s*(/?)>")
_ATTR = re.compile(r"([a-z\-]+)=\"([^\"]*)\"")
_ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")
# Characters that may start markup or close it (every closing delimiter starts with one of them).
_SPECIAL = re.compile(f"[\\\\&*\\[\\]<{CALL_OPEN}]")
_SPECIAL_LOOSE = re.compile(f"[\\\\&*_\\[\\]<{CALL_OPEN}]")  # Markdown from elsewhere: also _italic_


class InlineError(ParseError):
    """Inline Markdown unres cannot read (such as an unclosed tag in exact mode); the reader says
    where, and being an ``UnresError`` it never escapes as anything else."""


class _Parser:
    """A small recursive-descent reader for the inline Markdown unres writes and meets."""

    def __init__(self, text: str, markers: Collection[str], exact: bool) -> None:
        self.text = text
        self.pos = 0
        self.markers = markers
        self.exact = exact
        self.special = _SPECIAL if exact else _SPECIAL_LOOSE

    def parse(self, until: str | None = None) -> list[Inline]:
        out: list[Inline] = []
        buffer: list[str] = []

        def flush() -> None:
            if buffer:
                out.append("".join(buffer))
                buffer.clear()

        text = self.text
        while self.pos < len(text):
            # Plain characters up to the next one that may start markup go in at once.
            special = self.special.search(text, self.pos)
            stop = special.start() if special is not None else len(text)
            if stop > self.pos:
                buffer.append(text[self.pos : stop])
                self.pos = stop
                continue
            if until is not None and text.startswith(until, self.pos):
                flush()
                return out
            ch = text[self.pos]
            if ch == "\\" and self.pos + 1 < len(text) and text[self.pos + 1] in _ESCAPABLE:
                buffer.append(text[self.pos + 1])
                self.pos += 2
                continue
            if ch == "&":
                match = _ENTITY.match(text, self.pos)
                if match is not None:
                    decoded = html.unescape(match[0])
                    if decoded != match[0]:
                        buffer.append(decoded)
                        self.pos = match.end()
                        continue
            if ch == CALL_OPEN:
                end = text.find(CALL_CLOSE, self.pos)
                flush()
                out.append(FootnoteCall(text[self.pos + 1 : end]))
                self.pos = end + 1
                continue
            piece = self.markup(ch)
            if piece is not None:
                flush()
                out.append(piece)
                continue
            buffer.append(ch)
            self.pos += 1
        if until is not None:
            raise InlineError(f"{until!r} is missing")
        flush()
        return out

    def markup(self, ch: str) -> Inline | None:
        start = self.pos
        piece: Inline | None = None
        try:
            after_word = start > 0 and self.text[start - 1].isalnum()
            loose_underscore = ch == "_" and not self.exact and not after_word
            if ch == "*" or loose_underscore:
                piece = self.emphasis()
            elif ch == "[":
                piece = self.bracket()
            elif ch == "<":
                piece = self.tag()
        except InlineError:
            if self.exact:
                raise
            piece = None
        if piece is None:
            self.pos = start
        return piece

    def emphasis(self) -> Inline | None:
        text = self.text
        mark = text[self.pos]
        if text.startswith(mark * 2, self.pos):
            delimiter, style = mark * 2, Style.BOLD
        else:
            delimiter, style = mark, Style.ITALIC
        inner = self.pos + len(delimiter)
        if inner >= len(text) or text[inner].isspace():
            return None
        self.pos = inner
        content = self.parse(until=delimiter)
        self.pos += len(delimiter)
        return Emphasis(normalize_text(content), style)

    def bracket(self) -> Inline | None:
        text = self.text
        call = re.compile(r"\[\^([^\]\s]+)\](?!:)").match(text, self.pos)
        if call is not None:
            self.pos = call.end()
            return FootnoteCall(call[1])
        self.pos += 1
        content = self.parse(until="]")
        self.pos += 1
        if not text.startswith("(", self.pos):
            raise InlineError("a link without its address")
        if text.startswith("(<", self.pos):
            end = text.find(">)", self.pos)
            if end < 0:
                raise InlineError("a link address without its closing '>)'")
            href = text[self.pos + 2 : end]
            self.pos = end + 2
        else:
            end = text.find(")", self.pos)
            if end < 0:
                raise InlineError("a link address without its closing ')'")
            href = text[self.pos + 1 : end]
            self.pos = end + 1
        return Reference(html.unescape(href), normalize_text(content))

    def tag(self) -> Inline | None:
        match = _TAG.match(self.text, self.pos)
        if match is None or match[1]:
            return None
        name = match[2]
        attributes = {key: html.unescape(value) for key, value in _ATTR.findall(match[3])}
        self.pos = match.end()
        if name == "span" and "data-akn" in attributes:
            self.closing("span")
            return Foreign(attributes["data-akn"])
        content = normalize_text(self.parse(until=f"</{name}>"))
        self.closing(name)
        if name == "time" and "datetime" in attributes:
            try:
                value = dt.date.fromisoformat(attributes["datetime"])
            except ValueError:
                raise InlineError(f"<time datetime={attributes['datetime']!r}> is not a date") from None
            words = "".join(piece for piece in content if isinstance(piece, str))
            return Date(value, words)
        if name == "span" and attributes.get("class") == "quotation":
            return Quotation(content)
        if name == "sup" and not self.exact and len(content) == 1 and content[0] in self.markers:
            return FootnoteCall(str(content[0]))
        if name in _STYLE_TAGS:
            return Emphasis(content, _STYLE_TAGS[name])
        if name == "span":
            return Emphasis(content, Style.ITALIC) if attributes.get("class") == "italic" else None
        raise InlineError(f"<{name}> is not read")

    def closing(self, name: str) -> None:
        end = f"</{name}>"
        if not self.text.startswith(end, self.pos):
            raise InlineError(f"{end} is missing")
        self.pos += len(end)


def parse_inline(text: str, markers: Collection[str] = (), *, exact: bool = False) -> Text:
    """Read inline Markdown. In exact mode (Markdown written by unres) malformed markup is an error;
    otherwise it is read as the characters it is made of."""
    return normalize_text(_Parser(text, markers, exact).parse())
