"""Write a resolution as Markdown (read back exactly by unres) or as plain text, in the UN layout."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Iterator

import attrs

from unres._text import (
    STYLE_TAGS,
    SUPERSCRIPTS,
    Words,
    agenda_lines,
    council_adopted_line,
    join_opening,
    masthead_symbol,
    paragraph_number,
    words_for,
)
from unres.errors import FormatError
from unres.model import (
    AdoptedByAcclamation,
    AdoptedWithoutVote,
    Body,
    Date,
    Emphasis,
    FootnoteCall,
    Foreign,
    Heading,
    Inline,
    OperativeItem,
    OperativeParagraph,
    Origin,
    Quotation,
    Reference,
    Resolution,
    ResolutionPart,
    Section,
    Style,
    SubParagraph,
    Table,
    Text,
    Vote,
    plain_text,
)

__all__ = ["dumps"]

_SPECIAL = {
    "\\": "\\\\",
    "*": "\\*",
    "[": "\\[",
    "]": "\\]",
    "<": "&lt;",
    "&": "&amp;",
    "\ue000": "&#57344;",
    "\ue001": "&#57345;",
}
# Block openings the reader would take for structure: they are guarded with an empty comment.
_STRUCTURAL = re.compile(
    r"^(?:\d{1,4}\.(?:\s|$)|\((?:[a-z]{1,4}|[ivxlc]{1,6}|[A-Z]{1,2}|\d{1,2})\)\s|#|<!--|&emsp;|\[\^|<sup>"
    r"|-{3,}|\*{3,}|_{3,}|\**\d{1,3}(?:st|nd|rd|th) .+ meeting|\**Annex"
    r"|\**[IVXLC]{1,6}\.?\**$|\**[A-Z]\.?\**$"
    r"|\**The General Assembly|\**(?:ES-|S-)?\d{1,3}/\d{1,4}\.|[\u2013\u2014\u2022\u00b7-]\s|\**Adopted "
    r"|\**\d{1,2} [A-Z][a-z]{2,8} \d{4}\**$|[A-Z]\. |[^\W\d_]{2,5}\. )"
)
_GUARD = "<!---->"
# Marks of Markdown written by unres for what the page shows but cannot tell apart by itself.
HEADING_MARK = "<!-- heading -->"  # a cross-heading: "#### <!-- heading -->I<!-- / --> Heading"
HEADING_SEPARATOR = "<!-- / -->"
UNLABELLED_ANNEX = "<!-- annex -->"  # an annex that prints no "Annex" line
UNLABELLED_ITEM = "<!-- item -->"  # a sub-paragraph the source does not label
# A table: a pipe table, preceded by its cells' header flags, spans and paragraph counts as JSON,
# "<!-- table [[[1,2,1,1],...],...] -->"; a cell's paragraphs are a "<br>" apart.
TABLE_MARK = "<!-- table "


def _escape(text: str) -> str:
    out = []
    for ch in text:
        if ch in _SPECIAL:
            out.append(_SPECIAL[ch])
        elif ch.isspace() and ch != " ":
            out.append(f"&#{ord(ch)};")
        else:
            out.append(ch)
    return "".join(out)


def _escape_href(href: str) -> str:
    return "".join(f"&#{ord(ch)};" if ch.isspace() or ch in "()<>&\\" else ch for ch in href)


def _spaces(block: str) -> str:
    """Keep runs of spaces and spaces at the ends, which Markdown would fold away."""
    block = re.sub(r"(?<= ) ", "&#32;", block)
    if block.startswith(" "):
        block = "&#32;" + block[1:]
    if block.endswith(" "):
        block = block[:-1] + "&#32;"
    return block


def _has_emphasis(text: Text) -> bool:
    return any(isinstance(piece, Emphasis) for piece in text)


def _md(text: Text) -> str:
    """Inline Markdown for ``text`` as the unres reader reads it back."""
    out: list[str] = []
    for piece in text:
        out.append(_md_piece(piece))
    return "".join(out)


def _md_piece(piece: Inline) -> str:
    if isinstance(piece, str):
        return _escape(piece)
    if isinstance(piece, Emphasis):
        inner = _md(piece.content)
        simple = (
            inner and not inner[0].isspace() and not inner[-1].isspace() and not _has_emphasis(piece.content)
        )
        if piece.style is Style.ITALIC and simple and not inner.startswith("&#32;"):
            return f"*{inner}*"
        if piece.style is Style.BOLD and simple and not inner.startswith("&#32;"):
            return f"**{inner}**"
        tag = STYLE_TAGS[piece.style]
        return f"<{tag}>{inner}</{tag}>"
    if isinstance(piece, Reference):
        return f"[{_md(piece.content)}]({_escape_href(piece.href)})"
    if isinstance(piece, Date):
        return f'<time datetime="{piece.value.isoformat()}">{_escape(piece.text)}</time>'
    if isinstance(piece, FootnoteCall):
        return f"[^{piece.marker}]"
    if isinstance(piece, Quotation):
        return f'<span class="quotation">{_md(piece.content)}</span>'
    if isinstance(piece, Foreign):
        return f'<span data-akn="{html.escape(piece.xml, quote=True)}"></span>'
    raise FormatError(f"cannot write {piece!r} as Markdown")


def _block(text: Text) -> str:
    rendered = _spaces(_md(text))
    return _GUARD + rendered if _STRUCTURAL.match(rendered) or not rendered else rendered


def _front(resolution: Resolution) -> list[str]:
    lines = ["---", "unres: 1", f"symbol: {resolution.symbol}", f"language: {resolution.language}"]
    if resolution.markup_date is not None:
        lines.append(f'markup_date: "{resolution.markup_date.isoformat()}"')
    if resolution.draft is not None:
        draft = {"symbol": resolution.draft.symbol, "date": resolution.draft.date.isoformat()}
        if resolution.draft.sponsors is not None:
            draft["sponsors"] = resolution.draft.sponsors
        if resolution.draft.additional_sponsors is not None:
            draft["additional_sponsors"] = resolution.draft.additional_sponsors
        lines.append(f"draft: {json.dumps(draft, ensure_ascii=False)}")
    if resolution.vote is not None:
        lines.append(f"vote: {json.dumps(_vote(resolution.vote))}")
    if resolution.meeting is not None and resolution.meeting.record is not None:
        lines.append(f"meeting_record: {json.dumps(resolution.meeting.record, ensure_ascii=False)}")
    if resolution.body is Body.SECURITY_COUNCIL and resolution.meeting and resolution.meeting.date:
        # The adoption line prints the meeting's date; the adoption date would be lost.
        lines.append(f'adoption_date: "{resolution.adoption_date.isoformat()}"')
    if resolution.adoption_remark is not None:
        lines.append(f"adoption_remark: {json.dumps(resolution.adoption_remark, ensure_ascii=False)}")
    if resolution.keywords:
        keywords = [attrs.asdict(k) for k in resolution.keywords]
        lines.append(f"keywords: {json.dumps(keywords, ensure_ascii=False)}")
    if resolution.extensions:
        lines.append(f"extensions: {json.dumps([x.xml for x in resolution.extensions], ensure_ascii=False)}")
    parts = [_part_facts(part) for part in resolution.parts]
    if any(parts):
        lines.append(f"parts: {json.dumps(parts, ensure_ascii=False)}")
    lines.append("---")
    return lines


def _vote(vote: Vote) -> object:
    if isinstance(vote, AdoptedWithoutVote):
        return "without vote"
    if isinstance(vote, AdoptedByAcclamation):
        return "by acclamation"
    return attrs.asdict(vote)


def _part_facts(part: ResolutionPart) -> dict[str, object]:
    """What the page of a part does not show: its vote, meeting record and kept metadata."""
    facts: dict[str, object] = {}
    if part.vote is not None:
        facts["vote"] = _vote(part.vote)
    if part.meeting is not None and part.meeting.record is not None:
        facts["meeting_record"] = part.meeting.record
    if part.extensions:
        facts["extensions"] = [x.xml for x in part.extensions]
    return facts


def _agenda_line(numbers: str, title: str | None) -> str:
    if not title:
        return numbers
    escaped = _spaces(_escape(title))
    if escaped.startswith("(") or (not numbers and escaped.startswith(("Agenda item", "Resolution"))):
        escaped = "\\" + escaped
    return f"{numbers} {escaped}" if numbers else escaped


def _markdown(resolution: Resolution) -> Iterator[str]:
    yield from _front(resolution)
    yield ""
    words = words_for(resolution)
    yield f"{words.united_nations}  "
    yield masthead_symbol(resolution)
    yield ""
    yield f"{words.body(resolution)}  "
    if resolution.distribution_date is not None:
        yield f"{words.distribution}  "
        yield words.distribution_date(resolution.distribution_date)
    else:
        yield words.distribution
    yield ""
    session = [words.session(resolution.session)] if resolution.session is not None else []
    session += [
        _agenda_line(numbers, title) for numbers, title in agenda_lines(resolution.agenda_items, words)
    ]
    if session:
        yield "  \n".join(session)
        yield ""
    calls = _md(tuple(FootnoteCall(marker) for marker in resolution.title_notes))
    if resolution.body is Body.SECURITY_COUNCIL:
        title = f" {_spaces(_escape(resolution.title))}" if resolution.title else ""
        yield f"## Resolution {resolution.symbol.resolution_number}{title}{calls}"
        yield ""
        yield f"*{council_adopted_line(resolution)}*"
        yield ""
        calls = ""
    else:
        yield f"## {''.join(words.adopted(resolution))}"
        yield ""
    if resolution.origin is not None:
        yield _origin_line(words, resolution.origin)
        yield ""
    if resolution.body is Body.SECURITY_COUNCIL:
        pass
    elif resolution.main_titles:
        whole = words.number(attrs.evolve(resolution.symbol, part=None).resolution_number)
        yield f"### {whole}. " + "  \n".join(_spaces(_escape(title)) for title in resolution.main_titles)
        yield ""
        yield f"### {words.part(resolution.symbol.part or '')}. {_spaces(_escape(resolution.title))}{calls}"
    else:
        number = words.number(resolution.symbol.resolution_number)
        yield f"### {number}. {_spaces(_escape(resolution.title))}{calls}"
    yield ""
    if not resolution.parts:  # each part has its own formula
        yield (
            _GUARD + _spaces(_md(resolution.enacting_formula))
            if not resolution.enacting_formula
            else _spaces(_md(resolution.enacting_formula))
        )
        yield ""
    yield from _md_body(resolution, resolution)
    for part in resolution.parts:
        yield f"### {words.part(part.label)}. {_spaces(_escape(part.title))}"
        yield ""
        yield _spaces(_md(part.enacting_formula))
        yield ""
        yield from _md_body(resolution, part)
    if resolution.footnotes:
        yield "---"
        yield ""
        for note in resolution.footnotes:
            yield f"[^{note.marker}]: {_spaces(_md(note.text))}"
            yield ""


def _origin_line(words: Words, origin: Origin) -> str:
    before, committee, between, document, after = words.origin(origin)
    return f"{before}{committee or ''}{between}{document}{after}"


def _closing(resolution: Resolution, body: Resolution | ResolutionPart) -> tuple[str, ...]:
    """The closing line: the meeting and the date, or the date alone (none for the Security
    Council, whose meeting is in the masthead)."""
    if resolution.body is Body.SECURITY_COUNCIL:
        return ()
    if body.meeting is not None:
        place = f" in {body.meeting.place}" if body.meeting.place else ""
        words = words_for(resolution)
        return (
            words.meeting(body.meeting),
            words.date(body.meeting.date or resolution.adoption_date) + place,
        )
    if body.closing_date is not None:
        return (words_for(resolution).date(body.closing_date),)
    return ()


def _md_body(resolution: Resolution, body: Resolution | ResolutionPart) -> Iterator[str]:
    for para in body.preamble:
        yield _block(join_opening(para.opening, para.text, resolution.language))
        yield ""
        yield from _md_subs(para.subparagraphs, 1)
    yield from _md_items(body.operative, 0, resolution.language)
    closing = _closing(resolution, body)
    if closing:
        yield "  \n".join(f"*{line}*" for line in closing)
        yield ""
    for annex in body.annexes:
        yield f"## {annex.label}" if annex.label is not None else f"## {UNLABELLED_ANNEX}"
        yield ""
        if annex.heading:
            yield f"### {_block(annex.heading)}"
            yield ""
        yield from _md_items(annex.content, 0, resolution.language)


def _md_table(table: Table) -> Iterator[str]:
    """A table as a pipe table that reads back exactly (see ``TABLE_MARK``)."""
    spec = [[[int(c.header), c.colspan, c.rowspan, len(c.content)] for c in row.cells] for row in table.rows]
    yield f"{TABLE_MARK}{json.dumps(spec, separators=(',', ':'))} -->"
    for number, row in enumerate(table.rows):
        cells = [
            "<br>".join(_spaces(_md(p)) for p in cell.content).replace("|", "&#124;") for cell in row.cells
        ]
        yield "| " + " | ".join(cells) + " |"
        if number == 0:
            yield "|" + "---|" * len(row.cells)


def _table_rows(table: Table, cell_text: Callable[[Text], str]) -> Iterator[str]:
    """A table as pipe-separated rows, a cell's paragraphs a space apart."""
    for number, row in enumerate(table.rows):
        cells = [" ".join(cell_text(p) for p in cell.content).replace("|", "\\|") for cell in row.cells]
        yield "| " + " | ".join(cells) + " |"
        if number == 0:
            yield "|" + "---|" * len(row.cells)


def _md_items(items: tuple[OperativeItem, ...], depth: int, language: str) -> Iterator[str]:
    for item in items:
        if isinstance(item, Heading):
            # A cross-heading holds nothing (a Section does): marked, its three parts apart.
            parts = [item.label or "", _spaces(_md(item.heading)), _spaces(_md(item.subheading))]
            marked = (
                HEADING_MARK
                + parts[0]
                + "".join(f"{HEADING_SEPARATOR} {part}".rstrip() for part in parts[1:])
            )
            yield f"{'#' * (4 + depth)} {marked}"
            yield ""
        elif isinstance(item, Table):
            yield from _md_table(item)
            yield ""
        elif isinstance(item, Section):
            hashes = "#" * (4 + depth)
            heading = _spaces(_md(item.heading))
            if item.label is None:
                line = f"{hashes} {_GUARD}{heading}"
            else:
                line = f"{hashes} {item.label}" + (f". {heading}" if heading else "")
            yield line
            yield ""
            for para in item.preamble:
                yield _block(join_opening(para.opening, para.text, language))
                yield ""
            yield from _md_items(item.content, depth + 1, language)
        else:
            yield from _md_paragraph(item, language)


def _md_paragraph(para: OperativeParagraph, language: str) -> Iterator[str]:
    text = _spaces(_md(join_opening(para.opening, para.text, language)))
    if para.number is None:
        yield f"<!-- unnumbered -->{text}"
    else:
        yield f"{para.number}. {text}".rstrip() if text else f"{para.number}. {_GUARD}"
    yield ""
    yield from _md_subs(para.subparagraphs, 1)
    if para.closing_text:
        yield f"<!-- closing -->{_spaces(_md(para.closing_text))}"
        yield ""


def _md_subs(subs: tuple[SubParagraph, ...], depth: int) -> Iterator[str]:
    for sub in subs:
        text = _spaces(_md(sub.text))
        label = f"{sub.printed_label} " if sub.label else UNLABELLED_ITEM
        yield f"{'&emsp;' * (depth - 1)}{label}{text if text else _GUARD}"
        yield ""
        yield from _md_subs(sub.subparagraphs, depth + 1)
        if sub.closing_text:
            yield f"<!-- closing -->{'&emsp;' * depth}{_spaces(_md(sub.closing_text))}"
            yield ""


# --------------------------------------------------------------------------------------------
# Plain text


def _plain(text: Text) -> str:
    out: list[str] = []
    for piece in text:
        if isinstance(piece, FootnoteCall):
            marker = piece.marker
            out.append(marker.translate(SUPERSCRIPTS) if marker.isdigit() else marker)
        elif isinstance(piece, Emphasis | Quotation | Reference):
            out.append(_plain(piece.content))
        else:
            out.append(plain_text((piece,)))
    return "".join(out)


def _text(resolution: Resolution) -> Iterator[str]:
    width = 90
    symbol = masthead_symbol(resolution)
    words = words_for(resolution)
    yield f"{words.united_nations:<{width - len(symbol)}}{symbol}"
    distr = words.distribution
    yield f"{words.body(resolution):<{width - len(distr)}}{distr}"
    if resolution.distribution_date is not None:
        date = words.distribution_date(resolution.distribution_date)
        yield f"{'':<{width - len(distr)}}{date}"
    yield ""
    if resolution.session is not None:
        yield words.session(resolution.session)
    for numbers, title in agenda_lines(resolution.agenda_items, words):
        yield " ".join(part for part in (numbers, title) if part)
    yield ""
    calls = _plain(tuple(FootnoteCall(marker) for marker in resolution.title_notes))
    if resolution.body is Body.SECURITY_COUNCIL:
        title = f" {resolution.title}" if resolution.title else ""
        yield f"Resolution {resolution.symbol.resolution_number}{title}{calls}"
        yield council_adopted_line(resolution)
        yield ""
    else:
        yield "".join(words.adopted(resolution))
        yield ""
    if resolution.origin is not None:
        yield _origin_line(words, resolution.origin)
        yield ""
    if resolution.body is Body.SECURITY_COUNCIL:
        pass
    elif resolution.main_titles:
        yield (
            f"{words_for(resolution).number(attrs.evolve(resolution.symbol, part=None).resolution_number)}. "
            + "\n".join(resolution.main_titles)
        )
        yield ""
        yield f"{words.part(resolution.symbol.part or '')}. {resolution.title}{calls}"
    else:
        yield f"{words.number(resolution.symbol.resolution_number)}. {resolution.title}{calls}"
    yield ""
    if not resolution.parts:  # each part has its own formula
        yield _plain(resolution.enacting_formula)
        yield ""
    yield from _text_body(resolution, resolution)
    for part in resolution.parts:
        yield f"{words.part(part.label)}. {part.title}"
        yield ""
        yield _plain(part.enacting_formula)
        yield ""
        yield from _text_body(resolution, part)
    if resolution.footnotes:
        yield "__________"
        for note in resolution.footnotes:
            yield f"{note.marker} {_plain(note.text)}"


def _text_body(resolution: Resolution, body: Resolution | ResolutionPart) -> Iterator[str]:
    for para in body.preamble:
        yield _plain(join_opening(para.opening, para.text, resolution.language))
        yield ""
        yield from _text_subs(para.subparagraphs)
    yield from _text_items(body.operative, resolution.language)
    closing = _closing(resolution, body)
    if closing:
        yield from closing
        yield ""
    for annex in body.annexes:
        if annex.label is not None:
            yield annex.label
            yield ""
        if annex.heading:
            yield _plain(annex.heading)
            yield ""
        yield from _text_items(annex.content, resolution.language)


def _text_items(items: tuple[OperativeItem, ...], language: str) -> Iterator[str]:
    for item in items:
        if isinstance(item, Heading):
            yield " ".join(
                part for part in (item.label, _plain(item.heading), _plain(item.subheading)) if part
            )
            yield ""
            continue
        if isinstance(item, Table):
            yield from _table_rows(item, _plain)
            yield ""
            continue
        if isinstance(item, Section):
            if item.label is not None:
                yield item.label
                yield ""
            if item.heading:
                yield _plain(item.heading)
                yield ""
            for para in item.preamble:
                yield _plain(join_opening(para.opening, para.text, language))
                yield ""
            yield from _text_items(item.content, language)
            continue
        text = _plain(join_opening(item.opening, item.text, language))
        yield f"{paragraph_number(item.number, language)} {text}" if item.number is not None else text
        yield ""
        yield from _text_subs(item.subparagraphs)
        if item.closing_text:
            yield _plain(item.closing_text)
            yield ""


def _text_subs(subs: tuple[SubParagraph, ...]) -> Iterator[str]:
    for sub in subs:
        yield f"{sub.printed_label} {_plain(sub.text)}" if sub.label else _plain(sub.text)
        yield ""
        yield from _text_subs(sub.subparagraphs)
        if sub.closing_text:
            yield _plain(sub.closing_text)
            yield ""


def dumps(resolution: Resolution, fmt: str = "md") -> str:
    """The resolution as Markdown (``"md"``) or plain text (``"text"``) in the UN's layout."""
    if fmt == "md":
        lines = list(_markdown(resolution))
    elif fmt == "text":
        lines = list(_text(resolution))
    else:
        raise FormatError(f"unknown text format {fmt!r}: expected 'md' or 'text'")
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"
