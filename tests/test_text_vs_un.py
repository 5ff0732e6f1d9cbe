"""The text reader measured against the UN's own structure of the same resolutions.

Every shared text whose resolution the UN publishes as Akoma Ntoso (``../shared/unxml/``) is read
and compared with the UN's file, which is the truth: the preamble, the numbered paragraphs, the
sub-paragraphs, the footnotes (count and words), the annexes, and the words of every paragraph in
order. The test prints the table of measures (the measure of the reader, issue 15) and fails for
any text of ``EXACT`` that is no longer exact, naming the measure.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

import unres
from unres import text
from unres._text import join_opening
from unres.model import OperativeParagraph, PreambularParagraph, Section, SubParagraph

from .conftest import shared_file
from .layout import extracted_markdown, joined, laid_out

# Texts that are exact in every measure (checked against the UN's files by this test).
EXACT = {
    "A_RES_80_1.md",
    "A_RES_80_7.md",
    "A_RES_80_7.railcar-v1.0.0.txt",
    "A_RES_80_12.md",
    "A_RES_80_14.md",
    "A_RES_80_14.railcar-v1.1.0.txt",
    "A_RES_80_21.md",
    "A_RES_80_21.railcar-v1.1.0.txt",
    "A_RES_80_68.md",
}


def _texts() -> list[Path]:
    folder = shared_file("examples", "text")
    return sorted(path for path in folder.iterdir() if _un_file(path) is not None)


def _un_file(text: Path) -> Path | None:
    found = re.match(r"^([AS])_RES_(\d+)_(\d+)", text.name)
    if found is None:
        return None
    body = "ga" if found[1] == "A" else "sc"
    path = shared_file("unxml") / body / "en" / f"{found[0]}.unxml.en.xml"
    return path if path.exists() else None


def _printed(text: unres.Text) -> str:
    """The text as a page prints it: a footnote call is its marker, set against the word before it
    as a superscript is (the UN's files mark some repeated calls as superscript digits)."""
    parts: list[str] = []
    for piece in text:
        if isinstance(piece, str):
            parts.append(piece)
        elif isinstance(piece, unres.Emphasis | unres.Quotation | unres.Reference):
            parts.append(_printed(piece.content))
        elif isinstance(piece, unres.Date):
            parts.append(piece.text)
        elif isinstance(piece, unres.FootnoteCall):
            parts.append(piece.marker)
    return "".join(parts)


def _words(text: unres.Text) -> list[str]:
    return _printed(text).split()


def _paragraph_words(res: unres.Resolution) -> Iterator[tuple[str, list[str]]]:
    """Every paragraph of the body with its words as printed (its opening first), in order, by its
    eId without the sections it stands in (the UN's files set some parts "I", "II" as sections and
    others as headings between the paragraphs: paragraph 1 is the same paragraph either way); a
    name that comes again (numbering that starts again in each section) is told by its count."""
    seen: Counter[str] = Counter()
    for eid, para in res.iter_paragraphs():
        if isinstance(para, PreambularParagraph | OperativeParagraph | SubParagraph):
            full = join_opening(getattr(para, "opening", None), para.text, res.language)
            name = re.sub(r"(?:^|__)sec_[^_]+(?=__)", "", eid).removeprefix("__")
            seen[name] += 1
            yield f"{name}#{seen[name]}", _words(full) + _words(getattr(para, "closing_text", ()))


def _subs(items: tuple[SubParagraph, ...]) -> int:
    return sum(1 + _subs(sub.subparagraphs) for sub in items)


def _numbered(items: tuple[object, ...]) -> list[OperativeParagraph]:
    found: list[OperativeParagraph] = []
    for item in items:
        if isinstance(item, Section):
            found += _numbered(item.content)
        elif isinstance(item, OperativeParagraph) and item.number is not None:
            found.append(item)
    return found


def _title(res: unres.Resolution) -> tuple[object, ...]:
    return str(res.symbol), res.title.split(), res.title_notes


def measures(ours: unres.Resolution, theirs: unres.Resolution) -> dict[str, tuple[object, object]]:
    """Each measure as (the text's, the UN's)."""
    our_paragraphs, their_paragraphs = _numbered(ours.operative), _numbered(theirs.operative)
    our_words, their_words = dict(_paragraph_words(ours)), dict(_paragraph_words(theirs))
    same_words = sum(1 for eid, words in their_words.items() if our_words.get(eid) == words)
    return {
        "preamble": (len(ours.preamble), len(theirs.preamble)),
        "numbered paragraphs": (len(our_paragraphs), len(their_paragraphs)),
        "sub-paragraphs": (
            sum(_subs(p.subparagraphs) for p in our_paragraphs),
            sum(_subs(p.subparagraphs) for p in their_paragraphs),
        ),
        "footnotes": (len(ours.footnotes), len(theirs.footnotes)),
        "footnote words": (
            sum(
                1
                for a, b in zip(ours.footnotes, theirs.footnotes, strict=False)
                if _words(a.text) == _words(b.text)
            ),
            len(theirs.footnotes),
        ),
        "annexes": (len(ours.annexes), len(theirs.annexes)),
        # The symbol, the title's words and the notes called on it (a no-break space prints as one).
        "title": (
            int(_title(ours) == _title(theirs)),
            1,
        ),
        "paragraph words": (same_words, len(their_words)),
    }


def test_every_shared_text_against_the_uns_structure() -> None:
    texts = _texts()
    failures: dict[str, str] = {}
    exact = 0
    for path in texts:
        un = _un_file(path)
        assert un is not None
        found = measures(unres.load(path), unres.load(un))
        wrong = {name: pair for name, pair in found.items() if pair[0] != pair[1]}
        exact += not wrong
        summary = ", ".join(f"{name} {ours}/{theirs}" for name, (ours, theirs) in found.items())
        print(f"{path.name}: {'exact' if not wrong else 'differs'}: {summary}")
        if path.name in EXACT and wrong:
            failures[path.name] = "; ".join(
                f"{name}: {ours} where the UN has {theirs}" for name, (ours, theirs) in wrong.items()
            )
    print(f"{exact}/{len(texts)} shared texts exact against the UN's files")
    assert not failures, failures
    assert len(texts) >= 11


@pytest.mark.parametrize("name", sorted(EXACT))
def test_an_exact_text_reads_to_the_uns_paragraph_words(name: str) -> None:
    """The words of each paragraph, compared one by one (the measure above counts them)."""
    path = shared_file("examples", "text", name)
    un = _un_file(path)
    assert un is not None
    ours, theirs = dict(_paragraph_words(unres.load(path))), dict(_paragraph_words(unres.load(un)))
    assert ours == theirs


# -- the reader on texts it has never seen --------------------------------------------------------

# Each measure's share of exact files over the English GA resolutions laid out as their PDFs are
# (tests/layout.py): in pages with their furniture and notes under a rule; extracted the later way,
# each paragraph on one line and the notes left where the pages ended; or as extracted Markdown,
# the notes gathered at the end. The floors are what the reader reaches now: a change that loses
# ground fails. Issue 15 asks for 90% of layout texts and 97% of Markdown texts.
_LAID_OUT_FLOOR = {
    "pages": {
        "preamble": 0.996,
        "numbered paragraphs": 1.0,
        "sub-paragraphs": 0.992,
        "footnotes": 1.0,
        "footnote words": 1.0,
        "annexes": 0.993,
        "title": 1.0,
        "paragraph words": 0.973,
    },
    "joined": {
        "preamble": 0.996,
        "numbered paragraphs": 1.0,
        "sub-paragraphs": 0.992,
        "footnotes": 0.998,
        "footnote words": 0.998,
        "annexes": 0.993,
        "title": 0.998,
        "paragraph words": 0.975,
    },
    "markdown": {
        "preamble": 0.996,
        "numbered paragraphs": 1.0,
        "sub-paragraphs": 0.992,
        "footnotes": 1.0,
        "footnote words": 1.0,
        "annexes": 0.993,
        "title": 1.0,
        "paragraph words": 0.975,
    },
}
_LAYOUTS = {"pages": laid_out, "joined": joined, "markdown": extracted_markdown}


@pytest.mark.parametrize("layout", sorted(_LAYOUTS))
def test_every_un_resolution_laid_out_as_its_pdf_reads_to_the_uns_structure(layout: str) -> None:
    """Each English GA resolution is written as plain text, laid out as the UN's PDF is (pages,
    running heads, notes at a page's foot, wrapped lines, numbers alone on their line; or the same
    joined), read back and measured against the UN's own file. The resolutions adopted in parts
    are left out: the layout does not print their parts."""
    floor = _LAID_OUT_FLOOR[layout]
    paths = sorted(shared_file("unxml", "ga", "en").glob("*.xml"))
    exact: dict[str, int] = dict.fromkeys(floor, 0)
    differing: dict[str, list[str]] = {name: [] for name in floor}
    measured = whole = 0
    for path in paths:
        un = unres.load(path)
        if un.parts:
            continue
        measured += 1
        found = measures(text.parse(_LAYOUTS[layout](un, "en")).resolution, un)
        whole += all(ours == theirs for ours, theirs in found.values())
        for name, (ours, theirs) in found.items():
            if ours == theirs:
                exact[name] += 1
            else:
                differing[name].append(f"{path.name.split('.')[0]} ({ours}/{theirs})")
    print(f"{measured} of {len(paths)} resolutions laid out and read back; {whole} exact in every measure")
    for name, count in exact.items():
        print(f"{name:20} {count}/{measured} exact ({count / measured:.1%})")
        if differing[name]:
            print("    differ:", ", ".join(differing[name]))
    low = {name: f"{count / measured:.1%}" for name, count in exact.items() if count / measured < floor[name]}
    assert not low, low
    assert measured >= 650
