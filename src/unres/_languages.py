"""The words of the UN's resolutions in its official languages other than English.

The data (``data/languages.json``) holds, per language, the masthead's fixed words, the month
names, and patterns of the lines the masthead and the closing line print: the adoption line, the
agenda items, the report line, the meeting; and the line that labels an annex. Reading uses them
to turn those lines into the language-neutral facts of the model (dates, numbers, the committee's
English name), whatever the language of the document.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import Any

from attrs import frozen

from unres.model import AgendaItem, Origin

__all__ = [
    "Language",
    "Printed",
    "languages",
    "masthead_words",
    "parse_any_date",
    "part_letter",
    "printed",
    "read_agenda",
    "read_origin",
    "resolution_number",
]

# Arabic elongation (printed in "الأمــم المتحـدة") and the marks of writing direction: not letters.
_INVISIBLE = str.maketrans("", "", "\u0640\u200e\u200f\u061c")
# Cyrillic letters typed for the Latin ones they look like: a, c, e, o, p, x.
_LOOKALIKES = str.maketrans("\u0430\u0441\u0435\u043e\u0440\u0445", "aceopx")


def plain(words: str) -> str:
    """Words compared as the UN varies their printing: without elongation and direction marks,
    spaces folded, and
    none between Chinese characters ("大 会" is "大会")."""
    words = " ".join(words.translate(_INVISIBLE).split())
    return re.sub(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])", "", words)


@frozen
class Language:
    """One language's words and line patterns (see the module's docstring)."""

    code: str
    name: str
    conjunction: str  # "et" between two documents of a report line: " et ", "和"
    formula: str  # the General Assembly's enacting formula without its comma: "La Asamblea General"
    masthead: frozenset[str]
    months: tuple[tuple[str, ...], ...]
    date: re.Pattern[str]
    adopted: re.Pattern[str]
    agenda: re.Pattern[str]
    report: re.Pattern[str]
    no_report: re.Pattern[str]
    paragraph: re.Pattern[str]
    meeting: re.Pattern[str]
    committees: dict[str, str]
    sub_items: str
    list_labels: str  # the letters of lists of sub-paragraphs in order, where not Latin ("㈠㈡...")
    part_letters: tuple[str, ...]
    ordinals: tuple[str, ...]  # the first meetings, named by a word: "الجلسة العامة الثالثة"
    symbol_prefixes: dict[str, str]
    annex: re.Pattern[str]  # an annex's label on its line: "Annexe", "Anexo II", "附件一"

    def parse_date(self, words: str) -> dt.date | None:
        """The date of "18 décembre 2019", "1er décembre 2025", "18 de diciembre de 2019", "18
        декабря 2019 года", "18 كانون الأول/ديسمبر 2019", "2019年12月18日"; None for other words."""
        match = self.date.fullmatch(plain(words))
        if match is None:
            return None
        month = next((n for n, names in enumerate(self.months, 1) if match["month"] in names), None)
        day = 1 if match["day"] == "1er" else int(match["day"])
        if month is None:
            return None
        try:
            return dt.date(int(match["year"]), month, day)
        except ValueError:
            return None

    def committee(self, words: str) -> str:
        """The committee's name in English, as the model keeps it; the words as printed if unknown."""
        return self.committees.get(plain(words), plain(words))

    def meeting_line(self, words: str) -> re.Match[str] | None:
        """The closing line's meeting, its number written in figures or as an ordinal word."""
        words = plain(words)
        for number, word in enumerate(self.ordinals, 1):
            words = re.sub(rf"(?<= ){word}(?= )", str(number), words, count=1)
        return self.meeting.match(words)

    def agenda_items(self, words: str) -> list[AgendaItem]:
        """The items of an agenda line's numbers: "133 et 144", "65 (ب)", "65(b)"."""
        return [
            AgendaItem(int(number), self.sub_item(letter) if letter else None)
            for number, letter in _ITEM.findall(words)
        ]

    def agenda_title(self, text: str) -> tuple[list[AgendaItem], str | None] | None:
        """An agenda line of Markdown written by unres, its title after the numbers on the same
        line: "Point 65 de l'ordre du jour Rapport ..."; None if it is none."""
        # The title after a space, or in Chinese right after the numbers ("...133 and 144" and the
        # title's first character, not "and" (\u548c) between numbers).
        found = re.match(self.agenda.pattern.removesuffix("$") + "(?= |$|(?!\u548c)[\u3400-\u9fff])", text)
        if found is None:
            return None
        return self.agenda_items(found["items"]), text[found.end() :].strip() or None

    def part_letter(self, words: str) -> str | None:
        """The Latin letter of a part named in this language ("باء" is B); None if it is none."""
        name = plain(words).rstrip(".")
        found = [n for n, names in enumerate(self.part_letters) if name in names.split("|")]
        return chr(ord("A") + found[0]) if found else None

    def resolution_number(self, words: str) -> str:
        """A resolution number with the session's prefix in Latin: "دإط-10/21" is "ES-10/21"."""
        words = plain(words)
        for prefix, latin in self.symbol_prefixes.items():
            # "دإط-10/21", also printed with spaces between the letters: "د إ ط-11/1".
            words = re.sub("^" + " ?".join(prefix) + "-", latin + "-", words)
        head, _, part = words.rstrip(".").rpartition(" ")
        letter = self.part_letter(part) if head else None
        return f"{head} {letter}." if letter else words

    def sub_item(self, letter: str) -> str:
        """A sub-item's letter in Latin: the Arabic ones are lettered in abjad order (أ is a); a
        Cyrillic letter typed for the Latin one it looks like (Cyrillic es for c) is that letter."""
        if self.sub_items and letter in self.sub_items:
            return "abcdefghijklmnopqrstuvwxyz"[self.sub_items.index(letter)]
        return letter.translate(_LOOKALIKES)

    def documents(self, words: str) -> str:
        """Documents of a report line with "and" between them, as the model keeps them."""
        return words.replace(self.conjunction, " and ")


@cache
def _data() -> dict[str, Any]:
    """``data/languages.json``, read once for reading and writing alike."""
    with resources.files("unres").joinpath("data", "languages.json").open("rb") as stream:
        data: dict[str, Any] = json.load(stream)
    return data


@cache
def languages() -> dict[str, Language]:
    """The languages unres knows beside English, by ISO 639-2 code."""
    data = _data()
    out = {}
    for code, entry in data.items():
        if code.startswith("_"):
            continue
        out[code] = Language(
            code=code,
            name=entry["name"],
            conjunction=entry["and"],
            formula=entry["formula"],
            masthead=frozenset(plain(words) for words in entry["masthead"]),
            months=tuple(tuple(names.split("|")) for names in entry["months"]),
            date=re.compile(entry["date"]),
            adopted=re.compile(entry["adopted"]),
            agenda=re.compile(entry["agenda"]),
            report=re.compile(entry["report"]),
            no_report=re.compile(entry["no_report"]),
            paragraph=re.compile(entry["paragraph"]),
            meeting=re.compile(entry["meeting"]),
            committees={plain(name): english for name, english in entry["committees"].items()},
            sub_items=entry.get("sub_items", ""),
            list_labels=entry.get("list_labels", entry.get("sub_items", "")),
            part_letters=tuple(entry.get("part_letters", ())),
            ordinals=tuple(entry.get("ordinals", ())),
            symbol_prefixes=entry.get("symbol_prefixes", {}),
            annex=re.compile(entry["annex"]),
        )
    return out


def masthead_words() -> frozenset[str]:
    """The fixed masthead lines of every language ("Nations Unies", "Distr. générale")."""
    return frozenset().union(*(language.masthead for language in languages().values()))


def each(code: str | None = None) -> Iterator[Language]:
    """The language of ``code`` first when it is one unres knows, then the others."""
    known = languages()
    if code in known:
        yield known[code]
    yield from (language for language in known.values() if language.code != code)


def part_letter(words: str, code: str) -> str | None:
    """The Latin letter of a part's label: itself ("B", "B."), or its name in a language ("باء")."""
    bare = plain(words).rstrip(".")
    if len(bare) == 1 and "A" <= bare <= "Z":
        return bare
    return next((found for language in each(code) if (found := language.part_letter(bare))), None)


def resolution_number(words: str, code: str) -> str:
    """The number of a title line with a session prefix in Latin letters, in any language."""
    for language in each(code):
        words = language.resolution_number(words)
    return words


_ITEM = re.compile(r"(\d+)(?:\s*\(?([a-z]{1,3}|[\u0430-\u044f]|[\u0621-\u064a])\))?")


def read_agenda(text: str, code: str) -> list[AgendaItem] | None:
    """The agenda items of "Point 65 b) de l'ordre du jour", "البند 65 (ب) من جدول الأعمال",
    "议程项目65(b)" ...; None if the words are no agenda line of a language unres knows."""
    for language in each(code):
        found = language.agenda.match(plain(text))
        if found is not None:
            return language.agenda_items(found["items"])
    return None


def read_origin(words: str, code: str) -> Origin | None:
    """The report line in a language other than English, with the committee's English name."""
    words = plain(words)
    for language in each(code):
        report = language.report.match(words)
        if report is not None:
            return origin_of(language, report["document"], language.committee(report["committee"]))
        bare = language.no_report.match(words)
        if bare is not None:
            document = bare["document"]
            if _wrapped(document):
                document = document[1:-1]
            return origin_of(language, document, None)
    return None


def _wrapped(words: str) -> bool:
    """Whether the words are in one pair of parentheses, "(A/75/L.48)" (not "(a) and (b)")."""
    if not (words.startswith("(") and words.endswith(")")):
        return False
    depth = 0
    for index, char in enumerate(words):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0 and index < len(words) - 1:
            return False
    return True


def origin_of(language: Language, document: str, committee: str | None) -> Origin:
    document = language.documents(document)
    paragraph = language.paragraph.match(document)
    if paragraph is None:
        return Origin(document, committee)
    return Origin(paragraph["document"], committee, paragraph["paragraph"])


def parse_any_date(words: str) -> dt.date | None:
    """A date in any of the languages (English aside)."""
    for language in languages().values():
        found = language.parse_date(words)
        if found is not None:
            return found
    return None


# --------------------------------------------------------------------------------------------
# Writing: the masthead and closing line in the document's language


@frozen
class Printed:
    """How the masthead and the closing line of a General Assembly resolution print in one of the
    other languages (the ``write`` words of ``data/languages.json``)."""

    language: Language
    words: dict[str, Any]

    def body(self, council: bool) -> str:
        return str(self.words["security_council" if council else "general_assembly"])

    def date(self, value: dt.date) -> str:
        day = self.words.get("first_day", "1") if value.day == 1 else str(value.day)
        month = str(value.month) if self.language.code == "zho" else self.language.months[value.month - 1][0]
        return str(self.words["date"]).format(day=day, month=month, year=value.year)

    def session(self, session: str) -> str:
        from unres._ordinals import ORDINALS

        kind, _, number = session.rpartition("-")
        template = {"": "session", "ES": "emergency_session", "S": "special_session"}[kind]
        value = int(number)
        words = ORDINALS[self.language.code](value) if value < 100 else str(value)
        return str(self.words[template]).format(ordinal=words, Ordinal=words[:1].upper() + words[1:])

    def adopted(self, value: dt.date, parts: int) -> str:
        key = (
            "adopted"
            if parts <= 1
            else ("adopted_two" if parts == 2 and "adopted_two" in self.words else "adopted_parts")
        )
        return str(self.words[key]).format(date=self.date(value))

    def _items(self, labels: list[str]) -> str:
        if len(labels) == 1:
            return labels[0]
        separator = str(self.words.get("list_separator", ", "))
        return separator.join(labels[:-1]) + self.language.conjunction + labels[-1]

    def agenda(self, numbers: list[tuple[int, str | None]]) -> str:
        """ "Point 65 b) de l'ordre du jour", "البندان 133 و 144 من جدول الأعمال"."""
        labels = []
        for number, sub_item in numbers:
            if sub_item is None:
                labels.append(str(number))
                continue
            letter = sub_item
            if self.language.sub_items and len(sub_item) == 1 and "a" <= sub_item <= "z":
                letter = self.language.sub_items[ord(sub_item) - ord("a")]
            labels.append(str(self.words["sub_item"]).format(number=number, letter=letter))
        key = (
            "agenda"
            if len(labels) == 1
            else ("agenda_two" if len(labels) == 2 and "agenda_two" in self.words else "agenda_many")
        )
        return str(self.words[key]).format(items=self._items(labels))

    def origin(self, document: str, committee: str | None, paragraph: str | None) -> tuple[str, ...]:
        """The report line in pieces: (before, committee, between, document, after); the
        committee under its name in the language, the documents joined by its "and"."""
        committee_mark, document_mark = "\x01", "\x02"
        cited = str(self.words["paragraph"]).format(document=document_mark, paragraph=paragraph)
        cited = document_mark if paragraph is None else cited
        written = document.replace(" and ", self.language.conjunction)
        if committee is None:
            before, _, after = str(self.words["no_report"]).format(document=cited).partition(document_mark)
            return before, "", "", written, after
        names = {english: name for name, english in self.language.committees.items()}
        line = str(self.words["report"]).format(committee=committee_mark, document=cited)
        before, _, rest = line.partition(committee_mark)
        between, _, after = rest.partition(document_mark)
        return before, names.get(committee, committee), between, written, after

    def meeting(self, number: int, kind: str) -> str | None:
        """ "50e séance plénière (reprise)"; None for a kind of meeting the data does not name."""
        if kind not in ("plenary", "(resumed) plenary"):
            return None
        resumed = kind != "plenary"
        if resumed and "resumed_meeting" in self.words:
            return str(self.words["resumed_meeting"]).format(number=number)
        line = str(self.words.get("first_meeting" if number == 1 else "meeting", self.words["meeting"]))
        # The first meetings are named by a word in Arabic: "الجلسة العامة الثالثة".
        written = self.language.ordinals[number - 1] if number <= len(self.language.ordinals) else number
        line = line.format(number=written)
        return str(self.words["resumed"]).format(meeting=line) if resumed else line


@cache
def printed(code: str) -> Printed | None:
    """The words to write a document in language ``code`` with; None for English (and any
    language unres does not know), whose words are unres's own."""
    language = languages().get(code)
    if language is None:
        return None
    data = _data()
    return Printed(language, data[code]["write"])
