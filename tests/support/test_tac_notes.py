"""Writing up a TAC meeting: notes under the headings, who attended, actions, the review."""

from datetime import UTC, date, datetime

import pytest
from markupsafe import escape

from app.extensions import db
from app.models import Action, AuditEvent, TacMeeting, TacStatus
from tests.support.conftest import make_meeting, outbox

PEOPLE = (("Dee Teacher", "Designated Teacher", "School", "dee@school.example.test"),
          ("Sam Okafor", "Social worker", "Children's social care", "sam@county.example.test"))
WELLBEING = "Calmer at <b>lunch</b> & break; uses the quiet room"


def notes_data(meeting: TacMeeting, **changes) -> dict:
    data = {
        "attended-0-id": str(meeting.attendees[0].id), "attended-0-name": "Dee Teacher",
        "attended-0-job_role": "Designated Teacher", "attended-0-agency": "School",
        "attended-1-id": str(meeting.attendees[1].id), "attended-1-name": "Sam Okafor",
        "attended-1-job_role": "Social worker", "attended-1-agency": "Children's social care",
        "attended-2-name": "Ann Lee", "attended-2-job_role": "School nurse",
        "attended-2-agency": "School nursing",
        "key_adult": "Ms Green, teaching assistant", "supportive_adults": "Mr Hall, PE",
        "academic_progress": "Reading age up six months", "attainment": "On track in maths",
        "attendance": "94% this half term", "wellbeing": WELLBEING,
        "belonging": "Joined the lunchtime gardening club",
        "aspirations": "Wants to be a vet",
        "actions-0-what": "Daily check-in with the key adult", "actions-0-who_role": "TA",
        "actions-0-who_name": "Ms Green", "actions-0-due_on": ["24", "3", "2027"],
        "actions-1-what": "Share the plan with home & social care",
        "actions-1-who_role": "Social worker", "actions-1-who_name": "Sam Okafor",
        "actions-1-due_on": ["31", "3", "2027"],
        "actions-2-what": "", "actions-2-who_role": "", "actions-2-who_name": "",
        "actions-2-due_on": ["", "", ""],
        "next_review_on": ["9", "6", "2027"],
    }
    data.update(changes)
    return data


@pytest.fixture
def meeting(child):
    return make_meeting(child, attendees=PEOPLE)


def actions() -> list[Action]:
    return db.session.scalars(db.select(Action).order_by(Action.id)).all()


def test_the_notes_form_lists_the_invited_people_and_empty_action_rows(client, meeting):
    page = client.get(f"/tac/{meeting.id}/notes").text
    assert f"Write up {meeting.reference}" in page
    assert 'value="Sam Okafor"' in page and 'name="attended-2-name"' in page
    assert 'name="actions-2-what"' in page
    for heading in ("Academic progress", "Attainment", "Attendance", "Wellbeing", "Belonging",
                    "Future aspirations"):
        assert heading in page


def test_notes_are_saved_the_meeting_is_held_and_the_actions_tracked(client, meeting, child):
    response = client.post(f"/tac/{meeting.id}/notes", data=notes_data(meeting))

    assert response.status_code == 302
    assert response.headers["Location"] == f"/tac/{meeting.id}"
    db.session.refresh(meeting)
    assert meeting.status == TacStatus.HELD
    assert meeting.wellbeing == WELLBEING and meeting.aspirations == "Wants to be a vet"
    assert meeting.key_adult == "Ms Green, teaching assistant"
    assert meeting.next_review_on == date(2027, 6, 9)
    assert [(each.name, each.email) for each in meeting.attendees] == [
        ("Dee Teacher", "dee@school.example.test"), ("Sam Okafor", "sam@county.example.test"),
        ("Ann Lee", None)]
    assert [(each.what, each.who_role, each.who_name, each.due_on, each.child_id,
             each.school_id, each.tac_meeting_id, each.outcome_id) for each in actions()] == [
        ("Daily check-in with the key adult", "TA", "Ms Green", date(2027, 3, 24), child.id,
         child.school_id, meeting.id, None),
        ("Share the plan with home & social care", "Social worker", "Sam Okafor",
         date(2027, 3, 31), child.id, child.school_id, meeting.id, None)]
    assert outbox() == []  # writing up sends no invites
    assert db.session.scalars(db.select(AuditEvent).filter_by(
        action="tac_meeting_written_up")).one().record_id == str(meeting.id)

    page = client.get(f"/tac/{meeting.id}").text
    assert "Notes saved" in page and "Held" in page
    assert str(escape(WELLBEING)) in page and "<b>lunch</b>" not in page
    assert "Wants to be a vet" in page and "9 June 2027" in page and "Who attended" in page
    assert "Share the plan with home &amp; social care" in page


@pytest.mark.parametrize(("field", "text", "found"), [
    ("wellbeing", "Jack Smith was upset at lunch", "a name"),
    ("attendance", "DOB 12/03/2015, missed 3 days", "a date of birth"),
    ("actions-0-what", "Call home on 07700 900123", "a phone number"),
    ("supportive_adults", "Mr Hall, SW1A 1AA", "a postcode"),
])
def test_identifiers_are_refused_and_the_typing_kept(client, meeting, field, text, found):
    response = client.post(f"/tac/{meeting.id}/notes", data=notes_data(meeting, **{field: text}))

    assert response.status_code == 400
    assert "There is a problem" in response.text and found in response.text
    assert str(escape(text)) in response.text
    assert str(escape(WELLBEING)) in response.text or field == "wellbeing"
    db.session.refresh(meeting)
    assert meeting.status == TacStatus.SCHEDULED and meeting.wellbeing is None
    assert actions() == []


@pytest.mark.parametrize(("changes", "message"), [
    ({"actions-2-what": "Book a review"},
     "Enter the role of who will do action 3, or clear the row"),
    ({"actions-1-due_on": ["", "", ""]}, "Enter the date action 2 is due by, or clear the row"),
    ({"actions-1-due_on": ["31", "2", "2027"]}, "Enter a real date"),
    ({"next_review_on": ["1", "3", "2027"]}, "The next review date must be after the meeting"),
    ({"attended-0-name": "", "attended-0-job_role": "", "attended-0-agency": "",
      "attended-1-name": "", "attended-1-job_role": "", "attended-1-agency": "",
      "attended-2-name": "", "attended-2-job_role": "", "attended-2-agency": ""},
     "Enter at least one person who attended"),
])
def test_incomplete_rows_are_refused(client, meeting, changes, message):
    response = client.post(f"/tac/{meeting.id}/notes", data=notes_data(meeting, **changes))
    assert response.status_code == 400
    assert message in response.text
    assert actions() == []


def test_changing_the_notes_keeps_done_actions_and_drops_cleared_ones(client, meeting):
    client.post(f"/tac/{meeting.id}/notes", data=notes_data(meeting))
    first, second = actions()
    first.done_on = date(2027, 3, 10)
    db.session.commit()

    response = client.post(f"/tac/{meeting.id}/notes", data=notes_data(
        meeting, attainment="Ahead in maths",
        **{"actions-0-id": str(first.id), "actions-0-who_name": "Mr Stone",
           "actions-1-id": str(second.id), "actions-1-what": "", "actions-1-who_role": "",
           "actions-1-who_name": "", "actions-1-due_on": ["", "", ""]}))

    assert response.status_code == 302
    [kept] = actions()
    assert kept.id == first.id and kept.who_name == "Mr Stone"
    assert kept.done_on == date(2027, 3, 10)
    db.session.refresh(meeting)
    assert meeting.attainment == "Ahead in maths"
    assert "Changes to the notes" in client.get(f"/tac/{meeting.id}").text


def test_an_action_id_from_another_meeting_is_not_taken_over(client, meeting, child):
    other = make_meeting(child, attendees=PEOPLE)
    client.post(f"/tac/{other.id}/notes", data=notes_data(other))
    [theirs, _] = actions()

    client.post(f"/tac/{meeting.id}/notes",
                data=notes_data(meeting, **{"actions-0-id": str(theirs.id)}))

    db.session.refresh(theirs)
    assert theirs.tac_meeting_id == other.id
    assert theirs.what == "Daily check-in with the key adult"
    assert len(actions()) == 4


def test_add_another_action_keeps_the_typing(client, meeting):
    response = client.post(f"/tac/{meeting.id}/notes",
                           data=notes_data(meeting, add_action="Add another action"))
    assert response.status_code == 200
    assert 'name="actions-3-what"' in response.text
    assert str(escape(WELLBEING)) in response.text
    assert actions() == []


def test_a_meeting_cannot_be_written_up_before_its_day(client, child):
    later = make_meeting(child, starts_at=datetime(2027, 3, 11, 9, tzinfo=UTC),
                         attendees=PEOPLE)

    response = client.get(f"/tac/{later.id}/notes")
    posted = client.post(f"/tac/{later.id}/notes", data=notes_data(later))

    assert response.status_code == 302 and posted.status_code == 302
    assert "can be written up from 11 March 2027" in client.get(f"/tac/{later.id}").text
    db.session.refresh(later)
    assert later.status == TacStatus.SCHEDULED and actions() == []


def test_a_cancelled_meeting_cannot_be_written_up(client, child):
    cancelled = make_meeting(child, status=TacStatus.CANCELLED, attendees=PEOPLE)
    response = client.post(f"/tac/{cancelled.id}/notes", data=notes_data(cancelled))
    assert response.status_code == 302
    assert "was cancelled, so it cannot be written up" in client.get(
        f"/tac/{cancelled.id}").text
    db.session.refresh(cancelled)
    assert cancelled.status == TacStatus.CANCELLED and cancelled.wellbeing is None
