"""Validation: the schema checks and the semantic rules, reported as one list of ``Problem``.

Codes (docs/rules.md explains each with examples):

- ``E001`` the file cannot be read (malformed XML or JSON, forbidden DTD, unknown format)
- ``E002`` the document holds content the resolution model cannot represent
- ``S001`` the AKN document breaks the bundled AKN4UN resolution profile (XSD)
- ``S002`` the AKN document breaks an extra schema given by the user (such as the OASIS one)
- ``S003`` the JSON document breaks the bundled JSON Schema
- ``R0xx`` rules on the resolution (numbering, footnotes, dates, references, punctuation, phrases)
- ``A0xx`` rules on the Akoma Ntoso markup (identifiers agree, eIds, links)

Rules are chosen like ruff's: ``select`` keeps the codes that start with one of its prefixes
(all by default), ``ignore`` drops those that start with one of its. A project can set both in
``[tool.unres]`` of its ``pyproject.toml``.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from attrs import evolve, frozen

from unres.errors import UnresError, UnsupportedContentError, ValidationError
from unres.model import Resolution
from unres.problems import Problem, Severity, json_pointer

__all__ = [
    "Problem",
    "Selection",
    "Severity",
    "check",
    "find_selection",
    "validate",
    "validate_bytes",
    "validate_file",
]


@frozen
class Selection:
    """Which codes to report: those starting with a ``select`` prefix and no ``ignore`` prefix."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def __contains__(self, code: object) -> bool:
        if not isinstance(code, str):
            return False
        if code.startswith("E"):
            return True  # a document that cannot be read is never ignored
        if self.select and not any(code.startswith(prefix) for prefix in self.select):
            return False
        return not any(code.startswith(prefix) for prefix in self.ignore)

    def __call__(self, problems: Iterable[Problem]) -> tuple[Problem, ...]:
        return tuple(problem for problem in problems if problem.code in self)


EVERYTHING = Selection()


def known_codes() -> frozenset[str]:
    """Every code a problem can have: reading and schema codes, the text reader's repairs, the rules."""
    from unres.problems import READING_CODES, REPAIR_CODES, VERSION_CODES
    from unres.rules import all_rules

    return frozenset((*READING_CODES, *REPAIR_CODES, *VERSION_CODES, *(rule.code for rule in all_rules())))


def unknown_codes(prefixes: tuple[str, ...]) -> list[str]:
    """The prefixes of a selection that no code starts with (a typo such as ``Z999``)."""
    codes = known_codes()
    return [prefix for prefix in prefixes if not any(code.startswith(prefix) for code in codes)]


def find_selection(start: Path | None = None) -> Selection:
    """The ``[tool.unres]`` selection of the nearest ``pyproject.toml`` at or above ``start``."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        config = candidate / "pyproject.toml"
        if config.is_file():
            import tomllib  # loaded when a configuration is read, not with unres

            try:
                data = tomllib.loads(config.read_text(encoding="utf-8"))
            except (OSError, tomllib.TOMLDecodeError) as error:
                raise UnresError(f"cannot read [tool.unres]: {error}", source=str(config)) from None
            table: Any = data.get("tool", {}).get("unres", {})
            return Selection(_codes(table.get("select", []), config), _codes(table.get("ignore", []), config))
    return EVERYTHING


def _codes(value: Any, config: Path) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise UnresError("[tool.unres] select and ignore must be lists of codes", source=str(config))
    return tuple(value)


# ------------------------------------------------------------------------------------------------


def _model_rules() -> list[Any]:
    from unres.rules import MODEL_RULES

    return MODEL_RULES


def _akn_rules() -> list[Any]:
    from unres.rules import AKN_RULES

    return AKN_RULES


def validate(resolution: Resolution, *, selection: Selection = EVERYTHING) -> tuple[Problem, ...]:
    """The problems the rules find in ``resolution``, rule by rule, in document order."""
    problems: list[Problem] = []
    for rule in _model_rules():
        if rule.code in selection:
            problems.extend(rule.check(resolution))
    return tuple(problems)


def check(resolution: Resolution, *, selection: Selection = EVERYTHING) -> tuple[Problem, ...]:
    """Validate ``resolution``; raise ``ValidationError`` naming the first error if there is any.

    Returns the warnings, if any, so that a script can print them.
    """
    problems = validate(resolution, selection=selection)
    errors = [problem for problem in problems if problem.severity is Severity.ERROR]
    if errors:
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise ValidationError(f"{errors[0]}{more}", problems=problems)
    return problems


@cache
def _xml_schema(path: str) -> Any:
    from lxml import etree

    return etree.XMLSchema(etree.parse(path))


def _schema_problems(root: Any, schema_file: Path, code: str, source: str | None) -> list[Problem]:
    schema = _xml_schema(str(schema_file))
    if schema.validate(root):
        return []
    return [
        Problem(code, entry.message, source=source, line=entry.line or None, column=entry.column or None)
        for entry in schema.error_log
    ]


def _error_problem(code: str, error: UnresError, source: str | None) -> Problem:
    return Problem(code, error.message, source=error.source or source, line=error.line, column=error.column)


def _place(
    problems: Iterable[Problem], resolution: Resolution, source: str | None, lines: dict[str, int] | None
) -> list[Problem]:
    """Give model problems their file, line (AKN) or JSON pointer (JSON)."""
    problems = list(problems)
    if lines is not None or not problems:
        pointers: dict[str, str] = {}  # AKN places by line; JSON needs its pointers only for problems
    else:
        pointers = {eid: json_pointer(path) for eid, _, path in resolution.iter_paragraph_paths()}
        for index, note in enumerate(resolution.footnotes):
            pointers[f"footnote {note.marker}"] = f"/footnotes/{index}"
    placed = []
    for problem in problems:
        location = problem.location or ""
        if lines is not None:
            placed.append(evolve(problem, source=source, line=lines.get(location)))
        else:
            pointer = pointers.get(location, f"/{location}" if location.isidentifier() else None)
            placed.append(evolve(problem, source=source, pointer=pointer))
    return placed


def validate_bytes(
    data: bytes,
    fmt: str | None = None,
    *,
    source: str | None = None,
    akn_schema: Path | None = None,
    selection: Selection = EVERYTHING,
) -> tuple[Problem, ...]:
    """Validate a document given as bytes: its schema, its markup, the model and the rules."""
    return _checked_bytes(data, fmt, source=source, akn_schema=akn_schema, selection=selection)[0]


# What checking a document found, and the resolution read from it (None if it could not be read).
_Checked = tuple[list[Problem], Resolution | None]


def _checked_bytes(
    data: bytes,
    fmt: str | None = None,
    *,
    source: str | None = None,
    akn_schema: Path | None = None,
    selection: Selection = EVERYTHING,
) -> tuple[tuple[Problem, ...], Resolution | None]:
    from unres._api import format_of_content, refuse_other_formats

    try:
        refuse_other_formats(data, source)
    except UnresError as error:
        return (_error_problem("E001", error, source),), None
    chosen = fmt or format_of_content(data)
    if chosen == "akn":
        problems, resolution = _validate_akn(data, source, akn_schema, selection)
    elif chosen == "json":
        problems, resolution = _validate_json(data, source, selection)
    else:
        problems, resolution = _validate_text(data, chosen, source, selection)
    return selection(problems), resolution


def _validate_text(data: bytes, fmt: str, source: str | None, selection: Selection) -> _Checked:
    """A text: what reading it repaired (warnings, with lines), then the model's rules."""
    from unres import text

    try:
        parsed = text.parse(data, source=source, markdown=True if fmt == "md" else None)
    except UnresError as error:
        return [_error_problem("E001", error, source)], None
    rules = [evolve(problem, source=source) for problem in validate(parsed.resolution, selection=selection)]
    return [*parsed.problems, *rules], parsed.resolution


def _validate_akn(data: bytes, source: str | None, akn_schema: Path | None, selection: Selection) -> _Checked:
    from unres._schemas import AKN_PROFILE, schema_path
    from unres.akn._parse import parse_xml
    from unres.akn._read import from_element_located

    try:
        root = parse_xml(data, source)
    except UnresError as error:
        return [_error_problem("E001", error, source)], None
    problems = _schema_problems(root, schema_path(AKN_PROFILE), "S001", source)
    if akn_schema is not None:
        problems += _schema_problems(root, akn_schema, "S002", source)
    for rule in _akn_rules():
        if rule.code in selection:
            problems += [evolve(problem, source=source) for problem in rule.check(root)]
    try:
        resolution, lines = from_element_located(root)
    except UnsupportedContentError as error:
        return [*problems, _error_problem("E002", error, source)], None
    except UnresError as error:
        if any(problem.code == "A001" for problem in problems) and "disagrees" in error.message:
            return problems, None  # the disagreement is reported by A001, with every place it occurs
        return [*problems, _error_problem("E001", error, source)], None
    return problems + _place(validate(resolution, selection=selection), resolution, source, lines), resolution


def _validate_json(data: bytes, source: str | None, selection: Selection) -> _Checked:
    from unres import json as json_format

    problems = json_format.schema_problems(data, source=source)
    if problems:
        return problems, None
    try:
        resolution = json_format.loads(data, source=source)
    except UnresError as error:
        return [_error_problem("E001", error, source)], None
    return _place(validate(resolution, selection=selection), resolution, source, None), resolution


def validate_file(
    path: str | Path, *, akn_schema: str | Path | None = None, selection: Selection = EVERYTHING
) -> tuple[Problem, ...]:
    """Validate a file (AKN, JSON or text, by extension or content); problems carry file and line."""
    return checked_file(path, akn_schema=akn_schema, selection=selection)[0]


def checked_file(
    path: str | Path, *, akn_schema: str | Path | None = None, selection: Selection = EVERYTHING
) -> tuple[tuple[Problem, ...], Resolution | None]:
    """``validate_file``'s problems, and the resolution read on the way (None if it could not be
    read): for a caller that goes on with it (``unres validate --versions``) without reading the
    file again."""
    from unres._api import format_of_path
    from unres._io import read_bytes

    try:
        data, name = read_bytes(path)
    except UnresError as error:
        return (_error_problem("E001", error, str(path)),), None
    extra = Path(akn_schema) if akn_schema is not None else None
    return _checked_bytes(data, format_of_path(path), source=name, akn_schema=extra, selection=selection)
