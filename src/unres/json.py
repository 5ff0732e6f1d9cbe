"""The JSON form of a resolution: lossless, documented (docs/json.md), checked by a bundled schema.

One cattrs converter, built once, turns the model into plain JSON values and back. Dates are ISO
strings, the symbol a string, enumerations their values. Inline text is a list of plain strings
and objects tagged by ``"type"``; the operative part and the vote are tagged the same way, so that
nothing is ever resolved by guessing its shape. Every document starts with ``"format"`` and
``"version"`` so that later forms can be told apart from this one.

Input is checked against ``schemas/resolution.schema.json`` (JSON Schema 2020-12) with the
``jsonschema-rs`` validator before it is turned into model objects; errors carry the JSON path of the
bad value (``$.operative[3].subparagraphs[0].label``).
"""

from __future__ import annotations

import datetime as dt
import enum
import json as _json
import re
import types
import typing
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from typing import IO, Any, BinaryIO

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from unres._io import MAX_BYTES, read_bytes, write_bytes
from unres.errors import FormatError, ModelError, ParseError
from unres.model import (
    AdoptedByAcclamation,
    AdoptedWithoutVote,
    Date,
    Emphasis,
    FootnoteCall,
    Foreign,
    Heading,
    Inline,
    OperativeItem,
    OperativeParagraph,
    Quotation,
    RecordedVote,
    Reference,
    Resolution,
    Section,
    Symbol,
    Table,
    Vote,
    trusted,
)
from unres.problems import Problem, json_pointer

__all__ = [
    "FORMAT",
    "VERSION",
    "converter",
    "dump",
    "dumps",
    "encode",
    "from_data",
    "load",
    "loads",
    "schema_problems",
    "to_data",
    "warm_up",
]

FORMAT = "unres-resolution"
VERSION = 1

# The tag each class of a tagged union carries in JSON.
TAGS: dict[type, str] = {
    Emphasis: "emphasis",
    Reference: "ref",
    Date: "date",
    FootnoteCall: "footnote_call",
    Quotation: "quotation",
    Foreign: "foreign",
    OperativeParagraph: "paragraph",
    Section: "section",
    Heading: "heading",
    Table: "table",
    AdoptedWithoutVote: "without_vote",
    AdoptedByAcclamation: "acclamation",
    RecordedVote: "recorded",
}
_INLINE = {
    tag: cls
    for cls, tag in TAGS.items()
    if cls in (Emphasis, Reference, Date, FootnoteCall, Quotation, Foreign)
}
_OPERATIVE = {"paragraph": OperativeParagraph, "section": Section, "heading": Heading, "table": Table}
_VOTE = {"without_vote": AdoptedWithoutVote, "acclamation": AdoptedByAcclamation, "recorded": RecordedVote}


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True)
    conv.register_unstructure_hook(dt.date, dt.date.isoformat)
    conv.register_structure_hook(dt.date, lambda value, _: dt.date.fromisoformat(value))
    conv.register_unstructure_hook(Symbol, str)
    conv.register_structure_hook(Symbol, lambda value, _: Symbol.parse(value))

    for cls, tag in TAGS.items():
        plain: Callable[[Any], dict[str, Any]] = make_dict_unstructure_fn(cls, conv)

        def tagged(
            obj: Any, _plain: Callable[[Any], dict[str, Any]] = plain, _tag: str = tag
        ) -> dict[str, Any]:
            return {"type": _tag, **_plain(obj)}

        conv.register_unstructure_hook(cls, tagged)
        plain_structure: Callable[..., Any] = make_dict_structure_fn(
            cls, conv, _cattrs_forbid_extra_keys=True
        )

        def untagged(value: dict[str, Any], cls: type, _plain: Callable[..., Any] = plain_structure) -> Any:
            return _plain({key: item for key, item in value.items() if key != "type"}, cls)

        conv.register_structure_hook(cls, untagged)

    def by_tag(table: Mapping[str, type]) -> Callable[[Any, Any], Any]:
        def structure(value: Any, _: Any) -> Any:
            if value is None:
                return None
            if isinstance(value, str) and table is _INLINE:
                return value
            if not isinstance(value, dict) or value.get("type") not in table:
                raise ValueError(f"expected one of the types {sorted(table)}, not {value!r}")
            return conv.structure(value, table[value["type"]])

        return structure

    inline, operative, vote = by_tag(_INLINE), by_tag(_OPERATIVE), by_tag(_VOTE)
    conv.register_structure_hook_func(lambda t: t == Inline, inline)
    conv.register_structure_hook_func(lambda t: t == OperativeItem, operative)
    conv.register_structure_hook_func(lambda t: t in (Vote, Vote | None), vote)
    return conv


converter = _make_converter()
"""The cattrs converter between the model and JSON values, configured once."""


def to_data(resolution: Resolution) -> dict[str, Any]:
    """The resolution as JSON values (dicts, lists, strings, numbers), ready for ``json.dumps``."""
    fields = converter.unstructure(resolution)
    # The body follows from the symbol; it is written beside it so that readers can tell the two
    # kinds of resolution apart without parsing symbols.
    return {
        "format": FORMAT,
        "version": VERSION,
        "symbol": fields.pop("symbol"),
        "body": resolution.body.value,
        **fields,
    }


def dumps(resolution: Resolution, *, indent: int | None = 2) -> str:
    """The JSON text of ``resolution``: keys in a fixed order, non-ASCII as is, newline at the end.

    Written by ``orjson`` where it is installed (``pip install 'unres[fast]'``), byte for byte the
    text the standard library writes, a few times faster; by the standard library otherwise.
    """
    return encode(to_data(resolution), indent=indent)


def encode(data: object, *, indent: int | None = 2) -> str:
    """JSON values as unres writes them: ``json.dumps(data, ensure_ascii=False, indent=indent)`` and
    a newline, with ``orjson`` doing the work where it is installed and the result is the same
    (two-space indentation; not for numbers beyond 64 bits or lone surrogates, which it refuses)."""
    fast = _orjson()
    if fast is not None and indent == 2:
        try:
            return str(fast.dumps(data, option=fast.OPT_INDENT_2 | fast.OPT_APPEND_NEWLINE), "utf-8")
        except TypeError:  # orjson.JSONEncodeError: an integer over 64 bits, a lone surrogate
            pass
    return _json.dumps(data, ensure_ascii=False, indent=indent) + "\n"


@cache
def _orjson() -> Any:
    try:
        import orjson
    except ImportError:
        return None
    return orjson


def dump(resolution: Resolution, target: str | Path | BinaryIO, *, indent: int | None = 2) -> None:
    """Write the JSON of ``resolution`` to a path (atomically) or a binary file object."""
    write_bytes(dumps(resolution, indent=indent).encode("utf-8"), target)


# ------------------------------------------------------------------------------------------------
# Reading


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ParseError(f"duplicate key {key!r} in a JSON object")
        result[key] = value
    return result


def _no_constant(name: str) -> Any:
    raise ParseError(f"{name} is not a JSON number")


def _decode(data: bytes | str, source: str | None) -> Any:
    if len(data) > MAX_BYTES:
        raise ParseError(f"document is larger than {MAX_BYTES // (1024 * 1024)} MB", source=source)
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ParseError(
                f"not UTF-8: byte {data[error.start]:#04x} at offset {error.start}", source=source
            ) from None
    else:
        text = data
    try:
        return _json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except _json.JSONDecodeError as error:
        raise ParseError(
            f"malformed JSON: {error.msg}", source=source, line=error.lineno, column=error.colno
        ) from None
    except RecursionError:
        raise ParseError("JSON nested too deeply", source=source) from None
    except ValueError:  # an integer too long to convert
        raise ParseError("malformed JSON: a number of more than 4300 digits", source=source) from None


def _check_format(value: Any, source: str | None) -> dict[str, Any]:
    if not isinstance(value, dict) or value.get("format") != FORMAT:
        raise FormatError(f'not an unres resolution: expected "format": "{FORMAT}" at the top', source=source)
    version = value.get("version")
    if version != VERSION:
        raise FormatError(
            f"version {version!r} of the JSON form is not supported (this unres reads {VERSION})",
            source=source,
        )
    return value


@cache
def _validator() -> Any:
    import jsonschema_rs

    from unres._schemas import load_json_schema

    return jsonschema_rs.validator_for(load_json_schema(), validate_formats=True)


def warm_up() -> None:
    """Load the schema validator now rather than at the first read (before forking workers)."""
    _validator()


def _json_path(path: Any) -> str:
    out = "$"
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def _message(error: Any) -> str:
    options = getattr(error.kind, "options", None)
    if type(error.kind).__name__ == "Enum" and isinstance(options, list):
        return f"{error.instance!r} is not one of {', '.join(map(repr, options))}"
    if type(error.kind).__name__ == "Pattern" and list(error.instance_path) == ["symbol"]:
        # The schema's pattern says it to a program; a person is told what a symbol looks like.
        pattern = str(getattr(error.kind, "pattern", ""))
        if pattern in ("^A/RES/", "^S/RES/"):
            return f"{error.instance!r} is not a symbol of the body the document names ('body')"
        return f"{error.instance!r} is not a resolution symbol such as A/RES/73/266 or S/RES/1441 (2002)"
    if type(error.kind).__name__ == "Pattern" and isinstance(error.instance, str):
        bad = _NOT_XML.search(error.instance)
        if bad is not None:  # the schema's xmlText: told as the AKN writer tells it
            return f"the text holds U+{ord(bad[0]):04X}, a character XML does not allow"
    return str(error.message)


# What the schema's "xmlText" forbids in every string.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _schema_errors(value: Any) -> list[tuple[list[str | int], str]]:
    validator = _validator()
    if validator.is_valid(value):
        return []
    errors = sorted(validator.iter_errors(value), key=lambda e: [str(part) for part in e.instance_path])
    return [(list(error.instance_path), _message(error)) for error in errors]


def schema_problems(data: bytes, *, source: str | None = None) -> list[Problem]:
    """The problems of a JSON document under the bundled schema, with their JSON paths."""
    try:
        value = _check_format(_decode(data, source), source)
    except (ParseError, FormatError) as error:
        return [Problem("E001", error.message, source=source, line=error.line, column=error.column)]
    return [
        Problem(
            "S003",
            message,
            location=_json_path(path),
            source=source,
            pointer=json_pointer(path),
        )
        for path, message in _schema_errors(value)
    ]


# -- structuring: JSON values the schema has accepted -> model objects ---------------------------
#
# One function per type of the model, made once from its type hints: a tuple maps its items, an
# optional passes None through, a tagged union dispatches on "type", a class calls its constructor
# with its fields (under ``trusted()``, so without repeating the type checks the schema made; the
# constructors' own rules and normalisation still run). No generic dispatch at reading time.

_Structure = Callable[[Any], Any]


def _same(value: Any) -> Any:
    return value


@cache
def _structure_for(hint: Any) -> _Structure:
    if hint in (str, int, bool, type(None)):
        return _same
    if hint is dt.date:
        return dt.date.fromisoformat
    if hint is Symbol:
        return Symbol.parse
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return hint
    if hint == Inline:
        return _tagged(_INLINE, strings=True)
    if hint == OperativeItem:
        return _tagged(_OPERATIVE)
    if hint in (Vote, Vote | None):
        return _optional(_tagged(_VOTE))
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        item = _structure_for(args[0])
        if item is _same:
            return tuple
        return lambda value: tuple([item(each) for each in value])
    if origin in (typing.Union, types.UnionType) and type(None) in args and len(args) == 2:
        return _optional(_structure_for(next(arg for arg in args if arg is not type(None))))
    if isinstance(hint, type) and attrs.has(hint):
        return _class_structure(hint)
    raise TypeError(f"no JSON structuring for {hint!r}")  # a model type this module does not know


def _optional(structure: _Structure) -> _Structure:
    return lambda value: None if value is None else structure(value)


def _tagged(table: Mapping[str, type], *, strings: bool = False) -> _Structure:
    """A union of classes told apart by their "type" (inline text: a string or a tagged object).
    Each class's function is made at its first use, as the types nest in themselves (emphasis
    holds text that holds emphasis)."""
    structures: dict[str, _Structure] = {}

    def structure(value: Any) -> Any:
        if strings and value.__class__ is str:
            return value
        tag = value["type"]
        build = structures.get(tag)
        if build is None:
            build = structures[tag] = _class_structure(table[tag])
        return build(value)

    return structure


@cache
def _class_structure(cls: type) -> _Structure:
    """A class's fields, each by its own function (made at the first use: classes nest in
    themselves, a sub-paragraph in a sub-paragraph)."""
    fields: list[tuple[str, str, _Structure]] = []

    def structure(value: dict[str, Any]) -> Any:
        if not fields:
            hints = typing.get_type_hints(cls)
            fields.extend(
                (field.name, field.alias, _structure_for(hints[field.name])) for field in attrs.fields(cls)
            )
        return cls(**{alias: convert(value[name]) for name, alias, convert in fields if name in value})

    return structure


def from_data(value: Any, *, source: str | None = None) -> Resolution:
    """Build a resolution from JSON values, after checking them against the bundled schema."""
    document = _check_format(value, source)
    errors = _schema_errors(document)
    if errors:
        path, message = errors[0]
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise ParseError(f"{message}{more}", source=source, path=_json_path(path))
    fields = {key: item for key, item in document.items() if key not in ("format", "version", "body")}
    try:
        with trusted():  # the JSON Schema has checked every value's type
            resolution: Resolution = _class_structure(Resolution)(fields)
    except ModelError as error:
        raise ParseError(error.message, source=source) from None
    if resolution.body.value != document["body"]:
        raise ParseError(
            f"body {document['body']!r} disagrees with the symbol {resolution.symbol}",
            source=source,
            path="$.body",
        )
    return resolution


def loads(data: bytes | str, *, source: str | None = None) -> Resolution:
    """Read a resolution from JSON text or UTF-8 bytes."""
    return from_data(_decode(data, source), source=source)


def load(source: str | Path | IO[bytes]) -> Resolution:
    """Read a resolution from a JSON file (a path or a binary file object)."""
    data, name = read_bytes(source)  # type: ignore[arg-type]
    return loads(data, source=name)
