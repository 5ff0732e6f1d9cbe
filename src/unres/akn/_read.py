"""Read AKN4UN XML into a ``Resolution``: the canonical form and the variants found in the wild.

Structure the model does not hold is an ``UnsupportedContentError`` naming the element and its
line. Inline markup the model does not hold is an error too, or, with ``keep_unknown=True``, kept
verbatim as ``Foreign`` and written back unchanged. Metadata that unres derives (references,
eIds, IRIs, the lifecycle) is read for its facts and regenerated on writing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import attrs
from lxml import etree

from unres._text import UNDOCS, parse_date_words, split_opening
from unres.akn._names import AKN_NS, TAG_STYLES, A, R
from unres.akn._parse import Element, line_of, parse_xml
from unres.errors import ModelError, ParseError, UnsupportedContentError
from unres.model import (
    SESSION_PATTERN,
    AdoptedWithoutVote,
    AgendaItem,
    Annex,
    Date,
    Emphasis,
    Footnote,
    FootnoteCall,
    Foreign,
    Heading,
    Inline,
    Keyword,
    Meeting,
    OperativeItem,
    OperativeParagraph,
    Origin,
    PreambularParagraph,
    Quotation,
    RecordedVote,
    Reference,
    Resolution,
    ResolutionPart,
    Section,
    Style,
    SubParagraph,
    Symbol,
    Table,
    TableCell,
    TableRow,
    Text,
    Vote,
    WorkflowDocument,
    normalize_text,
)

_SPACE = re.compile(r"[ \t\r\n]+")
_ANY_SPACE = re.compile(r"\s+")
_AGENDA = re.compile(r"(\d+)(?:\s*\(([a-z]{1,3})\))?")
_MEETING = re.compile(r"(\d+)(?:st|nd|rd|th)\s+([a-z(][a-z() ]*?)\s+meeting", re.IGNORECASE)
_REPORT = re.compile(r"^\[on the report of the (?P<committee>.+?) \((?P<document>[^()]+)\)\]$")
_NO_REPORT = re.compile(r"^\[without reference to a Main Committee \((?P<document>[^()]+)\)\]$")
_RESOLUTION_NUMBER = re.compile(r"^(?P<number>[0-9A-Z-]+/\d+(?: [A-Z])?)\.?$")
# The parts a cover page names after the symbol of a resolution adopted in parts: "A-B", "A-C".
_HEADING_LABEL = re.compile(r"^(?:[IVXLC]+|[A-Z])\.?$")
_LETTERED = re.compile(r"^\([a-z]{1,4}\)$")
_PART_RANGE = re.compile(r"^(?P<symbol>.+?) (?P<first>[A-Z])-(?P<last>[A-Z])$")
# Inline wrappers that carry no meaning the model keeps: their words are read, the wrapper not.
_UNWRAPPED_TAGS = frozenset(
    A + name for name in ("span", "docType", "docTitle", "docNumber", "inline", "location")
)
_SPAN = A + "span"
_NUM = A + "num"
_EOL = A + "eol"
_HEADING_PARTS = frozenset(A + name for name in ("num", "heading", "subheading"))
_IRI_NUMBER = re.compile(rf"/({SESSION_PATTERN})-(\d{{1,4}})/?$")

# Whole-paragraph texts of the masthead that carry nothing the model does not derive.
_MASTHEAD = {"united nations", "general assembly", "distr.: general", "distr. general"}


_SPAN_STYLES = ("italic", "bold", "underline")


def _space(text: str) -> str:
    """White space as a page shows it: each run of spaces and line breaks as one space."""
    if "  " in text or "\n" in text or "\t" in text or "\r" in text:
        return _SPACE.sub(" ", text)
    return text


def _local(element: Element) -> str:
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    if tag.startswith(A):
        return tag[len(A) :]
    return etree.QName(tag).localname if tag.startswith("{") else tag


def _is_akn(element: Element) -> bool:
    return isinstance(element.tag, str) and element.tag.startswith(A)


def _children(element: Element) -> Iterator[Element]:
    """Child elements, skipping comments; text outside paragraphs is an error."""
    for child in element:
        if isinstance(child.tag, str):
            yield child
    for text in (element.text, *(child.tail for child in element)):
        if text and text.strip():
            raise UnsupportedContentError(
                f"text {text.strip()[:40]!r} directly inside <{_local(element)}> is not supported",
                line=line_of(element),
            )


def _unsupported(element: Element, where: str) -> UnsupportedContentError:
    return UnsupportedContentError(
        f"<{_local(element)}> inside <{where}> is not supported", line=line_of(element)
    )


def _iso(element: Element, attribute: str = "date") -> dt.date:
    value = element.get(attribute, "")
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise ParseError(
            f"<{_local(element)}> has an invalid {attribute} {value!r}", line=line_of(element)
        ) from None


def _words(element: Element) -> str:
    """The element's text content with white space normalised."""
    return _SPACE.sub(" ", "".join(str(text) for text in element.itertext())).strip()


def _strip_hash(value: str) -> str:
    return value[1:] if value.startswith("#") else value


def _symbol_from_href(href: str) -> str:
    """A document symbol from a reference: ``https://undocs.org/A/73/505`` or ``.../A-C.3-79-L.99``."""
    if href.startswith(UNDOCS):
        return href[len(UNDOCS) :]
    if href.startswith("/akn/"):
        return href.rstrip("/").rsplit("/", 1)[-1].replace("-", "/")
    return href


class _Reader:
    def __init__(self, keep_unknown: bool) -> None:
        self.keep_unknown = keep_unknown
        self.footnotes: dict[str, Footnote] = {}
        self.note_markers: dict[str, str] = {}
        # Source lines of paragraphs in document order (the order of iter_paragraphs), and of notes.
        self.lines: list[int | None] = []
        self.note_lines: dict[str, int | None] = {}

    # -- inline ------------------------------------------------------------------------------

    def text(self, element: Element) -> Text:
        """The mixed content of ``element`` as model text, trimmed at both ends."""
        pieces = self.inline_content(element)
        if pieces and isinstance(pieces[0], str):
            pieces = (pieces[0].lstrip(), *pieces[1:])
        if pieces and isinstance(pieces[-1], str):
            pieces = (*pieces[:-1], pieces[-1].rstrip())
        return normalize_text(pieces)

    def inline_content(self, element: Element) -> Text:
        pieces: list[Inline] = []
        unwrapped = False
        if element.text:
            pieces.append(_space(element.text))
        for child in element:
            tag = child.tag
            if isinstance(tag, str):
                if tag in _UNWRAPPED_TAGS and not (tag == _SPAN and child.get("class") in _SPAN_STYLES):
                    pieces.extend(self.inline_content(child))
                    unwrapped = True
                elif tag == _EOL:
                    pieces.append(" ")
                    unwrapped = True
                else:
                    pieces.append(self.inline(child, element))
            if child.tail:
                pieces.append(_space(child.tail))
        text = normalize_text(pieces)
        if not unwrapped:
            return text
        # White space that meets across an unwrapped element's edge reads as one space too.
        return tuple(_space(piece) if isinstance(piece, str) else piece for piece in text)

    def inline(self, element: Element, parent: Element) -> Inline:
        name = _local(element) if _is_akn(element) else ""
        if name in TAG_STYLES:
            return Emphasis(self.inline_content(element), Style(TAG_STYLES[name]))
        if name == "span" and element.get("class") in _SPAN_STYLES:
            return Emphasis(self.inline_content(element), Style(element.get("class")))
        if name in ("ref", "a") and set(element.attrib.keys()) <= {"href", "eId", "wId", "GUID", "class"}:
            return Reference(element.get("href", ""), self.inline_content(element))
        if name in ("date", "docDate") and len(element) == 0:
            return Date(_iso(element), _SPACE.sub(" ", element.text or ""))
        if name in ("embeddedText", "quotedText"):
            return Quotation(self.inline_content(element))
        if name == "authorialNote":
            return self.authorial_note(element)
        if name == "noteRef":
            marker = element.get("marker") or self.note_markers.get(_strip_hash(element.get("href", "")))
            if not marker:
                raise ParseError("<noteRef> without a marker", line=line_of(element))
            return FootnoteCall(marker)
        if self.keep_unknown:
            copy = etree.fromstring(etree.tostring(element, with_tail=False))
            xml = etree.tostring(copy, method="c14n", exclusive=True, with_comments=False)
            return Foreign(xml.decode("utf-8"))
        raise _unsupported(element, _local(parent))

    def authorial_note(self, element: Element) -> FootnoteCall:
        marker = element.get("marker")
        if not marker:
            raise ParseError("<authorialNote> without a marker", line=line_of(element))
        paragraphs = list(_children(element))
        if not paragraphs or any(_local(p) != "p" for p in paragraphs):
            raise UnsupportedContentError("<authorialNote> must hold <p> elements", line=line_of(element))
        if marker in self.footnotes:
            raise ParseError(f"footnote {marker!r} is given twice", line=line_of(element))
        text: list[Inline] = []
        for index, paragraph in enumerate(paragraphs):
            # A note of several paragraphs is one text; its paragraph breaks read as spaces.
            text.extend((" ", *self.text(paragraph)) if index else self.text(paragraph))
        self.footnotes[marker] = Footnote(marker, text)
        self.note_lines[marker] = line_of(element)
        return FootnoteCall(marker)

    def single_p(self, element: Element) -> Text:
        paragraphs = list(_children(element))
        if len(paragraphs) != 1 or _local(paragraphs[0]) != "p":
            names = ", ".join(f"<{_local(p)}>" for p in paragraphs) or "nothing"
            raise UnsupportedContentError(
                f"<{_local(element)}> must hold one <p>, not {names}", line=line_of(element)
            )
        return self.text(paragraphs[0])

    # -- body --------------------------------------------------------------------------------

    def preamble(self, preamble: Element) -> tuple[Text | None, list[PreambularParagraph]]:
        formula: Text | None = None
        paragraphs: list[PreambularParagraph] = []
        for child in _children(preamble):
            name = _local(child)
            if name == "formula":
                formula = self.single_p(child)
            elif name == "container":
                paragraphs.append(self.preambular(child, single=True))
            elif name == "blockList" and paragraphs and not paragraphs[-1].subparagraphs:
                # The UN's files set the items (a), (b) of a preambular paragraph after its container.
                items = self.block_list(child)
                paragraphs[-1] = attrs.evolve(paragraphs[-1], subparagraphs=items)
            else:
                raise _unsupported(child, "preamble")
        return formula, paragraphs

    def preambular(self, element: Element, *, single: bool) -> PreambularParagraph:
        """A preambular paragraph: a container holding <p> (and maybe a <blockList> of items),
        or a crossHeading in a section."""
        self.lines.append(line_of(element))
        if not single:
            opening, text = split_opening(self.text(element))
            return PreambularParagraph(text, opening)
        children = list(_children(element))
        items: list[SubParagraph] = []
        if len(children) == 2 and _local(children[1]) == "blockList":
            items = self.block_list(children.pop())
        if len(children) != 1 or _local(children[0]) != "p":
            names = ", ".join(f"<{_local(p)}>" for p in children) or "nothing"
            raise UnsupportedContentError(
                f"<{_local(element)}> must hold one <p>, not {names}", line=line_of(element)
            )
        opening, text = split_opening(self.text(children[0]))
        return PreambularParagraph(text, opening, items)

    def block_list(self, element: Element) -> list[SubParagraph]:
        """The items of a <blockList>, each a labelled sub-paragraph."""
        items: list[SubParagraph] = []
        for item in _children(element):
            if _local(item) != "item":
                raise _unsupported(item, "blockList")
            self.lines.append(line_of(item))
            children = list(_children(item))
            label = ""
            if children and _local(children[0]) == "num":
                label = _words(children.pop(0)).strip("().")
            if len(children) != 1 or _local(children[0]) != "p":
                raise UnsupportedContentError("<item> must hold <num> and one <p>", line=line_of(item))
            try:
                items.append(SubParagraph(label, self.text(children[0])))
            except ModelError as error:
                raise ParseError(error.message, line=line_of(item)) from None
        return items

    def operative_item(self, element: Element) -> OperativeItem | None:
        """A paragraph, section, heading or table; None for any other element."""
        name = _local(element)
        if name == "paragraph":
            return self.paragraph(element)
        if name in ("section", "subsection"):
            return self.section(element)
        if name in ("container", "hcontainer") and element.get("name") == "table":
            return self.table(element)
        if name in ("hcontainer", "subheading"):
            return self.heading(element)
        return None

    def heading(self, element: Element) -> Heading:
        """A heading between paragraphs: the UN's <paragraph> holding only <num>, <heading> or
        <subheading>, a <subheading> standing in a section, or unres's <hcontainer name="heading">."""
        self.lines.append(line_of(element))
        if _local(element) == "subheading":
            return Heading(None, (), self.text(element))
        label: str | None = None
        heading: list[Inline] = []
        subheading: list[Inline] = []
        for child in _children(element):
            name = _local(child)
            if name == "num" and label is None:
                label = _words(child).rstrip(".") or None
            elif name in ("heading", "subheading"):
                target = heading if name == "heading" else subheading
                # Two headings of one level (seen in the UN's files) read as one, a space apart.
                target.extend((" ", *self.text(child)) if target else self.text(child))
            else:
                raise _unsupported(child, _local(element))
        try:
            return Heading(label, heading, subheading)
        except ModelError as error:
            raise ParseError(error.message, line=line_of(element)) from None

    def table(self, element: Element) -> Table:
        """A table: the UN's <container name="table">, or unres's <hcontainer name="table">."""
        self.lines.append(line_of(element))
        holders = list(_children(element))
        if len(holders) == 1 and _local(holders[0]) == "content":
            holders = list(_children(holders[0]))
        if len(holders) != 1 or _local(holders[0]) != "table":
            raise UnsupportedContentError("a table container must hold one <table>", line=line_of(element))
        rows: list[TableRow] = []
        for row in _children(holders[0]):
            if _local(row) != "tr":
                raise _unsupported(row, "table")
            cells: list[TableCell] = []
            for cell in _children(row):
                if _local(cell) not in ("td", "th"):
                    raise _unsupported(cell, "tr")
                content = []
                for paragraph in _children(cell):
                    if _local(paragraph) != "p":
                        raise _unsupported(paragraph, _local(cell))
                    content.append(self.text(paragraph))
                try:
                    cells.append(
                        TableCell(
                            content,
                            _local(cell) == "th",
                            int(cell.get("colspan", "1")),
                            int(cell.get("rowspan", "1")),
                        )
                    )
                except (ModelError, ValueError) as error:
                    raise ParseError(f"table cell: {error}", line=line_of(cell)) from None
            rows.append(TableRow(cells))
        try:
            return Table(rows)
        except ModelError as error:
            raise ParseError(error.message, line=line_of(element)) from None

    def operative(self, parent: Element, where: str) -> list[OperativeItem]:
        items: list[OperativeItem] = []
        for child in _children(parent):
            item = self.operative_item(child)
            if item is None:
                raise _unsupported(child, where)
            items.append(item)
        return items

    def section(self, element: Element) -> Section:
        self.lines.append(line_of(element))
        label: str | None = None
        heading: Text = ()
        preamble: list[PreambularParagraph] = []
        content: list[OperativeItem] = []
        for child in _children(element):
            name = _local(child)
            if name == "num":
                label = _words(child).rstrip(".")
            elif name == "heading" and not heading:
                heading = self.text(child)
            elif name == "subheading" and not content and not preamble:
                # The UN's files title some sections with <subheading>s, a line each: they form
                # the section's heading, a space apart.
                heading = (*heading, " ", *self.text(child)) if heading else self.text(child)
            elif name == "crossHeading" and not content:
                preamble.append(self.preambular(child, single=False))
            else:
                item = self.operative_item(child)
                if item is None:
                    raise _unsupported(child, "section")
                content.append(item)
        try:
            return Section(label, heading, preamble, content)
        except ModelError as error:
            raise ParseError(error.message, line=line_of(element)) from None

    def paragraph(self, element: Element) -> OperativeParagraph | Heading:
        children = list(_children(element))
        if children and all(child.tag in _HEADING_PARTS for child in children):
            return self.heading(element)
        self.lines.append(line_of(element))
        number: int | None = None
        label: Text = ()
        if children and children[0].tag == _NUM:
            written = _words(children[0])
            if _LETTERED.match(written):
                # The UN's files number some sub-paragraphs "(a)" as paragraphs; they read as the
                # unnumbered paragraphs "(b)", "(c)" beside them do, the label first in the text.
                label = (written + " ",)
            elif _HEADING_LABEL.match(written):
                # A paragraph numbered "I." or "A" whose content is a title: a heading the UN's
                # files set as a paragraph.
                try:
                    return Heading(
                        written.rstrip("."), self.single_p(children[1]) if len(children) == 2 else ()
                    )
                except (ModelError, IndexError):
                    raise UnsupportedContentError(
                        f"paragraph {written!r} is neither a numbered paragraph nor a heading",
                        line=line_of(element),
                    ) from None
            else:
                digits = written.rstrip(".")
                if not digits.isdigit() or int(digits) < 1:
                    raise UnsupportedContentError(
                        f"paragraph number {written!r} is not a number such as '1.'",
                        line=line_of(children[0]),
                    )
                number = int(digits)
            children = children[1:]
        full, subs, closing = self.body(element, children)
        opening, text = split_opening(normalize_text((*label, *full)))
        return OperativeParagraph(number, text, opening, subs, closing)

    def body(self, element: Element, children: list[Element]) -> tuple[Text, list[SubParagraph], Text]:
        """The text, sub-paragraphs and closing text of a paragraph or point."""
        if len(children) != 1 or _local(children[0]) not in ("content", "list"):
            names = ", ".join(f"<{_local(c)}>" for c in children) or "nothing"
            raise UnsupportedContentError(
                f"<{_local(element)}> must hold <content> or <list>, not {names}",
                line=line_of(element),
            )
        holder = children[0]
        if _local(holder) == "content":
            return self.single_p(holder), [], ()
        text: Text = ()
        closing: Text = ()
        subs: list[SubParagraph] = []
        for child in _children(holder):
            name = _local(child)
            if name == "intro" and not subs:
                text = self.single_p(child)
            elif name == "point":
                subs.append(self.point(child))
            elif name == "sublist" and subs and not subs[-1].subparagraphs and not subs[-1].closing_text:
                # A <sublist> holds the sub-points of the point before it.
                nested, nested_closing = self.sublist(child)
                subs[-1] = attrs.evolve(subs[-1], subparagraphs=nested, closing_text=nested_closing)
            elif name == "wrapUp" and subs:
                closing = self.single_p(child)
            else:
                raise _unsupported(child, "list")
        return text, subs, closing

    def sublist(self, element: Element) -> tuple[list[SubParagraph], Text]:
        subs: list[SubParagraph] = []
        closing: Text = ()
        for child in _children(element):
            name = _local(child)
            if name == "point" and not closing:
                subs.append(self.point(child))
            elif name == "sublist" and subs and not subs[-1].subparagraphs:
                nested, nested_closing = self.sublist(child)
                subs[-1] = attrs.evolve(subs[-1], subparagraphs=nested, closing_text=nested_closing)
            elif name == "wrapUp" and subs and not closing:
                closing = self.single_p(child)
            else:
                raise _unsupported(child, "sublist")
        return subs, closing

    def point(self, element: Element) -> SubParagraph:
        self.lines.append(line_of(element))
        children = list(_children(element))
        label = ""
        if children and _local(children[0]) == "num":
            label = _words(children.pop(0)).strip("().")
        text, subs, closing = self.body(element, children)
        try:
            return SubParagraph(label, text, subs, closing)
        except ModelError as error:
            raise ParseError(error.message, line=line_of(element)) from None

    def annex(self, attachment: Element) -> Annex:
        docs = list(_children(attachment))
        if len(docs) != 1 or _local(docs[0]) != "doc":
            raise UnsupportedContentError("<attachment> must hold one <doc>", line=line_of(attachment))
        label: str | None = None
        heading: Text = ()
        content: list[OperativeItem] = []
        for child in _children(docs[0]):
            name = _local(child)
            if name == "meta":
                continue  # the annex's own identification, derived from the resolution's on writing
            if name == "preface":
                for line in _children(child):
                    for part in _children(line):
                        if _local(part) == "docNumber":
                            label = _words(part)
                        elif _local(part) == "docTitle":
                            heading = self.text(part)
                        else:
                            raise _unsupported(part, "preface")
            elif name == "mainBody":
                content = self.operative(child, "mainBody")
            else:
                raise _unsupported(child, "doc")
        return Annex(label, heading, content)


# ------------------------------------------------------------------------------------------------
# Masthead and metadata


class _Facts:
    """What the masthead and metadata say, gathered before the resolution is built."""

    def __init__(self) -> None:
        self.symbols: list[tuple[str, int | None]] = []
        self.session: tuple[str, int | None] | None = None
        self.adoption: dt.date | None = None
        self.distribution: dt.date | None = None
        self.expression_date: tuple[str, dt.date] | None = None
        self.markup: dt.date | None = None
        self.language = "eng"
        self.agenda: list[AgendaItem] = []
        self.agenda_titles: list[str] = []
        self.origin: Origin | None = None
        self.keywords: list[Keyword] = []
        self.vote: Vote | None = None
        self.draft: WorkflowDocument | None = None
        self.record: str | None = None
        self.meeting: tuple[int, str] | None = None
        self.meeting_date: dt.date | None = None
        self.closing_date: dt.date | None = None
        self.title: str | None = None
        self.main_titles: list[str] = []
        self.adoption_remark: str | None = None
        self.report: tuple[str, str] | None = None
        self.title_notes: list[str] = []
        self.extensions: list[Foreign] = []


def _read_identification(ident: Element, facts: _Facts) -> None:
    for level in _children(ident):
        for item in _children(level):
            name, level_name = _local(item), _local(level)
            if name == "FRBRalias" and item.get("name") == "symbol":
                facts.symbols.append((item.get("value", ""), line_of(item)))
            elif name == "FRBRdate" and level_name == "FRBRWork":
                facts.adoption = _iso(item)
            elif name == "FRBRdate" and level_name == "FRBRExpression":
                facts.expression_date = (item.get("name", ""), _iso(item))
            elif name == "FRBRdate" and level_name == "FRBRManifestation" and item.get("name") == "markup":
                facts.markup = _iso(item)
            elif name == "FRBRlanguage":
                facts.language = item.get("language", "eng")
            elif name == "FRBRuri" and level_name == "FRBRWork":
                match = _IRI_NUMBER.search(item.get("value", ""))
                if match:
                    facts.symbols.append((f"A/RES/{match[1]}/{match[2]}", line_of(item)))


def _outcome_words(value: str) -> str:
    """An outcome or reference as letters alone: "Adopted without vote, ..." -> "adoptedwithoutvote..."."""
    return re.sub(r"[^a-z]", "", value.lower())


# A document symbol or a link (A/75/PV.48, https://undocs.org/...): the UN's files also put prose
# where a workflow step names its document ("Adopted through silence procedure").
_DOCUMENT_REFERENCE = re.compile(r"^(?:[A-Z][A-Za-z0-9.-]*(?:/[A-Za-z0-9.-]+)+|/akn/\S+|https?://\S+)$")


def _read_workflow(workflow: Element, facts: _Facts) -> None:
    for step in _children(workflow):
        words = _outcome_words(" ".join(step.get(name, "") for name in ("refersTo", "outcome")))
        document = step.get("href") or step.get("as") or ""
        if "draft" in words and document:
            sponsors = _ANY_SPACE.sub(" ", step.get("by", "")).strip()
            if sponsors.startswith("#"):
                sponsors = ""  # a reference to the ontology, not a list of sponsors
            for named in step.iter(R + "sponsors"):
                sponsors = _words(named)  # unres's canonical form
            facts.draft = WorkflowDocument(_symbol_from_href(document), _iso(step), sponsors or None)
        elif "recommended" in words and step.get("refersTo", "").isdigit() and document:
            # The report that recommends the draft, and the paragraph that does (refersTo).
            facts.report = (_symbol_from_href(document), step.get("refersTo", ""))
        elif "adopted" in words:
            if "withoutvote" in _outcome_words(f"{words} {document}") and facts.vote is None:
                facts.vote = AdoptedWithoutVote()
            if _DOCUMENT_REFERENCE.match(document):
                facts.record = _symbol_from_href(document)
            elif document:
                facts.adoption_remark = _ANY_SPACE.sub(" ", document).strip()
            for remark in step.iter(R + "remark"):
                facts.adoption_remark = _words(remark)


def _read_voting(analysis: Element, facts: _Facts) -> None:
    for voting in analysis.iter(A + "voting"):
        if "withoutvote" in _outcome_words(voting.get("outcome", "")):
            facts.vote = AdoptedWithoutVote()
            continue
        counts: dict[str, int] = {}
        members: dict[str, tuple[str, ...]] = {}
        for count in voting.iter(A + "count"):
            key = _strip_hash(count.get("refersTo", ""))
            if key not in _COLUMNS or key in counts:
                raise UnsupportedContentError(
                    f"vote count {key!r} is not one of in favour / against / abstaining, once each",
                    line=line_of(count),
                )
            try:
                counts[key] = int(count.get("value", ""))
            except ValueError:
                raise ParseError(
                    f"vote count {count.get('value')!r} is not a number", line=line_of(count)
                ) from None
            # The member states of the column (AKN4UN's extension <akn4un:voters>), as written.
            members[key] = tuple(
                _words(state) for voters in count if _local(voters) == "voters" for state in _children(voters)
            )
        if counts:
            facts.vote = RecordedVote(
                counts.get("inFavour", 0),
                counts.get("against", 0),
                counts.get("abstaining", 0),
                members.get("inFavour", ()),
                members.get("against", ()),
                members.get("abstaining", ()),
            )


_COLUMNS = ("inFavour", "against", "abstaining")


def _read_meta(meta: Element, facts: _Facts, reader: _Reader) -> list[Footnote]:
    uncalled: list[Footnote] = []
    for child in _children(meta):
        name = _local(child)
        if name == "identification":
            _read_identification(child, facts)
        elif name == "classification":
            for keyword in _children(child):
                facts.keywords.append(
                    Keyword(
                        keyword.get("value", ""),
                        keyword.get("showAs", ""),
                        keyword.get("dictionary", ""),
                        keyword.get("href"),
                        keyword.get("shortForm"),
                        keyword.get("refersTo"),
                    )
                )
        elif name == "workflow":
            _read_workflow(child, facts)
        elif name == "analysis":
            _read_voting(child, facts)
        elif name == "publication":
            if facts.distribution is None and child.get("date"):
                facts.distribution = _iso(child)
        elif name == "notes":
            for note in _children(child):
                marker = note.get("marker") or ""
                uncalled.append(Footnote(marker, reader.single_p(note)))
                reader.note_lines[marker] = line_of(note)
        elif name in ("proprietary", "presentation"):
            xml = etree.tostring(child, method="c14n", exclusive=True, with_comments=False)
            facts.extensions.append(Foreign(xml.decode("utf-8")))
        elif name in ("references", "lifecycle"):
            continue  # regenerated from the model on writing
        else:
            raise _unsupported(child, "meta")
    return uncalled


def _read_cover_page(cover: Element, facts: _Facts) -> None:
    lines = [p for p in cover.iter(A + "p")]
    for line in lines:
        words = _words(line)
        for number in line.iter(A + "docNumber"):
            facts.symbols.append((_words(number), line_of(number)))
        for session in line.iter(A + "session"):
            facts.session = (session.get("value", ""), line_of(session))
        in_title = False
        for title in line.iter(A + "docTitle"):
            in_title = True
            for date in title.iter(A + "docDate"):
                if date.get("date"):
                    facts.adoption = facts.adoption or _iso(date)
        if not in_title:
            for date in line.iter(A + "docDate"):
                facts.distribution = _iso(date)
        numbered_here = False
        for inline in line.iter(A + "inline", A + "ref"):
            name = (inline.get("name") or "").lower()
            text = _words(inline)
            if ("title" in name or "name" in name) and text:
                untitled = [i for i, item in enumerate(facts.agenda) if item.title is None]
                if numbered_here:
                    facts.agenda[-1] = attrs.evolve(facts.agenda[-1], title=text)
                elif untitled:
                    # The title follows its number, on the same line or on the next.
                    facts.agenda[untitled[0]] = attrs.evolve(facts.agenda[untitled[0]], title=text)
                else:
                    facts.agenda_titles.append(text)
            elif text.lower().startswith("agenda item"):
                for match in _AGENDA.finditer(text):
                    facts.agenda.append(AgendaItem(int(match[1]), match[2]))
                    numbered_here = True
        if words.lower().startswith("[on the report"):
            report = _REPORT.match(words)
            if report is None:
                raise ParseError(f"cannot read the report line {words!r}", line=line_of(line))
            facts.origin = Origin.of(report["document"], report["committee"])
        elif words.lower().startswith("[without reference"):
            bare = _NO_REPORT.match(words)
            if bare is None:
                raise ParseError(f"cannot read the line {words!r}", line=line_of(line))
            facts.origin = Origin.of(bare["document"])
        elif not _known_masthead_line(line, words):
            raise UnsupportedContentError(f"masthead line {words!r} is not understood", line=line_of(line))


def _known_masthead_line(line: Element, words: str) -> bool:
    if not words or words.lower() in _MASTHEAD:
        return True
    known = ("docNumber", "session", "docTitle", "docDate", "inline", "ref", "docAuthority", "docStatus")
    return all(_local(child) in known for child in line if isinstance(child.tag, str)) and len(line) > 0


def _read_conclusions(conclusions: Element, facts: _Facts, adoption: dt.date) -> None:
    words = _ANY_SPACE.sub(" ", "".join(str(text) for text in conclusions.itertext())).strip()
    match = _MEETING.search(words)
    if match is None and words and parse_date_words(words) is not None:
        facts.closing_date = parse_date_words(words)  # adopted without a meeting: the date alone
        return
    if match is None:
        if words:
            raise UnsupportedContentError(
                f"closing line {words!r} is not understood", line=line_of(conclusions)
            )
        return
    facts.meeting = (int(match[1]), match[2].lower())
    rest = (words[: match.start()] + words[match.end() :]).strip()
    if not rest:
        return
    printed = parse_date_words(rest)
    if printed is None:
        raise UnsupportedContentError(
            f"closing line {words!r}: {rest!r} is not a date", line=line_of(conclusions)
        )
    if printed != adoption:
        facts.meeting_date = printed  # kept, and reported by the rules


def _collect_note_ids(root: Element) -> dict[str, str]:
    return {
        note.get("eId", ""): note.get("marker", "")
        for note in root.iter(A + "authorialNote", A + "note")
        if note.get("eId")
    }


def _resolve_symbol(facts: _Facts) -> Symbol:
    if not facts.symbols:
        raise ParseError("no resolution symbol found (coverPage docNumber or FRBRalias)")
    parsed: list[tuple[Symbol, int | None]] = []
    for text, line in facts.symbols:
        parts = _PART_RANGE.match(text.strip())
        if parts is not None:
            text = parts["symbol"]  # a resolution in parts ("A/RES/74/250 A-B"): its parts say which
        try:
            parsed.append((Symbol.parse(text), line))
        except ModelError as error:
            raise ParseError(error.message, line=line) from None
    # The identification names the resolution, the preface may add the letter of the part the
    # document holds (74/232 B): the symbol is the one with the part.
    first = next((symbol for symbol, _ in parsed if symbol.part), parsed[0][0])
    for symbol, line in parsed:
        if symbol != first and (
            symbol.part or (symbol.session, symbol.number) != (first.session, first.number)
        ):
            raise ParseError(f"symbol {symbol} disagrees with {first}", line=line)
    if facts.session is not None and facts.session[0] not in (first.session, first.session.partition("-")[2]):
        # An emergency special session's cover page gives its number alone ("11" for ES-11).
        raise ParseError(
            f"session {facts.session[0]!r} disagrees with the symbol {first}", line=facts.session[1]
        )
    return first


def from_element(root: Element, *, keep_unknown: bool = False) -> Resolution:
    """Build a ``Resolution`` from a parsed AKN tree."""
    return _read(root, keep_unknown)[0]


def from_element_located(root: Element, *, keep_unknown: bool = False) -> tuple[Resolution, dict[str, int]]:
    """Build a ``Resolution`` and the source line of each part, by eId (``"para_2"``) and by
    footnote (``"footnote 1"``)."""
    resolution, reader = _read(root, keep_unknown)
    lines = {
        eid: line
        for (eid, _), line in zip(resolution.iter_paragraphs(), reader.lines, strict=False)
        if line is not None
    }
    lines.update(
        {f"footnote {marker}": line for marker, line in reader.note_lines.items() if line is not None}
    )
    return resolution, lines


_STATEMENT_PARTS = ("meta", "coverPage", "preface", "preamble", "mainBody", "conclusions", "attachments")
_COLLECTION_PARTS = ("meta", "coverPage", "preface", "collectionBody")


def _parts_of(document: Element, allowed: tuple[str, ...]) -> dict[str, Element]:
    """The children of a document by name, each at most once and each allowed."""
    parts: dict[str, Element] = {}
    for child in _children(document):
        name = _local(child)
        if name in parts or name not in allowed:
            raise _unsupported(child, _local(document))
        parts[name] = child
    if "meta" not in parts:
        raise ParseError(f"<{_local(document)}> needs <meta>", line=line_of(document))
    return parts


class _Body:
    """The text of one statement: the whole resolution, or one part of a resolution in parts."""

    def __init__(self) -> None:
        self.label: str | None = None
        self.title: str | None = None
        self.formula: Text | None = None
        self.preamble: list[PreambularParagraph] = []
        self.operative: list[OperativeItem] = []
        self.annexes: list[Annex] = []


def _read_body(parts: dict[str, Element], reader: _Reader, facts: _Facts, adoption: dt.date) -> _Body:
    body = _Body()
    if "mainBody" not in parts:
        raise ParseError("a resolution needs <mainBody>", line=line_of(parts["meta"]))
    if "preamble" in parts:
        body.formula, body.preamble = reader.preamble(parts["preamble"])
    body.operative = reader.operative(parts["mainBody"], "mainBody")
    if "conclusions" in parts:
        _read_conclusions(parts["conclusions"], facts, adoption)
    if "attachments" in parts:
        body.annexes = [reader.annex(att) for att in _children(parts["attachments"])]
    return body


def _read(root: Element, keep_unknown: bool) -> tuple[Resolution, _Reader]:
    if root.tag != A + "akomaNtoso":
        raise ParseError(
            f"root element is <{etree.QName(root).localname}>, not Akoma Ntoso's <akomaNtoso>"
            f" in namespace {AKN_NS}",
            line=line_of(root),
        )
    documents = list(_children(root))
    components: Element | None = None
    if len(documents) == 2 and _local(documents[1]) == "components":
        components = documents.pop()
    if len(documents) != 1 or _local(documents[0]) not in ("statement", "documentCollection"):
        raise UnsupportedContentError(
            "expected one <statement> or <documentCollection> inside <akomaNtoso>", line=line_of(root)
        )
    document = documents[0]
    collection = _local(document) == "documentCollection"
    reader = _Reader(keep_unknown)
    reader.note_markers = _collect_note_ids(root)
    facts = _Facts()
    parts = _parts_of(document, _COLLECTION_PARTS if collection else _STATEMENT_PARTS)
    uncalled = _read_meta(parts["meta"], facts, reader)
    if "coverPage" in parts:
        _read_cover_page(parts["coverPage"], facts)
    if "preface" in parts:
        _read_preface(parts["preface"], facts, reader)
    symbol = _resolve_symbol(facts)
    if facts.adoption is None:
        raise ParseError("no adoption date found (FRBRWork FRBRdate)", line=line_of(parts["meta"]))
    if not collection:
        if components is not None:
            raise _unsupported(components, "akomaNtoso")
        body = _read_body(parts, reader, facts, facts.adoption)
        return _build(symbol, facts, body, [], reader, uncalled), reader
    if "collectionBody" not in parts:
        raise ParseError("a <documentCollection> needs <collectionBody>", line=line_of(document))
    resolution_parts = [
        _with_record(_read_part(statement, reader, facts.adoption), facts.record)
        for statement in _component_statements(parts["collectionBody"], components)
    ]
    return _build(symbol, facts, _Body(), resolution_parts, reader, uncalled), reader


def _component_statements(body: Element, components: Element | None) -> Iterator[Element]:
    """The statement of each component of a collection, in the collection's order: inline in the
    <component>, or (as the UN's files do) in <components> beside it, found by <documentRef href>."""
    by_id = {}
    if components is not None:
        for component in _children(components):
            by_id[component.get("eId", "")] = component
    for component in _children(body):
        inner = list(_children(component))
        if len(inner) == 1 and _local(inner[0]) == "documentRef":
            target = by_id.pop(_strip_hash(inner[0].get("href", "")), None)
            if target is None:
                raise ParseError(
                    f"<documentRef> points to {inner[0].get('href')!r}, which is no component",
                    line=line_of(inner[0]),
                )
            inner = list(_children(target))
        if len(inner) != 1 or _local(inner[0]) != "statement":
            raise UnsupportedContentError("a <component> must hold one <statement>", line=line_of(component))
        yield inner[0]
    for component in by_id.values():
        raise UnsupportedContentError("a component no <documentRef> refers to", line=line_of(component))


def _read_part(statement: Element, reader: _Reader, adoption: dt.date) -> ResolutionPart:
    facts = _Facts()
    parts = _parts_of(statement, _STATEMENT_PARTS)
    for note in _read_meta(parts["meta"], facts, reader):
        reader.footnotes.setdefault(note.marker, note)  # notes are numbered across the parts
    if facts.keywords:
        raise UnsupportedContentError("keywords of one part are not supported", line=line_of(parts["meta"]))
    if "coverPage" in parts:
        raise _unsupported(parts["coverPage"], "statement")
    label: str | None = None
    if "preface" in parts:
        for number in parts["preface"].iter(A + "docNumber"):
            label = _words(number).rstrip(".") or None
        for title in parts["preface"].iter(A + "docTitle"):
            facts.title = _words(title)
    if label is None:
        raise ParseError(
            "a part of a resolution needs its letter (preface docNumber)", line=line_of(statement)
        )
    body = _read_body(parts, reader, facts, facts.adoption or adoption)
    try:
        return ResolutionPart(
            label=label,
            title=facts.title or "",
            preamble=body.preamble,
            operative=body.operative,
            annexes=body.annexes,
            meeting=_meeting(facts),
            vote=facts.vote,
            closing_date=facts.closing_date,
            extensions=facts.extensions,
            **({"enacting_formula": body.formula} if body.formula is not None else {}),
        )
    except ModelError as error:
        raise ParseError(error.message, line=line_of(statement)) from None


def _with_record(part: ResolutionPart, record: str | None) -> ResolutionPart:
    """The collection's workflow names the record of the meeting that adopted its parts."""
    if part.meeting is None or part.meeting.record is not None or record is None:
        return part
    return attrs.evolve(part, meeting=attrs.evolve(part.meeting, record=record))


def _meeting(facts: _Facts) -> Meeting | None:
    if facts.meeting is None:
        return None
    return Meeting(facts.meeting[0], facts.meeting[1], facts.record, facts.meeting_date)


def _read_preface(preface: Element, facts: _Facts, reader: _Reader) -> None:
    """The number and title line: "73/266. Title", or for one part of a resolution in parts
    "74/232. Title ... B" or "75/290. Titles ... A Title of the part"."""
    for note in preface.iter(A + "authorialNote"):
        facts.title_notes.append(reader.authorial_note(note).marker)  # called from the title line
    titles: list[str] = []
    lettered = False
    for element in preface.iter(A + "docTitle", A + "docNumber"):
        words = _words(element)
        if _local(element) == "docTitle":
            for inner in element.iter():
                if inner is not element and _local(inner) not in ("span", "b", "i"):
                    raise _unsupported(inner, "docTitle")
            titles.append(words)
            continue
        if titles and len(words.rstrip(".")) == 1 and facts.symbols and " " not in facts.symbols[-1][0]:
            # The letter of the part this document holds; the titles before it are those of the
            # whole resolution when the part has a title of its own after the letter.
            text, line = facts.symbols[-1]
            facts.symbols[-1] = (f"{text} {words.rstrip('.')}", line)
            lettered = True
            facts.main_titles = titles
            titles = []
            continue
        match = _RESOLUTION_NUMBER.match(words)
        if match is None:
            raise ParseError(f"resolution number {words!r} is not such as '73/266.'", line=line_of(element))
        facts.symbols.append((f"A/RES/{match['number']}", line_of(element)))
    if lettered and not titles:
        titles, facts.main_titles = facts.main_titles, []
    if len(titles) > 1:
        raise UnsupportedContentError(f"the title line has {len(titles)} titles", line=line_of(preface))
    if titles:
        facts.title = titles[0]


def _build(
    symbol: Symbol,
    facts: _Facts,
    body: _Body,
    parts: list[ResolutionPart],
    reader: _Reader,
    uncalled: list[Footnote],
) -> Resolution:
    assert facts.adoption is not None
    agenda = _agenda_items(facts)
    distribution = facts.distribution
    if distribution is None and facts.expression_date and facts.expression_date[0] == "publication":
        distribution = facts.expression_date[1]
    footnotes = [*reader.footnotes.values(), *uncalled]
    extra = {"enacting_formula": body.formula} if body.formula is not None else {}
    origin = facts.origin
    # The cover names the report, the workflow the paragraph of it that recommends the draft (the
    # workflow may word the report "A/74/366, as amended in ...").
    report = facts.report
    if (
        origin
        and origin.paragraph is None
        and report
        and report[0].partition(",")[0].strip() == origin.document
    ):
        origin = attrs.evolve(origin, paragraph=report[1])
    try:
        return Resolution(
            symbol=symbol,
            title=facts.title or "",
            adoption_date=facts.adoption,
            preamble=body.preamble,
            operative=body.operative,
            agenda_items=agenda,
            origin=origin,
            distribution_date=distribution,
            language=facts.language,
            footnotes=footnotes,
            annexes=body.annexes,
            meeting=_meeting(facts),
            vote=facts.vote,
            draft=facts.draft,
            keywords=facts.keywords,
            markup_date=facts.markup,
            extensions=facts.extensions,
            parts=parts,
            closing_date=facts.closing_date,
            main_titles=facts.main_titles,
            adoption_remark=facts.adoption_remark,
            title_notes=facts.title_notes,
            **extra,
        )
    except ModelError as error:
        raise ParseError(error.message) from None


def _agenda_items(facts: _Facts) -> list[AgendaItem]:
    """Agenda items from the masthead; a title alone (UN production files) takes its number from
    the agenda keyword of the classification."""
    items = list(facts.agenda)
    titles = list(facts.agenda_titles)
    if not titles:
        return items
    if items:
        raise ParseError(f"agenda item title {titles[0]!r} stands apart from its agenda item number")
    numbers = [
        int(keyword.value)
        for keyword in facts.keywords
        if _strip_hash(keyword.refers_to or "") in ("agenda", "agendaItem") and keyword.value.isdigit()
    ]
    if len(numbers) != len(titles):
        raise ParseError(f"agenda item title {titles[0]!r} has no agenda item number")
    return [AgendaItem(number, None, title) for number, title in zip(numbers, titles, strict=True)]


def loads(data: bytes | str, *, source: str | None = None, keep_unknown: bool = False) -> Resolution:
    """Read a resolution from AKN XML bytes (or a string)."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        return from_element(parse_xml(raw, source), keep_unknown=keep_unknown)
    except ParseError as error:
        if source:
            error.located(source)
        raise


__all__ = ["from_element", "from_element_located", "loads"]
