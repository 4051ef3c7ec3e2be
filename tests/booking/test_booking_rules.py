"""The booking rules, called on the services directly with a fixed `now`: one live booking a
slot and a request, notice in working days, the per-term limit, waiting-list holds, and what
cannot be booked at all."""

from datetime import datetime, timedelta

import pytest

from app.extensions import db
from app.london import LONDON
from app.models import (
    Booking,
    BookingStatus,
    RequestStatus,
    Role,
    SessionStatus,
    WaitStatus,
)
from app.services import bookings, waiting_list
from app.services.booking_rules import BookingRules, current_rules, earliest_bookable
from app.services.slot_finder import free_slots
from tests.booking.factories import (
    make_accepted_request,
    make_bookable_session,
    make_booking,
    set_rules,
    social_worker,
    utc,
)
from tests.conftest import make_request, make_school, make_user

# A Monday in the summer holidays, well before the autumn term 2027 sessions below.
NOW = utc(2027, 8, 2, 9)


def book(request_, slot, now=NOW, by=None):
    booking = bookings.book(request_, slot, [social_worker()], by or request_.created_by,
                            now=now)
    db.session.commit()
    return booking


def refused(request_, slot, now=NOW, by=None, kind=bookings.BookingRefused) -> str:
    with pytest.raises(kind) as caught:
        bookings.book(request_, slot, [social_worker()], by or request_.created_by, now=now)
    db.session.rollback()
    return str(caught.value)


def live_bookings_of(slot):
    return db.session.scalars(db.select(Booking).where(
        Booking.slot_id == slot.id, Booking.status == BookingStatus.BOOKED)).all()


# One live booking a slot, one a request ------------------------------------------------------

def test_a_slot_holds_one_live_booking(app):
    slot = make_bookable_session().slots[0]
    first, second = make_accepted_request(), make_accepted_request()
    book(first, slot)

    message = refused(second, slot, kind=bookings.SlotTaken)

    assert "Someone else has just booked that slot" in message
    assert len(live_bookings_of(slot)) == 1
    assert db.session.get(type(second), second.id).status == RequestStatus.ACCEPTED


def test_a_request_has_at_most_one_live_booking(app):
    session = make_bookable_session()
    request_ = make_accepted_request()
    book(request_, session.slots[0])

    message = refused(request_, session.slots[1])

    assert "cannot be booked: it is booked, not accepted" in message
    assert live_bookings_of(session.slots[1]) == []


def test_the_database_refuses_a_second_live_booking_for_a_request(app):
    # Two people booking the same request at once both read it as accepted: the unique
    # index decides, and the loser is told the request is booked (not that the slot is).
    session = make_bookable_session()
    request_ = make_accepted_request()
    book(request_, session.slots[0])
    request_.status = RequestStatus.ACCEPTED  # what the second person read

    message = refused(request_, session.slots[1])

    assert message == f"{request_.label} has already been booked"
    assert db.session.scalar(db.select(db.func.count(Booking.id))) == 1


# Notice in working days -----------------------------------------------------------------------

def test_notice_skips_christmas_bank_holidays_and_the_weekend(app):
    # Thursday 24 December 2026 with 2 working days' notice: Christmas Day (Friday), the
    # weekend and Boxing Day's substitute Monday are skipped, so Tuesday 29th is the first
    # working day and Wednesday 30th the earliest day a slot may be booked.
    thursday = utc(2026, 12, 24, 10)
    tuesday = make_bookable_session(utc(2026, 12, 29, 14), slots=1).slots[0]
    wednesday = make_bookable_session(utc(2026, 12, 30, 9), slots=1).slots[0]
    rules = current_rules()
    assert rules.min_notice_days == 2
    assert earliest_bookable(rules, thursday) == datetime(2026, 12, 30, tzinfo=LONDON)

    message = refused(make_accepted_request(), tuesday, now=thursday)
    booking = book(make_accepted_request(), wednesday, now=thursday)

    assert message == ("That slot is too soon to book: slots must be booked at least 2 "
                       "working days ahead. Choose a later slot")
    assert booking.slot_id == wednesday.id


def test_free_slots_follow_the_notice_rule(app):
    thursday = utc(2026, 12, 24, 10)
    tuesday = make_bookable_session(utc(2026, 12, 29, 14), slots=1).slots[0]
    wednesday = make_bookable_session(utc(2026, 12, 30, 9), slots=1).slots[0]

    assert [slot.id for slot in free_slots(thursday)] == [wednesday.id]
    set_rules(min_notice_days=1)
    assert [slot.id for slot in free_slots(thursday)] == [tuesday.id, wednesday.id]


def test_notice_is_counted_on_the_london_calendar(app):
    # 11:30pm UTC on Sunday 24 October 2027 is already Monday in London (BST): 1 working
    # day ahead is Tuesday, so a Monday afternoon slot is too soon and Tuesday's is not.
    late_sunday = utc(2027, 10, 24, 23, 30)
    set_rules(min_notice_days=1)
    monday = make_bookable_session(utc(2027, 10, 25, 13), slots=1).slots[0]
    tuesday = make_bookable_session(utc(2027, 10, 26, 9), slots=1).slots[0]

    assert "1 working day ahead" in refused(make_accepted_request(), monday, now=late_sunday)
    assert book(make_accepted_request(), tuesday, now=late_sunday).slot_id == tuesday.id


def test_no_notice_allows_a_slot_later_the_same_day_but_not_one_already_begun(app):
    set_rules(min_notice_days=0)
    now = utc(2027, 11, 17, 12)
    session = make_bookable_session(utc(2027, 11, 17, 11), slots=3)
    begun, later = session.slots[0], session.slots[1]

    assert "too soon" in refused(make_accepted_request(), begun, now=now)
    assert book(make_accepted_request(), later, now=now).slot_id == later.id


# The per-term limit -----------------------------------------------------------------------------

@pytest.fixture
def limit_of_two(app):
    set_rules(term_limit=2)
    school = make_school()
    autumn = make_bookable_session(utc(2027, 11, 17, 14), slots=3)
    spring = make_bookable_session(utc(2028, 1, 19, 14), slots=1)
    return school, autumn, spring


def test_a_school_books_up_to_its_term_limit(limit_of_two):
    school, autumn, spring = limit_of_two
    book(make_accepted_request(school), autumn.slots[0])
    book(make_accepted_request(school), autumn.slots[1])

    message = refused(make_accepted_request(school), autumn.slots[2])

    assert message == ("Your school has used its 2 consultations for the autumn term 2027. "
                       "Choose a slot in another term, or ask the Virtual School")
    assert live_bookings_of(autumn.slots[2]) == []


def test_the_limit_counts_the_term_of_the_slot_not_of_the_booking(limit_of_two):
    # Booked in the summer holidays (NOW), for autumn: autumn's allowance is used, and the
    # spring term's is untouched.
    school, autumn, spring = limit_of_two
    book(make_accepted_request(school), autumn.slots[0])
    book(make_accepted_request(school), autumn.slots[1])

    assert book(make_accepted_request(school), spring.slots[0]).slot_id == spring.slots[0].id


def test_another_school_is_not_held_back_by_one_at_its_limit(limit_of_two):
    school, autumn, spring = limit_of_two
    book(make_accepted_request(school), autumn.slots[0])
    book(make_accepted_request(school), autumn.slots[1])

    other = book(make_accepted_request(make_school()), autumn.slots[2])

    assert other.slot_id == autumn.slots[2].id


def test_moving_within_the_term_does_not_count_the_booking_twice(limit_of_two):
    school, autumn, spring = limit_of_two
    book(make_accepted_request(school), autumn.slots[0])
    second = book(make_accepted_request(school), autumn.slots[1])

    bookings.move(second, autumn.slots[2], second.request.created_by, now=NOW)
    db.session.commit()

    assert second.slot_id == autumn.slots[2].id


def test_moving_into_a_term_at_its_limit_is_refused(limit_of_two):
    school, autumn, spring = limit_of_two
    book(make_accepted_request(school), autumn.slots[0])
    book(make_accepted_request(school), autumn.slots[1])
    in_spring = book(make_accepted_request(school), spring.slots[0])

    with pytest.raises(bookings.BookingRefused, match="used its 2 consultations for the autumn"):
        bookings.move(in_spring, autumn.slots[2], in_spring.request.created_by, now=NOW)
    db.session.rollback()

    assert db.session.get(Booking, in_spring.id).slot_id == spring.slots[0].id


def test_a_cancelled_booking_gives_its_place_in_the_term_back(limit_of_two):
    school, autumn, spring = limit_of_two
    first = book(make_accepted_request(school), autumn.slots[0])
    book(make_accepted_request(school), autumn.slots[1])
    bookings.cancel(first, "Resolved", first.request.created_by, now=NOW)
    db.session.commit()

    assert book(make_accepted_request(school), autumn.slots[2]).is_live


def test_a_limit_of_zero_means_no_limit(app):
    set_rules(term_limit=0)
    school = make_school()
    session = make_bookable_session(slots=8)

    made = [book(make_accepted_request(school), slot) for slot in session.slots]

    assert len(made) == 8 and all(booking.is_live for booking in made)


# Holds, cancelled sessions, requests not accepted -------------------------------------------

def test_a_slot_held_by_a_waiting_list_offer_refuses_other_requests(app):
    session = make_bookable_session(slots=1)
    taken = book(make_accepted_request(), session.slots[0])
    waiting = make_accepted_request()
    entry = waiting_list.join(session, waiting, waiting.created_by, now=NOW)
    bookings.cancel(taken, "No longer needed", taken.request.created_by, now=NOW)
    db.session.commit()
    assert entry.status == WaitStatus.OFFERED

    message = refused(make_accepted_request(), session.slots[0])
    held_for = book(waiting, session.slots[0])

    assert message == ("That slot is being offered to a school on the waiting list. "
                       "Choose another free slot")
    assert held_for.request_id == waiting.id


def test_an_offer_that_has_run_out_no_longer_holds_the_slot(app):
    session = make_bookable_session(slots=1)
    taken = book(make_accepted_request(), session.slots[0])
    waiting = make_accepted_request()
    waiting_list.join(session, waiting, waiting.created_by, now=NOW)
    bookings.cancel(taken, "No longer needed", taken.request.created_by, now=NOW)
    db.session.commit()
    later = NOW + timedelta(hours=BookingRules().offer_hours, minutes=1)

    booking = book(make_accepted_request(), session.slots[0], now=later)

    assert booking.is_live


def test_a_cancelled_session_refuses_bookings(app):
    session = make_bookable_session()
    session.status = SessionStatus.CANCELLED
    db.session.commit()

    message = refused(make_accepted_request(), session.slots[0])

    assert message == "That session has been cancelled. Choose another free slot"


@pytest.mark.parametrize("status", ["submitted", "declined", "draft"])
def test_a_request_not_accepted_is_refused(app, status):
    slot = make_bookable_session().slots[0]
    request_ = make_request(sent=status != "draft")
    if status == "declined":
        request_.status = RequestStatus.DECLINED
        db.session.commit()

    message = refused(request_, slot)

    assert "not accepted" in message
    assert live_bookings_of(slot) == []


def test_a_request_accepted_for_written_advice_is_not_booked(app):
    from app.models import Route

    slot = make_bookable_session().slots[0]
    request_ = make_accepted_request()
    request_.route = Route.WRITTEN_ADVICE
    db.session.commit()

    message = refused(request_, slot)

    assert message == f"{request_.label} was accepted for written advice, not a consultation"
    assert live_bookings_of(slot) == []


def test_staff_of_another_school_cannot_book_a_request(app):
    slot = make_bookable_session().slots[0]
    request_ = make_accepted_request()
    outsider = make_user(Role.SCHOOL_STAFF, school=make_school())

    message = refused(request_, slot, by=outsider)

    assert message == f"You cannot book a consultation for {request_.label}"


def test_after_a_cancellation_the_slot_and_the_request_can_be_booked_again(app):
    session = make_bookable_session()
    first, second = make_accepted_request(), make_accepted_request()
    cancelled = book(first, session.slots[0])
    bookings.cancel(cancelled, "Moving school", first.created_by, now=NOW)
    db.session.commit()
    assert first.status == RequestStatus.ACCEPTED

    again = book(second, session.slots[0])
    rebooked = book(first, session.slots[1])

    assert again.is_live and rebooked.is_live
    assert first.status == second.status == RequestStatus.BOOKED
    assert cancelled.status == BookingStatus.CANCELLED
    assert len(live_bookings_of(session.slots[0])) == 1


def test_moving_to_the_slot_already_booked_or_after_the_start_is_refused(app):
    session = make_bookable_session()
    booking = make_booking(slot=session.slots[0], now=NOW)
    by = booking.request.created_by

    with pytest.raises(bookings.BookingRefused, match="already booked"):
        bookings.move(booking, session.slots[0], by, now=NOW)
    with pytest.raises(bookings.BookingRefused, match="can no longer be changed"):
        bookings.move(booking, session.slots[1], by, now=session.slots[0].starts_at)
    with pytest.raises(bookings.BookingRefused, match="already started"):
        bookings.cancel(booking, "Too late", by, now=session.slots[0].starts_at)
    db.session.rollback()

    assert db.session.get(Booking, booking.id).is_live


def test_moving_to_a_slot_someone_else_holds_is_refused_and_nothing_changes(app):
    session = make_bookable_session()
    mine = make_booking(slot=session.slots[0], now=NOW)
    make_booking(slot=session.slots[1], now=NOW)
    sequence = mine.sequence

    with pytest.raises(bookings.SlotTaken):
        bookings.move(mine, session.slots[1], mine.request.created_by, now=NOW)
    db.session.rollback()

    mine = db.session.get(Booking, mine.id)
    assert (mine.slot_id, mine.sequence) == (session.slots[0].id, sequence)


def test_an_attendee_is_invited_once_however_their_address_is_typed(app):
    booking = make_booking(now=NOW)
    by = booking.request.created_by
    again = social_worker(email="  Sam.Okafor@County.example.test ")

    with pytest.raises(bookings.BookingRefused,
                       match="sam.okafor@county.example.test is already invited"):
        bookings.add_attendee(booking, again, by, now=NOW)
    db.session.rollback()

    assert len(db.session.get(Booking, booking.id).live_attendees) == 2
