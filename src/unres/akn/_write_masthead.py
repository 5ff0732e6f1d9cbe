"""Writing the masthead and the closing line of a resolution as canonical AKN."""

from __future__ import annotations

import datetime as dt

from unres._text import (
    adopted_line,
    agenda_lines,
    document_link,
    format_date,
    masthead_symbol,
)
from unres.akn._write_body import Element, _sub
from unres.akn._write_meta import MetaWriter
from unres.model import (
    Body,
    Meeting,
    session_title,
)


class MastheadWriter(MetaWriter):
    """The masthead and the closing line of one resolution as AKN."""

    def cover_page(self, cover: Element) -> None:
        res = self.resolution
        _sub(_sub(cover, "p"), "docAuthority", {"refersTo": self.ref("un")}, "United Nations")
        _sub(_sub(cover, "p"), "docNumber", {"refersTo": self.ref("symbol")}, masthead_symbol(res))
        _sub(_sub(cover, "p"), "docAuthority", {"refersTo": self.ref(res.body.actor)}, res.body.title)
        if res.distribution_date is not None:
            _sub(_sub(cover, "p"), "docStatus", text="Distr.: General")
            date = res.distribution_date
            attrib = {"date": date.isoformat(), "refersTo": self.ref("distributionDate")}
            _sub(_sub(cover, "p"), "docDate", attrib, format_date(date))
        if res.session is not None:
            session = {"value": res.session, "refersTo": self.ref("session")}
            _sub(_sub(cover, "p"), "session", session, session_title(res.session))
        for numbers, agenda_title in agenda_lines(res.agenda_items):
            line = _sub(cover, "p")
            if numbers:
                _sub(line, "inline", {"name": "agendaItem", "refersTo": self.ref("agendaItem")}, numbers)
            if agenda_title is not None:
                if numbers:
                    line[-1].tail = " "
                _sub(line, "inline", {"name": "agendaItemTitle"}, agenda_title)
        if res.body is Body.GENERAL_ASSEMBLY:
            title = _sub(_sub(cover, "p"), "docTitle", text=f"{adopted_line(res)} ")
            attrib = {"date": res.adoption_date.isoformat(), "refersTo": self.ref("adoptionDate")}
            _sub(title, "docDate", attrib, format_date(res.adoption_date))
        if res.origin is not None:
            line = _sub(cover, "p")
            if res.origin.committee is None:
                line.text = "[without reference to a Main Committee ("
            else:
                line.text = "[on the report of the "
                _sub(line, "docProponent", text=res.origin.committee).tail = " ("
            document = res.origin.document
            # The report is read back from the words; the link goes to the document itself.
            paragraph = "" if res.origin.paragraph is None else f", para. {res.origin.paragraph}"
            _sub(line, "ref", {"href": document_link(document)}, document).tail = f"{paragraph})]"

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
        date = closing_date or self.resolution.adoption_date
        if meeting is not None:
            _sub(line, "event", {"refersTo": self.ref("plenaryMeeting")}, str(meeting))
            _sub(line, "eol")
            date = meeting.date or date
        attrib = {"date": date.isoformat(), "refersTo": self.ref("adoptionDate")}
        printed = _sub(line, "docDate", attrib, format_date(date))
        if meeting is not None and meeting.place is not None:
            printed.tail = f" in {meeting.place}"
