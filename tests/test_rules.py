"""Each rule: a document that breaks only that rule is reported with its code and location."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import attrs
import pytest

import unres
from unres import akn
from unres import json as unres_json
from unres.rules import MODEL_RULES, all_rules, expected_labels
from unres.validation import validate_bytes

from .conftest import EXAMPLES, ROOT, shared_file

SOURCE = (EXAMPLES / "A-RES-73-266.xml").read_text(encoding="utf-8")
BASE = akn.loads(SOURCE.encode())


def codes(problems: tuple[unres.Problem, ...]) -> list[tuple[str, str | None]]:
    return [(p.code, p.location) for p in problems]


def operative(index: int) -> unres.OperativeParagraph:
    para = BASE.operative[index]
    assert isinstance(para, unres.OperativeParagraph)
    return para


def with_operative(index: int, para: unres.OperativeParagraph) -> unres.Resolution:
    items = list(BASE.operative)
    items[index] = para
    return attrs.evolve(BASE, operative=items)


def with_preamble(index: int, para: unres.PreambularParagraph) -> unres.Resolution:
    items = list(BASE.preamble)
    items[index] = para
    return attrs.evolve(BASE, preamble=items)


def test_the_examples_break_no_rule() -> None:
    assert unres.validate(BASE) == ()
    assert unres.validate_file(EXAMPLES / "A-RES-73-266.xml") == ()


@pytest.mark.parametrize(
    "parts",
    [("examples", "A-RES-79-275.un-production-trimmed.xml"), ("examples", "template-ga-resolution.xml")],
)
def test_the_shared_examples_have_no_errors(parts: tuple[str, str]) -> None:
    problems = unres.validate_file(shared_file(*parts))
    assert [p for p in problems if p.severity is unres.Severity.ERROR] == []


def test_r001_a_skipped_number() -> None:
    res = with_operative(1, attrs.evolve(operative(1), number=4))
    assert codes(unres.validate(res)) == [("R001", "para_4"), ("R001", "para_3")]


def test_r002_a_label_out_of_sequence() -> None:
    para = operative(0)
    subs = [para.subparagraphs[0], attrs.evolve(para.subparagraphs[1], label="c")]
    res = with_operative(0, attrs.evolve(para, subparagraphs=subs))
    assert codes(unres.validate(res)) == [("R002", "para_1__list_1__point_c")]


@pytest.mark.parametrize(
    ("first", "count", "labels"),
    [
        ("a", 3, ["a", "b", "c"]),
        ("i", 4, ["i", "ii", "iii", "iv"]),
        ("a", 28, [*"abcdefghijklmnopqrstuvwxyz", "aa", "bb"]),
        ("A", 2, ["A", "B"]),
        ("1", 3, ["1", "2", "3"]),
    ],
)
def test_expected_labels(first: str, count: int, labels: list[str]) -> None:
    assert expected_labels(first, count) == labels


def test_r003_an_uncalled_footnote() -> None:
    res = attrs.evolve(BASE, footnotes=[*BASE.footnotes, unres.Footnote("4", ("A/71/1.",))])
    assert codes(unres.validate(res)) == [("R003", "footnote 4")]


def test_r004_a_call_without_footnote() -> None:
    para = operative(2)
    (words,) = para.text
    assert isinstance(words, str)
    res = with_operative(2, attrs.evolve(para, text=(words[:-1], unres.FootnoteCall("4"), ";")))
    assert codes(unres.validate(res)) == [("R004", "footnote call 4")]


def test_r005_footnotes_called_out_of_order() -> None:
    swapped = SOURCE.replace('marker="1"', 'marker="X"').replace('marker="2"', 'marker="1"')
    swapped = swapped.replace('marker="X"', 'marker="2"')
    res = akn.loads(swapped.encode())
    assert codes(unres.validate(res)) == [("R005", "footnote call 2")]


def test_r006_adopted_outside_the_session() -> None:
    res = attrs.evolve(BASE, adoption_date=dt.date(2017, 12, 22))
    (problem,) = unres.validate(res)
    assert (problem.code, problem.location) == ("R006", "adoption_date")
    assert problem.message == "adopted on 2017-12-22, outside session 73 (2018-09-01 to 2019-09-30)"


def test_r007_distributed_before_adoption() -> None:
    res = attrs.evolve(BASE, distribution_date=dt.date(2018, 12, 1))
    assert codes(unres.validate(res)) == [("R007", "distribution_date")]


def test_r008_a_reference_dated_otherwise_than_the_text() -> None:
    broken = SOURCE.replace("un-ga/1998-12-04/53-70", "un-ga/1998-12-05/53-70")
    problems = unres.validate(akn.loads(broken.encode()))
    assert codes(problems) == [("R008", "preamble__container_1")]
    assert problems[0].message == "reference to 53/70 is dated 1998-12-05 but the text says 4 December 1998"


def test_r008_a_reference_whose_words_name_another_resolution() -> None:
    broken = SOURCE.replace(">54/49</ref>", ">54/94</ref>")
    assert codes(unres.validate(akn.loads(broken.encode()))) == [("R008", "preamble__container_1")]


def test_r009_a_preambular_paragraph_ending_otherwise() -> None:
    para = BASE.preamble[1]
    res = with_preamble(1, attrs.evolve(para, text=(str(para.text[0])[:-1] + ".",)))
    (problem,) = unres.validate(res)
    assert (problem.code, problem.location, problem.severity) == (
        "R009",
        "preamble__container_2",
        unres.Severity.WARNING,
    )


def test_r010_an_operative_paragraph_ending_otherwise() -> None:
    para = operative(2)
    res = with_operative(2, attrs.evolve(para, text=(str(para.text[0])[:-1] + ",",)))
    assert codes(unres.validate(res)) == [("R010", "para_3")]


def test_r011_an_operative_verb_in_the_preamble() -> None:
    res = with_preamble(1, attrs.evolve(BASE.preamble[1], opening="Notes"))
    (problem,) = unres.validate(res)
    assert (problem.code, problem.location) == ("R011", "preamble__container_2")
    assert problem.message == "'Notes' is not a known preambular phrase; did you mean 'Noting'?"


def test_r011_known_phrases_with_adverbs_pass() -> None:
    for opening in ("Noting with deep concern", "Deeply concerned", "Recalling also", "Having considered"):
        assert unres.validate(with_preamble(1, attrs.evolve(BASE.preamble[1], opening=opening))) == ()


def test_r012_an_unknown_operative_verb() -> None:
    res = with_operative(2, attrs.evolve(operative(2), opening="Requesting"))
    (problem,) = unres.validate(res)
    assert (problem.code, problem.location) == ("R012", "para_3")
    assert problem.message == "'Requesting' is not a known operative phrase; did you mean 'Requests'?"
    for opening in ("Also decides", "Further requests", "Strongly condemns", "Once again urges"):
        assert unres.validate(with_operative(2, attrs.evolve(operative(2), opening=opening))) == ()


def test_r013_a_language_that_is_not_iso_639_2() -> None:
    assert codes(unres.validate(attrs.evolve(BASE, language="xyz"))) == [("R013", "language")]
    for code in ("eng", "fra", "fre", "ara", "zho", "chi", "rus", "spa", "qab"):
        # (an English text marked as another language gets R019's and R020's warnings on its
        # formula and openings)
        found = unres.validate(attrs.evolve(BASE, language=code))
        assert [p for p in found if p.code not in ("R019", "R020")] == []


# -- rules on the markup ------------------------------------------------------------------------


def file_codes(text: str) -> list[tuple[str, int | None]]:
    return [(p.code, p.line) for p in validate_bytes(text.encode(), "akn", source="doc.xml")]


def line_with(text: str, needle: str) -> int:
    return next(n for n, row in enumerate(text.splitlines(), 1) if needle in row)


def test_a001_a_masthead_symbol_that_disagrees() -> None:
    broken = SOURCE.replace(
        '<docNumber refersTo="#symbol">A/RES/73/266', '<docNumber refersTo="#symbol">A/RES/73/267'
    )
    line = line_with(broken, "A/RES/73/267")
    problems = validate_bytes(broken.encode(), "akn", source="doc.xml")
    assert {(p.code, p.line) for p in problems} == {
        (
            "A001",
            line_with(
                broken, 'FRBRthis value="/akn/un/statement/deliberation/un-ga/2018-12-22/73-266/!main"'
            ),
        ),
        ("A001", line_with(broken, "<FRBRalias")),
        ("A001", line_with(broken, "<FRBRnumber")),
        ("A001", line_with(broken, "<docNumber>73/266.")),
        ("A001", line_with(broken, '/73-266"/>')),
        ("A001", line_with(broken, 'eng@/!main"')),
        ("A001", line_with(broken, 'eng@"/>')),
        ("A001", line_with(broken, "eng@/!main.xml")),
        ("A001", line_with(broken, "eng@.akn")),
    }
    assert all("says 73/266 but the masthead symbol says 73/267" in p.message for p in problems)
    assert line > 0


def test_a001_a_session_that_disagrees() -> None:
    broken = SOURCE.replace('<session value="73"', '<session value="74"')
    assert file_codes(broken) == [("A001", line_with(broken, '<session value="74"'))]


def test_a002_a_repeated_eid() -> None:
    broken = SOURCE.replace('eId="preamble__container_2"', 'eId="preamble__container_1"')
    assert file_codes(broken) == [
        ("A002", line_with(broken, '<container name="noting" eId="preamble__container_1"'))
    ]


def test_a003_an_eid_off_the_convention() -> None:
    broken = SOURCE.replace('<list eId="para_2__list_1">', '<list eId="para_2_list">')
    problems = validate_bytes(broken.encode(), "akn", source="doc.xml")
    assert [(p.code, p.line, p.severity) for p in problems] == [
        ("A003", line_with(broken, 'eId="para_2_list"'), unres.Severity.WARNING)
    ]


def test_a004_a_link_that_leads_nowhere() -> None:
    broken = SOURCE.replace(
        '<noteRef href="#preamble__container_10__authorialNote_2"', '<noteRef href="#nowhere"'
    )
    assert file_codes(broken) == [("A004", line_with(broken, "#nowhere"))]


def test_a005_an_undeclared_ontology_reference() -> None:
    broken = SOURCE.replace('<event refersTo="#plenaryMeeting">', '<event refersTo="#meeting">')
    problems = validate_bytes(broken.encode(), "akn")
    assert [(p.code, p.severity) for p in problems] == [("A005", unres.Severity.WARNING)]


def test_r014_a_vote_whose_lists_do_not_match_its_counts() -> None:
    vote = unres.RecordedVote(2, 1, 0, ("ANGOLA",), ("CHILE",))
    assert codes(unres.validate(attrs.evolve(BASE, vote=vote))) == [("R014", "vote")]
    problem = unres.validate(attrs.evolve(BASE, vote=vote))[0]
    # Only the states against and abstaining named, as the Council's closing lines name them.
    named = unres.RecordedVote(12, 1, 2, (), ("CUBA",), ("ECUADOR", "YEMEN"))
    assert codes(unres.validate(attrs.evolve(BASE, vote=named))) == []
    short = unres.RecordedVote(12, 1, 2, (), ("CUBA",), ("ECUADOR",))
    assert [p.message for p in unres.validate(attrs.evolve(BASE, vote=short))] == [
        "abstaining: 2 counted, 1 member states listed"
    ]
    assert problem.message == "in favour: 2 counted, 1 member states listed"
    twice = unres.RecordedVote(2, 1, 0, ("ANGOLA", "ANGOLA"), ("CHILE",))
    assert [p.message for p in unres.validate(attrs.evolve(BASE, vote=twice))] == [
        "in favour: listed twice: ANGOLA"
    ]
    # Counts alone, as older files give them, are not checked against lists they do not have.
    assert unres.validate(attrs.evolve(BASE, vote=unres.RecordedVote(119, 0, 46))) == ()
    assert unres.validate(attrs.evolve(BASE, vote=unres.RecordedVote(2, 1, 0, ("A", "B"), ("C",)))) == ()


def test_r015_a_record_of_another_meeting() -> None:
    assert BASE.meeting is not None
    wrong = attrs.evolve(BASE, meeting=attrs.evolve(BASE.meeting, record="A/73/PV.66"))
    assert [(p.code, p.message) for p in unres.validate(wrong)] == [
        ("R015", "the record A/73/PV.66 is not that of the 65th plenary meeting")
    ]
    report = attrs.evolve(BASE, meeting=attrs.evolve(BASE.meeting, record="A/73/505"))
    assert [p.message for p in unres.validate(report)] == ["A/73/505 is not a meeting record (…/PV.n)"]
    right = attrs.evolve(BASE, meeting=attrs.evolve(BASE.meeting, record="A/73/PV.65"))
    assert unres.validate(right) == ()


def test_r016_a_closing_line_dated_otherwise() -> None:
    assert BASE.meeting is not None
    late = attrs.evolve(BASE, meeting=attrs.evolve(BASE.meeting, date=dt.date(2018, 12, 23)))
    assert [(p.code, p.message, p.location) for p in unres.validate(late)] == [
        ("R016", "the closing line is dated 2018-12-23, the adoption 2018-12-22", "meeting")
    ]
    alone = attrs.evolve(BASE, meeting=None, closing_date=dt.date(2018, 12, 22))
    assert unres.validate(alone) == ()
    # The date written is the one kept: it reads back and is reported from the file too.
    assert codes(validate_bytes(akn.dumps(late), "akn")) == [("R016", "meeting")]


def test_a006_a_placeholder_date() -> None:
    step = (
        '<step eId="workflow__step_0" date="0001-01-01" by="#un-ga"'
        ' outcome="draftResolutionAdditionalSponsors"/>'
    )
    broken = SOURCE.replace('<workflow source="#un">', f'<workflow source="#un">{step}', 1)
    assert broken != SOURCE
    problems = validate_bytes(broken.encode(), "akn")
    assert [(p.code, p.severity, p.message) for p in problems] == [
        (
            "A006",
            unres.Severity.WARNING,
            "<step> (draftResolutionAdditionalSponsors) is dated 0001-01-01,"
            " a placeholder for an unknown date",
        )
    ]


def test_a007_a_masthead_report_the_workflow_does_not_name() -> None:
    step = (
        '<step eId="workflow__step_0" date="2018-12-05" by="#un-ga"'
        ' outcome="recommendedForAdoption" as="{}"/>'
    )
    for named, found in (("A/73/506", ["A007"]), ("A/73/505", []), ("A/73/505, as orally revised", [])):
        changed = SOURCE.replace('<workflow source="#un">', '<workflow source="#un">' + step.format(named), 1)
        assert [p.code for p in validate_bytes(changed.encode(), "akn")] == found, named
    message = validate_bytes(
        SOURCE.replace(
            '<workflow source="#un">', '<workflow source="#un">' + step.format("A/73/506"), 1
        ).encode(),
        "akn",
    )[0].message
    assert message == "the masthead names the report A/73/505, the workflow A/73/506"


def _council(**changes: Any) -> unres.Resolution:
    """A/RES/73/266's text as a Security Council resolution, S/RES/1441 (2002)."""
    base = attrs.evolve(
        BASE,
        symbol=unres.Symbol.parse("S/RES/1441 (2002)"),
        adoption_date=dt.date(2002, 11, 8),
        distribution_date=None,
        origin=None,
        agenda_items=(),
        enacting_formula=(unres.Emphasis(("The Security Council",)), ","),
        meeting=unres.Meeting(4644, ""),
    )
    return attrs.evolve(base, **changes)


def test_r006_a_council_resolution_adopted_in_another_year() -> None:
    assert [p.code for p in unres.validate(_council()) if p.code == "R006"] == []
    late = _council(adoption_date=dt.date(2003, 1, 2))
    assert [(p.code, p.message) for p in unres.validate(late) if p.code == "R006"] == [
        ("R006", "adopted on 2003-01-02, not in 2002 as its symbol says")
    ]


def test_a008_what_the_canonical_form_writes_otherwise() -> None:
    source = shared_file("unxml", "ga", "en", "A_RES_ES-11_1.unxml.en.xml")
    found = [(p.line, p.message) for p in validate_bytes(source.read_bytes(), "akn") if p.code == "A008"]
    # Read in the file: its manifestation IRI (line 22), the draft's sponsors (81), the additional
    # sponsors (82), and a bold span around the whole title (356).
    assert [line for line, _ in found] == [22, 81, 82, 356]
    assert found[1][1].endswith("its words are kept as the draft's sponsors")
    assert (
        found[2][1] == "<step by='Barbados and Cambodia'> is written as the actor's reference; "
        "its words are kept as the draft's additional sponsors"
    )
    assert found[3][1] == "the formatting around the whole title is not kept"
    # unres's own canonical form changes nothing.
    written = unres.dumps(unres.load(source), "akn")
    assert [p for p in validate_bytes(written, "akn") if p.code == "A008"] == []


def test_a008_an_arabic_number_typed_in_the_text() -> None:
    # A/RES/74/176 in Arabic types "1 -" at the start of paragraph 1's text (line 333), no <num>.
    source = shared_file("unxml", "ga", "ar", "A_RES_74_176.unxml.ar.xml")
    found = [(p.line, p.message) for p in validate_bytes(source.read_bytes(), "akn") if p.code == "A008"]
    assert (333, "the paragraph's number 1, typed at the start of its text, is written in <num>") in found
    resolution = unres.load(source)
    first = resolution.operative[0]
    assert isinstance(first, unres.OperativeParagraph)
    assert (first.number, first.opening) == (1, "\u062a\u062d\u062b")  # "تحث", bold italic in the file
    written = unres.dumps(resolution, "akn").decode()
    assert "<num>1 -</num>" in written
    assert "<b><i>\u062a\u062d\u062b</i></b> " in written


def test_r019_a_formula_in_another_language() -> None:
    french = shared_file("unxml", "ga", "fr", "A_RES_74_132.unxml.fr.xml")
    res = unres.load(french)
    assert [p.code for p in unres.validate(res) if p.code == "R019"] == []
    english_formula = attrs.evolve(res, enacting_formula=(unres.Emphasis(("The General Assembly",)), ","))
    found = [(p.code, p.severity, p.message) for p in unres.validate(english_formula) if p.code == "R019"]
    assert found == [
        (
            "R019",
            unres.Severity.WARNING,
            "the enacting formula 'The General Assembly' is not the fra one, 'L\u2019Assemblée générale'",
        )
    ]
    # A language unres has no words for is not checked; English is.
    unknown = attrs.evolve(english_formula, language="deu")
    assert [p.code for p in unres.validate(unknown) if p.code == "R019"] == []
    assert [p.code for p in unres.validate(attrs.evolve(res, language="eng")) if p.code == "R019"] == ["R019"]


def test_r020_an_opening_in_another_language() -> None:
    def r020(res: unres.Resolution) -> list[str]:
        return [p.message for p in unres.validate(res) if p.code == "R020"]

    def recalling(res: unres.Resolution) -> unres.Resolution:
        """The first preambular paragraph opening with the English "Recalling"."""
        return attrs.evolve(
            res, preamble=(attrs.evolve(res.preamble[0], opening="Recalling"), *res.preamble[1:])
        )

    # The UN's own file: a Latin "c" typed for the Cyrillic "\u0441" of "with" (line 400).
    russian = shared_file("unxml", "ga", "ru", "A_RES_75_250_B.unxml.ru.xml")
    found = [(p.code, p.severity, p.location) for p in unres.validate_file(russian) if p.code == "R020"]
    assert found == [("R020", unres.Severity.WARNING, "para_12")]
    # An English opening left in a French text, and a Latin one in an Arabic text.
    french = unres.load(shared_file("unxml", "ga", "fr", "A_RES_74_132.unxml.fr.xml"))
    assert r020(french) == []
    assert r020(recalling(french)) == ["the opening 'Recalling' is English, not fra"]
    arabic = unres.load(shared_file("unxml", "ga", "ar", "A_RES_74_132.unxml.ar.xml"))
    assert r020(arabic) == []
    assert r020(recalling(arabic)) == ["the opening 'Recalling' is not written in the script of ara"]


def test_r017_a_council_vote_that_does_not_count_the_council() -> None:
    def r017(vote: unres.Vote) -> list[str]:
        return [p.message for p in unres.validate(_council(vote=vote)) if p.code == "R017"]

    assert r017(unres.RecordedVote(14, 0, 1)) == []
    assert r017(unres.RecordedVote(14, 0, 0)) == ["14-0-0 counts 14 votes of a Council of 15"]
    explained = attrs.evolve(
        _council(vote=unres.RecordedVote(14, 0, 0)),
        adoption_remark="One member (Yemen) did not participate in the vote.",
    )
    assert [p.code for p in unres.validate(explained) if p.code == "R017"] == []
    too_many = attrs.evolve(
        _council(vote=unres.RecordedVote(15, 1, 0)), adoption_remark="Adopted by 15 votes."
    )
    assert [p.code for p in unres.validate(too_many) if p.code == "R017"] == ["R017"]
    old = attrs.evolve(_council(vote=unres.RecordedVote(10, 0, 1)), symbol=unres.Symbol(None, 242, year=1965))
    assert [p.code for p in unres.validate(attrs.evolve(old, adoption_date=dt.date(1965, 11, 22)))] == []
    assert [p.code for p in unres.validate(attrs.evolve(BASE, vote=unres.RecordedVote(1, 0, 0)))] == []


# -- reporting --------------------------------------------------------------------------------


def test_every_rule_has_a_code_a_name_a_docstring_and_a_page() -> None:
    page = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    rules = all_rules()
    assert len({rule.code for rule in rules}) == len(rules) == 28
    for rule in rules:
        assert rule.summary, rule.code
        assert f"## {rule.code} {rule.name}" in page, rule.code


def test_problems_in_json_carry_a_json_pointer() -> None:
    res = with_operative(1, attrs.evolve(operative(1), number=4))
    problems = validate_bytes(unres_json.dumps(res).encode(), "json", source="doc.json")
    assert [(p.code, p.pointer) for p in problems] == [("R001", "/operative/1"), ("R001", "/operative/2")]


def test_rules_can_be_selected_and_ignored() -> None:
    res = attrs.evolve(BASE, language="xyz", distribution_date=dt.date(2018, 1, 1))
    assert [p.code for p in unres.validate(res)] == ["R007", "R013"]
    assert [p.code for p in unres.validate(res, selection=unres.Selection(("R013",)))] == ["R013"]
    assert [p.code for p in unres.validate(res, selection=unres.Selection(ignore=("R01",)))] == ["R007"]
    assert len(MODEL_RULES) == 20


def test_pyproject_selection_applies_to_the_command_line(tmp_path: Path) -> None:
    from .test_cli import unres as run

    bad = tmp_path / "bad.xml"
    bad.write_text(SOURCE.replace('eId="para_1__list_1"', 'eId="para_1_list"'), encoding="utf-8")
    assert "A003" in run("validate", str(bad), cwd=tmp_path).stdout
    (tmp_path / "pyproject.toml").write_text('[tool.unres]\nignore = ["A003"]\n')
    assert run("validate", str(bad), cwd=tmp_path).stdout == ""
    # --select replaces the configured selection; the configured ignore still applies.
    assert run("validate", str(bad), "--select", "A", cwd=tmp_path).stdout == ""


def test_the_done_when_scenario_on_79_275(tmp_path: Path) -> None:
    from .test_cli import unres as run

    text = shared_file("examples", "A-RES-79-275.un-production-trimmed.xml").read_text(encoding="utf-8")
    text = text.replace("<num>2.</num>", "<num>4.</num>").replace(
        "<!-- AKN4UN专属排版模块",
        '<notes source="#un"><note eId="note_7" marker="7"><p>Never called.</p></note></notes>\n<!-- ',
    )
    copy = tmp_path / "A-RES-79-275.xml"
    copy.write_text(text, encoding="utf-8")
    result = run("validate", str(copy), "--ignore", "A003,A005,A008,R010")
    assert result.returncode == 1
    rows = text.splitlines()
    para_2 = next(n for n, row in enumerate(rows, 1) if '<paragraph eId="para_2"' in row)
    para_3 = next(n for n, row in enumerate(rows, 1) if '<paragraph eId="para_3"' in row)
    note = next(n for n, row in enumerate(rows, 1) if 'eId="note_7"' in row)
    assert result.stdout.splitlines() == [
        f"{copy}:{para_2}: R001 operative paragraph 4 follows 1: expected 2 [para_4]",
        f"{copy}:{para_3}: R001 operative paragraph 3 follows 4: expected 5 [para_3]",
        f"{copy}:{note}: R003 footnote 7 is never called [footnote 7]",
    ]


def test_check_raises_on_errors_and_returns_warnings() -> None:
    assert unres.check(BASE) == ()
    with pytest.raises(unres.ValidationError) as caught:
        unres.check(attrs.evolve(BASE, language="xyz", distribution_date=dt.date(2018, 1, 1)))
    assert str(caught.value) == (
        "R007 distributed on 2018-01-01, before adoption on 2018-12-22 [distribution_date] (and 1 more)"
    )
    assert [p.code for p in caught.value.problems] == ["R007", "R013"]  # type: ignore[attr-defined]
    warned = with_preamble(1, attrs.evolve(BASE.preamble[1], opening="Notes"))
    assert [p.code for p in unres.check(warned)] == ["R011"]
