"""Hypothesis strategies for the resolution model, for property tests of code that uses unres.

Requires ``hypothesis`` (not a run-time dependency of unres)::

    from hypothesis import given
    from unres.strategies import resolutions

    @given(resolutions())
    def test_my_exporter(resolution): ...

Generated models are in normal form: text has single spaces between words and none at the ends of
a paragraph, paragraph text that opens with an italic phrase carries it in ``opening``, and every
reference and date is well formed. Such models survive every unres format unchanged.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

import attrs
from hypothesis import strategies as st

from unres.model import (
    AdoptedWithoutVote,
    AgendaItem,
    Annex,
    Date,
    Emphasis,
    Footnote,
    FootnoteCall,
    Foreign,
    Inline,
    Keyword,
    Meeting,
    OperativeItem,
    OperativeParagraph,
    Origin,
    PreambularParagraph,
    Quotation,
    RecordedVote,
    Reference,
    Resolution,
    Section,
    Style,
    SubParagraph,
    Symbol,
    Text,
    Vote,
    WorkflowDocument,
    resolution_iri,
)

__all__ = [
    "dates",
    "footnote_markers",
    "operative_paragraphs",
    "preambular_paragraphs",
    "resolutions",
    "subparagraphs",
    "symbols",
    "texts",
    "words",
]

# Letters, with accented letters, typographic quotes and the en dash found in UN texts.
_LETTERS = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    "\u00e9\u00e8\u00e7\u00f6\u00f1\u0153\u2019\u201c\u201d\u2013"
)
_PUNCTUATION = ",;:.()/-&<>'\"[]"


@cache
def words(min_words: int = 1, max_words: int = 6) -> st.SearchStrategy[str]:
    """A run of words separated by single spaces, with punctuation and markup-like characters."""
    word = st.text(alphabet=_LETTERS + "0123456789" + _PUNCTUATION, min_size=1, max_size=10)
    return st.lists(word, min_size=min_words, max_size=max_words).map(" ".join)


@cache
def dates() -> st.SearchStrategy[dt.date]:
    """Dates in the life of the United Nations."""
    return st.dates(min_value=dt.date(1946, 1, 1), max_value=dt.date(2099, 12, 31))


@cache
def symbols() -> st.SearchStrategy[Symbol]:
    """General Assembly resolution symbols, ordinary and special sessions."""
    session = st.one_of(
        st.integers(1, 120).map(str),
        st.integers(1, 12).map(lambda n: f"ES-{n}"),
        st.integers(1, 32).map(lambda n: f"S-{n}"),
    )
    return st.builds(Symbol, session, st.integers(1, 3000))


@cache
def footnote_markers() -> st.SearchStrategy[str]:
    return st.integers(1, 40).map(str)


@cache
def _document_symbols() -> st.SearchStrategy[str]:
    return st.builds(
        lambda session, number, suffix: f"A/{session}/{number}{suffix}",
        st.integers(1, 99),
        st.integers(1, 999),
        st.sampled_from(["", "/Add.1", "/Rev.1", "/L.5"]),
    )


@cache
def _references() -> st.SearchStrategy[Reference]:
    to_resolution = st.builds(
        lambda date, symbol: Reference(resolution_iri(date, symbol), (symbol.resolution_number,)),
        dates(),
        symbols(),
    )
    to_document = _document_symbols().map(lambda symbol: Reference(f"https://undocs.org/{symbol}", (symbol,)))
    return st.one_of(to_resolution, to_document)


def _format_date(value: dt.date) -> Date:
    from unres._text import format_date

    return Date(value, format_date(value))


@cache
def _inline_pieces(markers: tuple[str, ...], depth: int) -> st.SearchStrategy[Inline]:
    simple: list[st.SearchStrategy[Any]] = [words(), _references(), dates().map(_format_date)]
    if markers:
        simple.append(st.sampled_from(markers).map(FootnoteCall))
    if depth > 0:
        inner = texts(markers, depth=depth - 1)
        simple.append(st.builds(Emphasis, inner, st.sampled_from(list(Style))))
        simple.append(st.builds(Quotation, inner))
    return st.one_of(*simple)


@cache
def texts(markers: tuple[str, ...] = (), *, depth: int = 1, max_pieces: int = 5) -> st.SearchStrategy[Text]:
    """Inline text: words, emphasis, references, dates, quotations and calls of ``markers``.

    The text opens with plain words, so that it never looks like an opening phrase.
    """
    pieces = st.lists(_inline_pieces(markers, depth), max_size=max_pieces)

    def join(first: str, rest: list[Inline]) -> Text:
        out: list[Inline] = [first]
        for piece in rest:
            out += [" ", piece]
        return tuple(out)

    return st.builds(join, words(), pieces)


@cache
def _openings() -> st.SearchStrategy[str | None]:
    phrase = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=12).map(str.capitalize)
    return st.one_of(st.none(), st.lists(phrase, min_size=1, max_size=3).map(" ".join))


@cache
def preambular_paragraphs(markers: tuple[str, ...] = ()) -> st.SearchStrategy[PreambularParagraph]:
    return st.builds(PreambularParagraph, texts(markers), _openings())


@cache
def subparagraphs(
    markers: tuple[str, ...] = (), depth: int = 2
) -> st.SearchStrategy[tuple[SubParagraph, ...]]:
    """A list of sub-paragraphs labelled (a), (b) ... with nested (i), (ii) ... to ``depth``."""
    labels = ["a", "b", "c", "d", "e"] if depth % 2 == 0 else ["i", "ii", "iii", "iv", "v"]
    nested = subparagraphs(markers, depth - 1) if depth > 0 else st.just(())

    def build(bodies: list[tuple[Text, tuple[SubParagraph, ...], Text]]) -> tuple[SubParagraph, ...]:
        return tuple(
            SubParagraph(label, text, subs, closing if subs else ())
            for label, (text, subs, closing) in zip(labels, bodies, strict=False)
        )

    body = st.tuples(texts(markers), st.one_of(st.just(()), nested), st.one_of(st.just(()), texts(markers)))
    return st.builds(build, st.lists(body, min_size=1, max_size=3))


@cache
def operative_paragraphs(
    markers: tuple[str, ...] = (), number: int | None = 1
) -> st.SearchStrategy[OperativeParagraph]:
    def build(
        text: Text, opening: str | None, subs: tuple[SubParagraph, ...], closing: Text
    ) -> OperativeParagraph:
        return OperativeParagraph(number, text, opening, subs, closing if subs else ())

    return st.builds(
        build,
        texts(markers),
        _openings(),
        st.one_of(st.just(()), subparagraphs(markers)),
        st.one_of(st.just(()), texts(markers)),
    )


def _maybe_unnumbered(drawn: tuple[tuple[OperativeItem, ...], bool]) -> tuple[OperativeItem, ...]:
    items, single = drawn
    first = items[0]
    if single and isinstance(first, OperativeParagraph):
        return (attrs.evolve(first, number=None),)
    return items


@cache
def _operative_items(
    markers: tuple[str, ...], sections: bool
) -> st.SearchStrategy[tuple[OperativeItem, ...]]:
    def renumber(paragraphs: list[OperativeParagraph]) -> tuple[OperativeItem, ...]:
        return tuple(attrs.evolve(para, number=n) for n, para in enumerate(paragraphs, start=1))

    numbered = st.lists(operative_paragraphs(markers), min_size=1, max_size=4).map(renumber)
    # A short resolution has one unnumbered paragraph ("Adopts the Declaration ...").
    paragraphs = st.tuples(numbered, st.booleans()).map(_maybe_unnumbered)
    if not sections:
        return paragraphs
    section = st.builds(
        Section,
        st.sampled_from(["I", "II", "III", "IV", "A", "B", "C", None]),
        st.one_of(st.just(()), texts(markers, depth=0)),
        st.lists(preambular_paragraphs(markers), max_size=2),
        paragraphs,
    )
    with_sections = st.lists(section, min_size=1, max_size=3, unique_by=lambda s: s.label or "").map(tuple)
    return st.one_of(paragraphs, with_sections)


@st.composite
def resolutions(draw: st.DrawFn, *, sections: bool = True) -> Resolution:
    """Whole resolutions: masthead, preamble, operative part, footnotes, annexes and metadata."""
    markers = tuple(draw(st.lists(footnote_markers(), max_size=4, unique=True)))
    footnotes = [Footnote(marker, draw(texts(depth=0))) for marker in markers]
    adoption = draw(dates())
    optional_date = st.one_of(st.none(), dates())
    vote: Vote | None = draw(
        st.one_of(
            st.none(),
            st.just(AdoptedWithoutVote()),
            st.builds(RecordedVote, st.integers(0, 193), st.integers(0, 193), st.integers(0, 193)),
        )
    )
    agenda = st.builds(
        AgendaItem,
        st.integers(1, 180),
        st.one_of(st.none(), st.sampled_from("abcdef")),
        st.one_of(st.none(), words()),
    )
    keyword = st.builds(
        Keyword,
        words(),
        words(),
        st.sampled_from(["UNBIS Thesaurus", "DHLAUTH"]),
        st.one_of(st.none(), st.just("http://metadata.un.org/thesaurus/1001225")),
        st.one_of(st.none(), words()),
    )
    origin = st.one_of(
        st.none(),
        st.builds(Origin, _document_symbols(), st.sampled_from(["First Committee", "Third Committee", None])),
    )
    meeting = st.builds(
        Meeting,
        st.integers(1, 120),
        st.sampled_from(["plenary", "resumed plenary"]),
        st.one_of(st.none(), st.integers(1, 120).map(lambda n: f"A/79/PV.{n}")),
    )
    annex = st.builds(
        Annex,
        st.sampled_from(["Annex", "Annex I", "Annex II"]),
        st.one_of(st.just(()), texts(markers, depth=0)),
        _operative_items(markers, False),
    )
    return Resolution(
        symbol=draw(symbols()),
        title=draw(words(1, 12)),
        adoption_date=adoption,
        preamble=draw(st.lists(preambular_paragraphs(markers), max_size=5)),
        operative=draw(_operative_items(markers, sections)),
        enacting_formula=draw(
            st.sampled_from(
                [(Emphasis(("The General Assembly",)), ","), (Emphasis(("The General Assembly,",)),)]
            )
        ),
        agenda_items=draw(st.lists(agenda, max_size=2)),
        origin=draw(origin),
        distribution_date=draw(optional_date),
        language=draw(st.sampled_from(["eng", "fra", "spa", "ara", "zho", "rus"])),
        footnotes=footnotes,
        annexes=draw(st.lists(annex, max_size=2)),
        meeting=draw(st.one_of(st.none(), meeting)),
        vote=vote,
        draft=draw(st.one_of(st.none(), st.builds(WorkflowDocument, _document_symbols(), dates()))),
        keywords=draw(st.lists(keyword, max_size=2)),
        markup_date=draw(optional_date),
        extensions=draw(st.sampled_from([(), _EXTENSIONS[:1], _EXTENSIONS])),
    )


# Metadata in another vocabulary, as unres keeps it (exclusive canonical XML).
_AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
_EXTENSIONS = (
    Foreign(
        f'<proprietary xmlns="{_AKN}" source="#un"><x:job xmlns:x="http://example.org/x">24-1 (E)</x:job>'
        "</proprietary>"
    ),
    Foreign(
        f'<presentation xmlns="{_AKN}" source="#un">'
        '<x:page xmlns:x="http://example.org/x" refersTo="#layout">A4</x:page></presentation>'
    ),
)
