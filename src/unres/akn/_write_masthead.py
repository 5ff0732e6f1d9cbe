"""Writing the masthead and the closing line of a resolution as canonical AKN."""

from __future__ import annotations

import datetime as dt

from unres._text import (
    agenda_lines,
    document_link,
    format_date,
    masthead_symbol,
    words_for,
)
from unres.akn._out import attribute, element, escape, text_element
from unres.akn._write_meta import MetaWriter
from unres.model import (
    Body,
    Meeting,
)


class MastheadWriter(MetaWriter):
    """The masthead and the closing line of one resolution as AKN."""

    def cover_page(self) -> None:
        out = self.out
        res = self.resolution
        words = words_for(res)
        out.open("coverPage")

        def line(name: str, attributes: str, text: str) -> None:
            out.line("p", "", text_element(name, attributes, text))

        line("docAuthority", f' refersTo="{self.ref("un")}"', words.united_nations)
        line("docNumber", f' refersTo="{self.ref("symbol")}"', masthead_symbol(res))
        line("docAuthority", f' refersTo="{self.ref(res.body.actor)}"', words.body(res))
        if res.distribution_date is not None:
            line("docStatus", "", words.distribution)
            date = res.distribution_date
            attributes = f' date="{date.isoformat()}" refersTo="{self.ref("distributionDate")}"'
            line("docDate", attributes, words.distribution_date(date))
        if res.session is not None:
            attributes = f' value="{attribute(res.session)}" refersTo="{self.ref("session")}"'
            line("session", attributes, words.session(res.session))
        for numbers, agenda_title in agenda_lines(res.agenda_items, words):
            inner = ""
            if numbers:
                attributes = f' name="agendaItem" refersTo="{self.ref("agendaItem")}"'
                inner = text_element("inline", attributes, numbers)
            if agenda_title is not None:
                if numbers:
                    inner += " "
                inner += text_element("inline", ' name="agendaItemTitle"', agenda_title)
            out.line("p", "", inner)
        if res.body is Body.GENERAL_ASSEMBLY:
            before, date_words, after = words.adopted(res)
            attributes = f' date="{res.adoption_date.isoformat()}" refersTo="{self.ref("adoptionDate")}"'
            inner = escape(before) + text_element("docDate", attributes, date_words) + escape(after or "")
            out.line("p", "", element("docTitle", "", inner))
        if res.origin is not None:
            before, committee, between, document, after = words.origin(res.origin)
            inner = escape(before or "")
            if committee is not None:
                inner += text_element("docProponent", "", committee) + escape(between or "")
            # The report is read back from the words; the link goes to the document itself.
            link = f' href="{attribute(document_link(res.origin.document))}"'
            inner += text_element("ref", link, document) + escape(after or "")
            out.line("p", "", inner)
        out.close()

    def council_title(self) -> None:
        """The Security Council's title lines: "Resolution 1441 (2002)" (and a title, when the
        resolution has one), "Adopted by the Security Council at its 4644th meeting, on 8 November
        2002"."""
        out = self.out
        res = self.resolution
        inner = text_element("docNumber", "", f"Resolution {res.symbol.resolution_number}")
        if res.title:
            inner += " " + text_element("docTitle", "", res.title)
        for marker in res.title_notes:
            inner += self.footnote_call(marker, "preface")
        out.line("p", "", inner)
        meeting = res.meeting
        if meeting is not None:
            adopted = "Adopted by the Security Council at its "
            adopted += text_element("event", f' refersTo="{self.ref("meeting")}"', str(meeting)) + ", on "
        else:
            adopted = "Adopted by the Security Council on "
        printed = meeting.date if meeting is not None and meeting.date is not None else res.adoption_date
        attributes = f' date="{res.adoption_date.isoformat()}" refersTo="{self.ref("adoptionDate")}"'
        adopted += text_element("docDate", attributes, format_date(printed))
        if meeting is not None and meeting.place is not None:
            adopted += escape(f" in {meeting.place}")
        out.line("p", "", element("docTitle", "", adopted))

    def conclusions(self, meeting: Meeting | None, closing_date: dt.date | None, prefix: str) -> None:
        out = self.out
        out.open("conclusions")
        container_id = f"{prefix}conclusions__container_1"
        out.open("container", f' name="conclusion" eId="{attribute(container_id)}"')
        words = words_for(self.resolution)
        date = closing_date or self.resolution.adoption_date
        inner = ""
        if meeting is not None:
            attributes = f' refersTo="{self.ref("plenaryMeeting")}"'
            inner = text_element("event", attributes, words.meeting(meeting)) + "<eol/>"
            date = meeting.date or date
        attributes = f' date="{date.isoformat()}" refersTo="{self.ref("adoptionDate")}"'
        inner += text_element("docDate", attributes, words.date(date))
        if meeting is not None and meeting.place is not None:
            inner += escape(f" in {meeting.place}")
        out.line("p", "", inner)
        out.close()
        out.close()
