"""Reading the masthead, the title line and the closing line of a resolution from AKN, and
settling its symbol from everything that names it.
"""

from __future__ import annotations

import datetime as dt
import re

import attrs

from unres._languages import (
    each,
    masthead_words,
    part_letter,
    plain,
    read_agenda,
    read_origin,
    resolution_number,
)
from unres._text import NO_REPORT_LINE, REPORT_LINE, parse_date_words
from unres.akn._names import A
from unres.akn._parse import Element, line_of
from unres.akn._read_body import _ANY_SPACE, _iso, _local, _Reader, _strip_hash, _unsupported, _words
from unres.akn._read_meta import _Facts
from unres.errors import ModelError, ParseError, UnsupportedContentError
from unres.model import (
    AgendaItem,
    Origin,
    Symbol,
)

_AGENDA = re.compile(r"(\d+)(?:\s*\(([a-z]{1,3})\))?")
_MEETING = re.compile(r"(\d+)(?:st|nd|rd|th)\s+([a-z(][a-z() ]*?)\s+meeting", re.IGNORECASE)
_RESOLUTION_NUMBER = re.compile(r"^(?P<number>[0-9A-Z-]+/\d+(?: [A-Z])?)\.?$")
# The Security Council's title lines: "Resolution 1441 (2002)", "Adopted by the Security Council at
# its 4644th meeting, on 8 November 2002" (or "... on" and the date without a space, as files have it).
_COUNCIL_NUMBER = re.compile(r"^Resolution (?P<number>\d{1,4}) \((?P<year>\d{4})\)\.?$", re.IGNORECASE)
_COUNCIL_ADOPTED = re.compile(
    r"^Adopted by the Security Council"
    r"(?: at its (?P<number>\d+)(?:st|nd|rd|th)(?: (?P<kind>[^,]+?))? meeting ?(?:\((?P<part>[^()]+)\))?)?"
    r",? ?on ?(?P<date>\d{1,2} \w+ \d{4})(?: in (?P<place>[^,]+))?\.?$"
)
# What may follow the meeting in a closing line: its part, the date, the place.
_AFTER_MEETING = re.compile(r"^(?:\((?P<part>[^()]+)\) ?)?(?P<date>[^()]*?)(?: in (?P<place>[^,]+))?$")
# The parts a cover page names after the symbol of a resolution adopted in parts: "A-B", "A-C".
_PART_RANGE = re.compile(r"^(?P<symbol>.+?) (?P<first>[A-Z])-(?P<last>[A-Z])$")


# Whole-paragraph texts of the masthead that carry nothing the model does not derive.
_MASTHEAD = {"united nations", "general assembly", "security council", "distr.: general", "distr. general"}


def _read_cover_page(cover: Element, facts: _Facts) -> None:
    lines = [p for p in cover.iter(A + "p")]
    for line in lines:
        words = _words(line)
        for number in line.iter(A + "docNumber"):
            facts.symbols.append((_words(number), line_of(number)))
        for session in line.iter(A + "session"):
            if session.get("value"):  # the translations of emergency sessions leave it empty
                facts.session = (session.get("value", ""), line_of(session))
        in_title = False
        for title in line.iter(A + "docTitle"):
            in_title = True
            _council_line(title, facts)
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
            elif (items := read_agenda(text, facts.language)) is not None:
                facts.agenda.extend(items)
                numbered_here = True
        if (origin := read_origin(words, facts.language)) is not None:
            facts.origin = origin
        elif words.lower().startswith("[on the report"):
            report = REPORT_LINE.fullmatch(words)
            if report is None:
                raise ParseError(f"cannot read the report line {words!r}", line=line_of(line))
            facts.origin = Origin.of(report["document"], report["committee"])
        elif words.lower().startswith("[without reference"):
            bare = NO_REPORT_LINE.fullmatch(words)
            if bare is None:
                raise ParseError(f"cannot read the line {words!r}", line=line_of(line))
            facts.origin = Origin.of(bare["document"])
        elif not _known_masthead_line(line, words):
            raise UnsupportedContentError(f"masthead line {words!r} is not understood", line=line_of(line))


def _known_masthead_line(line: Element, words: str) -> bool:
    if not words or words.lower() in _MASTHEAD or plain(words) in masthead_words():
        return True
    known = ("docNumber", "session", "docTitle", "docDate", "inline", "ref", "docAuthority", "docStatus")
    return all(_local(child) in known for child in line if isinstance(child.tag, str)) and len(line) > 0


def _read_conclusions(conclusions: Element, facts: _Facts, adoption: dt.date) -> None:
    words = _ANY_SPACE.sub(" ", "".join(str(text) for text in conclusions.itertext())).strip()
    # The pieces a space apart for the other languages: a line break (<eol/>) parts meeting and date.
    spaced = _ANY_SPACE.sub(" ", " ".join(str(text) for text in conclusions.itertext())).strip()
    spaced = re.sub(r" (?=[,.;:])", "", spaced)
    if _translated_conclusions(spaced, facts, adoption):
        return
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
    # "65th plenary meeting (Part II)", and a meeting away from Headquarters: "... 1948 in Paris".
    after = _AFTER_MEETING.match(rest)
    if after is None:
        raise UnsupportedContentError(f"closing line {words!r} is not understood", line=line_of(conclusions))
    facts.meeting_part, facts.meeting_place = after["part"], after["place"]
    if not after["date"]:
        return
    printed = parse_date_words(after["date"])
    if printed is None:
        raise UnsupportedContentError(
            f"closing line {words!r}: {rest!r} is not a date", line=line_of(conclusions)
        )
    if printed != adoption:
        facts.meeting_date = printed  # kept, and reported by the rules


def _translated_conclusions(words: str, facts: _Facts, adoption: dt.date) -> bool:
    """The closing line in a language other than English: "50e séance plénière (reprise) 18
    décembre 2019", "第50次全体会议 2019年12月18日", or its date alone. False if it is none."""
    words = plain(words)
    for language in each(facts.language):
        alone = language.parse_date(words)
        if alone is not None:
            facts.closing_date = alone
            return True
        found = language.meeting_line(words)
        if found is None:
            continue
        resumed = found["resumed"] or found.groupdict().get("resumed_after")
        facts.meeting = (int(found["number"]), "(resumed) plenary" if resumed else "plenary")
        if found["date"]:
            printed = language.parse_date(found["date"]) or parse_date_words(found["date"])
            if printed is None:
                raise UnsupportedContentError(f"closing line {words!r}: {found['date']!r} is not a date")
            if printed != adoption:
                facts.meeting_date = printed
        return True
    return False


def _council_line(element: Element, facts: _Facts) -> bool:
    """A Security Council title line ("Resolution 1441 (2002)", "Adopted by the Security Council at
    its 4644th meeting, on 8 November 2002"): its facts; False for any other line."""
    words = _ANY_SPACE.sub(" ", _words(element))  # non-breaking spaces too
    number = _COUNCIL_NUMBER.match(words)
    if number is not None:
        facts.symbols.append((f"S/RES/{number['number']} ({number['year']})", line_of(element)))
        return True
    adopted = _COUNCIL_ADOPTED.match(words)
    if adopted is None:
        return False
    if adopted["number"]:
        facts.meeting = (int(adopted["number"]), adopted["kind"] or "")
        facts.meeting_part = adopted["part"]
        facts.meeting_place = adopted["place"]
    for date in element.iter(A + "docDate"):
        if date.get("date"):
            facts.adoption = facts.adoption or _iso(date)
    printed = parse_date_words(adopted["date"])
    if printed is not None and facts.adoption is not None and printed != facts.adoption:
        facts.meeting_date = printed  # the date printed is not the one the markup gives: kept, reported
    return True


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
    session = first.session or ""
    if facts.session is not None and facts.session[0] not in (session, session.partition("-")[2]):
        # An emergency special session's cover page gives its number alone ("11" for ES-11).
        raise ParseError(
            f"session {facts.session[0]!r} disagrees with the symbol {first}", line=facts.session[1]
        )
    return first


def _read_preface(preface: Element, facts: _Facts, reader: _Reader) -> None:
    """The number and title line: "73/266. Title", or for one part of a resolution in parts
    "74/232. Title ... B" or "75/290. Titles ... A Title of the part"."""
    for note in preface.iter(A + "authorialNote"):
        facts.title_notes.append(reader.authorial_note(note).marker)  # called from the title line
    titles: list[str] = []
    lettered = False
    for element in preface.iter(A + "docTitle", A + "docNumber"):
        if _council_line(element, facts):
            continue  # unres writes the Security Council's title lines in the preface
        words = _words(element)
        if _local(element) == "docTitle":
            _check_title_markup(element)
            titles.append(words)
            continue
        letter = part_letter(words, facts.language)
        if titles and letter and facts.symbols and " " not in facts.symbols[-1][0]:
            # The letter of the part this document holds; the titles before it are those of the
            # whole resolution when the part has a title of its own after the letter.
            text, line = facts.symbols[-1]
            facts.symbols[-1] = (f"{text} {letter}", line)
            lettered = True
            facts.main_titles = titles
            titles = []
            continue
        match = _RESOLUTION_NUMBER.match(resolution_number(words, facts.language))
        if match is None:
            raise ParseError(f"resolution number {words!r} is not such as '73/266.'", line=line_of(element))
        facts.symbols.append((f"A/RES/{match['number']}", line_of(element)))
    if lettered and not titles:
        titles, facts.main_titles = facts.main_titles, []
    if len(titles) > 1:
        raise UnsupportedContentError(f"the title line has {len(titles)} titles", line=line_of(preface))
    if titles:
        facts.title = titles[0]


def _check_title_markup(title: Element) -> None:
    """A title is plain words: formatting around the whole title (the UN's files wrap it in one
    bold span, as every writer prints it) is presentation and is not kept; formatting of some of
    its words would be lost, so it is refused."""
    inner = list(title.iterdescendants())
    for element in inner:
        if _local(element) not in ("span", "b", "i"):
            raise _unsupported(element, "docTitle")
    if not inner:
        return
    wrapper = title[0]
    around = (title.text or "").strip() or any((child.tail or "").strip() for child in title)
    if len(title) != 1 or around or len(inner) > 1:
        message = (
            f"<{_local(inner[0])}> on some words of <docTitle> is not supported: "
            "a title is plain words (formatting of the whole title is allowed)"
        )
        raise UnsupportedContentError(message, line=line_of(wrapper))


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
