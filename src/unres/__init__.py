"""unres: United Nations General Assembly and Security Council resolutions as typed, structured data.

Read a resolution from Akoma Ntoso (AKN4UN) XML or JSON, work with it as frozen attrs objects,
write it back losslessly, and validate it::

    >>> import unres
    >>> resolution = unres.Resolution(
    ...     symbol=unres.Symbol.parse("A/RES/73/266"),
    ...     title="Advancing responsible State behaviour in cyberspace",
    ...     adoption_date=__import__("datetime").date(2018, 12, 22),
    ...     operative=[unres.OperativeParagraph(1, ("the Secretary-General to report.",), "Requests")],
    ... )
    >>> resolution.work_iri
    '/akn/un/statement/deliberation/un-ga/2018-12-22/73-266'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from unres._api import dump, dumps, load, loads, parse
from unres.errors import (
    FormatError,
    ModelError,
    ParseError,
    UnresError,
    UnsupportedContentError,
    ValidationError,
)
from unres.model import (
    AdoptedByAcclamation,
    AdoptedWithoutVote,
    AgendaItem,
    Annex,
    Body,
    Date,
    Emphasis,
    Footnote,
    FootnoteCall,
    Foreign,
    Heading,
    Inline,
    Keyword,
    Meeting,
    OperativeItem,
    OperativeParagraph,
    Origin,
    PreambularParagraph,
    Quotation,
    RecordedVote,
    Reference,
    Resolution,
    ResolutionPart,
    Section,
    Style,
    SubParagraph,
    Symbol,
    Table,
    TableCell,
    TableRow,
    Text,
    Vote,
    WorkflowDocument,
    plain_text,
)
from unres.problems import Problem, Severity
from unres.validation import Selection, check, validate, validate_file

if TYPE_CHECKING:  # loaded lazily at run time (see __getattr__), typed here for checkers
    from unres._align import AlignedRow, Alignment, align
    from unres._index import index, search

__version__ = "0.1.0"

__all__ = [
    "AdoptedByAcclamation",
    "AdoptedWithoutVote",
    "AgendaItem",
    "AlignedRow",
    "Alignment",
    "Annex",
    "Body",
    "Date",
    "Emphasis",
    "Footnote",
    "FootnoteCall",
    "Foreign",
    "FormatError",
    "Heading",
    "Inline",
    "Keyword",
    "Meeting",
    "ModelError",
    "OperativeItem",
    "OperativeParagraph",
    "Origin",
    "ParseError",
    "PreambularParagraph",
    "Problem",
    "Quotation",
    "RecordedVote",
    "Reference",
    "Resolution",
    "ResolutionPart",
    "Section",
    "Selection",
    "Severity",
    "Style",
    "SubParagraph",
    "Symbol",
    "Table",
    "TableCell",
    "TableRow",
    "Text",
    "UnresError",
    "UnsupportedContentError",
    "ValidationError",
    "Vote",
    "WorkflowDocument",
    "__version__",
    "align",
    "check",
    "dump",
    "dumps",
    "index",
    "load",
    "loads",
    "parse",
    "plain_text",
    "search",
    "validate",
    "validate_file",
]


def __getattr__(name: str) -> object:
    """``unres.index`` and ``unres.search`` (SQLite), and ``unres.align`` with its classes, loaded
    when first used."""
    if name in ("index", "search"):
        from unres import _index

        return getattr(_index, name)
    if name in ("align", "Alignment", "AlignedRow"):
        from unres import _align

        return getattr(_align, name)
    raise AttributeError(f"module 'unres' has no attribute {name!r}")
