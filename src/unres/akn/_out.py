"""AKN written as text while the model is walked: no element tree is built.

``Out`` collects the document's text in order. Elements that hold elements only (structural
elements) are opened and closed on lines of their own, indented two spaces a level; an element
that stays empty is closed as ``<name/>``. Mixed content (a ``<p>``, a ``<num>``) is written on one
line, its inline markup made as a string by the caller. The bytes are those lxml writes for the
same tree: the same escaping, the same empty elements, namespace declarations where they are made.
Markup kept verbatim (foreign content) is the one place lxml is used: it is parsed once and
serialised as lxml serialises it inside an AKN document.
"""

from __future__ import annotations

import re

from lxml import etree

from unres.akn._names import AKN_NS
from unres.errors import ModelError

__all__ = [
    "INDENTS",
    "Out",
    "Verbatim",
    "attribute",
    "declaration",
    "element",
    "escape",
    "finish",
    "text_element",
]


class _Indents(dict[int, str]):
    """The line break and indentation before an element at each depth, made once."""

    def __missing__(self, level: int) -> str:
        self[level] = value = "\n" + "  " * level
        return value


INDENTS = _Indents()
"""``INDENTS[depth]``: the line break and indentation before an element at ``depth``."""


def escape(value: str) -> str:
    """Text content as XML: ``&``, ``<``, ``>`` and carriage returns escaped, as lxml does."""
    if "&" in value:
        value = value.replace("&", "&amp;")
    if "<" in value:
        value = value.replace("<", "&lt;")
    if ">" in value:
        value = value.replace(">", "&gt;")
    if "\r" in value:
        value = value.replace("\r", "&#13;")
    return value


def attribute(value: str) -> str:
    """An attribute's value as XML (between double quotes), escaped as lxml does."""
    value = escape(value)
    if '"' in value:
        value = value.replace('"', "&quot;")
    if "\n" in value:
        value = value.replace("\n", "&#10;")
    if "\t" in value:
        value = value.replace("\t", "&#9;")
    return value


def element(name: str, attributes: str, inner: str) -> str:
    """An element of mixed content: ``inner`` is its markup, already escaped; empty, ``<name/>``."""
    if inner:
        return f"<{name}{attributes}>{inner}</{name}>"
    return f"<{name}{attributes}/>"


def text_element(name: str, attributes: str, text: str | None) -> str:
    """An element with text only (escaped here): ``<name/>`` for None, ``<name></name>`` for ""."""
    if text is None:
        return f"<{name}{attributes}/>"
    return f"<{name}{attributes}>{escape(text)}</{name}>"


class Out:
    """A document's text as it is written.

    ``depth`` is the depth of the next element written: 0 for the root of a document, more for a
    part written apart (the metadata, written last) so that it is indented as where it goes.
    """

    __slots__ = ("depth", "open_elements", "parts")

    def __init__(self, depth: int = 0) -> None:
        self.depth = depth
        self.parts: list[str] = []
        self.open_elements: list[tuple[str, int]] = []

    def open(self, name: str, attributes: str = "") -> None:
        """Start a structural element; ``attributes`` as written (`` eId="..."``)."""
        parts = self.parts
        parts.append(f"{INDENTS[self.depth]}<{name}{attributes}")
        self.open_elements.append((name, len(parts)))
        parts.append(">")
        self.depth += 1

    def close(self) -> None:
        """End the structural element opened last: ``<name/>`` when nothing was written into it."""
        name, mark = self.open_elements.pop()
        self.depth -= 1
        parts = self.parts
        if len(parts) == mark + 1:
            parts[mark] = "/>"
        else:
            parts.append(f"{INDENTS[self.depth]}</{name}>")

    def line(self, name: str, attributes: str = "", inner: str = "") -> None:
        """An element of mixed content in a structural place: ``inner`` is its markup."""
        if inner:
            self.parts.append(f"{INDENTS[self.depth]}<{name}{attributes}>{inner}</{name}>")
        else:
            self.parts.append(f"{INDENTS[self.depth]}<{name}{attributes}/>")

    def wrapped(self, outer: str, name: str, inner: str) -> None:
        """``line(name, "", inner)`` alone in a structural element ``outer`` without attributes:
        a paragraph's ``<content><p>...</p></content>``."""
        here = INDENTS[self.depth]
        within = element(name, "", inner)
        self.parts.append(f"{here}<{outer}>{INDENTS[self.depth + 1]}{within}{here}</{outer}>")

    def leaf(self, name: str, attributes: str = "", text: str | None = None) -> None:
        """An element with text only (escaped here), in a structural place: ``<name/>`` when
        ``text`` is None, ``<name></name>`` when it is empty."""
        self.parts.append(INDENTS[self.depth] + text_element(name, attributes, text))

    def verbatim(self, xml: str) -> None:
        """Markup kept verbatim, as an element in a structural place."""
        self.parts.append(INDENTS[self.depth] + xml)

    def mark(self) -> int:
        """A place to fill later (``fill``) with what is written apart."""
        self.parts.append("")
        return len(self.parts) - 1

    def fill(self, mark: int, other: Out) -> None:
        self.parts[mark] = "".join(other.parts)


class Verbatim:
    """Markup kept verbatim (a foreign element): ``xml`` is what lxml writes for it inside an AKN
    document, where a declaration the document makes already (AKN as the default namespace) is not
    repeated; ``element`` the parsed element."""

    __slots__ = ("element", "xml")

    def __init__(self, xml: str) -> None:
        self.element = etree.fromstring(xml)
        holder = etree.Element(f"{{{AKN_NS}}}holder", nsmap={None: AKN_NS})  # type: ignore[dict-item]
        holder.append(self.element)
        text = etree.tostring(holder, encoding="unicode")
        self.xml = text[text.index(">") + 1 : text.rindex("</")]

    @property
    def local_name(self) -> str:
        return etree.QName(self.element).localname


# Characters XML 1.0 does not allow in a document: the control characters but tab, line feed and
# carriage return (found by deleting them from the bytes, much faster than a pattern over the whole
# text), U+FFFE and U+FFFF, and surrogates (which UTF-8 cannot encode).
_CONTROLS = bytes(code for code in range(32) if code not in (9, 10, 13))
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def declaration() -> str:
    """lxml's XML declaration; the root element's own line break follows it."""
    return "<?xml version='1.0' encoding='UTF-8'?>"


def finish(out: Out) -> bytes:
    """The document as UTF-8 bytes with a final newline; a character XML forbids is an error."""
    out.parts.append("\n")
    text = "".join(out.parts)
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # a surrogate
        data, allowed = b"", False
    else:
        allowed = len(data.translate(None, _CONTROLS)) == len(data) and (
            text.isascii() or ("\ufffe" not in text and "\uffff" not in text)
        )
    if not allowed:
        bad = _FORBIDDEN.search(text)
        if bad is not None:
            raise ModelError(f"the text holds U+{ord(bad[0]):04X}, a character XML does not allow")
    return data
