"""Writing the text of a resolution as canonical AKN: inline markup and footnotes, the preamble,
the operative part (paragraphs, lists, sections, headings, tables).

The writer is built up in layers, one module each: the text here, the metadata
(``_write_meta``), the masthead and closing line (``_write_masthead``), the document
(``_write``). One object of the last class writes one resolution.
"""

from __future__ import annotations

from unres._text import (
    opening_gap,
    opening_name,
    opening_styles,
    paragraph_number,
)
from unres.akn._names import STYLE_TAGS
from unres.akn._out import INDENTS, Out, Verbatim, attribute, element, escape
from unres.errors import ModelError
from unres.model import (
    Date,
    EidNamer,
    Emphasis,
    FootnoteCall,
    Foreign,
    Heading,
    OperativeItem,
    OperativeParagraph,
    PreambularParagraph,
    Quotation,
    Reference,
    Resolution,
    Section,
    SubParagraph,
    Table,
    Text,
    list_eid,
    preamble_eid,
)


def _token(marker: str) -> str:
    return "".join(ch if ch.isalnum() else "_" for ch in marker)


def _eid(eid: str) -> str:
    """The eId attribute; an eId made of name characters only (the common case) needs no escaping."""
    return f' eId="{eid}"' if eid.isidentifier() else f' eId="{attribute(eid)}"'


class BodyWriter:
    """The text of one resolution as AKN: inline markup, footnotes, preamble, operative part.

    Everything is written to ``self.out`` in the document's order; the inline markup of a text is
    made as a string (``markup``) and written as one line with its element.
    """

    def __init__(self, resolution: Resolution) -> None:
        self.resolution = resolution
        self.language = resolution.language  # sets how openings and numbers are printed
        self.notes = {note.marker: note for note in resolution.footnotes}
        self.note_ids: dict[str, str] = {}
        self.used: set[str] = set()
        self.names = EidNamer()
        self.out = Out()
        styles = opening_styles(resolution.language)
        self.opening_tags = tuple(STYLE_TAGS[style.value] for style in reversed(styles))
        self.opening_open = "".join(f"<{tag}>" for tag in reversed(self.opening_tags))
        self.opening_close = "".join(f"</{tag}>" for tag in self.opening_tags)

    def ref(self, eid: str) -> str:
        self.used.add(eid)
        return "#" + eid

    def markup(self, text: Text, context: str) -> str:
        """The inline markup of ``text``; ``context`` is the eId used for notes."""
        if len(text) == 1 and text[0].__class__ is str:  # plain words, the common case
            return escape(text[0])
        pieces = []
        for piece in text:
            if piece.__class__ is str:
                pieces.append(escape(piece))
            else:
                pieces.append(self.inline(piece, context))
        return "".join(pieces)

    def inline(self, piece: object, context: str) -> str:
        if isinstance(piece, Emphasis):
            return element(STYLE_TAGS[piece.style.value], "", self.markup(piece.content, context))
        if isinstance(piece, Reference):
            return element("ref", f' href="{attribute(piece.href)}"', self.markup(piece.content, context))
        if isinstance(piece, Date):
            return f'<date date="{piece.value.isoformat()}">{escape(piece.text)}</date>'
        if isinstance(piece, Quotation):
            return element("embeddedText", "", self.markup(piece.content, context))
        if isinstance(piece, FootnoteCall):
            return self.footnote_call(piece.marker, context)
        if isinstance(piece, Foreign):
            return Verbatim(piece.xml).xml
        raise ModelError(f"not an inline piece: {piece!r}")  # pragma: no cover - the model admits no other

    def opening_markup(self, opening: str | None, text: Text, context: str) -> str:
        """A paragraph's full text: the opening phrase in its language's emphasis, the gap after
        it (``opening_gap``), the rest."""
        if opening is None:
            return self.markup(text, context)
        if opening:
            head = f"{self.opening_open}{escape(opening)}{self.opening_close}"
        else:
            head = ""
            for tag in self.opening_tags:
                head = element(tag, "", head)
        if not text:
            return head
        gap = opening_gap(text, self.language)
        if len(text) == 1 and text[0].__class__ is str:
            return f"{head}{gap}{escape(text[0])}"
        return head + gap + self.markup(text, context)

    def footnote_call(self, marker: str, context: str) -> str:
        note = self.notes.get(marker)
        if marker in self.note_ids or note is None:
            href = "#" + self.note_ids.get(marker, f"authorialNote_{_token(marker)}")
            return f'<noteRef href="{attribute(href)}" marker="{attribute(marker)}"/>'
        eid = f"{context}__authorialNote_{_token(marker)}"
        self.note_ids[marker] = eid
        attributes = f'{_eid(eid)} marker="{attribute(marker)}" placement="bottom"'
        return f"<authorialNote{attributes}>{element('p', '', self.markup(note.text, eid))}</authorialNote>"

    def paragraph(self, tag: str, text: Text, context: str) -> None:
        self.out.wrapped(tag, "p", self.markup(text, context))

    def preamble(self, formula_text: Text, paragraphs: tuple[PreambularParagraph, ...], prefix: str) -> None:
        out = self.out
        out.open("preamble")
        formula_id = f"{prefix}formula_1"
        out.open("formula", f' name="enactingFormula"{_eid(formula_id)}')
        out.line("p", "", self.markup(formula_text, formula_id))
        out.close()
        for index, para in enumerate(paragraphs, start=1):
            eid = preamble_eid(index, prefix)
            attributes = f' name="{attribute(opening_name(para.opening))}"{_eid(eid)}'
            out.open("container", attributes)
            out.line("p", "", self.opening_markup(para.opening, para.text, eid))
            if para.subparagraphs:
                list_id = list_eid(eid)
                out.open("blockList", _eid(list_id))
                for number, sub in enumerate(para.subparagraphs, start=1):
                    item_id = self.names.point(list_id, sub, number)
                    out.open("item", _eid(item_id))
                    if sub.label:
                        out.leaf("num", "", sub.printed_label)
                    out.line("p", "", self.markup(sub.text, item_id))
                    out.close()
                out.close()
            out.close()
        out.close()

    def operative(self, items: tuple[OperativeItem, ...], prefix: str) -> None:
        for index, item in enumerate(items, start=1):
            if isinstance(item, OperativeParagraph):
                self.operative_paragraph(item, prefix, index)
            elif isinstance(item, Section):
                self.section(item, prefix, index)
            elif isinstance(item, Heading):
                self.heading(item, prefix, index)
            else:
                self.table(item, prefix, index)

    def heading(self, heading: Heading, prefix: str, index: int) -> None:
        out = self.out
        eid = self.names.heading(prefix, index)
        out.open("hcontainer", f'{_eid(eid)} name="heading"')
        if heading.label is not None:
            out.leaf("num", "", heading.label)
        if heading.heading:
            out.line("heading", "", self.markup(heading.heading, eid))
        if heading.subheading:
            out.line("subheading", "", self.markup(heading.subheading, eid))
        out.close()

    def table(self, table: Table, prefix: str, index: int) -> None:
        out = self.out
        eid = self.names.table(prefix, index)
        out.open("hcontainer", f'{_eid(eid + "__hcontainer")} name="table"')
        out.open("content")
        out.open("table", _eid(eid))
        for row in table.rows:
            out.open("tr")
            for cell in row.cells:
                attributes = ""
                if cell.colspan != 1:
                    attributes += f' colspan="{cell.colspan}"'
                if cell.rowspan != 1:
                    attributes += f' rowspan="{cell.rowspan}"'
                out.open("th" if cell.header else "td", attributes)
                for paragraph in cell.content:
                    out.line("p", "", self.markup(paragraph, eid))
                out.close()
            out.close()
        out.close()
        out.close()
        out.close()

    def section(self, section: Section, prefix: str, index: int) -> None:
        out = self.out
        eid = self.names.section(prefix, section, index)
        out.open("section", _eid(eid))
        if section.label is not None:
            out.leaf("num", "", section.label)
        if section.heading:
            out.line("heading", "", self.markup(section.heading, eid))
        for number, para in enumerate(section.preamble, start=1):
            cross_id = f"{eid}__crossHeading_{number}"
            attributes = f'{_eid(cross_id)} refersTo="{self.ref("preamble")}"'
            out.line("crossHeading", attributes, self.opening_markup(para.opening, para.text, cross_id))
        self.operative(section.content, f"{eid}__")
        out.close()

    def operative_paragraph(self, para: OperativeParagraph, prefix: str, index: int) -> None:
        out = self.out
        eid = self.names.paragraph(prefix, para, index)
        number = None if para.number is None else paragraph_number(para.number, self.language)
        if not para.subparagraphs and not para.closing_text:
            self.plain("paragraph", eid, number, self.opening_markup(para.opening, para.text, eid))
            return
        out.open("paragraph", _eid(eid))
        if number is not None:
            out.leaf("num", "", number)
        self.body(eid, para.opening, para.text, para.subparagraphs, para.closing_text)
        out.close()

    def plain(self, name: str, eid: str, number: str | None, text: str) -> None:
        """A paragraph or point without sub-paragraphs, the common shape, made in one piece:
        ``<name eId><num>number</num><content><p>text</p></content></name>``. ``number`` needs no
        escaping: a paragraph's number is digits, and the labels the model admits are letters,
        digits or a bullet."""
        out = self.out
        depth = out.depth
        outer, inner = INDENTS[depth], INDENTS[depth + 1]
        num = "" if number is None else f"{inner}<num>{number}</num>"
        out.parts.append(
            f"{outer}<{name}{_eid(eid)}>{num}{inner}<content>{INDENTS[depth + 2]}{element('p', '', text)}"
            f"{inner}</content>{outer}</{name}>"
        )

    def body(
        self,
        eid: str,
        opening: str | None,
        text: Text,
        subparagraphs: tuple[SubParagraph, ...],
        closing: Text,
    ) -> None:
        """The content of a paragraph or point: its text, or a list of its sub-paragraphs."""
        out = self.out
        if not subparagraphs:
            if closing:
                raise ModelError(f"{eid}: closing text without sub-paragraphs")
            out.wrapped("content", "p", self.opening_markup(opening, text, eid))
            return
        list_id = list_eid(eid)
        out.open("list", _eid(list_id))
        if opening is not None or text:
            out.wrapped("intro", "p", self.opening_markup(opening, text, list_id))
        for index, sub in enumerate(subparagraphs, start=1):
            point_id = self.names.point(list_id, sub, index)
            label = sub.printed_label if sub.label else None
            if not sub.subparagraphs and not sub.closing_text:
                self.plain("point", point_id, label, self.markup(sub.text, point_id))
                continue
            out.open("point", _eid(point_id))
            if label is not None:
                out.leaf("num", "", label)
            self.body(point_id, None, sub.text, sub.subparagraphs, sub.closing_text)
            out.close()
        if closing:
            self.paragraph("wrapUp", closing, list_id)
        out.close()
