"""Text: read a resolution from Markdown or plain text, and write it as Markdown or plain text.

``loads``/``load`` read Markdown written by unres exactly, and text extracted from the UN's PDF
and Word files as well as it can be read: masthead, title, preamble, numbered paragraphs,
sub-paragraphs, sections, footnotes, references, dates, closing meeting line and annexes. What
extraction damaged (a page break inside a paragraph, a lost label, a running page title) is
repaired and each repair is reported as a warning (``parse`` returns them).

``dumps``/``dump`` write the official layout as Markdown (``"md"``) or plain text (``"text"``).
Markdown written by unres reads back to an equal model.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO, Literal

from attrs import frozen

from unres._io import read_bytes, write_bytes
from unres.errors import FormatError
from unres.model import Resolution
from unres.problems import Problem
from unres.text._read import parse as _parse
from unres.text._write import dumps

__all__ = ["Parsed", "TextFormat", "dump", "dumps", "load", "loads", "parse"]

TextFormat = Literal["md", "text"]


@frozen
class Parsed:
    """A resolution read from text, with the repairs made and doubts met (warnings, with lines)."""

    resolution: Resolution
    problems: tuple[Problem, ...]


def _decode(data: bytes | str, source: str | None) -> str:
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise FormatError(f"not UTF-8 text (byte {error.start})", source=source, line=line) from None


def parse(data: bytes | str, *, source: str | None = None, markdown: bool | None = None) -> Parsed:
    """Read a resolution from text and report what was repaired or doubtful on the way.

    ``markdown`` says whether the text is Markdown (None: guess from the content).
    """
    resolution, problems = _parse(_decode(data, source), source=source, markdown=markdown)
    return Parsed(resolution, tuple(problems))


def loads(data: bytes | str, *, source: str | None = None, markdown: bool | None = None) -> Resolution:
    """Read a resolution from Markdown or plain text (warnings are dropped; use ``parse``)."""
    return parse(data, source=source, markdown=markdown).resolution


def load(source: str | Path | BinaryIO) -> Resolution:
    """Read a resolution from a text file; ``.md`` files are read as Markdown."""
    data, name = read_bytes(source)
    markdown = True if isinstance(source, str | Path) and str(source).lower().endswith(".md") else None
    return loads(data, source=name, markdown=markdown)


def dump(resolution: Resolution, target: str | Path | BinaryIO, fmt: TextFormat | None = None) -> None:
    """Write the resolution as Markdown or plain text (by ``fmt`` or the ``.md``/``.txt`` extension)."""
    if fmt is None:
        fmt = "text" if isinstance(target, str | Path) and str(target).lower().endswith(".txt") else "md"
    write_bytes(dumps(resolution, fmt).encode("utf-8"), target)
