"""Tables of paragraphs, votes and citations, on the UN's own files and through the command line."""

from __future__ import annotations

import collections
import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
from lxml import etree

import unres
from unres import tables

from .conftest import EXAMPLES, shared_file
from .test_unxml import KNOWN_DISAGREEMENTS, _extract_rows, _read_folder

A = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"


def test_every_recorded_votes_member_rows_agree_with_dgacms_lists() -> None:
    """One row per member state per recorded vote: the rows of each resolution give the extract's
    lists, column by column (the extract's known errors aside, named in test_unxml)."""
    files = _read_folder("ga/en")
    rows_by_symbol: dict[str, list[dict[str, object]]] = collections.defaultdict(list)
    for _, resolution in files.values():
        symbol = str(resolution.symbol)
        if resolution.parts:
            symbol += f" {resolution.parts[0].label}-{resolution.parts[-1].label}"
        rows_by_symbol[symbol].extend(tables.rows(resolution, "votes"))
    compared = 0
    wrong = []
    for row in _extract_rows("unxml-ga.data_extract.*.json"):
        symbol = row["symbol"]
        if (
            symbol not in rows_by_symbol
            or row["adoption_type"] == "Without a vote"
            or symbol in KNOWN_DISAGREEMENTS
        ):
            continue
        compared += 1
        for column, vote in (("in_favour", "yes"), ("against", "no"), ("abstaining", "abstain")):
            mine = sorted(str(r["member_state"]) for r in rows_by_symbol[symbol] if r["vote"] == vote)
            if mine != sorted(row[f"MS_{column}"]):
                wrong.append(
                    f"{symbol} {column}: {len(mine)} rows, {len(row[f'MS_{column}'])} in the extract"
                )
    print(f"votes: {compared - len(wrong)}/{compared} recorded votes agree with the extract's lists")
    assert not wrong, "\n".join(wrong)
    assert compared >= 185


def test_paragraph_rows_are_the_models_paragraphs() -> None:
    files = _read_folder("ga/en") | _read_folder("sc/en")
    for name, (_, resolution) in files.items():
        paragraph_rows = list(tables.rows(resolution, "paragraphs"))
        assert len(paragraph_rows) == len(list(resolution.iter_paragraphs())), name
        assert [r["eid"] for r in paragraph_rows] == [eid for eid, _ in resolution.iter_paragraphs()], name
    print(f"paragraphs: {len(files)}/{len(files)} files give one row per paragraph")


def test_cited_resolutions_are_the_links_of_the_files() -> None:
    """Every resolution a citation row names is linked in the source file (a sample of 100 files)."""
    files = _read_folder("ga/en")
    for name, (data, resolution) in sorted(files.items())[::6]:
        links = " ".join(
            " ".join(element.get("href", "").split())
            for element in etree.fromstring(data).iter(A + "a", A + "ref")
        )
        for row in tables.rows(resolution, "citations"):
            cited = str(row["cited_symbol"])
            assert str(row["href"]) in links, (name, row)
            if cited.startswith("A/RES/"):
                assert cited.removeprefix("A/RES/") in links, (name, cited)


def test_a_recorded_vote_without_lists_and_votes_without_a_vote_are_one_row_each() -> None:
    res = unres.load(EXAMPLES / "A-RES-73-266.xml")
    counts = unres.RecordedVote(119, 46, 14)

    (row,) = tables.rows(attrs.evolve(res, vote=counts), "votes")
    assert (row["vote"], row["member_state"], row["in_favour"], row["against"]) == ("recorded", "", 119, 46)
    (row,) = tables.rows(attrs.evolve(res, vote=unres.AdoptedWithoutVote()), "votes")
    assert (row["vote"], row["in_favour"]) == ("without_vote", None)
    assert list(tables.rows(attrs.evolve(res, vote=None), "votes")) == []


def test_cited_symbol_normalises_the_forms_of_links() -> None:
    assert tables.cited_symbol("/akn/un/statement/deliberation/un-ga/1998-12-04/53-70") == "A/RES/53/70"
    assert (
        tables.cited_symbol("/akn/un/statement/deliberation/unsc/2002-11-08/1441-2002/")
        == "S/RES/1441 (2002)"
    )
    assert tables.cited_symbol("https://undocs.org/en/A/RES/70/1") == "A/RES/70/1"
    assert tables.cited_symbol("https://undocs.org/A/73/505") == "A/73/505"
    assert tables.cited_symbol("https://example.org/x") == ""


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_the_table_command_writes_each_format(tmp_path: Path, suffix: str) -> None:
    if suffix == ".parquet":
        pytest.importorskip("pyarrow")
    folder = shared_file("unxml", "ga", "en")
    out = tmp_path / f"votes{suffix}"
    command = [sys.executable, "-m", "unres", "table", str(folder), "-o", str(out), "--what", "votes"]
    result = subprocess.run([*command, "--jobs", "2"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "rows of votes from 660 files, 0 failed" in result.stderr
    if suffix == ".csv":
        with out.open(encoding="utf-8", newline="") as stream:
            read = list(csv.DictReader(stream))
        assert list(read[0]) == [name for name, _ in tables.COLUMNS["votes"]]
    elif suffix == ".jsonl":
        read = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        assert list(read[0]) == [name for name, _ in tables.COLUMNS["votes"]]
    else:
        import pyarrow.parquet as pq

        read = pq.read_table(out).to_pylist()
    assert sum(1 for row in read if row["member_state"] == "AFGHANISTAN" and row["vote"] == "yes") > 100
    again = subprocess.run(command, capture_output=True, text=True, check=False)
    assert again.returncode == 2 and "the table exists (use --force to overwrite)" in again.stderr
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no partial file left behind


def test_the_index_finds_a_known_phrase_and_updates_only_what_changed(tmp_path: Path) -> None:
    folder = tmp_path / "ga"
    shutil.copytree(shared_file("unxml", "ga", "en"), folder)
    database = tmp_path / "ga.sqlite"
    files = sorted(folder.glob("*.xml"))
    report = unres.index(files, database)
    assert (report.added, report.updated, report.unchanged, report.removed, report.failed) == (
        660,
        0,
        0,
        0,
        (),
    )
    # A phrase known to be in a paragraph: A/RES/75/148, paragraph 2.
    hits = unres.search(database, '"take the action necessary to implement"', session="75", kind="operative")
    assert ("A/RES/75/148", "para_2") in [(hit.symbol, hit.eid) for hit in hits]
    assert all(hit.session == "75" and hit.kind == "operative" for hit in hits)
    assert (
        unres.search(
            database, '"take the action necessary to implement"', session="74", symbol="A/RES/75/148"
        )
        == []
    )
    # Again: nothing changed. Then one file changes and one goes.
    steps: list[str | None] = []
    assert unres.index(files, database, progress=steps.append).unchanged == 660
    assert steps == [None] * 660  # every file counted, so a progress bar ends full
    changed = folder / "A_RES_75_148.unxml.en.xml"
    changed.write_text(
        changed.read_text(encoding="utf-8").replace("take the action", "take the steps"), encoding="utf-8"
    )
    (folder / "A_RES_74_1.unxml.en.xml").unlink()
    again = unres.index(sorted(folder.glob("*.xml")), database)
    assert (again.added, again.updated, again.unchanged, again.removed) == (0, 1, 658, 1)
    assert unres.search(database, '"take the action necessary to implement"', symbol="A/RES/75/148") == []
    assert unres.search(database, '"take the steps necessary"', symbol="A/RES/75/148")[0].eid == "para_2"
    assert unres.search(database, "assessments", symbol="A/RES/74/1") == []
    with pytest.raises(unres.ParseError, match="unterminated string"):
        unres.search(database, '"unbalanced')
    # A file that no longer reads is reported, and its old paragraphs leave the index.
    changed.write_text("<akomaNtoso>", encoding="utf-8")
    broken = unres.index(sorted(folder.glob("*.xml")), database)
    assert [name for name, _ in broken.failed] == [str(changed.resolve())]
    assert unres.search(database, '"take the steps necessary"', symbol="A/RES/75/148") == []


def test_the_index_and_search_commands(tmp_path: Path) -> None:
    database = tmp_path / "sc.sqlite"
    run = [sys.executable, "-m", "unres"]
    made = subprocess.run(
        [*run, "index", str(shared_file("unxml", "sc", "en")), "-o", str(database), "--jobs", "2"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert made.returncode == 0, made.stderr
    assert "623 added, 0 updated, 0 unchanged, 0 removed, 0 failed" in made.stderr
    found = subprocess.run(
        [*run, "search", str(database), '"Acting under Chapter VII"', "--limit", "3", "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert found.returncode == 0, found.stderr
    hits = json.loads(found.stdout)
    assert len(hits) == 3 and all(hit["symbol"].startswith("S/RES/") for hit in hits)
    assert "3 paragraphs found" in found.stderr
    text = subprocess.run(
        [*run, "search", str(database), "Chapter", "--limit", "1"], capture_output=True, text=True
    )
    assert text.stdout.startswith("S/RES/") and len(text.stdout.splitlines()) == 1
    missing = subprocess.run(
        [*run, "search", str(tmp_path / "none.sqlite"), "x"], capture_output=True, text=True
    )
    assert missing.returncode == 2 and "no such index" in missing.stderr
    no_rows = subprocess.run(
        [*run, "search", str(database), "Chapter", "--limit", "0"], capture_output=True, text=True
    )
    assert no_rows.returncode == 2 and "--limit needs a number" in no_rows.stderr
    syntax = subprocess.run([*run, "search", str(database), "AND"], capture_output=True, text=True)
    assert syntax.returncode == 1 and syntax.stderr.count("\n") == 1 and "syntax error" in syntax.stderr
