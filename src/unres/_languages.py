"""The words of the UN's resolutions in its official languages other than English.

The data (``data/languages.json``) holds, per language, the masthead's fixed words, the month
names, and patterns of the lines the masthead and the closing line print: the adoption line, the
agenda items, the report line, the meeting. Reading uses them to turn those lines into the
language-neutral facts of the model (dates, numbers, the committee's English name), whatever the
language of the document.
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

__all__ = ["Language", "languages", "masthead_words", "parse_any_date", "part_letter", "resolution_number"]

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
    part_letters: tuple[str, ...]
    ordinals: tuple[str, ...]  # the first meetings, named by a word: "الجلسة العامة الثالثة"
    symbol_prefixes: dict[str, str]

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

    def part_letter(self, words: str) -> str | None:
        """The Latin letter of a part named in this language ("باء" is B); None if it is none."""
        name = plain(words).rstrip(".")
        found = [n for n, names in enumerate(self.part_letters) if name in names.split("|")]
        return chr(ord("A") + found[0]) if found else None

    def resolution_number(self, words: str) -> str:
        """A resolution number with the session's prefix in Latin: "دإط-10/21" is "ES-10/21"."""
        words = (
            plain(words).replace(" ", "")
            if any(p in words.replace(" ", "") for p in self.symbol_prefixes)
            else words
        )
        for prefix, latin in self.symbol_prefixes.items():
            if words.startswith(prefix + "-"):
                return latin + words[len(prefix) :]
        return words

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
def languages() -> dict[str, Language]:
    """The languages unres knows beside English, by ISO 639-2 code."""
    with resources.files("unres").joinpath("data", "languages.json").open("rb") as stream:
        data: dict[str, Any] = json.load(stream)
    out = {}
    for code, entry in data.items():
        if code.startswith("_"):
            continue
        out[code] = Language(
            code=code,
            name=entry["name"],
            conjunction=entry["and"],
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
            part_letters=tuple(entry.get("part_letters", ())),
            ordinals=tuple(entry.get("ordinals", ())),
            symbol_prefixes=entry.get("symbol_prefixes", {}),
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


def parse_any_date(words: str) -> dt.date | None:
    """A date in any of the languages (English aside)."""
    for language in languages().values():
        found = language.parse_date(words)
        if found is not None:
            return found
    return None
