"""The shared PDF builder: page furniture on every page, metadata, text printed as typed."""

import io
from datetime import UTC, date, datetime

from pypdf import PdfReader

from app.services.pdfs import Section, render_document

MARKUP = ['<b>bold</b> & <i>not italic</i>', '<img src="x"/> <img src=x>',
          '<font color="red" size="40">big</font>', '<a href="https://example.org/?a=1&b=2">x</a>',
          '&amp; &lt; &#169; &nbsp; </para> <br/>', "5 < 6 > 4"]


def pdf(**kwargs) -> PdfReader:
    values = {"title": "Consultation summary", "reference": "SFC-2026-0042",
              "dated": date(2026, 3, 3), "sections": [Section("Notes", paragraphs=["Short."])]}
    values.update(kwargs)
    return PdfReader(io.BytesIO(render_document(**values)))


def flat(text: str) -> str:
    return " ".join(text.split())


def long_sections(count: int = 12) -> list[Section]:
    paragraph = "What is already working: the meet and greet each morning. " * 12
    return [Section(f"Heading {n}", paragraphs=[f"Paragraph {n}. {paragraph}"])
            for n in range(count)]


def test_a_long_document_numbers_every_page_out_of_the_total():
    reader = pdf(sections=long_sections())

    total = len(reader.pages)
    assert total >= 2
    for number, page in enumerate(reader.pages, start=1):
        assert f"Page {number} of {total}" in page.extract_text()
    assert "Page 1 of 2" in pdf(sections=long_sections(7)).pages[0].extract_text()


def test_every_page_is_marked_official_sensitive_top_and_bottom_with_the_header():
    reader = pdf(sections=long_sections())

    assert len(reader.pages) >= 2
    for page in reader.pages:
        text = page.extract_text()
        assert text.count("OFFICIAL-SENSITIVE") == 2
        assert "Convene · Consultation summary" in text
        assert "SFC-2026-0042 · 3 March 2026" in text


def test_metadata_names_the_document_and_convene():
    metadata = pdf().metadata

    assert metadata["/Title"] == "Consultation summary — SFC-2026-0042"
    assert metadata["/Author"] == "Convene"
    assert metadata["/Subject"] == "Consultation summary"
    assert metadata["/Creator"] == "Convene"


def test_a_time_is_dated_on_the_london_calendar():
    # 11:30pm UTC on 30 June is 12:30am on 1 July in London (BST).
    text = pdf(dated=datetime(2026, 6, 30, 23, 30, tzinfo=UTC)).pages[0].extract_text()

    assert "SFC-2026-0042 · 1 July 2026" in text


def test_markup_people_typed_is_printed_exactly_everywhere():
    reader = pdf(
        title="Summary <b>&</b>", subtitle="<i>Sub</i> & title",
        sections=[Section("Heading <u>&</u>", paragraphs=MARKUP),
                  Section("Rows", rows=[("<b>key</b> &", text) for text in MARKUP]),
                  Section("Table", table=[["<th> & head", "<i>two</i>"],
                                          *[[text, "&amp;"] for text in MARKUP]])])

    text = flat("\n".join(page.extract_text() for page in reader.pages))
    for typed in ["Summary <b>&</b>", "<i>Sub</i> & title", "Heading <u>&</u>",
                  "<b>key</b> &", "<th> & head", *MARKUP]:
        assert flat(typed) in text
    assert text.count('<font color="red" size="40">big</font>') == 3
    assert reader.metadata["/Title"] == "Summary <b>&</b> — SFC-2026-0042"


def test_line_breaks_people_typed_are_kept_whatever_their_kind():
    text = pdf(sections=[Section("Notes", paragraphs=["one\ntwo\r\nthree\rfour"])]
               ).pages[0].extract_text()

    assert "one\ntwo\nthree\nfour" in text


def test_a_section_with_nothing_in_it_says_so():
    text = pdf(sections=[Section("Themes"), Section("Actions", empty="No actions agreed"),
                         Section("Notes", paragraphs=[""])]).pages[0].extract_text()

    assert "Themes\nNot recorded" in text
    assert "Actions\nNo actions agreed" in text
    assert "Notes\nNot recorded" in text


def test_a_table_cell_longer_than_a_page_runs_on_to_the_next_page():
    long_note = " ".join(f"word{n}" for n in range(2500))

    reader = pdf(sections=[Section("Actions", table=[["What", "Who"], [long_note, "SENCO"]]),
                           Section("Details", rows=[("Note", long_note), ("After", "Last")])])

    assert len(reader.pages) >= 3
    text = flat(" ".join(page.extract_text() for page in reader.pages))
    assert "word0" in text and "word2499" in text and "Last" in text
    assert text.count("word1234") == 2


def test_one_page_shrinks_a_long_document_onto_a_single_page():
    sections = long_sections(30)
    assert len(pdf(sections=sections).pages) > 3

    reader = pdf(sections=sections, one_page=True)

    assert len(reader.pages) == 1
    text = flat(reader.pages[0].extract_text())
    assert "Paragraph 0." in text and "Paragraph 29." in text and "Heading 29" in text
    assert "Page 1 of 1" in text
