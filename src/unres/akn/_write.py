"""Write a ``Resolution`` as canonical AKN4UN XML (see docs/akn.md for the mapping): the document
as a whole, the parts of a resolution adopted in parts, and annexes.
"""

from __future__ import annotations

import attrs
from lxml import etree

from unres._text import words_for
from unres.akn._names import AKN_NS
from unres.akn._out import attribute, declaration, element, finish, text_element
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

_STATEMENT = ' name="resolution" contains="originalVersion"'


class _Writer(MastheadWriter):
    """One write of one resolution: the document, its parts and annexes."""

    def document(self) -> bytes:
        res = self.resolution
        out = self.out
        out.parts.append(declaration())
        out.open("akomaNtoso", f' xmlns="{AKN_NS}"')
        if res.parts:
            # A resolution in parts: one collection, each part a full statement in a component.
            out.open("documentCollection", ' name="resolution"')
        else:
            out.open("statement", _STATEMENT)
        meta = out.mark()  # written last: it names what the text refers to
        meta_level = out.depth
        self.cover_page()
        out.open("preface")
        if res.body is Body.SECURITY_COUNCIL:
            self.council_title()
        else:
            self.title_line()
        out.close()
        if res.parts:
            out.open("collectionBody")
            for part in res.parts:
                out.open("component", f' eId="{attribute(part_prefix(part).rstrip("_"))}"')
                self.part(part)
                out.close()
            out.close()
        else:
            self.statement_body(res.enacting_formula, res.preamble, res.operative, res.annexes, "", res)
        out.close()
        out.close()
        out.fill(meta, self.meta(meta_level))
        return finish(out)

    def title_line(self) -> None:
        """ "73/266. Title"; for one part of a resolution in parts, the whole resolution's titles
        and then the part's letter and title."""
        res = self.resolution
        words = words_for(res)
        if res.main_titles:
            whole = attrs.evolve(res.symbol, part=None)
            inner = text_element("docNumber", "", f"{words.number(whole.resolution_number)}.")
            for title in res.main_titles:
                inner += " " + text_element("docTitle", "", title)
            self.out.line("p", "", inner)
            inner = text_element("docNumber", "", words.part(res.symbol.part or "")) + " "
        else:
            inner = text_element("docNumber", "", f"{words.number(res.symbol.resolution_number)}.") + " "
        inner += text_element("docTitle", "", res.title)
        for marker in res.title_notes:
            inner += self.footnote_call(marker, "preface")
        self.out.line("p", "", inner)

    def statement_body(
        self,
        formula: Text,
        preamble: tuple[PreambularParagraph, ...],
        operative: tuple[OperativeItem, ...],
        annexes: tuple[Annex, ...],
        prefix: str,
        closing: Resolution | ResolutionPart,
    ) -> None:
        """Preamble, main body, closing line and annexes of the resolution or of one part."""
        out = self.out
        self.preamble(formula, preamble, prefix)
        if not operative:
            raise ModelError("a resolution needs at least one operative paragraph")
        out.open("mainBody")
        self.operative(operative, prefix)
        out.close()
        council = self.resolution.body is Body.SECURITY_COUNCIL  # its meeting is in the title lines
        if not council and (closing.meeting is not None or closing.closing_date is not None):
            self.conclusions(closing.meeting, closing.closing_date, prefix)
        if annexes:
            out.open("attachments")
            for number, annex in enumerate(annexes, start=1):
                self.annex(annex, number, prefix)
            out.close()

    def part(self, part: ResolutionPart) -> None:
        out = self.out
        prefix = part_prefix(part)
        out.open("statement", _STATEMENT)
        out.open("meta")
        self.identification(f"!{prefix.rstrip('_')}")
        if part.vote is not None or (part.meeting is not None and part.meeting.record is not None):
            self.workflow(None, part.vote, part.meeting, None, prefix)
        if isinstance(part.vote, RecordedVote):
            self.voting(part.vote, prefix)
        for block in _extension_blocks(part.extensions):
            out.verbatim(block.xml)
        out.close()
        out.open("preface")
        label = text_element("docNumber", "", words_for(self.resolution).part(part.label))
        out.line("p", "", f"{label} {text_element('docTitle', '', part.title)}")
        out.close()
        self.statement_body(part.enacting_formula, part.preamble, part.operative, part.annexes, prefix, part)
        out.close()

    def annex(self, annex: Annex, number: int, part: str = "") -> None:
        out = self.out
        prefix = f"{part}att_{number}"
        out.open("attachment", f' eId="{attribute(prefix)}"')
        out.open("doc", ' name="annex"')
        out.open("meta")
        self.identification(f"{part.replace('__', '_')}annex_{number}")
        out.close()
        if annex.label is not None or annex.heading:
            out.open("preface")
            if annex.label is not None:
                out.line("p", "", text_element("docNumber", "", annex.label))
            if annex.heading:
                heading = self.markup(annex.heading, f"{prefix}__preface")
                out.line("p", "", element("docTitle", "", heading))
            out.close()
        if not annex.content:
            raise ModelError(f"annex {number} has no paragraphs")
        out.open("mainBody")
        self.operative(annex.content, f"{prefix}__")
        out.close()
        out.close()
        out.close()


def to_element(resolution: Resolution) -> etree._Element:
    """The canonical AKN tree of ``resolution`` (lxml)."""
    return etree.fromstring(dumps(resolution))


def dumps(resolution: Resolution) -> bytes:
    """The canonical AKN4UN XML of ``resolution``, UTF-8 with an XML declaration."""
    return _Writer(resolution).document()


__all__ = ["dumps", "to_element"]
