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
    with_examples = ("README.md", "index.md", "model.md", "akn.md", "json.md", "text.md", "html.md")
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
