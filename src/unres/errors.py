"""The exceptions unres raises. Catch ``UnresError`` to catch them all.

::

    UnresError                  root of everything unres raises on bad input or bad use
    ├── ModelError              a model object was built with invalid values (also a ValueError)
    ├── ParseError              input could not be read: malformed XML or JSON, a forbidden DTD
    │   └── UnsupportedContentError   well-formed input holding content the model cannot represent
    ├── FormatError             an unknown format, or a file that is not in the format asked for
    └── ValidationError         a document failed validation; carries the problems found

Every error carries, where known, the ``source`` (a file name), ``line`` and ``column``; ``str()``
gives one line in the form ``source:line:column: message``.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "FormatError",
    "ModelError",
    "ParseError",
    "UnresError",
    "UnsupportedContentError",
    "ValidationError",
]


class UnresError(Exception):
    """Root of the exceptions unres raises."""

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        line: int | None = None,
        column: int | None = None,
        path: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.source = source
        self.line = line
        self.column = column
        self.path = path

    def located(self, source: str) -> UnresError:
        """Set the source (file name) if it is not known yet; return self for re-raising."""
        if self.source is None:
            self.source = source
        return self

    def __str__(self) -> str:
        where = [str(part) for part in (self.source, self.line, self.column) if part is not None]
        prefix = ":".join(where)
        message = f"{self.message} (at {self.path})" if self.path else self.message
        return f"{prefix}: {message}" if prefix else message


class ModelError(UnresError, ValueError):
    """A model object was given invalid values."""


class ParseError(UnresError):
    """Input could not be read."""


class UnsupportedContentError(ParseError):
    """Well-formed input holds content the model cannot represent (named, with its line)."""


class FormatError(UnresError):
    """An unknown format, or input that is not in the format asked for."""


class ValidationError(UnresError):
    """A document failed validation; ``problems`` holds every problem found (``unres.check``)."""

    def __init__(self, message: str, *, problems: tuple[object, ...] = (), **where: Any) -> None:
        super().__init__(message, **where)
        self.problems = problems
