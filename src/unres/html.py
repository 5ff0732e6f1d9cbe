"""HTML: one self-contained page that looks like the printed resolution.

The page has no scripts and loads nothing: the style sheet is inline. It is semantic HTML
(``<article>``, ``<header>``, ``<section>``, ``<ol>``) in the document's language, with the
masthead laid out as the UN prints it, italic opening phrases, numbered paragraphs with hanging
indents, footnote calls linked to the notes and back, and references as links. Every paragraph's
``id`` is its Akoma Ntoso eId, so that ``page.html#para_3__list_1__point_a`` works as it does in
the XML.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import attrs

from unres._io import write_bytes

if TYPE_CHECKING:
    from unres._align import Alignment
from unres._text import (
    LANGUAGES,
    STYLE_TAGS,
    agenda_lines,
    council_adopted_line,
    document_link,
    join_opening,
    masthead_symbol,
    paragraph_number,
    words_for,
)
from unres.errors import FormatError
from unres.model import (
    Body,
    Date,
    Emphasis,
    FootnoteCall,
    Foreign,
    Heading,
    Inline,
    ModelPath,
    OperativeItem,
    OperativeParagraph,
    PreambularParagraph,
    Quotation,
    Reference,
    Resolution,
    ResolutionPart,
    Section,
    SubParagraph,
    Table,
    Text,
    part_prefix,
    plain_text,
)

__all__ = ["dump", "dumps"]

_LANG = {three: two for two, three in LANGUAGES.items()}

STYLE = """
:root { color-scheme: light; }
body { margin: 0; background: #f4f4f0; color: #111; }
article { box-sizing: border-box; max-width: 46rem; margin: 1.5rem auto; padding: 2.5rem 3rem 3rem;
  background: #fff; font: 1.05rem/1.45 "Times New Roman", Times, "Liberation Serif", "Noto Serif",
  "Noto Naskh Arabic", "Amiri", "Traditional Arabic", "Noto Serif CJK SC", "Noto Sans CJK SC", SimSun,
  "Songti SC", serif;
  box-shadow: 0 0 0.4rem rgba(0, 0, 0, 0.15); }
a { color: #0b4f8a; }
.masthead { border-bottom: 3px solid #111; padding-bottom: 0.6rem; margin-bottom: 1.4rem; }
.masthead .row { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: baseline;
  gap: 0 1rem; }
.masthead .org { font: 600 0.95rem/1.3 Arial, Helvetica, sans-serif; }
.masthead .organ { font: 700 1.6rem/1.2 Arial, Helvetica, sans-serif; }
.masthead .symbol { font: 700 1.35rem/1.2 Arial, Helvetica, sans-serif; }
.masthead .distr { text-align: end; font-size: 0.9rem; margin: 0; }
.session { font-size: 0.95rem; margin: 0 0 1.2rem; }
.adopted { font: 700 1.05rem/1.3 Arial, Helvetica, sans-serif; margin: 1.2rem 0 0.3rem; }
.origin { margin: 0 0 1.2rem; }
h1 { font-size: 1.25rem; line-height: 1.3; margin: 1.2rem 0 1.4rem; margin-inline-start: 4rem;
  text-indent: -4rem; }
h1 .number { display: inline-block; min-width: 4rem; text-indent: 0; }
h2, h3 { font-size: 1.05rem; text-align: center; margin: 1.6rem 0 0.8rem; }
h3 { font-weight: normal; font-style: italic; }
p, li { margin: 0 0 0.7rem; text-align: justify; hyphens: auto; }
.preamble p, .formula { text-indent: 2.5rem; }
ol { list-style: none; margin: 0; padding: 0; }
ol.paragraphs > li { padding-inline-start: 2.5rem; position: relative; }
ol.points > li { padding-inline-start: 2.5rem; position: relative; }
ol.points { margin-top: 0.7rem; }
li > .num { position: absolute; inset-inline-start: 0; }
ol.paragraphs > li > .num { inset-inline-start: 0.4rem; }
.closing { margin-top: 0.7rem; }
.meeting { text-align: end; font-style: italic; margin: 1.5rem 0; }
table.table { border-collapse: collapse; margin: 1rem 0; font-size: 0.9rem; }
table.table td, table.table th { border: 1px solid #bbb; padding: 0.2rem 0.4rem; vertical-align: top; }
table.table p { margin: 0; text-indent: 0; }
.annex { margin-top: 2.5rem; border-top: 1px solid #999; padding-top: 1rem; }
.notes { margin-top: 2rem; border-top: 1px solid #111; width: 12rem; padding-top: 0.4rem; }
.notes ol { width: 40rem; max-width: calc(100vw - 4rem); font-size: 0.88rem; }
.notes li { padding-inline-start: 2rem; position: relative; }
.notes .back { text-decoration: none; margin-inline-start: 0.3rem; }
sup.call a { text-decoration: none; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
@media (max-width: 40rem) {
  article { margin: 0; padding: 1.2rem; box-shadow: none; }
  p, li { text-align: start; }
  h1 { margin-inline-start: 0; text-indent: 0; }
  .preamble p, .formula { text-indent: 1.2rem; }
  ol.paragraphs > li, ol.points > li { padding-inline-start: 1.8rem; }
}
@media print {
  body { background: #fff; }
  article { box-shadow: none; margin: 0; padding: 0; max-width: none; font-size: 11pt; }
  a { color: inherit; text-decoration: none; }
  .notes .back { display: none; }
}
"""


class _Page:
    """One rendering: the footnote calls met so far and the eIds of the paragraphs."""

    def __init__(self, resolution: Resolution, base_url: str) -> None:
        self.resolution = resolution
        self.language = resolution.language  # sets how openings and numbers are printed
        self.base_url = base_url.rstrip("/")
        self.calls: dict[str, int] = {}
        self.eids: dict[ModelPath, str] = {path: eid for eid, _, path in resolution.iter_paragraph_paths()}

    # -- inline ------------------------------------------------------------------------------

    def href(self, target: str) -> str:
        if target.startswith("/") and self.base_url:
            return self.base_url + target
        return target

    def inline(self, text: Text) -> str:
        return "".join(self.piece(piece) for piece in text)

    def piece(self, piece: Inline) -> str:
        if isinstance(piece, str):
            return escape(piece, quote=False)
        if isinstance(piece, Emphasis):
            tag = STYLE_TAGS[piece.style]
            return f"<{tag}>{self.inline(piece.content)}</{tag}>"
        if isinstance(piece, Reference):
            return f'<a href="{escape(self.href(piece.href))}">{self.inline(piece.content)}</a>'
        if isinstance(piece, Date):
            return f'<time datetime="{piece.value.isoformat()}">{escape(piece.text, quote=False)}</time>'
        if isinstance(piece, FootnoteCall):
            count = self.calls.get(piece.marker, 0) + 1
            self.calls[piece.marker] = count
            marker = escape(piece.marker)
            return (
                f'<sup class="call"><a href="#note_{marker}" id="call_{marker}_{count}" '
                f'aria-label="note {marker}">{marker}</a></sup>'
            )
        if isinstance(piece, Quotation):
            return f'<q class="quotation">{self.inline(_unquoted(piece.content))}</q>'
        if isinstance(piece, Foreign):
            return f'<span class="foreign" data-akn="{escape(piece.xml)}"></span>'
        raise FormatError(f"cannot render {piece!r} as HTML")

    # -- blocks ------------------------------------------------------------------------------

    def page(self) -> Iterator[str]:
        res = self.resolution
        lang = _LANG.get(res.language, res.language)
        title = f"{res.symbol} \u2014 {res.title}"
        yield "<!DOCTYPE html>"
        direction = ' dir="rtl"' if lang == "ar" else ""  # Arabic reads right to left: the page mirrors
        yield f'<html lang="{escape(lang)}"{direction}>'
        yield "<head>"
        yield '<meta charset="utf-8">'
        yield '<meta name="viewport" content="width=device-width, initial-scale=1">'
        yield f"<title>{escape(title)}</title>"
        yield f"<style>{STYLE}</style>"
        yield "</head>"
        yield "<body>"
        yield f'<article class="resolution" id="{escape(res.symbol.iri_number)}">'
        yield from self.masthead()
        calls = self.inline(tuple(FootnoteCall(marker) for marker in res.title_notes))
        if res.body is Body.SECURITY_COUNCIL:
            title = f" {escape(res.title, quote=False)}" if res.title else ""
            yield f"<h1>Resolution {escape(res.symbol.resolution_number)}{title}{calls}</h1>"
            yield f'<p class="adopted">{escape(council_adopted_line(res))}</p>'
        elif res.main_titles:
            whole = escape(words_for(res).number(attrs.evolve(res.symbol, part=None).resolution_number))
            titles = "<br>".join(escape(title, quote=False) for title in res.main_titles)
            yield f'<h1><span class="number">{whole}.</span> {titles}</h1>'
            letter = escape(words_for(res).part(res.symbol.part or ""))
            yield f'<h2><span class="number">{letter}.</span> {escape(res.title, quote=False)}{calls}</h2>'
        else:
            number = words_for(res).number(res.symbol.resolution_number)
            yield (
                f'<h1><span class="number">{escape(number)}.</span> '
                f"{escape(res.title, quote=False)}{calls}</h1>"
            )
        if res.parts:
            for index, part in enumerate(res.parts):
                prefix = part_prefix(part)
                yield f'<section class="part" id="{escape(prefix.rstrip("_"))}">'
                yield f"<h2>{escape(words_for(res).part(part.label))}. {escape(part.title, quote=False)}</h2>"
                yield from self.body(part, prefix, ("parts", index))
                yield "</section>"
        else:
            yield from self.body(res, "", ())
        yield from self.notes()
        yield "</article>"
        yield "</body>"
        yield "</html>"

    def body(self, body: Resolution | ResolutionPart, prefix: str, path: ModelPath) -> Iterator[str]:
        """Formula, preamble, operative part, closing line and annexes of a resolution or a part."""
        yield f'<section class="preamble" id="{escape(prefix)}preamble">'
        if body.enacting_formula:
            formula = self.inline(body.enacting_formula)
            yield f'<p class="formula" id="{escape(prefix)}formula_1">{formula}</p>'
        for index, para in enumerate(body.preamble):
            yield self.preambular(para, (*path, "preamble", index))
        yield "</section>"
        yield f'<section class="operative" id="{escape(prefix)}mainBody">'
        yield from self.items(body.operative, (*path, "operative"), 2)
        yield "</section>"
        when = (
            body.closing_date
            if body.meeting is None
            else (body.meeting.date or self.resolution.adoption_date)
        )
        if when is not None and self.resolution.body is Body.GENERAL_ASSEMBLY:  # the Council's is above
            words = words_for(self.resolution)
            meeting = "" if body.meeting is None else f"{escape(words.meeting(body.meeting))}<br>"
            time = f'<time datetime="{when.isoformat()}">{escape(words.date(when))}</time>'
            if body.meeting is not None and body.meeting.place:
                time += f" in {escape(body.meeting.place)}"
            yield f'<p class="meeting">{meeting}{time}</p>'
        for number, annex in enumerate(body.annexes, start=1):
            yield f'<section class="annex" id="{escape(prefix)}att_{number}">'
            if annex.label is not None:
                yield f"<h2>{escape(annex.label)}</h2>"
            if annex.heading:
                yield f"<h3>{self.inline(annex.heading)}</h3>"
            yield from self.items(annex.content, (*path, "annexes", number - 1, "content"), 4)
            yield "</section>"

    def masthead(self) -> Iterator[str]:
        res = self.resolution
        words = words_for(res)
        yield '<header class="masthead">'
        yield (
            f'<div class="row"><span class="org">{escape(words.united_nations)}</span>'
            f'<span class="symbol">{escape(masthead_symbol(res))}</span></div>'
        )
        distr = escape(words.distribution)
        if res.distribution_date is not None:
            when = res.distribution_date
            # dir="auto": an English date in a right-to-left page keeps its order ("15 January 2020").
            printed = escape(words.distribution_date(when))
            distr += f'<br><time datetime="{when.isoformat()}" dir="auto">{printed}</time>'
        organ = escape(words.body(res))
        yield f'<div class="row"><span class="organ">{organ}</span><p class="distr">{distr}</p></div>'
        yield "</header>"
        lines = [escape(words.session(res.session))] if res.session is not None else []
        for numbers, agenda_title in agenda_lines(res.agenda_items, words):
            lines.extend(escape(part, quote=False) for part in (numbers, agenda_title) if part)
        if lines:
            yield f'<p class="session">{"<br>".join(lines)}</p>'
        if res.body is Body.GENERAL_ASSEMBLY:
            before, date, after = words.adopted(res)
            time = f'<time datetime="{res.adoption_date.isoformat()}">{escape(date)}</time>'
            yield f'<p class="adopted">{escape(before)}{time}{escape(after)}</p>'
        if res.origin is not None:
            before, committee, between, document, after = words.origin(res.origin)
            link = f'<a href="{escape(document_link(res.origin.document))}">{escape(document)}</a>'
            parts = (escape(before), escape(committee or ""), escape(between), link, escape(after))
            yield f'<p class="origin">{"".join(parts)}</p>'

    def preambular(self, para: PreambularParagraph, path: ModelPath) -> str:
        eid = self.eids[path]
        text = self.inline(join_opening(para.opening, para.text, self.language))
        return f'<p id="{escape(eid)}">{text}</p>{self.points(para, path)}'

    def items(self, items: tuple[OperativeItem, ...], path: ModelPath, level: int) -> Iterator[str]:
        open_list = False
        for index, item in enumerate(items):
            here = (*path, index)
            if isinstance(item, Section | Heading | Table):
                if open_list:
                    yield "</ol>"
                    open_list = False
                if isinstance(item, Section):
                    yield from self.section(item, here, level)
                elif isinstance(item, Heading):
                    yield self.heading(item, here, level)
                else:
                    yield self.table(item, here)
                continue
            if not open_list:
                yield '<ol class="paragraphs">'
                open_list = True
            yield self.paragraph(item, here)
        if open_list:
            yield "</ol>"

    def section(self, section: Section, path: ModelPath, level: int) -> Iterator[str]:
        eid = self.eids[path]
        yield f'<section class="section" id="{escape(eid)}">'
        heading = self.inline(section.heading)
        label = escape(section.label) if section.label is not None else ""
        tag = f"h{min(level, 6)}"
        if label and heading:
            yield f"<{tag}>{label}<br>{heading}</{tag}>"
        elif label or heading:
            yield f"<{tag}>{label or heading}</{tag}>"
        for index, para in enumerate(section.preamble):
            yield self.preambular(para, (*path, "preamble", index))
        yield from self.items(section.content, (*path, "content"), level + 1)
        yield "</section>"

    def heading(self, heading: Heading, path: ModelPath, level: int) -> str:
        parts = [escape(heading.label or ""), self.inline(heading.heading), self.inline(heading.subheading)]
        text = "<br>".join(part for part in parts if part)
        tag = f"h{min(level + (0 if heading.heading else 1), 6)}"
        return f'<{tag} class="heading" id="{escape(self.eids[path])}">{text}</{tag}>'

    def table(self, table: Table, path: ModelPath) -> str:
        rows = []
        for row in table.rows:
            cells = []
            for cell in row.cells:
                tag = "th" if cell.header else "td"
                span = (f' colspan="{cell.colspan}"' if cell.colspan > 1 else "") + (
                    f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else ""
                )
                body = "".join(f"<p>{self.inline(paragraph)}</p>" for paragraph in cell.content)
                cells.append(f"<{tag}{span}>{body}</{tag}>")
            rows.append(f"<tr>{''.join(cells)}</tr>")
        return f'<table class="table" id="{escape(self.eids[path])}">{"".join(rows)}</table>'

    def paragraph(self, para: OperativeParagraph, path: ModelPath) -> str:
        eid = self.eids[path]
        number = (
            f'<span class="num">{paragraph_number(para.number, self.language)}</span> '
            if para.number is not None
            else ""
        )
        body = self.inline(join_opening(para.opening, para.text, self.language))
        return f'<li id="{escape(eid)}">{number}{body}{self.points(para, path)}</li>'

    def points(self, parent: OperativeParagraph | SubParagraph | PreambularParagraph, path: ModelPath) -> str:
        if not parent.subparagraphs:
            return ""
        rows = []
        for index, sub in enumerate(parent.subparagraphs):
            here = (*path, "subparagraphs", index)
            eid = self.eids[here]
            label = escape(sub.printed_label)
            rows.append(
                f'<li id="{escape(eid)}"><span class="num">{label}</span> '
                f"{self.inline(sub.text)}{self.points(sub, here)}</li>"
            )
        closing_text = () if isinstance(parent, PreambularParagraph) else parent.closing_text
        closing = f'<p class="closing">{self.inline(closing_text)}</p>' if closing_text else ""
        return f'<ol class="points">{"".join(rows)}</ol>{closing}'

    def notes(self) -> Iterator[str]:
        notes = self.resolution.footnotes
        if not notes:
            return
        yield '<footer class="notes">'
        yield '<h2 class="visually-hidden">Notes</h2>'
        yield "<ol>"
        for note in notes:
            marker = escape(note.marker)
            back = ""
            if note.marker in self.calls:
                back = f' <a class="back" href="#call_{marker}_1" aria-label="back to the text">\u21a9</a>'
            text = self.inline(note.text)
            yield f'<li id="note_{marker}"><span class="num">{marker}</span> {text}{back}</li>'
        yield "</ol>"
        yield "</footer>"


def _unquoted(content: Text) -> Text:
    """Quotation content without its typographic quotes (``<q>`` adds them)."""
    if not content or not isinstance(content[0], str) or not isinstance(content[-1], str):
        return content
    text = plain_text(content)
    if len(content) == 1 and text.startswith("\u201c") and text.endswith("\u201d"):
        return (text[1:-1],)
    return content


def dumps(resolution: Resolution, *, base_url: str = "") -> str:
    """The resolution as one self-contained HTML page.

    ``base_url`` is put before references to Akoma Ntoso IRIs (``/akn/un/...``) so that they
    resolve, such as ``https://example.org`` for a server that answers AKN IRIs.
    """
    return "\n".join(_Page(resolution, base_url).page()) + "\n"


def dump(resolution: Resolution, target: str | Path | BinaryIO, *, base_url: str = "") -> None:
    """Write the page to a path (atomically) or a binary file object."""
    write_bytes(dumps(resolution, base_url=base_url).encode("utf-8"), target)


_PARALLEL_STYLE = """
body { margin: 1.5rem; font: 0.95rem/1.4 "Times New Roman", Times, "Liberation Serif", "Noto Serif",
  "Noto Naskh Arabic", "Amiri", "Noto Serif CJK SC", SimSun, serif; color: #111; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border: 1px solid #ccc; padding: 0.3rem 0.5rem; vertical-align: top; }
th { background: #f0f0ea; font-family: Arial, Helvetica, sans-serif; }
td.eid { font: 0.75rem/1.2 monospace; color: #555; width: 11rem; word-break: break-all; }
tr.missing td { background: #fff4e0; }
td.none { color: #a00; font-style: italic; }
.problems { color: #a00; }
"""


def parallel(resolutions: Sequence[Resolution], alignment: Alignment | None = None) -> str:
    """One page with the language versions of one resolution side by side, paragraph by
    paragraph (``unres.align``; pass its result if you have it), and what they disagree on
    above them."""
    from unres._align import align

    alignment = alignment or align(resolutions)
    first = resolutions[0]
    head = "".join(
        f'<th lang="{escape(_LANG.get(code, code))}">{escape(code)}</th>' for code in alignment.languages
    )
    lines = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        '<head><meta charset="utf-8">',
        f"<title>{escape(str(first.symbol))} \u2014 {len(resolutions)} versions</title>",
        f"<style>{_PARALLEL_STYLE}</style></head>",
        "<body>",
        f"<h1>{escape(str(first.symbol))}</h1>",
    ]
    if alignment.problems:
        items = "".join(f"<li>{escape(problem)}</li>" for problem in alignment.problems)
        lines.append(f'<ul class="problems">{items}</ul>')
    lines.append(f"<table><thead><tr><th>eId</th>{head}</tr></thead><tbody>")
    for row in alignment.rows:
        cells = []
        for code, words in zip(alignment.languages, row.texts, strict=True):
            lang = _LANG.get(code, code)
            direction = ' dir="rtl"' if lang == "ar" else ""
            if words is None:
                cells.append('<td class="none" lang="en">(none)</td>')
            else:
                cells.append(f'<td lang="{escape(lang)}"{direction}>{escape(words, quote=False)}</td>')
        css = row.kind.lower() + ("" if row.complete else " missing")
        eid = escape(row.eid)
        lines.append(f'<tr id="{eid}" class="{css}"><td class="eid">{eid}</td>{"".join(cells)}</tr>')
    lines += ["</tbody></table>", "</body>", "</html>"]
    return "\n".join(lines) + "\n"
