"""Safe XML parsing: no DTD, no entities, no network, bounded size and depth."""

from __future__ import annotations

from typing import Any

from lxml import etree

from unres.errors import ParseError

Element = etree._Element

# Documents larger than this are refused before parsing (a resolution with its annexes is a few
# hundred kilobytes; the largest in the UN's archive are a few megabytes).
MAX_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 256


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
    if len(data) > MAX_BYTES:
        raise ParseError(f"document is larger than {MAX_BYTES // (1024 * 1024)} MB", source=source)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as error:
        line, column = error.position if error.position else (None, None)
        message = error.msg or "malformed XML"
        message = message.split(", line ")[0]
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
    """Refuse entity references, processing instructions and XInclude, and bound the depth."""
    stack: list[tuple[Element, int]] = [(root, 1)]
    while stack:
        element, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise ParseError(
                f"elements nested deeper than {MAX_DEPTH} levels", source=source, line=line_of(element)
            )
        for child in element:
            if isinstance(child, etree._Entity):
                raise ParseError(
                    f"entity reference &{child.name}; is not allowed", source=source, line=line_of(child)
                )
            if isinstance(child, etree._ProcessingInstruction):
                raise ParseError(
                    "processing instructions are not allowed", source=source, line=line_of(child)
                )
            if isinstance(child.tag, str) and child.tag.startswith("{http://www.w3.org/2001/XInclude}"):
                raise ParseError("XInclude is not allowed", source=source, line=line_of(child))
            stack.append((child, depth + 1))
