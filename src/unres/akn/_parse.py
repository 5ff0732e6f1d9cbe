"""Safe XML parsing: no DTD, no entities, no network, bounded size and depth."""

from __future__ import annotations

from typing import Any

from lxml import etree

from unres._io import MAX_BYTES
from unres.errors import ParseError

Element = etree._Element

MAX_DEPTH = 256  # libxml2 refuses deeper nesting unless told otherwise (huge_tree), as here


def _has_doctype(data: bytes) -> bool:
    """Whether the prolog (declaration, comments, processing instructions) holds a DOCTYPE.

    Checked before libxml2 sees the document, so that no entity is ever declared; linear in the
    length of the prolog.
    """
    position = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    while True:
        while position < len(data) and data[position] in b" \t\r\n":
            position += 1
        if data.startswith(b"<!DOCTYPE", position):
            return True
        if data.startswith(b"<!--", position):
            end = data.find(b"-->", position + 4)
        elif data.startswith(b"<?", position):
            end = data.find(b"?>", position + 2)
        else:
            return False
        if end < 0:
            return False
        position = end + 3 if data.startswith(b"-->", end) else end + 2


def line_of(node: Any) -> int | None:
    """The source line of a node, as lxml records it."""
    line = node.sourceline
    return line if isinstance(line, int) else None


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=False,
        remove_pis=False,
    )


def parse_xml(data: bytes, source: str | None = None) -> Element:
    """Parse ``data`` safely and return the root element, or raise ``ParseError`` with the line."""
    if _has_doctype(data):
        raise ParseError("a DOCTYPE is not allowed (DTDs and entities are refused)", source=source, line=1)
    if len(data) > MAX_BYTES:
        raise ParseError(f"document is larger than {MAX_BYTES // (1024 * 1024)} MB", source=source)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as error:
        line, column = error.position if error.position else (None, None)
        message = (error.msg or "malformed XML").strip().splitlines()[0].split(", line ")[0].strip()
        if message.startswith("Excessive depth"):
            message = f"elements nested deeper than {MAX_DEPTH} levels"
        raise ParseError(f"malformed XML: {message}", source=source, line=line, column=column) from None
    docinfo: Any = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        raise ParseError("a DOCTYPE is not allowed (DTDs and entities are refused)", source=source, line=1)
    for sibling in (*root.itersiblings(preceding=True), *root.itersiblings()):
        if isinstance(sibling, etree._ProcessingInstruction):
            raise ParseError("processing instructions are not allowed", source=source, line=line_of(sibling))
    _check_nodes(root, source)
    return root


def _check_nodes(root: Element, source: str | None) -> None:
    """Refuse entity references, processing instructions and XInclude (libxml2 bounds the depth)."""
    for node in root.iter(etree.Entity, etree.ProcessingInstruction, "{http://www.w3.org/2001/XInclude}*"):
        if isinstance(node, etree._Entity):
            raise ParseError(
                f"entity reference &{node.name}; is not allowed", source=source, line=line_of(node)
            )
        if isinstance(node, etree._ProcessingInstruction):
            raise ParseError("processing instructions are not allowed", source=source, line=line_of(node))
        raise ParseError("XInclude is not allowed", source=source, line=line_of(node))
