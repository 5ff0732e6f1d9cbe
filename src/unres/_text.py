"""Small helpers on inline text shared by the format modules (no format knowledge here)."""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from unres._languages import Printed
from unres._languages import printed as _printed
from unres.model import (
    AgendaItem,
    Body,
    Emphasis,
    Inline,
    Meeting,
    Origin,
    Resolution,
    Style,
    Text,
    normalize_text,
    session_title,
)

__all__ = [
    "LANGUAGES",
    "NO_REPORT_LINE",
    "REPORT_LINE",
    "STYLE_TAGS",
    "SUPERSCRIPTS",
    "UNDOCS",
    "Words",
    "adopted_line",
    "agenda_lines",
    "council_adopted_line",
    "document_link",
    "format_date",
    "from_superscript",
    "join_opening",
    "known_phrase",
    "masthead_symbol",
    "opening_gap",
    "opening_name",
    "opening_styles",
    "paragraph_number",
    "parse_date_words",
    "phrases",
    "split_opening",
    "translated",
    "words_for",
]

# The element for each style, the same in Akoma Ntoso and in HTML.
STYLE_TAGS = {
    Style.ITALIC: "i",
    Style.BOLD: "b",
    Style.UNDERLINE: "u",
    Style.SUPERSCRIPT: "sup",
    Style.SUBSCRIPT: "sub",
}

# The ISO 639-1 code of each official UN language and its ISO 639-2 code, used by the model.
LANGUAGES = {"en": "eng", "fr": "fra", "es": "spa", "ru": "rus", "zh": "zho", "ar": "ara"}

# Where a document known only by its symbol is found: the UN's own symbol resolver.
UNDOCS = "https://undocs.org/"


# The origin line of the masthead: the report (or draft) may carry a parenthesis of its own, and
# the committee's name one too ("Special Political and Decolonization Committee (Fourth Committee)").
REPORT_LINE = re.compile(
    r"\[on the report of the (?P<committee>.+?) \((?P<document>[^()]+(?:\([^()]*\))?[^()]*)\)\]"
)
NO_REPORT_LINE = re.compile(
    r"\[without reference to a Main Committee \((?P<document>[^()]+(?:\([^()]*\))?[^()]*)\)\]"
)


def masthead_symbol(resolution: Resolution) -> str:
    """The symbol as the masthead prints it: a resolution in parts names them ("A/RES/74/250 A-B")."""
    parts = resolution.parts
    return (
        f"{resolution.symbol} {parts[0].label}-{parts[-1].label}"
        if len(parts) > 1
        else str(resolution.symbol)
    )


def council_adopted_line(resolution: Resolution) -> str:
    """The Security Council's adoption line: "Adopted by the Security Council at its 4644th
    meeting, on 8 November 2002"."""
    meeting = resolution.meeting
    at = f" at its {meeting}," if meeting is not None else ""
    date = meeting.date if meeting is not None and meeting.date is not None else resolution.adoption_date
    place = f" in {meeting.place}" if meeting is not None and meeting.place else ""
    return f"Adopted by the Security Council{at} on {format_date(date)}{place}"


def adopted_line(resolution: Resolution) -> str:
    """ "Resolution adopted by the General Assembly on", plural for a resolution in parts."""
    noun = "Resolutions" if len(resolution.parts) > 1 else "Resolution"
    return f"{noun} adopted by the General Assembly on"


def agenda_lines(items: tuple[AgendaItem, ...], words: Words | None = None) -> list[tuple[str, str | None]]:
    """The masthead's agenda lines as (number line, title) pairs.

    One item: ("Agenda item 98 (b)", its title). Several items: as the UN prints them, ("Agenda
    items 14 and 122", None) and then (``""``, title) for each title in turn, when the titles are
    those of the first items (a translation may print one title for two items); otherwise one line
    per item, so that no title goes to another item. The number lines are in the language of
    ``words`` (English by default).
    """
    render = (words or Words()).agenda
    titled = [bool(item.title) for item in items]
    if len(items) > 1 and titled == sorted(titled, reverse=True):
        numbers = render([(item.number, item.sub_item) for item in items])
        return [(numbers, None), *(("", item.title) for item in items if item.title)]
    return [(render([(item.number, item.sub_item)]), item.title) for item in items]


def document_link(written: str) -> str:
    """The address of a document as a text cites it: "A/80/534, para. 7" -> ".../A/80/534"."""
    return UNDOCS + written.split(",")[0].strip().replace(" ", "")


# Footnote calls in plain text are superscript digits: "0123456789" -> these.
SUPERSCRIPTS = str.maketrans("0123456789", "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079")
_FROM_SUPERSCRIPTS = str.maketrans({chr(code): digit for digit, code in SUPERSCRIPTS.items()})


def from_superscript(digits: str) -> str:
    """Superscript digits as plain digits: "\u00b9\u00b2" -> "12"."""
    return digits.translate(_FROM_SUPERSCRIPTS)


# Punctuation that follows an opening phrase with no space ("*Recalling*, in this regard, ..."),
# the Arabic comma and semicolon among it.
_TIGHT = ",;:.)\u060c\u061b"

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_DATE_WORDS = re.compile(r"^(\d{1,2}) (" + "|".join(MONTHS) + r") (\d{4})$")


# How each language prints a paragraph's opening phrase, as the UN's files do: bold italic in
# Arabic, bold in Chinese, italic in the others; Chinese sets the rest of the sentence right after
# it, with no space.
_OPENING_STYLES: dict[str, tuple[Style, ...]] = {
    "ara": (Style.BOLD, Style.ITALIC),
    "zho": (Style.BOLD,),
}
_ITALIC = (Style.ITALIC,)
_UNSPACED = frozenset({"zho"})


def paragraph_number(number: int, language: str | None = None) -> str:
    """A paragraph's number as printed in its language: "1." ("1 -" in Arabic)."""
    return f"{number} -" if language == "ara" else f"{number}."


def opening_styles(language: str | None) -> tuple[Style, ...]:
    """The emphasis around an opening phrase in a language, outermost first: (BOLD, ITALIC) for
    Arabic, (BOLD,) for Chinese, (ITALIC,) for the others."""
    return _OPENING_STYLES.get(language or "", _ITALIC)


def join_opening(opening: str | None, text: Text, language: str | None = None) -> Text:
    """The full text of a paragraph: the opening phrase in its language's emphasis, a space
    (none in Chinese), then the rest."""
    if opening is None:
        return text
    head: Inline = opening
    for style in reversed(opening_styles(language)):
        head = Emphasis((head,), style)
    if not text:
        return (head,)
    return normalize_text((head, opening_gap(text, language), *text))


def opening_gap(text: Text, language: str | None = None) -> str:
    """What stands between an opening phrase and the rest of its paragraph, ``text``: a space,
    or nothing in Chinese and before punctuation."""
    first = text[0] if text else None
    if language in _UNSPACED or (isinstance(first, str) and first[0] in _TIGHT):
        return ""
    return " "


def _phrase(head: Inline, styles: tuple[Style, ...]) -> str | None:
    """The words of ``head`` when it is exactly ``styles`` around plain words, else None."""
    for style in styles:
        if not (isinstance(head, Emphasis) and head.style is style and len(head.content) == 1):
            return None
        head = head.content[0]
    if isinstance(head, str) and head == head.strip() and head:
        return head
    return None


def split_opening(full: Text, language: str | None = None) -> tuple[str | None, Text]:
    """Split a paragraph's full text into its opening phrase and the rest.

    The inverse of ``join_opening``: a paragraph has an opening phrase when it starts with plain
    words in its language's opening emphasis (``opening_styles``) followed by a space, by
    punctuation, or by nothing (in Chinese, by anything but a space).
    """
    if not full:
        return None, full
    phrase = _phrase(full[0], opening_styles(language))
    if phrase is None:
        return None, full
    rest = full[1:]
    if not rest:
        return phrase, ()
    first = rest[0]
    if language in _UNSPACED:
        if isinstance(first, str) and first[0].isspace():
            return None, full
        return phrase, rest
    if isinstance(first, str):
        if first.startswith(" "):
            return phrase, normalize_text((first[1:], *rest[1:]))
        if first[0] in _TIGHT:
            return phrase, rest
    return None, full


@lru_cache(maxsize=1024)  # a document repeats a few dozen openings
def opening_name(opening: str | None) -> str:
    """A camelCase name for an opening phrase: "Recalling also" -> "recallingAlso"."""
    words: list[str] = re.findall(r"[A-Za-z]+", opening or "")
    if not words:
        return "preambularParagraph"
    first, *others = words
    return first.lower() + "".join(word.capitalize() for word in others)


def format_date(value: dt.date) -> str:
    """A date as the UN prints it: "22 December 2018"."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def parse_date_words(words: str) -> dt.date | None:
    """Parse "22 December 2018"; None if the words are not such a date."""
    match = _DATE_WORDS.match(words.strip())
    if match is None:
        return None
    try:
        return dt.date(int(match[3]), MONTHS.index(match[2]) + 1, int(match[1]))
    except ValueError:
        return None


@cache
def phrases() -> dict[str, Any]:
    """The opening phrases of resolutions, as data: ``unres/data/phrases.json``."""
    with resources.files("unres").joinpath("data", "phrases.json").open("rb") as stream:
        data: dict[str, Any] = json.load(stream)
    return data


@cache
def _phrase_table(kind: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The adverbs (longest first) and the phrases of ``kind``, lowercased."""
    data = phrases()
    adverbs = tuple(sorted((a.lower() for a in data["adverbs"]), key=len, reverse=True))
    return adverbs, tuple(p.lower() for p in data[kind])


@cache
def known_phrase(opening: str, kind: str) -> bool:
    """Whether an English opening phrase is one of the known ``kind`` ("preambular" or
    "operative") phrases of ``phrases.json``, after any adverbs ("Further recalling")."""
    adverbs, known = _phrase_table(kind)
    rest = opening.lower()
    stripped = True
    while stripped:
        stripped = False
        for adverb in adverbs:
            if rest.startswith(adverb + " "):
                rest = rest[len(adverb) + 1 :]
                stripped = True
    return any(rest == phrase or rest.startswith(phrase + " ") for phrase in known)


# --------------------------------------------------------------------------------------------
# The masthead and closing line in the document's language


class Words:
    """The fixed words of a General Assembly resolution's masthead and closing line, in English;
    ``words_for`` gives those of the document's language."""

    united_nations = "United Nations"
    distribution = "Distr.: General"

    def body(self, resolution: Resolution) -> str:
        return resolution.body.title

    def date(self, value: dt.date) -> str:
        return format_date(value)

    def distribution_date(self, value: dt.date) -> str:
        return format_date(value)

    def session(self, session: str) -> str:
        return session_title(session)

    def adopted(self, resolution: Resolution) -> tuple[str, str, str]:
        """The adoption line around its date: ("Resolution adopted by the General Assembly on ",
        "22 December 2018", "")."""
        return f"{adopted_line(resolution)} ", format_date(resolution.adoption_date), ""

    def agenda(self, numbers: list[tuple[int, str | None]]) -> str:
        labels = [f"{number} ({sub_item})" if sub_item else str(number) for number, sub_item in numbers]
        if len(labels) == 1:
            return f"Agenda item {labels[0]}"
        return f"Agenda items {', '.join(labels[:-1])} and {labels[-1]}"

    def origin(self, origin: Origin) -> tuple[str, str | None, str, str, str]:
        """The report line in pieces: (before, committee, between, document, after)."""
        paragraph = "" if origin.paragraph is None else f", para. {origin.paragraph}"
        if origin.committee is None:
            return "[without reference to a Main Committee (", None, "", origin.document, f"{paragraph})]"
        return "[on the report of the ", origin.committee, " (", origin.document, f"{paragraph})]"

    def meeting(self, meeting: Meeting) -> str:
        return str(meeting)

    def part(self, label: str) -> str:
        """A part's letter as printed: "B"; in Arabic "باء"."""
        return label

    def number(self, number: str) -> str:
        """A resolution number as the title line prints it: "74/232 B", "ES-10/21"."""
        return number


class _Translated(Words):
    """The words of another language, from ``data/languages.json``."""

    def __init__(self, printed: Printed) -> None:
        self.printed = printed
        self.united_nations = str(printed.words["united_nations"])
        self.distribution = str(printed.words["distribution"])

    def body(self, resolution: Resolution) -> str:
        return self.printed.body(resolution.symbol.body is Body.SECURITY_COUNCIL)

    def date(self, value: dt.date) -> str:
        return self.printed.date(value)

    def distribution_date(self, value: dt.date) -> str:
        english = bool(self.printed.words["english_distribution_date"])
        return format_date(value) if english else self.printed.date(value)

    def session(self, session: str) -> str:
        return self.printed.session(session)

    def adopted(self, resolution: Resolution) -> tuple[str, str, str]:
        marker = "\x00"
        line = self.printed.adopted(resolution.adoption_date, len(resolution.parts))
        date = self.printed.date(resolution.adoption_date)
        before, _, after = line.replace(date, marker, 1).partition(marker)
        return before, date, after

    def agenda(self, numbers: list[tuple[int, str | None]]) -> str:
        return self.printed.agenda(numbers)

    def origin(self, origin: Origin) -> tuple[str, str | None, str, str, str]:
        before, committee, between, document, after = self.printed.origin(
            origin.document, origin.committee, origin.paragraph
        )
        return before, committee or None, between, document, after

    def meeting(self, meeting: Meeting) -> str:
        return self.printed.meeting(meeting.number, meeting.kind) or str(meeting)

    def part(self, label: str) -> str:
        names = self.printed.language.part_letters
        index = ord(label) - ord("A") if len(label) == 1 else -1
        return names[index].split("|")[0] if 0 <= index < len(names) else label

    def number(self, number: str) -> str:
        head, _, part = number.rpartition(" ")
        if head and len(part) == 1:
            number = f"{head} {self.part(part)}"
        for prefix, latin in self.printed.language.symbol_prefixes.items():
            if number.startswith(latin + "-"):
                return prefix + number[len(latin) :]
        return number


def words_for(resolution: Resolution) -> Words:
    """The masthead's words in the resolution's language (English where unres has no others:
    the Security Council's, languages it does not know, and meetings other than plenary ones at
    Headquarters)."""
    printed = _printed(resolution.language)
    if printed is None or resolution.symbol.body is Body.SECURITY_COUNCIL:
        return Words()
    meetings = [resolution.meeting, *(part.meeting for part in resolution.parts)]
    if any(m is not None and (m.kind not in _TRANSLATED_KINDS or m.place or m.part) for m in meetings):
        return Words()  # a meeting the data has no words for: the masthead stays English whole
    return _Translated(printed)


_TRANSLATED_KINDS = ("plenary", "(resumed) plenary")


def translated(resolution: Resolution) -> bool:
    """Whether unres writes the resolution's masthead in its language (not English)."""
    return isinstance(words_for(resolution), _Translated)
