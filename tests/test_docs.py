"""The documentation's examples run, and its printed output is what unres writes."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest

from unres import akn
from unres import json as unres_json

from .conftest import EXAMPLES, ROOT

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


@pytest.mark.parametrize("page", PAGES, ids=[page.name for page in PAGES])
def test_examples_in_the_page_run(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = doctest.testfile(str(page), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
    with_examples = (
        "README.md",
        "index.md",
        "model.md",
        "akn.md",
        "json.md",
        "text.md",
        "html.md",
        "languages.md",
    )
    assert page.name not in with_examples or result.attempted > 0


def test_the_json_page_shows_exactly_what_unres_writes() -> None:
    page = (ROOT / "docs" / "json.md").read_text(encoding="utf-8")
    shown = page.split("```json\n", 1)[1].rsplit("```", 1)[0]
    assert shown == unres_json.dumps(akn.load(EXAMPLES / "A-RES-73-266.xml"))


def test_the_speed_page_shows_the_benchmark_readme() -> None:
    readme = (ROOT / "benchmarks" / "README.md").read_text(encoding="utf-8")
    page = (ROOT / "docs" / "benchmarks.md").read_text(encoding="utf-8")
    assert page == readme.replace("# Benchmarks", "# Speed", 1)


def test_every_page_is_in_the_site_navigation() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for page in (ROOT / "docs").glob("*.md"):
        assert f" {page.name}" in config, page.name


def test_the_cli_page_documents_every_option_limit_and_exit_code() -> None:
    """What docs/cli.md and docs/security.md promise is what the code does."""
    import argparse

    from unres import cli
    from unres._io import MAX_BYTES
    from unres.akn._parse import MAX_DEPTH

    page = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    parser = cli.build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, command in commands.choices.items():
        assert f"unres {name}" in page, name
        for action in command._actions:
            for option in action.option_strings:
                if option.startswith("--") and option != "--help":
                    assert option in page, f"{name} {option} is not documented in docs/cli.md"
    table = page.split("## Exit codes", 1)[1].split("##", 1)[0]
    for code in (cli.EXIT_OK, cli.EXIT_FAILED, cli.EXIT_USAGE, 130):
        assert f"\n| {code} |" in table, code
    security = (ROOT / "docs" / "security.md").read_text(encoding="utf-8")
    akn_page = (ROOT / "docs" / "akn.md").read_text(encoding="utf-8")
    for text in (security, akn_page):
        assert f"{MAX_BYTES // (1024 * 1024)} MB" in text
    assert f"{MAX_DEPTH} levels" in akn_page
    assert "64 MB" not in security + akn_page + page
