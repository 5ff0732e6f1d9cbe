"""Writing the metadata of a resolution as canonical AKN: identification (FRBR), classification,
workflow, votes, notes no text calls, and the blocks kept verbatim.
"""

from __future__ import annotations

from unres._text import (
    UNDOCS,
)
from unres.akn._names import AKN4UN_NS, ONTOLOGY_ATTRIBUTES, TLC, UNRES_NS
from unres.akn._out import Out, Verbatim, attribute
from unres.akn._write_body import BodyWriter, _eid, _token
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

# unres's and AKN4UN's extension elements, declaring their namespaces where they are used.
_SPONSORS = "unres:sponsors", f' xmlns:unres="{UNRES_NS}"'
_ADDITIONAL_SPONSORS = "unres:additionalSponsors", f' xmlns:unres="{UNRES_NS}"'
_REMARK = "unres:remark", f' xmlns:unres="{UNRES_NS}"'
_VOTERS = "akn4un:voters", f' xmlns:akn4un="{AKN4UN_NS}"'


def document_symbol_href(symbol: str) -> str:
    """Where a reference to a document known only by its symbol points."""
    if symbol.startswith(("/", "http://", "https://")):
        return symbol
    return UNDOCS + symbol


def _attributes(pairs: dict[str, str]) -> str:
    return "".join(f' {name}="{attribute(value)}"' for name, value in pairs.items())


class MetaWriter(BodyWriter):
    """The metadata of one resolution as AKN: identification, workflow, votes, kept blocks."""

    def identification(self, component: str) -> None:
        out = self.out
        res = self.resolution
        work, expression = res.work_iri, res.expression_iri
        out.open("identification", f' source="{self.ref("un")}"')
        out.open("FRBRWork")
        out.leaf("FRBRthis", _attributes({"value": f"{work}/{component}"}))
        out.leaf("FRBRuri", _attributes({"value": work}))
        out.leaf("FRBRalias", _attributes({"value": str(res.symbol), "name": "symbol"}))
        out.leaf("FRBRdate", f' date="{res.adoption_date.isoformat()}" name="adoption"')
        out.leaf("FRBRauthor", f' href="{self.ref(res.body.actor)}"')
        out.leaf("FRBRcountry", ' value="un"')
        out.leaf("FRBRsubtype", ' value="deliberation"')
        number = {"value": res.symbol.iri_number, "showAs": res.symbol.resolution_number}
        out.leaf("FRBRnumber", _attributes(number))
        out.close()
        out.open("FRBRExpression")
        out.leaf("FRBRthis", _attributes({"value": f"{expression}/{component}"}))
        out.leaf("FRBRuri", _attributes({"value": expression}))
        if res.distribution_date is not None:
            expression_date = f' date="{res.distribution_date.isoformat()}" name="publication"'
        else:
            expression_date = f' date="{res.adoption_date.isoformat()}" name="adoption"'
        out.leaf("FRBRdate", expression_date)
        out.leaf("FRBRauthor", f' href="{self.ref(res.body.actor)}"')
        out.leaf("FRBRlanguage", _attributes({"language": res.language}))
        out.close()
        out.open("FRBRManifestation")
        out.leaf("FRBRthis", _attributes({"value": f"{expression}/{component}.xml"}))
        out.leaf("FRBRuri", _attributes({"value": res.manifestation_iri}))
        if res.markup_date is not None:
            expression_date = f' date="{res.markup_date.isoformat()}" name="markup"'
        out.leaf("FRBRdate", expression_date)
        out.leaf("FRBRauthor", f' href="{self.ref("un")}"')
        out.close()
        out.close()

    def meta(self, level: int) -> Out:
        """The document's metadata, written last (it names what the text refers to) as the
        element at depth ``level``."""
        res = self.resolution
        out = self.out = Out(level)
        out.open("meta")
        self.identification("!main")
        if res.keywords:
            out.open("classification", f' source="{self.ref("un")}"')
            for keyword in res.keywords:
                pairs = {"value": keyword.value, "showAs": keyword.show_as, "dictionary": keyword.dictionary}
                optional = {
                    "href": keyword.href,
                    "shortForm": keyword.short_form,
                    "refersTo": keyword.refers_to,
                }
                pairs.update({name: value for name, value in optional.items() if value is not None})
                out.leaf("keyword", _attributes(pairs))
            out.close()
        self.workflow(res.draft, res.vote, res.meeting, res.adoption_remark)
        if isinstance(res.vote, RecordedVote):
            self.voting(res.vote, "")
        references = out.mark()  # filled last, when every reference is known
        uncalled = [note for note in res.footnotes if note.marker not in self.note_ids]
        if uncalled:
            self.uncalled_notes(uncalled)
        blocks = _extension_blocks(res.extensions)
        for block in blocks:
            out.verbatim(block.xml)
        for part in res.parts:
            blocks.extend(_extension_blocks(part.extensions))
        entries = Out(out.depth)
        entries.open("references", f' source="{self.ref("un")}"')
        for eid in sorted(self.used, key=list(TLC).index):
            name, href, show_as = TLC[eid]
            entries.leaf(name, _attributes({"eId": eid, "href": href, "showAs": show_as}))
        # Metadata kept verbatim may refer to ontology entries of its own: declare each, so that
        # every reference of the document resolves.
        for eid in sorted(_referenced_ids(blocks) - self.used):
            declared = {"eId": eid, "href": f"/akn/ontology/concept/un/{eid}", "showAs": eid}
            entries.leaf("TLCConcept", _attributes(declared))
        entries.close()
        out.fill(references, entries)
        out.close()
        return out

    def workflow(
        self,
        draft: WorkflowDocument | None,
        vote: Vote | None,
        meeting: Meeting | None,
        remark: str | None = None,
        prefix: str = "",
    ) -> None:
        out = self.out
        res = self.resolution
        out.open("workflow", f' source="{self.ref("un")}"')
        if draft is not None:
            pairs = {
                "eId": f"{prefix}workflow__step_1",
                "date": draft.date.isoformat(),
                "by": self.ref(res.body.actor),
                "refersTo": self.ref("draftResolution"),
                "href": document_symbol_href(draft.symbol),
            }
            out.open("step", _attributes(pairs))
            if draft.sponsors is not None:
                # unres's extension: the sponsors as the draft names them.
                out.leaf(*_SPONSORS, draft.sponsors)
            if draft.additional_sponsors is not None:
                out.leaf(*_ADDITIONAL_SPONSORS, draft.additional_sponsors)
            out.close()
        outcome = "adopted"
        if isinstance(vote, AdoptedWithoutVote):
            outcome = "adoptedWithoutVote"
        elif isinstance(vote, AdoptedByAcclamation):
            outcome = "adoptedByAcclamation"
        pairs = {
            "eId": f"{prefix}workflow__step_{1 if draft is None else 2}",
            "date": res.adoption_date.isoformat(),
            "by": self.ref(res.body.actor),
            "refersTo": self.ref("adoption"),
            "outcome": self.ref(outcome),
        }
        if meeting is not None and meeting.record is not None:
            pairs["href"] = document_symbol_href(meeting.record)
        out.open("step", _attributes(pairs))
        if remark is not None:
            # unres's extension: the adoption as the source words it.
            out.leaf(*_REMARK, remark)
        out.close()
        out.close()

    def voting(self, vote: RecordedVote, prefix: str) -> None:
        out = self.out
        out.open("analysis", f' source="{self.ref("un")}"')
        out.open("parliamentary")
        voting_id = f"{prefix}voting_1"
        refers = f' refersTo="{self.ref("recordedVote")}" outcome="{self.ref("adopted")}"'
        out.open("voting", _eid(voting_id) + refers)
        counts = (
            ("inFavour", vote.in_favour, vote.in_favour_members),
            ("against", vote.against, vote.against_members),
            ("abstaining", vote.abstaining, vote.abstaining_members),
        )
        for number, (name, value, members) in enumerate(counts, start=1):
            count_id = _eid(f"{voting_id}__count_{number}")
            out.open("count", f'{count_id} refersTo="{self.ref(name)}" value="{value}"')
            if members:
                # AKN4UN's extension: the member states of the column.
                out.open(*_VOTERS)
                member_state = f' refersTo="{self.ref("memberState")}"'
                for member in members:
                    out.leaf("organization", member_state, member)
                out.close()
            out.close()
        out.close()
        out.close()
        out.close()

    def uncalled_notes(self, notes: list[Footnote]) -> None:
        """Footnotes no text calls: kept in ``meta/notes`` so that nothing is lost."""
        out = self.out
        out.open("notes", f' source="{self.ref("un")}"')
        for note in notes:
            eid = f"notes__note_{_token(note.marker)}"
            out.open("note", f'{_eid(eid)} marker="{attribute(note.marker)}"')
            out.line("p", "", self.markup(note.text, eid))
            out.close()
        out.close()


def _extension_blocks(extensions: tuple[Foreign, ...]) -> list[Verbatim]:
    """Metadata kept verbatim, every <proprietary> before every <presentation> as the schema wants."""
    blocks = [Verbatim(extension.xml) for extension in extensions]
    return sorted(blocks, key=lambda block: block.local_name != "proprietary")


def _referenced_ids(blocks: list[Verbatim]) -> set[str]:
    """The ``#id`` references to the ontology made inside ``blocks``."""
    found = set()
    for block in blocks:
        for element in block.element.iter():
            for name in ONTOLOGY_ATTRIBUTES:
                for value in (element.get(name) or "").split():
                    if value.startswith("#") and len(value) > 1 and not any(c.isspace() for c in value):
                        found.add(value[1:])
    return found
