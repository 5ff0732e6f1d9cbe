"""Resolutions as research data: one row per paragraph, per member state's vote, per citation.

``rows(resolution, "paragraphs")`` (or ``"votes"``, ``"citations"``) gives plain dicts with the
columns of ``COLUMNS``, documented in docs/tables.md; ``write(rows, path)`` streams them to CSV,
JSON lines or Parquet (with the optional ``pyarrow``). The columns and their meaning are stable
within ``SCHEMA_VERSION``.
"""

from __future__ import annotations

import csv
import json
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from unres._text import UNDOCS
from unres.errors import FormatError
from unres.model import (
    AdoptedByAcclamation,
    AdoptedWithoutVote,
    FootnoteCall,
    Heading,
    OperativeParagraph,
    Paragraph,
    PreambularParagraph,
    RecordedVote,
    Reference,
    Resolution,
    Section,
    SubParagraph,
    Table,
    iter_inline,
    paragraph_texts,
    plain_text,
)

__all__ = ["COLUMNS", "FORMATS", "KINDS", "SCHEMA_VERSION", "rows", "write"]

SCHEMA_VERSION = 1
KINDS = ("paragraphs", "votes", "citations")
FORMATS = {".csv": "csv", ".jsonl": "jsonl", ".parquet": "parquet"}

# The columns of each table, in order, with their type: "str", "int" or "date" (ISO, as a string).
COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "paragraphs": (
        ("schema_version", "int"),
        ("symbol", "str"),
        ("body", "str"),
        ("session", "str"),
        ("adoption_date", "date"),
        ("language", "str"),
        ("part", "str"),
        ("kind", "str"),
        ("number", "str"),
        ("eid", "str"),
        ("path", "str"),
        ("opening", "str"),
        ("text", "str"),
        ("footnotes", "str"),
        ("cites", "str"),
    ),
    "votes": (
        ("schema_version", "int"),
        ("symbol", "str"),
        ("body", "str"),
        ("part", "str"),
        ("adoption_date", "date"),
        ("member_state", "str"),
        ("vote", "str"),
        ("in_favour", "int"),
        ("against", "int"),
        ("abstaining", "int"),
    ),
    "citations": (
        ("schema_version", "int"),
        ("symbol", "str"),
        ("body", "str"),
        ("eid", "str"),
        ("cited", "str"),
        ("cited_symbol", "str"),
        ("href", "str"),
    ),
}

_PART_EID = re.compile(r"^comp_([A-Z])__")
# A resolution's work IRI: ".../un-ga/2018-12-22/73-266", ".../unsc/2002-11-08/1441-2002".
_RESOLUTION_IRI = re.compile(
    r"^/akn/un/statement/deliberation/(?P<actor>un-?ga|ga|un-?sc|sc)/[^/]+/(?P<number>[^/#!]+)"
)


def cited_symbol(href: str) -> str:
    """The symbol a reference points to, normalised ("A/RES/53/70", "A/73/505"), or ``""``."""
    iri = _RESOLUTION_IRI.match(href)
    if iri is not None:
        first, _, second = iri["number"].partition("-")
        if "sc" in iri["actor"]:
            return f"S/RES/{first} ({second})"
        return f"A/RES/{first}/{second}"
    if href.startswith((UNDOCS, "http://undocs.org/")):
        symbol = href.split("undocs.org/", 1)[1]
        for language in ("en/", "fr/", "es/", "ar/", "ru/", "zh/"):
            symbol = symbol.removeprefix(language)
        return " ".join(symbol.split())
    return ""


def _kind(para: Paragraph) -> str:
    if isinstance(para, PreambularParagraph):
        return "preambular"
    if isinstance(para, OperativeParagraph):
        return "operative"
    if isinstance(para, SubParagraph):
        return "subparagraph"
    if isinstance(para, Heading):
        return "heading"
    if isinstance(para, Table):
        return "table"
    return "section"


def _number(para: Paragraph) -> str:
    if isinstance(para, OperativeParagraph):
        return "" if para.number is None else str(para.number)
    if isinstance(para, SubParagraph | Section | Heading):
        return para.label or ""
    return ""


def _words(para: Paragraph) -> str:
    opening = getattr(para, "opening", None)
    texts = [plain_text(text) for text in paragraph_texts(para) if text]
    if isinstance(para, Table):
        return " | ".join(texts)
    words = " ".join(texts)
    return f"{opening} {words}".strip() if opening else words


def _common(resolution: Resolution) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "symbol": str(resolution.symbol),
        "body": resolution.body.value,
    }


def _part_of(eid: str) -> str:
    match = _PART_EID.match(eid)
    return match[1] if match else ""


def _paragraph_rows(resolution: Resolution) -> Iterator[dict[str, Any]]:
    common = {
        **_common(resolution),
        "session": resolution.session or "",
        "adoption_date": resolution.adoption_date.isoformat(),
        "language": resolution.language,
    }
    for eid, para, path in resolution.iter_paragraph_paths():
        pieces = [piece for text in paragraph_texts(para) for piece in iter_inline(text)]
        markers = dict.fromkeys(piece.marker for piece in pieces if isinstance(piece, FootnoteCall))
        cites = dict.fromkeys(
            cited_symbol(piece.href)
            for piece in pieces
            if isinstance(piece, Reference) and cited_symbol(piece.href)
        )
        yield {
            **common,
            "part": _part_of(eid),
            "kind": _kind(para),
            "number": _number(para),
            "eid": eid,
            "path": "/".join(str(step) for step in path),
            "opening": getattr(para, "opening", None) or "",
            "text": _words(para),
            "footnotes": " ".join(markers),
            "cites": "; ".join(cites),
        }


def _vote_rows(resolution: Resolution) -> Iterator[dict[str, Any]]:
    common = {**_common(resolution), "adoption_date": resolution.adoption_date.isoformat()}
    votes = [("", resolution.vote)] + [(part.label, part.vote) for part in resolution.parts]
    for part, vote in votes:
        if vote is None:
            continue
        row = {
            **common,
            "part": part,
            "member_state": "",
            "in_favour": None,
            "against": None,
            "abstaining": None,
        }
        if isinstance(vote, AdoptedWithoutVote):
            yield {**row, "vote": "without_vote"}
            continue
        if isinstance(vote, AdoptedByAcclamation):
            yield {**row, "vote": "acclamation"}
            continue
        assert isinstance(vote, RecordedVote)
        counts = {"in_favour": vote.in_favour, "against": vote.against, "abstaining": vote.abstaining}
        columns = (
            ("yes", vote.in_favour_members),
            ("no", vote.against_members),
            ("abstain", vote.abstaining_members),
        )
        if not any(members for _, members in columns):
            yield {**row, **counts, "vote": "recorded"}  # counts only: the source lists no member states
            continue
        for choice, members in columns:
            for member in members:
                yield {**row, **counts, "member_state": member, "vote": choice}


def _citation_rows(resolution: Resolution) -> Iterator[dict[str, Any]]:
    common = _common(resolution)
    for eid, para, _ in resolution.iter_paragraph_paths():
        for text in paragraph_texts(para):
            for piece in iter_inline(text):
                if isinstance(piece, Reference):
                    yield {
                        **common,
                        "eid": eid,
                        "cited": plain_text(piece.content),
                        "cited_symbol": cited_symbol(piece.href),
                        "href": piece.href,
                    }
    for note in resolution.footnotes:
        for piece in iter_inline(note.text):
            if isinstance(piece, Reference):
                yield {
                    **common,
                    "eid": f"footnote {note.marker}",
                    "cited": plain_text(piece.content),
                    "cited_symbol": cited_symbol(piece.href),
                    "href": piece.href,
                }


def rows(resolution: Resolution, what: str) -> Iterator[dict[str, Any]]:
    """The rows of one resolution in the table ``what`` (``paragraphs``, ``votes``, ``citations``)."""
    if what == "paragraphs":
        return _paragraph_rows(resolution)
    if what == "votes":
        return _vote_rows(resolution)
    if what == "citations":
        return _citation_rows(resolution)
    raise FormatError(f"unknown table {what!r}: expected one of {', '.join(KINDS)}")


def format_of(path: str | Path) -> str:
    """The table format of an output path, from its extension."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise FormatError(f"{path}: a table is written as .csv, .jsonl or .parquet")
    return FORMATS[suffix]


def write(table: Iterable[dict[str, Any]], path: str | Path, what: str) -> int:
    """Stream ``table`` to ``path`` (CSV, JSON lines or Parquet, by extension), atomically: the file
    appears whole or not at all. Returns the number of rows."""
    target = Path(path)
    fmt = format_of(target)
    names = [name for name, _ in COLUMNS[what]]
    handle, temporary = tempfile.mkstemp(prefix=".unres-", suffix=target.suffix, dir=target.parent or ".")
    count = 0
    try:
        if fmt == "parquet":
            os.close(handle)
            count = _write_parquet(table, temporary, what)
        else:
            with open(handle, "w", encoding="utf-8", newline="") as stream:
                if fmt == "csv":
                    writer = csv.DictWriter(stream, fieldnames=names, extrasaction="raise")
                    writer.writeheader()
                    for row in table:
                        writer.writerow({k: "" if v is None else v for k, v in row.items()})
                        count += 1
                else:
                    for row in table:
                        ordered = {name: row[name] for name in names}  # the documented order
                        stream.write(json.dumps(ordered, ensure_ascii=False) + "\n")
                        count += 1
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return count


def _write_parquet(table: Iterable[dict[str, Any]], path: str, what: str, batch: int = 10_000) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise FormatError("Parquet needs pyarrow: pip install 'unres[tables]'") from None
    types = {"str": pa.string(), "int": pa.int64(), "date": pa.string()}
    schema = pa.schema([(name, types[kind]) for name, kind in COLUMNS[what]])
    count = 0
    with pq.ParquetWriter(path, schema) as writer:
        buffer: list[dict[str, Any]] = []
        for row in table:
            buffer.append(row)
            if len(buffer) >= batch:
                writer.write_table(pa.Table.from_pylist(buffer, schema=schema))
                count += len(buffer)
                buffer = []
        if buffer or not count:
            writer.write_table(pa.Table.from_pylist(buffer, schema=schema))
            count += len(buffer)
    return count
