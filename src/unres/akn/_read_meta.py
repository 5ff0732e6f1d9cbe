"""Reading the metadata of a resolution from AKN: identification (FRBR), classification, workflow
(draft, sponsors, report, adoption) and votes (counts and the member states of each column).

Metadata unres derives (references, eIds, IRIs, the lifecycle) is read for its facts and
regenerated on writing.
"""

from __future__ import annotations

import datetime as dt
import re

from lxml import etree

from unres._text import UNDOCS
from unres.akn._names import A, R
from unres.akn._parse import Element, line_of
from unres.akn._read_body import (
    _ANY_SPACE,
    _children,
    _iso,
    _local,
    _Reader,
    _strip_hash,
    _unsupported,
    _words,
)
from unres.errors import ParseError, UnsupportedContentError
from unres.model import (
    SESSION_PATTERN,
    AdoptedByAcclamation,
    AdoptedWithoutVote,
    AgendaItem,
    Footnote,
    Foreign,
    Keyword,
    Origin,
    RecordedVote,
    Vote,
    WorkflowDocument,
)

_IRI_NUMBER = re.compile(rf"/({SESSION_PATTERN})-(\d{{1,4}})/?$")
# The Security Council's work IRIs: ".../unsc/2002-11-08/1441-2002/" (any spelling of the actor).
_COUNCIL_IRI = re.compile(r"/(?:un-?sc|sc)/[^/]+/(\d{1,4})-(\d{4})/?$")


def _symbol_from_href(href: str) -> str:
    """A document symbol from a reference: ``https://undocs.org/A/73/505`` or ``.../A-C.3-79-L.99``."""
    if href.startswith(UNDOCS):
        return href[len(UNDOCS) :]
    if href.startswith("/akn/"):
        return href.rstrip("/").rsplit("/", 1)[-1].replace("-", "/")
    return href


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
        self.meeting_part: str | None = None
        self.meeting_place: str | None = None
        self.closing_date: dt.date | None = None
        self.title: str | None = None
        self.main_titles: list[str] = []
        self.adoption_remark: str | None = None
        self.additional_sponsors: str | None = None  # named by their own workflow step
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
                adopted = _iso(item)
                if adopted.year > 1:  # "0001-01-01" stands for a date the file does not know
                    facts.adoption = adopted
            elif name == "FRBRdate" and level_name == "FRBRExpression":
                facts.expression_date = (item.get("name", ""), _iso(item))
            elif name == "FRBRdate" and level_name == "FRBRManifestation" and item.get("name") == "markup":
                facts.markup = _iso(item)
            elif name == "FRBRlanguage":
                facts.language = item.get("language", "eng")
            elif name == "FRBRuri" and level_name == "FRBRWork":
                value = item.get("value", "")
                council = _COUNCIL_IRI.search(value)
                match = _IRI_NUMBER.search(value)
                if council:
                    facts.symbols.append((f"S/RES/{council[1]} ({council[2]})", line_of(item)))
                elif match:
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
        if "additional" in words:
            listed = _ANY_SPACE.sub(" ", step.get("by", "")).strip()
            facts.additional_sponsors = None if not listed or listed.startswith("#") else listed
        elif "draft" in words and document:
            sponsors = _ANY_SPACE.sub(" ", step.get("by", "")).strip()
            if sponsors.startswith("#"):
                sponsors = ""  # a reference to the ontology, not a list of sponsors
            for named in step.iter(R + "sponsors"):
                sponsors = _words(named)  # unres's canonical form
            added = next((_words(extension) for extension in step.iter(R + "additionalSponsors")), None)
            facts.additional_sponsors = added or facts.additional_sponsors
            facts.draft = WorkflowDocument(_symbol_from_href(document), _iso(step), sponsors or None)
        elif "recommended" in words and step.get("refersTo", "").isdigit() and document:
            # The report that recommends the draft, and the paragraph that does (refersTo).
            facts.report = (_symbol_from_href(document), step.get("refersTo", ""))
        elif "adopted" in words:
            if "withoutvote" in _outcome_words(f"{words} {document}") and facts.vote is None:
                facts.vote = AdoptedWithoutVote()
            elif "acclamation" in words and facts.vote is None:
                facts.vote = AdoptedByAcclamation()
            if _DOCUMENT_REFERENCE.match(document):
                facts.record = _symbol_from_href(document)
            elif document:
                facts.adoption_remark = _ANY_SPACE.sub(" ", document).strip()
            # The Security Council's files word the adoption in the actor: "Adopted unanimously, ...".
            if not step.get("by", "#").startswith("#") and step.get("by", "").strip():
                facts.adoption_remark = _ANY_SPACE.sub(" ", step.get("by", "")).strip()
            for remark in step.iter(R + "remark"):
                facts.adoption_remark = _words(remark)


def _read_voting(analysis: Element, facts: _Facts) -> None:
    for voting in analysis.iter(A + "voting"):
        outcome = _outcome_words(voting.get("outcome", ""))
        if "withoutvote" in outcome:
            facts.vote = AdoptedWithoutVote()
            continue
        if "acclamation" in outcome:
            facts.vote = AdoptedByAcclamation()
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
