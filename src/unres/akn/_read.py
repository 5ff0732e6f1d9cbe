"""Read AKN4UN XML into a ``Resolution``: the canonical form and the UN's own production files.

This module reads the document as a whole — a statement, or a collection of the statements of a
resolution adopted in parts — and builds the model from what the others read: the metadata
(``_read_meta``), the masthead, title and closing lines (``_read_masthead``) and the text
(``_read_body``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import attrs
from lxml import etree

from unres._languages import part_letter
from unres.akn._names import AKN_NS, A
from unres.akn._parse import Element, line_of, parse_xml
from unres.akn._read_body import (
    _children,
    _collect_note_ids,
    _local,
    _Reader,
    _strip_hash,
    _unsupported,
    _words,
)
from unres.akn._read_masthead import (
    _agenda_items,
    _read_conclusions,
    _read_cover_page,
    _read_preface,
    _resolve_symbol,
)
from unres.akn._read_meta import _Facts, _read_meta
from unres.errors import ModelError, ParseError, UnsupportedContentError
from unres.model import (
    Annex,
    Footnote,
    Meeting,
    OperativeItem,
    PreambularParagraph,
    Resolution,
    ResolutionPart,
    Symbol,
    Text,
    trusted,
)


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
    # The reader checks what it reads as it builds; the model's type checks would only repeat that
    # (tests/test_unxml.py proves, on every UN file, that the models pass them).
    with trusted():
        return _read_checked(root, keep_unknown)


def _read_checked(root: Element, keep_unknown: bool) -> tuple[Resolution, _Reader]:
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
    reader.language = facts.language
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
            label = part_letter(_words(number), facts.language) or _words(number).rstrip(".") or None
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
    number, kind = facts.meeting
    return Meeting(number, kind, facts.record, facts.meeting_date, facts.meeting_part, facts.meeting_place)


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
            draft=facts.draft
            if facts.draft is None or facts.additional_sponsors is None
            else attrs.evolve(facts.draft, additional_sponsors=facts.additional_sponsors),
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
