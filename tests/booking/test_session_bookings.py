"""The Virtual School's side of a booked session: the session page with its bookings and
waiting list, changing a session (everyone booked is sent the change), and cancelling one
(every booking cancelled, every waiting school told)."""

import email
import email.policy
from datetime import timedelta

import pytest
from icalendar import Calendar
from sqlalchemy import event

from app.extensions import db
from app.models import (
    AuditEvent,
    Booking,
    BookingStatus,
    ConsultationSession,
    OutboxMessage,
    RequestStatus,
    Role,
    SessionStatus,
    Slot,
    WaitingListEntry,
    WaitStatus,
)
from app.models.types import utcnow
from tests.booking.factories import (
    FUTURE,
    make_accepted_request,
    make_bookable_session,
    make_booking,
    utc,
)
from tests.conftest import make_school, make_user

SAM = "sam.okafor@county.example.test"


# Helpers --------------------------------------------------------------------------------------

def outbox_mark() -> int:
    return db.session.scalar(db.select(db.func.max(OutboxMessage.id))) or 0


def messages_since(mark: int) -> list[tuple[str, str, email.message.EmailMessage]]:
    """(kind, recipient's address, message) for each email queued after `mark`."""
    rows = db.session.scalars(db.select(OutboxMessage).where(OutboxMessage.id > mark)
                              .order_by(OutboxMessage.id))
    found = []
    for row in rows:
        message = email.message_from_bytes(row.message, policy=email.policy.default)
        found.append((row.kind, message["To"].addresses[0].addr_spec.lower(), message))
    return found


def invites_since(mark: int) -> dict[str, dict]:
    """The calendar messages queued after `mark`, by recipient."""
    sent = {}
    for _kind, to, message in messages_since(mark):
        part = next((each for each in message.walk()
                     if each.get_content_type() == "text/calendar"), None)
        if part is None:
            continue
        calendar = Calendar.from_ical(part.get_content())
        event_ = calendar.walk("VEVENT")[0]
        assert to not in sent, f"{to} got two invites"
        sent[to] = {"method": str(calendar["METHOD"]), "uid": str(event_["UID"]),
                    "sequence": int(event_["SEQUENCE"]), "location": str(event_["LOCATION"]),
                    "attendees": [str(each) for each in _as_list(event_.get("ATTENDEE"))]}
    return sent


def _as_list(value):
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def recipients_of(booking: Booking) -> set[str]:
    session = booking.slot.session
    people = {session.educational_psychologist.email}
    if session.advisor is not None:
        people.add(session.advisor.email)
    return people | {each.email for each in booking.live_attendees}


def wait(session, request_, *, slot=None, joined_at=None) -> WaitingListEntry:
    """A request on the session's waiting list; offered `slot` if one is given."""
    entry = WaitingListEntry(session=session, request=request_, school_id=request_.school_id,
                             joined_by_id=request_.created_by_id,
                             joined_at=joined_at or utcnow(), status=WaitStatus.WAITING)
    if slot is not None:
        entry.status, entry.offered_slot = WaitStatus.OFFERED, slot
        entry.offered_at, entry.offer_expires_at = utcnow(), utcnow() + timedelta(hours=24)
    db.session.add(entry)
    db.session.commit()
    return entry


def edit_form(session, **overrides):
    data = {"day": ["17", "11", "2027"], "start_time": "14:00", "end_time": "17:00",
            "mode": "online", "meeting_url": session.meeting_url or "",
            "venue": session.venue or "",
            "educational_psychologist_id": str(session.educational_psychologist_id),
            "advisor_id": str(session.advisor_id or ""), "slot_minutes": "50",
            "gap_minutes": "10"}
    data.update(overrides)
    return data


def place_form(session, **overrides):
    """What the change page posts for a booked session: no date or times."""
    data = edit_form(session, **overrides)
    for name in ("day", "start_time", "end_time", "slot_minutes", "gap_minutes"):
        if name not in overrides:
            del data[name]
    return data


def audit_actions() -> list[str]:
    return [each.action for each in db.session.scalars(db.select(AuditEvent)
                                                        .order_by(AuditEvent.id))]


@pytest.fixture
def booked(app):
    """A session of three slots on FUTURE, with an advisor; slot 1 booked by Oak Primary
    (a member of staff and Sam the social worker invited)."""
    advisor = make_user(Role.VS_ADVISOR, name="Ria Advisor")
    session = make_bookable_session(advisor=advisor)
    school = make_school(name="Oak Primary")
    return make_booking(make_accepted_request(school), slot=session.slots[0])


# The session page -----------------------------------------------------------------------------

def test_the_session_page_shows_each_slot_booked_held_or_free(client, sign_in, booked):
    session = booked.slot.session
    waiting = make_accepted_request(make_school(name="Birch Academy"))
    held = make_accepted_request(make_school(name="Cedar High"))
    wait(session, held, slot=session.slots[1], joined_at=utcnow() - timedelta(hours=2))
    wait(session, waiting)
    sign_in(Role.VS_ADMIN)
    page = client.get(f"/sessions/{session.id}").text
    slots = page[page.index('id="slots"'):page.index('id="waiting-list"')]
    rows = slots.split('<tr class="govuk-table__row">')[2:]
    assert "Booked" in rows[0] and booked.reference in rows[0]
    assert f'href="/bookings/{booked.id}"' in rows[0]
    assert "Oak Primary" in rows[0]
    assert f'href="/requests/{booked.request_id}"' in rows[0]
    assert booked.request.reference in rows[0] and "2 attendees" in rows[0]
    assert "Held for the waiting list" in rows[1] and held.reference in rows[1]
    assert "Free" in rows[2] and "SFC-" not in rows[2]
    assert "1 of 3 booked" in page
    listing = page[page.index('id="waiting-list"'):]
    assert listing.index(held.reference) < listing.index(waiting.reference)
    assert "Cedar High" in listing and "Birch Academy" in listing
    assert "Offered a slot" in listing and "Waiting" in listing


def test_the_ep_running_it_sees_the_bookings_but_not_the_waiting_list(client, sign_in, app):
    ep = sign_in(Role.EDUCATIONAL_PSYCHOLOGIST)
    session = make_bookable_session(ep=ep)
    booking = make_booking(slot=session.slots[2])
    wait(session, make_accepted_request())
    page = client.get(f"/sessions/{session.id}").text
    assert booking.reference in page and "Booked" in page
    assert "Waiting list" not in page
    assert "Change this session" not in page and "Cancel this session" not in page


def test_another_ep_cannot_see_the_session(client, sign_in, booked):
    sign_in(Role.EDUCATIONAL_PSYCHOLOGIST)
    assert client.get(f"/sessions/{booked.slot.session_id}").status_code == 404
    assert booked.reference not in client.get("/sessions").text


def test_an_advisor_sees_the_waiting_list_too(client, sign_in, booked):
    session = booked.slot.session
    entry = wait(session, make_accepted_request(make_school(name="Birch Academy")))
    sign_in(Role.VS_ADVISOR)
    page = client.get(f"/sessions/{session.id}").text
    assert entry.request.reference in page and "Birch Academy" in page


def test_the_session_page_does_not_query_more_for_more_bookings(client, sign_in, app):
    sign_in(Role.VS_ADMIN)
    ep = make_user(Role.EDUCATIONAL_PSYCHOLOGIST)
    one = make_bookable_session(ep=ep)
    make_booking(slot=one.slots[0])
    three = make_bookable_session(FUTURE + timedelta(days=7), slots=3, ep=ep)
    for slot in three.slots:
        make_booking(slot=slot)
    for session in (one, three):
        wait(session, make_accepted_request())
        wait(session, make_accepted_request())

    def queries_for(session) -> int:
        statements = []

        def count(*_args):
            statements.append(1)

        event.listen(db.engine, "before_cursor_execute", count)
        try:
            assert client.get(f"/sessions/{session.id}").status_code == 200
        finally:
            event.remove(db.engine, "before_cursor_execute", count)
        return len(statements)

    queries_for(one)  # the first request of a test loads things only once
    assert queries_for(three) == queries_for(one)


def test_the_sessions_list_says_how_many_slots_are_booked(client, sign_in, booked):
    make_booking(slot=booked.slot.session.slots[2])
    make_bookable_session(FUTURE + timedelta(days=7), slots=2)
    sign_in(Role.VS_ADVISOR)
    page = client.get("/sessions").text
    assert "2 of 3 booked" in page and "0 of 2 booked" in page


# Changing a session ---------------------------------------------------------------------------

def test_changing_a_booked_sessions_link_and_ep_sends_everyone_the_update(client, sign_in,
                                                                           booked):
    session = booked.slot.session
    old_ep = session.educational_psychologist
    new_ep = make_user(Role.EDUCATIONAL_PSYCHOLOGIST, name="Dr Ben Hale")
    before, sequence = recipients_of(booked), booked.sequence
    sign_in(Role.VS_ADMIN)
    mark = outbox_mark()
    response = client.post(f"/sessions/{session.id}/edit", data=place_form(
        session, meeting_url="https://teams.example.test/meet/new",
        educational_psychologist_id=str(new_ep.id)))
    assert response.status_code == 302
    db.session.refresh(session)
    assert session.meeting_url == "https://teams.example.test/meet/new"
    assert session.educational_psychologist_id == new_ep.id
    assert session.starts_at == FUTURE and len(session.slots) == 3
    sent = invites_since(mark)
    now_invited = (before - {old_ep.email}) | {new_ep.email}
    assert {to for to, each in sent.items() if each["method"] == "REQUEST"} == now_invited
    assert all(sent[to]["sequence"] == sequence + 1 and sent[to]["uid"] == booked.uid
               and sent[to]["location"] == "https://teams.example.test/meet/new"
               for to in now_invited)
    assert sent[old_ep.email]["method"] == "CANCEL"
    assert sent[old_ep.email]["sequence"] == sequence + 1
    db.session.refresh(booked)
    assert booked.sequence == sequence + 1
    assert audit_actions()[-1] == "session_edited"
    page = client.get(response.location).text
    assert "Session updated. 1 booking: everyone invited has been sent the change" in page


def test_the_date_and_times_of_a_booked_session_cannot_change(client, sign_in, booked):
    session = booked.slot.session
    sign_in(Role.VS_ADMIN)
    page = client.get(f"/sessions/{session.id}/edit").text
    assert "The date and times cannot be changed while the session has bookings" in page
    assert 'name="start_time"' not in page and 'name="day"' not in page
    assert 'value="https://teams.example.test/meet/123"' in page
    mark = outbox_mark()
    response = client.post(f"/sessions/{session.id}/edit",
                           data=edit_form(session, start_time="3pm", end_time="6pm"))
    assert response.status_code == 400
    assert "The date and times cannot change while the session has bookings" in response.text
    assert "govuk-error-summary" in response.text
    db.session.refresh(session)
    assert session.starts_at == FUTURE
    assert [slot.starts_at for slot in session.slots] == [
        FUTURE, FUTURE + timedelta(hours=1), FUTURE + timedelta(hours=2)]
    assert messages_since(mark) == []
    assert "session_edited" not in audit_actions()


def test_a_session_nobody_has_booked_can_move_and_its_slots_follow(client, sign_in, app):
    session = make_bookable_session()
    first_slot_id = session.slots[0].id
    sign_in(Role.VS_ADMIN)
    assert 'name="start_time"' in client.get(f"/sessions/{session.id}/edit").text
    response = client.post(f"/sessions/{session.id}/edit", data=edit_form(
        session, day=["24", "11", "2027"], start_time="10am", end_time="midday"))
    assert response.status_code == 302
    db.session.refresh(session)
    assert (session.starts_at, session.ends_at) == (utc(2027, 11, 24, 10),
                                                    utc(2027, 11, 24, 12))
    assert [(slot.position, slot.starts_at) for slot in session.slots] == [
        (1, utc(2027, 11, 24, 10)), (2, utc(2027, 11, 24, 11))]
    assert session.slots[0].id == first_slot_id
    assert db.session.scalar(db.select(db.func.count()).select_from(Slot)) == 2
    assert "Session updated." in client.get(response.location).text


def test_a_change_with_bad_input_is_shown_again_and_nothing_is_saved(client, sign_in, booked):
    session = booked.slot.session
    sign_in(Role.VS_ADMIN)
    mark = outbox_mark()
    response = client.post(f"/sessions/{session.id}/edit",
                           data=place_form(session, mode="in_person", venue="",
                                           meeting_url="https://teams.example.test/typed"))
    assert response.status_code == 400
    assert "Enter the venue" in response.text
    assert 'value="https://teams.example.test/typed"' in response.text
    db.session.refresh(session)
    assert session.mode == "online" and messages_since(mark) == []


def test_saving_without_a_change_tells_nobody(client, sign_in, booked):
    session = booked.slot.session
    sign_in(Role.VS_ADMIN)
    mark = outbox_mark()
    response = client.post(f"/sessions/{session.id}/edit", data=place_form(session))
    assert response.status_code == 302
    assert messages_since(mark) == []
    assert "Nothing was changed" in client.get(response.location).text


@pytest.mark.parametrize("role", [Role.VS_ADVISOR, Role.EDUCATIONAL_PSYCHOLOGIST,
                                  Role.SCHOOL_STAFF])
def test_only_the_vs_admin_changes_a_session(client, sign_in, booked, role):
    sign_in(role)
    session = booked.slot.session
    assert client.get(f"/sessions/{session.id}/edit").status_code == 403
    assert client.post(f"/sessions/{session.id}/edit",
                       data=place_form(session, venue="x")).status_code == 403


def test_a_cancelled_session_cannot_be_changed(client, sign_in, app):
    session = make_bookable_session(status=SessionStatus.CANCELLED, cancel_reason="Unwell")
    sign_in(Role.VS_ADMIN)
    response = client.post(f"/sessions/{session.id}/edit", data=edit_form(session))
    assert response.status_code == 302
    assert "can no longer be changed" in client.get(response.location).text


# Cancelling a session -------------------------------------------------------------------------

def test_cancelling_a_session_cancels_its_bookings_and_closes_its_waiting_list(
        client, sign_in, booked):
    session = booked.slot.session
    second = make_booking(slot=session.slots[1])
    entry = wait(session, make_accepted_request())
    told = {booked.id: recipients_of(booked), second.id: recipients_of(second)}
    sign_in(Role.VS_ADMIN)
    page = client.get(f"/sessions/{session.id}/cancel").text
    assert "2 bookings will be cancelled" in page
    assert "1 request is on the waiting list" in page
    mark = outbox_mark()
    response = client.post(f"/sessions/{session.id}/cancel",
                           data={"reason": "The educational psychologist is unwell"})
    assert response.status_code == 302
    db.session.refresh(session)
    assert session.status == SessionStatus.CANCELLED
    for each in (booked, second):
        db.session.refresh(each)
        assert each.status == BookingStatus.CANCELLED
        assert each.request.status == RequestStatus.ACCEPTED
    db.session.refresh(entry)
    assert entry.status == WaitStatus.CLOSED
    sent = messages_since(mark)
    cancels = [(to, message) for kind, to, message in sent if kind == "invite_cancel"]
    assert sorted(to for to, _ in cancels) == sorted([*told[booked.id], *told[second.id]])
    for _to, message in cancels:
        part = next(each for each in message.walk()
                    if each.get_content_type() == "text/calendar")
        assert str(Calendar.from_ical(part.get_content())["METHOD"]) == "CANCEL"
    closed = [to for kind, to, _ in sent if kind == "waiting_list_closed"]
    assert closed == [entry.joined_by.email]
    page = client.get(response.location).text
    assert "2 bookings cancelled: everyone invited has been sent a cancellation" in page


def test_cancelling_a_session_nobody_booked_says_so(client, sign_in, app):
    session = make_bookable_session()
    sign_in(Role.VS_ADMIN)
    assert "will be cancelled" not in client.get(f"/sessions/{session.id}/cancel").text
    response = client.post(f"/sessions/{session.id}/cancel", data={"reason": "Snow"},
                           follow_redirects=True)
    assert "There were no bookings to cancel" in response.text
    assert db.session.scalar(db.select(ConsultationSession.status)) == SessionStatus.CANCELLED


def test_a_session_that_has_started_cannot_be_cancelled(client, sign_in, app):
    session = make_bookable_session(utcnow() - timedelta(minutes=30))
    sign_in(Role.VS_ADMIN)
    response = client.post(f"/sessions/{session.id}/cancel", data={"reason": "Snow"})
    assert response.status_code == 302
    db.session.refresh(session)
    assert session.status == SessionStatus.PUBLISHED
