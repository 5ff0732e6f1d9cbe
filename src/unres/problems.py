"""The record of one problem found in a document, shared by the schema checks and the rules."""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from attrs import frozen

__all__ = [
    "READING_CODES",
    "REPAIR_CODES",
    "WRITING_CODES",
    "Problem",
    "Rule",
    "Severity",
    "json_pointer",
    "rule",
]

# The codes of problems that are not rules: reading a file, and checking it against a schema.
READING_CODES = {
    "E001": "the file cannot be read (malformed, of a format or version unres does not know, empty)",
    "E002": "the document holds content the model cannot represent",
    "S001": "the AKN document breaks the bundled profile",
    "S002": "the AKN document breaks the schema given with --akn-schema",
    "S003": "the JSON document breaks the bundled JSON Schema",
}

# What `unres validate --versions` finds comparing the language versions of one resolution.
VERSION_CODES = {
    "V001": "the language versions of one resolution disagree (symbol, date, a paragraph one lacks)",
    "V002": "several files of one resolution in one language: the first is compared",
}

# What writing a document leaves to be done (docs/languages.md).
WRITING_CODES = {
    "L001": "the masthead and closing line are written in English: unres has no words for them",
}

# The repairs and doubts of the text reader (docs/text.md): warnings on text files.
REPAIR_CODES = {
    "T001": "a running page title between paragraphs was removed",
    "T002": "a paragraph split by a page break was joined to the one before",
    "T003": "a paragraph number found inside the previous paragraph split it in two",
    "T004": "the call of a footnote was not found in the text",
    "T005": "a footnote call was glued to a year",
    "T006": "no enacting formula before the first paragraph",
    "T007": "text after the closing meeting line is read as an annex without a label",
    "T008": "labelled paragraphs in the preamble that no colon introduces are kept as text",
    "T009": "a sub-paragraph outside any paragraph is kept as a paragraph",
    "T010": "text below a footnote rule is not a footnote",
    "T011": "a sub-paragraph label out of sequence",
    "T012": "lost sub-paragraph labels restored",
    "T013": "masthead words not understood",
    "T014": "a footnote marker appears twice",
    "T015": "the title's number does not match the symbol",
    "T016": "the masthead's session does not match the symbol",
    "T017": "a title cut short was completed from the front matter",
    "T018": "the date under the closing line differs from the adoption date",
    "T019": "words may be missing at a page break before a list",
    "T020": "front matter fields that are not part of the resolution are not kept",
    "T021": "a section label in place of the enacting formula holds all that follows",
    "T022": "a word broken after a hyphen by the extraction was joined",
    "T023": "a scanning slip (a letter among a number's digits, a misspelt month) was read as meant",
    "T024": "the vote of a Security Council closing line was not understood and is kept as a remark",
    "T025": "an unlabelled paragraph within a list was joined to the item before",
    "T026": "footnotes were found between paragraphs where a page ended, with no rule above them",
}


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
