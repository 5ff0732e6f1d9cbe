"""Reading resolutions from text (Markdown and PDF layout text) and writing them as text.

The shared examples are read where they are (``../shared/examples``). Every count below was made
by hand from the file named, not taken from unres's output.
"""

from __future__ import annotations

import datetime as dt
import re

import attrs
import pytest
from hypothesis import given
from lxml import etree

import unres
from unres import akn, text
from unres.model import (
    Date,
    Heading,
    OperativeParagraph,
    Reference,
    Resolution,
    Section,
    SubParagraph,
    iter_inline,
)
from unres.strategies import resolutions

from .conftest import EXAMPLES, shared_file

# -- helpers ------------------------------------------------------------------------------------


def _subs(items: tuple[SubParagraph, ...]) -> int:
    return sum(1 + _subs(s.subparagraphs) for s in items)


def _paragraphs(items: tuple[object, ...]) -> list[OperativeParagraph]:
    found: list[OperativeParagraph] = []
    for item in items:
        if isinstance(item, Section):
            found += _paragraphs(item.content)
        elif not isinstance(item, Heading):  # a cross-heading holds no paragraph
            assert isinstance(item, OperativeParagraph)
            found.append(item)
    return found


_SUPERSCRIPT_RUN = "[\u2070\u00b9\u00b2\u00b3\u2074-\u2079]+"
_SUPERSCRIPTS = str.maketrans("\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079", "0123456789")


def _words(value: str) -> list[str]:
    """Runs of letters and runs of digits; a footnote call (superscript digits) is a word of its own."""
    value = re.sub(r"<[^>]+>", " ", value)  # <sup>1</sup> in Markdown
    value = re.sub(_SUPERSCRIPT_RUN, lambda m: " " + m[0].translate(_SUPERSCRIPTS), value)
    return re.findall(r"[^\W\d_]+|\d+", value)


def _missing_word(source: list[str], model: list[str]) -> str | None:
    """The first source word that does not appear, in order, among the model's words."""
    at = 0
    for index, word in enumerate(source):
        while at < len(model) and model[at] != word:
            at += 1
        if at == len(model):
            return f"{word!r} after {' '.join(source[max(0, index - 8) : index])!r}"
        at += 1
    return None


# -- the founding example ----------------------------------------------------------------------


def test_seed_markdown_reads_to_the_hand_marked_resolution() -> None:
    parsed = text.parse(shared_file("examples", "A-RES-73-266.md").read_bytes(), markdown=True)
    assert parsed.resolution == akn.load(EXAMPLES / "A-RES-73-266.xml")
    assert parsed.problems == ()


def test_seed_markdown_has_every_part_counted_by_hand() -> None:
    res = text.load(shared_file("examples", "A-RES-73-266.md"))
    assert str(res.symbol) == "A/RES/73/266" and res.session == "73"
    assert res.title.startswith("Advancing responsible State behaviour in cyberspace")
    assert res.agenda_items == (unres.AgendaItem(96),)
    assert res.adoption_date == dt.date(2018, 12, 22)
    assert res.origin == unres.Origin("A/73/505", "First Committee")
    assert len(res.preamble) == 15
    assert res.preamble[0].opening == "Recalling" and res.preamble[6].opening == "Expressing concern"
    numbered = _paragraphs(res.operative)
    assert [p.number for p in numbered] == [1, 2, 3, 4, 5, 6]
    openings = ["Calls upon", "Invites", "Requests", "Requests", "Requests", "Decides"]
    assert [p.opening for p in numbered] == openings
    assert [[s.label for s in p.subparagraphs] for p in numbered[:3]] == [["a", "b"], ["a", "b"], []]
    assert [n.marker for n in res.footnotes] == ["1", "2", "3"]
    assert [c.marker for c in res.footnote_calls()] == ["1", "2", "3", "1", "2", "3"]
    # The 19 resolutions and 1 decision it recalls, each with its date in the text and in its IRI.
    first = res.preamble[0].text
    references = [p for p in first if isinstance(p, Reference)]
    dates = [p for p in first if isinstance(p, Date)]
    assert len(references) == 20 and len(dates) == 20
    for reference, date in zip(references, dates, strict=True):
        assert reference.href.startswith(f"/akn/un/statement/deliberation/un-ga/{date.value.isoformat()}/")
    assert references[0].content == ("53/70",) and dates[0].text == "4 December 1998"
    assert references[-1].content == ("72/512",) and dates[-1].value == dt.date(2017, 12, 4)
    assert res.meeting == unres.Meeting(65)


def test_seed_converts_to_valid_akn_and_markdown_that_reads_back(oasis_schema: object) -> None:
    from lxml import etree

    res = text.load(shared_file("examples", "A-RES-73-266.md"))
    xml = akn.dumps(res)
    assert oasis_schema.validate(etree.fromstring(xml))  # type: ignore[attr-defined]
    written = text.dumps(akn.loads(xml), "md")
    assert text.loads(written) == res
    assert text.dumps(text.loads(written), "md") == written


# -- the shared texts extracted from PDF files ---------------------------------------------------

# file: (preambular, numbered operative, sub-paragraphs, footnotes, annex paragraphs, annex sub-paragraphs)
COUNTS = {
    "A_RES_73_8.txt": (8, 5, 0, 1, 0, 0),
    "A_RES_80_1.md": (5, 3, 3, 1, 0, 0),
    "A_RES_80_5.md": (0, 0, 0, 15, 44, 122),
    "A_RES_80_7.md": (4, 5, 0, 3, 0, 0),
    "A_RES_80_7.railcar-v1.0.0.txt": (4, 5, 0, 3, 0, 0),
    "A_RES_80_12.md": (14, 10, 11, 5, 0, 0),
    "A_RES_80_68.md": (9, 15, 10, 16, 0, 0),
    "S_RES_242_1967.crunsc.txt": (3, 4, 5, 0, 0, 0),
    "S_RES_660_1990.crunsc.txt": (3, 4, 0, 0, 0, 0),
    "S_RES_687_1991.crunsc.txt": (25, 34, 11, 0, 0, 0),
}
# The Security Council's date and closing lines: their words become facts (date, meeting, vote), checked
# by test_security_council_texts_give_symbol_date_meeting_and_vote, not words of the text.
ADOPTION_LINES = {
    "S_RES_242_1967.crunsc.txt": {2, 56, 57},
    "S_RES_660_1990.crunsc.txt": {2, 27, 28, 29, 30},
    "S_RES_687_1991.crunsc.txt": {2, 467, 468, 469},
}
# Page furniture (line numbers): running heads, job numbers, barcodes, page numbers.
FURNITURE = {
    "A_RES_73_8.txt": {48, 49, 50, 51, 97},
    "A_RES_80_1.md": {40},
    "A_RES_80_7.railcar-v1.0.0.txt": {18, 19, 76, 77, 79, 80},
}
# Lines holding footnote texts in the middle of a file (they are compared after the body).
NOTE_LINES = {
    "A_RES_73_8.txt": {94, 95},
    "A_RES_80_7.railcar-v1.0.0.txt": {74, 120, 121, 122, 123, 125, 126},
}
# Damage in the extraction that the reader repairs: the source's word and what it stands for.
DAMAGE = {"A_RES_80_5.md": {"203412": ["2034", "12"]}}
# Scanning slips on one line: the line's text as scanned and as meant.
SLIPS = {"S_RES_242_1967.crunsc.txt": {23: ("(1)", "(i)")}}


def _load_shared(name: str) -> tuple[list[str], text.Parsed]:
    path = shared_file("examples", "text", name)
    lines = path.read_text(encoding="utf-8").split("\n")  # as editors count lines: a form feed is no line end
    return lines, text.parse(path.read_bytes(), source=name, markdown=name.endswith(".md"))


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_shared_texts_have_the_counts_made_by_hand(name: str) -> None:
    _, parsed = _load_shared(name)
    res = parsed.resolution
    preamble, numbered, subs, notes, annex_paras, annex_subs = COUNTS[name]
    assert len(res.preamble) == preamble
    paragraphs = [p for p in _paragraphs(res.operative) if p.number is not None]
    assert [p.number for p in paragraphs] == list(range(1, numbered + 1))
    assert sum(_subs(p.subparagraphs) for p in _paragraphs(res.operative)) == subs
    assert [n.marker for n in res.footnotes] == [str(n) for n in range(1, notes + 1)]
    assert sorted({c.marker for c in res.footnote_calls()}, key=int) == [n.marker for n in res.footnotes]
    in_annexes = [p for annex in res.annexes for p in _paragraphs(annex.content)]
    assert [p.number for p in in_annexes] == list(range(1, annex_paras + 1))
    assert sum(_subs(p.subparagraphs) for p in in_annexes) == annex_subs
    assert res.meeting is not None
    assert unres.validate(res) == () or all(p.severity is unres.Severity.WARNING for p in unres.validate(res))


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_shared_texts_lose_no_word(name: str) -> None:
    lines, parsed = _load_shared(name)
    end = lines.index("---", 1) + 1 if lines[0] == "---" else 0  # front matter
    body, notes = [], []
    for number, line in enumerate(lines[end:], start=end + 1):
        if number in FURNITURE.get(name, set()) | ADOPTION_LINES.get(name, set()):
            continue
        if number in SLIPS.get(name, {}):
            line = line.replace(*SLIPS[name][number])
        if re.match(r"^\s*\[\^\d+\]:|^\s*<sup>\d+</sup> ", line) or number in NOTE_LINES.get(name, set()):
            notes.append(line)
        elif notes and line.startswith("    ") and name.endswith(".md"):
            notes.append(line)  # continuation of a Markdown footnote
        else:
            body.append(line)
    fixes = DAMAGE.get(name, {})
    source = [part for word in _words("\n".join(body + notes)) for part in fixes.get(word, [word])]
    written = text.dumps(parsed.resolution, "text")
    assert _missing_word(source, _words(written)) is None


def test_repairs_are_reported_with_their_lines() -> None:
    _, parsed = _load_shared("A_RES_80_12.md")
    found = [(p.code, p.line) for p in parsed.problems]
    # Two paragraphs broken by a page (lines 36/38 and 60/62), labels (a) and (b) lost twice.
    assert ("T002", 38) in found and ("T002", 62) in found
    assert [line for code, line in found if code == "T012"] == [76, 96]
    assert all(p.severity is unres.Severity.WARNING for p in parsed.problems)
    seven = parsed.resolution.operative[6]
    assert isinstance(seven, OperativeParagraph)
    assert [s.label for s in seven.subparagraphs] == list("abcdefghi")
    assert unres.plain_text(seven.subparagraphs[0].text).startswith("To continue the practice")


def test_running_title_and_page_break_inside_a_subparagraph() -> None:
    _, parsed = _load_shared("A_RES_80_1.md")
    first = parsed.resolution.operative[0]
    assert isinstance(first, OperativeParagraph) and first.opening == "Decides"
    words = unres.plain_text(first.subparagraphs[0].text)
    assert "general debate of the Assembly at its eightieth session" in words
    assert "Participation by the State" not in words
    assert {p.code for p in parsed.problems} >= {"T001", "T002"}


def test_glued_paragraphs_calls_and_headings_of_a_declaration() -> None:
    _, parsed = _load_shared("A_RES_80_5.md")
    res = parsed.resolution
    (adopts,) = res.operative
    assert isinstance(adopts, OperativeParagraph) and adopts.opening == "Adopts" and adopts.number is None
    (annex,) = res.annexes
    # Cross-headings between the numbered paragraphs, as the UN's own file marks them (a paragraph
    # holding a subheading, A_RES_80_5.unxml.en.xml line 394).
    headings = [
        (item.label, item.heading, item.subheading) for item in annex.content if isinstance(item, Heading)
    ]
    assert headings == [(None, (), ("A call to action",)), (None, (), ("Follow-up",))]
    assert not [item for item in annex.content if isinstance(item, Section)]
    second = _paragraphs(annex.content)[1]
    assert unres.plain_text(second.text).startswith("We acknowledge the urgent need")
    # "2024\u2013 203412" is the years 2024-2034 and the call of footnote 12.
    twenty = _paragraphs(annex.content)[19]
    assert "12" in [c.marker for c in iter_inline(twenty.text) if isinstance(c, unres.FootnoteCall)]
    codes = {p.code for p in parsed.problems}
    assert {"T003", "T005", "T012"} <= codes


def test_layout_text_with_page_furniture_and_footnotes_at_the_page_foot() -> None:
    _, parsed = _load_shared("A_RES_80_7.railcar-v1.0.0.txt")
    res = parsed.resolution
    assert res.distribution_date == dt.date(2025, 11, 18)
    title = "Report of the International Atomic Energy Agency"
    assert res.agenda_items == (unres.AgendaItem(89, None, title),)
    two = res.operative[1]
    assert isinstance(two, OperativeParagraph)
    words = unres.plain_text(two.text)
    assert "safeguards agreement between the Agency" in words and "25-18769" not in words
    assert unres.plain_text(res.footnote("1").text) == "See A/80/348."
    # The same resolution extracted as Markdown reads to the same paragraphs.
    _, markdown = _load_shared("A_RES_80_7.md")
    assert [unres.plain_text(p.text) for p in markdown.resolution.preamble] == [
        unres.plain_text(p.text) for p in res.preamble
    ]


# Read by hand from each text: its date line, its closing line, and its Chapter VII paragraph.
COUNCIL_FACTS = {
    # name: (symbol, adoption date, meeting, vote, adoption remark, Chapter VII)
    "S_RES_242_1967.crunsc.txt": (
        "S/RES/242 (1967)",
        dt.date(1967, 11, 22),
        1382,
        (15, 0, 0, (), ()),
        None,
        False,
    ),
    "S_RES_660_1990.crunsc.txt": (
        "S/RES/660 (1990)",
        dt.date(1990, 8, 2),
        2932,
        (14, 0, 0, (), ()),
        "One member (Yemen) did not participate in the vote.",
        False,
    ),
    "S_RES_687_1991.crunsc.txt": (
        "S/RES/687 (1991)",
        dt.date(1991, 4, 3),
        2981,
        (12, 1, 2, ("Cuba",), ("Ecuador", "Yemen")),
        None,
        True,
    ),
    "S_RES_1454_2002.crunsc.txt": ("S/RES/1454 (2002)", dt.date(2002, 12, 30), 4683, None, None, True),
}


@pytest.mark.parametrize("name", sorted(COUNCIL_FACTS))
def test_security_council_texts_give_symbol_date_meeting_and_vote(name: str) -> None:
    symbol, date, meeting, vote, remark, chapter_vii = COUNCIL_FACTS[name]
    res = unres.load(shared_file("examples", "text", name))
    assert (str(res.symbol), res.symbol.body, res.adoption_date) == (
        symbol,
        unres.Body.SECURITY_COUNCIL,
        date,
    )
    assert res.meeting is not None and (res.meeting.number, res.meeting.kind) == (meeting, "")
    if vote is None:
        assert res.vote is None  # the text of 2002 does not give the vote
    else:
        assert isinstance(res.vote, unres.RecordedVote)
        got = res.vote
        assert (
            got.in_favour,
            got.against,
            got.abstaining,
            got.against_members,
            got.abstaining_members,
        ) == vote
    assert res.adoption_remark == remark
    assert res.chapter_vii is chapter_vii
    assert unres.plain_text(res.enacting_formula) == "The Security Council,"
    # Written as the Council writes it today.
    md = text.dumps(res, "md")
    assert f"## Resolution {symbol[6:]}" in md and "*Adopted by the Security Council at its" in md


def test_a_modern_council_text_has_its_annexes_after_the_last_paragraph() -> None:
    res = unres.load(shared_file("examples", "text", "S_RES_1454_2002.crunsc.txt"))
    assert (len(res.preamble), [p.number for p in _paragraphs(res.operative)]) == (6, [1, 2, 3, 4, 5])
    assert [(a.label, unres.plain_text(a.heading)) for a in res.annexes] == [
        ("Annex A", "Textual entries for the proposed item changes to the Goods Review List"),
        ("Annex B", "Goods Review List procedures"),
    ]


def test_scanning_slips_are_read_as_meant_and_reported() -> None:
    parsed = text.parse(
        shared_file("examples", "text", "S_RES_687_1991.crunsc.txt").read_bytes(), source="687.txt"
    )
    slips = [(p.line, p.message) for p in parsed.problems if p.code == "T023"]
    assert slips == [
        (2, "a scanning slip read as it was meant: 'Apri]' as 'April'"),
        (467, "a scanning slip read as it was meant: '298I' as '2981'"),
    ]
    parsed = text.parse(shared_file("examples", "text", "S_RES_242_1967.crunsc.txt").read_bytes())
    first = parsed.resolution.operative[0]
    assert isinstance(first, OperativeParagraph)
    assert [s.label for s in first.subparagraphs] == ["i", "ii"]
    assert [(p.code, p.line) for p in parsed.problems] == [("T023", 23)]


def test_a_council_vote_the_reader_cannot_read_is_kept_as_a_remark() -> None:
    source = (
        "Resolution 9 (1946)\nof 15 October 1946\n\nThe Security Council,\n\nNoting the letter,\n\n"
        "1. Decides to remain seized of the matter.\n\nAdopted at the 76th meeting by a show of hands.\n"
    )
    parsed = text.parse(source, source="9.txt")
    res = parsed.resolution
    assert (str(res.symbol), res.adoption_date, res.vote) == ("S/RES/9 (1946)", dt.date(1946, 10, 15), None)
    assert res.adoption_remark == "Adopted at the 76th meeting by a show of hands."
    assert [(p.code, p.line) for p in parsed.problems] == [("T024", 10)]
    # A vote with the states against named, and a Council of 11 before 1966.
    words = source.replace(
        "by a show of hands.", "by 9 votes to 2 (Poland and Union of Soviet Socialist Republics)."
    )
    res = text.loads(words)
    assert isinstance(res.vote, unres.RecordedVote)
    assert (res.vote.in_favour, res.vote.against_members) == (
        9,
        ("Poland", "Union of Soviet Socialist Republics"),
    )
    assert [p.code for p in unres.validate(res)] == []
    unanimous = text.loads(
        source.replace("at the 76th meeting by a show of hands", "unanimously at the 76th meeting")
    )
    assert unanimous.vote == unres.RecordedVote(11, 0, 0)


def test_prose_is_not_a_resolution() -> None:
    with pytest.raises(unres.FormatError, match="no resolution found"):
        text.loads("Dear colleagues,\n\nPlease find attached the minutes.\n")


# -- writing ---------------------------------------------------------------------------------------


@given(resolutions())
def test_markdown_written_by_unres_reads_back_equal(resolution: Resolution) -> None:
    written = text.dumps(resolution, "md")
    assert text.loads(written) == resolution


@given(resolutions(production=True))
def test_markdown_of_what_the_un_files_hold_reads_back_equal(resolution: Resolution) -> None:
    """Parts, cross-headings, tables, bullets, unlabelled annexes and items, closing dates, places."""
    assert text.loads(text.dumps(resolution, "md")) == resolution


def test_plain_text_layout_of_the_example() -> None:
    res = akn.load(EXAMPLES / "A-RES-73-266.xml")
    written = text.dumps(res, "text")
    lines = written.splitlines()
    assert lines[0].startswith("United Nations") and lines[0].endswith("A/RES/73/266")
    assert "73/266. Advancing responsible State behaviour" in written
    assert "1. Calls upon Member States:" in lines
    assert "the 2010,\u00b9 2013\u00b2 and 2015\u00b3 reports" in written
    assert lines[-3:] == ["1 A/65/201.", "2 A/68/98.", "3 A/70/174."]
    # Plain text written by unres reads back to the same paragraphs (italics are not in plain text).
    again = text.loads(written)
    assert [p.opening for p in again.preamble] == [p.opening for p in res.preamble]
    assert again.operative == res.operative and again.footnotes == res.footnotes


def test_markdown_of_the_example_shows_the_official_layout() -> None:
    written = text.dumps(akn.load(EXAMPLES / "A-RES-73-266.xml"), "md")
    assert "### 73/266. Advancing responsible State behaviour" in written
    assert "\n*The General Assembly,*\n" in written
    assert "\n1. *Calls upon* Member States:\n\n(a) To be guided" in written
    assert "\n*65th plenary meeting*  \n*22 December 2018*\n" in written
    assert "\n[^1]: [A/65/201](https://undocs.org/A/65/201).\n" in written


def test_unknown_text_format_is_refused() -> None:
    with pytest.raises(unres.FormatError, match="unknown text format"):
        text.dumps(akn.load(EXAMPLES / "A-RES-73-266.xml"), "pdf")


def test_the_word_check_notices_a_lost_word() -> None:
    source = _words("Recalling its resolution 53/70 of 4 December 1998,\u00b9")
    assert _missing_word(source, _words("Recalling its resolution 53/70 of 4 December 1998,\u00b9")) is None
    assert _missing_word(source, _words("Recalling its 53/70 of 4 December 1998,\u00b9")) is not None
    assert _missing_word(source, _words("Recalling its resolution 53/70 of 4 December 1998,")) is not None


# A resolution written here by hand in the layout of a PDF extraction: sections with headings and
# their own preamble, a title on two lines, numbers and labels alone on their lines.
SECTIONS = """\
United Nations                                  A/RES/79/999
General Assembly                                Distr.: General
                                                5 January 2025

Seventy-ninth session
Agenda items 14 and 119

Resolution adopted by the General Assembly on 20 December 2024

[on the report of the Third Committee (A/79/457/Add.2 (Part II))]

79/999. A test resolution with sections,
a title on two lines

The General Assembly,

Recalling its resolution 78/1 of 1 January 2024,

I

Strengthening of the system

Noting with concern the report,

1.
Decides to act;

2. Requests the Secretary-General:

(a)
To report;

(b) To act
further;

II

Follow-up

3. Decides to remain seized of the matter.

100th plenary meeting
20 December 2024
"""


def test_sections_two_line_title_and_labels_alone_on_their_lines() -> None:
    parsed = text.parse(SECTIONS, markdown=False)
    res = parsed.resolution
    assert parsed.problems == ()
    assert str(res.symbol) == "A/RES/79/999"
    assert res.title == "A test resolution with sections, a title on two lines"
    assert res.agenda_items == (unres.AgendaItem(14), unres.AgendaItem(119))
    assert res.origin == unres.Origin("A/79/457/Add.2 (Part II)", "Third Committee")
    assert res.distribution_date == dt.date(2025, 1, 5)
    first, second = res.operative
    assert isinstance(first, Section) and isinstance(second, Section)
    assert (first.label, first.heading) == ("I", ("Strengthening of the system",))
    assert [(p.opening, p.text) for p in first.preamble] == [("Noting with concern", ("the report,",))]
    assert [p.number for p in _paragraphs(res.operative)] == [1, 2, 3]
    requests = _paragraphs(res.operative)[1]
    assert [(s.label, s.text) for s in requests.subparagraphs] == [
        ("a", ("To report;",)),
        ("b", ("To act further;",)),
    ]
    assert (second.label, second.heading) == ("II", ("Follow-up",))
    assert res.meeting == unres.Meeting(100)


def _words_before_calls(res: Resolution) -> dict[str, str]:
    """For each footnote, the end of the words before its first call."""
    found: dict[str, str] = {}
    for text_ in res.iter_text():
        for index, piece in enumerate(text_):
            if isinstance(piece, unres.FootnoteCall) and piece.marker not in found:
                found[piece.marker] = unres.plain_text(text_[:index])
    return found


# The words each call follows in the source, read by hand.
CALLED_AFTER = {
    "A_RES_80_7.md": {"1": "for 2024,", "2": "19 September 2025;", "3": "Board of Governors\u201d;"},
    "A_RES_80_12.md": {
        "1": "standardized reporting system,",
        "2": "standardized reporting system,",
        "3": "on military expenditures,",
        "4": "online reporting tool,",
        "5": "of the Secretary-General;",
    },
    "A_RES_80_68.md": {
        "1": "Indiscriminate Effects",
        "2": "its amended article 1,",
        "3": "(Protocol I),",
        "4": "(Protocol II)",
        "5": "its amended version,",
        "6": "(Protocol III),",
        "7": "(Protocol IV)",
        "8": "(Protocol V),",
        "9": "Sixth Review Conference",
        "10": "its final document,",
        "11": "Parties to the Convention,",
        "12": "the Sixth Review Conference,",
        "13": "its estimated costs;",
        "14": "Parties to Protocol V;",
        "15": "to Amended Protocol II;",
        "16": "its estimated costs;",
    },
    "A_RES_73_8.txt": {"1": "resolution 72/4;"},
}


@pytest.mark.parametrize("name", sorted(CALLED_AFTER))
def test_glued_calls_are_found_where_they_are(name: str) -> None:
    _, parsed = _load_shared(name)
    before = _words_before_calls(parsed.resolution)
    assert sorted(before, key=int) == sorted(CALLED_AFTER[name], key=int)
    for marker, words in CALLED_AFTER[name].items():
        assert before[marker].endswith(words), (marker, before[marker][-60:])


def test_seed_as_bare_text_reads_to_the_same_resolution() -> None:
    """The founding text with its Markdown taken away, as a plain extraction would give it:
    no italics, calls glued to words and years ("2010,1 20132"), notes below a rule of underscores."""
    seed = shared_file("examples", "A-RES-73-266.md").read_text(encoding="utf-8")
    bare = re.sub(r"<sup>(\d+)</sup>", r"\1", seed.replace("*", ""))
    bare = re.sub(r"\[([^\]]+)\]\(#\)", r"\1", bare).replace("### ", "").replace("## ", "")
    bare = bare.replace("\n---\n", "\n__________\n")
    assert "20132 and 20153 reports" in bare
    parsed = text.parse(bare, markdown=False)
    expected = akn.load(EXAMPLES / "A-RES-73-266.xml")
    assert parsed.resolution == attrs.evolve(expected, enacting_formula=parsed.resolution.enacting_formula)
    assert [p.code for p in parsed.problems] == ["T005", "T005"]  # calls 2 and 3 glued to 2013, 2015


def test_a_shortened_running_title_at_a_page_break_is_removed() -> None:
    source = shared_file("examples", "text", "A_RES_80_68.md").read_text(encoding="utf-8")
    head = "Convention on Prohibitions or Restrictions on the Use of Certain Conventional Weapons"
    broken = source.replace("to the\n\nConvention and its", f"to the\n\n{head}\n\nConvention and its")
    assert broken != source
    parsed = text.parse(broken, markdown=True)
    assert parsed.resolution == text.parse(source, markdown=True).resolution
    assert "T001" in [p.code for p in parsed.problems]


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_the_kind_of_text_is_told_from_the_content(name: str) -> None:
    """Read as the command line reads them (no hint): the same resolution as with the hint."""
    _, hinted = _load_shared(name)
    guessed = unres.load(shared_file("examples", "text", name))
    assert guessed == hinted.resolution


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_what_is_read_from_text_survives_every_format(name: str, oasis_schema: etree.XMLSchema) -> None:
    _, parsed = _load_shared(name)
    res = parsed.resolution
    assert text.loads(text.dumps(res, "md")) == res
    xml = akn.dumps(res)
    assert oasis_schema.validate(etree.fromstring(xml)), oasis_schema.error_log
    assert akn.loads(xml) == res
    assert unres.loads(unres.dumps(res, "json")) == res


def test_a_damaged_formula_line_is_reported_not_restructured_silently() -> None:
    seed = shared_file("examples", "A-RES-73-266.md").read_text(encoding="utf-8")
    lines = seed.splitlines()
    line = lines.index("*The General Assembly,*") + 1
    damaged = seed.replace("*The General Assembly,*", "*T", 1)
    parsed = text.parse(damaged, source="damaged.md", markdown=True)
    found = {(p.code, p.line) for p in parsed.problems}
    assert {("T006", line), ("T021", line)} <= found
    problems = unres.validate(parsed.resolution)
    assert [(p.code, p.location) for p in problems if p.code == "R018"] == [("R018", "enacting_formula")]
    # The formula as written passes.
    assert not [p for p in unres.validate(text.parse(seed, markdown=True).resolution) if p.code == "R018"]


def test_words_broken_after_a_hyphen_are_joined_as_the_un_prints_them() -> None:
    source = shared_file("examples", "text", "A_RES_80_14.md")
    assert "African Nuclear- Weapon-Free Zone Treaty" in source.read_text(encoding="utf-8")
    parsed = text.parse(source.read_bytes(), source=source.name, markdown=True)
    un = unres.load(shared_file("unxml", "ga", "en", "A_RES_80_14.unxml.en.xml"))
    ours, theirs = parsed.resolution.operative[0], un.operative[0]
    assert isinstance(ours, OperativeParagraph) and isinstance(theirs, OperativeParagraph)
    # The same words (the UN's file has a non-breaking space in "15 July").
    assert unres.plain_text(ours.text).split() == unres.plain_text(theirs.text).split()
    joined = [p for p in parsed.problems if p.code == "T022"]
    assert [
        (p.line, "'Nuclear- Weapon-Free' read as 'Nuclear-Weapon-Free'" in p.message) for p in joined
    ] == [(37, True)]
    # A suspended hyphen is printed as such and kept.
    kept = text.parse(
        source.read_text(encoding="utf-8").replace("Nuclear- Weapon", "low- and middle"), markdown=True
    )
    first = kept.resolution.operative[0]
    assert isinstance(first, OperativeParagraph) and "low- and middle" in unres.plain_text(first.text)
    assert not [p for p in kept.problems if p.code == "T022"]


def test_words_after_a_list_that_open_with_a_small_letter_close_it() -> None:
    # "(b) ... on 4 April 2017;" / "and demands that ...": after the last item, which ends with a
    # semicolon, words opening with a small letter are the words closing the paragraph's list.
    res = akn.load(EXAMPLES / "A-RES-73-266.xml")
    first = res.operative[0]
    assert isinstance(first, OperativeParagraph)
    assert unres.plain_text(first.subparagraphs[-1].text).endswith(";")
    closed = attrs.evolve(first, closing_text=("and to report thereon;",))
    written = text.dumps(attrs.evolve(res, operative=(closed, *res.operative[1:])), "text")
    assert "\nand to report thereon;\n" in written
    again = text.loads(written).operative[0]
    assert isinstance(again, OperativeParagraph)
    assert again.closing_text == ("and to report thereon;",)
    assert again.subparagraphs == first.subparagraphs


BUDGET_SECTIONS = """\
75/999. Special subjects

The General Assembly,

I Activities of the Office

Having considered the report of the Office,1

1. Takes note of the report;

2. Decides to act;

Conditions of service

Recalling its resolution 44/198, by which it established a floor,

Approves the revised scale;

B Danger pay

Expresses appreciation for the work done;

Miscellaneous

1. Recalls paragraph 8 of the report;

2. Welcomes the decision;

100th plenary meeting
31 December 2020

__________

1 A/75/1.
"""


def test_headings_with_a_preamble_or_numbering_of_their_own_are_sections() -> None:
    # A Roman number with its heading on one line, and headings followed by preambular paragraphs,
    # by unnumbered paragraphs or by numbering that starts again at 1: each heading holds what
    # follows it up to the next, as the UN's files set such parts; within the numbered section,
    # the unnumbered headings are its subsections.
    res = text.loads(BUDGET_SECTIONS)
    assert res.preamble == ()
    (first,) = res.operative
    assert isinstance(first, Section)
    assert (first.label, first.heading) == ("I", ("Activities of the Office",))
    assert [p.opening for p in first.preamble] == ["Having considered"]
    assert [p.number for p in first.content if isinstance(p, OperativeParagraph)] == [1, 2]
    inner = [s for s in first.content if isinstance(s, Section)]
    assert [(s.label, s.heading) for s in inner] == [
        (None, ("Conditions of service",)),
        (None, ("B Danger pay",)),
        (None, ("Miscellaneous",)),
    ]
    second, third, fourth = inner
    assert [p.opening for p in second.preamble] == ["Recalling"]
    assert [(p.number, p.opening) for p in _paragraphs(second.content)] == [(None, "Approves")]
    assert [(p.number, p.opening) for p in _paragraphs(third.content)] == [(None, "Expresses appreciation")]
    assert [p.number for p in _paragraphs(fourth.content)] == [1, 2]
    eids = [eid for eid, p in res.iter_paragraphs() if isinstance(p, OperativeParagraph) and p.number == 1]
    assert eids == ["sec_I__para_1", "sec_I__sec_u5__para_1"]


def test_notes_defined_at_the_end_of_a_long_markdown_text_are_its_footnotes() -> None:
    # Calls as plain digits ("report,1") and the notes as "[^1]: ..." only after line 400: the text
    # is still Markdown, and its notes are footnotes, not paragraphs after the meeting line.
    paragraphs = "".join(f"{n}. Decides to act on item {n};\n\n" for n in range(1, 221))
    source = (
        "75/999. A long resolution\n\nThe General Assembly,\n\nHaving considered the report,1\n\n"
        f"{paragraphs}221. Decides to remain seized of the matter.\n\n"
        "88th plenary meeting\n30 June 2021\n\n---\n\n[^1]: A/75/1.\n"
    )
    assert len(source.splitlines()) > 440
    parsed = text.parse(source)
    res = parsed.resolution
    assert [(n.marker, n.text) for n in res.footnotes] == [
        ("1", (unres.Reference("https://undocs.org/A/75/1", ("A/75/1",)), "."))
    ]
    assert len(res.operative) == 221
    assert not [p for p in parsed.problems if p.code == "T007"]


def test_a_call_in_digits_after_a_comma_ends_a_preambular_paragraph() -> None:
    # "...a Culture of Peace,1" (a call whose note the text lost) ends with its comma: the next
    # paragraph is one of its own; "1,000" at a page's end is a number, and the words go on.
    source = (
        "75/999. A resolution\n\nThe General Assembly,\n\n"
        "Recalling the Declaration and Programme of Action on a Culture of Peace,1\n\n"
        "Alarmed by the rise of xenophobia,\n\nNoting an amount of 1,000\n\n"
        "dollars,\n\n1. Decides to act.\n\n88th plenary meeting\n30 June 2021\n"
    )
    res = text.loads(source)
    assert [(p.opening, unres.plain_text(p.text)) for p in res.preamble] == [
        ("Recalling", "the Declaration and Programme of Action on a Culture of Peace,1"),
        ("Alarmed", "by the rise of xenophobia,"),
        ("Noting", "an amount of 1,000 dollars,"),
    ]


def test_one_part_alone_in_its_file_has_the_parts_title_and_the_wholes() -> None:
    # "A. Economic and Social Council" above the formula: the part's letter and title; the title
    # line above it is the whole resolution's.
    source = (
        "United Nations A/RES/75/290 A\n\nResolution adopted by the General Assembly on 25 June 2021\n\n"
        "75/290. Review of the implementation of resolution 72/305\n\n"
        "A. Economic and Social Council\n\nThe General Assembly,\n\n"
        "Recalling the Charter of the United Nations,\n\n1. Decides to act.\n\n87th plenary meeting\n"
        "25 June 2021\n"
    )
    parsed = text.parse(source)
    res = parsed.resolution
    assert str(res.symbol) == "A/RES/75/290 A"
    assert res.title == "Economic and Social Council"
    assert res.main_titles == ("Review of the implementation of resolution 72/305",)
    assert [p.opening for p in res.preamble] == ["Recalling"]
    assert not [p for p in parsed.problems if p.code in ("T006", "T015")]


DECLARATION = """\
74/999. Political declaration of the high-level meeting

The General Assembly

Adopts the following political declaration:

Political declaration of the high-level meeting

Moving together to build a healthier world

We, Heads of State and Government, assembled at the United Nations,

1. Reaffirm the right of every human being;

2. Commit to act.

10th plenary meeting
23 September 2019
"""


def test_the_title_and_headings_of_an_adopted_declaration_are_its_own() -> None:
    # The declaration's title repeats the resolution's: after "Adopts ...:" it is the text's, not
    # a running head; it and the heading under it head the declaration, not items of "Adopts".
    parsed = text.parse(DECLARATION)
    res = parsed.resolution
    assert not [p for p in parsed.problems if p.code in ("T001", "T012")]
    adopts, title, heading, we, *numbered = res.operative
    assert isinstance(adopts, OperativeParagraph) and adopts.subparagraphs == ()
    assert isinstance(title, Heading) and isinstance(heading, Heading)
    assert (title.subheading, heading.subheading) == (
        ("Political declaration of the high-level meeting",),
        ("Moving together to build a healthier world",),
    )
    assert isinstance(we, OperativeParagraph) and we.number is None
    assert unres.plain_text(we.text).startswith("We, Heads of State")
    assert [p.number for p in numbered if isinstance(p, OperativeParagraph)] == [1, 2]


def test_a_name_after_a_comma_goes_on_with_the_preambular_paragraph() -> None:
    # Markdown has no page marks: "...convened in Pohnpei," / "Federated States of Micronesia, ..."
    # is one paragraph (a name, its second word a capital's); "Inviting the Government ..." opens one.
    source = (
        "---\nsymbol: A/RES/74/999\n---\n\n74/999. A resolution\n\n*The General Assembly*,\n\n"
        "*Recalling* the meeting convened in Pohnpei,\n\nFederated States of Micronesia, in 2019,\n\n"
        "Inviting the Government of Myanmar to act,\n\n1. Decides to act.\n\n"
        "10th plenary meeting\n23 September 2019\n"
    )
    res = text.loads(source)
    assert [unres.plain_text(p.text) for p in res.preamble] == [
        "the meeting convened in Pohnpei, Federated States of Micronesia, in 2019,",
        "the Government of Myanmar to act,",
    ]


def test_text_after_the_meeting_line_is_an_annex_without_a_label() -> None:
    # Terms of reference printed after the meeting line with no "Annex" line: an annex, headed by
    # its first line, with its own numbered paragraphs; the resolution's part stays as it was.
    source = (
        "75/999. A trust fund\n\nThe General Assembly,\n\n1. Decides to establish a trust fund;\n\n"
        "2. Requests a report.\n\n44th plenary meeting\n14 December 2020\n\n"
        "Terms of reference of the trust fund\n\nI . Establishment\n\n"
        "1. The trust fund is established by the Secretary-General.\n"
    )
    parsed = text.parse(source)
    res = parsed.resolution
    assert [p.number for p in res.operative if isinstance(p, OperativeParagraph)] == [1, 2]
    (annex,) = res.annexes
    assert (annex.label, annex.heading) == (None, ("Terms of reference of the trust fund",))
    assert [p.number for p in _paragraphs(annex.content)] == [1]
    assert [(p.code, p.line) for p in parsed.problems if p.code == "T007"] == [("T007", 12)]


TABLE_IN_ANNEX = """\
75/999. Financing of the Mechanism

The General Assembly,

1. Approves the appropriation set out in the annex.

44th plenary meeting
31 December 2020

Annex

Financing of the Mechanism for 2021

|  | Gross | Net |
|---|---|---|
| Estimated appropriationa | 106 054 900 | 94 793 800 |
| Fees \\| charges | \u2013 |  |

a See A/75/383.

b Reflects amounts after recosting.
"""


def test_a_pipe_table_is_read_as_a_table_and_its_lettered_notes_as_paragraphs() -> None:
    res = text.loads(TABLE_IN_ANNEX)
    (annex,) = res.annexes
    assert annex.heading == ("Financing of the Mechanism for 2021",)
    table, first, second = annex.content
    assert isinstance(table, unres.Table)
    assert [
        [(c.header, [unres.plain_text(p) for p in c.content]) for c in row.cells] for row in table.rows
    ] == [
        [(True, []), (True, ["Gross"]), (True, ["Net"])],
        [(False, ["Estimated appropriationa"]), (False, ["106 054 900"]), (False, ["94 793 800"])],
        [(False, ["Fees | charges"]), (False, ["\u2013"]), (False, [])],
    ]
    assert [unres.plain_text(p.text) for p in (first, second) if isinstance(p, OperativeParagraph)] == [
        "a See A/75/383.",
        "b Reflects amounts after recosting.",
    ]
    # unres's plain text writes a table so; it reads back to the same cells.
    written = text.dumps(res, "text")
    assert "| Fees \\| charges | \u2013 |  |" in written
    assert text.loads(written).annexes == res.annexes


def test_a_call_against_the_title_and_a_part_letter_in_the_masthead() -> None:
    # "United Nations A/RES/75/999 B" and "75/999 B. ... system1": the part's letter is the
    # symbol's, the call the title's note (not a word of it, nor a call to look for in the body).
    source = (
        "United Nations A/RES/75/999 B\nGeneral Assembly\n\n"
        "Resolution adopted by the General Assembly on 16 April 2021\n\n"
        "75/999 B. United Nations common system1\n\nThe General Assembly,\n\n"
        "Recalling its resolution 74/255 B for 2021,\n\n1. Decides to act.\n\n"
        "100th plenary meeting\n16 April 2021\n\n__________\n\n1 See A/75/1.\n"
    )
    parsed = text.parse(source)
    res = parsed.resolution
    assert str(res.symbol) == "A/RES/75/999 B"
    assert (res.title, res.title_notes) == ("United Nations common system", ("1",))
    assert not {"T004", "T013", "T015"} & {problem.code for problem in parsed.problems}
    assert unres.plain_text(res.preamble[0].text).endswith("for 2021,")


def test_an_agenda_sub_item_of_two_letters() -> None:
    # After (z) the UN letters sub-items (aa), (bb) ...: "Agenda item 98 (ii)" of A/RES/74/41.
    source = (
        "United Nations A/RES/74/41\nGeneral Assembly Distr.: General 19 December 2019\n\n"
        "Seventy-fourth session Agenda item 98 (ii) General and complete disarmament\n\n"
        "Resolution adopted by the General Assembly on 12 December 2019\n\n"
        "74/41. Treaty on the Prohibition of Nuclear Weapons\n\nThe General Assembly,\n\n"
        "1. Welcomes the adoption of the Treaty.\n\n45th plenary meeting\n12 December 2019\n"
    )
    parsed = text.parse(source)
    assert parsed.resolution.agenda_items == (unres.AgendaItem(98, "ii", "General and complete disarmament"),)
    assert "T013" not in {problem.code for problem in parsed.problems}


def test_items_within_a_sentence_stay_in_it_over_a_line_break() -> None:
    # "... to (a) assist Bangladesh ...; and" / "(b) assist Myanmar ...": the items are words of
    # the paragraph's sentence, not sub-paragraphs, though "(b)" opens a line after "and".
    source = (
        "74/999. A resolution\n\nThe General Assembly,\n\n"
        "1. Encourages the international community to (a) assist Bangladesh in safety and dignity; and\n"
        "(b) assist Myanmar in the provision of humanitarian assistance;\n\n"
        "2. Decides to act:\n\n(a) To report;\n\n(b) To act further.\n\n"
        "45th plenary meeting\n12 December 2019\n"
    )
    first, second = text.loads(source).operative
    assert isinstance(first, OperativeParagraph) and isinstance(second, OperativeParagraph)
    assert first.subparagraphs == ()
    assert unres.plain_text(first.text).endswith(
        "dignity; and (b) assist Myanmar in the provision of humanitarian assistance;"
    )
    assert [s.label for s in second.subparagraphs] == ["a", "b"]


def test_a_note_line_that_opens_with_the_next_number_goes_on_when_notes_stand_apart() -> None:
    # At a page's foot the notes stand a blank line apart; "10 (A/74/10)." right under note 9's
    # line is the rest of note 9, and note 10 comes after the blank line.
    source = (
        "75/999. A resolution\n\nThe General Assembly,\n\n"
        "Recalling its report,9 and the report cited,10\n\n1. Decides to act.\n\n"
        "_______________\n\n"
        "9 Official Records of the General Assembly, Seventy-fourth Session, Supplement No.\n"
        "10 (A/74/10).\n\n10 Ibid., para. 290.\n\n"
        "45th plenary meeting\n12 December 2019\n"
    )
    res = text.loads(source)
    assert [(n.marker, unres.plain_text(n.text)) for n in res.footnotes] == [
        (
            "9",
            "Official Records of the General Assembly, Seventy-fourth Session, Supplement No. 10 (A/74/10).",
        ),
        ("10", "Ibid., para. 290."),
    ]
