"""A light element tree for writing AKN, serialised to text by hand.

The writer builds the document as plain Python objects (``Node``: a tag, attributes, text, tail and
children, as lxml's elements have) and ``serialize`` turns them into the bytes lxml would write for
the same tree: the same escaping, ``<empty/>`` elements, namespace declarations where they were
given. Building lxml elements one by one cost most of the time of writing; this costs a fraction.
Markup kept verbatim (foreign content) is the one place lxml is used: it is parsed once and
serialised as lxml does. ``to_element`` gives an lxml tree by parsing the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from lxml import etree

from unres.akn._names import AKN_NS
from unres.errors import ModelError

__all__ = ["Node", "Raw", "serialize"]


class Node:
    """An element: ``tag`` is ``{namespace}name``; ``nsmap`` the namespaces declared on it."""

    __slots__ = ("attrib", "children", "nsmap", "tag", "tail", "text")

    def __init__(self, tag: str, attrib: dict[str, str] | None = None, nsmap: dict[str, str] | None = None):
        self.tag = tag
        self.attrib = attrib if attrib is not None else {}
        self.nsmap = nsmap
        self.text: str | None = None
        self.tail: str | None = None
        self.children: list[Node | Raw] = []

    def __len__(self) -> int:
        return len(self.children)

    def __getitem__(self, index: int) -> Node | Raw:
        return self.children[index]

    def __iter__(self) -> Iterator[Node | Raw]:
        return iter(self.children)

    def append(self, child: Node | Raw) -> None:
        self.children.append(child)

    def extend(self, children: Iterable[Node | Raw]) -> None:
        self.children.extend(children)


class Raw:
    """Markup kept verbatim: a foreign element, written as lxml writes it."""

    __slots__ = ("element", "tag", "tail", "xml")

    def __init__(self, xml: str) -> None:
        self.element = etree.fromstring(xml)
        self.tag = str(self.element.tag)
        # As lxml writes it inside an AKN document: a declaration the document makes already (the
        # AKN namespace as default) is not repeated on it.
        holder = etree.Element(f"{{{AKN_NS}}}holder", nsmap={None: AKN_NS})  # type: ignore[dict-item]
        holder.append(self.element)
        text = etree.tostring(holder, encoding="unicode")
        self.xml = text[text.index(">") + 1 : text.rindex("</")]
        self.tail: str | None = None

    def __len__(self) -> int:
        return 0

    def __iter__(self) -> Iterator[Node | Raw]:
        return iter(())


def _text(value: str) -> str:
    if "&" in value:
        value = value.replace("&", "&amp;")
    if "<" in value:
        value = value.replace("<", "&lt;")
    if ">" in value:
        value = value.replace(">", "&gt;")
    if "\r" in value:
        value = value.replace("\r", "&#13;")
    return value


def _attribute(value: str) -> str:
    value = _text(value)
    if '"' in value:
        value = value.replace('"', "&quot;")
    if "\n" in value:
        value = value.replace("\n", "&#10;")
    if "\t" in value:
        value = value.replace("\t", "&#9;")
    return value


def _structural(node: Node, opaque: frozenset[str]) -> bool:
    """Whether ``node`` holds elements only (white space between them is layout): it is indented."""
    if not node.children or node.tag in opaque or (node.text and not node.text.isspace()):
        return False
    return all(not child.tail or child.tail.isspace() for child in node.children)


def _write(
    node: Node, out: list[str], prefixes: dict[str, str], level: int, opaque: frozenset[str] | None
) -> None:
    """``node`` as XML; ``opaque`` None inside mixed content, where nothing is indented."""
    namespace, _, local = node.tag[1:].partition("}")
    if node.nsmap:
        prefixes = {**prefixes, **{uri: prefix or "" for prefix, uri in node.nsmap.items()}}
    prefix = prefixes[namespace]
    name = f"{prefix}:{local}" if prefix else local
    out.append("<" + name)
    if node.nsmap:
        for key, uri in node.nsmap.items():
            out.append(f' xmlns:{key}="{_attribute(uri)}"' if key else f' xmlns="{_attribute(uri)}"')
    for key, value in node.attrib.items():
        out.append(f' {key}="{_attribute(value)}"')
    children = node.children
    if node.text is None and not children:
        out.append("/>")
        return
    out.append(">")
    if opaque is not None and _structural(node, opaque):
        # Two spaces a level, as layout between the elements (what lxml's pretty print would add).
        inner = _INDENTS[level + 1] if level + 1 < len(_INDENTS) else "\n" + "  " * (level + 1)
        for child in children:
            out.append(inner)
            if isinstance(child, Raw):
                out.append(child.xml)
            else:
                _write(child, out, prefixes, level + 1, opaque)
        out.append(_INDENTS[level] if level < len(_INDENTS) else "\n" + "  " * level)
        out.append(f"</{name}>")
        return
    if node.text:
        out.append(_text(node.text))
    for child in children:
        if isinstance(child, Raw):
            out.append(child.xml)
        else:
            _write(child, out, prefixes, level + 1, None)
        if child.tail:
            out.append(_text(child.tail))
    out.append(f"</{name}>")


_INDENTS = tuple("\n" + "  " * level for level in range(32))


# Characters XML 1.0 does not allow in a document.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def serialize(root: Node, opaque: frozenset[str] = frozenset()) -> bytes:
    """The document as UTF-8 bytes with lxml's XML declaration and a final newline; elements that
    hold elements only are indented two spaces a level, except those named in ``opaque``."""
    out = ["<?xml version='1.0' encoding='UTF-8'?>\n"]
    _write(root, out, {AKN_NS: ""}, 0, opaque)
    out.append("\n")
    text = "".join(out)
    bad = _FORBIDDEN.search(text)
    if bad is not None:
        raise ModelError(f"the text holds U+{ord(bad[0]):04X}, a character XML does not allow")
    return text.encode("utf-8")
