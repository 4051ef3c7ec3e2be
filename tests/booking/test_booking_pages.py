"""One booking's page: who sees it, attendees, moving, cancelling and the .ics download."""

import email
import email.policy
import re
from datetime import datetime, time, timedelta

import pytest
from icalendar import Calendar

from app.extensions import db
from app.london import LONDON
from app.models import (
    BookingAttendee,
    BookingStatus,
    OutboxMessage,
    RequestStatus,
    Role,
)
from app.models.types import utcnow
from tests.booking.factories import (
    FUTURE,
    make_accepted_request,
    make_bookable_session,
    make_booking,
)
from tests.conftest import make_school, make_user

SAM = "sam.okafor@county.example.test"


# Helpers ----------------------------------------------------------------------------------------

def url(booking, action=""):
    return f"/bookings/{booking.id}{action}"


def outbox_mark() -> int:
    return db.session.scalar(db.select(db.func.max(OutboxMessage.id))) or 0


def invites_since(mark: int) -> dict[str, dict]:
    """The calendar messages queued after `mark`, by recipient's email address."""
    sent = {}
    rows = db.session.scalars(db.select(OutboxMessage).where(OutboxMessage.id > mark)
                              .order_by(OutboxMessage.id))
    for row in rows:
        message = email.message_from_bytes(row.message, policy=email.policy.default)
        part = next(each for each in message.walk()
                    if each.get_content_type() == "text/calendar")
        calendar = Calendar.from_ical(part.get_content())
        event = calendar.walk("VEVENT")[0]
        to = message["To"].addresses[0].addr_spec.lower()
        assert to not in sent, f"{to} got two messages"
        sent[to] = {"method": str(calendar["METHOD"]), "uid": str(event["UID"]),
                    "sequence": int(event["SEQUENCE"]), "starts": event.decoded("DTSTART"),
                    "text": row.message.decode("utf-8", "replace")}
    return sent


def everyone(booking) -> set[str]:
    session = booking.slot.session
    people = {session.educational_psychologist.email.lower()}
    if session.advisor:
        people.add(session.advisor.email.lower())
    return people | {each.email for each in booking.live_attendees}


def staff_of(booking, sign_in):
    return sign_in(Role.SCHOOL_STAFF, school=booking.request.school)


@pytest.fixture
def booking(app):
    """A booking for slot 1 of 3 on FUTURE, with an advisor, a member of staff and Sam the
    social worker invited."""
    advisor = make_user(Role.VS_ADVISOR, name="Ria Advisor")
    session = make_bookable_session(advisor=advisor)
    return make_booking(slot=session.slots[0])


# Who sees the page ------------------------------------------------------------------------------

def test_school_staff_see_their_booking_with_every_action(client, sign_in, booking):
    staff_of(booking, sign_in)
    response = client.get(url(booking))
    assert response.status_code == 200
    page = response.text
    assert f"Solution Focused Consultation {booking.reference}" in page
    assert "Wednesday 17 November 2027, 2pm to 2:50pm (UK time)" in page
    assert "https://teams.example.test/meet/123" in page
    assert "Dr Ada Lane" in page and "Ria Advisor" in page
    assert booking.request.school.name in page
    assert f'href="/requests/{booking.request_id}"' in page
    assert booking.request.reference in page
    assert "Sam Okafor" in page and SAM in page and "Social worker" in page
    assert page.count(">Remove<") == 2
    assert "Add someone" in page
    assert re.search(r"<legend[^>]*>\s*Who are they\?\s*</legend>", page)
    assert "Move to another slot" in page and "Cancel this booking" in page
    assert f'href="/bookings/{booking.id}/invite.ics"' in page


def test_an_in_person_booking_shows_the_venue(client, sign_in, app):
    session = make_bookable_session(mode="in_person", meeting_url=None,
                                    venue="Room 4, County Hall")
    booking = make_booking(slot=session.slots[0])
    staff_of(booking, sign_in)
    page = client.get(url(booking)).text
    assert "Room 4, County Hall" in page
    assert "Not yet known" in page  # no advisor yet


def test_staff_of_another_school_get_404(client, sign_in, booking):
    sign_in(Role.SCHOOL_STAFF, school=make_school())
    assert client.get(url(booking)).status_code == 404
    assert client.get(url(booking, "/invite.ics")).status_code == 404
    assert client.post(url(booking, "/cancel"), data={"reason": "x"}).status_code == 404
    assert db.session.get(type(booking), booking.id).status == BookingStatus.BOOKED


def test_the_sessions_educational_psychologist_sees_it_without_actions(client, sign_in, app):
    ep = sign_in(Role.EDUCATIONAL_PSYCHOLOGIST)
    booking = make_booking(slot=make_bookable_session(ep=ep).slots[0])
    page = client.get(url(booking)).text
    assert booking.reference in page
    assert f'href="/requests/{booking.request_id}"' in page
    assert "Remove" not in page and "Add someone" not in page
    assert "Cancel this booking" not in page and "Move to another slot" not in page
    assert "Download the calendar file (.ics)" in page


def test_another_educational_psychologist_gets_404(client, sign_in, booking):
    sign_in(Role.EDUCATIONAL_PSYCHOLOGIST)
    assert client.get(url(booking)).status_code == 404


def test_an_invited_social_worker_sees_it_without_the_request_link(client, sign_in, booking):
    sign_in(Role.SOCIAL_WORKER, email=SAM)
    response = client.get(url(booking))
    assert response.status_code == 200
    assert booking.reference in response.text
    assert booking.request.reference in response.text
    assert "/requests/" not in response.text
    assert "Remove" not in response.text and "Cancel this booking" not in response.text


def test_an_uninvited_social_worker_gets_404(client, sign_in, booking):
    sign_in(Role.SOCIAL_WORKER, email="someone.else@county.example.test")
    assert client.get(url(booking)).status_code == 404
    assert client.get(url(booking, "/invite.ics")).status_code == 404


def test_vs_advisor_sees_it_but_cannot_change_it(client, sign_in, booking):
    sign_in(Role.VS_ADVISOR)
    page = client.get(url(booking)).text
    assert booking.reference in page
    assert f'href="/requests/{booking.request_id}"' in page
    assert "Remove" not in page and "Add someone" not in page
    assert "Cancel this booking" not in page and "Move to another slot" not in page
    sam = next(each for each in booking.attendees if each.email == SAM)
    second = booking.slot.session.slots[1]
    mark = outbox_mark()
    assert client.get(url(booking, "/cancel")).status_code == 403
    assert client.post(url(booking, "/cancel"), data={"reason": "Ill"}).status_code == 403
    assert client.get(url(booking, "/move")).status_code == 403
    assert client.post(url(booking, "/move"), data={"slot_id": second.id}).status_code == 403
    assert client.post(url(booking, "/attendees"), data={
        "attendee-name": "Kim Lee", "attendee-job_role": "Teacher",
        "attendee-email": "kim@example.test", "attendee-kind": "other"}).status_code == 403
    assert client.post(url(booking, f"/attendees/{sam.id}/remove")).status_code == 403
    assert outbox_mark() == mark
    assert db.session.get(type(booking), booking.id).sequence == 0


@pytest.mark.parametrize("role", [Role.EDUCATIONAL_PSYCHOLOGIST, Role.SOCIAL_WORKER])
def test_who_may_only_see_gets_403_on_changes(client, sign_in, app, role):
    if role == Role.EDUCATIONAL_PSYCHOLOGIST:
        user = sign_in(role)
        booking = make_booking(slot=make_bookable_session(ep=user).slots[0])
    else:
        sign_in(role, email=SAM)
        booking = make_booking()
    assert client.post(url(booking, "/cancel"), data={"reason": "Ill"}).status_code == 403
    assert client.post(url(booking, "/attendees/1/remove")).status_code == 403


def test_vs_admin_sees_the_actions_and_can_cancel(client, sign_in, booking):
    sign_in(Role.VS_ADMIN)
    page = client.get(url(booking)).text
    assert "Cancel this booking" in page and "Move to another slot" in page
    assert "Add someone" in page
    response = client.post(url(booking, "/cancel"), data={"reason": "The school is closed"})
    assert response.status_code == 302
    assert db.session.get(type(booking), booking.id).status == BookingStatus.CANCELLED


# Cancelling --------------------------------------------------------------------------------------

def test_cancel_page_warns_that_everyone_is_sent_a_cancellation(client, sign_in, booking):
    staff_of(booking, sign_in)
    page = client.get(url(booking, "/cancel")).text
    assert "Everyone invited is sent a cancellation" in page
    assert "Sam Okafor" in page and "Dr Ada Lane" in page


def test_cancelling_tells_everyone_and_frees_the_request(client, sign_in, booking):
    staff_of(booking, sign_in)
    uid, before, people = booking.uid, booking.sequence, everyone(booking)
    mark = outbox_mark()
    response = client.post(url(booking, "/cancel"), data={"reason": "The school is closed"},
                           follow_redirects=True)
    assert response.status_code == 200
    assert f"{booking.reference} cancelled" in response.text
    assert "This booking was cancelled on" in response.text
    assert "The school is closed" in response.text
    assert "Cancel this booking" not in response.text
    booking = db.session.get(type(booking), booking.id)
    assert booking.status == BookingStatus.CANCELLED
    assert booking.request.status == RequestStatus.ACCEPTED
    sent = invites_since(mark)
    assert set(sent) == people and len(people) == 4
    for message in sent.values():
        assert message["method"] == "CANCEL"
        assert message["uid"] == uid
        assert message["sequence"] > before


def test_cancelling_needs_a_reason_without_identifiers(client, sign_in, booking):
    staff_of(booking, sign_in)
    mark = outbox_mark()
    response = client.post(url(booking, "/cancel"), data={"reason": ""})
    assert response.status_code == 400
    assert "There is a problem" in response.text
    assert "Enter why the consultation is cancelled" in response.text
    typed = "Jack Smith has moved away"
    response = client.post(url(booking, "/cancel"), data={"reason": typed})
    assert response.status_code == 400
    assert typed in response.text
    assert db.session.get(type(booking), booking.id).status == BookingStatus.BOOKED
    assert outbox_mark() == mark


def test_a_cancelled_booking_cannot_be_cancelled_or_moved_again(client, sign_in, booking):
    staff_of(booking, sign_in)
    client.post(url(booking, "/cancel"), data={"reason": "Closed"})
    mark = outbox_mark()
    response = client.get(url(booking, "/cancel"), follow_redirects=True)
    assert "can no longer be cancelled" in response.text
    response = client.post(url(booking, "/move"), follow_redirects=True,
                           data={"slot_id": booking.slot.session.slots[1].id})
    assert "can no longer be moved" in response.text
    assert outbox_mark() == mark


# Moving ------------------------------------------------------------------------------------------

def test_move_page_lists_free_slots_by_day(client, sign_in, booking):
    staff_of(booking, sign_in)
    later = make_bookable_session(FUTURE + timedelta(days=7), slots=1)
    page = client.get(url(booking, "/move")).text
    assert "Wednesday 17 November 2027" in page and "Wednesday 24 November 2027" in page
    assert "3pm to 3:50pm" in page and "4pm to 4:50pm" in page
    assert "Online, with Dr Ada Lane" in page
    assert f'value="{later.slots[0].id}"' in page
    assert f'value="{booking.slot_id}"' not in page  # its own slot is not free


def test_moving_sends_the_updated_invite_to_everyone(client, sign_in, booking):
    staff_of(booking, sign_in)
    uid, before, people = booking.uid, booking.sequence, everyone(booking)
    target = booking.slot.session.slots[2]
    mark = outbox_mark()
    response = client.post(url(booking, "/move"), data={"slot_id": target.id},
                           follow_redirects=True)
    assert response.status_code == 200
    assert ("Moved to Wednesday 17 November 2027, 4pm to 4:50pm, everyone invited has been "
            "sent the updated invite") in response.text
    booking = db.session.get(type(booking), booking.id)
    assert booking.slot_id == target.id and booking.sequence == before + 1
    sent = invites_since(mark)
    assert set(sent) == people
    for message in sent.values():
        assert message["method"] == "REQUEST"
        assert message["uid"] == uid and message["sequence"] == before + 1
        assert message["starts"] == datetime(2027, 11, 17, 16, tzinfo=LONDON)


def test_moving_to_a_slot_just_taken_is_a_conflict(client, sign_in, booking):
    staff_of(booking, sign_in)
    taken = booking.slot.session.slots[1]
    free = booking.slot.session.slots[2]
    make_booking(slot=taken)  # another school, since the page was opened
    mark = outbox_mark()
    response = client.post(url(booking, "/move"), data={"slot_id": taken.id})
    assert response.status_code == 409
    assert "Someone else has just booked that slot" in response.text
    assert f'value="{free.id}"' in response.text
    assert f'value="{taken.id}"' not in response.text
    assert db.session.get(type(booking), booking.id).slot_id != taken.id
    assert outbox_mark() == mark


def test_moving_needs_a_slot(client, sign_in, booking):
    staff_of(booking, sign_in)
    response = client.post(url(booking, "/move"), data={})
    assert response.status_code == 400
    assert "Select a new slot" in response.text
    response = client.post(url(booking, "/move"), data={"slot_id": "999999"})
    assert response.status_code == 400
    assert "Select a new slot" in response.text


def test_move_page_says_when_there_is_no_free_slot(client, sign_in, app):
    booking = make_booking(slot=make_bookable_session(slots=1).slots[0])
    staff_of(booking, sign_in)
    response = client.get(url(booking, "/move"))
    assert response.status_code == 200
    assert "There are no free slots to move to" in response.text
    assert "Move the booking" not in response.text


# Attendees ---------------------------------------------------------------------------------------

KIM = {"attendee-name": "Kim Lee", "attendee-job_role": "Family support worker",
       "attendee-email": "Kim.Lee@example.test", "attendee-kind": "other"}


def test_adding_someone_sends_the_updated_invite_to_them_and_everyone(client, sign_in,
                                                                      booking):
    staff_of(booking, sign_in)
    uid, before, people = booking.uid, booking.sequence, everyone(booking)
    mark = outbox_mark()
    response = client.post(url(booking, "/attendees"), data=KIM)
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/bookings/{booking.id}#attendees")
    page = client.get(url(booking)).text
    assert "Kim Lee has been added" in page
    assert "Family support worker" in page and "kim.lee@example.test" in page
    sent = invites_since(mark)
    assert set(sent) == people | {"kim.lee@example.test"}
    for message in sent.values():
        assert message["method"] == "REQUEST"
        assert message["uid"] == uid and message["sequence"] == before + 1


def test_adding_someone_with_htmx_swaps_the_attendees_section(client, sign_in, booking):
    staff_of(booking, sign_in)
    response = client.post(url(booking, "/attendees"), data=KIM, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "HX-Request" in response.headers["Vary"]
    assert '<section id="attendees"' in response.text and "<html" not in response.text
    assert "Kim Lee has been added" in response.text
    assert "kim.lee@example.test" in response.text


def test_adding_someone_with_bad_input_keeps_what_was_typed(client, sign_in, booking):
    staff_of(booking, sign_in)
    mark = outbox_mark()
    response = client.post(url(booking, "/attendees"), data={
        "attendee-name": "Kim Lee", "attendee-job_role": "", "attendee-email": "not-an-email",
        "attendee-kind": "other"})
    assert response.status_code == 400
    assert "There is a problem" in response.text
    assert "Enter the person&#39;s role" in response.text
    assert "Enter an email address in the correct format" in response.text
    assert 'value="Kim Lee"' in response.text and 'value="not-an-email"' in response.text
    assert outbox_mark() == mark
    assert len(db.session.get(type(booking), booking.id).attendees) == 2


def test_bad_input_with_htmx_comes_back_in_the_region(client, sign_in, booking):
    staff_of(booking, sign_in)
    response = client.post(url(booking, "/attendees"), headers={"HX-Request": "true"},
                           data={**KIM, "attendee-kind": ""})
    # htmx does not swap a 4xx in, so the region with its error summary comes back as 200.
    assert response.status_code == 200
    assert "<html" not in response.text
    assert "There is a problem" in response.text and "Select who they are" in response.text
    assert 'value="Kim Lee"' in response.text
    assert len(db.session.get(type(booking), booking.id).attendees) == 2


def test_adding_someone_already_invited_is_refused(client, sign_in, booking):
    staff_of(booking, sign_in)
    mark = outbox_mark()
    response = client.post(url(booking, "/attendees"), data={**KIM, "attendee-email": SAM})
    assert response.status_code == 400
    assert f"{SAM} is already invited" in response.text
    assert 'value="Kim Lee"' in response.text
    assert outbox_mark() == mark


def test_removing_someone_sends_them_a_cancellation_and_the_rest_the_update(client, sign_in,
                                                                             booking):
    staff_of(booking, sign_in)
    uid, before = booking.uid, booking.sequence
    sam = next(each for each in booking.attendees if each.email == SAM)
    rest = everyone(booking) - {SAM}
    mark = outbox_mark()
    response = client.post(url(booking, f"/attendees/{sam.id}/remove"), follow_redirects=True)
    assert response.status_code == 200
    assert "Sam Okafor has been removed" in response.text
    assert "No longer invited" in response.text
    assert db.session.get(BookingAttendee, sam.id).removed_at is not None
    sent = invites_since(mark)
    assert set(sent) == rest | {SAM}
    assert sent[SAM]["method"] == "CANCEL"
    for person in rest:
        assert sent[person]["method"] == "REQUEST"
    assert {message["uid"] for message in sent.values()} == {uid}
    assert {message["sequence"] for message in sent.values()} == {before + 1}


def test_removing_an_attendee_of_another_booking_is_404(client, sign_in, booking):
    staff_of(booking, sign_in)
    other = make_booking()
    stranger = other.attendees[0]
    response = client.post(url(booking, f"/attendees/{stranger.id}/remove"))
    assert response.status_code == 404
    assert db.session.get(BookingAttendee, stranger.id).removed_at is None


def later_today() -> datetime:
    """A moment later today on the London clock (a minute ahead if it is nearly midnight)."""
    now = utcnow()
    midnight = datetime.combine(now.astimezone(LONDON).date() + timedelta(days=1), time(),
                                tzinfo=LONDON)
    return min(now + timedelta(hours=1), now + (midnight - now) / 2).replace(microsecond=0)


def test_attendees_cannot_be_changed_on_the_day(client, sign_in, app):
    starts = later_today()
    session = make_bookable_session(starts_at=starts, slots=1)
    booking = make_booking(slot=session.slots[0], now=starts - timedelta(days=14))
    staff_of(booking, sign_in)
    page = client.get(url(booking)).text
    assert "Attendees can no longer be changed" in page
    assert "Remove" not in page and "Add someone" not in page
    sam = next(each for each in booking.attendees if each.email == SAM)
    mark = outbox_mark()
    response = client.post(url(booking, "/attendees"), data=KIM)
    assert response.status_code == 400
    assert "Attendees can no longer be changed: the consultation is today" in response.text
    response = client.post(url(booking, f"/attendees/{sam.id}/remove"))
    assert response.status_code == 400
    assert db.session.get(BookingAttendee, sam.id).removed_at is None
    assert outbox_mark() == mark


# The calendar file -------------------------------------------------------------------------------

def test_calendar_file_is_this_booking_without_attendees_or_child(client, sign_in, app):
    request_ = make_accepted_request()
    booking = make_booking(request_)
    sign_in(Role.SCHOOL_STAFF, school=request_.school)
    response = client.get(url(booking, "/invite.ics"))
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert response.headers["Content-Disposition"] == (
        f'attachment; filename="{booking.reference}.ics"')
    calendar = Calendar.from_ical(response.data)
    assert str(calendar["METHOD"]) == "PUBLISH"
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    event = events[0]
    assert str(event["UID"]) == booking.uid
    assert int(event["SEQUENCE"]) == booking.sequence
    assert str(event["STATUS"]) == "CONFIRMED"
    assert booking.reference in str(event["SUMMARY"])
    assert b"ATTENDEE" not in response.data
    child = request_.child
    body = response.data.decode()
    assert child.reference not in body
    assert f":{child.initials}" not in body and f" {child.initials} " not in body
    assert "Okafor" not in body


def test_calendar_file_of_a_cancelled_booking_cancels_the_event(client, sign_in, booking):
    staff_of(booking, sign_in)
    client.post(url(booking, "/cancel"), data={"reason": "Closed"})
    booking = db.session.get(type(booking), booking.id)
    calendar = Calendar.from_ical(client.get(url(booking, "/invite.ics")).data)
    event = calendar.walk("VEVENT")[0]
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert str(event["STATUS"]) == "CANCELLED"
    assert str(event["UID"]) == booking.uid
    assert int(event["SEQUENCE"]) == booking.sequence == 1


def test_every_role_that_sees_the_booking_can_download_it(client, sign_in, booking):
    sign_in(Role.SOCIAL_WORKER, email=SAM)
    response = client.get(url(booking, "/invite.ics"))
    assert response.status_code == 200
    assert str(Calendar.from_ical(response.data).walk("VEVENT")[0]["UID"]) == booking.uid
