"""Akoma Ntoso 3.0 (AKN4UN) reading and writing.

``loads``/``load`` read the canonical form unres writes and the variants found in the wild;
``dumps``/``dump`` write canonical AKN4UN XML, deterministic and valid Akoma Ntoso 3.0.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from unres._io import read_bytes, write_bytes
from unres.akn._read import from_element, loads
from unres.akn._write import dumps, to_element
from unres.model import Resolution

__all__ = ["dump", "dumps", "from_element", "load", "loads", "to_element"]


def load(source: str | Path | BinaryIO, *, keep_unknown: bool = False) -> Resolution:
    """Read a resolution from an AKN file (a path or a binary file object)."""
    data, name = read_bytes(source)
    return loads(data, source=name, keep_unknown=keep_unknown)


def dump(resolution: Resolution, target: str | Path | BinaryIO) -> None:
    """Write ``resolution`` as canonical AKN to a path (atomically) or a binary file object."""
    write_bytes(dumps(resolution), target)
