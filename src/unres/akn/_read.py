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
from unres.akn._names import AKN_NS, TAG_STYLES, A
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
    Section,
    Style,
    SubParagraph,
    Symbol,
    Text,
    Vote,
    WorkflowDocument,
    normalize_text,
)

_SPACE = re.compile(r"[ \t\r\n]+")
_AGENDA = re.compile(r"(\d+)(?:\s*\(([a-z])\))?")
_MEETING = re.compile(r"(\d+)(?:st|nd|rd|th)\s+([a-z][a-z ]*?)\s+meeting", re.IGNORECASE)
_REPORT = re.compile(r"^\[on the report of the (?P<committee>.+?) \((?P<document>[^()]+)\)\]$")
_NO_REPORT = re.compile(r"^\[without reference to a Main Committee \((?P<document>[^()]+)\)\]$")
_RESOLUTION_NUMBER = re.compile(r"^(?P<number>[0-9A-Z-]+/\d+)\.?$")
_IRI_NUMBER = re.compile(rf"/({SESSION_PATTERN})-(\d{{1,4}})/?$")

# Whole-paragraph texts of the masthead that carry nothing the model does not derive.
_MASTHEAD = {"united nations", "general assembly", "distr.: general", "distr. general"}


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
        if element.text:
            pieces.append(_space(element.text))
        for child in element:
            if isinstance(child.tag, str):
                pieces.append(self.inline(child, element))
            if child.tail:
                pieces.append(_space(child.tail))
        return normalize_text(pieces)

    def inline(self, element: Element, parent: Element) -> Inline:
        name = _local(element) if _is_akn(element) else ""
        if name in TAG_STYLES:
            return Emphasis(self.inline_content(element), Style(TAG_STYLES[name]))
        if name == "span" and element.get("class") in ("italic", "bold", "underline"):
            return Emphasis(self.inline_content(element), Style(element.get("class")))
        if name == "ref" and set(element.attrib.keys()) <= {"href", "eId", "wId", "GUID", "class"}:
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
        if len(paragraphs) != 1 or _local(paragraphs[0]) != "p":
            raise UnsupportedContentError("<authorialNote> must hold exactly one <p>", line=line_of(element))
        if marker in self.footnotes:
            raise ParseError(f"footnote {marker!r} is given twice", line=line_of(element))
        self.footnotes[marker] = Footnote(marker, self.text(paragraphs[0]))
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
            else:
                raise _unsupported(child, "preamble")
        return formula, paragraphs

    def preambular(self, element: Element, *, single: bool) -> PreambularParagraph:
        """A preambular paragraph: a container holding one <p>, or a crossHeading in a section."""
        self.lines.append(line_of(element))
        opening, text = split_opening(self.single_p(element) if single else self.text(element))
        return PreambularParagraph(text, opening)

    def operative_item(self, element: Element) -> OperativeItem | None:
        """A paragraph or a section; None for any other element."""
        name = _local(element)
        if name == "paragraph":
            return self.paragraph(element)
        if name == "section":
            return self.section(element)
        return None

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
            elif name == "heading":
                heading = self.text(child)
            elif name == "crossHeading":
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

    def paragraph(self, element: Element) -> OperativeParagraph:
        self.lines.append(line_of(element))
        number: int | None = None
        children = list(_children(element))
        if children and _local(children[0]) == "num":
            digits = _words(children[0]).rstrip(".")
            if not digits.isdigit() or int(digits) < 1:
                raise UnsupportedContentError(
                    f"paragraph number {_words(children[0])!r} is not a number such as '1.'",
                    line=line_of(children[0]),
                )
            number = int(digits)
            children = children[1:]
        full, subs, closing = self.body(element, children)
        opening, text = split_opening(full)
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
            elif name == "wrapUp" and subs:
                closing = self.single_p(child)
            else:
                raise _unsupported(child, "list")
        return text, subs, closing

    def point(self, element: Element) -> SubParagraph:
        self.lines.append(line_of(element))
        children = list(_children(element))
        if not children or _local(children[0]) != "num":
            raise UnsupportedContentError("<point> without <num>", line=line_of(element))
        label = _words(children[0]).strip("().")
        text, subs, closing = self.body(element, children[1:])
        try:
            return SubParagraph(label, text, subs, closing)
        except ModelError as error:
            raise ParseError(error.message, line=line_of(children[0])) from None

    def annex(self, attachment: Element) -> Annex:
        docs = list(_children(attachment))
        if len(docs) != 1 or _local(docs[0]) != "doc":
            raise UnsupportedContentError("<attachment> must hold one <doc>", line=line_of(attachment))
        label = "Annex"
        heading: Text = ()
        content: list[OperativeItem] = []
        for child in _children(docs[0]):
            name = _local(child)
            if name == "meta":
                continue
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
        self.title: str | None = None
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


def _read_workflow(workflow: Element, facts: _Facts) -> None:
    for step in _children(workflow):
        words = " ".join(step.get(name, "") for name in ("refersTo", "outcome")).lower()
        document = step.get("href") or step.get("as") or ""
        if "draft" in words and document:
            facts.draft = WorkflowDocument(_symbol_from_href(document), _iso(step))
        elif "adopt" in words:
            if "withoutvote" in words and facts.vote is None:
                facts.vote = AdoptedWithoutVote()
            if document:
                facts.record = _symbol_from_href(document)


def _read_voting(analysis: Element, facts: _Facts) -> None:
    for voting in analysis.iter(A + "voting"):
        if "withoutvote" in voting.get("outcome", "").lower():
            facts.vote = AdoptedWithoutVote()
            continue
        counts: dict[str, int] = {}
        for count in voting.iter(A + "count"):
            key = _strip_hash(count.get("refersTo", ""))
            try:
                counts[key] = int(count.get("value", ""))
            except ValueError:
                raise ParseError(
                    f"vote count {count.get('value')!r} is not a number", line=line_of(count)
                ) from None
        if {"inFavour", "against", "abstaining"} <= counts.keys():
            facts.vote = RecordedVote(counts["inFavour"], counts["against"], counts["abstaining"])
        elif counts:
            raise UnsupportedContentError(
                f"vote counts {sorted(counts)} are not in favour / against / abstaining",
                line=line_of(voting),
            )


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
            if "title" in name or "name" in name:
                if numbered_here:
                    facts.agenda[-1] = attrs.evolve(facts.agenda[-1], title=text)
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
            facts.origin = Origin(report["document"], report["committee"])
        elif words.lower().startswith("[without reference"):
            bare = _NO_REPORT.match(words)
            if bare is None:
                raise ParseError(f"cannot read the line {words!r}", line=line_of(line))
            facts.origin = Origin(bare["document"])
        elif not _known_masthead_line(line, words):
            raise UnsupportedContentError(f"masthead line {words!r} is not understood", line=line_of(line))


def _known_masthead_line(line: Element, words: str) -> bool:
    if not words or words.lower() in _MASTHEAD:
        return True
    known = ("docNumber", "session", "docTitle", "docDate", "inline", "ref", "docAuthority", "docStatus")
    return all(_local(child) in known for child in line if isinstance(child.tag, str)) and len(line) > 0


def _read_conclusions(conclusions: Element, facts: _Facts, adoption: dt.date) -> None:
    words = _words(conclusions)
    match = _MEETING.search(words)
    if match is None:
        if words:
            raise UnsupportedContentError(
                f"closing line {words!r} is not understood", line=line_of(conclusions)
            )
        return
    facts.meeting = (int(match[1]), match[2].lower())
    rest = (words[: match.start()] + words[match.end() :]).strip()
    if rest and parse_date_words(rest) != adoption:
        raise UnsupportedContentError(
            f"closing line {words!r}: {rest!r} is not the adoption date", line=line_of(conclusions)
        )


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
        try:
            parsed.append((Symbol.parse(text), line))
        except ModelError as error:
            raise ParseError(error.message, line=line) from None
    first = parsed[0][0]
    for symbol, line in parsed[1:]:
        if symbol != first:
            raise ParseError(f"symbol {symbol} disagrees with {first}", line=line)
    if facts.session is not None and facts.session[0] != first.session:
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


def _read(root: Element, keep_unknown: bool) -> tuple[Resolution, _Reader]:
    if root.tag != A + "akomaNtoso":
        raise ParseError(
            f"root element is <{etree.QName(root).localname}>, not Akoma Ntoso's <akomaNtoso>"
            f" in namespace {AKN_NS}",
            line=line_of(root),
        )
    documents = list(_children(root))
    if len(documents) != 1 or _local(documents[0]) != "statement":
        raise UnsupportedContentError("expected one <statement> inside <akomaNtoso>", line=line_of(root))
    statement = documents[0]
    reader = _Reader(keep_unknown)
    reader.note_markers = _collect_note_ids(root)
    facts = _Facts()
    uncalled: list[Footnote] = []
    parts: dict[str, Element] = {}
    for child in _children(statement):
        name = _local(child)
        if name in parts or name not in (
            "meta",
            "coverPage",
            "preface",
            "preamble",
            "mainBody",
            "conclusions",
            "attachments",
        ):
            raise _unsupported(child, "statement")
        parts[name] = child
    if "meta" not in parts or "mainBody" not in parts:
        raise ParseError("a resolution needs <meta> and <mainBody>", line=line_of(statement))
    uncalled = _read_meta(parts["meta"], facts, reader)
    if "coverPage" in parts:
        _read_cover_page(parts["coverPage"], facts)
    if "preface" in parts:
        _read_preface(parts["preface"], facts)
    symbol = _resolve_symbol(facts)
    if facts.adoption is None:
        raise ParseError("no adoption date found (FRBRWork FRBRdate)", line=line_of(parts["meta"]))
    formula: Text | None = None
    preamble: list[PreambularParagraph] = []
    if "preamble" in parts:
        formula, preamble = reader.preamble(parts["preamble"])
    operative = reader.operative(parts["mainBody"], "mainBody")
    if "conclusions" in parts:
        _read_conclusions(parts["conclusions"], facts, facts.adoption)
    annexes = [reader.annex(att) for att in _children(parts["attachments"])] if "attachments" in parts else []
    return _build(symbol, facts, formula, preamble, operative, annexes, reader, uncalled), reader


def _read_preface(preface: Element, facts: _Facts) -> None:
    for title in preface.iter(A + "docTitle"):
        for inner in title.iter():
            if inner is not title and _local(inner) not in ("span", "b", "i"):
                raise _unsupported(inner, "docTitle")
        facts.title = _words(title)
    for number in preface.iter(A + "docNumber"):
        match = _RESOLUTION_NUMBER.match(_words(number))
        if match is None:
            raise ParseError(
                f"resolution number {_words(number)!r} is not such as '73/266.'", line=line_of(number)
            )
        facts.symbols.append((f"A/RES/{match['number']}", line_of(number)))


def _build(
    symbol: Symbol,
    facts: _Facts,
    formula: Text | None,
    preamble: list[PreambularParagraph],
    operative: list[OperativeItem],
    annexes: list[Annex],
    reader: _Reader,
    uncalled: list[Footnote],
) -> Resolution:
    assert facts.adoption is not None
    agenda = _agenda_items(facts)
    distribution = facts.distribution
    if distribution is None and facts.expression_date and facts.expression_date[0] == "publication":
        distribution = facts.expression_date[1]
    meeting = None
    if facts.meeting is not None:
        meeting = Meeting(facts.meeting[0], facts.meeting[1], facts.record)
    footnotes = [*reader.footnotes.values(), *uncalled]
    extra = {"enacting_formula": formula} if formula is not None else {}
    try:
        return Resolution(
            symbol=symbol,
            title=facts.title or "",
            adoption_date=facts.adoption,
            preamble=preamble,
            operative=operative,
            agenda_items=agenda,
            origin=facts.origin,
            distribution_date=distribution,
            language=facts.language,
            footnotes=footnotes,
            annexes=annexes,
            meeting=meeting,
            vote=facts.vote,
            draft=facts.draft,
            keywords=facts.keywords,
            markup_date=facts.markup,
            extensions=facts.extensions,
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
