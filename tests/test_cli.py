"""The command line, run as a user runs it: in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .conftest import EXAMPLES, shared_file

EXAMPLE = EXAMPLES / "A-RES-73-266.xml"


def unres(
    *args: str, cwd: Path | None = None, stdin: bytes | None = None
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "unres", *args],
        cwd=cwd,
        input=stdin.decode() if stdin else None,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


def test_version() -> None:
    result = unres("--version")
    assert result.returncode == 0 and result.stdout.startswith("unres ")


def test_akn_to_json_to_akn_gives_back_the_canonical_document(tmp_path: Path) -> None:
    production = shared_file("examples", "A-RES-79-275.un-production-trimmed.xml")
    assert unres("convert", str(production), "-o", str(tmp_path / "direct.xml")).returncode == 0
    assert unres("convert", str(production), "-o", str(tmp_path / "a.json")).returncode == 0
    assert unres("convert", str(tmp_path / "a.json"), "-o", str(tmp_path / "b.xml")).returncode == 0
    assert (tmp_path / "b.xml").read_bytes() == (tmp_path / "direct.xml").read_bytes()
    result = unres("validate", str(tmp_path / "a.json"), str(tmp_path / "b.xml"))
    assert result.returncode == 0, result.stdout
    assert "2 files checked: 2 valid, 0 invalid, 0 errors" in result.stderr


def test_standard_input_and_output() -> None:
    result = unres("convert", "-", "-o", "-", "--to", "json", stdin=EXAMPLE.read_bytes())
    assert result.returncode == 0
    assert json.loads(result.stdout)["symbol"] == "A/RES/73/266"


def test_an_existing_output_is_kept_unless_forced(tmp_path: Path) -> None:
    target = tmp_path / "out.xml"
    target.write_text("keep me")
    result = unres("convert", str(EXAMPLE), "-o", str(target))
    # A kept output is skipped, not failed: re-running a batch for new files must not fail CI.
    assert result.returncode == 0
    assert f"{target}: output exists (use --force to overwrite)" in result.stderr
    assert "0 converted, 0 failed, 1 skipped" in result.stderr
    assert target.read_text() == "keep me"
    assert unres("convert", str(EXAMPLE), "-o", str(target), "--force").returncode == 0
    assert target.read_bytes() == EXAMPLE.read_bytes()


def test_the_input_is_never_overwritten(tmp_path: Path) -> None:
    source = tmp_path / "a.xml"
    source.write_bytes(EXAMPLE.read_bytes())
    result = unres("convert", str(source), "-o", str(source), "--force")
    assert result.returncode == 1 and "output would overwrite the input" in result.stderr


def test_a_broken_input_leaves_no_output(tmp_path: Path) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_bytes(EXAMPLE.read_bytes()[:3000])
    result = unres("convert", str(broken), "-o", str(tmp_path / "out.json"))
    assert result.returncode == 1
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"{broken}:") and "malformed XML" in first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.xml"]


def test_a_folder_is_converted_file_by_file_and_one_bad_file_does_not_stop_it(tmp_path: Path) -> None:
    source = tmp_path / "in" / "sub"
    source.mkdir(parents=True)
    (source / "good.xml").write_bytes(EXAMPLE.read_bytes())
    (source / "bad.xml").write_text("<akomaNtoso")
    (tmp_path / "in" / "other.xml").write_bytes(EXAMPLE.read_bytes())
    result = unres("convert", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--to", "json")
    assert result.returncode == 1
    assert "2 converted, 1 failed, 0 skipped" in result.stderr
    written = sorted(str(p.relative_to(tmp_path / "out")) for p in (tmp_path / "out").rglob("*.json"))
    assert written == ["other.json", "sub/good.json"]


def test_usage_errors_exit_2() -> None:
    assert unres("convert", "missing.xml", "-o", "x.json").returncode == 2
    assert unres("convert", str(EXAMPLE), "-o", "x.pdf").returncode == 2
    assert unres("convert", str(EXAMPLE), "-o", "x.xml", "--to", "pdf").returncode == 2
    assert unres("validate", "--frobnicate", str(EXAMPLE)).returncode == 2


def test_validate_reports_problems_with_codes_and_lines(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace("<num>2.</num>", "<num>4.</num>")
    text = text.replace(
        "</references>",
        '</references>\n      <notes source="#un">\n        <note eId="notes__note_9" marker="9">'
        "<p>Never called.</p></note>\n      </notes>",
    )
    bad = tmp_path / "bad.xml"
    bad.write_text(text, encoding="utf-8")
    rows = text.splitlines()
    para_2 = rows.index('      <paragraph eId="para_2">') + 1
    para_3 = rows.index('      <paragraph eId="para_3">') + 1
    note = next(n for n, row in enumerate(rows, 1) if 'eId="notes__note_9"' in row)
    result = unres("validate", str(bad))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert f"{bad}:{para_2}: R001 operative paragraph 4 follows 1: expected 2 [para_4]" in lines
    assert f"{bad}:{para_3}: R001 operative paragraph 3 follows 4: expected 5 [para_3]" in lines
    assert f"{bad}:{note}: R003 footnote 9 is never called [footnote 9]" in lines
    assert len(lines) == 3
    github = unres("validate", str(bad), "--format", "github")
    expected = (
        f"::error file={bad},line={para_2},title=R001::operative paragraph 4 follows 1: expected 2 [para_4]"
    )
    assert expected in github.stdout
    report = json.loads(unres("validate", str(bad), "--format", "json").stdout)
    assert report[0]["valid"] is False
    assert {p["code"] for p in report[0]["problems"]} == {"R001", "R003"}


def test_github_annotations_escape_file_names_and_messages(tmp_path: Path) -> None:
    """A file named we,ird:na%me.xml must not split GitHub's workflow command at ',' or ':'."""
    text = (
        (EXAMPLES / "A-RES-73-266.xml").read_text(encoding="utf-8").replace("<num>2.</num>", "<num>4.</num>")
    )
    odd = tmp_path / "we,ird:na%me.xml"
    odd.write_text(text, encoding="utf-8")
    github = unres("validate", str(odd), "--format", "github").stdout.splitlines()
    name = str(odd).replace("%", "%25").replace(":", "%3A").replace(",", "%2C")
    assert github and all(line.startswith(f"::error file={name},line=") for line in github), github
    assert all(line.count("::") == 2 for line in github)


def test_validate_reports_schema_errors_with_lines(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace("<mainBody>", "<mainBody>\n<wrongElement/>")
    bad = tmp_path / "bad.xml"
    bad.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "<wrongElement/>" in row)
    result = unres("validate", str(bad), "--akn-schema", str(shared_file("schemas", "akomantoso30.xsd")))
    assert result.returncode == 1
    assert any(row.startswith(f"{bad}:{line}:") and " S001 " in row for row in result.stdout.splitlines())
    assert any(row.startswith(f"{bad}:{line}:") and " S002 " in row for row in result.stdout.splitlines())
    assert any(
        " E002 <wrongElement> inside <mainBody> is not supported" in row for row in result.stdout.splitlines()
    )


def test_parallel_and_serial_batches_write_the_same_files(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    for number in range(12):
        (source / f"r{number:02}.xml").write_bytes(EXAMPLE.read_bytes())
    for jobs in ("1", "2"):
        result = unres(
            "convert", str(source), "-o", str(tmp_path / f"out{jobs}"), "--to", "json", "--jobs", jobs
        )
        assert result.returncode == 0, result.stderr
        assert "12 converted, 0 failed, 0 skipped" in result.stderr
        assert "\r" not in result.stderr  # no progress bar when standard error is not a terminal
    first = sorted((tmp_path / "out1").iterdir())
    assert [p.name for p in first] == [p.name for p in sorted((tmp_path / "out2").iterdir())]
    assert all(p.read_bytes() == (tmp_path / "out2" / p.name).read_bytes() for p in first)
    again = unres("convert", str(source), "-o", str(tmp_path / "out1"), "--to", "json")
    assert again.returncode == 0 and "0 converted, 0 failed, 12 skipped" in again.stderr


def test_inputs_may_be_globs(tmp_path: Path) -> None:
    for name in ("a.xml", "b.xml"):
        (tmp_path / name).write_bytes(EXAMPLE.read_bytes())
    result = unres("convert", str(tmp_path / "*.xml"), "-o", str(tmp_path / "out"), "--to", "json")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.json", "b.json"]
    assert (
        unres("convert", str(tmp_path / "*.nothing"), "-o", str(tmp_path / "x"), "--to", "json").returncode
        == 2
    )


# -- text ---------------------------------------------------------------------------------------


def test_markdown_to_akn_and_back_to_markdown(tmp_path: Path) -> None:
    seed = shared_file("examples", "A-RES-73-266.md")
    result = unres("convert", str(seed), "-o", str(tmp_path / "a.xml"))
    assert result.returncode == 0 and result.stderr == ""
    assert (tmp_path / "a.xml").read_bytes() == EXAMPLE.read_bytes()
    assert unres("validate", str(tmp_path / "a.xml")).returncode == 0
    assert unres("convert", str(tmp_path / "a.xml"), "-o", str(tmp_path / "a.md")).returncode == 0
    assert unres("convert", str(tmp_path / "a.md"), "-o", str(tmp_path / "b.xml")).returncode == 0
    assert (tmp_path / "b.xml").read_bytes() == EXAMPLE.read_bytes()


def test_text_folder_reports_repairs_and_converts_both_bodies(tmp_path: Path) -> None:
    folder = shared_file("examples", "text")
    result = unres("convert", str(folder), "-o", str(tmp_path / "out"), "--to", "akn", "--jobs", "2")
    assert result.returncode == 0, result.stderr
    assert "15 converted, 0 failed, 0 skipped" in result.stderr
    assert "A_RES_80_12.md:76: T012 lost sub-paragraph labels (a) to (b) restored" in result.stderr
    assert "S_RES_687_1991.crunsc.txt:2: T023 a scanning slip read as it was meant: 'Apri]' as 'April'" in (
        result.stderr
    )
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == [
        "A_RES_73_8.xml",
        "A_RES_80_1.xml",
        "A_RES_80_12.xml",
        "A_RES_80_14.railcar-v1.1.0.xml",
        "A_RES_80_14.xml",
        "A_RES_80_21.railcar-v1.1.0.xml",
        "A_RES_80_21.xml",
        "A_RES_80_5.xml",
        "A_RES_80_68.xml",
        "A_RES_80_7.railcar-v1.0.0.xml",
        "A_RES_80_7.xml",
        "S_RES_1454_2002.crunsc.xml",
        "S_RES_242_1967.crunsc.xml",
        "S_RES_660_1990.crunsc.xml",
        "S_RES_687_1991.crunsc.xml",
    ]
    quiet = unres("convert", str(folder), "-o", str(tmp_path / "q"), "--to", "json", "--quiet")
    assert quiet.returncode == 0 and "T012" not in quiet.stderr
    oasis = shared_file("schemas", "akomantoso30.xsd")
    report = unres("validate", str(tmp_path / "out"), "--format", "github", "--akn-schema", str(oasis))
    # S/RES/1454 (2002) annexes forms whose items restart their numbering: those are the only errors.
    assert report.returncode == 1 and "15 files checked: 14 valid, 1 invalid" in report.stderr
    errors = [line for line in report.stdout.splitlines() if line.startswith("::error")]
    assert errors and all("S_RES_1454_2002" in line and "[att_" in line for line in errors), errors


def test_text_through_standard_input_and_output() -> None:
    seed = shared_file("examples", "A-RES-73-266.md").read_bytes()
    result = unres("convert", "-", "-o", "-", "--from", "md", "--to", "text", stdin=seed)
    assert result.returncode == 0
    assert "73/266. Advancing responsible State behaviour" in result.stdout
    assert "1. Calls upon Member States:" in result.stdout


def test_validating_a_text_file_lists_its_repairs(tmp_path: Path) -> None:
    source = shared_file("examples", "text", "A_RES_80_1.md")
    result = unres("validate", str(source))
    assert result.returncode == 0
    assert f"{source}:40: T001 running page title removed from the text" in result.stdout


def test_two_inputs_for_one_output_is_a_usage_error(tmp_path: Path) -> None:
    seed = shared_file("examples", "A-RES-73-266.md")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.md").write_bytes(seed.read_bytes())
    (tmp_path / "in" / "a.xml").write_bytes(EXAMPLE.read_bytes())
    result = unres("convert", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--to", "json")
    assert result.returncode == 2 and "would both be written to" in result.stderr
    assert not (tmp_path / "out").exists()


def test_checking_nothing_or_an_unknown_code_or_a_broken_schema_is_a_usage_error(tmp_path: Path) -> None:
    """Exit code 2, one line, no traceback: CI must not pass on a check that checked nothing."""
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.png").write_bytes(b"")
    cases = {
        "no .xml, .akn or .json file to check in": ("validate", str(empty)),
        "--select: no rule or problem code starts with Z999": ("validate", str(EXAMPLE), "--select", "Z999"),
        "--ignore: no rule or problem code starts with Q": ("validate", str(EXAMPLE), "--ignore", "R010,Q"),
    }
    schema = tmp_path / "empty.xsd"
    schema.write_text("")
    cases[f"{schema}: not a usable XML Schema"] = ("validate", str(EXAMPLE), "--akn-schema", str(schema))
    for message, command in cases.items():
        result = unres(*command)
        assert result.returncode == 2, (command, result.stderr)
        assert message in result.stderr and "Traceback" not in result.stderr, result.stderr
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    # Known prefixes and codes of every kind are accepted.
    ok = unres("validate", str(EXAMPLE), "--select", "R,A001,S,E,T012")
    assert ok.returncode == 0, ok.stderr


def test_html_as_input_and_an_unnamed_output_format_are_usage_errors(tmp_path: Path) -> None:
    page = tmp_path / "a.html"
    page.write_text("<html></html>")
    from_html = unres("convert", str(page), "-o", str(tmp_path / "b.xml"), "--from", "html")
    assert from_html.returncode == 2 and "unres writes HTML but does not read it" in from_html.stderr
    unnamed = unres("convert", str(EXAMPLE), "-o", "-")
    assert unnamed.returncode == 2 and "use --to akn, json, md, text or html" in unnamed.stderr


def test_parse_is_importable_from_unres_as_docs_api_documents_it() -> None:
    import unres as package
    from unres import _api

    assert package.parse is _api.parse and "parse" in package.__all__


def test_files_a_folder_walk_passes_over_are_counted(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "A-RES-73-266.xml").write_bytes(EXAMPLE.read_bytes())
    for name in ("scan.png", "draft.docx", "photo.png"):
        (folder / name).write_bytes(b"")
    checked = unres("validate", str(folder))
    assert (
        "1 file checked: 1 valid, 0 invalid, 0 errors, 0 warnings; 3 files ignored (.png, .docx)"
        in checked.stderr
    )
    converted = unres("convert", str(folder), "-o", str(tmp_path / "out"), "--to", "json")
    assert converted.returncode == 0
    assert "1 converted, 0 failed, 0 skipped" in converted.stderr
    assert converted.stderr.rstrip().endswith("; 3 files ignored (.png, .docx)")
