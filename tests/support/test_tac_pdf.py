"""The TAC meeting record as a PDF, read back as a PDF reader would."""

from datetime import date
from io import BytesIO

import pytest
from pypdf import PdfReader

from app.extensions import db
from app.models import Action, AuditEvent, Role, TacStatus
from tests.conftest import make_child, make_school
from tests.support.conftest import TODAY, make_meeting

PEOPLE = (("Dee Teacher", "Designated Teacher", "School", "dee@school.example.test"),
          ("Sam Okafor", "Social worker", "Children's social care & family", None))


@pytest.fixture
def held(child):
    meeting = make_meeting(
        child, status=TacStatus.HELD, attendees=PEOPLE, key_adult="Ms Green <TA>",
        supportive_adults="Mr Hall & Mrs Dunn", wellbeing="Calmer at <b>lunch</b> & break",
        attainment="On track\nin maths", next_review_on=date(2027, 6, 9))
    db.session.add_all([
        Action(child_id=child.id, school_id=child.school_id, tac_meeting_id=meeting.id,
               what="Share <plan> with home & school", who_role="SENCO", who_name="Ms Reed",
               due_on=date(2027, 3, 9)),
        Action(child_id=child.id, school_id=child.school_id, tac_meeting_id=meeting.id,
               what="Book the review", who_role="DT", who_name="Dee Teacher",
               due_on=date(2027, 3, 1), done_on=TODAY)])
    db.session.commit()
    return meeting


def text_of(document: bytes) -> str:
    reader = PdfReader(BytesIO(document))
    return "\n".join(page.extract_text() for page in reader.pages)


def squashed(text: str) -> str:
    return " ".join(text.split())


def test_the_record_downloads_as_a_pdf_named_by_its_reference(client, held):
    response = client.get(f"/tac/{held.id}.pdf")

    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/pdf"
    assert response.headers["Content-Disposition"] == (
        f'attachment; filename="{held.reference}.pdf"')
    assert response.data.startswith(b"%PDF-")
    reader = PdfReader(BytesIO(response.data))
    assert reader.metadata.title == f"Team Around the Child meeting — {held.reference}"
    assert reader.metadata.author == "Convene"
    assert len(reader.pages) >= 1


def test_the_record_holds_the_headings_and_the_text_as_typed(client, held, child):
    text = squashed(text_of(client.get(f"/tac/{held.id}.pdf").data))

    for heading in ("Team Around the Child meeting", "Meeting details", "Attendees",
                    "Academic progress", "Attainment", "Attendance", "Wellbeing", "Belonging",
                    "Future aspirations", "Actions", "Next review"):
        assert heading in text, heading
    assert held.reference in text and "10 March 2027" in text
    assert f"Child record {child.reference}" in text
    assert "Calmer at <b>lunch</b> & break" in text
    assert "Ms Green <TA>" in text and "Mr Hall & Mrs Dunn" in text
    assert "Children's social care & family" in text
    assert "Share <plan> with home & school" in text
    assert "On track in maths" in text
    assert "Overdue" in text and "Done 10 March 2027" in text
    assert "9 June 2027" in text
    assert "Not recorded" in text  # the headings with no notes say so
    assert "QX" not in text  # the child's initials stay out of the record


def test_a_long_record_runs_onto_more_pages(client, child):
    long_notes = "\n".join(f"Paragraph {n}: steady progress & settled mornings." for n in
                           range(120))
    meeting = make_meeting(child, status=TacStatus.HELD, wellbeing=long_notes)

    reader = PdfReader(BytesIO(client.get(f"/tac/{meeting.id}.pdf").data))

    assert len(reader.pages) >= 2
    assert "Paragraph 119: steady progress & settled mornings." in text_of(
        client.get(f"/tac/{meeting.id}.pdf").data)


def test_each_download_is_audited(client, held, staff):
    client.get(f"/tac/{held.id}.pdf")
    client.get(f"/tac/{held.id}.pdf")

    events = db.session.scalars(db.select(AuditEvent).filter_by(
        action="tac_record_downloaded")).all()
    assert len(events) == 2
    assert {(each.actor_id, each.record_type, each.record_id, each.detail) for each in events} \
        == {(staff.id, "TacMeeting", str(held.id), held.reference)}


def test_the_pdf_is_only_for_the_childs_school(client, sign_in):
    theirs = make_meeting(make_child(school=make_school()), status=TacStatus.HELD)
    sign_in(Role.SCHOOL_STAFF)
    assert client.get(f"/tac/{theirs.id}.pdf").status_code == 404
    assert db.session.scalars(db.select(AuditEvent).filter_by(
        action="tac_record_downloaded")).all() == []
