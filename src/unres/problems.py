"""The record of one problem found in a document, shared by the schema checks and the rules."""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from attrs import frozen

__all__ = ["Problem", "Rule", "Severity", "json_pointer", "rule"]


def json_pointer(path: Iterable[str | int]) -> str:
    """The JSON pointer (RFC 6901) of a path of keys and indexes: ``/operative/1/number``."""
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in path)


class Severity(enum.Enum):
    """How bad a problem is: errors make a document invalid, warnings do not."""

    ERROR = "error"
    WARNING = "warning"


@frozen
class Problem:
    """One problem: a stable code, a one-line message and where it is.

    ``location`` is an eId (``para_2``), ``footnote N`` or a field name; ``source``, ``line`` and
    ``column`` say where in a file, and ``pointer`` is the JSON pointer for a JSON document.
    """

    code: str
    message: str
    severity: Severity = Severity.ERROR
    location: str | None = None
    source: str | None = None
    line: int | None = None
    column: int | None = None
    pointer: str | None = None

    def __str__(self) -> str:
        where = ":".join(str(part) for part in (self.source, self.line, self.column) if part is not None)
        at = f" [{self.location}]" if self.location else ""
        text = f"{self.code} {self.message}{at}"
        return f"{where}: {text}" if where else text


@frozen
class Rule:
    """A rule: its code, name, severity and the check that applies it."""

    code: str
    name: str
    severity: Severity
    check: Callable[[Any], Iterator[Problem]]

    @property
    def summary(self) -> str:
        """The first line of the rule's docstring."""
        return (self.check.__doc__ or "").strip().splitlines()[0]


def rule(code: str, name: str, severity: Severity, table: list[Rule]) -> Callable[[Any], Any]:
    """Register the decorated check in ``table`` as the rule ``code``."""

    def register(check: Callable[[Any], Iterator[Problem]]) -> Callable[[Any], Iterator[Problem]]:
        table.append(Rule(code, name, severity, check))
        return check

    return register
