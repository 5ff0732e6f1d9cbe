"""Validation: schema checks and semantic rules, reported as ``Problem`` records.

Codes:

- ``E001`` the file cannot be read (malformed XML or JSON, forbidden DTD, unknown format)
- ``E002`` the document holds content the resolution model cannot represent
- ``S001`` the AKN document breaks the bundled AKN4UN resolution profile (XSD)
- ``S002`` the AKN document breaks an extra schema given by the user (such as the OASIS one)
- ``S003`` the JSON document breaks the bundled JSON Schema
- ``R001`` operative paragraphs are not numbered 1, 2, 3 ... without gaps or repeats
- ``R002`` sub-paragraph labels are not in sequence ((a), (b) ... or (i), (ii) ...)
- ``R003`` a footnote is never called from the text
- ``R004`` a footnote call has no footnote
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from attrs import frozen

from unres.errors import UnresError, UnsupportedContentError
from unres.model import (
    EidNamer,
    OperativeItem,
    OperativeParagraph,
    Resolution,
    Section,
    SubParagraph,
    list_eid,
)

__all__ = ["Problem", "Severity", "validate", "validate_bytes", "validate_file"]


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@frozen
class Problem:
    """One problem found in a document: a stable code, a message and where it is."""

    code: str
    message: str
    severity: Severity = Severity.ERROR
    location: str | None = None
    source: str | None = None
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        where = ":".join(str(part) for part in (self.source, self.line, self.column) if part is not None)
        at = f" [{self.location}]" if self.location else ""
        return f"{where}: {self.code} {self.message}{at}" if where else f"{self.code} {self.message}{at}"


# --------------------------------------------------------------------------------------------
# Semantic rules on the model


def validate(resolution: Resolution) -> tuple[Problem, ...]:
    """The semantic problems of ``resolution`` (numbering, footnotes), in document order."""
    namer = EidNamer()
    problems = list(_numbering(resolution.operative, "", namer))
    for number, annex in enumerate(resolution.annexes, start=1):
        problems.extend(_numbering(annex.content, f"att_{number}__", namer))
    problems.extend(_footnotes(resolution))
    return tuple(problems)


def _numbering(items: tuple[OperativeItem, ...], prefix: str, namer: EidNamer) -> Iterator[Problem]:
    expected = 1
    for index, item in enumerate(items, start=1):
        if isinstance(item, Section):
            yield from _numbering(item.content, namer.section(prefix, item) + "__", namer)
            continue
        eid = namer.paragraph(prefix, item, index)
        if item.number is not None:
            if item.number != expected:
                yield Problem(
                    "R001",
                    f"operative paragraph {item.number} follows {expected - 1}: expected {expected}",
                    location=eid,
                )
            expected = item.number + 1
        yield from _labels(item, eid, namer)


def _roman(number: int) -> str:
    out = ""
    for value, digits in (
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ):
        while number >= value:
            out += digits
            number -= value
    return out


def _letters(number: int) -> str:
    # (a) ... (z), then (aa), (bb), ... as the UN continues.
    letter = chr(ord("a") + (number - 1) % 26)
    return letter * ((number - 1) // 26 + 1)


def _expected_labels(first: str, count: int) -> list[str]:
    """The labels a list of ``count`` sub-paragraphs should have, judged by its first label."""
    if first.isdigit():
        return [str(n) for n in range(1, count + 1)]
    make = _roman if first.lower() == "i" else _letters
    labels = [make(n) for n in range(1, count + 1)]
    return [label.upper() for label in labels] if first.isupper() else labels


def _labels(parent: OperativeParagraph | SubParagraph, eid: str, namer: EidNamer) -> Iterator[Problem]:
    subs = parent.subparagraphs
    if not subs:
        return
    expected = _expected_labels(subs[0].label, len(subs))
    list_id = list_eid(eid)
    for sub, want in zip(subs, expected, strict=True):
        point = namer.point(list_id, sub)
        if sub.label != want:
            yield Problem("R002", f"sub-paragraph ({sub.label}) where ({want}) was expected", location=point)
        yield from _labels(sub, point, namer)


def _footnotes(resolution: Resolution) -> Iterator[Problem]:
    called = [call.marker for call in resolution.footnote_calls()]
    defined = {note.marker for note in resolution.footnotes}
    for note in resolution.footnotes:
        if note.marker not in called:
            yield Problem(
                "R003", f"footnote {note.marker} is never called", location=f"footnote {note.marker}"
            )
    for marker in dict.fromkeys(called):
        if marker not in defined:
            yield Problem(
                "R004", f"footnote call {marker} has no footnote", location=f"footnote call {marker}"
            )


# --------------------------------------------------------------------------------------------
# Files


@cache
def _xml_schema(path: str) -> object:
    from lxml import etree

    return etree.XMLSchema(etree.parse(path))


def _schema_problems(root: object, schema_file: Path, code: str, source: str | None) -> list[Problem]:
    from lxml import etree

    schema = _xml_schema(str(schema_file))
    assert isinstance(schema, etree.XMLSchema)
    assert isinstance(root, etree._Element)
    if schema.validate(root):
        return []
    return [
        Problem(code, entry.message, source=source, line=entry.line, column=entry.column or None)
        for entry in schema.error_log  # type: ignore[attr-defined]
    ]


def validate_bytes(
    data: bytes, fmt: str | None = None, *, source: str | None = None, akn_schema: Path | None = None
) -> tuple[Problem, ...]:
    """Validate a document given as bytes: schema, model and semantic rules."""
    from unres._api import format_of_content

    chosen = fmt or format_of_content(data)
    problems: list[Problem] = []
    try:
        if chosen == "akn":
            from unres import akn
            from unres._schemas import AKN_PROFILE, schema_path
            from unres.akn._parse import parse_xml

            root = parse_xml(data, source)
            problems += _schema_problems(root, schema_path(AKN_PROFILE), "S001", source)
            if akn_schema is not None:
                problems += _schema_problems(root, akn_schema, "S002", source)
            resolution = akn.from_element(root)
        elif chosen == "json":
            from unres import json as json_format

            problems += json_format.schema_problems(data, source=source)
            if problems:
                return tuple(problems)
            resolution = json_format.loads(data, source=source)
        else:
            return (Problem("E001", "cannot tell the format: neither XML nor JSON", source=source, line=1),)
    except UnsupportedContentError as error:
        return (*problems, _error_problem("E002", error, source))
    except UnresError as error:
        return (*problems, _error_problem("E001", error, source))
    problems += [Problem(p.code, p.message, p.severity, p.location, source) for p in validate(resolution)]
    return tuple(problems)


def _error_problem(code: str, error: UnresError, source: str | None) -> Problem:
    return Problem(code, error.message, source=error.source or source, line=error.line, column=error.column)


def validate_file(path: str | Path, *, akn_schema: str | Path | None = None) -> tuple[Problem, ...]:
    """Validate a file (AKN or JSON, by extension or content); problems carry file and line."""
    from unres._api import format_of_path
    from unres._io import read_bytes

    try:
        data, name = read_bytes(path)
    except UnresError as error:
        return (_error_problem("E001", error, str(path)),)
    extra = Path(akn_schema) if akn_schema is not None else None
    return validate_bytes(data, format_of_path(path), source=name, akn_schema=extra)
