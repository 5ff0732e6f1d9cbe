"""The resolution model: values, normal form, derived names."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import attrs
import pytest

import unres
from unres.model import built_as, check_tree, ordinal, session_title


def test_symbol_parses_and_prints() -> None:
    symbol = unres.Symbol.parse("A/RES/73/266")
    assert (symbol.session, symbol.number) == ("73", 266)
    assert str(symbol) == "A/RES/73/266"
    assert symbol.resolution_number == "73/266"
    assert symbol.iri_number == "73-266"


def test_symbol_of_an_emergency_special_session() -> None:
    symbol = unres.Symbol.parse("A/RES/ES-10/21")
    assert symbol.session == "ES-10"
    assert symbol.iri_number == "ES-10-21"


def test_symbol_of_a_security_council_resolution() -> None:
    symbol = unres.Symbol.parse("S/RES/2231 (2015)")
    assert (symbol.session, symbol.number, symbol.year, symbol.body) == (
        None,
        2231,
        2015,
        unres.Body.SECURITY_COUNCIL,
    )
    assert str(symbol) == "S/RES/2231 (2015)" and unres.Symbol.parse("S/RES/2231(2015)") == symbol
    assert (symbol.resolution_number, symbol.iri_number) == ("2231 (2015)", "2231-2015")
    res = unres.Resolution(symbol, "", dt.date(2015, 7, 20), operative=[unres.OperativeParagraph(1, ("x",))])
    assert res.work_iri == "/akn/un/statement/deliberation/un-sc/2015-07-20/2231-2015"
    assert res.enacting_formula == (unres.Emphasis(("The Security Council",)), ",")
    assert res.session is None and res.body is unres.Body.SECURITY_COUNCIL


@pytest.mark.parametrize(
    "fields", [("73", 1, None, 2015), (None, 1, None, None), (None, 1, "B", 2015), (None, 1, None, 1900)]
)
def test_symbol_has_a_session_or_a_year(fields: tuple[str | None, int, str | None, int | None]) -> None:
    with pytest.raises(unres.ModelError):
        unres.Symbol(*fields)


@pytest.mark.parametrize("text", ["S/RES/2231", "A/73/505", "A/RES/73", "A/RES/73/0", "73/266", ""])
def test_symbol_rejects_what_is_not_a_resolution_symbol(text: str) -> None:
    with pytest.raises(unres.ModelError, match="not a resolution symbol such as A/RES/73/266 or S/RES/1441"):
        unres.Symbol.parse(text)


def test_model_errors_are_unres_errors_and_value_errors() -> None:
    with pytest.raises(unres.UnresError):
        unres.Symbol("seventy", 1)
    with pytest.raises(ValueError):
        unres.SubParagraph("(a)")


def test_text_is_kept_in_normal_form() -> None:
    para = unres.PreambularParagraph(("Recalling", "", " its ", "resolution"), None)
    assert para.text == ("Recalling its resolution",)


def test_text_refuses_what_is_not_inline() -> None:
    with pytest.raises(unres.ModelError, match="not an inline piece"):
        unres.OperativeParagraph(1, (3,))  # type: ignore[arg-type]


def test_footnotes_are_kept_in_marker_order_and_markers_are_unique() -> None:
    def with_notes(*notes: unres.Footnote) -> unres.Resolution:
        symbol = unres.Symbol.parse("A/RES/1/1")
        return unres.Resolution(symbol, "t", dt.date(2000, 1, 1), footnotes=notes)

    res = with_notes(unres.Footnote("10", ("b",)), unres.Footnote("2", ("a",)))
    assert [note.marker for note in res.footnotes] == ["2", "10"]
    with pytest.raises(unres.ModelError, match="used twice"):
        with_notes(unres.Footnote("1", ()), unres.Footnote("1", ()))


def test_models_are_frozen() -> None:
    para = unres.OperativeParagraph(1, ("text",), "Decides")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        para.number = 2  # type: ignore[misc]
    assert attrs.evolve(para, number=2).number == 2


def test_iris_of_a_resolution() -> None:
    res = unres.Resolution(
        symbol=unres.Symbol.parse("A/RES/73/266"), title="t", adoption_date=dt.date(2018, 12, 22)
    )
    assert res.work_iri == "/akn/un/statement/deliberation/un-ga/2018-12-22/73-266"
    assert res.expression_iri == "/akn/un/statement/deliberation/un-ga/2018-12-22/73-266/eng@"
    assert res.manifestation_iri == "/akn/un/statement/deliberation/un-ga/2018-12-22/73-266/eng@.akn"
    assert res.session == "73"


def test_paragraphs_are_listed_with_their_eids() -> None:
    res = unres.Resolution(
        symbol=unres.Symbol.parse("A/RES/1/1"),
        title="t",
        adoption_date=dt.date(2000, 1, 1),
        preamble=[unres.PreambularParagraph(("x",), "Recalling")],
        operative=[
            unres.Section(
                "I",
                ("Heading",),
                [],
                [
                    unres.OperativeParagraph(
                        1,
                        ("x:",),
                        "Requests",
                        [
                            unres.SubParagraph("a", ("y",), [unres.SubParagraph("i", ("z",))]),
                        ],
                    ),
                ],
            ),
        ],
        annexes=[unres.Annex("Annex", (), [unres.OperativeParagraph(1, ("w",))])],
    )
    assert [eid for eid, _ in res.iter_paragraphs()] == [
        "preamble__container_1",
        "sec_I",
        "sec_I__para_1",
        "sec_I__para_1__list_1__point_a",
        "sec_I__para_1__list_1__point_a__list_1__point_i",
        "att_1__para_1",
    ]


@pytest.mark.parametrize(
    ("number", "words"),
    [
        ("1", "First session"),
        ("73", "Seventy-third session"),
        ("79", "Seventy-ninth session"),
        ("80", "Eightieth session"),
        ("100", "One hundredth session"),
        ("112", "One hundred and twelfth session"),
        ("ES-10", "Tenth emergency special session"),
        ("S-27", "Twenty-seventh special session"),
    ],
)
def test_session_titles_as_printed(number: str, words: str) -> None:
    assert session_title(number) == words


@pytest.mark.parametrize(
    ("number", "text"),
    [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (21, "21st"),
        (62, "62nd"),
        (65, "65th"),
        (111, "111th"),
    ],
)
def test_meeting_ordinals(number: int, text: str) -> None:
    assert ordinal(number) == text


def test_cited_documents_and_footnote_calls_in_document_order() -> None:
    ref = unres.Reference("/akn/un/statement/deliberation/un-ga/1998-12-04/53-70", ("53/70",))
    res = unres.Resolution(
        symbol=unres.Symbol.parse("A/RES/1/1"),
        title="t",
        adoption_date=dt.date(2000, 1, 1),
        preamble=[unres.PreambularParagraph(("its resolution ", ref, unres.FootnoteCall("1")), "Recalling")],
        operative=[unres.OperativeParagraph(1, (unres.Emphasis(("see", unres.FootnoteCall("1"))),))],
        footnotes=[unres.Footnote("1", ("A/65/201.",))],
    )
    assert res.cited_documents() == (ref,)
    assert [call.marker for call in res.footnote_calls()] == ["1", "1"]
    assert unres.plain_text(res.preamble[0].text) == "its resolution 53/70"


def _resolution(**changes: Any) -> unres.Resolution:
    fields: dict[str, Any] = {"symbol": "A/RES/80/1", "title": "t", "adoption_date": dt.date(2025, 1, 1)}
    return unres.Resolution(**{**fields, **changes})


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (
            lambda: unres.OperativeParagraph("1", ("x",)),  # type: ignore[arg-type]
            "OperativeParagraph.number must be int or None, not str",
        ),
        (lambda: _resolution(title=3), "Resolution.title must be str, not int 3"),
        (lambda: unres.Meeting(True), "Meeting.number must be int, not bool True"),
        (lambda: unres.Footnote(1, ("x",)), "Footnote.marker must be str, not int 1"),  # type: ignore[arg-type]
        (lambda: _resolution(footnotes=[3]), "Resolution.footnotes must be a tuple of Footnote"),
        (lambda: _resolution(vote="without vote"), "Resolution.vote must be"),
        (lambda: unres.OperativeParagraph(1, 5), "expected a sequence, not int 5"),  # type: ignore[arg-type]
        (lambda: _resolution(adoption_date="25 December"), "'25 December' is not a date (YYYY-MM-DD)"),
    ],
)
def test_construction_checks_every_field_type(build: Callable[[], object], message: str) -> None:
    """Every field is checked when an object is built: a wrong value is a ModelError naming the
    class and the field, never a failure later in a writer."""
    with pytest.raises(unres.ModelError) as caught:
        build()
    assert str(caught.value).startswith(message), str(caught.value)


def test_a_symbol_and_dates_as_strings_are_converted_as_documented() -> None:
    res = _resolution(adoption_date="2025-09-19")
    assert res.symbol == unres.Symbol("80", 1) and res.adoption_date == dt.date(2025, 9, 19)
    assert attrs.evolve(res, distribution_date="2025-09-22").distribution_date == dt.date(2025, 9, 22)


def test_check_tree_finds_what_a_reader_built_otherwise_than_the_constructor_would() -> None:
    # Readers build objects with built_as, which neither converts nor checks; check_tree is the
    # proof, in the tests over every UN file and over generated models, that they built them right.
    emphasis = unres.Emphasis(("a", "b"))
    assert emphasis.content == ("ab",)
    check_tree(emphasis)
    check_tree(built_as(unres.Emphasis)(("ab",), unres.Style.ITALIC))
    with pytest.raises(unres.ModelError, match="not as its constructor would build it"):
        check_tree(built_as(unres.Emphasis)(("a", "b"), unres.Style.ITALIC))
    with pytest.raises(unres.ModelError, match="subparagraphs must be a tuple"):
        check_tree(built_as(unres.OperativeParagraph)(1, ("words",), None, [], ()))
    assert built_as(unres.OperativeParagraph)(1, ("words",), "Requests", (), ()) == unres.OperativeParagraph(
        1, ("words",), "Requests"
    )
