"""Writing the text of a resolution as canonical AKN: inline markup and footnotes, the preamble,
the operative part (paragraphs, lists, sections, headings, tables).

The writer is built up in layers, one module each: the text here, the metadata
(``_write_meta``), the masthead and closing line (``_write_masthead``), the document
(``_write``). One object of the last class writes one resolution.
"""

from __future__ import annotations

from unres._text import (
    join_opening,
    opening_name,
    paragraph_number,
)
from unres.akn._names import STYLE_TAGS, A
from unres.akn._tree import Node, Raw
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

Element = Node


def _sub(parent: Element, tag: str, attrib: dict[str, str] | None = None, text: str | None = None) -> Element:
    element = Node(A + tag, attrib)
    parent.children.append(element)
    if text is not None:
        element.text = text
    return element


def _token(marker: str) -> str:
    return "".join(ch if ch.isalnum() else "_" for ch in marker)


class BodyWriter:
    """The text of one resolution as AKN: inline markup, footnotes, preamble, operative part."""

    def __init__(self, resolution: Resolution) -> None:
        self.resolution = resolution
        self.language = resolution.language  # sets how openings and numbers are printed
        self.notes = {note.marker: note for note in resolution.footnotes}
        self.note_ids: dict[str, str] = {}
        self.used: set[str] = set()
        self.names = EidNamer()

    def ref(self, eid: str) -> str:
        self.used.add(eid)
        return "#" + eid

    def text(self, parent: Element, text: Text, context: str) -> None:
        """Append ``text`` to ``parent``'s content; ``context`` is the eId used for notes."""
        last: Element | Raw | None = None
        for piece in text:
            if isinstance(piece, str):
                if last is None:
                    parent.text = (parent.text or "") + piece
                else:
                    last.tail = (last.tail or "") + piece
                continue
            last = self.inline(parent, piece, context)

    def inline(self, parent: Element, piece: object, context: str) -> Element | Raw:
        if isinstance(piece, Emphasis):
            element = _sub(parent, STYLE_TAGS[piece.style.value])
            self.text(element, piece.content, context)
        elif isinstance(piece, Reference):
            element = _sub(parent, "ref", {"href": piece.href})
            self.text(element, piece.content, context)
        elif isinstance(piece, Date):
            element = _sub(parent, "date", {"date": piece.value.isoformat()}, piece.text)
        elif isinstance(piece, Quotation):
            element = _sub(parent, "embeddedText")
            self.text(element, piece.content, context)
        elif isinstance(piece, FootnoteCall):
            element = self.footnote_call(parent, piece.marker, context)
        elif isinstance(piece, Foreign):
            raw = Raw(piece.xml)
            parent.append(raw)
            return raw
        else:  # pragma: no cover - normalize_text admits nothing else
            raise ModelError(f"not an inline piece: {piece!r}")
        return element

    def footnote_call(self, parent: Element, marker: str, context: str) -> Element:
        note = self.notes.get(marker)
        if marker in self.note_ids or note is None:
            href = "#" + self.note_ids.get(marker, f"authorialNote_{_token(marker)}")
            return _sub(parent, "noteRef", {"href": href, "marker": marker})
        eid = f"{context}__authorialNote_{_token(marker)}"
        self.note_ids[marker] = eid
        element = _sub(parent, "authorialNote", {"eId": eid, "marker": marker, "placement": "bottom"})
        self.text(_sub(element, "p"), note.text, eid)
        return element

    def paragraph(self, parent: Element, tag: str, text: Text, context: str) -> None:
        self.text(_sub(_sub(parent, tag), "p"), text, context)

    def preamble(
        self, preamble: Element, formula_text: Text, paragraphs: tuple[PreambularParagraph, ...], prefix: str
    ) -> None:
        formula_id = f"{prefix}formula_1"
        formula = _sub(preamble, "formula", {"name": "enactingFormula", "eId": formula_id})
        self.text(_sub(formula, "p"), formula_text, formula_id)
        for index, para in enumerate(paragraphs, start=1):
            eid = preamble_eid(index, prefix)
            container = _sub(preamble, "container", {"name": opening_name(para.opening), "eId": eid})
            self.text(_sub(container, "p"), join_opening(para.opening, para.text, self.language), eid)
            if para.subparagraphs:
                list_id = list_eid(eid)
                items = _sub(container, "blockList", {"eId": list_id})
                for number, sub in enumerate(para.subparagraphs, start=1):
                    item_id = self.names.point(list_id, sub, number)
                    item = _sub(items, "item", {"eId": item_id})
                    if sub.label:
                        _sub(item, "num", text=sub.printed_label)
                    self.text(_sub(item, "p"), sub.text, item_id)

    def operative(self, parent: Element, items: tuple[OperativeItem, ...], prefix: str) -> None:
        for index, item in enumerate(items, start=1):
            if isinstance(item, Section):
                self.section(parent, item, prefix, index)
            elif isinstance(item, Heading):
                self.heading(parent, item, prefix, index)
            elif isinstance(item, Table):
                self.table(parent, item, prefix, index)
            else:
                self.operative_paragraph(parent, item, prefix, index)

    def heading(self, parent: Element, heading: Heading, prefix: str, index: int) -> None:
        eid = self.names.heading(prefix, index)
        element = _sub(parent, "hcontainer", {"eId": eid, "name": "heading"})
        if heading.label is not None:
            _sub(element, "num", text=heading.label)
        if heading.heading:
            self.text(_sub(element, "heading"), heading.heading, eid)
        if heading.subheading:
            self.text(_sub(element, "subheading"), heading.subheading, eid)

    def table(self, parent: Element, table: Table, prefix: str, index: int) -> None:
        eid = self.names.table(prefix, index)
        holder = _sub(_sub(parent, "hcontainer", {"eId": f"{eid}__hcontainer", "name": "table"}), "content")
        element = _sub(holder, "table", {"eId": eid})
        for row in table.rows:
            tr = _sub(element, "tr")
            for cell in row.cells:
                attrib = {}
                if cell.colspan != 1:
                    attrib["colspan"] = str(cell.colspan)
                if cell.rowspan != 1:
                    attrib["rowspan"] = str(cell.rowspan)
                td = _sub(tr, "th" if cell.header else "td", attrib)
                for paragraph in cell.content:
                    self.text(_sub(td, "p"), paragraph, eid)

    def section(self, parent: Element, section: Section, prefix: str, index: int) -> None:
        eid = self.names.section(prefix, section, index)
        element = _sub(parent, "section", {"eId": eid})
        if section.label is not None:
            _sub(element, "num", text=section.label)
        if section.heading:
            self.text(_sub(element, "heading"), section.heading, eid)
        for number, para in enumerate(section.preamble, start=1):
            cross_id = f"{eid}__crossHeading_{number}"
            attrib = {"eId": cross_id, "refersTo": self.ref("preamble")}
            self.text(
                _sub(element, "crossHeading", attrib),
                join_opening(para.opening, para.text, self.language),
                cross_id,
            )
        self.operative(element, section.content, f"{eid}__")

    def operative_paragraph(self, parent: Element, para: OperativeParagraph, prefix: str, index: int) -> None:
        eid = self.names.paragraph(prefix, para, index)
        element = _sub(parent, "paragraph", {"eId": eid})
        if para.number is not None:
            _sub(element, "num", text=paragraph_number(para.number, self.language))
        full = join_opening(para.opening, para.text, self.language)
        self.body(element, eid, full, para.subparagraphs, para.closing_text)

    def body(
        self,
        element: Element,
        eid: str,
        text: Text,
        subparagraphs: tuple[SubParagraph, ...],
        closing: Text,
    ) -> None:
        """The content of a paragraph or point: its text, or a list of its sub-paragraphs."""
        if not subparagraphs:
            if closing:
                raise ModelError(f"{eid}: closing text without sub-paragraphs")
            self.paragraph(element, "content", text, eid)
            return
        list_id = list_eid(eid)
        items = _sub(element, "list", {"eId": list_id})
        if text:
            self.paragraph(items, "intro", text, list_id)
        for index, sub in enumerate(subparagraphs, start=1):
            point_id = self.names.point(list_id, sub, index)
            point = _sub(items, "point", {"eId": point_id})
            if sub.label:
                _sub(point, "num", text=sub.printed_label)
            self.body(point, point_id, sub.text, sub.subparagraphs, sub.closing_text)
        if closing:
            self.paragraph(items, "wrapUp", closing, list_id)
