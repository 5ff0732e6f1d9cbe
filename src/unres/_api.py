"""Format-independent load/dump: choose the format by name, file extension or content."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO, Literal

from unres._io import read_bytes, write_bytes
from unres.errors import FormatError
from unres.model import Resolution

__all__ = ["FORMATS", "Format", "dump", "dumps", "format_of_content", "format_of_path", "load", "loads"]

Format = Literal["akn", "json"]
FORMATS: dict[str, Format] = {".xml": "akn", ".akn": "akn", ".json": "json"}


def format_of_path(path: str | Path) -> Format | None:
    """The format a file name's extension stands for, or None."""
    return FORMATS.get(Path(path).suffix.lower())


def format_of_content(data: bytes) -> Format | None:
    """The format that ``data`` looks like, from its first non-blank character."""
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if head == b"<":
        return "akn"
    if head in (b"{", b"["):
        return "json"
    return None


def _check(fmt: str) -> Format:
    if fmt not in ("akn", "json"):
        raise FormatError(f"unknown format {fmt!r}: expected 'akn' or 'json'")
    return fmt  # type: ignore[return-value]


def loads(data: bytes | str, fmt: str | None = None, *, source: str | None = None) -> Resolution:
    """Read a resolution from bytes in ``fmt`` (``"akn"`` or ``"json"``; guessed when None)."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    chosen = _check(fmt) if fmt is not None else format_of_content(raw)
    if chosen is None:
        raise FormatError("cannot tell the format: neither XML nor JSON", source=source, line=1)
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


def dumps(resolution: Resolution, fmt: str = "akn") -> bytes:
    """The resolution as bytes in ``fmt``: canonical AKN XML or unres JSON."""
    if _check(fmt) == "akn":
        from unres import akn

        return akn.dumps(resolution)
    from unres import json as json_format

    return json_format.dumps(resolution).encode("utf-8")


def dump(resolution: Resolution, target: str | Path | BinaryIO, fmt: str | None = None) -> None:
    """Write the resolution to a file (atomically for a path); format from ``fmt`` or extension."""
    if fmt is None:
        fmt = format_of_path(target) if isinstance(target, str | Path) else None
        if fmt is None:
            raise FormatError(f"cannot tell the output format of {target!r}: use .xml, .akn or .json")
    write_bytes(dumps(resolution, fmt), target)
