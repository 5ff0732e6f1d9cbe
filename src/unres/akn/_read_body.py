"""Reading the text of a resolution from AKN: inline markup and footnotes, the preamble, the
operative part (paragraphs, lists, sections, headings, tables) and annexes.

Structure the model does not hold is an ``UnsupportedContentError`` naming the element and its
line. Inline markup the model does not hold is an error too, or, with ``keep_unknown=True``, kept
verbatim as ``Foreign`` and written back unchanged.
"""

from __future__ import annotations

import datetime as dt
import re

import attrs
from lxml import etree

from unres._labels import FIRST, continues
from unres._text import split_opening
from unres.akn._names import TAG_STYLES, A
from unres.akn._parse import Element, line_of
from unres.errors import ModelError, ParseError, UnsupportedContentError
from unres.model import (
    Annex,
    Date,
    Emphasis,
    Footnote,
    FootnoteCall,
    Foreign,
    Heading,
    Inline,
    OperativeItem,
    OperativeParagraph,
    PreambularParagraph,
    Quotation,
    Reference,
    Section,
    Style,
    SubParagraph,
    Table,
    TableCell,
    TableRow,
    Text,
    built_as,
    normalize_text,
    plain_text,
)

_SPACE = re.compile(r"[ \t\r\n]+")
_ANY_SPACE = re.compile(r"\s+")
_HEADING_LABEL = re.compile(r"^(?:[IVXLC]+|[A-Z])\.?$")
# A paragraph's number, "1." ("1 -" in Arabic), in <num> or, in some UN files, opening the text.
_NUMBER = re.compile(r"^(\d{1,4})(?:\.| -)?$")
# (A mark of writing direction may stand between the number and its space: "6.\u200e Reaffirms".)
NUMBER_IN_TEXT = re.compile(r"^(\d{1,3})(?:\.| -)[\u200e\u200f]*[ \t]+")
_LETTERED = re.compile(r"^(?:\([a-z]{1,4}\)|[a-z]{1,4}\.)$")  # "(a)", or "a." in older files
# Inline wrappers that carry no meaning the model keeps: their words are read, the wrapper not.
_UNWRAPPED_TAGS = frozenset(
    A + name for name in ("span", "docType", "docTitle", "docNumber", "inline", "location")
)
_SPAN = A + "span"
_NUM = A + "num"
_EOL = A + "eol"
_P = A + "p"
_CONTENT = A + "content"
_LIST = A + "list"
_PARAGRAPH = A + "paragraph"
# The attributes of a reference the model keeps (href) or can do without.
_REFERENCE_ATTRIBUTES = frozenset({"href", "eId", "wId", "GUID", "class"})
# Emphasis elements by their full tag.
_EMPHASIS = {A + tag: Style(style) for tag, style in TAG_STYLES.items()}
# The model's objects as the reader builds them, its text already normal (see ``built_as``).
_new_emphasis = built_as(Emphasis)
_new_reference = built_as(Reference)
_new_date = built_as(Date)
_new_paragraph = built_as(OperativeParagraph)
_HEADING_PARTS = frozenset(A + name for name in ("num", "heading", "subheading"))
# The UN's <span class> for emphasis; "bold italic" (Arabic openings) is bold around italic.
_SPAN_STYLES = {
    "italic": (Style.ITALIC,),
    "bold": (Style.BOLD,),
    "underline": (Style.UNDERLINE,),
    "bold italic": (Style.BOLD, Style.ITALIC),
}


def _space(text: str) -> str:
    """White space as a page shows it: each run of spaces and line breaks as one space."""
    if "  " in text or "\n" in text or "\t" in text or "\r" in text:
        return _SPACE.sub(" ", text)
    return text


def _spaces_outside(piece: Emphasis) -> list[Inline]:
    """``<i>Acting </i>under`` as a page shows it, ``<i>Acting</i> under``: white space at the edges
    of emphasis stands outside it, so that the italic phrase is the opening phrase."""
    content = list(piece.content)
    # Emphasis within emphasis at an edge (Arabic's bold italic) gives up its spaces first.
    if isinstance(content[-1], Emphasis) and content[-1].content:
        content[-1:] = _spaces_outside(content[-1])
    if isinstance(content[0], Emphasis) and content[0].content:
        content[:1] = _spaces_outside(content[0])
    before = after = ""
    if isinstance(content[0], str) and content[0][:1].isspace():
        before, content[0] = " ", content[0].lstrip()
    if isinstance(content[-1], str) and content[-1][-1:].isspace():
        after, content[-1] = " ", content[-1].rstrip()
    if not before and not after:
        return [piece]
    if not normalize_text(content):
        return [" "]  # emphasis on white space alone is white space
    return [before, Emphasis(content, piece.style), after]


def _bare(label: str) -> str:
    """A label without the punctuation printed after it: "I." is "I", the Arabic "أولا -" is
    "أولا"."""
    return label.rstrip(".").removesuffix(" -").removesuffix("-").rstrip()


def _local(element: Element) -> str:
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    name = _LOCAL_NAMES.get(tag)
    if name is None:
        if tag.startswith(A):
            name = tag[len(A) :]
        else:
            name = etree.QName(tag).localname if tag.startswith("{") else tag
        if len(_LOCAL_NAMES) < 4096:  # the names of a vocabulary, not of any document's whims
            _LOCAL_NAMES[tag] = name
    return name


_LOCAL_NAMES: dict[str, str] = {}


def _is_akn(element: Element) -> bool:
    return isinstance(element.tag, str) and element.tag.startswith(A)


def _children(element: Element) -> list[Element]:
    """Child elements, skipping comments; text outside paragraphs is an error."""
    text = element.text
    if text and not text.isspace():
        raise _stray_text(element, text)
    children = []
    for child in element:
        tail = child.tail
        if tail and not tail.isspace():
            raise _stray_text(element, tail)
        if child.tag.__class__ is str:
            children.append(child)
    return children


def _stray_text(element: Element, text: str) -> UnsupportedContentError:
    return UnsupportedContentError(
        f"text {text.strip()[:40]!r} directly inside <{_local(element)}> is not supported",
        line=line_of(element),
    )


def _unsupported(element: Element, where: str) -> UnsupportedContentError:
    return UnsupportedContentError(
        f"<{_local(element)}> inside <{where}> is not supported", line=line_of(element)
    )


def _iso(element: Element, attribute: str = "date") -> dt.date:
    value = element.get(attribute, "")
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise ParseError(
            f"<{_local(element)}> has an invalid {attribute} {value!r}", line=line_of(element)
        ) from None


def _words(element: Element) -> str:
    """The element's text content with white space normalised."""
    if not len(element):
        return _space(element.text or "").strip()
    return _SPACE.sub(" ", "".join(str(text) for text in element.itertext())).strip()


def _strip_hash(value: str) -> str:
    return value[1:] if value.startswith("#") else value


class _Reader:
    def __init__(self, keep_unknown: bool) -> None:
        self.keep_unknown = keep_unknown
        self.language: str | None = None  # the document's, which sets how openings are printed
        self.footnotes: dict[str, Footnote] = {}
        self.note_markers: dict[str, str] = {}
        # Source lines of paragraphs in document order (the order of iter_paragraphs), and of notes.
        self.lines: list[int | None] = []
        self.note_lines: dict[str, int | None] = {}

    # -- inline ------------------------------------------------------------------------------

    def text(self, element: Element) -> Text:
        """The mixed content of ``element`` as model text, trimmed at both ends."""
        if not len(element):  # words only, the common case
            words = _space(element.text or "").strip()
            return (words,) if words else ()
        pieces = self.inline_content(element)
        if pieces and isinstance(pieces[0], str):
            pieces = (pieces[0].lstrip(), *pieces[1:])
        if pieces and isinstance(pieces[-1], str):
            pieces = (*pieces[:-1], pieces[-1].rstrip())
        return normalize_text(pieces)

    def inline_content(self, element: Element) -> Text:
        if not len(element):  # words only
            return (_space(element.text),) if element.text else ()
        pieces: list[Inline] = []
        unwrapped = False
        if element.text:
            pieces.append(_space(element.text))
        for child in element:
            tag = child.tag
            if tag.__class__ is str:
                style = _EMPHASIS.get(tag)
                if style is not None:
                    content = self.inline_content(child)
                    first = content[0] if content else None
                    last = content[-1] if content else None
                    if (
                        first.__class__ is str
                        and last.__class__ is str
                        and not first[0].isspace()
                        and not last[-1].isspace()
                    ):
                        pieces.append(_new_emphasis(content, style))
                    elif content:
                        moved = _spaces_outside(Emphasis(content, style))
                        pieces.extend(moved)
                        unwrapped = unwrapped or len(moved) > 1
                    else:
                        pieces.append(_new_emphasis(content, style))
                elif tag in _UNWRAPPED_TAGS and not (tag == _SPAN and child.get("class") in _SPAN_STYLES):
                    pieces.extend(self.inline_content(child))
                    unwrapped = True
                elif tag == _EOL:
                    pieces.append(" ")
                    unwrapped = True
                else:
                    piece = self.inline(child, element)
                    if isinstance(piece, Emphasis) and piece.content:
                        moved = _spaces_outside(piece)
                        pieces.extend(moved)
                        unwrapped = unwrapped or len(moved) > 1
                    else:
                        pieces.append(piece)
            tail = child.tail
            if tail:
                pieces.append(_space(tail))
        text = normalize_text(pieces)
        if not unwrapped:
            return text
        # White space that meets across an unwrapped element's edge reads as one space too.
        return tuple(_space(piece) if isinstance(piece, str) else piece for piece in text)

    def inline(self, element: Element, parent: Element) -> Inline:
        name = _local(element) if _is_akn(element) else ""
        if name in TAG_STYLES:
            return Emphasis(self.inline_content(element), Style(TAG_STYLES[name]))
        if name == "span" and (styles := _SPAN_STYLES.get(element.get("class", ""))):
            piece: Inline = Emphasis(self.inline_content(element), styles[-1])
            for style in reversed(styles[:-1]):
                piece = Emphasis((piece,), style)
            return piece
        if name in ("ref", "a") and _REFERENCE_ATTRIBUTES.issuperset(element.keys()):
            return _new_reference(element.get("href", ""), self.inline_content(element))
        if name in ("date", "docDate") and len(element) == 0:
            return _new_date(_iso(element), _space(element.text or ""))
        if name in ("embeddedText", "quotedText"):
            return Quotation(self.inline_content(element))
        if name == "authorialNote":
            return self.authorial_note(element)
        if name == "noteRef":
            marker = element.get("marker") or self.note_markers.get(_strip_hash(element.get("href", "")))
            if not marker:
                raise ParseError("<noteRef> without a marker", line=line_of(element))
            return FootnoteCall(marker)
        if self.keep_unknown:
            copy = etree.fromstring(etree.tostring(element, with_tail=False))
            xml = etree.tostring(copy, method="c14n", exclusive=True, with_comments=False)
            return Foreign(xml.decode("utf-8"))
        raise _unsupported(element, _local(parent))

    def authorial_note(self, element: Element) -> FootnoteCall:
        marker = element.get("marker")
        if not marker:
            raise ParseError("<authorialNote> without a marker", line=line_of(element))
        paragraphs = list(_children(element))
        if not paragraphs or any(_local(p) != "p" for p in paragraphs):
            raise UnsupportedContentError("<authorialNote> must hold <p> elements", line=line_of(element))
        if marker in self.footnotes:
            raise ParseError(f"footnote {marker!r} is given twice", line=line_of(element))
        text: list[Inline] = []
        for index, paragraph in enumerate(paragraphs):
            # A note of several paragraphs is one text; its paragraph breaks read as spaces.
            text.extend((" ", *self.text(paragraph)) if index else self.text(paragraph))
        self.footnotes[marker] = Footnote(marker, text)
        self.note_lines[marker] = line_of(element)
        return FootnoteCall(marker)

    def single_p(self, element: Element) -> Text:
        paragraphs = _children(element)
        if len(paragraphs) != 1 or paragraphs[0].tag != _P:
            names = ", ".join(f"<{_local(p)}>" for p in paragraphs) or "nothing"
            raise UnsupportedContentError(
                f"<{_local(element)}> must hold one <p>, not {names}", line=line_of(element)
            )
        return self.text(paragraphs[0])

    # -- body --------------------------------------------------------------------------------

    def preamble(self, preamble: Element) -> tuple[Text | None, list[PreambularParagraph]]:
        formula: Text | None = None
        paragraphs: list[PreambularParagraph] = []
        for child in _children(preamble):
            name = _local(child)
            if name == "formula":
                formula = self.single_p(child)
            elif name == "container":
                paragraphs.append(self.preambular(child, single=True))
            elif name == "blockList" and paragraphs and not paragraphs[-1].subparagraphs:
                # The UN's files set the items (a), (b) of a preambular paragraph after its container.
                items = self.block_list(child)
                paragraphs[-1] = attrs.evolve(paragraphs[-1], subparagraphs=items)
            else:
                raise _unsupported(child, "preamble")
        return formula, paragraphs

    def preambular(self, element: Element, *, single: bool) -> PreambularParagraph:
        """A preambular paragraph: a container holding <p> (and maybe a <blockList> of items),
        or a crossHeading in a section."""
        self.lines.append(line_of(element))
        if not single:
            opening, text = split_opening(self.text(element), self.language)
            return PreambularParagraph(text, opening)
        children = list(_children(element))
        items: list[SubParagraph] = []
        if len(children) == 1 and _local(children[0]) == "blockList":
            # The whole paragraph as a list: its text is the list's introduction (UN files).
            introduction = [c for c in _children(children[0]) if _local(c) == "listIntroduction"]
            if len(introduction) == 1:
                opening, text = split_opening(self.text(introduction[0]), self.language)
                return PreambularParagraph(text, opening, self.block_list(children[0]))
        if len(children) == 2 and _local(children[1]) == "blockList":
            items = self.block_list(children.pop())
        if len(children) != 1 or _local(children[0]) != "p":
            names = ", ".join(f"<{_local(p)}>" for p in children) or "nothing"
            raise UnsupportedContentError(
                f"<{_local(element)}> must hold one <p>, not {names}", line=line_of(element)
            )
        opening, text = split_opening(self.text(children[0]), self.language)
        return PreambularParagraph(text, opening, items)

    def block_list(self, element: Element) -> list[SubParagraph]:
        """The items of a <blockList>, each a labelled sub-paragraph."""
        items: list[SubParagraph] = []
        for item in _children(element):
            if _local(item) == "listIntroduction" and not items:
                continue  # read by the paragraph that holds the list
            if _local(item) != "item":
                raise _unsupported(item, "blockList")
            self.lines.append(line_of(item))
            children = list(_children(item))
            label = ""
            if children and _local(children[0]) == "num":
                label = _words(children.pop(0)).strip("().\u2019\u2018")
            if len(children) != 1 or _local(children[0]) != "p":
                raise UnsupportedContentError("<item> must hold <num> and one <p>", line=line_of(item))
            try:
                items.append(SubParagraph(label, self.text(children[0])))
            except ModelError as error:
                raise ParseError(error.message, line=line_of(item)) from None
        return items

    def operative_item(self, element: Element) -> OperativeItem | None:
        """A paragraph, section, heading or table; None for any other element."""
        if element.tag == _PARAGRAPH:
            return self.paragraph(element)
        name = _local(element)
        if name in ("section", "subsection"):
            return self.section(element)
        if name in ("container", "hcontainer") and element.get("name") == "table":
            return self.table(element)
        if name in ("hcontainer", "subheading"):
            return self.heading(element)
        return None

    def heading(self, element: Element) -> Heading:
        """A heading between paragraphs: the UN's <paragraph> holding only <num>, <heading> or
        <subheading>, a <subheading> standing in a section, or unres's <hcontainer name="heading">."""
        self.lines.append(line_of(element))
        if _local(element) == "subheading":
            return Heading(None, (), self.text(element))
        label: str | None = None
        heading: list[Inline] = []
        subheading: list[Inline] = []
        for child in _children(element):
            name = _local(child)
            if name == "num" and label is None:
                label = _bare(_words(child)) or None
            elif name in ("heading", "subheading"):
                target = heading if name == "heading" else subheading
                # Two headings of one level (seen in the UN's files) read as one, a space apart.
                target.extend((" ", *self.text(child)) if target else self.text(child))
            else:
                raise _unsupported(child, _local(element))
        try:
            return Heading(label, heading, subheading)
        except ModelError as error:
            raise ParseError(error.message, line=line_of(element)) from None

    def table(self, element: Element) -> Table:
        """A table: the UN's <container name="table">, or unres's <hcontainer name="table">."""
        self.lines.append(line_of(element))
        holders = list(_children(element))
        if len(holders) == 1 and _local(holders[0]) == "content":
            holders = list(_children(holders[0]))
        if len(holders) != 1 or _local(holders[0]) != "table":
            raise UnsupportedContentError("a table container must hold one <table>", line=line_of(element))
        rows: list[TableRow] = []
        for row in _children(holders[0]):
            if _local(row) != "tr":
                raise _unsupported(row, "table")
            cells: list[TableCell] = []
            for cell in _children(row):
                if _local(cell) not in ("td", "th"):
                    raise _unsupported(cell, "tr")
                content = []
                for paragraph in _children(cell):
                    if _local(paragraph) != "p":
                        raise _unsupported(paragraph, _local(cell))
                    content.append(self.text(paragraph))
                try:
                    cells.append(
                        TableCell(
                            content,
                            _local(cell) == "th",
                            int(cell.get("colspan", "1")),
                            int(cell.get("rowspan", "1")),
                        )
                    )
                except (ModelError, ValueError) as error:
                    raise ParseError(f"table cell: {error}", line=line_of(cell)) from None
            rows.append(TableRow(cells))
        try:
            return Table(rows)
        except ModelError as error:
            raise ParseError(error.message, line=line_of(element)) from None

    def operative(self, parent: Element, where: str, skip: int = 0) -> list[OperativeItem]:
        """The items of ``parent`` (``skip`` of them left out, read already)."""
        items: list[OperativeItem] = []
        for child in _children(parent)[skip:]:
            item = self.operative_item(child)
            if item is None:
                raise _unsupported(child, where)
            items.append(item)
        return gather_items(items)

    def section(self, element: Element) -> Section:
        self.lines.append(line_of(element))
        return self.section_body(element, list(_children(element)), header=True)

    def section_body(self, element: Element, children: list[Element], *, header: bool) -> Section:
        """A section's parts; preambular text that comes after paragraphs (the UN's files have it)
        opens a section of its own, without label, that holds the rest."""
        label: str | None = None
        heading: Text = ()
        preamble: list[PreambularParagraph] = []
        content: list[OperativeItem] = []
        for index, child in enumerate(children):
            name = _local(child)
            if name == "num" and header:
                label = _bare(_words(child))
            elif name == "heading" and header and not heading:
                heading = self.text(child)
            elif name == "subheading" and header and not content and not preamble:
                # The UN's files title some sections with <subheading>s, a line each: they form
                # the section's heading, a space apart.
                heading = (*heading, " ", *self.text(child)) if heading else self.text(child)
            elif name == "crossHeading" and not content:
                preamble.append(self.preambular(child, single=False))
            elif name == "crossHeading":
                self.lines.append(line_of(child))
                content.append(self.section_body(element, children[index:], header=False))
                break
            else:
                item = self.operative_item(child)
                if item is None:
                    raise _unsupported(child, "section")
                content.append(item)
        try:
            return Section(label, heading, preamble, gather_items(content))
        except ModelError as error:
            raise ParseError(error.message, line=line_of(element)) from None

    def paragraph(self, element: Element) -> OperativeParagraph | Heading:
        children = _children(element)
        if children and children[-1].tag in _HEADING_PARTS and all(c.tag in _HEADING_PARTS for c in children):
            return self.heading(element)
        self.lines.append(line_of(element))
        number: int | None = None
        label = ""  # a label the text opens with, as printed
        if children and children[0].tag == _NUM:
            written = _words(children[0])
            if (numbered := _NUMBER.match(written)) and int(numbered[1]) > 0:
                number = int(numbered[1])
            elif _LETTERED.match(written):
                # The UN's files number some sub-paragraphs "(a)" as paragraphs; they read as the
                # unnumbered paragraphs "(b)", "(c)" beside them do, the label first in the text.
                label = written
            elif _HEADING_LABEL.match(written):
                # A paragraph numbered "I." or "A" whose content is a title: a heading the UN's
                # files set as a paragraph.
                try:
                    return Heading(_bare(written), self.single_p(children[1]) if len(children) == 2 else ())
                except (ModelError, IndexError):
                    raise UnsupportedContentError(
                        f"paragraph {written!r} is neither a numbered paragraph nor a heading",
                        line=line_of(element),
                    ) from None
            else:
                # A bullet (a dot or a dash), or an abbreviation the UN's markup took for a
                # number ("H.E."): the paragraph is unnumbered, its text opens with it as printed.
                label = written
            children = children[1:]
        full, subs, closing = self.body(element, children)
        if number is None and not label and full and isinstance(full[0], str):
            # The number typed at the start of the text, with no <num> (the UN's Arabic files).
            numbered = NUMBER_IN_TEXT.match(full[0])
            if numbered and int(numbered[1]) > 0:
                number = int(numbered[1])
                full = normalize_text((full[0][numbered.end() :], *full[1:]))
        if label:
            full = normalize_text((f"{label} ", *full)) if full else (label,)
        opening, text = split_opening(full, self.language)
        return _new_paragraph(number, text, opening, tuple(subs), closing)

    def body(self, element: Element, children: list[Element]) -> tuple[Text, list[SubParagraph], Text]:
        """The text, sub-paragraphs and closing text of a paragraph or point."""
        if len(children) != 1 or children[0].tag not in (_CONTENT, _LIST):
            names = ", ".join(f"<{_local(c)}>" for c in children) or "nothing"
            raise UnsupportedContentError(
                f"<{_local(element)}> must hold <content> or <list>, not {names}",
                line=line_of(element),
            )
        holder = children[0]
        if holder.tag == _CONTENT:
            return self.single_p(holder), [], ()
        text: Text = ()
        closing: Text = ()
        subs: list[SubParagraph] = []
        for child in _children(holder):
            name = _local(child)
            if name == "intro" and not subs:
                text = self.single_p(child)
            elif name == "point":
                subs.append(self.point(child))
            elif name == "sublist" and subs and not subs[-1].subparagraphs and not subs[-1].closing_text:
                # A <sublist> holds the sub-points of the point before it.
                nested, nested_closing = self.sublist(child)
                subs[-1] = attrs.evolve(subs[-1], subparagraphs=nested, closing_text=nested_closing)
            elif name == "wrapUp" and subs:
                closing = self.single_p(child)
            else:
                raise _unsupported(child, "list")
        return text, subs, closing

    def sublist(self, element: Element) -> tuple[list[SubParagraph], Text]:
        subs: list[SubParagraph] = []
        closing: Text = ()
        for child in _children(element):
            name = _local(child)
            if name == "point" and not closing:
                subs.append(self.point(child))
            elif name == "sublist" and subs and not subs[-1].subparagraphs:
                nested, nested_closing = self.sublist(child)
                subs[-1] = attrs.evolve(subs[-1], subparagraphs=nested, closing_text=nested_closing)
            elif name == "wrapUp" and subs and not closing:
                closing = self.single_p(child)
            else:
                raise _unsupported(child, "sublist")
        return subs, closing

    def point(self, element: Element) -> SubParagraph:
        self.lines.append(line_of(element))
        children = list(_children(element))
        label = ""
        if children and _local(children[0]) == "num":
            label = _words(children.pop(0)).strip("().\u2019\u2018")
        text, subs, closing = self.body(element, children)
        try:
            return SubParagraph(label, text, subs, closing)
        except ModelError as error:
            raise ParseError(error.message, line=line_of(element)) from None

    def annex(self, attachment: Element) -> Annex:
        docs = list(_children(attachment))
        if len(docs) != 1 or _local(docs[0]) != "doc":
            raise UnsupportedContentError("<attachment> must hold one <doc>", line=line_of(attachment))
        label: str | None = None
        heading: Text = ()
        content: list[OperativeItem] = []
        for child in _children(docs[0]):
            name = _local(child)
            if name == "meta":
                continue  # the annex's own identification, derived from the resolution's on writing
            if name == "preface":
                for line in _children(child):
                    for part in _children(line):
                        if _local(part) == "docNumber":
                            label = _words(part)
                        elif _local(part) == "docTitle":
                            heading = self.text(part)
                        else:
                            raise _unsupported(part, "preface")
            elif name == "mainBody":
                title = annex_title(child) if label is None and not heading else None
                if title is not None:
                    # The UN's files set some annexes' label and title as the first paragraph of
                    # their body, in <docType> and <docTitle>, or the title alone in bold: they
                    # are the annex's own.
                    label = _words(title[0]) if title[0] is not None else None
                    heading = self.text(title[1])
                content = self.operative(child, "mainBody", skip=1 if title is not None else 0)
            else:
                raise _unsupported(child, "doc")
        return Annex(label, heading, content)


# A lettered item that the UN's files set as a paragraph of its own, the label typed in its text (or
# in its <num>): "(a) The withdrawal of Israel ...".
# "(a)" in English and Chinese, "a)" in French, Spanish and Russian, "(أ)" in Arabic, and the
# Arabic items within items, a number between closing and opening single quotation marks.
_ITEM_LABEL = re.compile(
    r"^(?:\(([a-z]{1,4}|[\u0621-\u064a]\u0640?)\)|([a-z]{1,4})\)|\u2019(\d{1,2})\u2018)[ \t\u00a0]+"
)


def item_label(words: str) -> tuple[str, int] | None:
    """The label an item's words open with, and where the rest begins; None if they open with none."""
    found = _ITEM_LABEL.match(words)
    if found is None:
        return None
    return found[1] or found[2] or found[3], found.end()


def introduces(words: str) -> bool:
    """Whether a paragraph's words end with a colon (a full-width one in Chinese), as a paragraph
    that introduces items does."""
    return words.rstrip().endswith((":", "\uff1a"))


class _Item:
    """A sub-paragraph while the items are nested."""

    __slots__ = ("label", "subs", "text")

    def __init__(self, label: str, text: Text) -> None:
        self.label = label
        self.text = text
        self.subs: list[_Item] = []

    def built(self) -> SubParagraph:
        return SubParagraph(self.label, self.text, [sub.built() for sub in self.subs])


def _plain_text(item: OperativeItem) -> tuple[str, Text] | None:
    """The words ``item`` opens with, and its text, when it is an unnumbered paragraph that opens
    with words (no opening phrase, no sub-paragraphs of its own); else None."""
    if (
        not isinstance(item, OperativeParagraph)
        or item.number is not None
        or item.opening is not None
        or item.subparagraphs
        or item.closing_text
        or not item.text
        or not isinstance(item.text[0], str)
    ):
        return None
    return item.text[0], item.text


def _flat_item(item: OperativeItem) -> _Item | None:
    """``item`` as a sub-paragraph when it is an unnumbered paragraph that opens with a label."""
    plain = _plain_text(item)
    found = item_label(plain[0]) if plain is not None else None
    if plain is None or found is None:
        return None
    (first, text), (label, end) = plain, found
    return _Item(label, normalize_text((first[end:], *text[1:])))


def item_of(label: str, words: str) -> _Item:
    """A sub-paragraph of plain words (for the markup rule that names what is gathered)."""
    return _Item(label, (words,) if words else ())


def _introduces(text: Text) -> bool:
    return introduces(plain_text(text))


def nested_items(run: list[_Item]) -> tuple[int, list[_Item]]:
    """How many items of ``run``, from its start, form lists, and the top-level ones: the first
    labelled (a) or (i), each next one continuing an open list or, after an item ending with a
    colon, opening a list inside it (where it is nested)."""
    lists: list[list[_Item]] = []  # the open lists, outermost first
    used = 0
    for item in run:
        for depth in range(len(lists) - 1, -1, -1):
            if continues([sibling.label for sibling in lists[depth]], item.label):
                del lists[depth + 1 :]
                lists[depth].append(item)
                break
        else:
            first = item.label in (FIRST["letter"], FIRST["roman"], FIRST["arabic"])
            if not lists and first:
                lists.append([item])
            elif lists and (first or item.label == FIRST["digit"]) and _introduces(lists[-1][-1].text):
                parent = lists[-1][-1]
                parent.subs.append(item)
                lists.append(parent.subs)
            else:
                break
        used += 1
    return used, lists[0] if lists else []


def wraps_up(words: str, last_item: str) -> bool:
    """Whether a paragraph's words close the list before it: they open with a small letter after
    an item that ended with a semicolon or a full stop ("...on 4 April 2017;" / "and demands ...")."""
    return words[:1].islower() and last_item.rstrip().endswith((";", "."))


def closes(top: list[_Item], words: str) -> bool:
    """Whether ``words`` close the list of ``top`` items: ``wraps_up`` after its last item."""
    last = top[-1]
    while last.subs:
        last = last.subs[-1]
    return wraps_up(words, plain_text(last.text))


def _closing_words(item: OperativeItem, top: list[_Item]) -> Text:
    """``item``'s text, when it is the closing words of the list of ``top`` items; else none."""
    plain = _plain_text(item)
    if plain is None or not closes(top, plain[0]):
        return ()
    return plain[1]


def gather_items(items: list[OperativeItem]) -> list[OperativeItem]:
    """The UN's files set the items (a), (b) ... of a paragraph ending with a colon as paragraphs
    of their own in some resolutions, and as the paragraph's list in others: read either way,
    they are the paragraph's sub-paragraphs, as the printed page shows them (and as the text
    reader reads the same page)."""
    gathered: list[OperativeItem] = []
    index = 0
    while index < len(items):
        item = items[index]
        gathered.append(item)
        index += 1
        if (
            not isinstance(item, OperativeParagraph)
            or item.subparagraphs
            or _flat_item(item) is not None
            or not _introduces(item.text)
        ):
            continue
        run: list[_Item] = []
        while index + len(run) < len(items) and (flat := _flat_item(items[index + len(run)])) is not None:
            run.append(flat)
        used, top = nested_items(run)
        if used:
            index += used
            closing: Text = ()
            if index < len(items) and (closing := _closing_words(items[index], top)):
                index += 1
            subs = [sub.built() for sub in top]
            gathered[-1] = attrs.evolve(item, subparagraphs=subs, closing_text=closing)
    return gathered


_DOC_TYPE = A + "docType"
_DOC_TITLE = A + "docTitle"
_BOLD = A + "b"


def annex_title(body: Element) -> tuple[Element | None, Element] | None:
    """The label and title an annex's body opens with, when its first paragraph holds nothing else:
    "<p><docType>Annex</docType><docTitle>Staffing table for 2020</docTitle></p>", or a title set
    wholly in bold ("<p><span class="bold">Financing of ...</span></p>", no label)."""
    first = next((child for child in body if isinstance(child.tag, str)), None)
    if first is None or first.tag != _PARAGRAPH or len(first) != 1 or first[0].tag != _CONTENT:
        return None
    holders = [child for child in first[0] if isinstance(child.tag, str)]
    if len(holders) != 1 or holders[0].tag != _P:
        return None
    line = holders[0]
    parts = [child for child in line if isinstance(child.tag, str)]
    if (
        len(parts) != len(line)
        or (line.text or "").strip()
        or any((part.tail or "").strip() for part in parts)
    ):
        return None
    if [part.tag for part in parts] == [_DOC_TYPE, _DOC_TITLE]:
        return parts[0], parts[1]
    bold = len(parts) == 1 and (
        parts[0].tag == _BOLD or (parts[0].tag == _SPAN and parts[0].get("class") == "bold")
    )
    if bold and len(parts[0]) == 0 and (parts[0].text or "").strip():
        return None, parts[0]
    return None


def _collect_note_ids(root: Element) -> dict[str, str]:
    return {
        note.get("eId", ""): note.get("marker", "")
        for note in root.iter(A + "authorialNote", A + "note")
        if note.get("eId")
    }
