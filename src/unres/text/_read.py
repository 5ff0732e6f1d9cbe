"""Read a resolution from its text: Markdown (unres's own, or extracted) and plain layout text.

Stages: ``_lines.split_source`` cuts the file into masthead, title, body paragraphs and notes;
``_calls`` finds footnote calls glued to words; ``_Builder`` walks the paragraphs into the
structure of a resolution, repairing what extraction damaged and reporting each repair; inline
text is read last (``_inline``).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache
from typing import Any

import attrs
from attrs import define, field

from unres._labels import FIRST, LABEL_PATTERN, continues, label_at, label_kind, list_kind, position
from unres._languages import languages, part_letter, plain, printed, read_origin, resolution_number
from unres._text import (
    LANGUAGES,
    MONTHS,
    NO_REPORT_LINE,
    REPORT_LINE,
    from_superscript,
    parse_date_words,
    split_opening,
)
from unres.errors import FormatError, ModelError, ParseError
from unres.model import (
    AdoptedByAcclamation,
    AdoptedWithoutVote,
    AgendaItem,
    Annex,
    Emphasis,
    Footnote,
    FootnoteCall,
    Foreign,
    Heading,
    Keyword,
    Meeting,
    OperativeItem,
    OperativeParagraph,
    Origin,
    PreambularParagraph,
    RecordedVote,
    Resolution,
    ResolutionPart,
    Section,
    SubParagraph,
    Symbol,
    Table,
    TableCell,
    TableRow,
    Text,
    Vote,
    WorkflowDocument,
    normalize_text,
    plain_text,
    session_title,
)
from unres.problems import Problem, Severity
from unres.text._inline import CALL_CLOSE, CALL_OPEN, InlineError, parse_inline, plain_calls, recognise
from unres.text._lines import CHINESE_UNITS as _CHINESE_UNITS
from unres.text._lines import FULLWIDTH_STOPS as _FULLWIDTH_STOPS
from unres.text._lines import SUSPENDED_WORDS, Note, Para, Source, is_pipe_table, joined_words, split_source
from unres.text._lines import wide as _wide
from unres.text._phrases import find_opening, is_operative_start, is_preambular_start, opens_with_known_phrase
from unres.text._write import HEADING_MARK, HEADING_SEPARATOR, TABLE_MARK, UNLABELLED_ANNEX, UNLABELLED_ITEM

__all__ = ["parse"]

FORMAT_MARK = "unres"
# Front matter keys unres reads (the rest is reported): its own, and the symbol/title/language
# that extraction tools write.
_FRONT_KEYS = frozenset(
    [
        "unres",
        "symbol",
        "title",
        "language",
        "markup_date",
        "draft",
        "vote",
        "meeting_record",
        "adoption_remark",
        "adoption_date",
        "parts",
        "keywords",
        "extensions",
    ]
)
_DATE_WORDS = r"\d{1,2} (?:" + "|".join(MONTHS) + r") \d{4}"
_NUM = re.compile(r"^(\d{1,4})(?:\.| -)\s+(.*)$")  # "1." ("1 -" in Arabic)
# "(a) ...", and a Chinese item's label, which is its own bracket: "\u3220 ..." or "(\u3220) ...".
_LABEL = re.compile(rf"^\(?((?<=\()(?:{LABEL_PATTERN})(?=\))|[\u3220-\u3229])\)?\s+(.*)$")
# "65th plenary meeting", maybe "(Part II)", and its date, maybe "in Nairobi".
_MEETING = re.compile(
    rf"^\**(\d{{1,3}})(?:st|nd|rd|th) ([a-z(][a-z() ]{{0,40}}?) meeting(?: \((Part [IVX]+)\))?\**,?"
    rf"(?:\s+\**({_DATE_WORDS})(?: in ([A-Z][\w ,.'-]*\w))?\**)?\s*$"
)
GUARD = "<!---->"
# The letter of a table's note and the capital its words open with ("a See A/75/383.").
_LETTERED_NOTE = re.compile(r"^([a-z]) (?=[A-Z])")
# A call as plain digits after the stop ("... a Culture of Peace,1"), not a number ("1,000").
_DIGIT_CALL_TAIL = re.compile(r"(?<=[^\d\s][.,;:\uff0c\uff1b\uff1a\u3002])\d{1,3}$")
_SUPERSCRIPT_TAIL = re.compile("[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+$")  # a call after the stop
_GLUED_NUMBER = re.compile(rf"(?<=[.;:{CALL_CLOSE}\u201d]) (\d{{1,4}})\. (?=[A-Z])")
_DATE_ONLY = re.compile(rf"^\**({_DATE_WORDS})\**$")
_FORMULA = re.compile(r"^(\*?)The (?:General Assembly|Security Council)(,?)(\*?)(,?)\s*(.*)$")
# The Council's closing line of 1946-1993: "Adopted unanimously at the 1382nd meeting.", "Adopted
# at the 2932nd meeting by 14 votes to none. ..." (the vote words are read by ``_council_vote``). A
# letter I, l or O among the meeting's digits is a scanning slip, read as a digit (T023).
_COUNCIL_CLOSING = re.compile(
    r"^\**Adopted (?P<unanimously>unanimously )?at the (?P<number>\d[\dIlO]{0,4})(?:st|nd|rd|th) meeting"
    r"(?:[,.]?\s*(?P<rest>.*?))?\**$"
)
# A sub-paragraph in Markdown written by unres: "(a) ...", a bullet (en dash ...), or one with no label.
_EXACT_ITEM = re.compile(
    r"^(?:\(([^\W_]{1,8})\)\s+|([\u2013\u2014\u2022\u00b7-])\s+|"
    + re.escape(UNLABELLED_ITEM)
    + r"()\s?)(.*)$"
)
_ANNEX = re.compile(r"^\**(Annex(?:es)?(?: [IVXLC]+| [A-Z]| \d{1,2})?)\**$")
_SECTION_LABEL = re.compile(r"^\**([IVXLC]{1,6}|[A-Z])\.?\**$")
# A section's Roman number and its heading on one line ("I Activities of the Office"); a capital
# letter is left alone, as it may be the article ("A world fit for children").
_SECTION_LABEL_HEADING = re.compile(r"^\**([IVXLC]{1,6})\.?\**\s+(\S.*)$")
# Punctuation that ends a paragraph, also the Arabic comma and semicolon and the Chinese full-width
# marks and full stop.
_TERMINAL = (".", ",", ";", ":", "!", "?", "\u060c", "\u061b", "\uff0c", "\uff1b", "\uff1a", "\u3002")
_CALL_TAIL = re.compile(
    rf"(?:{CALL_OPEN}[^{CALL_CLOSE}]*{CALL_CLOSE}|\[\^[^\]]+\]|<sup>[^<]*</sup>|[\s\u201d\u2019\"'*])+$"
)
_NO_CALL_BEFORE = frozenset(
    [
        "article",
        "articles",
        "paragraph",
        "paragraphs",
        "para",
        "paras",
        "item",
        "items",
        "decision",
        "decisions",
        "resolution",
        "resolutions",
        "annex",
        "annexes",
        "chapter",
        "chapters",
        "section",
        "sections",
        "principle",
        "principles",
        "rule",
        "rules",
        "goal",
        "goals",
        "target",
        "targets",
        "no",
        "vol",
        "page",
        "pages",
        "part",
        "parts",
        "protocol",
        "recommendation",
        "recommendations",
        "option",
        "options",
        "phase",
        "step",
        "level",
        "grade",
        "category",
        "group",
        "programme",
        "programmes",
        "subprogramme",
        "subprogrammes",
        "table",
        "figure",
        "box",
        "schedule",
        "class",
        "of",
        "from",
        "to",
        "and",
        "or",
        "than",
        "about",
        "over",
        "nearly",
        "some",
        "least",
        "only",
        "first",
        "last",
        "the",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "level",
        "phase",
        "stage",
        "option",
        "table",
        "figure",
        "box",
        "number",
        "step",
        "tier",
        "category",
        "class",
        "grade",
        "year",
        "years",
        "volume",
        "sec",
        "session",
        "meeting",
        "meetings",
        "article",
    ]
)
_NO_CALL_AFTER = frozenset(
    [m.lower() for m in MONTHS]
    + [
        "per",
        "percent",
        "million",
        "billion",
        "thousand",
        "years",
        "year",
        "days",
        "day",
        "weeks",
        "months",
        "hours",
        "members",
        "states",
        "countries",
        "times",
        "per-cent",
    ]
)


# --------------------------------------------------------------------------------------------
# Footnote calls in plain words


_DIGITS = re.compile(r"(?<!\d)\d{1,3}(?!\d)")
# A number in brackets set against a word (a letter before it, no space): a call as the UN's Arabic
# texts print it. "article 5(1)" has a digit before its bracket.
_BRACKETED_CALL = re.compile(r"(?<=[^\W\d_])\((\d{1,3})\)")
_YEAR_AND_CALL = re.compile(r"(?<![\d/])((?:19|20)\d\d)(\d{1,2})(?![\d/])")
_AFTER_BAD = re.compile(r"\.\d|,\d{3}(?!\d)")
_AFTER_NUMBER = re.compile(r"[.,]\d")
_NEXT_WORD = re.compile(r"\s+([A-Za-z%\-]+|\d)")
_NEXT_NUMBER_PARA = re.compile(r"\s+\d{1,4}\.\s+[A-Z]")
_NEXT_RANGE = re.compile(r"\s+(?:to|and|or)\s+\d")
_PREVIOUS_WORD = re.compile(r"(\S+)\s+$")
_ROMAN_WORD = re.compile(r"[IVXLC]+")
_ABBREVIATION = re.compile(r"(?:^|[\s/(])(?:[A-Z]|Add|Rev|Corr|Amend|Suppl|No|para|paras|vol|chap|sect|art)$")
_EXPLICIT = re.compile(r"\[\^([^\]\s]+)\]|<sup>([^<\s]+)</sup>|([\u2070\u00b9\u00b2\u00b3\u2074-\u2079]+)")


@cache
def _month_after() -> re.Pattern[str]:
    """A month's name after a number, in any language unres knows ("de diciembre", "\u043c\u0430\u044f")."""
    names = {month.lower() for month in MONTHS} | {
        name.lower()
        for language in languages().values()
        for variants in language.months
        for name in variants
        if not any(char.isdigit() for char in name)  # Chinese months are numbers: "12" for 12月
    }
    # A space may stand after the slash of an Arabic month's two names, as the UN's Arabic texts
    # print some ("Kanun al-Awwal/ Disambar"), and a line's end between the words of a name.
    alternatives = "|".join(
        re.escape(name).replace("/", r"/\s*").replace(r"\ ", r"\s+")
        for name in sorted(names, key=len, reverse=True)
    )
    return re.compile(rf"\s+(?:de\s+)?(?:{alternatives})(?!\w)", re.IGNORECASE)


def _call_at(text: str, match: re.Match[str]) -> tuple[int, int, str] | None:
    """Whether the digits of ``match`` are a footnote call glued to or set after a word."""
    start, end = match.start(), match.end()
    before = text[start - 1] if start else " "
    following = text[end : end + 1]
    glued = before in ",;.:\u201d\u2019\u00bb)" or before in _FULLWIDTH_STOPS or before.islower()
    # Digits that go on as a number ("1.5", "1,000"); only a call glued to its word may have another
    # call after a comma ("Council,1,2", not "Agenda 21,21").
    after_bad = _AFTER_BAD if glued else _AFTER_NUMBER
    # In Chinese the words go on right after a call (after a closing bracket: "...\u300b1 and"), but
    # not after a number's unit.
    chinese = before in _FULLWIDTH_STOPS and bool(following) and _wide(following)
    chinese = chinese and following not in _CHINESE_UNITS
    if following and following not in " ,;.:)\u201d\u2019\u00bb]" and not chinese:
        return None
    if after_bad.match(text, end):
        return None
    next_word = _NEXT_WORD.match(text, end)
    if next_word and next_word[1].isdigit() and not glued and not _NEXT_NUMBER_PARA.match(text, end):
        return None  # "items 1 2": a list of numbers (a glued "2010,1 2013" is a call)
    if next_word and next_word[1].lower() in _NO_CALL_AFTER:
        return None
    if _month_after().match(text, end):
        return None  # a day of a date in any language: "1 de diciembre", "1 \u043c\u0430\u044f"
    if _NEXT_RANGE.match(text, end):
        return None
    if glued:
        if before == "." and start >= 2 and text[start - 2].isdigit():
            return None  # "1.2"
        if before == "." and (following in (",", ";", ":") or _ABBREVIATION.search(text, 0, start - 1)):
            return None  # "GC(69)/RES/9 A.2,", "A/66/89/Corr.1": part of a symbol, not a call
        return start, end, ""
    if before == " " and start:
        previous = _PREVIOUS_WORD.search(text, max(0, start - 60), start)
        if previous is None:
            return None
        word = previous[1]
        bare = word.strip(",;.:()").lower()
        listed = bare.isdigit() and len(bare) <= 3  # "programmes 4, 7": the next of a list (not "2014, 3")
        if bare in _NO_CALL_BEFORE or listed or word.isdigit() or word[-1] in "/-\u2013":
            return None
        if _ROMAN_WORD.fullmatch(word.strip(",;.:()")) and not word.endswith((")", ",", ";")):
            return None
        return start - 1, end, ""
    return None


def _first_call(text: str, marker: str, start: int, bracketed: bool = False) -> tuple[int, int, str] | None:
    """The first place from ``start`` where ``marker`` reads as a call, in plain words (with
    ``bracketed``, only in brackets against a word: a number set after a word is a number)."""
    found = None
    for match in _DIGITS.finditer(text, start) if not bracketed else ():
        if match[0] == marker and (hit := _call_at(text, match)) is not None and hit[0] >= start:
            found = hit
            break
    for match in _BRACKETED_CALL.finditer(text, start):
        if match[1] == marker:
            # The Arabic texts' call, in brackets against its word ("al-athar(1)"): the brackets
            # are printed with it and stay as text, as in the UN's files.
            if found is None or match.start(1) < found[0]:
                found = (match.start(1), match.end(1), "")
            break
    for match in _YEAR_AND_CALL.finditer(text, start) if not bracketed else ():
        if match[2] == marker:
            # A call glued to a year: "2024-203412" is 2034 and call 12.
            if found is None or match.start(2) < found[0]:
                found = (match.start(2), match.end(), "year")
            break
    return found


@define
class _Calls:
    """Finds the calls of footnotes not called explicitly, in order, across all paragraphs."""

    markers: list[str]
    problems: list[Problem]
    source: str | None
    bracketed: bool = False

    def run(self, paras: list[Para]) -> None:
        texts = [para.text for para in paras]
        explicit = self._explicit(texts)
        # A text whose first note is called in brackets against a word calls them all so.
        first = next((marker for marker in self.markers if marker not in explicit), None)
        self.bracketed = first is not None and any(
            match[1] == first for text in texts for match in _BRACKETED_CALL.finditer(text)
        )
        found_at: dict[str, tuple[int, int]] = {}  # where each glued call was first found
        position = (0, 0)
        for marker in self.markers:
            if marker in explicit:
                position = max(position, explicit[marker])
                continue
            found = self._find(texts, marker, position)
            if found is None:
                self.problems.append(
                    Problem(
                        "T004",
                        f"the call of footnote {marker} was not found in the text",
                        Severity.WARNING,
                        location=f"footnote {marker}",
                        source=self.source,
                    )
                )
                continue
            index, start, end, how = found
            text = texts[index]
            call = f"{CALL_OPEN}{marker}{CALL_CLOSE}"
            if how == "year":
                self.problems.append(
                    Problem(
                        "T005",
                        f"footnote call {marker} was glued to the year {text[start - 4 : start]}",
                        Severity.WARNING,
                        source=self.source,
                        line=paras[index].line,
                    )
                )
            texts[index] = text[:start] + call + text[end:]  # "Effects 1 and" -> "Effects[1] and"
            position = (index, start + len(call))
            found_at[marker] = position
        self._repeats(texts, found_at)
        for para, text in zip(paras, texts, strict=True):
            para.text = text

    @staticmethod
    def _explicit(texts: list[str]) -> dict[str, tuple[int, int]]:
        """Where each footnote called explicitly ([^1], <sup>1</sup>, superscript) is first called."""
        found: dict[str, tuple[int, int]] = {}
        for index, text in enumerate(texts):
            for match in _EXPLICIT.finditer(text):
                marker = match[1] or match[2] or from_superscript(match[3])
                found.setdefault(marker, (index, match.end()))
        return found

    @staticmethod
    def _repeats(texts: list[str], found_at: dict[str, tuple[int, int]]) -> None:
        """Later calls of notes already called: only digits glued to a word or a year count."""
        if not found_at:
            return
        for index, text in enumerate(texts):
            pieces: list[tuple[int, int, str]] = []
            for match in _DIGITS.finditer(text):
                first = found_at.get(match[0])
                if first is None or (index, match.start()) <= first:
                    continue
                hit = _call_at(text, match)
                if hit is not None and hit[0] == match.start():  # glued, not set after a space
                    pieces.append((hit[0], hit[1], match[0]))
            for match in _BRACKETED_CALL.finditer(text):
                first = found_at.get(match[1])
                if first is not None and (index, match.start(1)) > first:
                    pieces.append((match.start(1), match.end(1), match[1]))
            for match in _YEAR_AND_CALL.finditer(text):
                first = found_at.get(match[2])
                if first is not None and (index, match.start(2)) > first:
                    pieces.append((match.start(2), match.end(), match[2]))
            for start, end, marker in sorted(pieces, reverse=True):
                text = text[:start] + f"{CALL_OPEN}{marker}{CALL_CLOSE}" + text[end:]
            texts[index] = text

    def _find(
        self, texts: list[str], marker: str, position: tuple[int, int]
    ) -> tuple[int, int, int, str] | None:
        for index in range(position[0], len(texts)):
            start = position[1] if index == position[0] else 0
            hit = _first_call(texts[index], marker, start, self.bracketed)
            if hit is not None:
                return index, hit[0], hit[1], hit[2]
        return None


# --------------------------------------------------------------------------------------------
# Structure


@define
class _Sub:
    label: str
    text: str
    line: int
    subs: list[_Sub] = field(factory=list)
    closing: str = ""


@define
class _Op:
    number: int | None
    text: str
    line: int
    subs: list[_Sub] = field(factory=list)
    closing: str = ""


@define
class _Sec:
    label: str | None
    heading: str
    line: int
    preamble: list[Para] = field(factory=list)
    content: list[_Op | _Sec | _Head | _Table] = field(factory=list)


@define
class _Head:
    """A cross-heading: it holds nothing, the paragraphs after it stay where they are."""

    label: str | None
    heading: str
    subheading: str
    line: int


@define
class _Table:
    """A table of Markdown written by unres: per row, per cell (header, colspan, rowspan, paragraphs)."""

    rows: list[list[tuple[bool, int, int, list[str]]]]
    line: int


@define
class _Annex:
    label: str | None
    heading: str
    line: int
    content: list[_Op | _Sec | _Head | _Table] = field(factory=list)


def _ends_open(text: str) -> bool:
    """Whether a paragraph's text stops without closing punctuation (it goes on elsewhere)."""
    bare = _CALL_TAIL.sub("", text)
    if not bare:
        return False
    if bare.endswith(_TERMINAL) or _DIGIT_CALL_TAIL.search(bare):
        return False
    return not re.search(r"[;,]\s+(?:and|or)$", bare)


def _opens_list(text: str) -> bool:
    """Whether a paragraph's text ends with a colon: sub-paragraphs follow."""
    return _CALL_TAIL.sub("", text).endswith(":")


def _first_word(text: str) -> str:
    match = re.match(r"^[^A-Za-z]*([A-Za-z][A-Za-z\-]*)", text)
    return match[1] if match else ""


def _shape(text: str) -> str:
    """ "ing" for a paragraph that opens like "Recalling" (not "Non-Self-Governing"), else its
    first word."""
    word = _first_word(text)
    return "ing" if word.endswith("ing") and word[:1].isupper() and "-" not in word else word.lower()


class _Builder:
    """Walks body paragraphs into preamble, operative part, meeting line and annexes."""

    def __init__(
        self, source_name: str | None, problems: list[Problem], exact: bool, code: str = "eng"
    ) -> None:
        self.language = languages().get(code)  # None for English
        self.code = code
        self.source = source_name
        self.problems = problems
        self.exact = exact
        self.formula: Para | None = None
        self.preamble: list[Para] = []
        self.operative: list[_Op | _Sec | _Head | _Table] = []
        self.annexes: list[_Annex] = []
        # The closing line: its paragraph, then the meeting's number, kind, part, date and place.
        self.meeting: tuple[Para, int, str, str | None, dt.date | None, str | None] | None = None
        self.council_closing: tuple[Para, re.Match[str]] | None = None  # "Adopted at the 57th meeting ..."
        self.closing_date: tuple[Para, dt.date] | None = None  # a date alone closing the resolution
        self.preamble_subs: dict[int, list[_Sub]] = {}  # by the line of their preambular paragraph
        self.container: list[_Op | _Sec | _Head | _Table] = self.operative
        self.section_stack: list[_Sec] = []
        self.current: _Op | None = None
        self.numbered_seen = False  # a numbered paragraph in the operative part or the annex in hand
        self.subs: list[tuple[list[_Sub], _Sub | None]] = []  # open lists, innermost last
        self.last_text_owner: Any = None  # the object whose text the last paragraph went to
        self.zone = "start"
        self.restored: list[list[tuple[str, int, object]]] = []  # runs of lost labels put back
        self.body: list[Para] = []
        self.index = 0  # of the paragraph in hand

    def _next_label(self) -> str | None:
        """The label of the next labelled paragraph before the next numbered one, if any."""
        for para in self.body[self.index + 1 :]:
            if _NUM.match(para.text):
                return None
            if (label := _LABEL.match(para.text)) is not None:
                return label[1]
        return None

    def warn(self, code: str, message: str, line: int) -> None:
        self.problems.append(Problem(code, message, Severity.WARNING, source=self.source, line=line))

    # -- helpers -------------------------------------------------------------------------

    def _append_to_last(self, para: Para) -> None:
        owner = self.last_text_owner
        if isinstance(owner, Para):
            owner.text = joined_words(owner.text, para.text)
        elif isinstance(owner, _Op | _Sub):
            if owner.subs and owner.closing:
                owner.closing = joined_words(owner.closing, para.text)
            else:
                owner.text = joined_words(owner.text, para.text)
        elif isinstance(owner, _Sec):
            owner.heading = joined_words(owner.heading, para.text)

    def _last_text(self) -> str:
        owner = self.last_text_owner
        if isinstance(owner, Para):
            return owner.text
        if isinstance(owner, _Op | _Sub):
            return owner.closing or owner.text
        if isinstance(owner, _Sec):
            return owner.heading
        return ""

    def _continues(self, para: Para, siblings: list[str]) -> bool:
        """Whether ``para`` is the rest of the previous paragraph, split by a page break."""
        if self.last_text_owner is None or isinstance(self.last_text_owner, _Sec):
            return False  # a heading stops without punctuation and is never continued
        first = _first_word(para.text)
        if self._next_note_letter(para):
            return False
        if para.text[:1].islower() and self.code != "rus":
            return True  # no paragraph opens with a small letter (but the Russian preamble's do)
        last = self._last_text()
        comma = _CALL_TAIL.sub("", last).endswith((",", "\u060c", "\uff0c"))
        if isinstance(self.last_text_owner, _Op) and comma:
            # An operative paragraph ends with a semicolon or a full stop, a comma only where a
            # page divides it ("... including Christians, Gonabadi Dervishes," / "Jews, ...;"); a
            # line with no stop after it is a heading (a paragraph ending with a comma by mistake).
            return not _ends_open(para.text) and _shape(para.text) not in siblings
        if not _ends_open(last):
            return False
        if not first or not para.text[:1].isalpha():
            return True
        return _shape(para.text) not in siblings

    def _next_note_letter(self, para: Para) -> bool:
        """Whether ``para`` is the next of a table's notes lettered in sequence, each a paragraph
        ("a See A/75/383." / "b See A/75/639."), not words that go on with the one before."""
        this = _LETTERED_NOTE.match(para.text)
        before = _LETTERED_NOTE.match(self._last_text()) if this is not None else None
        return before is not None and this is not None and ord(this[1]) == ord(before[1]) + 1

    def _resumes_numbered(self, para: Para, following: Para | None) -> bool:
        """Whether ``para``, unnumbered right after a page's foot, goes on with the numbered
        paragraph before the page ended: the paragraphs around it are numbered in sequence, and it
        opens neither with an operative phrase nor as a heading ("...; GC(69)/RES/9, entitled ...")."""
        current = self.current
        if not para.after_page or self.zone != "operative" or current is None or current.number is None:
            return False
        if current.subs or self.last_text_owner is not current or self.section_stack:
            return False
        bare = _strip_markup(para.text)
        if is_operative_start(bare, self.code) or self._heading_like(para, following):
            return False
        if following is None or self._meeting_line(following.text):
            return True
        numbered = _NUM.match(following.text)  # the next paragraph is the next number: none is lost
        return numbered is not None and int(numbered[1]) == current.number + 1

    def _wraps_up(self, para: Para, chain: list[_Op | _Sub]) -> bool:
        """Whether (and then as such) ``para`` is the closing words of the list its paragraph's
        items are in: it opens with a small letter after the last item, which ended with a
        semicolon or a full stop ("(b) ... on 4 April 2017;" / "and demands that ...")."""
        last, parent = chain[-1], chain[-2]
        if self.last_text_owner is not last or parent.closing or not para.text[:1].islower():
            return False
        if not _CALL_TAIL.sub("", last.text).rstrip().endswith((";", ".")):
            return False
        parent.closing = para.text
        self.last_text_owner = parent
        return True

    def _resumes_preambular(self, para: Para) -> bool:
        """Whether ``para`` goes on with the preambular paragraph before it: that one stopped with no
        punctuation, or at a comma, as a preambular paragraph does but also a line's end within
        one; and ``para`` opens with no phrase a paragraph opens with, italic or known
        ("...convened in Pohnpei," / "Federated States of Micronesia, ...", "...Commission on" /
        "Missing Persons, which ...")."""
        if self.last_text_owner is not self.preamble[-1]:
            return False
        last = self.preamble[-1].text
        comma = _CALL_TAIL.sub("", last).endswith((",", "\u060c", "\uff0c"))
        if not _ends_open(last) and not comma:
            return False
        if para.text.startswith(("*", "_")):
            return False  # an italic opening (Markdown)
        bare = _strip_markup(para.text)
        if any(opens_with_known_phrase(bare, kind, self.code) for kind in ("preambular", "operative")):
            return False
        head = bare.split()[:2]
        if len(head) == 2 and any(_strip_markup(p.text).split()[:2] == head for p in self.preamble[:-1]):
            return False  # it opens as another paragraph of the preamble did ("Remaining deeply ...")
        # After a comma with no page marks (Markdown extracted from a PDF), only a paragraph no
        # opening can start goes on: a number ("70/114 of 14 December 2015, ..."), or a name, its
        # second word a capital's ("Federated States of Micronesia, ..."). A word alone may be an
        # opening the phrase lists do not know ("Deeply disappointed").
        second = re.match(r"^\S+\s+(?:(?:and|of)\s+)?(\S)", bare)
        name = bool(second and second[1].isupper())
        return _ends_open(last) or para.after_page or bare[:1].isdigit() or name

    def _ended(self) -> bool:
        """Whether the operative part has ended without a closing line (the Security Council's
        since 1994 has none): its last paragraph ends with a full stop, where the others end with
        a semicolon."""
        return self.zone == "operative" and _strip_markup(self._last_text()).endswith(".")

    # -- the walk --------------------------------------------------------------------------

    def run(self, body: list[Para]) -> None:
        index = 0
        self.body = body
        while index < len(body):
            para = body[index]
            self.index = index
            following = body[index + 1] if index + 1 < len(body) else None
            index += self.step(para, following)
        for restored in self.restored:
            labels = [f"({label})" for label, _, _ in restored]
            which = labels[0] if len(labels) == 1 else f"{labels[0]} to {labels[-1]}"
            lines = "" if len(restored) == 1 else f" (lines {restored[0][1]}-{restored[-1][1]})"
            self.warn("T012", f"lost sub-paragraph labels {which} restored{lines}", restored[0][1])

    def _meeting_line(self, text: str) -> bool:
        """Whether ``text`` is the closing meeting line, in English or the document's language."""
        if _MEETING.match(text):
            return True
        return self.language is not None and self.language.meeting_line(_strip_markup(text)) is not None

    def step(self, para: Para, following: Para | None) -> int:
        text = para.text
        meeting = _MEETING.match(text)
        if meeting is not None and self.zone != "annex":
            date = parse_date_words(meeting[4]) if meeting[4] else None
            used = 1
            if date is None and following is not None and _DATE_ONLY.match(following.text):
                date = parse_date_words(_DATE_ONLY.match(following.text)[1])  # type: ignore[index]
                used = 2
            self.meeting = (para, int(meeting[1]), meeting[2], meeting[3], date, meeting[5])
            self.zone = "closed"
            self.close_lists()
            return used
        if self.language is not None and self.zone not in ("annex", "start"):
            translated = self.language.meeting_line(_strip_markup(text))
            if translated is not None:
                resumed = translated["resumed"] or translated.groupdict().get("resumed_after")
                date = self.language.parse_date(translated["date"]) if translated["date"] else None
                used = 1
                if date is None and following is not None:
                    # The date on a line of its own, as in English (over a page's end too).
                    date = self.language.parse_date(_strip_markup(following.text))
                    used = 2 if date is not None else 1
                kind = "(resumed) plenary" if resumed else "plenary"
                self.meeting = (para, int(translated["number"]), kind, None, date, None)
                self.zone = "closed"
                self.close_lists()
                return used
        date_only = _DATE_ONLY.match(text)
        alone = parse_date_words(date_only[1]) if date_only else None
        if alone is None and self.language is not None and text.startswith("*"):
            alone = self.language.parse_date(_strip_markup(text))
        if alone is not None and not para.heading and (self.exact or self._ended()):
            # The date alone closes a resolution adopted without a meeting (written procedure, 2020).
            self.closing_date = (para, alone)
            self.zone = "closed"
            self.close_lists()
            return 1
        closing = _COUNCIL_CLOSING.match(text)
        if closing is not None and self.zone not in ("annex", "start"):
            self.council_closing = (para, closing)
            self.zone = "closed"
            self.close_lists()
            return 1
        annex = _ANNEX.match(text)
        if annex is None and self.language is not None and not self.exact:
            annex = self.language.annex.match(_strip_markup(text))  # "Annexe", "Anexo II", "附件一"
        if self.exact and para.heading == 2:
            # In Markdown unres writes, a heading of level 2 is an annex's label, in any language
            # ("## Annexe", "## المرفق"), or the mark of an annex without one.
            annex = re.match("^()$", "") if text == UNLABELLED_ANNEX else re.match(r"^(.+)$", text)
        if annex is not None and (self.zone in ("closed", "annex") or para.heading or self._ended()):
            heading = ""
            used = 1
            if self.exact:
                if following is not None and following.heading == para.heading + 1:
                    heading = following.text.removeprefix(GUARD)
                    used = 2
            elif (
                following is not None
                and not _NUM.match(following.text)
                and not _LABEL.match(following.text)
                and not following.text.startswith("<!--")
                and (following.heading or len(following.text) < 300)
                and (following.heading or _ends_open(following.text) or not self.exact)
            ):
                heading = following.text
                used = 2
            self.open_annex(_Annex(annex[1].strip("*") or None, heading, para.line))
            return used
        if self.zone == "start" and self.exact:
            self.formula = Para(para.line, text.removeprefix(GUARD))
            self.zone = "preamble"
            return 1
        if self.exact and text.startswith(GUARD) and not para.heading:
            para = Para(para.line, text[len(GUARD) :])
            if self.zone == "preamble" or (self.section_stack and not self.section_stack[-1].content):
                return self.preambular(para, following)
            raise ParseError(
                f"paragraph {para.text[:40]!r} has no place in Markdown written by unres", line=para.line
            )
        if self.zone == "start" and self.language is not None and self._translated_formula(para):
            return 1
        if self.zone == "start":
            formula = _FORMULA.match(text)
            if formula is not None:
                self.formula = Para(
                    para.line, text if not formula[5] else text[: len(text) - len(formula[5])].strip()
                )
                self.zone = "preamble"
                if formula[5]:
                    return self.step(Para(para.line, formula[5]), following)
                return 1
            self.warn(
                "T006",
                "no enacting formula ('The General Assembly,', 'The Security Council,') before the first "
                "paragraph",
                para.line,
            )
            if not self.exact and _SECTION_LABEL.match(text) and not _NUM.match(text):
                self.warn(
                    "T021",
                    f"{text!r} in place of the enacting formula is read as the label of a section "
                    "that holds all that follows",
                    para.line,
                )
            self.zone = "preamble"
        if self.zone == "closed":
            # The meeting line ends the resolution: what follows is an annex the text prints with no
            # "Annex" line, headed by the first paragraph when it reads as a heading.
            message = "text after the closing meeting line is read as an annex without a label"
            self.warn("T007", message, para.line)
            heading = (
                text
                if not _NUM.match(text) and not _LABEL.match(text) and len(text) < 300 and _ends_open(text)
                else ""
            )
            self.open_annex(_Annex(None, heading, para.line))
            if heading:
                return 1
        return self.body_step(para, following)

    def open_annex(self, annex: _Annex) -> None:
        self.annexes.append(annex)
        self.container = annex.content
        self.section_stack = []
        self.current = None
        self.numbered_seen = False
        self.subs = []
        self.last_text_owner = None
        self.zone = "annex"

    def body_step(self, para: Para, following: Para | None) -> int:
        text = para.text
        if self.exact and text.startswith(TABLE_MARK):
            return self.table(para)
        if not self.exact and "\n" in text and is_pipe_table(text.split("\n")):
            return self.pipe_table(para)
        num = _NUM.match(text)
        label = _EXACT_ITEM.match(text) if self.exact and para.depth else _LABEL.match(text)
        if para.heading >= 4 or (
            not self.exact
            and not num
            and not label
            and self.zone != "start"
            and (_SECTION_LABEL.match(text) or self._labelled_heading(para, following))
        ):
            return self.section(para, following)
        if num is not None:
            self.zone = "operative" if self.zone != "annex" else "annex"
            return self.numbered(para, int(num[1]), num[2])
        if label is not None and self.exact and para.depth:
            return self.labelled(para, label[1] or label[2] or "", label[4])
        if label is not None:
            return self.labelled(para, label[1], label[2])
        if self.zone == "preamble":
            return self.preambular(para, following)
        return self.plain(para, following)

    def preamble_item(self, para: Para, sub: _Sub) -> int:
        """An item of the last preambular paragraph (Markdown written by unres)."""
        target = self.section_stack[-1].preamble if self.section_stack else self.preamble
        if not target or para.depth != 1:
            raise ParseError(f"item ({sub.label}) has no place in Markdown written by unres", line=para.line)
        self.preamble_subs.setdefault(target[-1].line, []).append(sub)
        return 1

    def preambular(self, para: Para, following: Para | None) -> int:
        if self.exact:
            if para.text.startswith("<!-- unnumbered -->"):
                self.zone = "operative"
                return self.exact_plain(para)
            target = self.section_stack[-1].preamble if self.section_stack else self.preamble
            target.append(para)
            return 1
        heads = [_shape(p.text) for p in self.preamble[-2:]]
        if self.preamble and (
            self._continues(para, [h for h in heads if h == "ing"]) or self._resumes_preambular(para)
        ):
            self.warn("T002", "paragraph split by a page break joined to the one before", para.line)
            self._append_to_last(para)
            return 1
        bare = _strip_markup(para.text)
        last_of_body = following is None or self._meeting_line(following.text)
        if (
            is_operative_start(bare, self.code)
            and _SUPERSCRIPT_TAIL.sub("", _CALL_TAIL.sub("", bare)).endswith(
                (".", ";", ":", "\u061b", "\uff1b", "\u3002", "\uff1a")
            )
            and (not is_preambular_start(bare, self.code) or last_of_body)
        ):
            self.zone = "operative"
            return self.plain(para, following)
        if self.section_stack and self.section_stack[-1].content == []:
            self.section_stack[-1].preamble.append(para)
        else:
            self.preamble.append(para)
        self.last_text_owner = para
        return 1

    def table(self, para: Para) -> int:
        """A table of Markdown written by unres: its JSON spec line, then the pipe rows."""
        spec_line, *rows = para.text.split("\n")
        try:
            spec = json.loads(spec_line[len(TABLE_MARK) :].removesuffix("-->"))
            if rows:
                del rows[1:2]  # the line under the header row
            table = []
            for cells, row in zip(spec, rows, strict=True):
                texts = row.removeprefix("| ").removesuffix(" |").split(" | ") if cells else []
                table.append(
                    [
                        (bool(header), int(colspan), int(rowspan), text.split("<br>") if count else [])
                        for (header, colspan, rowspan, count), text in zip(cells, texts, strict=True)
                    ]
                )
        except (ValueError, TypeError) as error:
            raise ParseError(f"a table unres did not write: {error}", line=para.line) from None
        return self.add_table(_Table(table, para.line))

    def pipe_table(self, para: Para) -> int:
        """A pipe table of extracted Markdown or plain text: the cells of its first row are header
        cells; a cell's words are its one paragraph, an empty cell has none ("\\|" is a bar)."""
        rows = para.text.split("\n")
        del rows[1]  # the line under the header row
        table = [
            [
                (number == 0, 1, 1, [cell] if cell else [])
                for cell in (
                    piece.strip().replace("\\|", "|") for piece in re.split(r"(?<!\\)\|", row.strip()[1:-1])
                )
            ]
            for number, row in enumerate(rows)
        ]
        return self.add_table(_Table(table, para.line))

    def add_table(self, table: _Table) -> int:
        """A table among the paragraphs: it ends the paragraph before it, and the preamble."""
        self.container.append(table)
        self.current = None
        self.subs = []
        self.last_text_owner = None
        if self.zone == "preamble":
            self.zone = "operative"
        return 1

    def _translated_formula(self, para: Para) -> bool:
        """The formula of another language ("La Asamblea General,"), on its own line."""
        assert self.language is not None
        words = plain(_strip_markup(para.text))
        if not words.startswith(self.language.formula) or len(words) > len(self.language.formula) + 2:
            return False
        self.formula = para
        self.zone = "preamble"
        return True

    def cross_heading(self, para: Para) -> int:
        """A cross-heading of Markdown written by unres: "#### <!-- heading -->I<!-- / --> Title"."""
        pieces = [*para.text[len(HEADING_MARK) :].split(HEADING_SEPARATOR), "", ""]
        heading, subheading = pieces[1].removeprefix(" "), pieces[2].removeprefix(" ")
        self.add_cross_heading(_Head(pieces[0] or None, heading, subheading, para.line), para.heading - 4)
        return 1

    def add_cross_heading(self, head: _Head, depth: int) -> None:
        """A cross-heading at a depth of sections: it holds nothing, the paragraphs after it stay
        in the section it stands in."""
        self.section_stack = self.section_stack[:depth]
        self.container = self.section_stack[-1].content if self.section_stack else self._top_container()
        self.container.append(head)
        self.current = None
        self.subs = []
        self.last_text_owner = None
        if self.zone == "preamble":
            self.zone = "operative"

    def section(self, para: Para, following: Para | None) -> int:
        if self.exact and para.text.startswith(HEADING_MARK):
            return self.cross_heading(para)
        if self.exact:
            text = para.text
            label: str | None = None
            heading = text
            if text.startswith(GUARD):
                heading = text[len(GUARD) :]
            else:
                match = re.match(
                    r"^([^\W_][\w\u064b-\u0652]{0,9}(?: [^\W_][\w\u064b-\u0652]{0,9})?)(?:\. (.*))?$", text
                )
                if match is not None:
                    label, heading = match[1], match[2] or ""
            self.open_section(_Sec(label, heading, para.line), para.heading - 4)
            return 1
        label_match = _SECTION_LABEL.match(para.text) or self._labelled_heading(para, following)
        label = label_match[1] if label_match else None
        heading = label_match[2] if label_match and label_match.re is _SECTION_LABEL_HEADING else ""
        used = 1
        if para.heading and not label_match:
            label, heading = None, para.text
        if (
            following is not None
            and not heading
            and not _NUM.match(following.text)
            and not _LABEL.match(following.text)
            and (following.heading == para.heading if para.heading else _ends_open(following.text))
            and len(following.text) < 300
        ):
            heading = following.text
            used = 2
        section = _Sec(label, heading, para.line)
        depth = max(0, para.heading - 4) if para.heading else 0
        self.open_section(section, depth)
        return used

    def open_section(self, section: _Sec, depth: int) -> None:
        self.section_stack = self.section_stack[:depth]
        parent = self.section_stack[-1].content if self.section_stack else self._top_container()
        parent.append(section)
        self.section_stack.append(section)
        self.container = section.content
        self.current = None
        self.subs = []
        self.last_text_owner = section
        if self.zone == "preamble":
            self.zone = "operative"

    def _top_container(self) -> list[_Op | _Sec | _Head | _Table]:
        return self.annexes[-1].content if self.annexes else self.operative

    def numbered(self, para: Para, number: int, rest: str) -> int:
        if self.zone == "preamble":
            self.zone = "operative"
        if not self.exact:
            split = next((m for m in _GLUED_NUMBER.finditer(rest) if int(m[1]) == number + 1), None)
            if split is not None:
                first, second = rest[: split.start()], rest[split.end() :]
                self.add_op(_Op(number, first, para.line))
                self.warn("T003", f"paragraph {number + 1} began inside paragraph {number}; split", para.line)
                return self.numbered(Para(para.line, f"{number + 1}. {second}"), number + 1, second)
        self.add_op(_Op(number, rest.removeprefix(GUARD) if self.exact else rest, para.line))
        return 1

    def _next_number(self) -> int:
        for item in reversed(self.container):
            if isinstance(item, _Op) and item.number is not None:
                return item.number
        return 0

    def add_op(self, op: _Op) -> None:
        self.container.append(op)
        self.current = op
        self.numbered_seen = self.numbered_seen or op.number is not None
        self.subs = []
        self.last_text_owner = op

    def close_lists(self) -> None:
        self.subs = []

    def labelled(self, para: Para, label: str, rest: str) -> int:
        depth = None
        if self.exact:
            depth = para.depth
        if self.exact:
            rest = rest.removeprefix(GUARD)
        parent: _Op | _Sub | None = self.current
        if parent is None and self.exact and self.zone == "preamble":
            return self.preamble_item(para, _Sub(label, rest, para.line))
        if parent is None:
            if self.zone == "preamble" and self.preamble and self.preamble_item_of_last(label, rest, para):
                return 1
            if self.zone == "preamble" and self.preamble:
                self.warn(
                    "T008", "sub-paragraphs in the preamble are kept as text of the paragraph", para.line
                )
                self._append_to_last(para)
                return 1
            self.warn(
                "T009", f"sub-paragraph ({label}) outside any paragraph: kept as a paragraph", para.line
            )
            self.add_op(_Op(None, para.text, para.line))
            return 1
        sub = _Sub(label, rest, para.line)
        self.place(sub, depth)
        return 1

    def preamble_item_of_last(self, label: str, rest: str, para: Para) -> bool:
        """Whether (and then as such) a labelled paragraph in the preamble is an item of the last
        preambular paragraph: the first item, (a) or (i), after a paragraph ending with a colon, or
        the next item of its list ("...a major contribution to:" / "(a) International peace")."""
        last = self.preamble[-1]
        items = self.preamble_subs.get(last.line, [])
        if items:
            if self.last_text_owner is not items[-1] or not continues([item.label for item in items], label):
                return False
        else:
            first = label in (FIRST["letter"], FIRST["roman"])
            if self.last_text_owner is not last or not first or not _opens_list(last.text):
                return False
        sub = _Sub(label, rest, para.line)
        self.preamble_subs.setdefault(last.line, []).append(sub)
        self.last_text_owner = sub
        return True

    def place(self, sub: _Sub, depth: int | None) -> None:
        """Put ``sub`` into the list where its label continues, or open a nested list."""
        assert self.current is not None
        if depth is not None:
            owner: _Op | _Sub = self.current
            for _ in range(depth - 1):
                owner = owner.subs[-1]
            owner.subs.append(sub)
            self.last_text_owner = sub
            return
        kind = label_kind(sub.label)
        chain: list[_Op | _Sub] = [self.current]
        while chain[-1].subs:
            chain.append(chain[-1].subs[-1])
        # Levels from the innermost open list outwards: does the label continue one of them?
        for level in range(len(chain) - 2, -1, -1):
            siblings = chain[level].subs
            last = siblings[-1].label
            if sub.label == "ii" and len(siblings) == 1 and last in ("1", "l"):
                # "(1)" then "(ii)": the scan read the first roman numeral as a one.
                message = f"a scanning slip read as it was meant: '({last})' as '(i)'"
                self.problems.append(
                    Problem("T023", message, Severity.WARNING, source=self.source, line=siblings[0].line)
                )
                siblings[0].label = "i"
                siblings.append(sub)
                self.last_text_owner = sub
                return
            if continues([s.label for s in siblings], sub.label):
                siblings.append(sub)
                self.last_text_owner = sub
                return
        if sub.label == FIRST.get(kind) or (sub.label == "i" and chain[-1] is not self.current):
            chain[-1].subs.append(sub)
        else:
            if len(chain) > 1:
                self.warn("T011", f"sub-paragraph ({sub.label}) is out of sequence", sub.line)
                chain[-2].subs.append(sub)
            else:
                chain[-1].subs.append(sub)
        self.last_text_owner = sub

    def plain(self, para: Para, following: Para | None) -> int:
        """An unnumbered, unlabelled paragraph in the operative part or an annex."""
        text = para.text
        if self.exact:
            return self.exact_plain(para)
        current = self.current
        siblings: list[str] = []
        if current is not None:
            chain: list[_Op | _Sub] = [current]
            while chain[-1].subs:
                chain.append(chain[-1].subs[-1])
            if len(chain) > 1:
                siblings = [_shape(s.text) for s in chain[-2].subs[-2:]]
        if following is not None and not _NUM.match(following.text) and not _LABEL.match(following.text):
            siblings.append(_shape(following.text))
        if current is not None and len(chain) > 1 and self._wraps_up(para, chain):
            return 1
        if self._continues(para, siblings) or self._resumes_numbered(para, following):
            self.warn("T002", "paragraph split by a page break joined to the one before", para.line)
            self._append_to_last(para)
            return 1
        section = self.section_stack[-1] if self.section_stack else None
        if section is not None and not section.content and self._section_preamble(para, split=True):
            section.preamble.append(para)  # a section opening with its own preambular paragraphs
            self.last_text_owner = para
            return 1
        if self._heads_adopted_text(para, following):
            self.add_cross_heading(_Head(None, "", text, para.line), 0)
            return 1
        if self._heading_like(para, following):
            # An unlabelled heading between numbered paragraphs is a cross-heading, as the UN's
            # files mark it (a paragraph holding a subheading): the paragraphs after it stay where
            # they are, in the numbered section if there is one.
            inside_numbered = bool(self.section_stack) and self.section_stack[0].label is not None
            depth = 1 if inside_numbered else 0
            if following is not None and self._opens_section(following):
                self.open_section(_Sec(None, text, para.line), depth)
            else:
                self.add_cross_heading(_Head(None, "", text, para.line), depth)
            return 1
        if current is not None and (current.subs or _opens_list(current.text) or _ends_open(current.text)):
            if not current.subs and _ends_open(current.text):
                self.warn("T019", "words may be missing at a page break before this list", para.line)
            lineage: list[_Op | _Sub] = [current]
            while lineage[-1].subs:
                lineage.append(lineage[-1].subs[-1])
            deepest = lineage[-1]
            owner = lineage[-2] if deepest is not current and not _opens_list(deepest.text) else deepest
            if owner.subs:
                kind = list_kind([s.label for s in owner.subs])
                label = label_at(kind, (position(owner.subs[-1].label, kind) or len(owner.subs)) + 1)
            else:
                label = "a" if owner is current else "i"
            if owner.subs and self._next_label() == label:
                # The list goes on with the very label this paragraph would get: it has lost no
                # label, it is a paragraph within the item before ("Note: ...").
                message = "an unlabelled paragraph within a list joined to the item before"
                self.warn("T025", message, para.line)
                self._append_to_last(para)
                return 1
            run = self.restored[-1] if self.restored else None
            if run is not None and owner.subs and run[-1][0] == owner.subs[-1].label and run[-1][2] is owner:
                run.append((label, para.line, owner))
            else:
                self.restored.append([(label, para.line, owner)])
            sub = _Sub(label, text, para.line)
            owner.subs.append(sub)
            self.last_text_owner = sub
            return 1
        self.add_op(_Op(None, text, para.line))
        return 1

    def _heading_like(self, para: Para, following: Para | None) -> bool:
        text = para.text
        if following is None or _ends_open(text) is False or len(text) > 120 or not text[:1].isupper():
            return False
        if self.last_text_owner is not None and _ends_open(self._last_text()):
            return False
        return bool(_NUM.match(following.text)) or self._opens_section(following)

    def _heads_adopted_text(self, para: Para, following: Para | None) -> bool:
        """Whether ``para`` is a heading of the text an unnumbered paragraph adopts ("Adopts the
        following political declaration ...:" / "Political declaration of ..." / "Universal health
        coverage: ..." / "We, Heads of State ..."): a short line with no stop, opening with a
        capital, right after that paragraph or another such heading, and before a paragraph
        opening with a capital (not an item whose label was lost: those end with a stop)."""
        text = para.text
        if following is None or len(text) > 200 or not text[:1].isupper() or not _ends_open(text):
            return False
        if not following.text[:1].isupper() or self.section_stack or self.zone != "operative":
            return False
        current = self.current
        if current is not None:
            return (
                current.number is None
                and not current.subs
                and self.last_text_owner is current
                and len(self.container) == 1
                and _opens_list(current.text)
            )
        return bool(self.container) and isinstance(self.container[-1], _Head) and len(self.container) <= 3

    def _labelled_heading(self, para: Para, following: Para | None) -> re.Match[str] | None:
        """The label and heading of a section set on one line, when ``para`` reads as a heading
        there: its heading opens with a capital and stops with no punctuation, after a paragraph
        that ended, and before a numbered paragraph or a section's own preamble."""
        match = _SECTION_LABEL_HEADING.match(para.text)
        if match is None or not match[2][:1].isupper() or not _ends_open(match[2]) or len(match[2]) > 300:
            return None
        if following is None or (self.last_text_owner is not None and _ends_open(self._last_text())):
            return None
        return match if _NUM.match(following.text) or self._section_preamble(following, split=True) else None

    def _opens_section(self, following: Para) -> bool:
        """Whether a heading before ``following`` is a section's, which holds the paragraphs after
        it up to the next heading, rather than a cross-heading among paragraphs numbered on: the
        heading has preambular paragraphs of its own, or paragraphs unnumbered, or the numbering
        starts again at 1."""
        if self._section_preamble(following, split=True):
            return True
        numbered = _NUM.match(following.text)
        if numbered is None:
            return is_operative_start(_strip_markup(following.text), self.code)
        return int(numbered[1]) == 1 and self.numbered_seen

    def _section_preamble(self, para: Para, *, split: bool = False) -> bool:
        """Whether ``para`` reads as a preambular paragraph in the operative part: it opens with a
        known preambular phrase and ends with a comma (the first of a section's own preamble), or
        with ``split``, with no punctuation (a page ended it)."""
        ending = _CALL_TAIL.sub("", para.text)
        return is_preambular_start(_strip_markup(para.text), self.code) and (
            ending.endswith(",")
            or re.search(r",\d{1,3}$", ending) is not None  # a call as digits
            or (split and _ends_open(ending))
        )

    def exact_plain(self, para: Para) -> int:
        text = para.text
        if text.startswith("<!-- unnumbered -->"):
            self.add_op(_Op(None, text[len("<!-- unnumbered -->") :], para.line))
            return 1
        if text.startswith("<!-- closing -->"):
            depth = para.depth
            owner: _Op | _Sub | None = self.current
            for _ in range(depth):
                assert owner is not None
                owner = owner.subs[-1]
            if owner is None:
                raise ParseError("closing text outside any paragraph", line=para.line)
            owner.closing = text[len("<!-- closing -->") :]
            return 1
        if self.section_stack and not self.section_stack[-1].content:
            self.section_stack[-1].preamble.append(para)
            return 1
        raise ParseError(f"paragraph {text[:40]!r} has no place in Markdown written by unres", line=para.line)


def _strip_markup(text: str) -> str:
    text = re.sub(rf"{CALL_OPEN}[^{CALL_CLOSE}]*{CALL_CLOSE}|\[\^[^\]]+\]|<[^>]+>", "", text)
    return text.replace("*", "").strip()


# --------------------------------------------------------------------------------------------
# Masthead


@define
class _Masthead:
    symbol: Symbol | None = None
    meeting: Meeting | None = None  # the Council's: "Adopted by the Security Council at its ..."
    session: str | None = None
    distribution: dt.date | None = None
    adoption: dt.date | None = None
    agenda: list[AgendaItem] = field(factory=list)
    origin: Origin | None = None


@cache
def _session_numbers() -> dict[str, int]:
    """The ordinary sessions by the words the masthead gives them: "seventy-third" -> 73."""
    return {session_title(str(n)).removesuffix(" session").lower(): n for n in range(1, 200)}


def _session_number(words: str) -> int | None:
    return _session_numbers().get(words.lower().replace("\u2011", "-"))


_AGENDA = re.compile(r"Agenda items? ((?:\d{1,3}(?: \([a-z]{1,2}\))?(?:, | and |,? and )?)+)")
_COUNCIL_SYMBOL = re.compile(r"\bS/RES/\d{1,4} \(\d{4}\)")
_COUNCIL_ADOPTED = re.compile(
    r"Adopted by the Security Council(?: at its (?P<number>\d{1,5})(?:st|nd|rd|th)"
    r"(?P<kind> \([a-z]+\))? meeting"
    rf"(?: \((?P<part>Part [IVX]+)\))?,)? on (?P<date>{_DATE_WORDS})(?: in (?P<place>[A-Z][\w ,.'-]*\w))?"
)
# "Resolution 242 (1967) / of 22 November 1967": the month as scanned ("3 Apri] 1991").
_COUNCIL_OF_DATE = re.compile(r"^of (\d{1,2}) (\S{3,9}) (\d{4})\b")


def _council_adopted(found: re.Match[str], record: str | None) -> tuple[Meeting | None, dt.date | None]:
    """The meeting and the adoption date of the Council's adoption line."""
    meeting = None
    if found["number"] is not None:
        kind = (found["kind"] or "").strip()  # "4337th (closed) meeting"
        meeting = Meeting(int(found["number"]), kind, record, None, found["part"], found["place"])
    return meeting, parse_date_words(found["date"])


def _scanned_month(word: str) -> str | None:
    """The month a scanned word stands for: itself, or the one month it differs from in a single
    character of the same position ("Apri]" is April); None if no month or more than one fits."""
    if word in MONTHS:
        return word
    close = [
        month
        for month in MONTHS
        if len(month) == len(word) and sum(a != b for a, b in zip(month, word, strict=True)) == 1
    ]
    return close[0] if len(close) == 1 else None


def _scan_slip(problems: list[Problem], source: str | None, line: int | None, seen: str, read: str) -> None:
    if seen != read:
        message = f"a scanning slip read as it was meant: {seen!r} as {read!r}"
        problems.append(Problem("T023", message, Severity.WARNING, source=source, line=line))


def _masthead(
    paras: list[Para], builder_problems: list[Problem], source: str | None, record: str | None
) -> _Masthead:
    facts = _Masthead()
    text = " ".join(_plain_md(para.text) for para in paras)
    used: list[tuple[int, int]] = []

    def use(match: re.Match[str] | None) -> re.Match[str] | None:
        if match is not None:
            used.append(match.span())
        return match

    if (found := use(re.search(r"A/RES/((?:ES-|S-)?\d{1,3})/(\d{1,4})\b(?: ([A-Z])\b)?", text))) is not None:
        facts.symbol = Symbol(found[1], int(found[2]), found[3])  # a part's letter: "A/RES/74/232 B"
    elif (found := use(_COUNCIL_SYMBOL.search(text))) is not None:
        facts.symbol = Symbol.parse(found[0])
    if (found := use(_COUNCIL_ADOPTED.search(text))) is not None:
        facts.meeting, facts.adoption = _council_adopted(found, record)
    if (found := use(_COUNCIL_OF_DATE.search(text))) is not None and (month := _scanned_month(found[2])):
        _scan_slip(builder_problems, source, paras[0].line, found[2], month)
        facts.adoption = parse_date_words(f"{found[1]} {month} {found[3]}")
    if (found := use(re.search(rf"Distr\.: ?General(?: ({_DATE_WORDS}))?", text))) is not None and found[1]:
        facts.distribution = parse_date_words(found[1])
    found = use(re.search(r"\b([A-Z][a-z]+(?:-[a-z]+)?) (?:(?:emergency )?special )?session\b", text))
    if found is not None:
        number = _session_number(found[1])
        facts.session = str(number) if number is not None else None
    adopted = use(re.search(rf"Resolution adopted by the General Assembly(?: on)? ({_DATE_WORDS})", text))
    if adopted is not None:
        facts.adoption = parse_date_words(adopted[1])
    report = use(REPORT_LINE.search(text))
    if report is not None:
        facts.origin = Origin.of(report["document"], report["committee"].strip())
    else:
        bare = use(NO_REPORT_LINE.search(text))
        if bare is not None:
            facts.origin = Origin.of(bare["document"])
    agenda = use(_AGENDA.search(text))
    if agenda is not None:
        items = re.findall(r"(\d{1,3})(?: \(([a-z]{1,2})\))?", agenda[1])  # "98 (ii)": after (z) come (aa)
        end = agenda.end()
        stop = adopted.start() if adopted is not None and adopted.start() > end else len(text)
        title = text[end:stop].strip(" ,") if len(items) == 1 else ""
        facts.agenda = [AgendaItem(int(n), s or None, None) for n, s in items]
        if title:
            facts.agenda[0] = attrs.evolve(facts.agenda[0], title=title)
            used.append((end, stop))
    for known in (
        "United Nations",
        "General Assembly",
        "Security Council",
        "Resolution adopted by the General Assembly on",
    ):
        for match in re.finditer(re.escape(known), text):
            used.append(match.span())
    left = text
    for start, end in sorted(used, reverse=True):
        left = left[:start] + " " * (end - start) + left[end:]
    if left.split():
        builder_problems.append(
            Problem(
                "T013",
                f"masthead words not understood and not kept: {' '.join(left.split())[:80]!r}",
                Severity.WARNING,
                source=source,
                line=paras[0].line if paras else None,
            )
        )
    return facts


def _inline_at(text: str, line: int, source: str | None, *, exact: bool = True) -> Text:
    """Inline Markdown read into text; what cannot be read is a ParseError at its line."""
    try:
        return parse_inline(text, exact=exact)
    except InlineError as error:
        raise ParseError(str(error), source=source, line=line) from None


def _inline_words(text: str, line: int, source: str | None) -> str:
    """The words of inline Markdown (a title of an agenda item), markup aside."""
    return plain_text(_inline_at(text, line, source))


_ADOPTED = re.compile(rf"Resolutions? adopted by the General Assembly on (?P<date>{_DATE_WORDS})")


def _exact_masthead(paras: list[Para], source: str | None, record: str | None, code: str) -> _Masthead:
    """The masthead of Markdown written by unres: one fact per line, in the document's language."""
    facts = _Masthead()
    after_distr = False
    titles_follow = False  # after "Agenda items 14 and 122" come the titles, a line each
    language = languages().get(code)
    words = printed(code)
    fixed = {"United Nations", "General Assembly", "Security Council"} | (
        language.masthead if language else set()
    )
    distributions = {"Distr.: General", *([str(words.words["distribution"])] if words else [])}

    def date_of(text: str) -> dt.date | None:
        return parse_date_words(text) or (language.parse_date(text) if language else None)

    def adopted(text: str) -> dt.date | None:
        found = _ADOPTED.fullmatch(text) or (language.adopted.fullmatch(text) if language else None)
        return date_of(found["date"]) if found else None

    for para in paras:
        text = para.text.lstrip("#").strip()
        if text in distributions:
            after_distr = True
            continue
        if text in fixed:
            continue
        if (council := _COUNCIL_ADOPTED.fullmatch(text.strip("*"))) is not None:
            facts.meeting, facts.adoption = _council_adopted(council, record)
            continue
        if after_distr and (distributed := date_of(text)) is not None:
            facts.distribution = distributed
            after_distr = False
            continue
        if (
            symbol := re.fullmatch(r"(A/RES/\S+(?: [A-Z])?)(?: [A-Z]-[A-Z])?|(S/RES/\d+ \(\d+\))", text)
        ) is not None:
            try:
                facts.symbol = Symbol.parse(symbol[1] or symbol[2])
            except ModelError as error:
                raise ParseError(error.message, source=source, line=para.line) from None
            continue
        if (
            agenda := re.fullmatch(r"Agenda item (\d{1,3})(?: \(([A-Za-z0-9]+)\))?(?: (.*))?", text)
        ) is not None:
            title = _inline_words(agenda[3], para.line, source) if agenda[3] else None
            facts.agenda.append(AgendaItem(int(agenda[1]), agenda[2], title))
            continue
        if (several := re.fullmatch(r"Agenda items (.+)", text)) is not None:
            # "Agenda items 14 and 122", the title of each on the lines that follow.
            for number, sub_item in re.findall(r"(\d{1,3})(?: \(([A-Za-z0-9]+)\))?", several[1]):
                facts.agenda.append(AgendaItem(int(number), sub_item or None, None))
            titles_follow = True
            continue
        if language is not None and (translated := language.agenda_title(text)) is not None:
            items, title = translated
            if title is not None:
                items[0] = attrs.evolve(items[0], title=_inline_words(title, para.line, source))
            facts.agenda.extend(items)
            titles_follow = len(items) > 1
            continue
        untitled = [index for index, item in enumerate(facts.agenda) if item.title is None]
        masthead_line = text.startswith("[") or adopted(text) is not None
        if titles_follow and untitled and not masthead_line:
            title = _inline_words(text, para.line, source)
            facts.agenda[untitled[0]] = attrs.evolve(facts.agenda[untitled[0]], title=title)
            continue
        if (adoption := adopted(text)) is not None:
            facts.adoption = adoption
            continue
        if (report := REPORT_LINE.fullmatch(text)) is not None:
            facts.origin = Origin.of(report["document"], report["committee"])
            continue
        if (bare := NO_REPORT_LINE.fullmatch(text)) is not None:
            facts.origin = Origin.of(bare["document"])
            continue
        if language is not None and (origin := read_origin(text, code)) is not None:
            facts.origin = origin
            continue
        session = facts.symbol.session if facts.symbol else None
        if text.endswith(" session") or (words and session and text == words.session(session)):
            continue
        raise ParseError(f"masthead line {text!r} is not one unres writes", source=source, line=para.line)
    return facts


def _detected_language(paras: list[Para]) -> str:
    """The language whose masthead words a text's masthead prints ("Nations Unies"); English if
    none."""
    lines = {plain(_plain_md(para.text)) for para in paras}
    for language in languages().values():
        if lines & language.masthead - {"Distr.: General"}:
            return language.code
    return "eng"


def _translated_masthead(
    paras: list[Para], problems: list[Problem], source: str | None, code: str
) -> _Masthead:
    """The masthead of a text in another language than English, a fact a line."""
    language = languages()[code]
    words = printed(code)
    facts = _Masthead()
    not_read: list[str] = []
    after_distr = False
    agenda_open = False  # the lines after an agenda line hold its item's title, maybe wrapped
    texts = [
        piece for para in paras for piece in _masthead_pieces(plain(_plain_md(para.text)), language, words)
    ]
    for text in texts:
        continues, agenda_open = agenda_open, False
        if (words is not None and text == str(words.words["distribution"])) or text == "Distr.: General":
            after_distr = True
        elif text in language.masthead:
            continue
        elif after_distr and (distributed := language.parse_date(text) or parse_date_words(text)):
            facts.distribution, after_distr = distributed, False
        elif (symbol := re.fullmatch(r"A/RES/\S+(?: [A-Z])?", text)) is not None:
            facts.symbol = Symbol.parse(symbol[0])
        elif (adopted := language.adopted.fullmatch(text)) is not None:
            facts.adoption = language.parse_date(adopted["date"])
        elif (agenda := language.agenda_title(text)) is not None:
            items, title = agenda
            if title is not None:
                items[0] = attrs.evolve(items[0], title=title)
            facts.agenda.extend(items)
            agenda_open = len(items) == 1
        elif (origin := read_origin(text, code)) is not None:
            facts.origin = origin
        elif continues and text and not text.startswith("["):
            # A line none of the others after an agenda line: (a piece of) its item's title.
            title = facts.agenda[-1].title
            facts.agenda[-1] = attrs.evolve(facts.agenda[-1], title=f"{title} {text}" if title else text)
            agenda_open = True
        elif words is not None and facts.symbol is not None and facts.symbol.session is not None:
            if text != words.session(facts.symbol.session):
                not_read.append(text)
        elif words is not None and (number := _session_names(code).get(text)) is not None:
            facts.session = number  # the symbol is in the front matter, or the running head only
        else:
            not_read.append(text)
    if not_read:
        message = f"masthead words not understood and not kept: {' '.join(not_read)[:80]!r}"
        problems.append(Problem("T013", message, Severity.WARNING, source=source, line=paras[0].line))
    return facts


def _masthead_pieces(text: str, language: Any, words: Any) -> list[str]:
    """The lines of a translated masthead that extraction set on one ("联合国大会 Distr.: General
    18 November 2025", "第八十届会议议程项目89 ..."), apart: its fixed words, then what follows
    them, and the session before the agenda line."""
    pieces: list[str] = []
    names = sorted(language.masthead | {"Distr.: General"}, key=len, reverse=True)
    while (name := next((n for n in names if text.startswith(n) and text != n), None)) is not None:
        pieces.append(name)
        text = text[len(name) :].strip()
    if words is not None:
        heads = {str(words.words[key]).split("{items}")[0].strip() for key in ("agenda", "agenda_many")}
        for head in heads:
            at = text.find(head, 1)
            if at > 0 and language.agenda_title(text[at:]) is not None:
                pieces.append(text[:at].strip())
                text = text[at:]
                break
    return [*pieces, text] if text else pieces


@cache
def _session_names(code: str) -> dict[str, str]:
    """The sessions' names in language ``code`` ("Soixante-quinzième session"), to their number;
    made once, not for each masthead line read."""
    words = printed(code)
    names: dict[str, str] = {}
    if words is None:
        return names
    for kind in ("", "ES-", "S-"):
        for number in range(1, 100):
            names.setdefault(words.session(f"{kind}{number}"), str(number))
    return names


def _plain_md(text: str) -> str:
    text = text.lstrip("#")
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return " ".join(text.replace("*", " ").replace("\\", "").split())


# --------------------------------------------------------------------------------------------
# From source paragraphs to the model


class _Inline:
    """Reads inline text; holds what the builder found for the paragraphs it is used on."""

    def __init__(
        self,
        markers: set[str],
        markdown: bool,
        exact: bool,
        source: str | None,
        preamble_subs: dict[int, list[_Sub]],
    ) -> None:
        self.markers = markers
        self.markdown = markdown
        self.exact = exact
        self.source = source
        self.preamble_subs = preamble_subs  # items of preambular paragraphs, by the paragraph's line
        self.code = "eng"  # the document's language

    def __call__(self, text: str, line: int) -> Text:
        if self.markdown:
            try:
                parsed = parse_inline(text, self.markers, exact=self.exact)
            except (InlineError, ModelError) as error:
                raise ParseError(str(error), source=self.source, line=line) from None
        else:
            parsed = plain_calls(text, self.markers)
        return parsed if self.exact else recognise(parsed)


def _opening(text: Text, kind: str, exact: bool, code: str = "eng") -> tuple[str | None, Text]:
    opening, rest = split_opening(text, code)
    if opening is not None or exact:
        return opening, rest
    if text and isinstance(text[0], str):
        phrase, remainder = find_opening(text[0], kind, code)
        if phrase is not None:
            return phrase, normalize_text((remainder, *text[1:]))
    return None, text


def _subs(items: list[_Sub], inline: _Inline) -> tuple[SubParagraph, ...]:
    return tuple(
        SubParagraph(s.label, inline(s.text, s.line), _subs(s.subs, inline), inline(s.closing, s.line))
        for s in items
    )


def _items(
    items: list[_Op | _Sec | _Head | _Table], inline: _Inline, exact: bool
) -> tuple[OperativeItem, ...]:
    out: list[OperativeItem] = []
    for item in items:
        if isinstance(item, _Table):
            rows = [
                TableRow(
                    [
                        TableCell([inline(p, item.line) for p in texts], header, colspan, rowspan)
                        for header, colspan, rowspan, texts in row
                    ]
                )
                for row in item.rows
            ]
            out.append(Table(rows))
        elif isinstance(item, _Head):
            out.append(
                Heading(item.label, inline(item.heading, item.line), inline(item.subheading, item.line))
            )
        elif isinstance(item, _Sec):
            preamble = tuple(_preambular(p, inline, exact) for p in item.preamble)
            out.append(
                Section(
                    item.label, inline(item.heading, item.line), preamble, _items(item.content, inline, exact)
                )
            )
        else:
            opening, text = _opening(inline(item.text, item.line), "operative", exact, inline.code)
            out.append(
                OperativeParagraph(
                    item.number, text, opening, _subs(item.subs, inline), inline(item.closing, item.line)
                )
            )
    return tuple(out)


def _preambular(para: Para, inline: _Inline, exact: bool) -> PreambularParagraph:
    opening, text = _opening(inline(para.text, para.line), "preambular", exact, inline.code)
    return PreambularParagraph(text, opening, _subs(inline.preamble_subs.get(para.line, []), inline))


def _exact_split(body: list[Para]) -> list[Para]:
    """In Markdown written by unres, ``&emsp;`` before a label or closing text gives its depth."""
    out = []
    for para in body:
        text = para.text
        depth = 0
        marker = ""
        if text.startswith("<!-- closing -->"):
            marker, text = "<!-- closing -->", text[len("<!-- closing -->") :]
        while text.startswith("&emsp;"):
            depth += 1
            text = text[len("&emsp;") :]
        if marker:
            out.append(Para(para.line, marker + text, depth=depth))
        elif (depth or not para.heading) and _EXACT_ITEM.match(text):
            out.append(Para(para.line, text, depth=depth + 1))
        else:
            out.append(para)
    return out


# A part's heading in Markdown written by unres: its letter ("B", the Arabic "باء") and title.
_PART_HEADING = re.compile(r"^([A-Z]|[^\W\d_]{2,5})\.(?: (.*))?$")


def _formula_line(text: str, code: str) -> bool:
    """Whether ``text`` is the enacting formula alone, in English or the document's language."""
    formula = _FORMULA.match(text)
    if formula is not None:
        return not formula[5]
    language = languages().get(code)
    return language is not None and plain(_strip_markup(text)).rstrip(" ,\u060c\uff0c") == language.formula


def _part_chunks(body: list[Para]) -> list[tuple[Para, list[Para]]]:
    """Markdown written by unres for a resolution in parts: "### A. Title" opens each part."""
    if not body or body[0].heading != 3 or not _PART_HEADING.match(body[0].text):
        return []
    chunks: list[tuple[Para, list[Para]]] = []
    for para in body:
        if para.heading == 3 and _PART_HEADING.match(para.text):
            chunks.append((para, []))
        else:
            chunks[-1][1].append(para)
    return chunks


def _built(body: list[Para], source: str | None, problems: list[Problem], exact: bool, code: str) -> _Builder:
    builder = _Builder(source, problems, exact, code)
    builder.run(body)
    return builder


def parse(
    data: str, *, source: str | None = None, markdown: bool | None = None
) -> tuple[Resolution, list[Problem]]:
    """Read a resolution from text; return it with the repairs and doubts found on the way."""
    split = split_source(data, source=source, markdown=markdown)
    exact = split.markdown and str(split.front.get(FORMAT_MARK, "")) == "1"
    problems = list(split.problems)
    if split.title is None:
        raise FormatError(
            "no resolution found: no title line such as '73/266. Title' or 'Resolution 1441 (2002)' "
            "in the text",
            source=source,
            line=1,
        )
    notes = _notes(split.notes, problems, source)
    markers = [note.marker for note in notes]
    body = _exact_split(split.body) if exact else split.body
    if not exact:
        _join_broken_hyphens(body, problems, source)
    title_called = _title_calls(split.title.text, markers)[1] if not exact else []
    if not exact and markers:
        _Calls([marker for marker in markers if marker not in title_called], problems, source).run(body)
    chunks = _part_chunks(body) if exact else []
    code = _language(split.front) if "language" in split.front else _detected_language(split.masthead)
    part_head: Para | None = None
    lone_part = not exact and len(body) > 1
    if lone_part and _PART_HEADING.match(body[0].text) and _formula_line(body[1].text, code):
        # One part of a resolution in parts, alone in its file: "A. Title" above its formula.
        part_head, body = body[0], body[1:]
    parts = [(head, _built(paras, source, problems, exact, code)) for head, paras in chunks]
    builder = _built([] if chunks else body, source, problems, exact, code)
    try:
        resolution = _resolution(split, builder, parts, notes, problems, source, exact, code, part_head)
    except ModelError as error:
        raise ParseError(error.message, source=source) from None
    problems.sort(key=lambda p: (p.line or 0, p.code))
    return resolution, problems


# "whole- of-government": a word broken by a hyphen at a line end, joined back with a space by the
# extraction. A hyphen before "and", "or" ... is a suspended one, as printed ("low- and middle-income").
_BROKEN_HYPHEN = re.compile(rf"(?<=[^\W\d_])- (?!(?:{SUSPENDED_WORDS})\b)(?=[^\W\d_])")


def _join_broken_hyphens(paras: list[Para], problems: list[Problem], source: str | None) -> None:
    """Join words that the extraction left broken after a hyphen (T022), paragraph by paragraph."""
    for para in paras:
        for found in _BROKEN_HYPHEN.finditer(para.text):
            start = para.text.rfind(" ", 0, found.start()) + 1
            end = para.text.find(" ", found.end())
            broken = para.text[start : end if end != -1 else len(para.text)]
            problems.append(
                Problem(
                    "T022",
                    f"a word broken after a hyphen joined: {broken!r} read as {broken.replace('- ', '-')!r}",
                    Severity.WARNING,
                    source=source,
                    line=para.line,
                )
            )
        para.text = _BROKEN_HYPHEN.sub("-", para.text)


def _notes(notes: list[Note], problems: list[Problem], source: str | None) -> list[Note]:
    seen: dict[str, Note] = {}
    for note in notes:
        if note.marker in seen:
            problems.append(
                Problem(
                    "T014",
                    f"footnote {note.marker} appears twice; the second text is joined to the first",
                    Severity.WARNING,
                    source=source,
                    line=note.line,
                )
            )
            seen[note.marker].text += " " + note.text
        else:
            seen[note.marker] = note
    return list(seen.values())


# A footnote's call at the end of a title line: digits against its last word or stop
# ("United Nations common system1"), "[^1]", "<sup>1</sup>" or superscript digits.
_TITLE_CALL = re.compile(
    r"(?:(?<=[^\W\d_])|(?<=[.,;:)\]\u201d\u2019\u00bb])|(?<=\b(?:19|20)\d\d))(\d{1,2})$"
    r"|\[\^([^\]\s]+)\]$|<sup>([^<\s]+)</sup>$|([\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+)$"
)


def _title_calls(title: str, markers: list[str]) -> tuple[str, list[str]]:
    """A title's words and the calls of notes at its end, in text not written by unres: digits
    against a word, a stop or a year ("... for 20211") only for one of the first two notes (the
    masthead's line of origin may have the first), the marked forms for any."""
    calls: list[str] = []
    while (found := _TITLE_CALL.search(title)) is not None:
        marker = found[1] or found[2] or found[3] or from_superscript(found[4])
        if marker not in markers or (found[1] and (calls or marker not in markers[:2])):
            break
        calls.insert(0, marker)
        title = title[: found.start()].rstrip()
    return title, calls


def _title_text(title: str, line: int, source: str | None) -> tuple[str, list[str]]:
    """The words of a title line of Markdown written by unres, and the footnote calls ending it."""
    pieces = _inline_at(title, line, source)
    notes: list[str] = []
    while pieces and isinstance(pieces[-1], FootnoteCall):
        notes.insert(0, pieces[-1].marker)
        pieces = pieces[:-1]
    return "".join(str(p) for p in pieces), notes


def _closing(
    builder: _Builder,
    adoption: dt.date | None,
    record: str | None,
    problems: list[Problem],
    source: str | None,
) -> tuple[Meeting | None, dt.date | None, dt.date | None]:
    """The meeting and the closing date of the closing line, and the adoption date it gives."""
    meeting = None
    if builder.meeting is not None:
        para, meeting_number, kind, part, meeting_date, place = builder.meeting
        if adoption is None:
            adoption = meeting_date
        elif meeting_date is not None and meeting_date != adoption:
            problems.append(
                Problem(
                    "T018",
                    "the closing date differs from the adoption date; both are kept (rule R016)",
                    Severity.WARNING,
                    source=source,
                    line=para.line,
                )
            )
        printed = meeting_date if meeting_date != adoption else None
        meeting = Meeting(meeting_number, kind, record, printed, part, place)
    closing_date = None
    if builder.closing_date is not None:
        closing_date = builder.closing_date[1]
        adoption = adoption or closing_date
    return meeting, closing_date, adoption


def _formula(builder: _Builder, symbol: Symbol, markdown: bool, exact: bool, source: str | None) -> Text:
    if builder.formula is None:
        return ()
    if builder.language is not None and not exact:
        # Another language's formula as written, in italics as the UN prints it, then its comma.
        words = plain(_strip_markup(builder.formula.text))
        punctuation = words[len(builder.language.formula) :].strip()
        return (Emphasis((builder.language.formula,)), punctuation) if punctuation else (Emphasis((words,)),)
    if markdown and (exact or "*" in builder.formula.text or "_" in builder.formula.text):
        return _inline_at(builder.formula.text, builder.formula.line, source, exact=exact)
    formula = Emphasis((f"The {symbol.body.title}",))
    return (formula, ",") if builder.formula.text.endswith(",") else (formula,)


def _body(builder: _Builder, inline: _Inline, exact: bool) -> dict[str, Any]:
    """Preamble, operative part and annexes as the fields of a resolution or a part."""
    inline.preamble_subs = builder.preamble_subs
    annexes = tuple(
        Annex(a.label, inline(a.heading, a.line), _items(a.content, inline, exact)) for a in builder.annexes
    )
    return {
        "preamble": tuple(_preambular(p, inline, exact) for p in builder.preamble),
        "operative": _items(builder.operative, inline, exact),
        "annexes": annexes,
    }


def _resolution(
    split: Source,
    builder: _Builder,
    parts: list[tuple[Para, _Builder]],
    notes: list[Note],
    problems: list[Problem],
    source: str | None,
    exact: bool,
    code: str = "eng",
    part_head: Para | None = None,
) -> Resolution:
    front = split.front
    unknown = sorted(set(front) - _FRONT_KEYS)
    if unknown:
        problems.append(
            Problem(
                "T020",
                f"front matter not kept (not part of the resolution): {', '.join(unknown)}",
                Severity.WARNING,
                source=source,
                line=1,
            )
        )
    record = _front_str(front, "meeting_record")
    facts = (
        _exact_masthead(split.masthead, source, record, code)
        if exact
        else _translated_masthead(split.masthead, problems, source, code)
        if code in languages()
        else _masthead(split.masthead, problems, source, record)
    )
    title_para = split.title
    assert title_para is not None
    number, _, title = title_para.text.partition(". ")
    if not exact:
        title = " ".join(title.replace("*", " ").split())  # "**80/1.** **Title**"
        number = " ".join(number.replace("*", " ").split())
        if code in languages():
            number = resolution_number(f"{number}.", code).removesuffix(".")  # "75/245 باء": "75/245 B"
    else:
        number = resolution_number(f"{number}.", _language(front)).removesuffix(".")
    symbol = facts.symbol
    if symbol is None and isinstance(front.get("symbol"), str):
        try:
            symbol = Symbol.parse(str(front["symbol"]))
        except ModelError:
            symbol = None
    if symbol is None:
        symbol = Symbol.parse(f"S/RES/{number}" if "(" in number else f"A/RES/{number}")
    elif symbol.resolution_number != number and not ((parts or part_head) and symbol.part):
        problems.append(
            Problem(
                "T015",
                f"the title's number {number} does not match the symbol {symbol}",
                Severity.WARNING,
                source=source,
                line=title_para.line,
            )
        )
    if facts.session is not None and facts.session != (symbol.session or "").split("-")[-1]:
        problems.append(
            Problem(
                "T016",
                f"the masthead's session ({facts.session}) does not match {symbol}",
                Severity.WARNING,
                source=source,
            )
        )
    title_notes: list[str] = []
    main_titles: list[str] = []
    heading = _PART_HEADING.match(parts[0][0].text) if exact and len(parts) == 1 else None
    if heading is not None and symbol.part == (part_letter(heading[1], code) or heading[1]):
        # One part of a resolution in parts: the whole's titles above the part's letter and title.
        head, builder = parts.pop()
        main_titles = [_title_text(line, title_para.line, source)[0] for line in title.split("\n")]
        title, title_notes = _title_text(heading[2] or "", head.line, source)
    elif exact:
        title, title_notes = _title_text(title, title_para.line, source)
    elif part_head is not None:
        letter, part_title = _PART_HEADING.match(part_head.text).groups("")  # type: ignore[union-attr]
        main_titles, title = [title], part_title
        if symbol.part is None:
            symbol = attrs.evolve(symbol, part=letter)
        elif symbol.part != letter:
            message = f"the part's letter {letter} does not match the symbol {symbol}"
            problems.append(Problem("T015", message, Severity.WARNING, source=source, line=part_head.line))
    if not exact:
        title, title_notes = _title_calls(title, [note.marker for note in notes])
    front_title = front.get("title")
    if isinstance(front_title, str) and not exact:
        full = " ".join(front_title.rstrip(" :").split())
        if full != title and full.startswith(title) and len(full) > len(title):
            problems.append(
                Problem(
                    "T017",
                    "title cut short in the text; completed from the front matter title",
                    Severity.WARNING,
                    source=source,
                    line=title_para.line,
                )
            )
            title = full
    meeting, closing_date, adoption = _closing(builder, facts.adoption, record, problems, source)
    written = _front_date(front, "adoption_date")  # the Council's line printing another date
    if written is not None and adoption is not None and facts.meeting is not None and written != adoption:
        facts.meeting = attrs.evolve(facts.meeting, date=adoption)
        adoption = written
    vote = _vote(front)
    remark = _front_str(front, "adoption_remark")
    if facts.meeting is not None:
        meeting = facts.meeting
    if builder.council_closing is not None:
        para, closing = builder.council_closing
        digits = closing["number"].translate(str.maketrans("IlO", "110"))
        _scan_slip(problems, source, para.line, closing["number"], digits)
        meeting = Meeting(int(digits), "", record)
        read_vote, read_remark = _council_vote(closing, symbol, para.line, problems, source)
        vote = vote if vote is not None else read_vote
        remark = remark if remark is not None else read_remark
    if adoption is None:
        raise ParseError(
            "no adoption date: neither 'Resolution adopted by the General Assembly on ...' "
            "nor a date under the meeting line",
            source=source,
            line=title_para.line,
        )
    inline = _Inline({n.marker for n in notes}, split.markdown, exact, source, {})
    inline.code = code
    formula = _formula(builder, symbol, split.markdown, exact, source)
    return Resolution(
        symbol=symbol,
        title=title,
        title_notes=title_notes,
        adoption_date=adoption,
        distribution_date=facts.distribution
        if facts.distribution
        else _front_date(front, "distribution_date"),
        language=code,
        agenda_items=facts.agenda,
        origin=facts.origin,
        # A resolution in parts has the formula in each part; the whole keeps the standard one.
        enacting_formula=formula if not parts else (Emphasis((f"The {symbol.body.title}",)), ","),
        **_body(builder, inline, exact),
        footnotes=tuple(Footnote(n.marker, inline(n.text, n.line)) for n in notes),
        meeting=meeting,
        vote=vote,
        adoption_remark=remark,
        closing_date=closing_date,
        draft=_draft(front),
        keywords=_keywords(front),
        markup_date=_front_date(front, "markup_date"),
        extensions=tuple(Foreign(str(x)) for x in _front_list(front, "extensions")),
        parts=_parts(parts, front, symbol, adoption, inline, problems, source),
        main_titles=main_titles,
    )


def _parts(
    parts: list[tuple[Para, _Builder]],
    front: dict[str, object],
    symbol: Symbol,
    adoption: dt.date,
    inline: _Inline,
    problems: list[Problem],
    source: str | None,
) -> tuple[ResolutionPart, ...]:
    """The parts of Markdown written by unres, with what its front matter holds for each."""
    extra = _front_list(front, "parts")
    out = []
    for index, (head, builder) in enumerate(parts):
        facts = extra[index] if index < len(extra) and isinstance(extra[index], dict) else {}
        label, title = _PART_HEADING.match(head.text).groups("")  # type: ignore[union-attr]
        label = part_letter(label, _language(front)) or label
        meeting, closing_date, _ = _closing(
            builder, adoption, _front_str(facts, "meeting_record"), problems, source
        )
        out.append(
            ResolutionPart(
                label=label,
                title=_title_text(title, head.line, source)[0],
                enacting_formula=_formula(builder, symbol, True, True, source),
                **_body(builder, inline, True),
                meeting=meeting,
                vote=_vote(facts),
                closing_date=closing_date,
                extensions=tuple(Foreign(str(x)) for x in _front_list(facts, "extensions")),
            )
        )
    return tuple(out)


_NUMBER_WORDS = {"none": 0, "no": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_COUNT = r"\d{1,2}|none|no|one|two|three|four|five|six"
# The Council's vote as its closing line words it: "by 12 votes to 1 (Cuba), with 2 abstentions
# (Ecuador, Yemen)", "by 14 votes to none", and what follows ("One member (Yemen) did not
# participate in the vote.") as a remark.
_COUNCIL_VOTE = re.compile(
    rf"^by (?P<yes>{_COUNT}) votes? to (?P<no>{_COUNT})(?: \((?P<no_members>[^)]*)\))?"
    rf"(?:,? with (?P<abstaining>{_COUNT}) abstentions? ?(?:\((?P<abstaining_members>[^)]*)\))?)?"
    r"[.;]?(?:\s+(?P<remark>\S.*))?$",
    re.IGNORECASE,
)


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS[word.lower()]


def _members(words: str | None) -> tuple[str, ...]:
    """ "Ecuador, Yemen", "China and France" as the names of member states."""
    if not words:
        return ()
    return tuple(name.strip() for name in re.split(r",\s*(?:and\s+)?|\s+and\s+", words) if name.strip())


def _council_vote(
    closing: re.Match[str], symbol: Symbol, line: int, problems: list[Problem], source: str | None
) -> tuple[Vote | None, str | None]:
    """The vote of the Council's closing line, and the words of it that are a remark.

    "Adopted unanimously" counts the whole Council of the year (11 members until 1965, 15 since),
    as DGACM's data does; a vote the words do not give is None, and words unres cannot read are
    kept whole as the adoption remark, with a warning.
    """
    rest = (closing["rest"] or "").strip()
    members = 11 if (symbol.year or 0) < 1966 else 15
    if closing["unanimously"] and rest in ("", "."):
        return RecordedVote(members, 0, 0), None
    if not rest or rest == ".":
        return None, None
    found = _COUNCIL_VOTE.match(rest)
    if found is None or closing["unanimously"]:
        whole = _strip_markup(closing[0])
        message = f"the vote in the closing line is not understood; its words are kept as a remark: {whole!r}"
        problems.append(Problem("T024", message, Severity.WARNING, source=source, line=line))
        return None, whole
    against, abstaining = found["no_members"], found["abstaining_members"]
    vote = RecordedVote(
        _count(found["yes"]),
        _count(found["no"]),
        _count(found["abstaining"]) if found["abstaining"] else 0,
        (),
        _members(against),
        _members(abstaining),
    )
    return vote, found["remark"]


def _front_str(front: dict[str, object], key: str) -> str | None:
    value = front.get(key)
    return value if isinstance(value, str) else None


def _front_list(front: dict[str, object], key: str) -> list[Any]:
    value = front.get(key)
    return value if isinstance(value, list) else []


def _front_date(front: dict[str, object], key: str) -> dt.date | None:
    value = _front_str(front, key)
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        raise FormatError(f"front matter {key}: {value!r} is not a date (YYYY-MM-DD)") from None


def _language(front: dict[str, object]) -> str:
    value = (_front_str(front, "language") or "eng").strip().lower()
    return LANGUAGES.get(value, value)


def _vote(front: dict[str, object]) -> Vote | None:
    value = front.get("vote")
    if value is None:
        return None
    if value == "without vote":
        return AdoptedWithoutVote()
    if value == "by acclamation":
        return AdoptedByAcclamation()
    try:
        assert isinstance(value, dict)
        yes, no, abstain = (
            tuple(str(state) for state in value.get(f"{column}_members", ()))
            for column in ("in_favour", "against", "abstaining")
        )
        return RecordedVote(
            int(value["in_favour"]), int(value["against"]), int(value["abstaining"]), yes, no, abstain
        )
    except (AssertionError, KeyError, TypeError, ValueError, ModelError):
        raise FormatError(f"front matter vote: {value!r} is not a vote unres writes") from None


def _draft(front: dict[str, object]) -> WorkflowDocument | None:
    value = front.get("draft")
    if value is None:
        return None
    try:
        assert isinstance(value, dict)
        sponsors, added = value.get("sponsors"), value.get("additional_sponsors")
        return WorkflowDocument(
            str(value["symbol"]),
            dt.date.fromisoformat(str(value["date"])),
            None if sponsors is None else str(sponsors),
            None if added is None else str(added),
        )
    except (AssertionError, KeyError, TypeError, ValueError, ModelError):
        raise FormatError(f"front matter draft: {value!r} is not a draft unres writes") from None


def _keywords(front: dict[str, object]) -> tuple[Keyword, ...]:
    return tuple(Keyword(**item) for item in _front_list(front, "keywords") if isinstance(item, dict))
