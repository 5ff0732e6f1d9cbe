"""Write a ``Resolution`` as canonical AKN4UN XML (see docs/akn.md for the mapping): the document
as a whole, the parts of a resolution adopted in parts, and annexes.
"""

from __future__ import annotations

import attrs
from lxml import etree

from unres._text import words_for
from unres.akn._names import AKN_NS, A
from unres.akn._tree import Node, serialize
from unres.akn._write_body import Element, _sub
from unres.akn._write_masthead import MastheadWriter
from unres.akn._write_meta import _extension_blocks
from unres.errors import ModelError
from unres.model import (
    Annex,
    Body,
    OperativeItem,
    PreambularParagraph,
    RecordedVote,
    Resolution,
    ResolutionPart,
    Text,
    part_prefix,
)

# Elements never indented inside: mixed text, and foreign metadata kept verbatim (elements with
# text or tails of their own between their children are not indented either).
_OPAQUE = frozenset(
    A + tag
    for tag in (
        "p",
        "num",
        "heading",
        "subheading",
        "crossHeading",
        "docTitle",
        "docNumber",
        "proprietary",
        "presentation",
    )
)


class _Writer(MastheadWriter):
    """One write of one resolution: the document, its parts and annexes."""

    def document(self) -> Element:
        res = self.resolution
        root = Node(A + "akomaNtoso", nsmap={"": AKN_NS})
        if res.parts:
            # A resolution in parts: one collection, each part a full statement in a component.
            document = _sub(root, "documentCollection", {"name": "resolution"})
        else:
            document = _sub(root, "statement", {"name": "resolution", "contains": "originalVersion"})
        meta = _sub(document, "meta")
        self.cover_page(_sub(document, "coverPage"))
        preface = _sub(document, "preface")
        if res.body is Body.SECURITY_COUNCIL:
            self.council_title(preface)
        else:
            self.title_line(preface)
        if res.parts:
            body = _sub(document, "collectionBody")
            for part in res.parts:
                self.part(_sub(body, "component", {"eId": part_prefix(part).rstrip("_")}), part)
        else:
            self.statement_body(
                document, res.enacting_formula, res.preamble, res.operative, res.annexes, "", res
            )
        self.meta(meta)
        return root

    def title_line(self, preface: Element) -> None:
        """ "73/266. Title"; for one part of a resolution in parts, the whole resolution's titles
        and then the part's letter and title."""
        res = self.resolution
        words = words_for(res)
        line = _sub(preface, "p")
        if res.main_titles:
            whole = attrs.evolve(res.symbol, part=None)
            _sub(line, "docNumber", text=f"{words.number(whole.resolution_number)}.")
            for title in res.main_titles:
                line[-1].tail = " "
                _sub(line, "docTitle", text=title)
            line = _sub(preface, "p")
            _sub(line, "docNumber", text=words.part(res.symbol.part or "")).tail = " "
        else:
            _sub(line, "docNumber", text=f"{words.number(res.symbol.resolution_number)}.").tail = " "
        _sub(line, "docTitle", text=res.title)
        for marker in res.title_notes:
            self.footnote_call(line, marker, "preface")

    def statement_body(
        self,
        statement: Element,
        formula: Text,
        preamble: tuple[PreambularParagraph, ...],
        operative: tuple[OperativeItem, ...],
        annexes: tuple[Annex, ...],
        prefix: str,
        closing: Resolution | ResolutionPart,
    ) -> None:
        """Preamble, main body, closing line and annexes of the resolution or of one part."""
        self.preamble(_sub(statement, "preamble"), formula, preamble, prefix)
        body = _sub(statement, "mainBody")
        if not operative:
            raise ModelError("a resolution needs at least one operative paragraph")
        self.operative(body, operative, prefix)
        council = self.resolution.body is Body.SECURITY_COUNCIL  # its meeting is in the title lines
        if not council and (closing.meeting is not None or closing.closing_date is not None):
            self.conclusions(_sub(statement, "conclusions"), closing.meeting, closing.closing_date, prefix)
        if annexes:
            attachments = _sub(statement, "attachments")
            for number, annex in enumerate(annexes, start=1):
                self.annex(attachments, annex, number, prefix)

    def part(self, component: Element, part: ResolutionPart) -> None:
        prefix = part_prefix(part)
        statement = _sub(component, "statement", {"name": "resolution", "contains": "originalVersion"})
        meta = _sub(statement, "meta")
        self.identification(meta, f"!{prefix.rstrip('_')}")
        if part.vote is not None or (part.meeting is not None and part.meeting.record is not None):
            self.workflow(
                _sub(meta, "workflow", {"source": self.ref("un")}),
                None,
                part.vote,
                part.meeting,
                None,
                prefix,
            )
        if isinstance(part.vote, RecordedVote):
            self.voting(meta, part.vote, prefix)
        meta.extend(_extension_blocks(part.extensions))
        preface = _sub(_sub(statement, "preface"), "p")
        _sub(preface, "docNumber", text=words_for(self.resolution).part(part.label)).tail = " "
        _sub(preface, "docTitle", text=part.title)
        self.statement_body(
            statement, part.enacting_formula, part.preamble, part.operative, part.annexes, prefix, part
        )

    def annex(self, attachments: Element, annex: Annex, number: int, part: str = "") -> None:
        prefix = f"{part}att_{number}"
        doc = _sub(_sub(attachments, "attachment", {"eId": prefix}), "doc", {"name": "annex"})
        self.identification(_sub(doc, "meta"), f"{part.replace('__', '_')}annex_{number}")
        if annex.label is not None or annex.heading:
            preface = _sub(doc, "preface")
            if annex.label is not None:
                _sub(_sub(preface, "p"), "docNumber", text=annex.label)
            if annex.heading:
                self.text(_sub(_sub(preface, "p"), "docTitle"), annex.heading, f"{prefix}__preface")
        body = _sub(doc, "mainBody")
        if not annex.content:
            raise ModelError(f"annex {number} has no paragraphs")
        self.operative(body, annex.content, f"{prefix}__")


def to_element(resolution: Resolution) -> etree._Element:
    """The canonical AKN tree of ``resolution`` (lxml)."""
    return etree.fromstring(dumps(resolution))


def dumps(resolution: Resolution) -> bytes:
    """The canonical AKN4UN XML of ``resolution``, UTF-8 with an XML declaration."""
    return serialize(_Writer(resolution).document(), _OPAQUE)


__all__ = ["dumps", "to_element"]
