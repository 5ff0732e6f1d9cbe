"""The language versions of one resolution side by side, paragraph by paragraph.

``align(resolutions)`` puts the versions of one resolution (English, French, Arabic ...) in rows:
the title, the enacting formula, every paragraph, and the footnotes by marker. Paragraphs are
matched by what every language says alike: their kind, depth and number, and the documents and
years they cite ("60/251", "2006"), in the longest runs the versions share. Where the versions
disagree (another symbol, another adoption date, a paragraph one version has and another lacks),
the alignment says so in ``problems``, and the paragraph has a row of its own: a paragraph more
in one version does not shift the others.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

from attrs import frozen

from unres.errors import UnresError
from unres.model import ModelPath, Paragraph, Resolution, plain_text
from unres.model import paragraph_texts as _texts

__all__ = ["AlignedRow", "Alignment", "align"]


@frozen
class AlignedRow:
    """One place of the resolution in every version: its path in the model (the same keys lead
    to it in the JSON form), its eId in the first version that has it, the kind of paragraph, and
    each version's words there (None where a version has nothing at that place)."""

    path: ModelPath
    eid: str
    kind: str
    texts: tuple[str | None, ...]

    @property
    def complete(self) -> bool:
        """Whether every version has this place."""
        return all(text is not None for text in self.texts)


@frozen
class Alignment:
    """The versions' languages, in the order given, their rows, and what they disagree on."""

    languages: tuple[str, ...]
    rows: tuple[AlignedRow, ...]
    problems: tuple[str, ...]


def _words(para: Paragraph) -> str:
    opening = getattr(para, "opening", None)
    words = " ".join(plain_text(text) for text in _texts(para) if text)
    return f"{opening} {words}".strip() if opening else words


# What a paragraph says the same way in every language: the symbols of documents it cites
# ("60/251", "A/74/394") and numbers of three digits or more (years, sums), whatever their order.
_NEUTRAL = re.compile(r"[A-Z]?/?\d+(?:/[\w.-]+)+|\d{3,}")


@frozen
class _Place:
    path: ModelPath
    eid: str
    kind: str
    words: str
    mark: tuple[object, ...]  # what must agree for two versions' places to be matched


def _places(resolution: Resolution) -> list[_Place]:
    """Every place of a version, in document order."""
    places = [
        _Place(("title",), "title", "title", resolution.title, ("title",)),
        _Place(
            ("enacting_formula",),
            "formula_1",
            "formula",
            plain_text(resolution.enacting_formula),
            ("formula",),
        ),
    ]
    for eid, para, path in resolution.iter_paragraph_paths():
        words = _words(para)
        depth = sum(1 for key in path if key in ("subparagraphs", "content", "preamble"))
        number = getattr(para, "number", None)
        mark = (type(para).__name__, depth, number, tuple(sorted(_NEUTRAL.findall(words))))
        places.append(_Place(path, eid, type(para).__name__, words, mark))
    for note in resolution.footnotes:
        text = plain_text(note.text)
        places.append(
            _Place(("footnotes", note.marker), f"fn_{note.marker}", "footnote", text, ("fn", note.marker))
        )
    return places


def _matches(first: list[_Place], other: list[_Place]) -> dict[int, int]:
    """Which place of ``other`` stands at each place of ``first``: equal marks in the longest
    common runs, then, between them, runs of equal length and kinds place by place."""
    matcher = difflib.SequenceMatcher(None, [p.mark for p in first], [p.mark for p in other], autojunk=False)
    pairs: dict[int, int] = {}
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            for offset in range(i2 - i1):
                if tag == "equal" or first[i1 + offset].kind == other[j1 + offset].kind:
                    pairs[i1 + offset] = j1 + offset
    return pairs


def align(resolutions: Sequence[Resolution]) -> Alignment:
    """Align the language versions of one resolution (at least two); raise ``UnresError`` for
    fewer. Rows follow the first version's order; a place of another version that matches none
    of the first's gets a row of its own, after the row before it."""
    if len(resolutions) < 2:
        raise UnresError("aligning needs two versions of a resolution or more")
    languages = tuple(res.language for res in resolutions)
    problems: list[str] = []
    first = resolutions[0]
    for res in resolutions[1:]:
        if res.symbol != first.symbol:
            problems.append(f"{res.language}: symbol {res.symbol}, not {first.symbol}")
        if res.adoption_date != first.adoption_date:
            problems.append(
                f"{res.language}: adopted on {res.adoption_date.isoformat()}, "
                f"not {first.adoption_date.isoformat()}"
            )
    if len(set(languages)) != len(languages):
        problems.append(f"two versions in one language: {', '.join(languages)}")
    versions = [_places(res) for res in resolutions]
    base = versions[0]
    count = len(versions)
    # Each row: the place of each version there (or None); rows of the first version's places,
    # then the other versions' unmatched places, each after the row of the place before it.
    rows: list[list[_Place | None]] = [[place, *([None] * (count - 1))] for place in base]
    extra: dict[int, list[list[_Place | None]]] = {}
    for index, places in enumerate(versions[1:], start=1):
        pairs = _matches(base, places)
        matched = set(pairs.values())
        for i, j in pairs.items():
            rows[i][index] = places[j]
        anchor = -1
        back = {j: i for i, j in pairs.items()}
        for j, place in enumerate(places):
            if j in back:
                anchor = back[j]
            elif j not in matched:
                row: list[_Place | None] = [None] * count
                row[index] = place
                extra.setdefault(anchor, []).append(row)
    ordered = extra.get(-1, [])
    for i, row in enumerate(rows):
        ordered.append(row)
        ordered.extend(extra.get(i, []))
    out = []
    for row in ordered:
        present = [place for place in row if place is not None]
        eid, kind = present[0].eid, present[0].kind
        missing = [lang for lang, place in zip(languages, row, strict=True) if place is None]
        if missing:
            problems.append(f"{', '.join(missing)}: no {kind} at {eid}")
        kinds = {place.kind for place in present}
        if len(kinds) > 1:
            problems.append(f"{eid}: the versions differ in kind ({', '.join(sorted(kinds))})")
        texts = tuple(place.words if place is not None else None for place in row)
        out.append(AlignedRow(present[0].path, eid, kind, texts))
    return Alignment(languages, tuple(out), tuple(problems))
