"""Akoma Ntoso reading and writing: the shared examples, hand-built and generated models."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from lxml import etree

import unres
from unres import akn
from unres.model import check_tree
from unres.strategies import resolutions
from unres.validation import validate_bytes

from .conftest import EXAMPLES, c14n, shared_file

PRODUCTION = ("examples", "A-RES-79-275.un-production-trimmed.xml")
TEMPLATE = ("examples", "template-ga-resolution.xml")


def assert_valid(data: bytes, *schemas: etree.XMLSchema) -> None:
    root = etree.fromstring(data)
    for schema in schemas:
        assert schema.validate(root), schema.error_log


# -- the example shipped with the project -------------------------------------------------------


def test_hand_marked_73_266_reads_and_writes_back_byte_for_byte() -> None:
    source = (EXAMPLES / "A-RES-73-266.xml").read_bytes()
    resolution = akn.loads(source)
    assert akn.dumps(resolution) == source


def test_hand_marked_73_266_has_the_parts_of_the_resolution() -> None:
    res = akn.load(EXAMPLES / "A-RES-73-266.xml")
    assert str(res.symbol) == "A/RES/73/266"
    assert res.adoption_date == dt.date(2018, 12, 22)
    assert res.agenda_items == (unres.AgendaItem(96),)
    assert res.origin == unres.Origin("A/73/505", "First Committee")
    assert len(res.preamble) == 15
    assert [p.opening for p in res.preamble[11:14]] == ["Confirming", "Confirming also", "Confirming further"]
    assert [p.number for p in res.operative] == [1, 2, 3, 4, 5, 6]  # type: ignore[union-attr]
    first = res.operative[0]
    assert isinstance(first, unres.OperativeParagraph)
    assert first.opening == "Calls upon" and [s.label for s in first.subparagraphs] == ["a", "b"]
    assert [(n.marker, unres.plain_text(n.text)) for n in res.footnotes] == [
        ("1", "A/65/201."),
        ("2", "A/68/98."),
        ("3", "A/70/174."),
    ]
    assert [c.marker for c in res.footnote_calls()] == ["1", "2", "3", "1", "2", "3"]
    cited = res.cited_documents()
    # 19 resolutions and 1 decision in the first preambular paragraph, then the 3 footnotes' reports.
    assert len(cited) == 23
    assert cited[0].href == "/akn/un/statement/deliberation/un-ga/1998-12-04/53-70"
    assert cited[19].content == ("72/512",)
    reports = ("A/65/201", "A/68/98", "A/70/174")
    assert [c.href for c in cited[20:]] == [f"https://undocs.org/{s}" for s in reports]
    assert res.meeting == unres.Meeting(65)


def test_hand_marked_73_266_is_valid_under_both_schemas(
    oasis_schema: etree.XMLSchema, profile_schema: etree.XMLSchema
) -> None:
    assert_valid((EXAMPLES / "A-RES-73-266.xml").read_bytes(), oasis_schema, profile_schema)


# -- the UN's own production file ----------------------------------------------------------------


def test_un_production_file_is_read_with_its_facts() -> None:
    res = akn.load(shared_file(*PRODUCTION))
    assert str(res.symbol) == "A/RES/79/275"
    assert res.title.startswith("The role of diamonds in fuelling conflict: breaking the link")
    assert (res.adoption_date, res.distribution_date, res.markup_date) == (
        dt.date(2025, 3, 25),
        dt.date(2025, 3, 27),
        dt.date(2025, 12, 10),
    )
    assert res.agenda_items == (unres.AgendaItem(31, None, "The role of diamonds in fuelling conflict"),)
    assert [p.opening for p in res.preamble] == ["Recognizing", "Noting"]
    assert res.preamble[0].text[0].startswith("the harm of conflict diamonds")  # type: ignore[union-attr]
    assert [(p.number, p.opening) for p in res.operative] == [  # type: ignore[union-attr]
        (1, "Recognizes"),
        (2, "Recalls"),
        (3, "Requests"),
    ]
    second = res.operative[1]
    assert isinstance(second, unres.OperativeParagraph)
    assert [s.label for s in second.subparagraphs] == ["a", "b"]
    assert res.vote == unres.AdoptedWithoutVote()
    assert res.draft == unres.WorkflowDocument("A/79/L.63", dt.date(2025, 3, 11), "Multiple Member States")
    assert res.meeting == unres.Meeting(62, "plenary", "A/79/PV.62")
    assert [k.value for k in res.keywords] == ["Kimberley Process", "CONFLICT DIAMONDS", "31"]
    assert len(res.extensions) == 1 and "25-04962 (E)" in res.extensions[0].xml


def test_un_production_file_is_valid_under_the_profile(profile_schema: etree.XMLSchema) -> None:
    assert_valid(shared_file(*PRODUCTION).read_bytes(), profile_schema)


def test_un_production_file_canonicalises_to_a_valid_stable_document(
    oasis_schema: etree.XMLSchema, profile_schema: etree.XMLSchema
) -> None:
    res = akn.load(shared_file(*PRODUCTION))
    canonical = akn.dumps(res)
    assert_valid(canonical, oasis_schema, profile_schema)
    again = akn.loads(canonical)
    assert again == res
    assert c14n(akn.dumps(again)) == c14n(canonical)
    # The presentation block the model does not interpret is carried over unchanged.
    original = etree.parse(str(shared_file(*PRODUCTION)))
    kept = etree.fromstring(canonical).find(".//{*}presentation")
    assert kept is not None
    before = original.find(".//{*}presentation")
    assert before is not None
    assert etree.tostring(kept, method="c14n", exclusive=True) == etree.tostring(
        before, method="c14n", exclusive=True
    )


# -- the constructed template ----------------------------------------------------------------


def test_template_is_read_with_its_facts() -> None:
    res = akn.load(shared_file(*TEMPLATE))
    assert str(res.symbol) == "A/RES/79/999"
    assert res.origin == unres.Origin("A/79/999", "Third Committee")
    assert res.agenda_items == (unres.AgendaItem(71),)
    assert res.vote == unres.RecordedVote(120, 10, 40)
    assert res.draft == unres.WorkflowDocument("A/C.3/79/L.99", dt.date(2024, 11, 1))
    assert res.meeting == unres.Meeting(50)
    (note,) = res.footnotes
    assert note.marker == "1"
    assert note.text == (unres.Reference("/akn/un/doc/report/un-sg/2024-08-01/A-79-998", ("A/79/998",)), ".")
    assert res.preamble[1].opening == "Taking note"
    assert res.preamble[1].text[-1] == unres.FootnoteCall("1")


def test_template_canonicalises_to_a_valid_stable_document(
    oasis_schema: etree.XMLSchema, profile_schema: etree.XMLSchema
) -> None:
    assert_valid(shared_file(*TEMPLATE).read_bytes(), profile_schema)
    canonical = akn.dumps(akn.load(shared_file(*TEMPLATE)))
    assert_valid(canonical, oasis_schema, profile_schema)
    assert akn.dumps(akn.loads(canonical)) == canonical


# -- generated models ------------------------------------------------------------------------


@given(resolutions(production=True))
def test_any_model_writes_valid_akn_and_reads_back_equal(
    oasis_schema: etree.XMLSchema, profile_schema: etree.XMLSchema, resolution: unres.Resolution
) -> None:
    written = akn.dumps(resolution)
    assert_valid(written, oasis_schema, profile_schema)
    again = akn.loads(written)
    assert again == resolution
    check_tree(again)  # the reader builds without the public constructor: the same objects it would
    assert akn.dumps(again) == written


def test_writing_is_deterministic() -> None:
    res = akn.load(EXAMPLES / "A-RES-73-266.xml")
    assert akn.dumps(res) == akn.dumps(akn.load(EXAMPLES / "A-RES-73-266.xml"))


def test_every_model_feature_survives_a_round_trip(
    oasis_schema: etree.XMLSchema, profile_schema: etree.XMLSchema
) -> None:
    call = unres.FootnoteCall
    res = unres.Resolution(
        symbol=unres.Symbol.parse("A/RES/ES-10/21"),
        title="Illegal actions & “measures” <in> the Territory",
        adoption_date=dt.date(2018, 6, 13),
        distribution_date=dt.date(2018, 6, 20),
        markup_date=dt.date(2024, 1, 2),
        language="fra",
        agenda_items=[unres.AgendaItem(5), unres.AgendaItem(90, "b", "General and complete disarmament")],
        origin=unres.Origin("A/ES-10/L.23"),
        enacting_formula=(unres.Emphasis(("The General Assembly,",)),),
        preamble=[
            unres.PreambularParagraph(
                (
                    "its resolution ",
                    unres.Reference("/akn/un/statement/deliberation/un-ga/1998-12-04/53-70", ("53/70",)),
                    " of ",
                    unres.Date(dt.date(1998, 12, 4), "4 December 1998"),
                    ",",
                    call("1"),
                ),
                "Recalling",
            ),
            unres.PreambularParagraph((", in this regard, the report,",), "Noting"),
            unres.PreambularParagraph(("Bearing in mind",)),
        ],
        operative=[
            unres.Section(
                "I",
                ("General ", unres.Emphasis(("matters",), unres.Style.BOLD)),
                [
                    unres.PreambularParagraph(("the Charter,",), "Guided by"),
                ],
                [
                    unres.OperativeParagraph(
                        1,
                        ("the following:",),
                        "Decides",
                        [
                            unres.SubParagraph("a", ("To act", call("2"), ";")),
                            unres.SubParagraph(
                                "b",
                                ("To report:",),
                                [
                                    unres.SubParagraph("i", ("on ", unres.Quotation(("“item”",)), ";")),
                                    unres.SubParagraph(
                                        "ii", ("on x", unres.Emphasis(("2",), unres.Style.SUPERSCRIPT))
                                    ),
                                ],
                                (", and also",),
                            ),
                        ],
                        ("and to continue;",),
                    ),
                ],
            ),
            unres.Section("II", (), [], [unres.OperativeParagraph(1, ("seized of the matter.",), "Remains")]),
        ],
        footnotes=[
            unres.Footnote("1", ("A/65/201.",)),
            unres.Footnote("2", ("See ", call("1"), ".")),
            unres.Footnote("3", ("Never called.",)),
        ],
        annexes=[
            unres.Annex("Annex I", ("Declaration", call("3")), [unres.OperativeParagraph(None, ("We,",))])
        ],
        meeting=unres.Meeting(37, "plenary", "A/ES-10/PV.37"),
        vote=unres.RecordedVote(120, 8, 45),
        draft=unres.WorkflowDocument("A/ES-10/L.23", dt.date(2018, 6, 11)),
        keywords=[
            unres.Keyword(
                "HUMAN RIGHTS",
                "Human rights",
                "UNBIS Thesaurus",
                "http://metadata.un.org/t/1",
                "HR",
                "#agendaItem",
            )
        ],
    )
    written = akn.dumps(res)
    assert_valid(written, oasis_schema, profile_schema)
    assert akn.loads(written) == res
    text = written.decode()
    assert (
        '<authorialNote eId="preamble__container_1__authorialNote_1" marker="1" placement="bottom">' in text
    )
    assert '<noteRef href="#preamble__container_1__authorialNote_1" marker="1"/>' in text
    assert "<p><i>Noting</i>, in this regard, the report,</p>" in text
    assert '<point eId="sec_I__para_1__list_1__point_b__list_1__point_ii">' in text


# -- what the model cannot hold ----------------------------------------------------------------


def _with_paragraph_content(inner: str) -> bytes:
    source = (EXAMPLES / "A-RES-73-266.xml").read_text(encoding="utf-8")
    marker = "<p><i>Requests</i> the Chair"
    assert marker in source
    return source.replace(marker, f"<p>{inner}<i>Requests</i> the Chair").encode()


def test_unknown_inline_element_is_an_error_naming_element_and_line() -> None:
    data = _with_paragraph_content('<abbr title="x">UN</abbr> ')
    with pytest.raises(unres.UnsupportedContentError) as caught:
        akn.loads(data, source="doc.xml")
    message = str(caught.value)
    line = next(n for n, text in enumerate(data.decode().splitlines(), 1) if "<abbr" in text)
    assert message.startswith(f"doc.xml:{line}:")
    assert "<abbr> inside <p> is not supported" in message


def test_unknown_inline_element_can_be_kept_and_written_back_unchanged() -> None:
    data = _with_paragraph_content('<abbr title="United Nations">UN</abbr> ')
    res = akn.loads(data, keep_unknown=True)
    para = res.operative[4]
    assert isinstance(para, unres.OperativeParagraph)
    assert para.text[0] == unres.Foreign(
        '<abbr xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0" title="United Nations">UN</abbr>'
    )
    assert c14n(akn.dumps(res)) == c14n(data)


def test_unknown_structure_is_an_error_naming_element_and_line() -> None:
    source = (EXAMPLES / "A-RES-73-266.xml").read_text(encoding="utf-8")
    data = source.replace("<mainBody>", '<mainBody><chapter eId="chp_1"><num>1</num></chapter>').encode()
    with pytest.raises(unres.UnsupportedContentError, match=r"^doc\.xml:\d+: <chapter> inside <mainBody>"):
        akn.loads(data, source="doc.xml")


def test_formatting_of_the_whole_title_is_presentation_and_of_some_words_an_error() -> None:
    source = shared_file(*PRODUCTION).read_text(encoding="utf-8")
    title = "The role of diamonds in fuelling conflict"
    assert f'<span class="bold">{title}' in source  # the UN's file bolds the whole title
    assert akn.loads(source.encode()).title.startswith(title)
    line = source[: source.index(f'<span class="bold">{title}')].count("\n") + 1
    partial = source.replace(
        f'<span class="bold">{title}',
        'The <span class="bold">role</span>' + title.removeprefix("The role"),
        1,
    )
    partial = partial.replace("armed conflict</span>", "armed conflict", 1)
    with pytest.raises(
        unres.UnsupportedContentError, match=rf"^doc\.xml:{line}: <span> on some words of <docTitle>"
    ):
        akn.loads(partial.encode(), source="doc.xml")


def test_text_outside_a_paragraph_is_an_error() -> None:
    source = (EXAMPLES / "A-RES-73-266.xml").read_text(encoding="utf-8")
    data = source.replace("<num>3.</num>", "<num>3.</num>stray words").encode()
    with pytest.raises(unres.UnsupportedContentError, match="'stray words' directly inside <paragraph>"):
        akn.loads(data)


def test_profile_is_stricter_than_akoma_ntoso(
    oasis_schema: etree.XMLSchema, profile_schema: etree.XMLSchema
) -> None:
    source = (EXAMPLES / "A-RES-73-266.xml").read_text(encoding="utf-8")
    chapter = (
        '<chapter eId="chp_1"><num>1</num><paragraph eId="chp_1__para_1"><content><p>x</p></content>'
        "</paragraph></chapter></mainBody>"
    )
    loose_preamble = "<preamble><p>A stray paragraph.</p>"
    for changed in (source.replace("</mainBody>", chapter), source.replace("<preamble>", loose_preamble)):
        root = etree.fromstring(changed.encode())
        assert oasis_schema.validate(root), oasis_schema.error_log
        assert not profile_schema.validate(root)


# -- unsafe or broken XML -------------------------------------------------------------------


def test_malformed_xml_reports_file_and_line() -> None:
    with pytest.raises(unres.ParseError, match=r"^bad\.xml:3:\d+: malformed XML"):
        akn.loads(b"<akomaNtoso>\n<statement>\n</akomaNtoso>", source="bad.xml")


@pytest.mark.parametrize(
    "document",
    [
        b'<?xml version="1.0"?>\n<!DOCTYPE a [<!ENTITY x "xx"><!ENTITY y "&x;&x;&x;&x;">]><a>&y;</a>',
        b'<?xml version="1.0"?>\n<!DOCTYPE a [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><a>&xxe;</a>',
        b'<?xml version="1.0"?>\n<!DOCTYPE a SYSTEM "http://127.0.0.1:9/evil.dtd"><a/>',
    ],
    ids=["entity-expansion", "external-entity", "external-dtd"],
)
def test_dtds_and_entities_are_refused(document: bytes) -> None:
    with pytest.raises(unres.ParseError, match="DOCTYPE is not allowed") as caught:
        akn.loads(document, source="evil.xml")
    assert "root:" not in str(caught.value)


def test_processing_instructions_and_xinclude_are_refused() -> None:
    with pytest.raises(unres.ParseError, match="processing instructions"):
        akn.loads(b'<?xml-stylesheet href="x.xsl"?><a/>')
    xinclude = b'<a xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="/etc/passwd"/></a>'
    with pytest.raises(unres.ParseError, match="XInclude"):
        akn.loads(xinclude)


def test_a_document_that_is_not_akoma_ntoso_is_refused() -> None:
    with pytest.raises(unres.ParseError, match="root element is <html>"):
        akn.loads(b"<html/>")


def test_load_and_dump_by_path(tmp_path: Path) -> None:
    res = akn.load(EXAMPLES / "A-RES-73-266.xml")
    target = tmp_path / "out.xml"
    akn.dump(res, target)
    assert target.read_bytes() == (EXAMPLES / "A-RES-73-266.xml").read_bytes()
    assert [p.name for p in tmp_path.iterdir()] == ["out.xml"]
    with pytest.raises(unres.UnresError, match="no such file"):
        akn.load(tmp_path / "missing.xml")


def test_repeated_numbers_still_give_unique_eids_and_valid_akn(oasis_schema: etree.XMLSchema) -> None:
    repeated = [
        unres.OperativeParagraph(1, ("a;",), "Decides"),
        unres.OperativeParagraph(
            2, ("b:",), "Requests", [unres.SubParagraph("a", ("x;",)), unres.SubParagraph("a", ("y;",))]
        ),
        unres.OperativeParagraph(2, ("c.",), "Decides"),
    ]
    res = unres.Resolution(unres.Symbol.parse("A/RES/80/2"), "t", dt.date(2025, 10, 1), operative=repeated)
    written = akn.dumps(res)
    assert_valid(written, oasis_schema)
    assert akn.loads(written) == res
    eids = [eid for eid, _ in res.iter_paragraphs()]
    assert eids == ["para_1", "para_2", "para_2__list_1__point_a", "para_2__list_1__point_a_2", "para_2_2"]
    numbering = unres.validate(res, selection=unres.Selection(("R001", "R002")))
    assert [(p.code, p.location) for p in numbering] == [
        ("R001", "para_2_2"),
        ("R002", "para_2__list_1__point_a_2"),
    ]


@pytest.mark.parametrize("parts", [PRODUCTION, TEMPLATE])
def test_canonical_documents_pass_every_markup_rule(parts: tuple[str, str]) -> None:
    from unres.validation import validate_bytes

    canonical = akn.dumps(akn.load(shared_file(*parts)))
    assert [str(p) for p in validate_bytes(canonical, "akn") if p.code[0] in "AES"] == []


def test_a_character_xml_does_not_allow_is_refused_by_name(tmp_path: Path) -> None:
    """A control character in the model (JSON may carry one) cannot be written as XML: one clear
    error naming it, and no file."""
    import attrs

    res = attrs.evolve(akn.load(EXAMPLES / "A-RES-73-266.xml"), title="Advancing\x01 behaviour")
    with pytest.raises(unres.ModelError, match=r"U\+0001, a character XML does not allow"):
        akn.dumps(res)
    target = tmp_path / "out.xml"
    with pytest.raises(unres.ModelError):
        akn.dump(res, target)
    assert not target.exists()


@given(resolutions(production=True))
def test_the_written_text_is_what_lxml_would_write_of_it(resolution: unres.Resolution) -> None:
    """The writer serialises by hand; lxml writing the tree parsed from it gives the same bytes."""
    written = akn.dumps(resolution)
    assert (
        etree.tostring(etree.fromstring(written), xml_declaration=True, encoding="UTF-8") + b"\n" == written
    )


# -- the UN's lettered items set as paragraphs ---------------------------------------------------


def _with_main_body(paragraphs: list[tuple[str | None, str]]) -> bytes:
    """The example with its operative part replaced: each paragraph a number (or none) and text."""
    source = (EXAMPLES / "A-RES-73-266.xml").read_text(encoding="utf-8")
    start, end = source.index("<mainBody>"), source.index("</mainBody>")
    body = "".join(
        "<paragraph>"
        + (f"<num>{number}</num>" if number else "")
        + f"<content><p>{text}</p></content></paragraph>"
        for number, text in paragraphs
    )
    return (source[: start + len("<mainBody>")] + body + source[end:]).encode()


def test_lettered_paragraphs_after_a_colon_are_the_items_of_the_paragraph_before() -> None:
    # As A/RES/74/11 sets paragraph 12 ("Calls for:") and its items (a)-(c), and nested items.
    data = _with_main_body(
        [
            ("1.", "<i>Calls for</i>:"),
            (None, "(a) The withdrawal;"),
            (None, "(b) The following measures:"),
            (None, "(i) A first;"),
            (None, "(ii) A second;"),
            (None, "(c) A just resolution;"),
            (None, "and requests a report thereon;"),
            ("2.", "<i>Decides</i> to remain seized of the matter;"),
            (None, "(b) A stray item, kept as a paragraph;"),
            ("3.", "<i>Requests</i> a report on the following;"),
            (None, "(a) Not introduced by a colon, kept as a paragraph."),
        ]
    )
    res = akn.loads(data)
    first, second, stray, third, kept = res.operative
    assert isinstance(first, unres.OperativeParagraph)
    assert (first.number, first.opening, first.text) == (1, "Calls for", (":",))
    assert [(s.label, s.text, [(t.label, t.text) for t in s.subparagraphs]) for s in first.subparagraphs] == [
        ("a", ("The withdrawal;",), []),
        ("b", ("The following measures:",), [("i", ("A first;",)), ("ii", ("A second;",))]),
        ("c", ("A just resolution;",), []),
    ]
    assert first.closing_text == ("and requests a report thereon;",)  # words closing the list
    assert isinstance(second, unres.OperativeParagraph) and second.number == 2 and not second.subparagraphs
    assert isinstance(stray, unres.OperativeParagraph)
    assert (stray.number, stray.text) == (None, ("(b) A stray item, kept as a paragraph;",))
    assert isinstance(kept, unres.OperativeParagraph) and kept.number is None
    assert isinstance(third, unres.OperativeParagraph) and not third.subparagraphs
    found = [p for p in validate_bytes(data, "akn") if p.code == "A008"]
    assert [p.message for p in found] == [
        "the 5 paragraphs opening with (a), (b) ... after paragraph 1 are written as its items,"
        " and the paragraph after them as the words closing them"
    ]


def test_the_uns_lettered_paragraphs_read_as_items_in_all_six_languages() -> None:
    # A/RES/80/5 sets the items of its annex's paragraphs as paragraphs of their own: "(a)" in
    # English and Chinese, "a)" in French, Spanish and Russian, "(\u0623)" in Arabic. Every version
    # reads to the same numbered paragraphs with the same items (paragraph 18 has items (a)-(i),
    # 29 (a)-(o)); the French and Spanish annexes open with two unnumbered lines the others do not have.
    shapes = {}
    for code in ("en", "fr", "es", "ru", "ar", "zh"):
        res = unres.load(shared_file("unxml", "ga", code, f"A_RES_80_5.unxml.{code}.xml"))
        shapes[code] = [
            (item.number, len(item.subparagraphs))
            for item in res.annexes[0].content
            if isinstance(item, unres.OperativeParagraph) and item.number is not None
        ]
    assert all(shape == shapes["en"] for shape in shapes.values()), shapes
    numbered = dict(shapes["en"])
    assert (numbered[18], numbered[29]) == (9, 15)


def test_an_annex_whose_title_the_un_sets_as_its_first_paragraph_has_that_label_and_title() -> None:
    # A/RES/74/262 sets "<p><docType>Annex</docType><docTitle>Staffing table for 2020</docTitle></p>"
    # as the first paragraph of its annex, which has no preface.
    path = shared_file("unxml", "ga", "en", "A_RES_74_262.unxml.en.xml")
    annex = unres.load(path).annexes[0]
    assert (annex.label, annex.heading) == ("Annex", ("Staffing table for 2020",))
    assert isinstance(annex.content[0], unres.Table)
    found = [p for p in validate_bytes(path.read_bytes(), "akn") if "docType" in p.message]
    assert [(p.code, p.message) for p in found] == [
        ("A008", "the annex's first paragraph (docType, docTitle) is written as its label and title")
    ]
