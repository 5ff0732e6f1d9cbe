"""Format-independent load/dump: choose the format by name, file extension or content."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO, Literal

from unres._io import read_bytes, write_bytes
from unres.errors import FormatError
from unres.model import Resolution
from unres.problems import Problem

__all__ = [
    "FORMATS",
    "NAMES",
    "Format",
    "dump",
    "dumps",
    "format_of_content",
    "format_of_path",
    "load",
    "loads",
    "parse",
]

Format = Literal["akn", "json", "md", "text", "html"]
FORMATS: dict[str, Format] = {
    ".xml": "akn",
    ".akn": "akn",
    ".json": "json",
    ".md": "md",
    ".markdown": "md",
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
}
NAMES = ("akn", "json", "md", "text", "html")


def format_of_path(path: str | Path) -> Format | None:
    """The format a file name's extension stands for, or None."""
    return FORMATS.get(Path(path).suffix.lower())


def format_of_content(data: bytes) -> Format:
    """The format that ``data`` looks like, from its first non-blank characters (text otherwise)."""
    stripped = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    head = stripped[:1]
    if head == b"<" and not stripped.startswith((b"<sup>", b"<!--")):
        return "akn"
    if head == b"{" or (head == b"[" and stripped.lstrip(b"[ \t\r\n")[:1] in (b"{", b"]")):
        return "json"
    if stripped.startswith(b"---"):
        return "md"
    return "text"


# Files people pass by mistake, by their first bytes.
_SIGNATURES = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive, such as a Word (.docx) document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Word 97-2003 (.doc) document"),
    (b"{\\rtf", "an RTF document"),
)


def refuse_other_formats(data: bytes, source: str | None) -> None:
    """A clear error for an empty file, a PDF, a Word file or other binary data."""
    if not data.strip():
        raise FormatError("the file is empty", source=source)
    for signature, name in _SIGNATURES:
        if data.startswith(signature):
            raise FormatError(
                f"this is {name}, not Akoma Ntoso XML, unres JSON or text: extract its text first",
                source=source,
            )
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 XML is text
        raise FormatError("binary data, not Akoma Ntoso XML, unres JSON or text", source=source)


def _check(fmt: str) -> Format:
    if fmt not in NAMES:
        raise FormatError(f"unknown format {fmt!r}: expected one of {', '.join(NAMES)}")
    return fmt  # type: ignore[return-value]


def loads(data: bytes | str, fmt: str | None = None, *, source: str | None = None) -> Resolution:
    """Read a resolution from bytes in ``fmt`` (akn, json, md or text; guessed when None)."""
    return parse(data, fmt, source=source)[0]


def parse(
    data: bytes | str, fmt: str | None = None, *, source: str | None = None
) -> tuple[Resolution, tuple[Problem, ...]]:
    """Like ``loads``, with the repairs made while reading text (empty for AKN and JSON)."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    refuse_other_formats(raw, source)
    chosen = _check(fmt) if fmt is not None else format_of_content(raw)
    if chosen == "html":
        raise FormatError(
            "unres writes HTML but does not read it: convert from AKN, JSON or text", source=source
        )
    if chosen in ("md", "text"):
        from unres import text

        markdown = True if chosen == "md" else None  # plain text that is Markdown is read as such
        parsed = text.parse(raw, source=source, markdown=markdown)
        return parsed.resolution, parsed.problems
    return _load_structured(raw, chosen, source), ()


def _load_structured(raw: bytes, chosen: Format, source: str | None) -> Resolution:
    if chosen == "akn":
        from unres import akn

        return akn.loads(raw, source=source)
    from unres import json as json_format

    return json_format.loads(raw, source=source)


def load(source: str | Path | BinaryIO, fmt: str | None = None) -> Resolution:
    """Read a resolution from a file; the format comes from ``fmt``, the extension or the content."""
    data, name = read_bytes(source)
    if fmt is None and isinstance(source, str | Path):
        fmt = format_of_path(source)
    return loads(data, fmt, source=name)


def dumps(resolution: Resolution, fmt: str = "akn", *, base_url: str = "") -> bytes:
    """The resolution as bytes in ``fmt``: canonical AKN XML, unres JSON, Markdown, plain text or HTML.

    ``base_url`` (HTML only) is put before references to Akoma Ntoso IRIs.
    """
    chosen = _check(fmt)
    if chosen == "html":
        from unres import html

        return html.dumps(resolution, base_url=base_url).encode("utf-8")
    if chosen in ("md", "text"):
        from unres import text

        return text.dumps(resolution, chosen).encode("utf-8")
    if chosen == "akn":
        from unres import akn

        return akn.dumps(resolution)
    from unres import json as json_format

    return json_format.dumps(resolution).encode("utf-8")


def dump(resolution: Resolution, target: str | Path | BinaryIO, fmt: str | None = None) -> None:
    """Write the resolution to a file (atomically for a path); format from ``fmt`` or extension."""
    if fmt is None:
        fmt = format_of_path(target) if isinstance(target, str | Path) else None
        if fmt is None:
            raise FormatError(
                f"cannot tell the output format of {target!r}: use .xml, .json, .md, .txt or .html"
            )
    write_bytes(dumps(resolution, fmt), target)
