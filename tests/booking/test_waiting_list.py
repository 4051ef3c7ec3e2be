"""The waiting list of a full session: joining in order, the offer of a freed slot (held,
emailed, booked or passed on), closing the list, and workers passing offers on once."""

import threading
from datetime import timedelta

import pytest

from app.extensions import db
from app.london import long_datetime
from app.models import AuditEvent, Role, SessionStatus, WaitingListEntry, WaitStatus
from app.services import bookings, waiting_list
from app.services.booking_rules import BookingRules
from app.services.slot_finder import free_slots, full_sessions
from tests.booking.factories import (
    FUTURE,
    assert_no_child_detail,
    make_accepted_request,
    make_bookable_session,
    make_booking,
    make_full_session,
    make_telltale_request,
    outbox_rows,
    parse_email,
    social_worker,
    utc,
)
from tests.conftest import make_school, make_user

NOW = utc(2027, 9, 6, 9)
FREED = NOW + timedelta(hours=2)  # when the booked slot is cancelled
HOLD = timedelta(hours=BookingRules().offer_hours)


@pytest.fixture
def full(app):
    """A session of one slot, booked; two requests (two schools) on its waiting list.
    Returns (session, the booking, first entry, second entry)."""
    session, [taken] = make_full_session(slots=1, now=NOW)
    first = make_telltale_request(make_school())
    second = make_accepted_request(make_school())
    first_entry = waiting_list.join(session, first, first.created_by, now=NOW)
    db.session.commit()
    second_entry = waiting_list.join(session, second, second.created_by,
                                     now=NOW + timedelta(minutes=1))
    db.session.commit()
    return session, taken, first_entry, second_entry


def cancel(booking, now=FREED):
    bookings.cancel(booking, "No longer needed", booking.request.created_by, now=now)
    db.session.commit()


def book(request_, slot, now):
    booking = bookings.book(request_, slot, [social_worker()], request_.created_by, now=now)
    db.session.commit()
    return booking


def refused(request_, slot, now) -> str:
    with pytest.raises(bookings.BookingRefused) as caught:
        bookings.book(request_, slot, [social_worker()], request_.created_by, now=now)
    db.session.rollback()
    return str(caught.value)


def offers():
    return [parse_email(row) for row in outbox_rows("waiting_list_offer")]


def expire(now) -> int:
    return waiting_list.expire_offers(now)


def reread(*entries):
    db.session.rollback()
    return [db.session.get(WaitingListEntry, entry.id) for entry in entries]


# Joining -------------------------------------------------------------------------------------

def test_schools_join_a_full_session_in_the_order_they_came(full):
    session, taken, first, second = full

    assert [s.id for s in full_sessions(NOW)] == [session.id]
    assert free_slots(NOW) == []
    assert [first.status, second.status] == [WaitStatus.WAITING, WaitStatus.WAITING]
    assert [waiting_list.position(first), waiting_list.position(second)] == [1, 2]


def test_a_request_joins_a_list_once(full):
    session, taken, first, second = full

    with pytest.raises(bookings.BookingRefused, match="already on this session's waiting list"):
        waiting_list.join(session, first.request, first.request.created_by, now=NOW)


def test_a_session_with_a_free_slot_has_no_waiting_list(app):
    session = make_bookable_session(slots=2)
    make_booking(slot=session.slots[0], now=NOW)
    request_ = make_accepted_request()

    with pytest.raises(bookings.BookingRefused, match="has a free slot: book it instead"):
        waiting_list.join(session, request_, request_.created_by, now=NOW)
    assert full_sessions(NOW) == []


# The offer -------------------------------------------------------------------------------------

def test_a_cancellation_offers_the_slot_to_the_first_in_line_by_email(full):
    session, taken, first, second = full
    slot = session.slots[0]

    cancel(taken)

    first, second = reread(first, second)
    assert first.status == WaitStatus.OFFERED and second.status == WaitStatus.WAITING
    assert first.offered_slot_id == slot.id
    assert first.offer_expires_at == FREED + HOLD
    [offer] = offers()
    assert offer["To"].addresses[0].addr_spec == first.joined_by.email
    body = offer.get_content()
    assert f"http://127.0.0.1:5000/slots/{slot.id}/book?request={first.request_id}" in body
    assert f"held for you until {long_datetime(FREED + HOLD)}" in body
    assert "Wednesday 17 November 2027, 2pm to 2:50pm" in body
    assert first.request.reference in offer["Subject"]
    assert_no_child_detail(outbox_rows("waiting_list_offer")[0].message)


def test_the_offered_slot_is_held_for_the_first_in_line(full):
    session, taken, first, second = full
    slot = session.slots[0]
    cancel(taken)
    a_moment_later = FREED + timedelta(minutes=5)

    assert slot not in free_slots(a_moment_later)
    assert "being offered to a school on the waiting list" in refused(
        second.request, slot, a_moment_later)
    assert "being offered" in refused(make_accepted_request(), slot, a_moment_later)

    booking = book(first.request, slot, a_moment_later)

    first, second = reread(first, second)
    assert booking.is_live and first.status == WaitStatus.BOOKED
    assert second.status == WaitStatus.WAITING
    assert len(offers()) == 1


def test_an_offer_not_taken_passes_to_the_next_in_line(full):
    session, taken, first, second = full
    slot = session.slots[0]
    cancel(taken)

    assert expire(FREED + HOLD - timedelta(minutes=1)) == 0
    later = FREED + HOLD + timedelta(minutes=1)
    assert expire(later) == 1

    first, second = reread(first, second)
    assert first.status == WaitStatus.EXPIRED
    assert second.status == WaitStatus.OFFERED and second.offered_slot_id == slot.id
    assert second.offer_expires_at == later + HOLD
    assert [m["To"].addresses[0].addr_spec for m in offers()] == [
        first.joined_by.email, second.joined_by.email]
    assert "being offered" in refused(first.request, slot, later)
    assert book(second.request, slot, later).is_live


def test_with_nobody_left_the_slot_becomes_free(full):
    session, taken, first, second = full
    slot = session.slots[0]
    cancel(taken)
    expire(FREED + HOLD + timedelta(minutes=1))
    last = FREED + 2 * HOLD + timedelta(minutes=2)

    assert expire(last) == 1

    assert [entry.status for entry in reread(first, second)] == [WaitStatus.EXPIRED] * 2
    assert [each.id for each in free_slots(last)] == [slot.id]
    assert len(offers()) == 2
    assert book(make_accepted_request(), slot, last).is_live


def test_a_slot_freed_by_a_move_is_offered_too(full):
    session, taken, first, second = full
    elsewhere = make_bookable_session(FUTURE + timedelta(days=7), slots=1).slots[0]

    bookings.move(taken, elsewhere, taken.request.created_by, now=FREED)
    db.session.commit()

    [first] = reread(first)
    assert first.status == WaitStatus.OFFERED and first.offered_slot_id == session.slots[0].id


def test_an_offered_request_booked_elsewhere_passes_its_offer_on(full):
    session, taken, first, second = full
    cancel(taken)
    elsewhere = make_bookable_session(FUTURE + timedelta(days=7), slots=1).slots[0]

    book(first.request, elsewhere, FREED + timedelta(hours=1))

    first, second = reread(first, second)
    assert first.status == WaitStatus.WITHDRAWN
    assert second.status == WaitStatus.OFFERED
    assert second.offered_slot_id == session.slots[0].id
    assert offers()[-1]["To"].addresses[0].addr_spec == second.joined_by.email


def test_withdrawing_an_offered_request_passes_the_offer_on(full):
    session, taken, first, second = full
    cancel(taken)

    waiting_list.withdraw(first, first.joined_by, now=FREED + timedelta(hours=1))
    db.session.commit()

    first, second = reread(first, second)
    assert first.status == WaitStatus.WITHDRAWN and second.status == WaitStatus.OFFERED
    with pytest.raises(bookings.BookingRefused, match="no longer on the waiting list"):
        waiting_list.withdraw(first, first.joined_by, now=FREED + timedelta(hours=2))


def test_a_request_booked_elsewhere_meanwhile_is_passed_over(full):
    session, taken, first, second = full
    elsewhere = make_bookable_session(FUTURE + timedelta(days=7), slots=1).slots[0]
    book(first.request, elsewhere, NOW + timedelta(hours=1))

    cancel(taken)

    first, second = reread(first, second)
    assert first.status == WaitStatus.WITHDRAWN and second.status == WaitStatus.OFFERED


# Closing the list ------------------------------------------------------------------------------

def test_cancelling_the_session_closes_the_list_and_tells_everyone_waiting(full):
    session, taken, first, second = full
    admin = make_user(Role.VS_ADMIN)
    session.status = SessionStatus.CANCELLED
    session.cancel_reason = "The psychologist is ill"

    assert bookings.cancel_session_bookings(session, "The psychologist is ill", admin,
                                            now=FREED) == 1
    db.session.commit()

    first, second = reread(first, second)
    assert [first.status, second.status] == [WaitStatus.CLOSED, WaitStatus.CLOSED]
    closed = [parse_email(row) for row in outbox_rows("waiting_list_closed")]
    assert [m["To"].addresses[0].addr_spec for m in closed] == [
        first.joined_by.email, second.joined_by.email]
    assert "has been cancelled" in closed[0].get_content()
    assert "http://127.0.0.1:5000/slots" in closed[0].get_content()
    assert offers() == []
    assert len(outbox_rows("invite_cancel")) == len(bookings.recipients(taken))
    for row in outbox_rows():
        assert_no_child_detail(row.message)


# Two workers ---------------------------------------------------------------------------------

def test_two_workers_expiring_at_the_same_moment_pass_an_offer_on_once(app, full):
    session, taken, first, second = full
    cancel(taken)
    later = FREED + HOLD + timedelta(minutes=1)
    start = threading.Barrier(2)
    results, errors = [], []

    def worker():
        try:
            with app.app_context():
                start.wait(timeout=30)
                results.append(waiting_list.expire_offers(later))
        except Exception as error:  # noqa: BLE001 (reported below)
            errors.append(repr(error))

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == [] and sorted(results) == [0, 1]
    first, second = reread(first, second)
    assert (first.status, second.status) == (WaitStatus.EXPIRED, WaitStatus.OFFERED)
    assert len(offers()) == 2


def test_a_worker_that_read_the_offer_as_due_before_another_passed_it_on_does_nothing(
        full, monkeypatch):
    session, taken, first, second = full
    cancel(taken)
    later = FREED + HOLD + timedelta(minutes=1)
    read_by_both = waiting_list._due_offer_ids(later)
    db.session.rollback()
    monkeypatch.setattr(waiting_list, "_due_offer_ids", lambda now: read_by_both)

    assert waiting_list.expire_offers(later) == 1
    assert waiting_list.expire_offers(later + timedelta(seconds=1)) == 0

    first, second = reread(first, second)
    assert (first.status, second.status) == (WaitStatus.EXPIRED, WaitStatus.OFFERED)
    assert second.offer_expires_at == later + HOLD
    assert len(offers()) == 2
    assert db.session.scalar(db.select(db.func.count(AuditEvent.id)).where(
        AuditEvent.action == "waiting_list_offer_expired")) == 1


def test_a_session_too_soon_to_be_offered_has_no_waiting_list(app):
    # Tuesday 16 November 2027: two working days' notice means Thursday 18th at the
    # earliest, so a slot freed in Wednesday's session could never be offered.
    session, _ = make_full_session(slots=1, now=NOW)
    request_ = make_accepted_request()

    with pytest.raises(bookings.BookingRefused, match="too soon to join its waiting list"):
        waiting_list.join(session, request_, request_.created_by, now=utc(2027, 11, 16, 9))
    assert full_sessions(utc(2027, 11, 16, 9)) == []
