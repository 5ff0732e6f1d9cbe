"""Akoma Ntoso namespaces, tag names and the ontology entries (TLCs) unres refers to."""

from __future__ import annotations

from unres._text import STYLE_TAGS as _STYLE_ELEMENTS

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
A = "{" + AKN_NS + "}"
# The UN's extension namespace (AKN4UN): the member states of each vote column (<akn4un:voters>).
AKN4UN_NS = "http://un.org/akn4un"
U = "{" + AKN4UN_NS + "}"
# unres's own extension namespace, for workflow facts AKN has no element for: the sponsors of a
# draft and the adoption as the source describes it in words.
UNRES_NS = "urn:unres:akn"
R = "{" + UNRES_NS + "}"


# Attributes that refer to ontology entries of <references> by "#eId".
ONTOLOGY_ATTRIBUTES = ("refersTo", "source", "by", "as", "outcome")

# Emphasis elements and the style each stands for.
STYLE_TAGS = {style.value: tag for style, tag in _STYLE_ELEMENTS.items()}
TAG_STYLES = {tag: style for style, tag in STYLE_TAGS.items()}

# The ontology entries a canonical document may refer to: eId -> (element, href, showAs).
TLC = {
    "un": ("TLCOrganization", "/akn/ontology/organization/un/un", "United Nations"),
    "un-ga": ("TLCOrganization", "/akn/ontology/organization/un/un-ga", "General Assembly"),
    "un-sc": ("TLCOrganization", "/akn/ontology/organization/un/un-sc", "Security Council"),
    "symbol": ("TLCConcept", "/akn/ontology/concept/un/symbol", "Document symbol"),
    "session": (
        "TLCConcept",
        "/akn/ontology/concept/un/generalAssemblySession",
        "Session of the General Assembly",
    ),
    "distributionDate": ("TLCConcept", "/akn/ontology/concept/un/distributionDate", "Date of distribution"),
    "adoptionDate": ("TLCConcept", "/akn/ontology/concept/un/adoptionDate", "Date of adoption"),
    "agendaItem": ("TLCConcept", "/akn/ontology/concept/un/agendaItem", "Agenda item"),
    "preamble": ("TLCConcept", "/akn/ontology/concept/un/preamble", "Preamble"),
    "plenaryMeeting": ("TLCEvent", "/akn/ontology/event/un/plenaryMeeting", "Plenary meeting"),
    "meeting": ("TLCEvent", "/akn/ontology/event/un/meeting", "Meeting"),
    "draftResolution": ("TLCEvent", "/akn/ontology/event/un/draftResolution", "Draft resolution"),
    "adoption": ("TLCEvent", "/akn/ontology/event/un/adoption", "Adoption"),
    "adopted": ("TLCConcept", "/akn/ontology/concept/un/adopted", "Adopted"),
    "adoptedByAcclamation": (
        "TLCConcept",
        "/akn/ontology/concept/un/adoptedByAcclamation",
        "Adopted by acclamation",
    ),
    "adoptedWithoutVote": (
        "TLCConcept",
        "/akn/ontology/concept/un/adoptedWithoutVote",
        "Adopted without a vote",
    ),
    "recordedVote": ("TLCConcept", "/akn/ontology/concept/un/recordedVote", "Recorded vote"),
    "inFavour": ("TLCConcept", "/akn/ontology/concept/un/inFavour", "In favour"),
    "against": ("TLCConcept", "/akn/ontology/concept/un/against", "Against"),
    "abstaining": ("TLCConcept", "/akn/ontology/concept/un/abstaining", "Abstaining"),
    "memberState": ("TLCConcept", "/akn/ontology/concept/un/memberState", "Member State"),
}
