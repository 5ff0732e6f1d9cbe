"""The labels of sub-paragraphs and their sequences: (a), (b) ... (z), (aa); (i), (ii); (A); (1).

Shared by the readers that find sub-paragraphs: the text reader, and the AKN reader for the UN's
files that set lettered items as paragraphs of their own.
"""

from __future__ import annotations

import re

# The Arabic letters in the order the UN's Arabic texts label items with them (abjadi order); the
# fifth is written with or without a tatweel.
_ABJAD = (
    (0x623, 0x628, 0x62C, 0x62F, 0x647, 0x648, 0x632, 0x62D, 0x637, 0x64A, 0x643, 0x644, 0x645, 0x646),
    (0x633, 0x639, 0x641, 0x635, 0x642, 0x631, 0x634, 0x62A, 0x62B, 0x62E, 0x630, 0x636, 0x638, 0x63A),
)
ARABIC = tuple(chr(code) for row in _ABJAD for code in row)
_TATWEEL = "\u0640"
# The Chinese texts' labels of items within items: the parenthesized numbers one to ten, printed
# with their brackets in one character.
CHINESE = tuple(chr(code) for code in range(0x3220, 0x322A))
# A label of any kind, as a pattern: "a", "iv", "A", "12", an Arabic letter (with its tatweel), a
# Chinese parenthesized number.
LABEL_PATTERN = (
    rf"[a-z]{{1,4}}|[ivxlc]{{1,6}}|[A-Z]{{1,2}}|\d{{1,2}}|[{''.join(ARABIC)}]{_TATWEEL}?|[{''.join(CHINESE)}]"
)
FIRST = {"letter": "a", "roman": "i", "upper": "A", "digit": "1", "arabic": ARABIC[0], "chinese": CHINESE[0]}
_ROMAN = re.compile(r"[ivxlc]+")


def label_kind(label: str) -> str:
    """The kind of a label: "digit", "roman", "upper", "arabic", "chinese" or "letter" ("i" alone is
    roman)."""
    if label.isdigit():
        return "digit"
    if label.removesuffix(_TATWEEL) in ARABIC:
        return "arabic"
    if label in CHINESE:
        return "chinese"
    if _ROMAN.fullmatch(label):
        return "roman"
    if label.isupper():
        return "upper"
    return "letter"


def list_kind(labels: list[str]) -> str:
    """The kind of a list's labels, from its first: (a) letters, (i) roman numerals."""
    first = labels[0]
    if first == "i" or (len(labels) > 1 and _ROMAN.fullmatch(first) and labels[1] == "ii"):
        return "roman"
    if _ROMAN.fullmatch(first) and first != "i":
        return "letter" if len(first) == 1 else "roman"
    return label_kind(first)


def roman(number: int) -> str:
    out = ""
    for value, numeral in (
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ):
        while number >= value:
            out += numeral
            number -= value
    return out


def label_at(kind: str, position: int) -> str:
    """The ``position``-th (1-based) label of a kind: a..z, aa, bb; i, ii; A..Z; 1, 2."""
    if kind == "roman":
        return roman(position)
    if kind == "digit":
        return str(position)
    if kind == "arabic":
        return ARABIC[position - 1] if position <= len(ARABIC) else ""
    if kind == "chinese":
        return CHINESE[position - 1] if position <= len(CHINESE) else ""
    letter = chr(ord("a") + (position - 1) % 26) * ((position - 1) // 26 + 1)
    return letter.upper() if kind == "upper" else letter


def position(label: str, kind: str) -> int | None:
    """Where ``label`` stands (1-based) among the labels of ``kind``; None if it is none of them."""
    if kind == "arabic":
        bare = label.removesuffix(_TATWEEL)
        return ARABIC.index(bare) + 1 if bare in ARABIC else None
    if kind == "chinese":
        return CHINESE.index(label) + 1 if label in CHINESE else None
    for place in range(1, 200):
        if label_at(kind, place) == label:
            return place
    return None


def continues(labels: list[str], label: str) -> bool:
    """Whether ``label`` comes next in a list labelled ``labels`` so far: as the list's kind counts,
    or as letters (after "(h)", "(i)" is a letter)."""
    last = labels[-1]
    for kind in (list_kind(labels), "letter"):
        place = position(last, kind)
        if place is not None and position(label, kind) == place + 1:
            return True
    return False
