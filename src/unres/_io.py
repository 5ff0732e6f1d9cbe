"""Reading and writing files for the format modules: clear errors, atomic writes."""

from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO

from unres.errors import UnresError

__all__ = ["MAX_BYTES", "read_bytes", "write_bytes"]

# Inputs larger than this are refused before they are read: a resolution with its annexes is a few
# hundred kilobytes, the longest in the UN's archive a few megabytes.
MAX_BYTES = 32 * 1024 * 1024


def _too_large(source: str) -> UnresError:
    return UnresError(f"larger than {MAX_BYTES // (1024 * 1024)} MB: not a resolution", source=source)


def read_bytes(source: str | Path | BinaryIO) -> tuple[bytes, str]:
    """The bytes of a path or binary file object, and a name to report errors with."""
    if isinstance(source, str | Path):
        path = Path(source)
        try:
            if path.stat().st_size > MAX_BYTES:
                raise _too_large(str(path))
            return path.read_bytes(), str(path)
        except FileNotFoundError:
            raise UnresError("no such file", source=str(path)) from None
        except IsADirectoryError:
            raise UnresError("is a directory, not a file", source=str(path)) from None
        except PermissionError:
            raise UnresError("cannot read: permission denied", source=str(path)) from None
        except OSError as error:
            raise UnresError(f"cannot read: {error.strerror}", source=str(path)) from None
    name = getattr(source, "name", None)
    label = name if isinstance(name, str) else "<stream>"
    data = source.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise _too_large(label)
    return data, label


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_bytes(data: bytes, target: str | Path | BinaryIO) -> None:
    """Write ``data`` to a path atomically (temporary file, then rename), or to a file object."""
    if not isinstance(target, str | Path):
        target.write(data)
        return
    import tempfile  # loaded when a file is written, not with unres

    path = Path(target)
    directory = path.parent
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as error:
        raise UnresError(f"cannot write: {error.strerror}", source=str(path)) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise UnresError(f"cannot write: {error.strerror}", source=str(path)) from None
        raise
