"""Writing the metadata of a resolution as canonical AKN: identification (FRBR), classification,
workflow, votes, notes no text calls, and the blocks kept verbatim.
"""

from __future__ import annotations

from lxml import etree

from unres._text import (
    UNDOCS,
)
from unres.akn._names import AKN4UN_NS, ONTOLOGY_ATTRIBUTES, TLC, UNRES_NS, R, U
from unres.akn._tree import Node, Raw
from unres.akn._write_body import BodyWriter, Element, _sub, _token
from unres.model import (
    AdoptedByAcclamation,
    AdoptedWithoutVote,
    Footnote,
    Foreign,
    Meeting,
    RecordedVote,
    Vote,
    WorkflowDocument,
)


def document_symbol_href(symbol: str) -> str:
    """Where a reference to a document known only by its symbol points."""
    if symbol.startswith(("/", "http://", "https://")):
        return symbol
    return UNDOCS + symbol


class MetaWriter(BodyWriter):
    """The metadata of one resolution as AKN: identification, workflow, votes, kept blocks."""

    def identification(self, meta: Element, component: str) -> None:
        res = self.resolution
        work, expression = res.work_iri, res.expression_iri
        ident = _sub(meta, "identification", {"source": self.ref("un")})
        frbr = _sub(ident, "FRBRWork")
        _sub(frbr, "FRBRthis", {"value": f"{work}/{component}"})
        _sub(frbr, "FRBRuri", {"value": work})
        _sub(frbr, "FRBRalias", {"value": str(res.symbol), "name": "symbol"})
        _sub(frbr, "FRBRdate", {"date": res.adoption_date.isoformat(), "name": "adoption"})
        _sub(frbr, "FRBRauthor", {"href": self.ref(res.body.actor)})
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
        _sub(frbr, "FRBRauthor", {"href": self.ref(res.body.actor)})
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
                "by": self.ref(res.body.actor),
                "refersTo": self.ref("draftResolution"),
                "href": document_symbol_href(draft.symbol),
            }
            step = _sub(workflow, "step", attrib)
            if draft.sponsors is not None:
                # unres's extension: the sponsors as the draft names them.
                _foreign(step, R + "sponsors", {"unres": UNRES_NS}).text = draft.sponsors
            if draft.additional_sponsors is not None:
                added = _foreign(step, R + "additionalSponsors", {"unres": UNRES_NS})
                added.text = draft.additional_sponsors
        outcome = "adopted"
        if isinstance(vote, AdoptedWithoutVote):
            outcome = "adoptedWithoutVote"
        elif isinstance(vote, AdoptedByAcclamation):
            outcome = "adoptedByAcclamation"
        attrib = {
            "eId": f"{prefix}workflow__step_{len(workflow) + 1}",
            "date": res.adoption_date.isoformat(),
            "by": self.ref(res.body.actor),
            "refersTo": self.ref("adoption"),
            "outcome": self.ref(outcome),
        }
        if meeting is not None and meeting.record is not None:
            attrib["href"] = document_symbol_href(meeting.record)
        step = _sub(workflow, "step", attrib)
        if remark is not None:
            # unres's extension: the adoption as the source words it.
            _foreign(step, R + "remark", {"unres": UNRES_NS}).text = remark

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
                voters = _foreign(count, U + "voters", {"akn4un": AKN4UN_NS})
                for member in members:
                    _sub(voters, "organization", {"refersTo": self.ref("memberState")}, member)

    def uncalled_notes(self, meta: Element, notes: list[Footnote]) -> None:
        """Footnotes no text calls: kept in ``meta/notes`` so that nothing is lost."""
        holder = _sub(meta, "notes", {"source": self.ref("un")})
        for note in notes:
            eid = f"notes__note_{_token(note.marker)}"
            self.text(_sub(_sub(holder, "note", {"eId": eid, "marker": note.marker}), "p"), note.text, eid)


def _foreign(parent: Element, tag: str, nsmap: dict[str, str]) -> Element:
    """An element of another namespace than AKN's, declaring it (unres's and AKN4UN's extensions)."""
    element = Node(tag, nsmap=nsmap)
    parent.append(element)
    return element


def _extension_blocks(extensions: tuple[Foreign, ...]) -> list[Raw]:
    """Metadata kept verbatim, every <proprietary> before every <presentation> as the schema wants."""
    blocks = [Raw(extension.xml) for extension in extensions]
    return sorted(blocks, key=lambda block: etree.QName(block.element).localname != "proprietary")


def _referenced_ids(blocks: list[Raw]) -> set[str]:
    """The ``#id`` references to the ontology made inside ``blocks``."""
    found = set()
    for block in blocks:
        for element in block.element.iter():
            for attribute in ONTOLOGY_ATTRIBUTES:
                for value in (element.get(attribute) or "").split():
                    if value.startswith("#") and len(value) > 1 and not any(c.isspace() for c in value):
                        found.add(value[1:])
    return found
