"""Write a ``Resolution`` as canonical AKN4UN XML (see docs/akn.md for the mapping)."""

from __future__ import annotations

import datetime as dt

import attrs
from lxml import etree

from unres._text import (
    UNDOCS,
    adopted_line,
    agenda_lines,
    document_link,
    format_date,
    join_opening,
    masthead_symbol,
    opening_name,
)
from unres.akn._names import AKN4UN_NS, AKN_NS, ONTOLOGY_ATTRIBUTES, STYLE_TAGS, TLC, UNRES_NS, A, R, U
from unres.errors import ModelError
from unres.model import (
    AdoptedWithoutVote,
    Annex,
    Date,
    EidNamer,
    Emphasis,
    Footnote,
    FootnoteCall,
    Foreign,
    Heading,
    Meeting,
    OperativeItem,
    OperativeParagraph,
    PreambularParagraph,
    Quotation,
    RecordedVote,
    Reference,
    Resolution,
    ResolutionPart,
    Section,
    SubParagraph,
    Table,
    Text,
    Vote,
    WorkflowDocument,
    list_eid,
    part_prefix,
    preamble_eid,
    session_title,
)

Element = etree._Element

# Elements never indented inside: mixed text, and foreign metadata kept verbatim.
_OPAQUE = frozenset(
    A + tag
    for tag in (
        "p",
        "num",
        "heading",
        "subheading",
        "crossHeading",
        "docTitle",
        "docNumber",
        "proprietary",
        "presentation",
    )
)


def _sub(parent: Element, tag: str, attrib: dict[str, str] | None = None, text: str | None = None) -> Element:
    element = etree.SubElement(parent, A + tag, attrib)
    if text is not None:
        element.text = text
    return element


def document_symbol_href(symbol: str) -> str:
    """Where a reference to a document known only by its symbol points."""
    if symbol.startswith(("/", "http://", "https://")):
        return symbol
    return UNDOCS + symbol


class _Writer:
    """One write of one resolution: tracks placed footnotes and the ontology entries used."""

    def __init__(self, resolution: Resolution) -> None:
        self.resolution = resolution
        self.notes = {note.marker: note for note in resolution.footnotes}
        self.note_ids: dict[str, str] = {}
        self.used: set[str] = set()
        self.names = EidNamer()

    def ref(self, eid: str) -> str:
        self.used.add(eid)
        return "#" + eid

    # -- inline ------------------------------------------------------------------------------

    def text(self, parent: Element, text: Text, context: str) -> None:
        """Append ``text`` to ``parent``'s content; ``context`` is the eId used for notes."""
        last: Element | None = None
        for piece in text:
            if isinstance(piece, str):
                if last is None:
                    parent.text = (parent.text or "") + piece
                else:
                    last.tail = (last.tail or "") + piece
                continue
            last = self.inline(parent, piece, context)

    def inline(self, parent: Element, piece: object, context: str) -> Element:
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
            element = etree.fromstring(piece.xml)
            parent.append(element)
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

    # -- document ----------------------------------------------------------------------------

    def document(self) -> Element:
        res = self.resolution
        root = etree.Element(A + "akomaNtoso", nsmap={None: AKN_NS})  # type: ignore[dict-item]
        if res.parts:
            # A resolution in parts: one collection, each part a full statement in a component.
            document = _sub(root, "documentCollection", {"name": "resolution"})
        else:
            document = _sub(root, "statement", {"name": "resolution", "contains": "originalVersion"})
        meta = _sub(document, "meta")
        self.cover_page(_sub(document, "coverPage"))
        preface = _sub(document, "preface")
        line = _sub(preface, "p")
        if res.main_titles:
            # One part of a resolution in parts: the whole resolution's titles, then the part's.
            whole = attrs.evolve(res.symbol, part=None)
            _sub(line, "docNumber", text=f"{whole.resolution_number}.")
            for title in res.main_titles:
                line[-1].tail = " "
                _sub(line, "docTitle", text=title)
            line = _sub(preface, "p")
            _sub(line, "docNumber", text=res.symbol.part).tail = " "
        else:
            _sub(line, "docNumber", text=f"{res.symbol.resolution_number}.").tail = " "
        _sub(line, "docTitle", text=res.title)
        for marker in res.title_notes:
            self.footnote_call(line, marker, "preface")
        if res.parts:
            body = _sub(document, "collectionBody")
            for part in res.parts:
                self.part(_sub(body, "component", {"eId": part_prefix(part).rstrip("_")}), part)
        else:
            self.statement_body(
                document, res.enacting_formula, res.preamble, res.operative, res.annexes, "", res
            )
        self.meta(meta)
        _indent(root, 0)
        return root

    def statement_body(
        self,
        statement: Element,
        formula: Text,
        preamble: tuple[PreambularParagraph, ...],
        operative: tuple[OperativeItem, ...],
        annexes: tuple[Annex, ...],
        prefix: str,
        closing: Resolution | ResolutionPart,
    ) -> None:
        """Preamble, main body, closing line and annexes of the resolution or of one part."""
        self.preamble(_sub(statement, "preamble"), formula, preamble, prefix)
        body = _sub(statement, "mainBody")
        if not operative:
            raise ModelError("a resolution needs at least one operative paragraph")
        self.operative(body, operative, prefix)
        if closing.meeting is not None or closing.closing_date is not None:
            self.conclusions(_sub(statement, "conclusions"), closing.meeting, closing.closing_date, prefix)
        if annexes:
            attachments = _sub(statement, "attachments")
            for number, annex in enumerate(annexes, start=1):
                self.annex(attachments, annex, number, prefix)

    def part(self, component: Element, part: ResolutionPart) -> None:
        prefix = part_prefix(part)
        statement = _sub(component, "statement", {"name": "resolution", "contains": "originalVersion"})
        meta = _sub(statement, "meta")
        self.identification(meta, f"!{prefix.rstrip('_')}")
        if part.vote is not None or (part.meeting is not None and part.meeting.record is not None):
            self.workflow(
                _sub(meta, "workflow", {"source": self.ref("un")}),
                None,
                part.vote,
                part.meeting,
                None,
                prefix,
            )
        if isinstance(part.vote, RecordedVote):
            self.voting(meta, part.vote, prefix)
        meta.extend(_extension_blocks(part.extensions))
        preface = _sub(_sub(statement, "preface"), "p")
        _sub(preface, "docNumber", text=part.label).tail = " "
        _sub(preface, "docTitle", text=part.title)
        self.statement_body(
            statement, part.enacting_formula, part.preamble, part.operative, part.annexes, prefix, part
        )

    def cover_page(self, cover: Element) -> None:
        res = self.resolution
        _sub(_sub(cover, "p"), "docAuthority", {"refersTo": self.ref("un")}, "United Nations")
        _sub(_sub(cover, "p"), "docNumber", {"refersTo": self.ref("symbol")}, masthead_symbol(res))
        _sub(_sub(cover, "p"), "docAuthority", {"refersTo": self.ref("un-ga")}, "General Assembly")
        if res.distribution_date is not None:
            _sub(_sub(cover, "p"), "docStatus", text="Distr.: General")
            date = res.distribution_date
            attrib = {"date": date.isoformat(), "refersTo": self.ref("distributionDate")}
            _sub(_sub(cover, "p"), "docDate", attrib, format_date(date))
        session = {"value": res.session, "refersTo": self.ref("session")}
        _sub(_sub(cover, "p"), "session", session, session_title(res.session))
        for numbers, agenda_title in agenda_lines(res.agenda_items):
            line = _sub(cover, "p")
            if numbers:
                _sub(line, "inline", {"name": "agendaItem", "refersTo": self.ref("agendaItem")}, numbers)
            if agenda_title is not None:
                if numbers:
                    line[-1].tail = " "
                _sub(line, "inline", {"name": "agendaItemTitle"}, agenda_title)
        title = _sub(_sub(cover, "p"), "docTitle", text=f"{adopted_line(res)} ")
        attrib = {"date": res.adoption_date.isoformat(), "refersTo": self.ref("adoptionDate")}
        _sub(title, "docDate", attrib, format_date(res.adoption_date))
        if res.origin is not None:
            line = _sub(cover, "p")
            if res.origin.committee is None:
                line.text = "[without reference to a Main Committee ("
            else:
                line.text = "[on the report of the "
                _sub(line, "docProponent", text=res.origin.committee).tail = " ("
            document = res.origin.document
            # The report is read back from the words; the link goes to the document itself.
            paragraph = "" if res.origin.paragraph is None else f", para. {res.origin.paragraph}"
            _sub(line, "ref", {"href": document_link(document)}, document).tail = f"{paragraph})]"

    def preamble(
        self, preamble: Element, formula_text: Text, paragraphs: tuple[PreambularParagraph, ...], prefix: str
    ) -> None:
        formula_id = f"{prefix}formula_1"
        formula = _sub(preamble, "formula", {"name": "enactingFormula", "eId": formula_id})
        self.text(_sub(formula, "p"), formula_text, formula_id)
        for index, para in enumerate(paragraphs, start=1):
            eid = preamble_eid(index, prefix)
            container = _sub(preamble, "container", {"name": opening_name(para.opening), "eId": eid})
            self.text(_sub(container, "p"), join_opening(para.opening, para.text), eid)
            if para.subparagraphs:
                list_id = list_eid(eid)
                items = _sub(container, "blockList", {"eId": list_id})
                for number, sub in enumerate(para.subparagraphs, start=1):
                    item_id = self.names.point(list_id, sub, number)
                    item = _sub(items, "item", {"eId": item_id})
                    if sub.label:
                        _sub(item, "num", text=f"({sub.label})")
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
            self.text(_sub(element, "crossHeading", attrib), join_opening(para.opening, para.text), cross_id)
        self.operative(element, section.content, f"{eid}__")

    def operative_paragraph(self, parent: Element, para: OperativeParagraph, prefix: str, index: int) -> None:
        eid = self.names.paragraph(prefix, para, index)
        element = _sub(parent, "paragraph", {"eId": eid})
        if para.number is not None:
            _sub(element, "num", text=f"{para.number}.")
        full = join_opening(para.opening, para.text)
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
                _sub(point, "num", text=f"({sub.label})")
            self.body(point, point_id, sub.text, sub.subparagraphs, sub.closing_text)
        if closing:
            self.paragraph(items, "wrapUp", closing, list_id)

    def conclusions(
        self, conclusions: Element, meeting: Meeting | None, closing_date: dt.date | None, prefix: str
    ) -> None:
        container_id = f"{prefix}conclusions__container_1"
        container = _sub(conclusions, "container", {"name": "conclusion", "eId": container_id})
        line = _sub(container, "p")
        date = closing_date or self.resolution.adoption_date
        if meeting is not None:
            _sub(line, "event", {"refersTo": self.ref("plenaryMeeting")}, str(meeting))
            _sub(line, "eol")
            date = meeting.date or date
        attrib = {"date": date.isoformat(), "refersTo": self.ref("adoptionDate")}
        _sub(line, "docDate", attrib, format_date(date))

    def annex(self, attachments: Element, annex: Annex, number: int, part: str = "") -> None:
        prefix = f"{part}att_{number}"
        doc = _sub(_sub(attachments, "attachment", {"eId": prefix}), "doc", {"name": "annex"})
        self.identification(_sub(doc, "meta"), f"{part.replace('__', '_')}annex_{number}")
        if annex.label is not None or annex.heading:
            preface = _sub(doc, "preface")
            if annex.label is not None:
                _sub(_sub(preface, "p"), "docNumber", text=annex.label)
            if annex.heading:
                self.text(_sub(_sub(preface, "p"), "docTitle"), annex.heading, f"{prefix}__preface")
        body = _sub(doc, "mainBody")
        if not annex.content:
            raise ModelError(f"annex {number} has no paragraphs")
        self.operative(body, annex.content, f"{prefix}__")

    # -- metadata ----------------------------------------------------------------------------

    def identification(self, meta: Element, component: str) -> None:
        res = self.resolution
        work, expression = res.work_iri, res.expression_iri
        ident = _sub(meta, "identification", {"source": self.ref("un")})
        frbr = _sub(ident, "FRBRWork")
        _sub(frbr, "FRBRthis", {"value": f"{work}/{component}"})
        _sub(frbr, "FRBRuri", {"value": work})
        _sub(frbr, "FRBRalias", {"value": str(res.symbol), "name": "symbol"})
        _sub(frbr, "FRBRdate", {"date": res.adoption_date.isoformat(), "name": "adoption"})
        _sub(frbr, "FRBRauthor", {"href": self.ref("un-ga")})
        _sub(frbr, "FRBRcountry", {"value": "un"})
        _sub(frbr, "FRBRsubtype", {"value": "deliberation"})
        _sub(frbr, "FRBRnumber", {"value": res.symbol.iri_number, "showAs": res.symbol.resolution_number})
        frbr = _sub(ident, "FRBRExpression")
        _sub(frbr, "FRBRthis", {"value": f"{expression}/{component}"})
        _sub(frbr, "FRBRuri", {"value": expression})
        if res.distribution_date is not None:
            expression_date = {"date": res.distribution_date.isoformat(), "name": "publication"}
        else:
            expression_date = {"date": res.adoption_date.isoformat(), "name": "adoption"}
        _sub(frbr, "FRBRdate", expression_date)
        _sub(frbr, "FRBRauthor", {"href": self.ref("un-ga")})
        _sub(frbr, "FRBRlanguage", {"language": res.language})
        frbr = _sub(ident, "FRBRManifestation")
        _sub(frbr, "FRBRthis", {"value": f"{expression}/{component}.xml"})
        _sub(frbr, "FRBRuri", {"value": res.manifestation_iri})
        if res.markup_date is not None:
            expression_date = {"date": res.markup_date.isoformat(), "name": "markup"}
        _sub(frbr, "FRBRdate", expression_date)
        _sub(frbr, "FRBRauthor", {"href": self.ref("un")})

    def meta(self, meta: Element) -> None:
        res = self.resolution
        self.identification(meta, "!main")
        if res.keywords:
            classification = _sub(meta, "classification", {"source": self.ref("un")})
            for keyword in res.keywords:
                attrib = {"value": keyword.value, "showAs": keyword.show_as, "dictionary": keyword.dictionary}
                optional = {
                    "href": keyword.href,
                    "shortForm": keyword.short_form,
                    "refersTo": keyword.refers_to,
                }
                attrib.update({name: value for name, value in optional.items() if value is not None})
                _sub(classification, "keyword", attrib)
        workflow = _sub(meta, "workflow", {"source": self.ref("un")})
        self.workflow(workflow, res.draft, res.vote, res.meeting, res.adoption_remark)
        if isinstance(res.vote, RecordedVote):
            self.voting(meta, res.vote, "")
        references = _sub(meta, "references", {"source": self.ref("un")})
        uncalled = [note for note in res.footnotes if note.marker not in self.note_ids]
        if uncalled:
            self.uncalled_notes(meta, uncalled)
        blocks = _extension_blocks(res.extensions)
        meta.extend(blocks)
        for part in res.parts:
            blocks.extend(_extension_blocks(part.extensions))
        for eid in sorted(self.used, key=list(TLC).index):
            element, href, show_as = TLC[eid]
            _sub(references, element, {"eId": eid, "href": href, "showAs": show_as})
        # Metadata kept verbatim may refer to ontology entries of its own: declare each, so that
        # every reference of the document resolves.
        for eid in sorted(_referenced_ids(blocks) - self.used):
            _sub(
                references,
                "TLCConcept",
                {"eId": eid, "href": f"/akn/ontology/concept/un/{eid}", "showAs": eid},
            )

    def workflow(
        self,
        workflow: Element,
        draft: WorkflowDocument | None,
        vote: Vote | None,
        meeting: Meeting | None,
        remark: str | None = None,
        prefix: str = "",
    ) -> None:
        res = self.resolution
        if draft is not None:
            attrib = {
                "eId": f"{prefix}workflow__step_1",
                "date": draft.date.isoformat(),
                "by": self.ref("un-ga"),
                "refersTo": self.ref("draftResolution"),
                "href": document_symbol_href(draft.symbol),
            }
            step = _sub(workflow, "step", attrib)
            if draft.sponsors is not None:
                # unres's extension: the sponsors as the draft names them.
                etree.SubElement(step, R + "sponsors", nsmap={"unres": UNRES_NS}).text = draft.sponsors
        outcome = "adoptedWithoutVote" if isinstance(vote, AdoptedWithoutVote) else "adopted"
        attrib = {
            "eId": f"{prefix}workflow__step_{len(workflow) + 1}",
            "date": res.adoption_date.isoformat(),
            "by": self.ref("un-ga"),
            "refersTo": self.ref("adoption"),
            "outcome": self.ref(outcome),
        }
        if meeting is not None and meeting.record is not None:
            attrib["href"] = document_symbol_href(meeting.record)
        step = _sub(workflow, "step", attrib)
        if remark is not None:
            # unres's extension: the adoption as the source words it.
            etree.SubElement(step, R + "remark", nsmap={"unres": UNRES_NS}).text = remark

    def voting(self, meta: Element, vote: RecordedVote, prefix: str) -> None:
        analysis = _sub(meta, "analysis", {"source": self.ref("un")})
        voting_id = f"{prefix}voting_1"
        attrib = {"eId": voting_id, "refersTo": self.ref("recordedVote"), "outcome": self.ref("adopted")}
        voting = _sub(_sub(analysis, "parliamentary"), "voting", attrib)
        counts = (
            ("inFavour", vote.in_favour, vote.in_favour_members),
            ("against", vote.against, vote.against_members),
            ("abstaining", vote.abstaining, vote.abstaining_members),
        )
        for number, (name, value, members) in enumerate(counts, start=1):
            attrib = {"eId": f"{voting_id}__count_{number}", "refersTo": self.ref(name), "value": str(value)}
            count = _sub(voting, "count", attrib)
            if members:
                # AKN4UN's extension: the member states of the column.
                voters = etree.SubElement(count, U + "voters", nsmap={"akn4un": AKN4UN_NS})
                for member in members:
                    _sub(voters, "organization", {"refersTo": self.ref("memberState")}, member)

    def uncalled_notes(self, meta: Element, notes: list[Footnote]) -> None:
        """Footnotes no text calls: kept in ``meta/notes`` so that nothing is lost."""
        holder = _sub(meta, "notes", {"source": self.ref("un")})
        for note in notes:
            eid = f"notes__note_{_token(note.marker)}"
            self.text(_sub(_sub(holder, "note", {"eId": eid, "marker": note.marker}), "p"), note.text, eid)


def _extension_blocks(extensions: tuple[Foreign, ...]) -> list[Element]:
    """Metadata kept verbatim, every <proprietary> before every <presentation> as the schema wants."""
    blocks = [etree.fromstring(extension.xml) for extension in extensions]
    return sorted(blocks, key=lambda block: etree.QName(block).localname != "proprietary")


def _referenced_ids(blocks: list[Element]) -> set[str]:
    """The ``#id`` references to the ontology made inside ``blocks``."""
    found = set()
    for block in blocks:
        for element in block.iter():
            for attribute in ONTOLOGY_ATTRIBUTES:
                for value in (element.get(attribute) or "").split():
                    if value.startswith("#") and len(value) > 1 and not any(c.isspace() for c in value):
                        found.add(value[1:])
    return found


def _token(marker: str) -> str:
    return "".join(ch if ch.isalnum() else "_" for ch in marker)


def _indent(element: Element, level: int) -> None:
    """Indent structure with two spaces a level, never inside mixed content."""
    if element.tag in _OPAQUE or len(element) == 0:
        return
    if element.text and element.text.strip():
        return
    if any(child.tail and child.tail.strip() for child in element):
        return
    inner = "\n" + "  " * (level + 1)
    element.text = inner
    for child in element:
        child.tail = inner
        _indent(child, level + 1)
    element[-1].tail = "\n" + "  " * level


def to_element(resolution: Resolution) -> Element:
    """The canonical AKN tree of ``resolution``."""
    return _Writer(resolution).document()


def dumps(resolution: Resolution) -> bytes:
    """The canonical AKN4UN XML of ``resolution``, UTF-8 with an XML declaration."""
    tree = to_element(resolution)
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8") + b"\n"


__all__ = ["document_symbol_href", "dumps", "to_element"]
