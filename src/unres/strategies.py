"""Hypothesis strategies for the resolution model, for property tests of code that uses unres.

Requires ``hypothesis`` (not a run-time dependency of unres)::

    from hypothesis import given
    from unres.strategies import resolutions

    @given(resolutions())
    def test_my_exporter(resolution): ...

Generated models are in normal form: text has single spaces between words and none at the ends of
a paragraph, paragraph text that opens with an italic phrase carries it in ``opening``, and every
reference and date is well formed. Such models survive every unres format unchanged.

``resolutions(production=True)`` also generates what the UN's own production files hold: headings
between paragraphs, tables, items of preambular paragraphs, unlabelled items, resolutions in parts
and single parts (``A/RES/74/232 B``), member states by vote column, sponsors, report paragraphs,
closing lines dated otherwise or alone, and footnotes of the title line. Such models survive Akoma
Ntoso and JSON unchanged, and are written as Markdown, text and HTML without losing a word.

``resolutions_in(language)`` generates General Assembly resolutions as the UN prints them in one
of the six official languages ("fra", "ara", "zho", ...): words in that language's script, the
formula, the opening phrases the UN's files use in that language (``unres/data/openings.json``),
numbered operative paragraphs, and a masthead with committee, report, agenda and meeting. They
read back from the plain text unres writes of them with the same facts, openings and words.
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
    Heading,
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
    ResolutionPart,
    Section,
    Style,
    SubParagraph,
    Symbol,
    Table,
    TableCell,
    TableRow,
    Text,
    Vote,
    WorkflowDocument,
    resolution_iri,
)

__all__ = [
    "LANGUAGES",
    "dates",
    "footnote_markers",
    "headings",
    "operative_paragraphs",
    "preambular_paragraphs",
    "resolutions",
    "resolutions_in",
    "subparagraphs",
    "symbols",
    "tables",
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
def preambular_paragraphs(
    markers: tuple[str, ...] = (), *, production: bool = False
) -> st.SearchStrategy[PreambularParagraph]:
    if not production:
        return st.builds(PreambularParagraph, texts(markers), _openings())
    items = st.lists(
        st.builds(SubParagraph, st.sampled_from(["a", "b", "c", ""]), texts(markers)), max_size=3
    )
    return st.builds(PreambularParagraph, texts(markers), _openings(), st.one_of(st.just([]), items))


@cache
def headings(markers: tuple[str, ...] = ()) -> st.SearchStrategy[Heading]:
    """Headings standing between paragraphs, as the UN's production files set them."""
    return st.builds(
        Heading,
        st.sampled_from([None, "I", "II", "A", "B"]),
        st.one_of(st.just(()), texts(markers, depth=0)),
        texts(markers, depth=0),
    )


@cache
def tables(markers: tuple[str, ...] = ()) -> st.SearchStrategy[Table]:
    """Tables of a few rows: header and data cells, empty cells, spans, cells of several paragraphs."""
    cell = st.builds(
        TableCell,
        st.lists(texts(markers, depth=0), max_size=2),
        st.booleans(),
        st.integers(1, 3),
        st.integers(1, 2),
    )
    row = st.builds(TableRow, st.lists(cell, min_size=1, max_size=4))
    return st.builds(Table, st.lists(row, min_size=1, max_size=4))


@cache
def subparagraphs(
    markers: tuple[str, ...] = (), depth: int = 2, *, unlabelled: bool = False
) -> st.SearchStrategy[tuple[SubParagraph, ...]]:
    """A list of sub-paragraphs labelled (a), (b) ... with nested (i), (ii) ... to ``depth``;
    with ``unlabelled``, some lists are of items without labels."""
    labels = ["a", "b", "c", "d", "e"] if depth % 2 == 0 else ["i", "ii", "iii", "iv", "v"]
    nested = subparagraphs(markers, depth - 1, unlabelled=unlabelled) if depth > 0 else st.just(())

    def build(bodies: list[tuple[Text, tuple[SubParagraph, ...], Text]]) -> tuple[SubParagraph, ...]:
        return tuple(
            SubParagraph(label, text, subs, closing if subs else ())
            for label, (text, subs, closing) in zip(labels, bodies, strict=False)
        )

    body = st.tuples(texts(markers), st.one_of(st.just(()), nested), st.one_of(st.just(()), texts(markers)))
    labelled = st.builds(build, st.lists(body, min_size=1, max_size=3))
    if not unlabelled:
        return labelled
    bare = labelled.map(lambda subs: tuple(attrs.evolve(sub, label="") for sub in subs))
    return st.one_of(labelled, bare)


@cache
def operative_paragraphs(
    markers: tuple[str, ...] = (), number: int | None = 1, *, production: bool = False
) -> st.SearchStrategy[OperativeParagraph]:
    def build(
        text: Text, opening: str | None, subs: tuple[SubParagraph, ...], closing: Text
    ) -> OperativeParagraph:
        return OperativeParagraph(number, text, opening, subs, closing if subs else ())

    return st.builds(
        build,
        texts(markers),
        _openings(),
        st.one_of(st.just(()), subparagraphs(markers, unlabelled=production)),
        st.one_of(st.just(()), texts(markers)),
    )


def _maybe_unnumbered(drawn: tuple[tuple[OperativeItem, ...], bool]) -> tuple[OperativeItem, ...]:
    items, single = drawn
    first = items[0]
    if single and isinstance(first, OperativeParagraph):
        return (attrs.evolve(first, number=None),)
    return items


def _with_extras(
    drawn: tuple[tuple[OperativeItem, ...], list[tuple[int, Heading | Table]]],
) -> tuple[OperativeItem, ...]:
    """Paragraphs with headings and tables set between them, as the UN's production files have."""
    items, extras = drawn
    out = list(items)
    for position, extra in extras:
        out.insert(position % (len(out) + 1), extra)
    return tuple(out)


@cache
def _operative_items(
    markers: tuple[str, ...], sections: bool, production: bool = False
) -> st.SearchStrategy[tuple[OperativeItem, ...]]:
    def renumber(paragraphs: list[OperativeParagraph]) -> tuple[OperativeItem, ...]:
        return tuple(attrs.evolve(para, number=n) for n, para in enumerate(paragraphs, start=1))

    paragraph = operative_paragraphs(markers, production=production)
    numbered = st.lists(paragraph, min_size=1, max_size=4).map(renumber)
    # A short resolution has one unnumbered paragraph ("Adopts the Declaration ...").
    paragraphs = st.tuples(numbered, st.booleans()).map(_maybe_unnumbered)
    if production:
        extra = st.tuples(st.integers(0, 8), st.one_of(headings(markers), tables(markers)))
        paragraphs = st.tuples(paragraphs, st.lists(extra, max_size=2)).map(_with_extras)
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


@cache
def _member_states() -> st.SearchStrategy[str]:
    return st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ '()-", min_size=2, max_size=20).map(
        lambda name: " ".join(name.split()) or "CHAD"
    )


@st.composite
def _recorded_votes(draw: st.DrawFn, production: bool) -> RecordedVote:
    if not production or draw(st.booleans()):
        return draw(st.builds(RecordedVote, st.integers(0, 193), st.integers(0, 193), st.integers(0, 193)))
    yes, no, abstain = (draw(st.lists(_member_states(), max_size=4)) for _ in range(3))
    return RecordedVote(len(yes), len(no), len(abstain), yes, no, abstain)


@st.composite
def _meetings(draw: st.DrawFn, production: bool, adoption: dt.date, council: bool = False) -> Meeting:
    number = draw(st.integers(1, 120))
    record = draw(st.one_of(st.none(), st.integers(1, 120).map(lambda n: f"A/79/PV.{n}")))
    kinds = ["", "(closed)"] if council else ["plenary", "resumed plenary", "(resumed) plenary"]
    kind = draw(st.sampled_from(kinds))
    date = draw(st.one_of(st.none(), dates())) if production else None
    part = draw(st.sampled_from([None, "Part II"])) if production else None
    place = draw(st.sampled_from([None, "Nairobi", "Addis Ababa"])) if production else None
    return Meeting(number, kind, record, None if date == adoption else date, part, place)


@st.composite
def _parts(draw: st.DrawFn, markers: tuple[str, ...], adoption: dt.date) -> tuple[ResolutionPart, ...]:
    """Two or three parts, A, B, C, each a resolution of its own."""
    count = draw(st.integers(2, 3))
    parts = []
    for label in "ABC"[:count]:
        meeting = draw(st.one_of(st.none(), _meetings(production=True, adoption=adoption)))
        parts.append(
            ResolutionPart(
                label=label,
                title=draw(words(1, 8)),
                preamble=draw(st.lists(preambular_paragraphs(markers, production=True), max_size=2)),
                operative=draw(_operative_items(markers, False, True)),
                meeting=meeting,
                vote=draw(st.one_of(st.none(), st.just(AdoptedWithoutVote()), _recorded_votes(True))),
                closing_date=draw(st.one_of(st.none(), dates())) if meeting is None else None,
            )
        )
    return tuple(parts)


@st.composite
def resolutions(draw: st.DrawFn, *, sections: bool = True, production: bool = False) -> Resolution:
    """Whole resolutions: masthead, preamble, operative part, footnotes, annexes and metadata.

    With ``production``, also what the UN's own production files hold (see the module's docstring).
    """
    markers = tuple(draw(st.lists(footnote_markers(), max_size=4, unique=True)))
    footnotes = [Footnote(marker, draw(texts(depth=0))) for marker in markers]
    adoption = draw(dates())
    optional_date = st.one_of(st.none(), dates())
    vote: Vote | None = draw(
        st.one_of(st.none(), st.just(AdoptedWithoutVote()), _recorded_votes(production=production))
    )
    agenda = st.builds(
        AgendaItem,
        st.integers(1, 180),
        st.one_of(st.none(), st.sampled_from(["a", "b", "f", "ii", "aa"] if production else list("abcdef"))),
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
    paragraph = st.one_of(st.none(), st.integers(1, 99).map(str)) if production else st.none()
    origin = st.one_of(
        st.none(),
        st.builds(
            Origin,
            _document_symbols(),
            st.sampled_from(["First Committee", "Third Committee", None]),
            paragraph,
        ),
    )
    annex = st.builds(
        Annex,
        st.sampled_from(["Annex", "Annex I", "Annex II", *([None] if production else [])]),
        st.one_of(st.just(()), texts(markers, depth=0)),
        _operative_items(markers, False, production),
    )
    sponsors = st.one_of(st.none(), words(1, 6)) if production else st.none()
    council = production and draw(st.booleans())
    parts = draw(st.one_of(st.just(()), _parts(markers, adoption))) if production and not council else ()
    symbol = draw(symbols())
    if council:
        symbol = Symbol(None, draw(st.integers(1, 2999)), year=adoption.year)
    main_titles: list[str] = []
    if production and not parts and not council and draw(st.booleans()):
        symbol = attrs.evolve(symbol, part=draw(st.sampled_from("ABC")))
        main_titles = draw(st.lists(words(1, 8), max_size=2))
    meeting = draw(st.one_of(st.none(), _meetings(production=production, adoption=adoption, council=council)))
    title_notes = st.lists(st.sampled_from(markers), max_size=1) if production and markers else st.just([])
    formulas = _COUNCIL_FORMULAS if council else _FORMULAS[:1] if parts else _FORMULAS
    dated_alone = production and not parts and not council and meeting is None
    preamble = st.lists(preambular_paragraphs(markers, production=production), max_size=5)
    return Resolution(
        symbol=symbol,
        title=draw(st.one_of(st.just(""), words(1, 12)) if council else words(1, 12)),
        adoption_date=adoption,
        preamble=() if parts else draw(preamble),
        operative=() if parts else draw(_operative_items(markers, sections, production)),
        enacting_formula=draw(st.sampled_from(formulas)),
        agenda_items=draw(st.lists(agenda, max_size=2)),
        origin=draw(origin),
        distribution_date=draw(optional_date),
        language=draw(st.sampled_from(["eng", "fra", "spa", "ara", "zho", "rus"])),
        footnotes=footnotes,
        annexes=() if parts else draw(st.lists(annex, max_size=2)),
        meeting=None if parts else meeting,
        vote=vote,
        draft=draw(
            st.one_of(
                st.none(), st.builds(WorkflowDocument, _document_symbols(), dates(), sponsors, sponsors)
            )
        ),
        keywords=draw(st.lists(keyword, max_size=2)),
        markup_date=draw(optional_date),
        extensions=draw(st.sampled_from([(), _EXTENSIONS[:1], _EXTENSIONS])),
        parts=parts,
        closing_date=draw(optional_date) if dated_alone else None,
        main_titles=main_titles,
        adoption_remark=draw(st.one_of(st.none(), words(2, 6))) if production else None,
        title_notes=draw(title_notes),
    )


_FORMULAS = [(Emphasis(("The General Assembly",)), ","), (Emphasis(("The General Assembly,",)),)]
_COUNCIL_FORMULAS = [(Emphasis(("The Security Council",)), ",")]

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


# -- resolutions in each language ---------------------------------------------------------------

# Letters of each official language's script (words are drawn from them; no digits or punctuation,
# so that no drawn word reads as a number, a date or a label).
_SCRIPTS = {
    "eng": "abcdefghijklmnopqrstuvwxyz",
    "fra": "abcdefghijklmnopqrstuvwxyz\u00e9\u00e8\u00e0\u00e7\u00f4\u00ea\u0153",
    "spa": "abcdefghijklmnopqrstuvwxyz\u00f1\u00e1\u00e9\u00ed\u00f3\u00fa",
    "rus": "".join(chr(code) for code in range(0x0430, 0x0450)),
    "ara": "".join(chr(code) for code in (*range(0x0628, 0x063B), *range(0x0641, 0x064B))),
    # Common characters of Chinese text; those of the opening phrases are left out below.
    "zho": "\u4eba\u6c11\u793e\u4f1a\u5de5\u4f5c\u7ecf\u6d4e\u53d1\u5c55\u548c\u5e73\u5b89\u5168"
    "\u6559\u80b2\u536b\u751f\u6587\u5316\u79d1\u6280\u519c\u4e1a\u57ce\u5e02\u73af\u5883"
    "\u6cd5\u5f8b\u6743\u5229\u5973\u513f\u7ae5\u8d44\u6e90\u6c34\u571f\u5730\u7cae\u98df",
}
# The punctuation that ends a preambular paragraph, an operative paragraph, and the last one.
_ENDINGS = {
    "ara": ("\u060c", "\u061b", "."),
    "zho": ("\uff0c", "\uff1b", "\u3002"),
}
LANGUAGES = tuple(_SCRIPTS)
"""The codes ``resolutions_in`` takes: the six official languages."""


def _phrases(language: str, kind: str) -> tuple[str, ...]:
    from unres.text._phrases import _listed

    return _listed(language, kind)


@cache
def _words_in(language: str) -> st.SearchStrategy[str]:
    letters = _SCRIPTS[language]
    if language == "zho":  # no spaces, and no character an opening phrase could continue with
        used = {char for kind in ("preambular", "operative") for p in _phrases(language, kind) for char in p}
        return st.text(alphabet="".join(c for c in letters if c not in used), min_size=2, max_size=30)
    word = st.text(alphabet=letters, min_size=2, max_size=9)
    return st.lists(word, min_size=1, max_size=8).map(" ".join)


def _english_openings(kind: str) -> tuple[str, ...]:
    if kind == "preambular":
        return ("Recalling", "Recalling also", "Noting with concern", "Welcoming", "Reaffirming")
    return ("Requests", "Decides", "Calls upon", "Encourages", "Takes note", "Also requests")


def _ordinary_session(symbol: Symbol) -> bool:
    return symbol.session is not None and symbol.session.isdigit()


@st.composite
def resolutions_in(draw: st.DrawFn, language: str) -> Resolution:
    """A General Assembly resolution as the UN prints it in ``language`` (one of ``LANGUAGES``)."""
    from unres._languages import each

    if language not in _SCRIPTS:
        raise ValueError(f"unknown language {language!r}: expected one of {', '.join(LANGUAGES)}")
    words_in = _words_in(language)
    comma, semicolon, stop = _ENDINGS.get(language, (",", ";", "."))
    openings = {
        kind: _phrases(language, kind) if language != "eng" else _english_openings(kind)
        for kind in ("preambular", "operative")
    }
    preamble = [
        PreambularParagraph((draw(words_in) + comma,), draw(st.sampled_from(openings["preambular"])))
        for _ in range(draw(st.integers(1, 4)))
    ]
    count = draw(st.integers(1, 5))
    operative = [
        OperativeParagraph(
            number,
            (draw(words_in) + (stop if number == count else semicolon),),
            draw(st.sampled_from(openings["operative"])),
        )
        for number in range(1, count + 1)
    ]
    known = {entry.code: entry for entry in each()}
    formula = known[language].formula if language in known else "The General Assembly"
    committees = (
        sorted(set(known[language].committees.values()))
        if language in known
        else ["First Committee", "Third Committee"]
    )
    adoption = draw(dates())
    origin = draw(
        st.one_of(
            st.none(),
            st.builds(
                Origin,
                _document_symbols(),
                st.sampled_from([c for c in committees if "(" not in c]),
                st.one_of(st.none(), st.integers(1, 99).map(str)),
            ),
        )
    )
    return Resolution(
        symbol=draw(symbols().filter(_ordinary_session)),
        title=draw(words_in),
        adoption_date=adoption,
        preamble=preamble,
        operative=operative,
        enacting_formula=(Emphasis((formula,)), comma),
        agenda_items=draw(st.lists(st.builds(AgendaItem, st.integers(1, 180)), max_size=2, unique=True)),
        origin=origin,
        distribution_date=draw(st.one_of(st.none(), dates())),
        language=language,
        meeting=Meeting(draw(st.integers(1, 120))),
    )
