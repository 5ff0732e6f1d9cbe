"""The HTML page: structure, links, ids equal to the AKN eIds, escaping."""

from __future__ import annotations

import attrs
import lxml.html
import pytest
from hypothesis import given

import unres
from unres import akn, html
from unres.model import OperativeParagraph, PreambularParagraph, Resolution
from unres.strategies import resolutions

from .conftest import EXAMPLES

EXAMPLE = akn.load(EXAMPLES / "A-RES-73-266.xml")


def _page(resolution: Resolution, **options: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(html.dumps(resolution, **options))


def test_every_paragraph_has_its_akn_eid_as_id() -> None:
    page = _page(EXAMPLE)
    eids = [eid for eid, _ in EXAMPLE.iter_paragraphs()]
    assert len(eids) == 15 + 6 + 4
    for eid in eids:
        (element,) = page.xpath("//*[@id=$eid]", eid=eid)
        assert element.tag in ("p", "li")
    # The same eIds as in the XML, such as the second point of the first paragraph.
    xml = akn.dumps(EXAMPLE).decode()
    assert 'eId="para_1__list_1__point_b"' in xml
    assert page.get_element_by_id("para_1__list_1__point_b").text_content().startswith("(b) To support")
    ids = page.xpath("//@id")
    assert len(ids) == len(set(ids))


def test_masthead_title_and_closing_line_as_printed() -> None:
    page = _page(EXAMPLE)
    assert page.get("lang") == "en"
    assert page.findtext(".//title") == f"A/RES/73/266 \u2014 {EXAMPLE.title}"
    masthead = page.find_class("masthead")[0].text_content()
    assert "United Nations" in masthead and "A/RES/73/266" in masthead and "General Assembly" in masthead
    assert "Seventy-third session" in page.find_class("session")[0].text_content()
    adopted = page.find_class("adopted")[0]
    assert adopted.text_content() == "Resolution adopted by the General Assembly on 22 December 2018"
    assert page.xpath("//h1")[0].text_content().startswith("73/266. Advancing responsible State behaviour")
    assert page.find_class("meeting")[0].text_content() == "65th plenary meeting22 December 2018"
    # Headings in order: one h1, nothing deeper than needed.
    assert [h.tag for h in page.xpath("//h1|//h2|//h3")] == ["h1", "h2"]


def test_opening_phrases_in_italics_and_numbers_apart() -> None:
    page = _page(EXAMPLE)
    first = page.get_element_by_id("preamble__container_1")
    assert first[0].tag == "i" and first[0].text == "Recalling"
    para = page.get_element_by_id("para_1")
    assert para.find_class("num")[0].text == "1."
    assert para.xpath("./i")[0].text == "Calls upon"
    assert para.getparent().tag == "ol"


def test_footnote_calls_link_to_the_notes_and_back() -> None:
    page = _page(EXAMPLE)
    calls = page.xpath("//sup[@class='call']/a")
    assert [a.get("href") for a in calls] == ["#note_1", "#note_2", "#note_3"] * 2
    assert [a.get("id") for a in calls][:4] == ["call_1_1", "call_2_1", "call_3_1", "call_1_2"]
    for marker in "123":
        note = page.get_element_by_id(f"note_{marker}")
        assert note.xpath(".//a[@class='back']")[0].get("href") == f"#call_{marker}_1"
    assert page.get_element_by_id("note_1").xpath(".//a")[0].get("href") == "https://undocs.org/A/65/201"


def test_references_link_to_their_iri_through_a_base_url() -> None:
    plain = _page(EXAMPLE).get_element_by_id("preamble__container_1").xpath(".//a")[0]
    assert plain.get("href") == "/akn/un/statement/deliberation/un-ga/1998-12-04/53-70"
    based = _page(EXAMPLE, base_url="https://example.org/").get_element_by_id("preamble__container_1")
    assert based.xpath(".//a")[0].get("href") == (
        "https://example.org/akn/un/statement/deliberation/un-ga/1998-12-04/53-70"
    )
    origin = _page(EXAMPLE).find_class("origin")[0].xpath(".//a")[0]
    assert origin.get("href") == "https://undocs.org/A/73/505"


def test_text_is_shown_never_executed() -> None:
    hostile = attrs.evolve(
        EXAMPLE,
        title='<script>alert("t")</script> & "quotes"',
        preamble=(PreambularParagraph(("<script>alert(1)</script> & <b>bold</b>",), "Noting"),),
        operative=(OperativeParagraph(1, ('x" onmouseover="alert(2)',), "Decides"),),
    )
    written = html.dumps(hostile)
    assert "<script" not in written and "&lt;script&gt;" in written
    page = _page(hostile)
    assert page.xpath("//h1")[0].text_content().endswith('<script>alert("t")</script> & "quotes"')
    shown = page.get_element_by_id("preamble__container_1").text_content()
    assert shown == "Noting <script>alert(1)</script> & <b>bold</b>"
    assert not page.xpath("//script|//*[@onmouseover]")
    assert page.get_element_by_id("para_1").text_content().endswith('x" onmouseover="alert(2)')


def test_the_page_is_self_contained() -> None:
    written = html.dumps(EXAMPLE)
    page = lxml.html.document_fromstring(written)
    assert not page.xpath("//script|//link|//img|//iframe")
    assert "@import" not in written and "url(" not in written
    assert page.xpath("//head/meta[@name='viewport']") and page.xpath("//head/style")


@given(resolutions(production=True))
def test_generated_resolutions_give_pages_with_every_part(resolution: Resolution) -> None:
    page = _page(resolution)
    ids = page.xpath("//@id")
    assert len(ids) == len(set(ids))
    for eid, _ in resolution.iter_paragraphs():
        assert page.get_element_by_id(eid) is not None
    for note in resolution.footnotes:
        assert page.get_element_by_id(f"note_{note.marker}") is not None
    assert not page.xpath("//script")


def test_html_is_written_not_read(tmp_path: object) -> None:
    with pytest.raises(unres.FormatError, match="unres writes HTML but does not read it"):
        unres.loads(b"<!DOCTYPE html><html></html>", "html")


def test_the_page_in_the_docs_is_what_unres_writes() -> None:
    shown = (EXAMPLES.parent / "docs" / "A-RES-73-266.html").read_text(encoding="utf-8")
    assert shown == html.dumps(EXAMPLE), "run python docs/screenshot.py"
