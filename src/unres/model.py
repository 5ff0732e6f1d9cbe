"""The resolution model: frozen attrs classes for a General Assembly resolution and its parts.

The model speaks the language of UN documents (preamble, operative paragraph, sub-paragraph,
footnote) and knows nothing of XML or JSON. Every sequence is a tuple, every class is frozen, and
two objects are equal exactly when they describe the same document.

Inline text (``Text``) is a tuple of pieces: plain ``str`` and the typed inline classes
(``Emphasis``, ``Reference``, ``Date``, ``FootnoteCall``, ``Quotation``, ``Foreign``). Adjacent
strings are merged and empty strings dropped when an object is built, so that one text has one
representation.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import re
import threading
import types
import typing
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeAlias

import attrs
from attrs import field, frozen

from unres.errors import ModelError

# --------------------------------------------------------------------------------------------
# Typed construction: every field of every class is checked against its annotation when an
# object is built, so that a wrong value is a ModelError at once rather than a failure in a writer.
# The readers, which check what they read themselves, build their objects in ``trusted()`` mode.

_STATE = threading.local()
_T = typing.TypeVar("_T")
_Check = Callable[[object], bool]
_CHECKS: dict[type, tuple[tuple[str, _Check, str], ...]] = {}


@contextlib.contextmanager
def trusted() -> Iterator[None]:
    """Build model objects without checking their field types (for readers that have checked their
    input; a test proves that what they build passes the checks)."""
    before = getattr(_STATE, "trusted", False)
    _STATE.trusted = True
    try:
        yield
    finally:
        _STATE.trusted = before


def _accepts(hint: Any) -> tuple[_Check, str]:
    """A fast check of a value against a type annotation, and the annotation's name for messages."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(hint)
        plain = tuple(option for option in options if isinstance(option, type) and option not in (int, bool))
        if len(plain) == len(options):
            return (lambda value: isinstance(value, plain)), " or ".join(o.__name__ for o in options)
        checks = [_accepts(option) for option in options]
        names = " or ".join(name for _, name in checks)
        return (lambda value: any(check(value) for check, _ in checks)), names
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            item, name = _accepts(args[0])
            return (
                lambda value: isinstance(value, tuple) and all(item(x) for x in value)
            ), f"a tuple of {name}"
        return (lambda value: isinstance(value, tuple)), "a tuple"
    if hint is type(None):
        return (lambda value: value is None), "None"
    if hint is int:
        return (lambda value: isinstance(value, int) and not isinstance(value, bool)), "int"
    if isinstance(hint, type):
        return (lambda value: isinstance(value, hint)), hint.__name__
    return (lambda value: True), str(hint)


def _checks_of(cls: type) -> tuple[tuple[str, _Check, str], ...]:
    hints = typing.get_type_hints(cls)
    checks = []
    for attribute in attrs.fields(cls):
        hint = hints[attribute.name]
        if attribute.converter is normalize_text:
            check, name = (lambda value: isinstance(value, tuple)), "text"  # its pieces are checked
        else:
            check, name = _accepts(hint)
        checks.append((attribute.name, check, name))
    return tuple(checks)


def check_types(obj: object) -> None:
    """Check the fields of ``obj`` against their annotations; ``ModelError`` names the first wrong one."""
    cls = type(obj)
    checks = _CHECKS.get(cls)
    if checks is None:
        checks = _CHECKS[cls] = _checks_of(cls)
    for name, check, expected in checks:
        value = getattr(obj, name)
        if not check(value):
            shown = repr(value) if len(repr(value)) <= 40 else repr(value)[:37] + "..."
            raise ModelError(f"{cls.__name__}.{name} must be {expected}, not {type(value).__name__} {shown}")


def check_tree(obj: object) -> None:
    """``check_types`` on ``obj`` and every model object inside it, depth first, and that the
    public constructor, given the same fields, builds an equal object (so that what a reader built
    with ``built_as`` is in the form the constructor makes: normal text, tuples)."""
    if isinstance(obj, tuple):
        for item in obj:
            check_tree(item)
    elif attrs.has(type(obj)):
        check_types(obj)
        with trusted():
            again = attrs.evolve(obj)  # type: ignore[misc]
        if again != obj:
            raise ModelError(f"{type(obj).__name__} is not as its constructor would build it: {obj!r:.80}")
        for attribute in attrs.fields(type(obj)):  # type: ignore[arg-type]
            check_tree(getattr(obj, attribute.name))


def built_as(cls: type[_T]) -> Callable[..., _T]:
    """A constructor of ``cls`` taking its fields in order, for readers that give it values in the
    form the public constructor would make of them (normal text, tuples) and have made the
    constructor's checks themselves: it converts, validates and checks nothing. ``check_tree``
    proves on what the readers build that the public constructor builds the same."""
    names = [attribute.name for attribute in attrs.fields(cls)]  # type: ignore[arg-type]
    # Made as source, one assignment a field, as attrs makes its own constructors: a loop over the
    # fields costs twice as much, and readers build thousands of objects a document.
    parameters = ", ".join(f"value_{index}" for index in range(len(names)))
    lines = [f"def build({parameters}):", "    obj = new(cls)"]
    lines += [f"    assign(obj, {name!r}, value_{index})" for index, name in enumerate(names)]
    lines.append("    return obj")
    scope: dict[str, Any] = {"new": object.__new__, "assign": object.__setattr__, "cls": cls}
    exec("\n".join(lines), scope)  # the source is made here, from the field names only
    build: Callable[..., _T] = scope["build"]
    return build


def _with_type_checks(cls: type) -> None:
    """Make ``cls`` check its fields' types once it is built (its validators having run)."""
    original: Callable[..., None] = cls.__dict__["__init__"]

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        if not getattr(_STATE, "trusted", False):
            check_types(self)

    __init__.__doc__ = original.__doc__
    cls.__init__ = __init__  # type: ignore[misc]


# --------------------------------------------------------------------------------------------
# Symbols and identifiers

# A session as it appears in symbols and IRIs: "73", "ES-10" (emergency special), "S-27" (special).
SESSION_PATTERN = r"(?:\d{1,3}|ES-\d{1,2}|S-\d{1,2})"
_SYMBOL_RE = re.compile(
    rf"^A/RES/(?P<session>{SESSION_PATTERN})/(?P<number>[1-9]\d{{0,3}})(?:[ \u00a0](?P<part>[A-Z]))?$"
)
# A Security Council resolution: "S/RES/1441 (2002)", the number and the year of adoption.
_COUNCIL_SYMBOL_RE = re.compile(r"^S/RES/(?P<number>[1-9]\d{0,3})[ \u00a0]?\((?P<year>\d{4})\)$")
_PART_RE = re.compile(r"^[A-Z]$")
_SESSION_RE = re.compile(rf"^{SESSION_PATTERN}$")


def _check_session(_: object, __: attrs.Attribute[str | None], value: str | None) -> None:
    if isinstance(value, str) and not _SESSION_RE.match(value):
        raise ModelError(f"invalid session {value!r}: expected a number such as '73' or 'ES-10'")


class Body(enum.Enum):
    """The organ that adopted a resolution."""

    GENERAL_ASSEMBLY = "ga"
    SECURITY_COUNCIL = "sc"

    @property
    def actor(self) -> str:
        """The actor of its IRIs and of the ontology: ``un-ga``, ``un-sc``."""
        return f"un-{self.value}"

    @property
    def title(self) -> str:
        """ "General Assembly", "Security Council"."""
        return "General Assembly" if self is Body.GENERAL_ASSEMBLY else "Security Council"


def _check_positive(_: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, int) and value < 1:  # a value of another type is the type check's to report
        raise ModelError(f"{attribute.name} must be a positive number, not {value}")


@frozen(order=True)
class Symbol:
    """The symbol of a resolution: ``A/RES/73/266`` (General Assembly), ``S/RES/1441 (2002)``
    (Security Council).

    For the General Assembly, ``session`` is the session part as written (``"73"``, or
    ``"ES-10"`` for an emergency special session), ``number`` the resolution's number within the
    session, and ``part`` the letter of one part of a resolution adopted in parts
    (``A/RES/74/232 B``) or None. For the Security Council, ``session`` is None, ``number`` the
    resolution's number and ``year`` the year of its adoption: ``Symbol(None, 1441, year=2002)``,
    or ``Symbol.parse("S/RES/1441 (2002)")``.
    """

    session: str | None = field(validator=_check_session)
    number: int = field(validator=_check_positive)
    part: str | None = field(default=None)
    year: int | None = field(default=None)

    @year.validator
    def _check_year(self, _: attrs.Attribute[int | None], value: int | None) -> None:
        if (value is None) == (self.session is None):
            raise ModelError("a symbol has a session (General Assembly) or a year (Security Council)")
        if isinstance(value, int) and not 1946 <= value <= 2999:
            raise ModelError(f"invalid year {value} of a Security Council resolution")
        if value is not None and self.part is not None:
            raise ModelError("a Security Council resolution is not adopted in parts")

    @property
    def body(self) -> Body:
        """The organ whose resolution this is."""
        return Body.GENERAL_ASSEMBLY if self.year is None else Body.SECURITY_COUNCIL

    @part.validator
    def _check_part(self, _: attrs.Attribute[str | None], value: str | None) -> None:
        if isinstance(value, str) and not _PART_RE.match(value):
            raise ModelError(f"invalid part {value!r} of a resolution symbol: expected a letter such as 'B'")

    @classmethod
    def parse(cls, text: str) -> Symbol:
        """Parse ``A/RES/73/266``, ``A/RES/74/232 B`` or ``S/RES/1441 (2002)``; raise ``ModelError``
        for anything else."""
        stripped = text.strip()
        match = _SYMBOL_RE.match(stripped)
        if match is not None:
            return cls(match["session"], int(match["number"]), match["part"])
        council = _COUNCIL_SYMBOL_RE.match(stripped)
        if council is not None:
            return cls(None, int(council["number"]), year=int(council["year"]))
        raise ModelError(f"not a resolution symbol such as A/RES/73/266 or S/RES/1441 (2002): {text!r}")

    def __str__(self) -> str:
        prefix = "A" if self.year is None else "S"
        return f"{prefix}/RES/{self.resolution_number}"

    @property
    def resolution_number(self) -> str:
        """The number as printed before the title: ``73/266`` (``74/232 B`` for a part), and for the
        Security Council ``1441 (2002)``."""
        if self.year is not None:
            return f"{self.number} ({self.year})"
        part = f" {self.part}" if self.part else ""
        return f"{self.session}/{self.number}{part}"

    @property
    def iri_number(self) -> str:
        """The number as it appears in an Akoma Ntoso IRI: ``73-266`` (``74-232B`` for a part),
        ``1441-2002`` for the Security Council."""
        if self.year is not None:
            return f"{self.number}-{self.year}"
        return f"{self.session}-{self.number}{self.part or ''}"


# --------------------------------------------------------------------------------------------
# Inline content


class Style(enum.Enum):
    """Typographic emphasis."""

    ITALIC = "italic"
    BOLD = "bold"
    UNDERLINE = "underline"
    SUPERSCRIPT = "superscript"
    SUBSCRIPT = "subscript"


def _sequence(items: Iterable[_T]) -> tuple[_T, ...]:
    """A list, tuple or other iterable as the tuple the model keeps; anything else a ModelError."""
    if isinstance(items, tuple):
        return items
    try:
        return tuple(items)
    except TypeError:
        raise ModelError(f"expected a sequence, not {type(items).__name__} {items!r:.40}") from None


def _normal(items: tuple[Inline, ...]) -> bool:
    """Whether ``items`` is text in normal form already: inline pieces, no empty string, no two
    strings side by side."""
    after_string = False
    for piece in items:
        if piece.__class__ is str:
            if after_string or not piece:
                return False
            after_string = True
        elif piece.__class__ in _INLINE_CLASSES:
            after_string = False
        else:
            return False  # a subclass, or not an inline piece: the full check decides
    return True


def normalize_text(pieces: Iterable[Inline]) -> Text:
    """Merge adjacent strings and drop empty ones, so that equal texts compare equal."""
    items = _sequence(pieces)
    if _normal(items):
        return items  # the common case, text a reader or another model object has normalised
    out: list[Inline] = []
    for piece in items:
        if isinstance(piece, str):
            if not piece:
                continue
            if out and isinstance(out[-1], str):
                out[-1] = out[-1] + piece
                continue
        elif not isinstance(piece, _INLINE_CLASSES):
            raise ModelError(f"not an inline piece: {piece!r}")
        out.append(piece)
    return tuple(out)


@frozen
class Emphasis:
    """Text set in italics (the default), bold, underline, superscript or subscript."""

    content: Text = field(default=(), converter=normalize_text)
    style: Style = Style.ITALIC


@frozen
class Reference:
    """A reference to another document: the text as written and the IRI it points to.

    For a resolution the IRI is its Akoma Ntoso work IRI
    (``/akn/un/statement/deliberation/un-ga/1998-12-04/53-70``); for other documents any IRI.
    """

    href: str
    content: Text = field(default=(), converter=normalize_text)


@frozen
class Date:
    """A date in the text: its ISO value and the words as written (``4 December 1998``)."""

    value: dt.date
    text: str


def _check_marker(_: object, __: attrs.Attribute[Any], value: str) -> None:
    if isinstance(value, str) and (not value or any(ch.isspace() for ch in value)):
        raise ModelError(f"invalid footnote marker {value!r}: expected such as '1' or '*'")


@frozen
class FootnoteCall:
    """The place where a footnote is called; ``marker`` names a ``Footnote`` of the document."""

    marker: str = field(validator=_check_marker)


@frozen
class Quotation:
    """Quoted text (a title of an item, a passage of another instrument)."""

    content: Text = field(default=(), converter=normalize_text)


@frozen
class Foreign:
    """Markup unres does not model, kept verbatim (canonical XML) so it is written back unchanged."""

    xml: str


Inline: TypeAlias = str | Emphasis | Reference | Date | FootnoteCall | Quotation | Foreign
Text: TypeAlias = tuple[Inline, ...]
_INLINE_CLASSES = (Emphasis, Reference, Date, FootnoteCall, Quotation, Foreign)


def iter_inline(text: Text) -> Iterator[Inline]:
    """Every inline piece of ``text``, depth first, including those nested in emphasis or quotes."""
    for piece in text:
        yield piece
        if isinstance(piece, Emphasis | Quotation | Reference):
            yield from iter_inline(piece.content)


def plain_text(text: Text) -> str:
    """The words of ``text`` without markup or footnote calls."""
    parts: list[str] = []
    for piece in text:
        if isinstance(piece, str):
            parts.append(piece)
        elif isinstance(piece, Emphasis | Quotation | Reference):
            parts.append(plain_text(piece.content))
        elif isinstance(piece, Date):
            parts.append(piece.text)
    return "".join(parts)


# Typed converters from any iterable to the tuple the model keeps (so that lists are accepted).


def _subparagraphs(items: Iterable[SubParagraph]) -> tuple[SubParagraph, ...]:
    return _sequence(items)


def _preambular(items: Iterable[PreambularParagraph]) -> tuple[PreambularParagraph, ...]:
    return _sequence(items)


def _operative(items: Iterable[OperativeItem]) -> tuple[OperativeItem, ...]:
    return _sequence(items)


def _agenda(items: Iterable[AgendaItem]) -> tuple[AgendaItem, ...]:
    return _sequence(items)


def _annexes(items: Iterable[Annex]) -> tuple[Annex, ...]:
    return _sequence(items)


def _keywords(items: Iterable[Keyword]) -> tuple[Keyword, ...]:
    return _sequence(items)


def _extensions(items: Iterable[Foreign]) -> tuple[Foreign, ...]:
    return _sequence(items)


# --------------------------------------------------------------------------------------------
# Paragraphs

# Labels as printed, in any script: "IV", "B", "أولا", "ثانياً", "حادي عشر", "一" (the UN's files use
# them in eIds too).
_LABEL_RE = re.compile(r"^[^\W_](?:[^\W_]|[\u064b-\u0652]){0,9}(?: [^\W_](?:[^\W_]|[\u064b-\u0652]){0,9})?$")
# A label, none, or a bullet (an en or em dash, a bullet, a middle dot, a hyphen) as the Security
# Council's texts mark some items.
# "a", "iv", "أ", a Cyrillic letter, a bullet, or a parenthesized ideograph printed as it is ("㈠").
_SUB_LABEL_RE = re.compile(r"^(?:[^\W_]{0,8}|[\u2013\u2014\u2022\u00b7\u3220-\u3243-])$")


@frozen
class PreambularParagraph:
    """A preambular paragraph: its italic opening phrase (*Recalling also*) and the rest.

    ``opening`` is None when the paragraph does not open with an italic phrase; ``text`` is what
    follows the phrase, without the separating space. ``subparagraphs`` are the items (a), (b), ...
    that a few preambular paragraphs list after their text ("... a major contribution to: (a) ...").
    """

    text: Text = field(default=(), converter=normalize_text)
    opening: str | None = None
    subparagraphs: tuple[SubParagraph, ...] = field(default=(), converter=_subparagraphs)

    @subparagraphs.validator
    def _check_items(
        self, _: attrs.Attribute[tuple[SubParagraph, ...]], value: tuple[SubParagraph, ...]
    ) -> None:
        for item in value:
            if item.subparagraphs or item.closing_text:
                raise ModelError(f"item ({item.label}) of a preambular paragraph has items of its own")


@frozen
class SubParagraph:
    """A lettered or numbered sub-paragraph, ``(a)`` or ``(i)``, with its own sub-paragraphs.

    ``label`` is the label without brackets (``"a"``, ``"iv"``), a bullet (``"\u2013"``, ``"\u2022"``), or
    ``""`` for an item the source does not label; ``closing_text`` is text that follows the nested
    sub-paragraphs.
    """

    label: str = field()
    text: Text = field(default=(), converter=normalize_text)
    subparagraphs: tuple[SubParagraph, ...] = field(default=(), converter=_subparagraphs)
    closing_text: Text = field(default=(), converter=normalize_text)

    @property
    def printed_label(self) -> str:
        """The label as printed: ``"(a)"``, a bullet as it is, ``""`` for none."""
        return f"({self.label})" if self.label.isalnum() else self.label

    @label.validator
    def _check(self, _: attrs.Attribute[str], value: str) -> None:
        if isinstance(value, str) and not _SUB_LABEL_RE.match(value):
            raise ModelError(f"invalid sub-paragraph label {value!r}: expected such as 'a' or 'iv'")


@frozen
class OperativeParagraph:
    """A numbered operative paragraph opening with a verb (*Requests*), maybe with sub-paragraphs.

    ``number`` is None for the single unnumbered paragraph of a short resolution (and for
    unnumbered paragraphs in annexes). With sub-paragraphs, ``opening`` and ``text`` are the
    words that introduce them and ``closing_text`` any words after them.
    """

    number: int | None = field(default=None)
    text: Text = field(default=(), converter=normalize_text)
    opening: str | None = None
    subparagraphs: tuple[SubParagraph, ...] = field(default=(), converter=_subparagraphs)
    closing_text: Text = field(default=(), converter=normalize_text)

    @number.validator
    def _check(self, _: attrs.Attribute[int | None], value: int | None) -> None:
        if isinstance(value, int) and value < 1:
            raise ModelError(f"operative paragraph number must be positive, not {value}")


@frozen
class Section:
    """A section of the operative part (I, II, ... or A, B, ...) with its heading.

    A section may open with its own preambular paragraphs and holds operative paragraphs or
    further sections, in order. ``label`` is None for a section known only by its heading
    (declarations in annexes have headings such as "Follow-up" without a number).
    """

    label: str | None = field()
    heading: Text = field(default=(), converter=normalize_text)
    preamble: tuple[PreambularParagraph, ...] = field(default=(), converter=_preambular)
    content: tuple[OperativeItem, ...] = field(default=(), converter=_operative)

    @label.validator
    def _check(self, _: attrs.Attribute[str | None], value: str | None) -> None:
        if isinstance(value, str) and not _LABEL_RE.match(value):
            raise ModelError(f"invalid section label {value!r}: expected such as 'I' or 'A'")


@frozen
class Heading:
    """A heading standing between paragraphs, without enclosing them (the UN's own files set
    "Universal access to health care" or "A" over the paragraphs that follow it this way).

    ``label`` is its number or letter (``"I"``, ``"A"``) if any; ``heading`` and ``subheading``
    are its text at the two levels of heading the UN's typography distinguishes.
    """

    label: str | None = field(default=None)
    heading: Text = field(default=(), converter=normalize_text)
    subheading: Text = field(default=(), converter=normalize_text)

    @label.validator
    def _check_label(self, _: attrs.Attribute[str | None], value: str | None) -> None:
        if isinstance(value, str) and not _LABEL_RE.match(value):
            raise ModelError(f"invalid heading label {value!r}: expected such as 'I' or 'A'")

    def __attrs_post_init__(self) -> None:
        if self.label is None and not self.heading and not self.subheading:
            raise ModelError("a heading needs a label or some text")


def _check_span(_: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, int) and value < 1:
        raise ModelError(f"a table cell's {attribute.name} must be at least 1, not {value}")


def _paragraph_texts(items: Iterable[Text]) -> tuple[Text, ...]:
    return tuple(normalize_text(item) for item in _sequence(items))


@frozen
class TableCell:
    """A cell of a table: its paragraphs (none for an empty cell), whether it is a header cell,
    and how many columns and rows it spans."""

    content: tuple[Text, ...] = field(default=(), converter=_paragraph_texts)
    header: bool = False
    colspan: int = field(default=1, validator=_check_span)
    rowspan: int = field(default=1, validator=_check_span)


def _cells(items: Iterable[TableCell]) -> tuple[TableCell, ...]:
    return _sequence(items)


@frozen
class TableRow:
    """A row of a table."""

    cells: tuple[TableCell, ...] = field(default=(), converter=_cells)


def _rows(items: Iterable[TableRow]) -> tuple[TableRow, ...]:
    return _sequence(items)


@frozen
class Table:
    """A table in the operative part or an annex (budget appropriations, lists of posts), row by
    row and cell by cell."""

    rows: tuple[TableRow, ...] = field(default=(), converter=_rows)

    def __attrs_post_init__(self) -> None:
        if not self.rows or not any(row.cells for row in self.rows):
            raise ModelError("a table needs at least one cell")


OperativeItem: TypeAlias = OperativeParagraph | Section | Heading | Table


@frozen
class Footnote:
    """A footnote: its marker (``"1"``) and its text. Called from the text by ``FootnoteCall``."""

    marker: str = field(validator=_check_marker)
    text: Text = field(default=(), converter=normalize_text)


def _marker_key(note: Footnote) -> tuple[int, int, str]:
    return (0, int(note.marker), "") if note.marker.isdigit() else (1, 0, note.marker)


def _sorted_footnotes(notes: Iterable[Footnote]) -> tuple[Footnote, ...]:
    """Footnotes in marker order (1, 2, ..., then others), so that order never tells two apart."""
    items = _sequence(notes)
    if not all(isinstance(note, Footnote) and isinstance(note.marker, str) for note in items):
        return items  # the type check names what is wrong
    return tuple(sorted(items, key=_marker_key))


@frozen
class Annex:
    """An annex: its label (``Annex``, ``Annex I``), an optional heading, and its paragraphs.

    ``label`` is None for an annex whose document gives no label of its own (the UN's files often
    set the word "Annex" as a heading inside the annexed text instead).
    """

    label: str | None = "Annex"
    heading: Text = field(default=(), converter=normalize_text)
    content: tuple[OperativeItem, ...] = field(default=(), converter=_operative)


# --------------------------------------------------------------------------------------------
# Masthead, adoption and metadata


@frozen
class AgendaItem:
    """An agenda item of the session: number, optional sub-item letter, optional title."""

    number: int = field(validator=_check_positive)
    sub_item: str | None = None
    title: str | None = None

    def __str__(self) -> str:
        label = f"Agenda item {self.number}"
        return f"{label} ({self.sub_item})" if self.sub_item else label


_PARAGRAPH_OF = re.compile(r"^(?P<document>.+?), paras?\. (?P<paragraph>\S.*)$")


@frozen
class Origin:
    """What the resolution was adopted on.

    With a ``committee`` (``"First Committee"``): "[on the report of the First Committee
    (A/73/505)]", ``document`` being the report, and ``paragraph`` the paragraph of the report that
    recommends the draft, where given ("(A/75/449, para. 7)"). Without: "[without reference to a
    Main Committee (A/80/L.2/Rev.1)]", ``document`` being the draft resolution.
    """

    document: str
    committee: str | None = None
    paragraph: str | None = None

    @classmethod
    def of(cls, words: str, committee: str | None = None) -> Origin:
        """The origin whose document is written ``words``: ``"A/75/449, para. 7"`` gives the
        report A/75/449 and its paragraph 7."""
        match = _PARAGRAPH_OF.match(words.strip())
        if match is None:
            return cls(words.strip(), committee)
        return cls(match["document"], committee, match["paragraph"])

    def __str__(self) -> str:
        document = self.document if self.paragraph is None else f"{self.document}, para. {self.paragraph}"
        if self.committee is None:
            return f"[without reference to a Main Committee ({document})]"
        return f"[on the report of the {self.committee} ({document})]"


@frozen
class WorkflowDocument:
    """A document of the adoption workflow (the draft resolution) with its date and, where the
    source names them, its sponsors as written ("Afghanistan, Azerbaijan and China") and the
    sponsors who joined them later (``additional_sponsors``, "Barbados and Cambodia")."""

    symbol: str
    date: dt.date
    sponsors: str | None = None
    additional_sponsors: str | None = None


@frozen
class Meeting:
    """The meeting at which the resolution was adopted: "65th plenary meeting"; for the Security
    Council, whose meetings have no kind (``kind=""``), "4644th meeting".

    ``record`` is the symbol of the meeting's verbatim record (A/79/PV.62); ``date`` is the date
    printed under the meeting when it is not the adoption date (a defect of the source, kept so
    that it can be reported), else None. ``part`` is the part of a meeting held in parts
    ("4820th meeting (Part II)"), ``place`` where a meeting away from Headquarters was held ("on 19
    November 2004 in Nairobi").
    """

    number: int = field(validator=_check_positive)
    kind: str = "plenary"
    record: str | None = None
    date: dt.date | None = None
    part: str | None = None
    place: str | None = None

    def __str__(self) -> str:
        kind = f" {self.kind}" if self.kind else ""  # the Security Council's are just "meetings"
        part = f" ({self.part})" if self.part else ""
        return f"{ordinal(self.number)}{kind} meeting{part}"


@frozen
class AdoptedWithoutVote:
    """Adopted without a vote."""


@frozen
class AdoptedByAcclamation:
    """Adopted by acclamation."""


def _names(items: Iterable[str]) -> tuple[str, ...]:
    return _sequence(items)


@frozen
class RecordedVote:
    """Adopted by a recorded vote with these counts and, where the source lists them, the member
    states in each column as written (``"AFGHANISTAN"``). A count the source leaves out (a vote
    with no abstentions) is 0."""

    in_favour: int
    against: int
    abstaining: int
    in_favour_members: tuple[str, ...] = field(default=(), converter=_names)
    against_members: tuple[str, ...] = field(default=(), converter=_names)
    abstaining_members: tuple[str, ...] = field(default=(), converter=_names)


Vote: TypeAlias = AdoptedWithoutVote | AdoptedByAcclamation | RecordedVote


@frozen
class Keyword:
    """A classification keyword (a UNBIS Thesaurus term, an agenda entry) as catalogued."""

    value: str
    show_as: str
    dictionary: str
    href: str | None = None
    short_form: str | None = None
    refers_to: str | None = None


_LANGUAGE_RE = re.compile(r"^[a-z]{3}$")
# A paragraph in which the Council acts under Chapter VII: "Acting [for these reasons] under Chapter
# VII ...", "Decides, acting under Chapter VII", "Conscious of the need to take the following
# measures acting under Chapter VII"; not the words of another resolution it recalls, "resolution
# 1373 (2001), acting under Chapter VII" (``_RECALLED`` just before the words).
_CHAPTER_VII = re.compile(r"\bacting\b[^.;:]{0,40}?\bunder Chapter VII\b", re.IGNORECASE)
_RECALLED = re.compile(r"resolutions? [\d (),and]*$|resolution \d+ \(\d{4}\)[^,;]*,?\s*$")


def _parts(items: Iterable[ResolutionPart]) -> tuple[ResolutionPart, ...]:
    return _sequence(items)


@frozen
class ResolutionPart:
    """One part (A, B, ...) of a resolution adopted in parts, such as A/RES/74/250 A-B: each part
    has its own title, preamble, operative part and annexes, and may have its own meeting and vote.
    """

    label: str = field()
    title: str = ""
    enacting_formula: Text = field(factory=lambda: _formula(), converter=normalize_text)
    preamble: tuple[PreambularParagraph, ...] = field(default=(), converter=_preambular)
    operative: tuple[OperativeItem, ...] = field(default=(), converter=_operative)
    annexes: tuple[Annex, ...] = field(default=(), converter=_annexes)
    meeting: Meeting | None = None
    vote: Vote | None = None
    closing_date: dt.date | None = None
    extensions: tuple[Foreign, ...] = field(default=(), converter=_extensions)

    @label.validator
    def _check(self, _: attrs.Attribute[str], value: str) -> None:
        if isinstance(value, str) and not _PART_RE.match(value):
            raise ModelError(f"invalid part label {value!r}: expected a letter such as 'A'")


def _symbol(value: Symbol | str) -> Symbol:
    """A symbol as written ("A/RES/73/266") is parsed; anything else is left to the type check."""
    return Symbol.parse(value) if isinstance(value, str) else value


def _date(value: dt.date | str) -> dt.date:
    """A date as an ISO string ("2018-12-22") is parsed; anything else is left to the type check."""
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ModelError(f"{value!r} is not a date (YYYY-MM-DD)") from None
    return value


def _optional_date(value: dt.date | str | None) -> dt.date | None:
    return None if value is None else _date(value)


def _formula(body: Body = Body.GENERAL_ASSEMBLY) -> Text:
    """The enacting formula: "*The General Assembly*," or "*The Security Council*,"."""
    return (Emphasis((f"The {body.title}",)), ",")


def _own_formula(resolution: Resolution) -> Text:
    return _formula(resolution.symbol.body)


@frozen
class Resolution:
    """A resolution of the General Assembly or of the Security Council (``body``, from the symbol).

    A resolution adopted in parts (A/RES/74/250 A-B) holds them in ``parts``, and then has no
    preamble, operative paragraphs or annexes of its own. ``closing_date`` is the date that closes a
    resolution adopted without a meeting (the written procedure of 2020 prints the date alone);
    with a meeting the date is the adoption date, or ``meeting.date``. A document that holds one
    part of a resolution in parts (A/RES/75/290 A) has the part's title in ``title`` and, when it
    prints them, the titles of the whole resolution above the part's letter in ``main_titles``.
    ``adoption_remark`` is the adoption as the source's workflow words it where it names no
    meeting record ("Adopted through silence procedure"). ``title_notes`` are the markers of the
    footnotes called at the end of the title line (a part's note "Resolution 74/232 ... becomes
    resolution 74/232 A").
    """

    symbol: Symbol = field(converter=_symbol)
    title: str
    adoption_date: dt.date = field(converter=_date)
    distribution_date: dt.date | None = field(default=None, converter=_optional_date)
    language: str = field(default="eng")
    agenda_items: tuple[AgendaItem, ...] = field(default=(), converter=_agenda)
    origin: Origin | None = None
    enacting_formula: Text = field(
        default=attrs.Factory(_own_formula, takes_self=True), converter=normalize_text
    )
    preamble: tuple[PreambularParagraph, ...] = field(default=(), converter=_preambular)
    operative: tuple[OperativeItem, ...] = field(default=(), converter=_operative)
    annexes: tuple[Annex, ...] = field(default=(), converter=_annexes)
    footnotes: tuple[Footnote, ...] = field(default=(), converter=_sorted_footnotes)
    meeting: Meeting | None = field(default=None)
    vote: Vote | None = None
    draft: WorkflowDocument | None = None
    keywords: tuple[Keyword, ...] = field(default=(), converter=_keywords)
    markup_date: dt.date | None = None
    extensions: tuple[Foreign, ...] = field(default=(), converter=_extensions)
    parts: tuple[ResolutionPart, ...] = field(default=(), converter=_parts)
    closing_date: dt.date | None = None
    main_titles: tuple[str, ...] = field(default=(), converter=_names)
    adoption_remark: str | None = None
    title_notes: tuple[str, ...] = field(default=(), converter=_names)

    @title_notes.validator
    def _check_title_notes(self, attribute: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]) -> None:
        for marker in value:
            _check_marker(self, attribute, marker)

    @meeting.validator
    def _check_meeting(self, _: attrs.Attribute[Meeting | None], value: Meeting | None) -> None:
        meetings = [value, *(part.meeting for part in self.parts)]
        if any(meeting is not None and meeting.date == self.adoption_date for meeting in meetings):
            raise ModelError(
                "meeting.date is for a closing line dated otherwise than the adoption: None here"
            )

    @parts.validator
    def _check_parts(
        self, _: attrs.Attribute[tuple[ResolutionPart, ...]], value: tuple[ResolutionPart, ...]
    ) -> None:
        if not value:
            return
        if self.preamble or self.operative or self.annexes:
            raise ModelError("a resolution in parts has its paragraphs in the parts, not beside them")
        if self.enacting_formula != _formula(self.symbol.body):
            raise ModelError("a resolution in parts has its enacting formula in each part")
        labels = [part.label for part in value]
        if len(set(labels)) != len(labels):
            raise ModelError(f"part labels {labels} repeat")

    @language.validator
    def _check_language(self, _: attrs.Attribute[str], value: str) -> None:
        if isinstance(value, str) and not _LANGUAGE_RE.match(value):
            raise ModelError(f"invalid language {value!r}: expected an ISO 639-2 code such as 'eng'")

    @footnotes.validator
    def _check_footnotes(self, _: attrs.Attribute[tuple[Footnote, ...]], value: tuple[Footnote, ...]) -> None:
        seen: set[str] = set()
        for note in value:
            if not isinstance(note, Footnote):
                continue  # the type check names it
            if note.marker in seen:
                raise ModelError(f"footnote marker {note.marker!r} is used twice")
            seen.add(note.marker)

    # -- derived values -------------------------------------------------------------------

    @property
    def session(self) -> str | None:
        """The session, from the symbol: ``"73"``; None for the Security Council."""
        return self.symbol.session

    @property
    def body(self) -> Body:
        """The organ that adopted the resolution, from the symbol."""
        return self.symbol.body

    @property
    def chapter_vii(self) -> bool:
        """Whether the Security Council acts under Chapter VII of the Charter, as a paragraph says
        ("*Acting* under Chapter VII of the Charter of the United Nations,", "*Acting* for these
        reasons under Chapter VII ...", "... the following measures acting under Chapter VII"), not
        where it recalls another resolution adopted acting under it."""
        for _, para in self.iter_paragraphs():
            opening = getattr(para, "opening", None)
            for text in paragraph_texts(para):
                words = f"{opening} {plain_text(text)}" if opening else plain_text(text)
                for found in _CHAPTER_VII.finditer(words):
                    if not _RECALLED.search(words[max(0, found.start() - 80) : found.start()]):
                        return True
        return False

    @property
    def work_iri(self) -> str:
        """The AKN4UN work IRI: ``/akn/un/statement/deliberation/un-ga/2018-12-22/73-266``."""
        return resolution_iri(self.adoption_date, self.symbol)

    @property
    def expression_iri(self) -> str:
        """The expression IRI for the document's language: ``.../73-266/eng@``."""
        return f"{self.work_iri}/{self.language}@"

    @property
    def manifestation_iri(self) -> str:
        """The manifestation IRI of the XML form: ``.../73-266/eng@.akn``."""
        return f"{self.expression_iri}.akn"

    def footnote(self, marker: str) -> Footnote:
        """The footnote with this marker; ``KeyError`` if there is none."""
        for note in self.footnotes:
            if note.marker == marker:
                return note
        raise KeyError(marker)

    def iter_paragraphs(self) -> Iterator[tuple[str, Paragraph]]:
        """Every paragraph of the resolution with its eId, in document order.

        Yields preambular paragraphs, sections, operative paragraphs and sub-paragraphs of the
        body, then those of each annex (eIds prefixed ``att_N__``).
        """
        for eid, para, _ in self.iter_paragraph_paths():
            yield eid, para

    def iter_paragraph_paths(self) -> Iterator[tuple[str, Paragraph, ModelPath]]:
        """Like ``iter_paragraphs``, with each paragraph's path in the model.

        The path names the fields and indexes that lead to it, such as
        ``("operative", 0, "subparagraphs", 1)``: the same keys lead to it in the JSON form.
        """
        namer = EidNamer()
        yield from _walk_body(self.preamble, self.operative, self.annexes, "", namer, ())
        for index, part in enumerate(self.parts):
            yield from _walk_body(
                part.preamble, part.operative, part.annexes, part_prefix(part), namer, ("parts", index)
            )

    def iter_text(self) -> Iterator[Text]:
        """Every inline text of the resolution, in document order (footnotes last)."""
        yield self.enacting_formula
        for part in self.parts:
            yield part.enacting_formula
        for _, para in self.iter_paragraphs():
            yield from paragraph_texts(para)
        for annex in (*self.annexes, *(annex for part in self.parts for annex in part.annexes)):
            yield annex.heading
        for note in self.footnotes:
            yield note.text

    def cited_documents(self) -> tuple[Reference, ...]:
        """Every reference in the text and footnotes, in order of appearance."""
        return tuple(
            piece for text in self.iter_text() for piece in iter_inline(text) if isinstance(piece, Reference)
        )

    def footnote_calls(self) -> tuple[FootnoteCall, ...]:
        """Every footnote call, in order of appearance: those of the title line, then the text's."""
        return tuple(FootnoteCall(marker) for marker in self.title_notes) + tuple(
            piece
            for text in self.iter_text()
            for piece in iter_inline(text)
            if isinstance(piece, FootnoteCall)
        )


Paragraph: TypeAlias = PreambularParagraph | OperativeParagraph | SubParagraph | Section | Heading | Table


def paragraph_texts(para: Paragraph) -> Iterator[Text]:
    """Every inline text of one paragraph, heading or table (not of the paragraphs it holds)."""
    if isinstance(para, Section):
        yield para.heading
    elif isinstance(para, Heading):
        yield para.heading
        yield para.subheading
    elif isinstance(para, Table):
        for row in para.rows:
            for cell in row.cells:
                yield from cell.content
    elif isinstance(para, PreambularParagraph):
        yield para.text
    else:
        yield para.text
        yield para.closing_text


# --------------------------------------------------------------------------------------------
# Naming: IRIs and eIds (AKN4UN naming convention)

WORK_PREFIX = "/akn/un/statement/deliberation/un-ga"


def resolution_iri(adoption_date: dt.date, symbol: Symbol) -> str:
    """The work IRI of a resolution adopted on ``adoption_date``: ``.../un-ga/2018-12-22/73-266``,
    ``.../un-sc/2002-11-08/1441-2002``."""
    return (
        f"/akn/un/statement/deliberation/{symbol.body.actor}/{adoption_date.isoformat()}/{symbol.iri_number}"
    )


def preamble_eid(index: int, prefix: str = "") -> str:
    """The eId of the ``index``-th (1-based) preambular paragraph."""
    return f"{prefix}preamble__container_{index}"


def part_prefix(part: ResolutionPart) -> str:
    """The prefix of the eIds inside a part of a resolution: ``comp_A__``."""
    return f"comp_{part.label}__"


def list_eid(parent: str) -> str:
    """The eId of the list of sub-paragraphs inside the element ``parent``."""
    return f"{parent}__list_1"


class EidNamer:
    """Names sections, paragraphs and sub-paragraphs in document order (AKN naming convention).

    An eId is built from the number or label (``sec_I__para_2__list_1__point_b``). When a broken
    document repeats a number or label, the repeat gets a suffix (``para_2_2``) so that eIds stay
    unique; every writer and checker names parts through one namer, in the same order.
    """

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def _unique(self, eid: str) -> str:
        count = self._seen.get(eid, 0) + 1
        self._seen[eid] = count
        return eid if count == 1 else f"{eid}_{count}"

    def section(self, prefix: str, section: Section, index: int) -> str:
        """``sec_{label}``, or ``sec_u{position}`` for a section without a label."""
        return self._unique(f"{prefix}sec_{section.label if section.label is not None else f'u{index}'}")

    def paragraph(self, prefix: str, para: OperativeParagraph, index: int) -> str:
        """``para_{number}``, or ``para_u{position}`` for an unnumbered paragraph."""
        return self._unique(f"{prefix}para_{para.number if para.number is not None else f'u{index}'}")

    def point(self, list_id: str, sub: SubParagraph, index: int) -> str:
        """``point_{label}``, or ``point_u{position}`` for a sub-paragraph without a label or with a
        bullet."""
        label = sub.label if sub.label.isalnum() and sub.label.isascii() else f"u{index}"
        return self._unique(f"{list_id}__point_{label}")

    def heading(self, prefix: str, index: int) -> str:
        """``hcontainer_{position}`` for a heading between paragraphs."""
        return self._unique(f"{prefix}hcontainer_{index}")

    def table(self, prefix: str, index: int) -> str:
        """``table_{position}``."""
        return self._unique(f"{prefix}table_{index}")


ModelPath: TypeAlias = tuple[str | int, ...]


def _walk_body(
    preamble: tuple[PreambularParagraph, ...],
    operative: tuple[OperativeItem, ...],
    annexes: tuple[Annex, ...],
    prefix: str,
    namer: EidNamer,
    path: ModelPath,
) -> Iterator[tuple[str, Paragraph, ModelPath]]:
    for index, para in enumerate(preamble):
        eid = preamble_eid(index + 1, prefix)
        yield eid, para, (*path, "preamble", index)
        yield from _walk_points(para.subparagraphs, eid, namer, (*path, "preamble", index))
    yield from _walk_operative(operative, prefix, namer, (*path, "operative"))
    for number, annex in enumerate(annexes, start=1):
        yield from _walk_operative(
            annex.content, f"{prefix}att_{number}__", namer, (*path, "annexes", number - 1, "content")
        )


def _walk_operative(
    items: tuple[OperativeItem, ...], prefix: str, namer: EidNamer, path: ModelPath
) -> Iterator[tuple[str, Paragraph, ModelPath]]:
    for index, item in enumerate(items):
        here = (*path, index)
        if isinstance(item, Heading):
            yield namer.heading(prefix, index + 1), item, here
        elif isinstance(item, Table):
            yield namer.table(prefix, index + 1), item, here
        elif isinstance(item, Section):
            eid = namer.section(prefix, item, index + 1)
            yield eid, item, here
            for number, para in enumerate(item.preamble):
                yield f"{eid}__crossHeading_{number + 1}", para, (*here, "preamble", number)
            yield from _walk_operative(item.content, f"{eid}__", namer, (*here, "content"))
        else:
            eid = namer.paragraph(prefix, item, index + 1)
            yield eid, item, here
            yield from _walk_points(item.subparagraphs, eid, namer, here)


def _walk_points(
    subs: tuple[SubParagraph, ...], parent: str, namer: EidNamer, path: ModelPath
) -> Iterator[tuple[str, Paragraph, ModelPath]]:
    if not subs:
        return
    list_id = list_eid(parent)
    for index, sub in enumerate(subs):
        eid = namer.point(list_id, sub, index + 1)
        here = (*path, "subparagraphs", index)
        yield eid, sub, here
        yield from _walk_points(sub.subparagraphs, eid, namer, here)


# --------------------------------------------------------------------------------------------
# UN typography helpers

_ONES = [
    "",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
]
_TENS_ORDINAL = [
    "",
    "",
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _ordinal_words(number: int) -> str:
    if number >= 100:
        hundreds, rest = divmod(number, 100)
        head = f"{_ONES_CARDINAL[hundreds]} hundred"
        return f"{head}th" if rest == 0 else f"{head} and {_ordinal_words(rest)}"
    if number < 20:
        return _ONES[number]
    tens, ones = divmod(number, 10)
    return _TENS_ORDINAL[tens] if ones == 0 else f"{_TENS[tens]}-{_ONES[ones]}"


_ONES_CARDINAL = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


def session_title(session: str) -> str:
    """The session as printed in the masthead: ``"73"`` -> ``"Seventy-third session"``."""
    if session.isdigit():
        words = _ordinal_words(int(session))
        return f"{words[0].upper()}{words[1:]} session"
    kind, _, number = session.partition("-")
    words = _ordinal_words(int(number))
    name = "emergency special session" if kind == "ES" else "special session"
    return f"{words[0].upper()}{words[1:]} {name}"


def ordinal(number: int) -> str:
    """``65`` -> ``"65th"``, ``62`` -> ``"62nd"``, as in "62nd plenary meeting"."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


for _class in (
    Symbol,
    Emphasis,
    Reference,
    Date,
    FootnoteCall,
    Quotation,
    Foreign,
    PreambularParagraph,
    SubParagraph,
    OperativeParagraph,
    Section,
    Heading,
    TableCell,
    TableRow,
    Table,
    Footnote,
    Annex,
    AgendaItem,
    Origin,
    WorkflowDocument,
    Meeting,
    AdoptedWithoutVote,
    AdoptedByAcclamation,
    RecordedVote,
    Keyword,
    ResolutionPart,
    Resolution,
):
    _with_type_checks(_class)
