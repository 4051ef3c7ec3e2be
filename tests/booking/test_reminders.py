"""Reminders the day before a consultation (London calendar), queued by housekeeping.run:
once per person, however many times and workers run it."""

import threading
from datetime import datetime, timedelta

import pytest

from app.extensions import db
from app.london import LONDON
from app.models import Role
from app.services import bookings, housekeeping, outbox
from tests.booking.factories import (
    FUTURE,
    assert_no_child_detail,
    make_bookable_session,
    make_telltale_request,
    outbox_rows,
    parse_email,
    set_rules,
    social_worker,
    staff_attendee,
    utc,
)
from tests.conftest import make_user

BOOKED = utc(2027, 11, 1, 9)             # Monday 1 November 2027
DAY_BEFORE = utc(2027, 11, 16, 7)        # Tuesday 16th, 7am: FUTURE is Wednesday 17th, 2pm


def book(slot, now=BOOKED):
    request_ = make_telltale_request()
    senco = request_.created_by
    booking = bookings.book(request_, slot, [staff_attendee(senco), social_worker()], senco,
                            now=now)
    db.session.commit()
    return booking


@pytest.fixture
def booking(app):
    session = make_bookable_session(FUTURE, slots=2, advisor=make_user(Role.VS_ADVISOR))
    return book(session.slots[0])


def reminders():
    return outbox_rows("reminder")


def reminded() -> list[str]:
    return sorted(parse_email(row)["To"].addresses[0].addr_spec for row in reminders())


def everyone(booking) -> list[str]:
    return sorted(person.email for person in bookings.recipients(booking))


def test_the_day_before_each_person_invited_gets_one_reminder(booking):
    assert housekeeping.run(DAY_BEFORE) == (0, 4)

    assert reminded() == everyone(booking)
    for row in reminders():
        message = parse_email(row)
        body = message.get_content()
        assert message["Subject"] == (f"Reminder: Solution Focused Consultation — "
                                      f"{booking.reference} — Wednesday 17 November 2027, "
                                      "2pm to 2:50pm")
        assert "When: Wednesday 17 November 2027, 2pm to 2:50pm (UK time)" in body
        assert "Join online: https://teams.example.test/meet/123" in body
        assert f"http://127.0.0.1:5000/bookings/{booking.id}" in body
        assert_no_child_detail(row.message)


def test_running_again_queues_nothing_more(booking):
    housekeeping.run(DAY_BEFORE)

    assert housekeeping.run(DAY_BEFORE + timedelta(minutes=1)) == (0, 0)
    assert housekeeping.run(DAY_BEFORE + timedelta(hours=6)) == (0, 0)
    assert reminded() == everyone(booking)


def test_two_workers_at_the_same_moment_queue_each_reminder_once(app, booking):
    start = threading.Barrier(2)
    results, errors = [], []

    def worker():
        try:
            with app.app_context():
                start.wait(timeout=30)
                results.append(housekeeping.run(DAY_BEFORE))
        except Exception as error:  # noqa: BLE001 (reported below)
            errors.append(repr(error))

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert sorted(queued for _, queued in results) == [0, 4]
    db.session.rollback()
    assert reminded() == everyone(booking)


def test_sending_delivers_each_reminder_once(app, booking, smtp):
    housekeeping.run(DAY_BEFORE)
    outbox.send_all_due("worker-1", now=DAY_BEFORE.replace(year=2030))
    housekeeping.run(DAY_BEFORE + timedelta(hours=1))
    outbox.send_all_due("worker-2", now=DAY_BEFORE.replace(year=2030))

    delivered = [m for m in smtp.messages if m["Subject"].startswith("Reminder:")]
    assert sorted(m["To"].addresses[0].addr_spec for m in delivered) == everyone(booking)
    assert len({m["Message-ID"] for m in delivered}) == 4


def test_no_reminder_two_days_before(booking):
    assert housekeeping.run(utc(2027, 11, 15, 9)) == (0, 0)
    assert housekeeping.run(utc(2027, 11, 15, 23, 59)) == (0, 0)  # still the 15th in London
    assert reminders() == []


def test_the_day_before_is_the_day_before_in_london(app):
    # Thursday 21 October 2027, 10am BST. 11:30pm UTC on the 19th is already 12:30am on
    # Wednesday 20th in London: the day before. 10:30pm UTC on the 19th is not.
    session = make_bookable_session(datetime(2027, 10, 21, 10, tzinfo=LONDON), slots=1)
    book(session.slots[0], now=utc(2027, 10, 1, 9))

    assert housekeeping.run(utc(2027, 10, 19, 22, 30)) == (0, 0)
    assert housekeeping.run(utc(2027, 10, 19, 23, 30)) == (0, 3)


def test_no_reminder_for_a_booking_made_on_the_reminder_day(app):
    set_rules(min_notice_days=1)
    slot = make_bookable_session(FUTURE, slots=1).slots[0]
    book(slot, now=utc(2027, 11, 16, 6))  # the invite itself has just gone

    assert housekeeping.run(utc(2027, 11, 16, 9)) == (0, 0)
    assert housekeeping.run(utc(2027, 11, 17, 8)) == (0, 0)


def test_a_booking_made_the_day_before_the_reminder_day_gets_one(app):
    set_rules(min_notice_days=1)
    slot = make_bookable_session(FUTURE, slots=1).slots[0]
    book(slot, now=utc(2027, 11, 15, 16))

    assert housekeeping.run(DAY_BEFORE) == (0, 3)


def test_a_moved_booking_is_reminded_of_its_new_slot_only(booking):
    later = make_bookable_session(utc(2027, 11, 24, 14), slots=1).slots[0]
    bookings.move(booking, later, booking.request.created_by, now=utc(2027, 11, 5, 9))
    db.session.commit()

    assert housekeeping.run(DAY_BEFORE) == (0, 0)
    assert housekeeping.run(utc(2027, 11, 23, 7)) == (0, 3)  # the new session has no advisor
    for row in reminders():
        assert "Wednesday 24 November 2027, 2pm to 2:50pm" in row.subject


def test_a_booking_moved_after_its_reminder_is_reminded_again_for_the_new_slot(booking):
    housekeeping.run(DAY_BEFORE)
    later = make_bookable_session(utc(2027, 11, 24, 14), slots=1).slots[0]
    bookings.move(booking, later, booking.request.created_by, now=DAY_BEFORE + timedelta(hours=2))
    db.session.commit()

    assert housekeeping.run(utc(2027, 11, 23, 7)) == (0, 3)
    subjects = [row.subject for row in reminders()]
    assert sum("17 November" in subject for subject in subjects) == 4
    assert sum("24 November" in subject for subject in subjects) == 3


def test_a_cancelled_booking_gets_no_reminder(booking):
    bookings.cancel(booking, "Resolved", booking.request.created_by, now=utc(2027, 11, 10, 9))
    db.session.commit()

    assert housekeeping.run(DAY_BEFORE) == (0, 0)


def test_a_removed_attendee_gets_no_reminder_and_an_added_one_does(booking):
    [worker] = [each for each in booking.live_attendees if each.email.startswith("sam.")]
    senco = booking.request.created_by
    bookings.remove_attendee(booking, worker, senco, now=utc(2027, 11, 8, 9))
    bookings.add_attendee(booking, social_worker("Kim Ray", "kim.ray@county.example.test"),
                          senco, now=utc(2027, 11, 8, 9))
    db.session.commit()

    housekeeping.run(DAY_BEFORE)

    assert "kim.ray@county.example.test" in reminded()
    assert "sam.okafor@county.example.test" not in reminded()
    assert reminded() == everyone(booking)


def test_reminder_days_zero_sends_none(booking):
    set_rules(reminder_days=0)

    assert housekeeping.run(DAY_BEFORE) == (0, 0)
    assert housekeeping.run(utc(2027, 11, 17, 8)) == (0, 0)


def test_reminder_days_two_sends_them_two_days_before(booking):
    set_rules(reminder_days=2)

    assert housekeeping.run(utc(2027, 11, 14, 12)) == (0, 0)
    assert housekeeping.run(utc(2027, 11, 15, 7)) == (0, 4)
    assert housekeeping.run(DAY_BEFORE) == (0, 0)
