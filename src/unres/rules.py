"""The semantic rules: what a schema cannot check about a resolution.

Each rule has a stable code, a name, a severity and a docstring, and yields ``Problem`` records
with a location (an eId, or ``footnote N``). ``MODEL_RULES`` check a ``Resolution``;
``AKN_RULES`` check an Akoma Ntoso tree as read from a file (agreement of the identifiers, eIds,
links), which the model no longer holds. docs/rules.md documents each with examples.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Iterator
from functools import cache
from importlib import resources
from typing import Any, TypeVar, cast

from unres._text import known_phrase, phrases
from unres.akn._checks import AKN_RULES
from unres.model import (
    SESSION_PATTERN,
    Date,
    EidNamer,
    FootnoteCall,
    Heading,
    OperativeItem,
    OperativeParagraph,
    Paragraph,
    PreambularParagraph,
    RecordedVote,
    Reference,
    Resolution,
    ResolutionPart,
    Section,
    SubParagraph,
    Table,
    Text,
    list_eid,
    paragraph_texts,
    part_prefix,
    plain_text,
)
from unres.problems import Problem, Rule, Severity, rule

__all__ = ["AKN_RULES", "MODEL_RULES", "Rule", "all_rules", "expected_labels", "is_language"]


MODEL_RULES: list[Rule] = []


def _problem(code: str, message: str, location: str | None, severity: Severity = Severity.ERROR) -> Problem:
    return Problem(code, message, severity, location)


# ------------------------------------------------------------------------------------------------
# Numbering


def _roman(number: int) -> str:
    out = ""
    for value, digits in (
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ):  # fmt: skip
        while number >= value:
            out += digits
            number -= value
    return out


def _letters(number: int) -> str:
    # (a) ... (z), then (aa), (bb), ... as the UN continues.
    letter = chr(ord("a") + (number - 1) % 26)
    return letter * ((number - 1) // 26 + 1)


def expected_labels(first: str, count: int) -> list[str]:
    """The labels a list of ``count`` sub-paragraphs should have, judged by its first label: in
    Latin letters, roman or arabic numerals, or in the letters of another language's lists (the
    Arabic أ, ب, ج ..., the Cyrillic ones of Russian, the Chinese ㈠, ㈡ ...)."""
    from unres._languages import languages

    if first.isdigit():
        return [str(n) for n in range(1, count + 1)]
    for language in languages().values():
        letters = language.list_labels
        if letters and first == letters[0]:
            return [letters[n] if n < len(letters) else "?" for n in range(count)]
    make = _roman if first.lower() == "i" else _letters
    labels = [make(n) for n in range(1, count + 1)]
    return [label.upper() for label in labels] if first.isupper() else labels


def _walk(resolution: Resolution) -> Iterator[tuple[tuple[OperativeItem, ...], str, EidNamer]]:
    """The operative part and each annex, of the resolution and of each of its parts, with the
    prefix of their eIds, named in the order of ``Resolution.iter_paragraphs``."""
    namer = EidNamer()
    bodies = [(resolution.operative, resolution.annexes, "")]
    bodies += [(part.operative, part.annexes, part_prefix(part)) for part in resolution.parts]
    for operative, annexes, prefix in bodies:
        yield operative, prefix, namer
        for number, annex in enumerate(annexes, start=1):
            yield annex.content, f"{prefix}att_{number}__", namer


@rule("R001", "operative-numbering", Severity.ERROR, MODEL_RULES)
def operative_numbering(resolution: Resolution) -> Iterator[Problem]:
    """Operative paragraphs are numbered 1, 2, 3 ... without gaps or repeats.

    Numbering starts again in each section and annex. A repeated or skipped number usually means a
    paragraph was lost or split in conversion.
    """
    found: list[Problem] = []
    for items, prefix, namer in _walk(resolution):
        found.extend(_numbering(items, prefix, namer))
    return iter([p for p in found if p.code == "R001"])


@rule("R002", "subparagraph-labels", Severity.ERROR, MODEL_RULES)
def subparagraph_labels(resolution: Resolution) -> Iterator[Problem]:
    """Sub-paragraph labels run in sequence at each level: (a), (b) ...; (i), (ii) ...

    After (z) the UN continues with (aa), (bb). A label out of sequence usually means a lost or
    misread label.
    """
    found: list[Problem] = []
    for items, prefix, namer in _walk(resolution):
        found.extend(_numbering(items, prefix, namer))
    return iter([p for p in found if p.code == "R002"])


def _numbering(
    items: tuple[OperativeItem, ...], prefix: str, namer: EidNamer, expected: int = 1
) -> Iterator[Problem]:
    """Numbering checks; a section's numbers may start again at 1 or go on from before it."""
    before = expected
    headed = False
    for index, item in enumerate(items, start=1):
        if isinstance(item, Section):
            yield from _numbering(item.content, namer.section(prefix, item, index) + "__", namer, expected)
            expected = _next_number(item.content, expected)
            continue
        if isinstance(item, Heading | Table):
            # Not numbered; its eId is of another kind, so skipping it names nothing else. After a
            # heading the numbers may start again, as in a section.
            headed = headed or isinstance(item, Heading)
            continue
        eid = namer.paragraph(prefix, item, index)
        if item.number is not None:
            if item.number == 1 and ((index == 1 and before != 1) or headed):
                pass  # a section, or the paragraphs under a heading, numbered on their own
            elif item.number != expected:
                message = f"operative paragraph {item.number} follows {expected - 1}: expected {expected}"
                yield _problem("R001", message, eid)
            expected = item.number + 1
            headed = False
        yield from _labels(item, eid, namer)


def _next_number(items: tuple[OperativeItem, ...], expected: int) -> int:
    """The number expected after ``items``, which began when ``expected`` was next."""
    for item in items:
        if isinstance(item, Section):
            expected = _next_number(item.content, expected)
        elif isinstance(item, OperativeParagraph) and item.number is not None:
            expected = item.number + 1
    return expected


def _labels(parent: OperativeParagraph | SubParagraph, eid: str, namer: EidNamer) -> Iterator[Problem]:
    subs = parent.subparagraphs
    if not subs or not all(sub.label.isalnum() for sub in subs):
        return  # no sub-paragraphs, or items the source does not label or marks with bullets
    expected = expected_labels(subs[0].label, len(subs))
    list_id = list_eid(eid)
    for index, (sub, want) in enumerate(zip(subs, expected, strict=True), start=1):
        point = namer.point(list_id, sub, index)
        if sub.label != want:
            yield _problem("R002", f"sub-paragraph ({sub.label}) where ({want}) was expected", point)
        yield from _labels(sub, point, namer)


# ------------------------------------------------------------------------------------------------
# Footnotes


def _note_location(marker: str) -> str:
    return f"footnote {marker}"


# What several rules need of the resolution last checked (its footnote calls, its paragraphs with
# their eIds), found once: each walks the whole document. Held with the resolution itself, so that
# another one is never taken for it.
_LAST: dict[str, tuple[Resolution, Any]] = {}
_V = TypeVar("_V")


def _memo(name: str, resolution: Resolution, compute: Callable[[Resolution], _V]) -> _V:
    held = _LAST.get(name)
    if held is not None and held[0] is resolution:
        return cast(_V, held[1])
    value = compute(resolution)
    _LAST[name] = (resolution, value)
    return value


def _calls(resolution: Resolution) -> tuple[FootnoteCall, ...]:
    return _memo("calls", resolution, Resolution.footnote_calls)


def _paragraphs(resolution: Resolution) -> tuple[tuple[str, Paragraph], ...]:
    return _memo("paragraphs", resolution, lambda res: tuple(res.iter_paragraphs()))


@rule("R003", "footnote-uncalled", Severity.ERROR, MODEL_RULES)
def footnote_uncalled(resolution: Resolution) -> Iterator[Problem]:
    """Every footnote is called at least once from the text.

    A footnote nobody calls is either stray text or a call lost in conversion.
    """
    called = {call.marker for call in _calls(resolution)}
    for note in resolution.footnotes:
        if note.marker not in called:
            yield _problem("R003", f"footnote {note.marker} is never called", _note_location(note.marker))


@rule("R004", "footnote-missing", Severity.ERROR, MODEL_RULES)
def footnote_missing(resolution: Resolution) -> Iterator[Problem]:
    """Every footnote call has a footnote."""
    defined = {note.marker for note in resolution.footnotes}
    for marker in dict.fromkeys(call.marker for call in _calls(resolution)):
        if marker not in defined:
            yield _problem("R004", f"footnote call {marker} has no footnote", f"footnote call {marker}")


@rule("R005", "footnote-order", Severity.ERROR, MODEL_RULES)
def footnote_order(resolution: Resolution) -> Iterator[Problem]:
    """Numbered footnotes are first called in order: 1, then 2, then 3 ...

    UN documents number footnotes in the order of their first call.
    """
    first_calls = [m for m in dict.fromkeys(call.marker for call in _calls(resolution)) if m.isdigit()]
    for expected, marker in enumerate(first_calls, start=1):
        if int(marker) != expected:
            message = f"footnote {marker} is called before footnote {expected}"
            yield _problem("R005", message, f"footnote call {marker}")
            return


# ------------------------------------------------------------------------------------------------
# Dates


def _session_years(session: str) -> tuple[dt.date, dt.date] | None:
    """The span of a regular session: from September of its year to the next September."""
    if not session.isdigit():
        return None  # special and emergency special sessions keep no calendar
    number = int(session)
    if number == 1:
        return dt.date(1946, 1, 1), dt.date(1947, 9, 15)
    start = 1945 + number
    return dt.date(start, 9, 1), dt.date(start + 1, 9, 30)


@rule("R006", "adoption-in-session", Severity.ERROR, MODEL_RULES)
def adoption_in_session(resolution: Resolution) -> Iterator[Problem]:
    """The adoption date falls within the session of the symbol, or in its year.

    The n-th regular session opens in September of 1945 + n and closes before the next opens: a
    resolution 73/x is adopted between September 2018 and September 2019. A Security Council
    resolution is adopted in the year its symbol gives: S/RES/1441 (2002) in 2002.
    """
    year = resolution.symbol.year
    if year is not None:
        if resolution.adoption_date.year != year:
            message = f"adopted on {resolution.adoption_date.isoformat()}, not in {year} as its symbol says"
            yield _problem("R006", message, "adoption_date")
        return
    if resolution.session is None:
        return
    span = _session_years(resolution.session)
    if span is not None and not span[0] <= resolution.adoption_date <= span[1]:
        message = (
            f"adopted on {resolution.adoption_date.isoformat()}, outside session {resolution.session} "
            f"({span[0].isoformat()} to {span[1].isoformat()})"
        )
        yield _problem("R006", message, "adoption_date")


@rule("R007", "distribution-after-adoption", Severity.ERROR, MODEL_RULES)
def distribution_after_adoption(resolution: Resolution) -> Iterator[Problem]:
    """The distribution date is not before the adoption date."""
    distributed = resolution.distribution_date
    if distributed is not None and distributed < resolution.adoption_date:
        adopted = resolution.adoption_date.isoformat()
        message = f"distributed on {distributed.isoformat()}, before adoption on {adopted}"
        yield _problem("R007", message, "distribution_date")


def _closings(resolution: Resolution) -> Iterator[tuple[str, Resolution | ResolutionPart]]:
    """The resolution, or each of its parts, with the location of its closing facts."""
    if not resolution.parts:
        yield "", resolution
    for index, part in enumerate(resolution.parts):
        yield f"parts[{index}].", part


@rule("R014", "vote-members", Severity.ERROR, MODEL_RULES)
def vote_members(resolution: Resolution) -> Iterator[Problem]:
    """A recorded vote lists as many member states in each column as it counts.

    The UN's files give the counts and, in ``akn4un:voters``, the member states of each column; a
    list shorter or longer than its count means a state was dropped or entered twice. The Security
    Council's closing lines of 1946-1993 name only the states against and abstaining ("by 12 votes
    to 1 (Cuba) with 2 abstentions (Ecuador, Yemen)"): where no state in favour is listed, only the
    columns that list states are checked.
    """
    votes = [("vote", resolution.vote)]
    votes += [(f"parts[{index}].vote", part.vote) for index, part in enumerate(resolution.parts)]
    for where, vote in votes:
        if not isinstance(vote, RecordedVote):
            continue
        every = bool(vote.in_favour_members)  # a full listing, as the UN's files give it
        for column in ("in_favour", "against", "abstaining"):
            members: tuple[str, ...] = getattr(vote, f"{column}_members")
            count: int = getattr(vote, column)
            name = column.replace("_", " ")
            if (every or members) and len(members) != count:
                yield _problem("R014", f"{name}: {count} counted, {len(members)} member states listed", where)
            twice = sorted({member for member in members if members.count(member) > 1})
            if twice:
                yield _problem("R014", f"{name}: listed twice: {', '.join(twice)}", where)


@rule("R017", "council-membership", Severity.WARNING, MODEL_RULES)
def council_membership(resolution: Resolution) -> Iterator[Problem]:
    """A Security Council vote counts the Council's members of the time: 11 until 1965, 15 since.

    A warning, not an error: a member may be absent or not take part (the Soviet Union in 1950), and
    the votes then add up to fewer; a sum above the membership, or a shortfall no remark of the
    adoption explains ("One member (Yemen) did not participate in the vote."), is a slip in the
    counts.
    """
    vote = resolution.vote
    if resolution.symbol.year is None or not isinstance(vote, RecordedVote):
        return
    members = 11 if resolution.adoption_date.year < 1966 else 15
    total = vote.in_favour + vote.against + vote.abstaining
    explained = total < members and resolution.adoption_remark is not None  # "One member ... did not
    # participate in the vote."
    if total != members and not explained:
        counts = f"{vote.in_favour}-{vote.against}-{vote.abstaining}"
        message = f"{counts} counts {total} votes of a Council of {members}"
        yield _problem("R017", message, "vote", Severity.WARNING)


@rule("R018", "enacting-formula", Severity.ERROR, MODEL_RULES)
def enacting_formula(resolution: Resolution) -> Iterator[Problem]:
    """A resolution has its enacting formula ("The General Assembly,", "The Security Council,").

    Every resolution the UN publishes has one; an empty formula is what a damaged text leaves
    behind when the formula line could not be read.
    """
    for where, body in _closings(resolution):
        if not plain_text(body.enacting_formula).strip():
            yield _problem("R018", "the enacting formula is empty", f"{where}enacting_formula")


@rule("R019", "formula-language", Severity.WARNING, MODEL_RULES)
def formula_language(resolution: Resolution) -> Iterator[Problem]:
    """The enacting formula is the one of the document's language: "La Asamblea General," in a
    Spanish resolution, "大会" and a comma in a Chinese one.

    A warning: a formula in another language is a version put together from two (an English
    formula left in a translation), or a document whose ``language`` is wrong. Checked for the
    General Assembly in the six languages, and for the Security Council in English.
    """
    from unres._languages import languages, plain

    if resolution.language == "eng":
        expected = f"The {resolution.symbol.body.title}"
    elif resolution.symbol.year is None and resolution.language in languages():
        expected = languages()[resolution.language].formula
    else:
        return
    for where, body in _closings(resolution):
        words = plain(plain_text(body.enacting_formula)).rstrip(" ,:\u060c\uff0c")
        if words and words != expected:
            message = f"the enacting formula {words!r} is not the {resolution.language} one, {expected!r}"
            yield _problem("R019", message, f"{where}enacting_formula", Severity.WARNING)


# The letters of each language's script, as ranges of code points.
_SCRIPTS: dict[str, tuple[tuple[int, int], ...]] = {
    "ara": ((0x0600, 0x06FF), (0x0750, 0x077F), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)),
    "zho": ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF)),
    "rus": ((0x0400, 0x052F),),
}
_LATIN = ((0x0041, 0x024F), (0x1E00, 0x1EFF))
_LATIN_LANGUAGES = frozenset({"eng", "fra", "spa", "deu"})


@cache
def _foreign_letter(ranges: tuple[tuple[int, int], ...]) -> re.Pattern[str]:
    """A letter outside ``ranges``."""
    allowed = "".join(f"{chr(low)}-{chr(high)}" for low, high in ranges)
    return re.compile(f"(?![{allowed}])[^\\W\\d_]")


def _in_script(words: str, ranges: tuple[tuple[int, int], ...]) -> bool:
    return _foreign_letter(ranges).search(words) is None


@rule("R020", "opening-language", Severity.WARNING, MODEL_RULES)
def opening_language(resolution: Resolution) -> Iterator[Problem]:
    """Each paragraph's opening phrase is in the document's language: in its script (Arabic,
    Chinese, Cyrillic or Latin letters), and in a French, Spanish or German document not an
    English opening ("Recalling", "Requests").

    A warning: an opening in another language is a paragraph left untranslated, or a document whose
    ``language`` is wrong. Languages other than these are not checked.
    """
    from unres.text._phrases import find_opening

    language = resolution.language
    ranges = _LATIN if language in _LATIN_LANGUAGES else _SCRIPTS.get(language)
    if ranges is None:
        return
    for eid, para in _paragraphs(resolution):
        opening = getattr(para, "opening", None)
        if not opening:
            continue
        if not _in_script(opening, ranges):
            message = f"the opening {opening!r} is not written in the script of {language}"
            yield _problem("R020", message, eid, Severity.WARNING)
        elif language != "eng" and ranges is _LATIN:
            kind = "preambular" if isinstance(para, PreambularParagraph) else "operative"
            if find_opening(opening, kind, "eng")[0] is not None:
                message = f"the opening {opening!r} is English, not {language}"
                yield _problem("R020", message, eid, Severity.WARNING)


_RECORD_NUMBER = re.compile(r"/PV\.(\d+)\b")


@rule("R015", "meeting-record", Severity.ERROR, MODEL_RULES)
def meeting_record(resolution: Resolution) -> Iterator[Problem]:
    """The meeting record is the verbatim record of the meeting the closing line names.

    "50th plenary meeting" goes with the record A/74/PV.50; a workflow that names A/74/PV.51, or a
    report where the record should be, contradicts the document's own closing line.
    """
    for where, body in _closings(resolution):
        meeting = body.meeting
        if meeting is None or meeting.record is None:
            continue
        number = _RECORD_NUMBER.search(meeting.record)
        if number is None:
            yield _problem("R015", f"{meeting.record} is not a meeting record (…/PV.n)", f"{where}meeting")
        elif int(number[1]) != meeting.number:
            message = f"the record {meeting.record} is not that of the {meeting}"
            yield _problem("R015", message, f"{where}meeting")


@rule("R016", "closing-date", Severity.ERROR, MODEL_RULES)
def closing_date(resolution: Resolution) -> Iterator[Problem]:
    """The date of the closing line is the adoption date."""
    adopted = resolution.adoption_date
    for where, body in _closings(resolution):
        printed = body.meeting.date if body.meeting is not None else body.closing_date
        if printed is not None and printed != adopted:
            message = f"the closing line is dated {printed.isoformat()}, the adoption {adopted.isoformat()}"
            yield _problem("R016", message, f"{where}meeting" if body.meeting else f"{where}closing_date")


# ------------------------------------------------------------------------------------------------
# References

_RESOLUTION_IRI = re.compile(
    r"^/akn/un/statement/deliberation/(?:un-ga|unga|ga)/(?P<date>[^/]+)/(?P<number>[^/#]+?)(?:/.*)?(?:#.*)?$"
)
_IRI_NUMBER = re.compile(rf"^(?P<session>{SESSION_PATTERN})-(?P<number>[1-9]\d{{0,3}})$")


def _texts_with_locations(resolution: Resolution) -> Iterator[tuple[str, Text]]:
    for eid, para in _paragraphs(resolution):
        for text in paragraph_texts(para):
            yield eid, text
    for note in resolution.footnotes:
        yield _note_location(note.marker), note.text


def _with_following(text: Text) -> Iterator[tuple[Reference, Date | None]]:
    """Each reference with the date written right after it ("53/70 of 4 December 1998")."""
    pieces = list(text)
    for index, piece in enumerate(pieces):
        if isinstance(piece, Reference):
            after = pieces[index + 1 : index + 3]
            date = None
            if len(after) == 2 and after[0] == " of " and isinstance(after[1], Date):
                date = after[1]
            yield piece, date
        if isinstance(piece, (Reference,)):
            continue
        inner = getattr(piece, "content", None)
        if isinstance(inner, tuple):
            yield from _with_following(inner)


@rule("R008", "resolution-reference", Severity.ERROR, MODEL_RULES)
def resolution_reference(resolution: Resolution) -> Iterator[Problem]:
    """References to resolutions have well-formed IRIs that agree with the text.

    An IRI ``/akn/un/statement/deliberation/un-ga/{date}/{session}-{number}`` needs a real date and a
    resolution number; the words of the reference name that number ("53/70"), and a date written
    right after it ("of 4 December 1998") is the date in the IRI.
    """
    for location, text in _texts_with_locations(resolution):
        for ref, date in _with_following(text):
            match = _RESOLUTION_IRI.match(ref.href)
            if match is None:
                continue
            try:
                iri_date = dt.date.fromisoformat(match["date"])
            except ValueError:
                yield _problem("R008", f"reference {ref.href!r} has an invalid date", location)
                continue
            number = _IRI_NUMBER.match(match["number"])
            if number is None:
                yield _problem(
                    "R008", f"reference {ref.href!r} does not end in a resolution number", location
                )
                continue
            printed = f"{number['session']}/{number['number']}"
            if printed not in plain_text(ref.content):
                message = f"reference to {printed} reads {plain_text(ref.content)!r}"
                yield _problem("R008", message, location)
            if date is not None and date.value != iri_date:
                message = (
                    f"reference to {printed} is dated {iri_date.isoformat()} but the text says {date.text}"
                )
                yield _problem("R008", message, location)


# ------------------------------------------------------------------------------------------------
# Punctuation and phrases (warnings)


def _ending(text: Text) -> str:
    """The last visible character of a text, ignoring trailing footnote calls and quotes."""
    pieces = list(text)
    while pieces and isinstance(pieces[-1], FootnoteCall):
        pieces.pop()
    words = plain_text(tuple(pieces)).rstrip()
    words = words.rstrip("\u201d\u2019\"')")  # closing quotes and brackets
    return words[-1:] if words else ""


def _end_of(para: OperativeParagraph | SubParagraph) -> Text:
    if para.closing_text:
        return para.closing_text
    if para.subparagraphs:
        return _end_of(para.subparagraphs[-1])
    return para.text


# The comma, semicolon and full stop of the six languages: Arabic "،" and "؛", and the full-width
# ones of Chinese ("。" for the full stop).
_COMMAS = frozenset(",\u060c\uff0c")
_SEMICOLONS = frozenset(";\u061b\uff1b")
_FULL_STOPS = frozenset(".\u3002")


@rule("R009", "preambular-punctuation", Severity.WARNING, MODEL_RULES)
def preambular_punctuation(resolution: Resolution) -> Iterator[Problem]:
    """Preambular paragraphs end with a comma."""
    for index, para in enumerate(resolution.preamble, start=1):
        end = _ending(para.text)
        if end not in _COMMAS:
            yield _problem(
                "R009",
                f"preambular paragraph ends with {end!r}, not ','",
                f"preamble__container_{index}",
                Severity.WARNING,
            )


def _operative_paragraphs(resolution: Resolution) -> list[tuple[str, OperativeParagraph]]:
    return [
        (eid, para)
        for eid, para in _paragraphs(resolution)
        if isinstance(para, OperativeParagraph) and not eid.startswith("att_")
    ]


@rule("R010", "operative-punctuation", Severity.WARNING, MODEL_RULES)
def operative_punctuation(resolution: Resolution) -> Iterator[Problem]:
    """Operative paragraphs end with a semicolon, the last with a full stop.

    With sub-paragraphs, the end of a paragraph is the end of its last sub-paragraph (or of the
    words after them).
    """
    paragraphs = _operative_paragraphs(resolution)
    for position, (eid, para) in enumerate(paragraphs, start=1):
        want = "." if position == len(paragraphs) else ";"
        end = _ending(_end_of(para))
        if end not in (_FULL_STOPS if want == "." else _SEMICOLONS):
            yield _problem(
                "R010", f"operative paragraph ends with {end!r}, not {want!r}", eid, Severity.WARNING
            )


def _forms(word: str) -> Iterator[str]:
    """The word in the other grammatical form: "Recalls" -> "Recalling", "Noting" -> "Notes"."""
    if word.endswith("ing"):
        stem = word[:-3]
        yield from (stem + "s", stem + "es")
    else:
        for stem in (word[:-1], word[:-2]):  # "Recalls" -> "Recall", "Notes" -> "Not"
            yield stem + "ing"


def _suggestion(opening: str, kind: str) -> str:
    """A "did you mean" for a near miss: the other form of a verb, or a close spelling."""
    first = opening.split()[0]
    candidates = [p.split()[0] for p in phrases()[kind]]
    for form in _forms(first):
        if form in candidates:
            return f"; did you mean {form!r}?"
    close = difflib.get_close_matches(first, candidates, n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


@rule("R011", "preambular-phrase", Severity.WARNING, MODEL_RULES)
def preambular_phrase(resolution: Resolution) -> Iterator[Problem]:
    """Preambular paragraphs open with a known preambular phrase (*Recalling*, *Noting with concern*).

    An operative verb in the preamble (*Recalls*) is a common slip; the message suggests the
    preambular form.
    """
    for eid, para in _paragraphs(resolution):
        if not isinstance(para, PreambularParagraph) or not para.opening:
            continue
        if not known_phrase(para.opening, "preambular"):
            message = (
                f"{para.opening!r} is not a known preambular phrase{_suggestion(para.opening, 'preambular')}"
            )
            yield _problem("R011", message, eid, Severity.WARNING)


@rule("R012", "operative-phrase", Severity.WARNING, MODEL_RULES)
def operative_phrase(resolution: Resolution) -> Iterator[Problem]:
    """Operative paragraphs open with a known operative verb (*Requests*, *Also decides*)."""
    for eid, para in _operative_paragraphs(resolution):
        if para.opening and not known_phrase(para.opening, "operative"):
            message = (
                f"{para.opening!r} is not a known operative phrase{_suggestion(para.opening, 'operative')}"
            )
            yield _problem("R012", message, eid, Severity.WARNING)


@cache
def _languages() -> frozenset[str]:
    text = resources.files("unres").joinpath("data", "iso639-2.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def is_language(code: str) -> bool:
    """Whether ``code`` is an ISO 639-2 code (``qaa``-``qtz`` are reserved for local use)."""
    return code in _languages() or ("qaa" <= code <= "qtz" and len(code) == 3)


@rule("R013", "language-code", Severity.ERROR, MODEL_RULES)
def language_code(resolution: Resolution) -> Iterator[Problem]:
    """The language is an ISO 639-2 code (``eng``, ``fra``, ``spa``, ``ara``, ``zho``, ``rus``)."""
    if not is_language(resolution.language):
        yield _problem("R013", f"{resolution.language!r} is not an ISO 639-2 language code", "language")


def all_rules() -> list[Rule]:
    """Every rule: those on the model, then those on the Akoma Ntoso markup (unres.akn._checks)."""
    return MODEL_RULES + AKN_RULES
