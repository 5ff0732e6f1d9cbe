"""The UN's own Akoma Ntoso files (../shared/unxml), read in place: every General Assembly and
Security Council file read, written back as valid canonical AKN4UN, stable through AKN and JSON, no
word lost in any output, and the facts equal to DGACM's own data extracts.

Each test runs over a whole folder, reports its counts ("660/660 read") and names every file that
fails, so that a regression on one real file is seen.
"""

from __future__ import annotations

import collections
import datetime as dt
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from lxml import html as lxml_html

import unres
from tests.conftest import shared_file
from unres import akn, html, text
from unres import json as unres_json
from unres._text import parse_date_words
from unres.model import check_tree

AKN_NS = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
# A word: a run of letters and digits, or one Chinese character (Chinese does not space its words).
WORD = re.compile(r"[\u3400-\u9fff]|[^\W\u3400-\u9fff]+")


def _tokens(text: str) -> list[str]:
    """The words of a text, case aside ("UNITED NATIONS" in a masthead is "United Nations"), and
    the Arabic elongation (a stroke of the pen, "الأمــم" is "الأمم") aside."""
    return WORD.findall(text.replace("\u0640", "").casefold())


def _files(folder: str) -> list[Path]:
    return sorted(shared_file("unxml", *folder.split("/")).glob("*.xml"))


def _report(what: str, total: int, failures: dict[str, str]) -> None:
    """Print the count and fail naming every file that failed."""
    print(f"{total - len(failures)}/{total} {what}")
    assert not failures, f"{len(failures)}/{total} failed:\n" + "\n".join(
        f"  {name}: {why}" for name, why in sorted(failures.items())
    )


# -- read, write, validate, read again -------------------------------------------------------


FOLDERS = ("ga/en", "sc/en")
_READ: dict[str, dict[str, tuple[bytes, unres.Resolution]]] = {}


def _read_folder(folder: str) -> dict[str, tuple[bytes, unres.Resolution]]:
    """Every file of a folder with its model, read once for the tests of this module."""
    if folder not in _READ:
        read: dict[str, tuple[bytes, unres.Resolution]] = {}
        for path in _files(folder):
            data = path.read_bytes()
            read[path.name] = (data, akn.loads(data, source=path.name))
        _READ[folder] = read
    return _READ[folder]


@pytest.fixture(scope="module")
def english() -> dict[str, tuple[bytes, unres.Resolution]]:
    """Every English GA file of the UN."""
    return _read_folder("ga/en")


@pytest.mark.parametrize("folder", FOLDERS)
def test_every_un_file_reads_into_valid_stable_canonical_akn(
    folder: str, oasis_schema: etree.XMLSchema, profile_schema: etree.XMLSchema
) -> None:
    failures: dict[str, str] = {}
    files = _files(folder)
    for path in files:
        try:
            resolution = akn.load(path)
            written = akn.dumps(resolution)
            tree = etree.fromstring(written)
            if not oasis_schema.validate(tree):
                failures[path.name] = f"OASIS: {str(oasis_schema.error_log).splitlines()[0]}"
            elif not profile_schema.validate(tree):
                failures[path.name] = f"profile: {str(profile_schema.error_log).splitlines()[0]}"
            elif akn.loads(written) != resolution:
                failures[path.name] = "reading the canonical AKN gives another model"
            elif akn.dumps(akn.loads(written)) != written:
                failures[path.name] = "the canonical AKN does not write back byte for byte"
            elif unres_json.loads(unres_json.dumps(resolution)) != resolution:
                failures[path.name] = "the JSON reads back to another model"
            elif text.loads(text.dumps(resolution, "md")) != resolution:
                failures[path.name] = "the Markdown reads back to another model"
            else:
                # The reader builds in trusted mode: what it built must pass the public checks.
                check_tree(resolution)
        except unres.UnresError as error:
            failures[path.name] = str(error)
    _report(f"{folder} read, valid and stable through AKN, JSON and Markdown", len(files), failures)
    assert len(files) >= {"ga/en": 660, "sc/en": 623}[folder]


# -- no word lost ------------------------------------------------------------------------------


def _words(root: etree._Element, skip: frozenset[str]) -> collections.Counter[str]:
    """The words of the document's text, leaving out the elements named in ``skip``."""
    pieces: list[str] = []

    def walk(element: etree._Element) -> None:
        if isinstance(element.tag, str) and etree.QName(element).localname not in skip:
            pieces.append(element.text or "")
            for child in element:
                walk(child)
        pieces.append(element.tail or "")

    walk(root)
    return collections.Counter(_tokens(" ".join(pieces)))


def _json_words(value: Any, out: list[str]) -> None:
    if isinstance(value, str):
        out.extend(_tokens(value))
    elif isinstance(value, int) and not isinstance(value, bool):
        out.append(str(value))
    elif isinstance(value, list):
        for item in value:
            _json_words(item, out)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in ("type", "href", "format"):
                _json_words(item, out)


def _html_words(page: str) -> collections.Counter[str]:
    tree = lxml_html.fromstring(page.encode("utf-8"))
    for call in tree.iterfind(".//sup[@class='call']"):
        call.clear(keep_tail=True)  # type: ignore[call-arg]  # a footnote call would glue its number to the word before it
    return collections.Counter(_tokens(" ".join(str(piece) for piece in tree.itertext())))


def _lost(source: collections.Counter[str], output: collections.Counter[str]) -> str:
    missing = source - output
    return ", ".join(f"{word!r} x{count}" for word, count in list(missing.items())[:8])


@pytest.mark.parametrize("folder", FOLDERS)
def test_no_word_of_a_un_file_is_lost_in_any_output(folder: str) -> None:
    """Every word of the source's text (masthead, title, preamble, operative part, tables,
    headings, footnotes, annexes, closing line) is in the canonical AKN, the Markdown and the HTML;
    every word of its body is in the JSON, whose closing line and masthead are facts, not words."""
    failures: dict[str, str] = {}
    files = _read_folder(folder)
    for name, (data, resolution) in files.items():
        source = etree.fromstring(data)
        everything = _words(source, frozenset({"meta"}))
        body = _words(source, frozenset({"meta", "coverPage", "preface", "conclusions"}))
        written = etree.fromstring(akn.dumps(resolution))
        # Footnotes that no text calls (those of the title line) are kept in meta/notes.
        canonical = _words(written, frozenset({"meta"})) + sum(
            (_words(notes, frozenset()) for notes in written.iter(f"{AKN_NS}notes")), collections.Counter()
        )
        json_words: list[str] = []
        _json_words(unres_json.to_data(resolution), json_words)
        outputs = {
            "AKN": (everything, canonical),
            "JSON": (body, collections.Counter(json_words)),
            "Markdown": (everything, collections.Counter(_tokens(text.dumps(resolution, "md")))),
            "HTML": (everything, _html_words(html.dumps(resolution))),
        }
        lost = {fmt: _lost(source_words, out) for fmt, (source_words, out) in outputs.items()}
        lost = {fmt: words for fmt, words in lost.items() if words}
        if lost:
            failures[name] = "; ".join(f"{fmt} lacks {words}" for fmt, words in lost.items())
    _report(f"{folder} with every word in every output", len(files), failures)


# -- the facts agree with DGACM's data extracts ------------------------------------------------


def _report_disagreements(
    what: str, compared: int, disagreements: dict[str, str], known: dict[str, str], known_name: str
) -> None:
    """Print how many extract rows agree and the known disagreements with which side is right;
    fail for a disagreement nobody explained, and for an explained one that is gone."""
    print(f"{what}: {compared - len(disagreements)}/{compared} extract rows agree with their files")
    for symbol in sorted(disagreements.keys() & known.keys()):
        print(f"  {symbol}: {disagreements[symbol]} -- right: {known[symbol]}")
    unexplained = {symbol: why for symbol, why in disagreements.items() if symbol not in known}
    assert not unexplained, "\n".join(f"{symbol}: {why}" for symbol, why in sorted(unexplained.items()))
    resolved = known.keys() - disagreements.keys()
    assert not resolved, f"no longer disagree (remove from {known_name}): {sorted(resolved)}"


def _extract_rows(pattern: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for path in sorted(shared_file("unxml", "oracle").glob(pattern)):
        content = path.read_text(encoding="utf-8")
        try:
            rows.extend(json.loads(content))  # a JSON array (session 75) ...
        except json.JSONDecodeError:
            rows.extend(json.loads(line) for line in content.splitlines() if line.strip())  # ... or lines
    return rows


def _extract_date(value: str) -> dt.date | None:
    """'2019-10-10 00:00:00', '7 October 2022', or '19 November 2004 in Nairobi'."""
    if re.match(r"\d{4}-\d\d-\d\d", value):
        return dt.date.fromisoformat(value[:10])
    return parse_date_words(" ".join(value.split()[:3]))


def _extract_count(value: str) -> int:
    """Counts are strings, "N.A." where the vote had no such column."""
    return 0 if value in ("N.A.", "") else int(value)


def _facts_disagreeing(row: dict[str, Any], res: unres.Resolution) -> Iterator[str]:
    """What the extract row says that the file does not; each a 'field: extract / file' line."""
    if _extract_date(row["adoption_date"]) != res.adoption_date:
        yield f"adoption date: {row['adoption_date']} / {res.adoption_date}"
    meeting = res.meeting or (res.parts[0].meeting if res.parts else None)
    if row["adoption_meeting"] != (str(meeting) if meeting else "N.A."):
        yield f"meeting: {row['adoption_meeting']} / {meeting}"
    record = meeting.record if meeting else None
    if row["pv"] != record and row["pv"] != f"{record} (Resumption 1)":
        yield f"meeting record: {row['pv']} / {record}"
    documents = set()
    if res.origin is not None:
        documents.add(res.origin.document)
        if res.origin.paragraph is not None:
            documents.add(f"{res.origin.document}, para. {res.origin.paragraph}")
    if res.draft is not None:
        documents.add(res.draft.symbol)
    documents = {document.replace("\xa0", " ") for document in documents}
    if row["originating_document"] not in documents:
        yield f"originating document: {row['originating_document']} / {sorted(documents)}"
    paragraph = row.get("report_paragraph", "N.A.")
    if paragraph not in ("N.A.", "") and (res.origin is None or res.origin.paragraph != paragraph):
        yield f"report paragraph: {paragraph} / {res.origin.paragraph if res.origin else None}"
    vote = res.vote
    if row["adoption_type"] == "Without a vote":
        if vote != unres.AdoptedWithoutVote():
            yield f"vote: without a vote / {vote}"
        return
    if not isinstance(vote, unres.RecordedVote):
        yield f"vote: {row['adoption_type']} / {vote}"
        return
    yield from _vote_columns(row, vote, lists_optional=False)


def _vote_columns(row: dict[str, Any], vote: unres.RecordedVote, *, lists_optional: bool) -> Iterator[str]:
    """The counts and member-state lists of a recorded vote against the extract's row; with
    ``lists_optional``, a file that lists no member states in a column is compared on its count."""
    for column in ("in_favour", "against", "abstaining"):
        count = _extract_count(row[f"MS_{column}_count"])
        if count != getattr(vote, column):
            yield f"{column} count: {count} / {getattr(vote, column)}"
        members: tuple[str, ...] = getattr(vote, f"{column}_members")
        if (members or not lists_optional) and sorted(row[f"MS_{column}"]) != sorted(members):
            yield f"{column} members: {len(row[f'MS_{column}'])} listed / {len(members)}"


# Where a file and DGACM's extract disagree, which is right, judged from the document itself.
KNOWN_DISAGREEMENTS = {
    # The closing line says "50th plenary meeting", as the extract's record does: the file's
    # workflow names the record of the 51st meeting (unres validate: R015), and the report A/74/423
    # where its masthead names A/74/399/Add.2 (A007 on the UN's file).
    "A/RES/74/147": "the extract (the file's workflow contradicts its own closing line)",
    # The workflow's adoption step names no document; the extract names the 52nd meeting's record.
    "A/RES/74/216": "the extract (the file's workflow names no meeting record)",
    # The closing line says "47th plenary meeting", as the extract's record A/75/PV.47 does; the
    # file's workflow names A/75/PV.46 (unres validate: R015).
    "A/RES/75/199": "the extract (the file's workflow contradicts its own closing line)",
    # The extract lists no member states for the recorded vote the file lists; the file's workflow
    # names no meeting record where the extract names one.
    "A/RES/75/254 A-C": "the file for the member states, the extract for the meeting record",
    # Parts adopted later: the workflow words the adoption ("Adopted without vote, 88th plenary
    # meeting") instead of naming the record, which the extract names.
    "A/RES/75/242 B": "the extract (the file words the adoption instead of naming the record)",
    "A/RES/75/245 B": "the extract (the file words the adoption instead of naming the record)",
    "A/RES/75/250 B": "the extract (the file words the adoption instead of naming the record)",
    "A/RES/75/251 C": "the extract (the file words the adoption instead of naming the record)",
    "A/RES/75/253 B": "the extract (the file words the adoption instead of naming the record)",
    "A/RES/75/253 C": "the extract (the file words the adoption instead of naming the record)",
    "A/RES/75/257 B": "the extract (the file words the adoption instead of naming the record)",
    "A/RES/75/290 B": "the extract (the file words the adoption instead of naming the record)",
    # 90 in favour, 47 abstaining in both; the extract lists 180 and 94 member states, each twice.
    "A/RES/75/290 A": "the file (the extract lists every member state of two columns twice)",
    # The extract joins the draft's symbols with the amendments in words of its own.
    "A/RES/75/5": "the file (the extract rewords the draft and its amendments)",
    "A/RES/75/282": "the file (the extract rewords the draft and its amendments)",
    "A/RES/75/308": "the file (the extract rewords the draft and its amendments)",
    "A/RES/75/315": "the file (the extract rewords the draft and its amendments)",
    # The masthead misprints the report ("A/74/A/74/379/Add.1", "A/73/386") that the workflow
    # and the extract name (A/74/379/Add.1, A/74/386) with its paragraph (unres validate: A007).
    "A/RES/74/201": "the extract (the file's masthead misprints the report symbol)",
    "A/RES/74/242": "the extract (the file's masthead misprints the report symbol)",
}


def test_facts_agree_with_dgacm_data_extracts(english: dict[str, tuple[bytes, Any]]) -> None:
    """Adoption date, meeting, record, originating document, vote counts and the member states in
    each column, for every extract row whose file is shared."""
    by_symbol = {str(res.symbol): res for _, res in english.values()}
    for _, res in english.values():
        if res.parts:  # the extract names a collection "A/RES/74/250 A-B"
            by_symbol[f"{res.symbol} {res.parts[0].label}-{res.parts[-1].label}"] = res
    rows = _extract_rows("unxml-ga.data_extract.*.json")
    compared = 0
    disagreements: dict[str, str] = {}
    for row in rows:
        res = by_symbol.get(row["symbol"])
        if res is None:
            continue
        compared += 1
        found = list(_facts_disagreeing(row, res))
        if found:
            disagreements[row["symbol"]] = "; ".join(found)
    _report_disagreements("facts", compared, disagreements, KNOWN_DISAGREEMENTS, "KNOWN_DISAGREEMENTS")
    assert compared >= 590


# -- malformed files and the command line ------------------------------------------------------


def test_malformed_un_files_are_one_line_errors_with_line_and_column() -> None:
    files = _files("malformed")
    for path in files:
        with pytest.raises(unres.ParseError) as caught:
            akn.load(path)
        message = str(caught.value)
        assert "\n" not in message and message.startswith(f"{path}:"), message
        if path.stat().st_size:
            assert re.match(rf"^{re.escape(str(path))}:\d+:\d+: malformed XML", message), message
    print(f"malformed: {len(files)}/{len(files)} refused with a located one-line error")


def test_a_folder_of_un_files_converts_to_json_and_validates(tmp_path: Path) -> None:
    folder = shared_file("unxml", "ga", "en")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "unres", "convert", str(folder), "-o", str(out), "--to", "json"]
    result = subprocess.run([*command, "--jobs", "2", "--quiet"], capture_output=True, text=True, check=False)
    total = len(list(folder.glob("*.xml")))
    assert result.returncode == 0, result.stderr[-2000:]
    assert f"{total} converted, 0 failed, 0 skipped" in result.stderr
    report = subprocess.run(
        [sys.executable, "-m", "unres", "validate", str(out), "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert report.returncode in (0, 1), report.stderr[-2000:]
    assert "Traceback" not in report.stderr
    checked = json.loads(report.stdout)
    assert len(checked) == total


def _council_facts_disagreeing(row: dict[str, Any], res: unres.Resolution) -> Iterator[str]:
    """What a Security Council extract row says that the file does not."""
    if _extract_date(row["adoption_date"]) != res.adoption_date:
        yield f"adoption date: {row['adoption_date']} / {res.adoption_date}"
    if row["adoption_meeting"] != (str(res.meeting) if res.meeting else "N.A."):
        yield f"meeting: {row['adoption_meeting']} / {res.meeting}"
    if row["outcome_letter"] != (res.meeting.record if res.meeting else None):
        yield f"meeting record: {row['outcome_letter']} / {res.meeting.record if res.meeting else None}"
    if row["draft_resolution"] != (res.draft.symbol if res.draft else None):
        yield f"draft: {row['draft_resolution']} / {res.draft.symbol if res.draft else None}"
    if (row["chapter_VII"] == "Chapter VII") != res.chapter_vii:
        yield f"Chapter VII: {row['chapter_VII'] or 'no'} / {'yes' if res.chapter_vii else 'no'}"
    vote = res.vote
    if row["outcome"] in ("adoptedWithoutVote", "adoptedByAcclamation"):
        expected: type = (
            unres.AdoptedWithoutVote if row["outcome"] == "adoptedWithoutVote" else unres.AdoptedByAcclamation
        )
        if not isinstance(vote, expected):
            yield f"vote: {row['outcome']} / {vote}"
        return
    if not isinstance(vote, unres.RecordedVote):
        yield f"vote: {row['adoption_type']} / {vote}"
        return
    yield from _vote_columns(row, vote, lists_optional=True)


# Where a Security Council file and the extract disagree, which is right, from the document itself.
COUNCIL_DISAGREEMENTS = {
    # The document's own paragraph says the Council acts under Chapter VII ("Acting under Chapter
    # VII of the Charter ..."); the extract does not mark it.
    **{
        symbol: "the file (its text acts under Chapter VII; the extract does not say so)"
        for symbol in (
            "S/RES/1386 (2001)",
            "S/RES/1413 (2002)",
            "S/RES/1444 (2002)",
            "S/RES/1510 (2003)",
            "S/RES/1563 (2004)",
            "S/RES/1564 (2004)",
            "S/RES/1623 (2005)",
            "S/RES/1707 (2006)",
            "S/RES/1776 (2007)",
            "S/RES/1833 (2008)",
        )
    },
    # The document prints "4820th meeting (Part II)"; the extract leaves the part out.
    "S/RES/1506 (2003)": "the file (it names the part of the meeting)",
    # The document prints "on 24 June 2005" and the extract agrees; the file's metadata and the
    # date attribute say 22 June (unres keeps both and reports them: R016).
    "S/RES/1609 (2005)": "the extract (the date printed in the document itself)",
}


def test_council_facts_agree_with_dgacm_data_extracts() -> None:
    """Adoption date, meeting, record, draft, Chapter VII, vote counts and member states, for every
    Security Council extract row whose file is shared."""
    files = _read_folder("sc/en")
    by_symbol = {res.symbol: res for _, res in files.values()}
    compared = 0
    disagreements: dict[str, str] = {}
    for row in _extract_rows("unxml-sc.data_extract.*.json"):
        res = by_symbol.get(unres.Symbol.parse(row["symbol"]))  # "S/RES/1310(2000)" too
        if res is None:
            continue
        compared += 1
        found = list(_council_facts_disagreeing(row, res))
        if found:
            disagreements[str(res.symbol)] = "; ".join(found)
    _report_disagreements(
        "council facts", compared, disagreements, COUNCIL_DISAGREEMENTS, "COUNCIL_DISAGREEMENTS"
    )
    assert compared == len(files)


# -- the other official languages --------------------------------------------------------------


TRANSLATIONS = ("ga/ar", "ga/es", "ga/fr", "ga/ru", "ga/zh")
CODES = {"ar": "ara", "es": "spa", "fr": "fra", "ru": "rus", "zh": "zho"}
# Translated files the UN published with a defect that stops reading, each checked in the file:
# the error names it with its line.
UNREADABLE = {
    "A_RES_75_250_B.unxml.es.xml": "the closing line is dated '31 de junio de 2021', a day June lacks",
    "A_RES_74_263.unxml.zh.xml": "an element misspelt <subhheading>",
    "A_RES_80_12.unxml.zh.xml": "the agenda item's number is missing, its title split over two lines",
    "A_RES_75_269.unxml.zh.xml": "the cover page gives the symbol A/RES/75/268",
    "A_RES_75_290_B.unxml.zh.xml": "the title line holds two titles",
}
# Facts of a translation that differ from the English version because the translated file says
# otherwise (each checked in both files).
DIFFERENT_FROM_ENGLISH = {
    ("A_RES_74_256.unxml.es.xml", "agenda"): "the agenda line is empty in the translation",
    ("A_RES_74_256.unxml.fr.xml", "agenda"): "the agenda line is empty in the translation",
    ("A_RES_74_256.unxml.ru.xml", "agenda"): "the agenda line is empty in the translation",
    ("A_RES_75_247.unxml.es.xml", "agenda"): "the agenda line is empty in the translation",
    ("A_RES_75_247.unxml.fr.xml", "agenda"): "the agenda line is empty in the translation",
    ("A_RES_75_247.unxml.ru.xml", "agenda"): "the agenda line is empty in the translation",
    (
        "A_RES_75_257_B.unxml.ar.xml",
        "origin",
    ): "the report line reads 'A/75/L.107 (و)': the second document is lost",
    ("A_RES_75_212.unxml.fr.xml", "origin"): "the report line reads 'A/75/457Add.1' (a slash missing)",
    ("A_RES_74_256.unxml.ru.xml", "origin"): "the report line gives paragraph 16 of A/74/604, the English 6",
    ("A_RES_75_212.unxml.fr.xml", "distribution"): "distributed 30 December 2020, the English 29 December",
    ("A_RES_75_101_A-B.unxml.ar.xml", "parts"): "part A has no closing line in the translation",
    ("A_RES_74_296.unxml.zh.xml", "closing"): "closed 30 June 2020, the English (and the adoption) 13 July",
}


# Where unres writes a word otherwise than a translated file prints it: the file's misspelling or
# variant, then what unres writes (each seen in the files). A variant in the file is matched by as
# many of unres's words.
VARIANTS = {
    "e": "\u0435",  # the Russian files type a Latin e for the Cyrillic ie of "50-e" (27 of 54)
    "\u0441": "c",  # a Cyrillic es typed for the Latin c of an agenda sub-item (A/RES/80/21)
    "п": "пункт",  # "п. 5" for "пункт 5" in a report line (A/RES/75/325)
    "ابء": "باء",  # part B misspelt in three Arabic files of 2019
    "أذار": "آذار",  # March misspelt in two Arabic files
}
# Words of a translated file that unres does not write, each checked in the file.
NOT_WRITTEN = {
    "A_RES_74_255_A-B.unxml.es.xml": "'Resolución aprobada' above two parts (the plural is written)",
    "A_RES_75_245_B.unxml.es.xml": "a closing line dated '16 April 2021' in English (written in Spanish)",
    "A_RES_74_264_A-C.unxml.ar.xml": "the dual 'قراران اتخذتهما' above three parts (the plural is written)",
    "A_RES_74_92_A-B.unxml.ar.xml": "parts lettered A and B in Latin (the Arabic letters are written)",
    "A_RES_75_101_A-B.unxml.ar.xml": "parts lettered A and B in Latin (the Arabic letters are written)",
    "A_RES_75_254_A-C.unxml.ar.xml": "parts lettered A to C in Latin (the Arabic letters are written)",
    "A_RES_ES-11_1.unxml.ar.xml": "the symbol ES-11/1 in Latin in the title line (the Arabic دإط is written)",
    "A_RES_ES-11_1.unxml-alt1.ar.xml": "the prefix spaced 'د إ ط-11/1' (written 'دإط-11/1')",
    "A_RES_74_296.unxml.zh.xml": "'通过' after the report line's parenthesis",
}


def _with_variants(written: collections.Counter[str]) -> collections.Counter[str]:
    """The words written, each variant of ``VARIANTS`` counted as often as the word unres writes
    for it."""
    out = collections.Counter(written)
    for variant, word in VARIANTS.items():
        out[variant] += written[word]
    return out


def _facts_of(res: unres.Resolution) -> dict[str, object]:
    """What a resolution says whatever its language."""
    return {
        "symbol": res.symbol,
        "adoption": res.adoption_date,
        "distribution": res.distribution_date,
        "meeting": res.meeting,
        "closing": res.closing_date,
        "vote": res.vote,
        "origin": res.origin,
        "agenda": [(item.number, item.sub_item) for item in res.agenda_items],
        "draft": res.draft.symbol if res.draft else None,
        "parts": [(part.label, part.meeting, part.vote) for part in res.parts],
    }


def _lost_in_outputs(path: Path, res: unres.Resolution) -> str:
    """The words of a translated file that its AKN, Markdown or HTML lack, by format."""
    source = _words(etree.fromstring(path.read_bytes()), frozenset({"meta"}))
    written = etree.fromstring(akn.dumps(res))
    canonical = _words(written, frozenset({"meta"})) + sum(
        (_words(notes, frozenset()) for notes in written.iter(f"{AKN_NS}notes")), collections.Counter()
    )
    outputs = {
        "AKN": canonical,
        "Markdown": collections.Counter(_tokens(text.dumps(res, "md"))),
        "HTML": _html_words(html.dumps(res)),
    }
    lost = {fmt: _lost(source, _with_variants(out)) for fmt, out in outputs.items()}
    return "; ".join(f"{fmt} lacks {words}" for fmt, words in lost.items() if words)


@pytest.mark.parametrize("folder", TRANSLATIONS)
def test_every_translated_un_file_reads_stably_with_the_facts_of_the_english(
    folder: str, oasis_schema: etree.XMLSchema
) -> None:
    """Each translation reads (or its defect is named above), in its language, stable through AKN,
    JSON and Markdown, with every word in its AKN, Markdown and HTML (masthead and closing line in
    its language), and with the symbol, dates, meeting, vote, report and agenda of its English
    version."""
    code = CODES[folder.split("/")[1]]
    failures: dict[str, str] = {}
    files = _files(folder)
    english = _read_folder("ga/en")
    for path in files:
        try:
            res = akn.load(path)
        except unres.UnresError as error:
            if path.name not in UNREADABLE:
                failures[path.name] = str(error)
            continue
        if path.name in UNREADABLE:
            failures[path.name] = "reads now: take it off UNREADABLE"
            continue
        written = akn.dumps(res)
        if res.language != code or f"/{code}@" not in res.expression_iri:
            failures[path.name] = f"language {res.language}, expression {res.expression_iri}"
        elif not oasis_schema.validate(etree.fromstring(written)):
            failures[path.name] = f"OASIS: {str(oasis_schema.error_log).splitlines()[0]}"
        elif akn.loads(written) != res or unres_json.loads(unres_json.dumps(res)) != res:
            failures[path.name] = "not stable through AKN and JSON"
        elif text.loads(text.dumps(res, "md")) != res:
            failures[path.name] = "the Markdown reads back to another model"
        elif path.name not in NOT_WRITTEN and (lost := _lost_in_outputs(path, res)):
            failures[path.name] = lost
        elif (counterpart := english.get(path.name.replace(f".{folder[-2:]}.xml", ".en.xml"))) is not None:
            theirs = _facts_of(counterpart[1])
            differ = [
                key
                for key, value in _facts_of(res).items()
                if value != theirs[key] and (path.name, key) not in DIFFERENT_FROM_ENGLISH
            ]
            if differ:
                failures[path.name] = f"differs from the English version in {', '.join(differ)}"
    defects = sum(1 for path in files if path.name in UNREADABLE)
    what = f"{folder} read in {code}, stable, every word written, the English facts ({len(files)} files, "
    _report(what + f"{defects} refused for a defect of the UN's file)", len(files) - defects, failures)
    assert len(files) >= 53
