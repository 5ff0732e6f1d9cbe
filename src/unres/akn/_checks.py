"""Rules on the Akoma Ntoso tree itself: identifiers that must agree, eIds, links.

These are the checks the model cannot make, because reading a document into the model keeps one
symbol, regenerates eIds and drops the references block.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, cast

from lxml import etree

from unres.akn._names import ONTOLOGY_ATTRIBUTES, A
from unres.akn._parse import Element, line_of
from unres.akn._read_body import NUMBER_IN_TEXT as _NUMBER_IN_TEXT
from unres.akn._read_body import annex_title, closes, introduces, item_label, item_of, nested_items
from unres.model import SESSION_PATTERN
from unres.problems import Problem, Rule, Severity, rule

# The rules on the markup; unres.rules adds them to its own on the model.
AKN_RULES: list[Rule] = []

# A resolution's symbol, maybe with the letter or letters of its parts ("A/RES/74/250 A-B").
_SYMBOL = re.compile(rf"^A/RES/(?P<session>{SESSION_PATTERN})/(?P<number>\d{{1,4}})(?: [A-Z](?:-[A-Z])?)?$")
_NUMBER = re.compile(rf"^(?P<session>{SESSION_PATTERN})[/-](?P<number>\d{{1,4}})\.?$")
_WORK_IRI = re.compile(
    rf"/(?P<date>\d{{4}}-\d{{2}}-\d{{2}})/(?P<session>{SESSION_PATTERN})-(?P<number>\d{{1,4}})(?:/|$)"
)
# eIds: {type}_{number} parts joined by "__"; the number part may be absent ("preface").
_EID = re.compile(
    r"^[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9.-]+)?(?:__[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9.-]+)?)*$"
)


def _text(element: Element) -> str:
    return "".join(str(text) for text in element.itertext())


def _problem(code: str, message: str, element: Element, severity: Severity = Severity.ERROR) -> Problem:
    return Problem(code, message, severity, element.get("eId"), line=line_of(element))


@rule("A001", "identifiers-agree", Severity.ERROR, AKN_RULES)
def identifiers_agree(root: Element) -> Iterator[Problem]:
    """The symbol, number, session, FRBR IRIs, FRBRnumber, FRBRalias and docNumber agree.

    A resolution states who it is many times over: the masthead's symbol, the number before the
    title, the session, the work IRI and its number and adoption date. A copy-and-paste slip in any
    of them sends links and citations to the wrong resolution.
    """
    claims: list[tuple[str, str, str, Element]] = []  # (what, session, number, element)

    def claim(what: str, pattern: re.Pattern[str], text: str, element: Element) -> None:
        match = pattern.search(text.strip())
        if match is None:
            return
        claims.append((what, match["session"], match["number"].lstrip("0"), element))

    for element in root.iterfind(f".//{A}coverPage//{A}docNumber"):
        claim("the masthead symbol", _SYMBOL, _text(element), element)
    for element in root.iterfind(f"{A}*/{A}meta/{A}identification/{A}FRBRWork/{A}FRBRalias[@name='symbol']"):
        claim("FRBRalias", _SYMBOL, element.get("value", ""), element)
    for element in root.iterfind(f"{A}*/{A}meta/{A}identification/{A}FRBRWork/{A}FRBRnumber"):
        claim("FRBRnumber", _NUMBER, element.get("value", ""), element)
        if element.get("showAs"):
            claim("FRBRnumber showAs", _NUMBER, element.get("showAs", ""), element)
    for element in root.iterfind(f"{A}*/{A}preface//{A}docNumber"):
        claim("the number before the title", _NUMBER, _text(element), element)
    for level in ("FRBRWork", "FRBRExpression", "FRBRManifestation"):
        for tag in ("FRBRthis", "FRBRuri"):
            for element in root.iterfind(f"{A}*/{A}meta/{A}identification/{A}{level}/{A}{tag}"):
                claim(f"{level} {tag}", _WORK_IRI, element.get("value", ""), element)
    if not claims:
        return
    what, session, number, _ = claims[0]
    for other, other_session, other_number, element in claims[1:]:
        if (other_session, other_number) != (session, number):
            message = f"{other} says {other_session}/{other_number} but {what} says {session}/{number}"
            yield _problem("A001", message, element)
    for element in root.iterfind(f".//{A}coverPage//{A}session"):
        value = element.get("value")
        # An emergency special session's masthead gives its number alone ("11" for ES-11).
        if value is not None and value not in (session, session.partition("-")[2]):
            yield _problem("A001", f"the session is {value} but {what} says {session}", element)
    adoption = root.find(f"{A}*/{A}meta/{A}identification/{A}FRBRWork/{A}FRBRdate")
    if adoption is not None:
        for level in ("FRBRWork", "FRBRExpression", "FRBRManifestation"):
            for tag in ("FRBRthis", "FRBRuri"):
                for element in root.iterfind(f"{A}*/{A}meta/{A}identification/{A}{level}/{A}{tag}"):
                    match = _WORK_IRI.search(element.get("value", ""))
                    if match and match["date"] != adoption.get("date", "")[:10]:
                        message = (
                            f"{level} {tag} is dated {match['date']} but adoption is {adoption.get('date')}"
                        )
                        yield _problem("A001", message, element)


# The document types within which Akoma Ntoso wants eIds unique (as the schema's constraints do).
_DOCUMENTS = tuple(A + name for name in ("statement", "documentCollection", "doc"))


@rule("A002", "eid-unique", Severity.ERROR, AKN_RULES)
def eid_unique(root: Element) -> Iterator[Problem]:
    """eIds are unique within each document (a resolution, each of its parts, each annex).

    Links such as ``page.html#para_3`` and ``noteRef href="#..."`` need one target.
    """
    reported: set[Element] = set()
    for document in root.iter(*_DOCUMENTS):
        seen: dict[str, int | None] = {}
        for element in _select(_WITH_EID, document):
            eid = element.get("eId", "")
            if eid not in seen:
                seen[eid] = line_of(element)
            elif element not in reported:
                reported.add(element)
                yield _problem("A002", f"eId {eid!r} is used again (first on line {seen[eid]})", element)


@rule("A003", "eid-convention", Severity.WARNING, AKN_RULES)
def eid_convention(root: Element) -> Iterator[Problem]:
    """eIds follow the naming convention: ``{type}_{number}`` parts joined by ``__``.

    ``para_8__list_1__point_b`` follows it; ``para_8_list_point_b`` does not, so tools that derive a
    part's parent from its eId cannot.
    """
    # Outside <meta>, whose eIds name ontology entries. (A set of the elements themselves: lxml
    # gives the same object for a node while one is alive.)
    metadata = set(_select(_METADATA_WITH_EID, root))
    for element in _select(_WITH_EID, root):
        eid = element.get("eId", "")
        if not _EID.match(eid) and element not in metadata:
            yield _problem(
                "A003", f"eId {eid!r} does not follow the naming convention", element, Severity.WARNING
            )


# The elements each rule looks at, picked by XPath in C rather than by walking every element.
# (``descendant-or-self::*/@name`` is the fastest form libxml2 has of ``//@name``.)
_WITH_EID = etree.XPath("descendant-or-self::*[@eId]")
_METADATA_WITH_EID = etree.XPath("descendant-or-self::akn:meta//*[@eId]", namespaces={"akn": A[1:-1]})
_IDS = etree.XPath(" | ".join(f"descendant-or-self::*/@{name}" for name in ("eId", "wId", "GUID")))
_HREFS = etree.XPath("descendant-or-self::*/@href")
_ONTOLOGY_VALUES = etree.XPath(" | ".join(f"descendant-or-self::*/@{name}" for name in ONTOLOGY_ATTRIBUTES))
_ATTRIBUTE_ORDER = {name: index for index, name in enumerate(ONTOLOGY_ATTRIBUTES)}
_DATES = etree.XPath("descendant-or-self::*/@date")
_UNNUMBERED = etree.XPath("descendant-or-self::akn:paragraph[not(akn:num)]", namespaces={"akn": A[1:-1]})


def _select(path: etree.XPath, root: Element) -> list[Element]:
    """The elements ``path`` picks (an XPath of elements only)."""
    return cast(list[Element], path(root))


def _ids(root: Element) -> set[str]:
    return {str(value) for value in cast(list[str], _IDS(root)) if value}


@rule("A004", "link-target", Severity.ERROR, AKN_RULES)
def link_target(root: Element) -> Iterator[Problem]:
    """Every link within the document (``href="#..."``) leads to an element with that eId."""
    ids = _ids(root)
    for href in cast(list[Any], _HREFS(root)):
        if href.startswith("#") and href[1:] not in ids:
            yield _problem("A004", f"link {str(href)!r} leads nowhere", href.getparent())


@rule("A005", "ontology-reference", Severity.WARNING, AKN_RULES)
def ontology_reference(root: Element) -> Iterator[Problem]:
    """Every reference to the ontology (``refersTo``, ``source``, ``by``, ``as``, ``outcome``) resolves.

    ``refersTo="#adoptionDate"`` should name an entry of ``<references>``. A warning, because UN
    production files refer to entries they do not declare.
    """
    ids = _ids(root)
    # The attributes' values at once, in C; the few that name no entry are then told element by
    # element, in the order of ONTOLOGY_ATTRIBUTES.
    unresolved: dict[Element, list[tuple[int, str, str]]] = {}
    for value in cast(list[Any], _ONTOLOGY_VALUES(root)):
        for token in value.split():
            if token.startswith("#") and token[1:] not in ids:
                name = value.attrname
                unresolved.setdefault(value.getparent(), []).append((_ATTRIBUTE_ORDER[name], name, token))
    for element, found in unresolved.items():
        for _, name, token in sorted(found, key=lambda entry: entry[0]):
            message = f"{name}={token!r} names no entry of the document"
            yield _problem("A005", message, element, Severity.WARNING)


@rule("A006", "placeholder-date", Severity.WARNING, AKN_RULES)
def placeholder_date(root: Element) -> Iterator[Problem]:
    """No date is a placeholder such as ``0001-01-01``.

    The UN's production files date workflow steps whose date is unknown ``0001-01-01`` (the
    additional sponsors of a draft, the committee's recommendation): a reader that takes the date
    at its word places the step two thousand years early.
    """
    for value in cast(list[Any], _DATES(root)):
        if value[:4] in ("0000", "0001"):
            element = value.getparent()
            what = element.get("outcome") or element.get("name") or element.get("refersTo") or ""
            named = f" ({what})" if what else ""
            message = f"<{_local(element)}>{named} is dated {value}, a placeholder for an unknown date"
            yield _problem("A006", message, element, Severity.WARNING)


@rule("A008", "canonical-changes", Severity.WARNING, AKN_RULES)
def canonical_changes(root: Element) -> Iterator[Problem]:
    """What the canonical form unres writes of a file says otherwise than the file.

    Reading and writing again normalises (docs/akn.md, "What is normalised"); these are the
    changes a reader of the UN's production files may want to know of, file by file: the
    manifestation's ``FRBRuri`` ending in ``.xml`` (written ``.akn``, as AKN4UN gives it), a
    workflow step whose ``by`` names its actors in words (written as the actor's reference; the
    words are kept as the draft's sponsors or additional sponsors or the adoption remark, and said
    to be lost on any other step), formatting around the whole title (not kept: every writer
    prints the title bold), a paragraph's number typed at the start of its text with no
    ``<num>`` (the UN's Arabic files; written in ``<num>``), and the items (a), (b) ... of a
    paragraph ending with a colon set as paragraphs of their own (written as its sub-paragraphs, as
    other UN files mark such items and as the page prints them).
    """
    for uri in root.iter(A + "FRBRuri"):
        parent = uri.getparent()
        if (
            parent is not None
            and _local(parent) == "FRBRManifestation"
            and uri.get("value", "").endswith(".xml")
        ):
            message = f"the manifestation's FRBRuri {uri.get('value')!r} is written ending in '.akn'"
            yield _problem("A008", message, uri, Severity.WARNING)
    for step in root.iter(A + "step"):
        by = " ".join(step.get("by", "").split())
        if not by or by.startswith("#"):
            continue
        kind = re.sub(r"[^a-z]", "", " ".join(step.get(name, "") for name in ("refersTo", "outcome")).lower())
        if "additional" in kind:
            kept = "kept as the draft's additional sponsors"
        elif "draft" in kind and (step.get("href") or step.get("as")):
            kept = "kept as the draft's sponsors"
        elif "adopted" in kind:
            kept = "kept as the adoption remark"
        else:
            kept = "not kept"
        message = f"<step by={by[:50]!r}> is written as the actor's reference; its words are {kept}"
        yield _problem("A008", message, step, Severity.WARNING)
    for title in root.iter(A + "docTitle"):
        children = [child for child in title if isinstance(child.tag, str)]
        whole = len(children) == 1 and not (title.text or "").strip() and not (children[0].tail or "").strip()
        if whole and _local(children[0]) in ("span", "b"):
            yield _problem(
                "A008", "the formatting around the whole title is not kept", title, Severity.WARNING
            )
    for doc in root.iter(A + "doc"):
        body = doc.find(A + "mainBody")
        inside = annex_title(body) if body is not None and doc.find(A + "preface") is None else None
        if inside is not None:
            if inside[0] is not None:
                message = "the annex's first paragraph (docType, docTitle) is written as its label and title"
            else:
                message = "the annex's first paragraph, a title in bold, is written as its title"
            yield _problem("A008", message, inside[1], Severity.WARNING)
    for introducer, item, count, closing in _gathered(root):
        number = introducer.find(A + "num")
        named = "the paragraph before"
        if number is not None:
            named = f"paragraph {(number.text or '').strip().rstrip('.').removesuffix(' -')}"
        message = f"the {count} paragraphs opening with (a), (b) ... after {named} are written as its items"
        if closing:
            message += ", and the paragraph after them as the words closing them"
        yield _problem("A008", message, item, Severity.WARNING)
    for paragraph in _select(_UNNUMBERED, root):
        first = paragraph.find(f"{A}content/{A}p")
        typed = _NUMBER_IN_TEXT.match((first.text or "").lstrip()) if first is not None else None
        if typed is not None and int(typed[1]) > 0:
            message = (
                f"the paragraph's number {typed[1]}, typed at the start of its text, is written in <num>"
            )
            yield _problem("A008", message, paragraph, Severity.WARNING)


def _printed(element: Element) -> str:
    """The words of an element as printed in its place, without its footnotes' text."""
    parts = [element.text or ""]
    for child in element:
        if child.tag != A + "authorialNote":
            parts.append(_printed(child))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


_PARAGRAPH = A + "paragraph"


def _opens_with_words(paragraph: Element) -> bool:
    """Whether a paragraph's text, as the reader takes it, opens with plain words and not with an
    element (an italic phrase): the words of its <num>, or words before any element of its <p>."""
    first = paragraph.find(f"{A}content/{A}p")
    if paragraph.find(A + "num") is not None:
        return True
    return first is not None and bool((first.text or "").strip())


class _Words:
    """The words of a holder's children as the reader sees them, made when first asked for: a
    paragraph of text only has its words (``_printed``), anything else None."""

    def __init__(self, children: list[Element]) -> None:
        self.children = children
        self.made: dict[int, str | None] = {}

    def __len__(self) -> int:
        return len(self.children)

    def __getitem__(self, at: int) -> str | None:
        if at not in self.made:
            child = self.children[at]
            text = child.tag == _PARAGRAPH and child.find(A + "content") is not None
            self.made[at] = _printed(child) if text else None
        return self.made[at]

    def after(self, start: int) -> Iterator[str | None]:
        return (self[at] for at in range(start, len(self.children)))


# The paragraphs of a holder with a colon somewhere in their words, picked in C.
_WITH_COLON = etree.XPath(
    "akn:paragraph[contains(., ':') or contains(., '\uff1a')]", namespaces={"akn": A[1:-1]}
)


def _gathered(root: Element) -> Iterator[tuple[Element, Element, int, bool]]:
    """The paragraphs the reader gathers as another's sub-paragraphs (``gather_items``): the
    paragraph that introduces them, the first of them, how many, and whether the paragraph after
    them is taken as the list's closing words."""
    for holder in root.iter(A + "mainBody", A + "section", A + "subsection"):
        # The words are made only for a paragraph with a colon somewhere (one that may introduce
        # items) and for the paragraphs after it: most paragraphs have none.
        candidates = set(_select(_WITH_COLON, holder))  # (lxml keeps one object a node while alive)
        if not candidates:
            continue
        children = [child for child in holder if isinstance(child.tag, str)]
        words = _Words(children)
        for index, child in enumerate(children):
            if child not in candidates:
                continue
            introducer = words[index]
            if introducer is None or not introduces(introducer) or item_label(introducer):
                continue
            run = []
            for following in words.after(index + 1):
                found = item_label(following) if following is not None else None
                if following is None or found is None:
                    break
                run.append(item_of(found[0], following[found[1] :]))
            used, top = nested_items(run)
            if used:
                after = index + 1 + used
                following = words[after] if after < len(words) else None
                closing = (
                    following is not None and _opens_with_words(children[after]) and closes(top, following)
                )
                yield children[index], children[index + 1], used, closing


_REPORT_LINE = re.compile(r"^\[on the report of the .+ \((?P<report>[^(),]+)(?:, [^()]*)?\)\]$")


@rule("A007", "report-agrees", Severity.ERROR, AKN_RULES)
def report_agrees(root: Element) -> Iterator[Problem]:
    """The report the masthead names is the one the workflow recommends the draft in.

    The masthead's "[on the report of the Second Committee (A/74/379/Add.1)]" and the workflow's
    ``recommendedForAdoption`` step name the same report; a misprint in either ("A/74/A/74/379/Add.1")
    sends readers to a report that does not exist or is about something else.
    """
    steps = [
        step
        for step in root.iter(A + "step")
        if "recommended" in (step.get("outcome", "") + step.get("refersTo", "")).lower() and step.get("as")
    ]
    for line in root.iterfind(f"{A}*/{A}coverPage/{A}p"):
        match = _REPORT_LINE.match(" ".join(_text(line).split()))
        if match is None:
            continue
        reports = [
            report.strip() for report in match["report"].split(" and ")
        ]  # "A/75/450 and A/75/450/Corr.1"
        for step in steps:
            named = step.get("as", "").split(",")[0].strip()
            if named not in reports:
                message = f"the masthead names the report {match['report'].strip()}, the workflow {named}"
                yield _problem("A007", message, line)


def _local(element: Element) -> str:
    return str(element.tag).rpartition("}")[2]
