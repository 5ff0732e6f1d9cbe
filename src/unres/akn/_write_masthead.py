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
from unres.akn._write_body import Element, _sub
from unres.akn._write_meta import MetaWriter
from unres.model import (
    Body,
    Meeting,
)


class MastheadWriter(MetaWriter):
    """The masthead and the closing line of one resolution as AKN."""

    def cover_page(self, cover: Element) -> None:
        res = self.resolution
        words = words_for(res)
        _sub(_sub(cover, "p"), "docAuthority", {"refersTo": self.ref("un")}, words.united_nations)
        _sub(_sub(cover, "p"), "docNumber", {"refersTo": self.ref("symbol")}, masthead_symbol(res))
        _sub(_sub(cover, "p"), "docAuthority", {"refersTo": self.ref(res.body.actor)}, words.body(res))
        if res.distribution_date is not None:
            _sub(_sub(cover, "p"), "docStatus", text=words.distribution)
            date = res.distribution_date
            attrib = {"date": date.isoformat(), "refersTo": self.ref("distributionDate")}
            _sub(_sub(cover, "p"), "docDate", attrib, words.distribution_date(date))
        if res.session is not None:
            session = {"value": res.session, "refersTo": self.ref("session")}
            _sub(_sub(cover, "p"), "session", session, words.session(res.session))
        for numbers, agenda_title in agenda_lines(res.agenda_items, words):
            line = _sub(cover, "p")
            if numbers:
                _sub(line, "inline", {"name": "agendaItem", "refersTo": self.ref("agendaItem")}, numbers)
            if agenda_title is not None:
                if numbers:
                    line[-1].tail = " "
                _sub(line, "inline", {"name": "agendaItemTitle"}, agenda_title)
        if res.body is Body.GENERAL_ASSEMBLY:
            before, date_words, after = words.adopted(res)
            title = _sub(_sub(cover, "p"), "docTitle", text=before)
            attrib = {"date": res.adoption_date.isoformat(), "refersTo": self.ref("adoptionDate")}
            _sub(title, "docDate", attrib, date_words).tail = after or None
        if res.origin is not None:
            line = _sub(cover, "p")
            before, committee, between, document, after = words.origin(res.origin)
            line.text = before
            if committee is not None:
                _sub(line, "docProponent", text=committee).tail = between
            # The report is read back from the words; the link goes to the document itself.
            _sub(line, "ref", {"href": document_link(res.origin.document)}, document).tail = after

    def council_title(self, preface: Element) -> None:
        """The Security Council's title lines: "Resolution 1441 (2002)" (and a title, when the
        resolution has one), "Adopted by the Security Council at its 4644th meeting, on 8 November
        2002"."""
        res = self.resolution
        line = _sub(preface, "p")
        _sub(line, "docNumber", text=f"Resolution {res.symbol.resolution_number}")
        if res.title:
            line[-1].tail = " "
            _sub(line, "docTitle", text=res.title)
        for marker in res.title_notes:
            self.footnote_call(line, marker, "preface")
        adopted = _sub(_sub(preface, "p"), "docTitle", text="Adopted by the Security Council ")
        meeting = res.meeting
        if meeting is not None:
            adopted.text = "Adopted by the Security Council at its "
            _sub(adopted, "event", {"refersTo": self.ref("meeting")}, str(meeting)).tail = ", on "
        else:
            adopted.text = "Adopted by the Security Council on "
        printed = meeting.date if meeting is not None and meeting.date is not None else res.adoption_date
        attrib = {"date": res.adoption_date.isoformat(), "refersTo": self.ref("adoptionDate")}
        date = _sub(adopted, "docDate", attrib, format_date(printed))
        if meeting is not None and meeting.place is not None:
            date.tail = f" in {meeting.place}"

    def conclusions(
        self, conclusions: Element, meeting: Meeting | None, closing_date: dt.date | None, prefix: str
    ) -> None:
        container_id = f"{prefix}conclusions__container_1"
        container = _sub(conclusions, "container", {"name": "conclusion", "eId": container_id})
        line = _sub(container, "p")
        words = words_for(self.resolution)
        date = closing_date or self.resolution.adoption_date
        if meeting is not None:
            _sub(line, "event", {"refersTo": self.ref("plenaryMeeting")}, words.meeting(meeting))
            _sub(line, "eol")
            date = meeting.date or date
        attrib = {"date": date.isoformat(), "refersTo": self.ref("adoptionDate")}
        printed = _sub(line, "docDate", attrib, words.date(date))
        if meeting is not None and meeting.place is not None:
            printed.tail = f" in {meeting.place}"
