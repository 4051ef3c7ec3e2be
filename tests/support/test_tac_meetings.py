"""Scheduling a TAC meeting with calendar invites, changing it, cancelling it, and who may."""

import re
from datetime import UTC, datetime

import pytest

from app.extensions import db
from app.models import AuditEvent, Role, TacMeeting, TacStatus
from tests.conftest import make_child, make_school
from tests.support.conftest import (
    calendar_of,
    event_of,
    make_meeting,
    outbox,
    parsed,
    readable,
    schedule_data,
)

# 2pm and 3pm on 16 June 2027 in London (BST) are 1pm and 2pm UTC.
STARTS, ENDS = datetime(2027, 6, 16, 13, tzinfo=UTC), datetime(2027, 6, 16, 14, tzinfo=UTC)


def meetings() -> list[TacMeeting]:
    return db.session.scalars(db.select(TacMeeting).order_by(TacMeeting.id)).all()


def schedule(client, child, **changes):
    return client.post(f"/children/{child.reference}/tac/new", data=schedule_data(**changes))


# Scheduling -----------------------------------------------------------------------------------

def test_the_schedule_form_offers_attendee_rows(client, child):
    response = client.get(f"/children/{child.reference}/tac/new")
    assert response.status_code == 200
    assert "Schedule a Team Around the Child meeting" in response.text
    assert 'name="attendees-2-email"' in response.text
    assert "Attendee 3" in response.text


def test_scheduling_saves_the_meeting_and_invites_everyone_with_an_email(client, child, staff):
    response = schedule(client, child)

    assert response.status_code == 302
    [meeting] = meetings()
    assert response.headers["Location"] == f"/tac/{meeting.id}"
    assert re.fullmatch(r"TAC-2027-\d{4}", meeting.reference)
    assert meeting.status == TacStatus.SCHEDULED
    assert (meeting.starts_at, meeting.ends_at) == (STARTS, ENDS)
    assert meeting.child_id == child.id and meeting.school_id == child.school_id
    assert meeting.key_adult == "Ms Green, teaching assistant"
    assert meeting.supportive_adults == "Mr Hall, PE teacher"
    assert [(each.name, each.agency, each.email) for each in meeting.attendees] == [
        ("Dee Teacher", "School", "dee@school.example.test"),
        ("Sam Okafor", "Children's social care", "sam.okafor@county.example.test"),
        ("Pat Jones", "Early help", None)]
    assert re.fullmatch(r"[0-9a-f-]{36}@convene", meeting.uid)

    rows = outbox()
    assert [row.to_address for row in rows] == [
        "Dee Teacher <dee@school.example.test>",
        "Sam Okafor <sam.okafor@county.example.test>"]
    assert {row.kind for row in rows} == {"tac_invite"}
    for row in rows:
        calendar = calendar_of(row)
        assert calendar["METHOD"] == "REQUEST"
        event = event_of(row)
        assert str(event["UID"]) == meeting.uid
        assert event["SEQUENCE"] == 0
        assert str(event["SUMMARY"]) == f"Team Around the Child meeting — {meeting.reference}"
        assert event["DTSTART"].params["TZID"] == "Europe/London"
        assert event["DTSTART"].dt.replace(tzinfo=None) == datetime(2027, 6, 16, 14)
        assert event["DTEND"].dt.replace(tzinfo=None) == datetime(2027, 6, 16, 15)
        assert str(event["LOCATION"]) == "Meeting room 2"
        assert str(event["URL"]).endswith(f"/tac/{meeting.id}")
        attendees = sorted(str(each) for each in event["ATTENDEE"])
        assert attendees == ["mailto:dee@school.example.test",
                             "mailto:sam.okafor@county.example.test"]
        assert parsed(row)["Subject"].startswith("Invitation: Team Around the Child meeting")
        # The school organises its own meeting: replies reach the person who scheduled it.
        assert str(event["ORGANIZER"]) == f"mailto:{staff.email}"
        assert parsed(row)["Reply-To"].addresses[0].addr_spec == staff.email
        assert "You are invited to this meeting" in parsed(row).get_body(("plain",)).get_content()

    audit = db.session.scalars(db.select(AuditEvent).filter_by(
        action="tac_meeting_scheduled")).all()
    assert len(audit) == 1


def test_the_meeting_page_shows_what_was_scheduled(client, child):
    schedule(client, child)
    [meeting] = meetings()

    page = client.get(f"/tac/{meeting.id}").text

    assert meeting.reference in page and child.reference in page
    assert "Wednesday 16 June 2027, 2pm to 3pm (UK time)" in page
    assert "Meeting room 2" in page and "Ms Green, teaching assistant" in page
    assert "Sam Okafor" in page and "Early help" in page
    assert "2 people were sent a calendar invite" in page
    assert "You can write up the meeting from 16 June 2027" in page


def test_nothing_about_the_child_reaches_an_invite(client, child):
    child.school_note = "Likes dinosaurs"
    db.session.commit()
    schedule(client, child)

    for row in outbox():
        text = readable(row)
        calendar = calendar_of(row).to_ical().decode()
        for secret in (child.reference, "QX", "Likes dinosaurs", "Ms Green", "Mr Hall"):
            assert secret not in text and secret not in calendar


def test_a_meeting_online_carries_its_link(client, child):
    schedule(client, child, location="", meeting_url="https://teams.example.test/meet/42")
    [row, _] = outbox()
    event = event_of(row)
    assert "https://teams.example.test/meet/42" in str(event["LOCATION"])
    assert str(event["CONFERENCE"]) == "https://teams.example.test/meet/42"


@pytest.mark.parametrize(("changes", "message"), [
    ({"day": ["", "", ""]}, "Enter the date of the meeting"),
    ({"day": ["31", "2", "2027"]}, "Enter a real date"),
    ({"start_time": "teatime"}, "Enter a start time, like 2pm or 14:00"),
    ({"end_time": "1pm"}, "The end time must be after the start time"),
    ({"location": "", "meeting_url": ""}, "Enter where the meeting is, or a meeting link"),
    ({"meeting_url": "teams.example.test/x"}, "Enter the meeting link starting https://"),
    ({"location": "At home, SW1A 1AA"}, "a postcode"),
    ({"attendees-1-agency": ""}, "Enter the agency of attendee 2, or clear the row"),
    ({"attendees-1-email": "sam at county"}, "Enter an email address in the correct format"),
    ({"attendees-1-email": "DEE@school.example.test"}, "is already listed"),
    ({"supportive_adults": "Mr Hall, 07700 900123"}, "a phone number"),
    ({"day": ["1", "3", "2027"]}, "The meeting must start in the future"),
    ({"day": ["28", "3", "2027"], "start_time": "1:30am"}, "the clocks go forward"),
])
def test_a_form_with_a_problem_is_refused_with_the_input_kept(client, child, changes,
                                                               message):
    response = schedule(client, child, **changes)

    assert response.status_code == 400
    assert "There is a problem" in response.text and message in response.text
    assert 'value="Sam Okafor"' in response.text
    assert meetings() == [] and outbox() == []


def test_a_meeting_needs_someone_attending(client, child):
    data = {key: "" for key in schedule_data() if key.startswith("attendees-")}
    response = schedule(client, child, **data)
    assert response.status_code == 400
    assert "Enter at least one person who will attend" in response.text
    assert meetings() == []


def test_names_of_the_adults_are_allowed_where_adults_are_named(client, child):
    response = schedule(client, child, key_adult="Mrs Patel",
                        supportive_adults="Jack Smith, learning mentor")
    assert response.status_code == 302


def test_add_another_attendee_keeps_the_typing_and_adds_a_row(client, child):
    response = schedule(client, child, add_attendee="Add another attendee")

    assert response.status_code == 200
    assert 'name="attendees-4-name"' in response.text
    assert 'value="Pat Jones"' in response.text
    assert "There is a problem" not in response.text
    assert meetings() == []


def test_an_attendee_without_email_gets_no_invite_and_no_one_may_mean_none(client, child):
    response = schedule(client, child, **{"attendees-0-email": "", "attendees-1-email": ""})
    assert response.status_code == 302
    assert outbox() == []
    page = client.get(response.headers["Location"]).text
    assert "No one had an email address, so no invites were sent" in page


# Changing -------------------------------------------------------------------------------------

def test_the_change_form_is_filled_in_from_the_meeting(client, child):
    schedule(client, child)
    [meeting] = meetings()
    page = client.get(f"/tac/{meeting.id}/edit").text
    assert 'value="16"' in page and 'value="14:00"' in page and 'value="15:00"' in page
    assert 'value="sam.okafor@county.example.test"' in page
    assert 'name="attendees-4-name"' in page  # three people and two empty rows


def test_moving_the_meeting_sends_the_update_with_the_same_uid(client, child):
    schedule(client, child)
    [meeting] = meetings()
    form = schedule_data(**{"day": ["17", "6", "2027"],
                            "attendees-0-id": str(meeting.attendees[0].id),
                            "attendees-1-id": str(meeting.attendees[1].id),
                            "attendees-2-id": str(meeting.attendees[2].id)})

    response = client.post(f"/tac/{meeting.id}/edit", data=form)

    assert response.status_code == 302
    db.session.refresh(meeting)
    assert meeting.sequence == 1
    assert meeting.starts_at == datetime(2027, 6, 17, 13, tzinfo=UTC)
    updates = outbox()[2:]
    assert [row.to_address for row in updates] == [
        "Dee Teacher <dee@school.example.test>",
        "Sam Okafor <sam.okafor@county.example.test>"]
    for row in updates:
        assert row.kind == "tac_invite_update"
        assert calendar_of(row)["METHOD"] == "REQUEST"
        event = event_of(row)
        assert str(event["UID"]) == meeting.uid
        assert event["SEQUENCE"] == 1
        assert event["DTSTART"].dt.replace(tzinfo=None) == datetime(2027, 6, 17, 14)
        assert parsed(row)["Subject"].startswith("Updated invitation:")


def test_removing_an_attendee_cancels_their_invite_and_updates_the_rest(client, child):
    schedule(client, child)
    [meeting] = meetings()
    form = schedule_data(**{"attendees-1-name": "", "attendees-1-job_role": "",
                            "attendees-1-agency": "", "attendees-1-email": "",
                            "attendees-3-name": "Ann Lee", "attendees-3-job_role": "Nurse",
                            "attendees-3-agency": "School nursing",
                            "attendees-3-email": "ann@nhs.example.test"})

    client.post(f"/tac/{meeting.id}/edit", data=form)

    db.session.refresh(meeting)
    assert [each.name for each in meeting.attendees] == ["Dee Teacher", "Pat Jones", "Ann Lee"]
    sent = outbox()[2:]
    by_method = {(row.to_address, calendar_of(row)["METHOD"]) for row in sent}
    assert by_method == {("Dee Teacher <dee@school.example.test>", "REQUEST"),
                         ("Ann Lee <ann@nhs.example.test>", "REQUEST"),
                         ("Sam Okafor <sam.okafor@county.example.test>", "CANCEL")}
    assert {event_of(row)["SEQUENCE"] for row in sent} == {1}
    cancel = next(row for row in sent if "Sam" in row.to_address)
    assert [str(each) for each in [event_of(cancel)["ATTENDEE"]]] == [
        "mailto:sam.okafor@county.example.test"]


def test_changing_only_the_key_adult_sends_nothing(client, child):
    schedule(client, child)
    [meeting] = meetings()
    form = schedule_data(key_adult="Mr Stone, mentor",
                         **{f"attendees-{n}-id": str(meeting.attendees[n].id) for n in range(3)})

    response = client.post(f"/tac/{meeting.id}/edit", data=form)

    assert response.status_code == 302
    db.session.refresh(meeting)
    assert meeting.key_adult == "Mr Stone, mentor" and meeting.sequence == 0
    assert len(outbox()) == 2


def test_a_change_with_a_problem_changes_nothing(client, child):
    schedule(client, child)
    [meeting] = meetings()
    response = client.post(f"/tac/{meeting.id}/edit",
                           data=schedule_data(end_time="1pm", location="Hall"))
    assert response.status_code == 400
    assert 'value="Hall"' in response.text
    db.session.refresh(meeting)
    assert meeting.location == "Meeting room 2" and meeting.sequence == 0
    assert len(outbox()) == 2


# Cancelling -----------------------------------------------------------------------------------

def test_cancelling_sends_everyone_a_cancellation(client, child):
    schedule(client, child)
    [meeting] = meetings()

    response = client.post(f"/tac/{meeting.id}/cancel")

    assert response.status_code == 302
    db.session.refresh(meeting)
    assert meeting.status == TacStatus.CANCELLED and meeting.sequence == 1
    cancels = outbox()[2:]
    assert len(cancels) == 2
    for row in cancels:
        assert row.kind == "tac_invite_cancel"
        assert calendar_of(row)["METHOD"] == "CANCEL"
        event = event_of(row)
        assert str(event["UID"]) == meeting.uid and event["SEQUENCE"] == 1
        assert str(event["STATUS"]) == "CANCELLED"
        assert parsed(row)["Subject"].startswith("Cancelled:")
    page = client.get(f"/tac/{meeting.id}").text
    assert "This meeting was cancelled" in page
    assert "Cancel this meeting" not in page


def test_a_cancelled_meeting_cannot_be_changed_or_cancelled_again(client, child):
    schedule(client, child)
    [meeting] = meetings()
    client.post(f"/tac/{meeting.id}/cancel")

    again = client.post(f"/tac/{meeting.id}/cancel")
    assert again.headers["Location"] == f"/tac/{meeting.id}"
    assert "is cancelled, so its date" in client.get(f"/tac/{meeting.id}").text
    edit = client.get(f"/tac/{meeting.id}/edit")
    assert edit.headers["Location"] == f"/tac/{meeting.id}"
    assert "is cancelled, so its date" in client.get(f"/tac/{meeting.id}").text
    assert len(outbox()) == 4


# The list and who may -------------------------------------------------------------------------

def test_the_list_shows_upcoming_and_past_meetings(client, child, fixed_clock):
    schedule(client, child)
    old = make_meeting(child, starts_at=datetime(2027, 1, 5, 15, tzinfo=UTC),
                       status=TacStatus.HELD)
    forgotten = make_meeting(child, starts_at=datetime(2027, 2, 2, 15, tzinfo=UTC))
    other_child = make_meeting(make_child(school=child.school))

    page = client.get(f"/children/{child.reference}/tac").text

    upcoming, past = page.split("Upcoming meetings")[1].split("Past and cancelled meetings")
    assert meetings()[0].reference in upcoming
    assert old.reference in past and forgotten.reference in past
    assert "Not written up" in past and "Held" in past
    assert other_child.reference not in page
    assert db.session.scalars(db.select(AuditEvent).filter_by(
        action="tac_meetings_viewed")).one().detail == child.reference


def test_another_schools_child_and_meeting_are_not_found(client, staff):
    theirs = make_child(school=make_school())
    meeting = make_meeting(theirs)

    assert client.get(f"/children/{theirs.reference}/tac").status_code == 404
    assert client.get(f"/children/{theirs.reference}/tac/new").status_code == 404
    assert client.post(f"/children/{theirs.reference}/tac/new",
                       data=schedule_data()).status_code == 404
    for path in ("", "/edit", "/notes", ".pdf"):
        assert client.get(f"/tac/{meeting.id}{path}").status_code == 404
    assert client.post(f"/tac/{meeting.id}/cancel").status_code == 404
    db.session.refresh(meeting)
    assert meeting.status == TacStatus.SCHEDULED


@pytest.mark.parametrize("role", [Role.VS_ADMIN, Role.VS_ADVISOR, Role.EDUCATIONAL_PSYCHOLOGIST,
                                  Role.SOCIAL_WORKER])
def test_no_one_outside_the_school_sees_tac_meetings(client, sign_in, role):
    child = make_child()
    meeting = make_meeting(child, status=TacStatus.HELD, wellbeing="Settling well")
    sign_in(role)

    for path in (f"/children/{child.reference}/tac", f"/children/{child.reference}/tac/new",
                 f"/tac/{meeting.id}", f"/tac/{meeting.id}/notes", f"/tac/{meeting.id}.pdf",
                 f"/tac/{meeting.id}/edit"):
        response = client.get(path)
        assert response.status_code == 403, path
        assert "Settling well" not in response.text
    assert client.post(f"/tac/{meeting.id}/cancel").status_code == 403


def test_signed_out_visitors_are_sent_to_sign_in(client):
    meeting = make_meeting(make_child())
    response = client.get(f"/tac/{meeting.id}")
    assert response.status_code == 302 and "/sign-in" in response.headers["Location"]
