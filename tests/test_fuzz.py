"""Every reader, fed anything: the only exception that may come out is an ``UnresError``.

Each reader gets thousands of inputs: arbitrary text and bytes, and documents unres wrote with a
piece cut out, repeated or replaced, which reach far deeper into each reader than noise does.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import unres
from unres import akn, text
from unres import json as unres_json
from unres.strategies import resolutions

from .conftest import EXAMPLES

LONG = settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])

SAMPLE = akn.load(EXAMPLES / "A-RES-73-266.xml")
WRITTEN = {
    "akn": akn.dumps(SAMPLE).decode("utf-8"),
    "json": unres_json.dumps(SAMPLE),
    "md": text.dumps(SAMPLE, "md"),
    "text": text.dumps(SAMPLE, "text"),
}


def _read(fmt: str, data: str) -> None:
    """Read ``data`` as ``fmt``; any failure must be an UnresError."""
    try:
        if fmt == "akn":
            akn.loads(data.encode("utf-8"))
        elif fmt == "json":
            unres_json.loads(data)
        else:
            text.loads(data, markdown=fmt == "md")
    except unres.UnresError:
        pass


@st.composite
def _damaged(draw: st.DrawFn, fmt: str) -> str:
    """What unres wrote, with a slice cut out, doubled or replaced by other characters."""
    source = WRITTEN[fmt]
    start = draw(st.integers(0, len(source)))
    end = draw(st.integers(start, min(len(source), start + 40)))
    action = draw(st.sampled_from(["cut", "double", "replace"]))
    if action == "cut":
        return source[:start] + source[end:]
    if action == "double":
        return source[:end] + source[start:end] + source[end:]
    noise = draw(st.text(alphabet="*_[]()<>&;:,.\\-#`^\"' \n1aA\u00a0/", max_size=6))
    return source[:start] + noise + source[end:]


@pytest.mark.parametrize("fmt", sorted(WRITTEN))
@LONG
@given(data=st.data())
def test_a_damaged_document_gives_a_resolution_or_an_unres_error(fmt: str, data: st.DataObject) -> None:
    _read(fmt, data.draw(_damaged(fmt)))


@pytest.mark.parametrize("fmt", sorted(WRITTEN))
@LONG
@given(anything=st.text(max_size=300))
def test_any_text_gives_a_resolution_or_an_unres_error(fmt: str, anything: str) -> None:
    _read(fmt, anything)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(resolution=resolutions(production=True), data=st.data())
def test_any_json_value_in_any_place_gives_an_unres_error(
    resolution: unres.Resolution, data: st.DataObject
) -> None:
    """A JSON document unres wrote with one value swapped for a value of another kind."""
    document = unres_json.to_data(resolution)
    path: list[object] = []
    node: object = document
    while isinstance(node, dict | list) and node and data.draw(st.booleans()):
        key = data.draw(st.sampled_from(sorted(node) if isinstance(node, dict) else range(len(node))))
        path.append(key)
        node = node[key]
    if not path:
        return
    target: object = document
    for key in path[:-1]:
        target = target[key]  # type: ignore[index]
    target[path[-1]] = data.draw(  # type: ignore[index]
        st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=5), st.just([]), st.just({}))
    )
    _read("json", json.dumps(document))


def test_markdown_with_the_formulas_closing_star_removed_is_a_located_parse_error() -> None:
    """Seen by a user: this escaped as an internal InlineError, without file or line."""
    damaged = WRITTEN["md"].replace("*The General Assembly,*", "*The General Assembly,", 1)
    assert damaged != WRITTEN["md"]
    with pytest.raises(unres.ParseError) as caught:
        text.loads(damaged, source="doc.md")
    line = damaged[: damaged.index("*The General Assembly,")].count("\n") + 1
    assert str(caught.value) == f"doc.md:{line}: '*' is missing"
