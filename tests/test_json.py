"""The JSON form: lossless against the model and AKN, schema-checked, with clear errors."""

from __future__ import annotations

import copy
import json
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import unres
from unres import akn
from unres import json as unres_json
from unres._schemas import load_json_schema
from unres.model import check_tree
from unres.strategies import resolutions

from .conftest import EXAMPLES, c14n, shared_file

SCHEMA = load_json_schema()


def example_data() -> dict[str, Any]:
    return unres_json.to_data(akn.load(EXAMPLES / "A-RES-73-266.xml"))


def test_schema_is_a_valid_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@given(resolutions(production=True))
def test_any_model_round_trips_through_json_and_matches_the_schema(resolution: unres.Resolution) -> None:
    text = unres_json.dumps(resolution)
    jsonschema.Draft202012Validator(SCHEMA).validate(json.loads(text))
    again = unres_json.loads(text)
    assert again == resolution
    check_tree(again)  # the reader builds without the type checks: what it builds passes them
    assert unres_json.dumps(again) == text


@pytest.mark.parametrize(
    "parts",
    [("examples", "A-RES-79-275.un-production-trimmed.xml"), ("examples", "template-ga-resolution.xml")],
)
def test_shared_akn_examples_go_through_json_and_back_to_the_same_akn(parts: tuple[str, str]) -> None:
    direct = akn.dumps(akn.load(shared_file(*parts)))
    via_json = akn.dumps(unres_json.loads(unres_json.dumps(akn.load(shared_file(*parts)))))
    assert c14n(via_json) == c14n(direct)


def test_73_266_goes_through_json_and_back_byte_for_byte() -> None:
    source = (EXAMPLES / "A-RES-73-266.xml").read_bytes()
    assert akn.dumps(unres_json.loads(unres_json.dumps(akn.loads(source)))) == source


def test_json_form_of_73_266_reads_as_documented() -> None:
    data = example_data()
    assert list(data)[:6] == ["format", "version", "symbol", "body", "title", "adoption_date"]
    assert data["format"] == "unres-resolution" and data["version"] == 1
    assert data["symbol"] == "A/RES/73/266"
    assert data["origin"] == {"document": "A/73/505", "committee": "First Committee", "paragraph": None}
    assert data["enacting_formula"] == [
        {"type": "emphasis", "content": ["The General Assembly,"], "style": "italic"}
    ]
    first = data["preamble"][0]
    assert first["opening"] == "Recalling"
    assert first["text"][:4] == [
        "its resolutions ",
        {
            "type": "ref",
            "href": "/akn/un/statement/deliberation/un-ga/1998-12-04/53-70",
            "content": ["53/70"],
        },
        " of ",
        {"type": "date", "value": "1998-12-04", "text": "4 December 1998"},
    ]
    para = data["operative"][0]
    assert (para["type"], para["number"], para["opening"]) == ("paragraph", 1, "Calls upon")
    assert [sub["label"] for sub in para["subparagraphs"]] == ["a", "b"]
    assert {"type": "footnote_call", "marker": "1"} in para["subparagraphs"][0]["text"]
    assert data["meeting"] == {
        "number": 65,
        "kind": "plenary",
        "record": None,
        "date": None,
        "part": None,
        "place": None,
    }


def test_output_is_stable_readable_utf8() -> None:
    res = akn.load(EXAMPLES / "A-RES-73-266.xml")
    text = unres_json.dumps(res)
    assert "“Developments in the field" in text  # not escaped
    assert text == unres_json.dumps(akn.load(EXAMPLES / "A-RES-73-266.xml"))
    compact = unres_json.dumps(res, indent=None)
    assert "\n" not in compact.rstrip("\n") and json.loads(compact) == json.loads(text)


def _error_for(data: Any) -> str:
    with pytest.raises(unres.ParseError) as caught:
        unres_json.from_data(data, source="doc.json")
    return str(caught.value)


def test_schema_rejects_a_wrong_type_with_its_path() -> None:
    data = example_data()
    data["operative"][1]["subparagraphs"][0]["label"] = 7
    message = _error_for(data)
    assert message == 'doc.json: 7 is not of type "string" (at $.operative[1].subparagraphs[0].label)'


def test_schema_rejects_a_character_xml_cannot_hold_in_any_string() -> None:
    # What JSON can say and Akoma Ntoso cannot is refused on reading, with its path, as the AKN
    # writer would refuse it; tab, line feed and the rest of Unicode are text like any other.
    for path, bad in (
        (("title",), "\x01"),
        (("operative", 0, "text", 0), "\x0b"),
        (("footnotes", 0, "marker"), "\uffff"),
    ):
        data = example_data()
        owner: Any = data
        for key in path[:-1]:
            owner = owner[key]
        owner[path[-1]] += bad
        where = "$" + "".join(f"[{key}]" if isinstance(key, int) else f".{key}" for key in path)
        message = _error_for(data)
        assert (
            message
            == f"doc.json: the text holds U+{ord(bad):04X}, a character XML does not allow (at {where})"
        )
    data = example_data()
    data["title"] += "\t\u00e9\U0001f600"
    assert unres_json.from_data(data).title.endswith("\t\u00e9\U0001f600")


def test_schema_rejects_a_missing_required_field() -> None:
    data = example_data()
    del data["adoption_date"]
    assert '"adoption_date" is a required property (at $)' in _error_for(data)


def test_schema_rejects_an_unknown_field() -> None:
    data = example_data()
    data["preamble"][2]["colour"] = "blue"
    message = _error_for(data)
    assert "Additional properties are not allowed ('colour' was unexpected)" in message
    assert "(at $.preamble[2])" in message


def test_schema_rejects_an_unknown_inline_tag() -> None:
    data = example_data()
    data["preamble"][0]["text"][1] = {"type": "hyperlink", "href": "x"}
    message = _error_for(data)
    assert (
        "'hyperlink' is not one of 'emphasis', 'ref', 'date', 'footnote_call', 'quotation', 'foreign'"
        in message
    )
    assert "(at $.preamble[0].text[1].type)" in message


def test_a_bad_symbol_is_named() -> None:
    data = example_data()
    data["symbol"] = "A/RES/73"
    assert "is not a resolution symbol" in _error_for(data) and "(at $.symbol)" in _error_for(data)


def test_a_document_of_another_format_or_version_is_refused() -> None:
    data = example_data()
    with pytest.raises(unres.FormatError, match="not an unres resolution"):
        unres_json.from_data({"symbol": "A/RES/1/1"})
    data["version"] = 2
    with pytest.raises(unres.FormatError, match="version 2 of the JSON form is not supported"):
        unres_json.from_data(data)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b'{"format": "unres-resolution",\n "version": 1,,}', "doc.json:2:15: malformed JSON"),
        (b'{"format": "unres-resolution", "format": "x"}', "duplicate key 'format'"),
        (b'{"format": NaN}', "NaN is not a JSON number"),
        (b'\xff\xfe{"format": 1}', "not UTF-8: byte 0xff at offset 0"),
        (b"[" * 100000 + b"]" * 100000, "nested too deeply"),
        (b'{"version": ' + b"9" * 5000 + b"}", "malformed JSON: a number of more than 4300 digits"),
    ],
    ids=["syntax", "duplicate-key", "nan", "invalid-utf8", "deep-nesting", "huge-number"],
)
def test_broken_json_gets_a_clear_error(raw: bytes, expected: str) -> None:
    with pytest.raises(unres.ParseError) as caught:
        unres_json.loads(raw, source="doc.json")
    assert expected in str(caught.value)


def test_a_byte_order_mark_is_accepted() -> None:
    text = unres_json.dumps(akn.load(EXAMPLES / "A-RES-73-266.xml"))
    assert unres_json.loads(b"\xef\xbb\xbf" + text.encode()) == unres_json.loads(text)


def test_the_model_rules_apply_to_json_too() -> None:
    data = example_data()
    data["footnotes"].append(copy.deepcopy(data["footnotes"][0]))
    assert "footnote marker '1' is used twice" in _error_for(data)


def test_kept_foreign_markup_goes_through_json_unchanged() -> None:
    source = (EXAMPLES / "A-RES-73-266.xml").read_text(encoding="utf-8")
    data = source.replace(
        "<p><i>Requests</i> the Chair", '<p><abbr title="x">UN</abbr> <i>Requests</i> the Chair'
    )
    res = akn.loads(data.encode(), keep_unknown=True)
    again = unres_json.loads(unres_json.dumps(res))
    assert again == res
    assert c14n(akn.dumps(again)) == c14n(data.encode())


def test_a_bad_symbol_is_told_as_a_symbol_not_as_a_pattern() -> None:
    data = unres_json.to_data(akn.load(EXAMPLES / "A-RES-73-266.xml"))
    data["symbol"] = "S/RES/1"
    with pytest.raises(unres.ParseError) as caught:
        unres_json.from_data(data, source="doc.json")
    assert str(caught.value).startswith(
        "doc.json: 'S/RES/1' is not a resolution symbol such as A/RES/73/266 or S/RES/1441 (2002)"
    )
    data["symbol"] = "S/RES/1441 (2002)"  # a Council symbol in a document that says "ga"
    with pytest.raises(unres.ParseError, match="is not a symbol of the body the document names"):
        unres_json.from_data(data, source="doc.json")


_NO_SURROGATES = st.characters(exclude_categories=["Cs"])
_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(2**70), max_value=2**70) | st.text(_NO_SURROGATES),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(_NO_SURROGATES, max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


@given(_JSON_VALUES)
def test_orjson_writes_byte_for_byte_what_the_standard_library_writes(data: object) -> None:
    """With orjson installed, JSON is written by it; the text is the standard library's exactly,
    for any characters (control characters, U+2028, astral ones) and numbers beyond 64 bits."""
    pytest.importorskip("orjson")
    assert unres_json._orjson() is not None
    assert unres_json.encode(data) == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    assert unres_json.encode(data, indent=None) == json.dumps(data, ensure_ascii=False) + "\n"


@given(resolutions(production=True))
def test_json_of_any_model_is_the_standard_librarys_text(resolution: unres.Resolution) -> None:
    expected = json.dumps(unres_json.to_data(resolution), ensure_ascii=False, indent=2) + "\n"
    assert unres_json.dumps(resolution) == expected
