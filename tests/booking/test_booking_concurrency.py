"""Many schools booking the last free slot at the same moment: exactly one wins.

Threads, each with its own app context, session and connection, as separate web requests
have; with PostgreSQL also separate processes, as separate gunicorn workers have.
"""

import multiprocessing
import os
import threading

import pytest
from flask import g

from app.extensions import db
from app.models import (
    AdviceRequest,
    Booking,
    BookingStatus,
    OutboxMessage,
    RequestStatus,
    Role,
    Slot,
    User,
)
from app.services import bookings
from tests.booking.factories import (
    make_accepted_request,
    make_bookable_session,
    make_booking,
    parse_email,
    social_worker,
    staff_attendee,
    utc,
)
from tests.conftest import config_for_tests, make_school, make_user

RACERS = 8
NOW = utc(2027, 9, 6, 9)
POSTGRES = "postgresql" in os.environ.get("TEST_DATABASE_URL", "")


@pytest.fixture
def last_slot(app):
    """A session with one slot already booked and one left, and RACERS accepted requests
    from as many schools, each wanting it. Returns (slot id, [(request id, user id)])."""
    session = make_bookable_session(slots=2, advisor=make_user(Role.VS_ADVISOR))
    make_booking(slot=session.slots[0], now=NOW)
    racers = []
    for _ in range(RACERS):
        request_ = make_accepted_request(make_school())
        racers.append((request_.id, request_.created_by_id))
    return session.slots[1].id, racers


def book_one(request_id: int, user_id: int, slot_id: int) -> str:
    """One person's booking, as the view makes it: 'booked', or 'taken'."""
    request_ = db.session.get(AdviceRequest, request_id)
    by = db.session.get(User, user_id)
    try:
        bookings.book(request_, db.session.get(Slot, slot_id),
                      [staff_attendee(by), social_worker()], by, now=NOW)
        db.session.commit()
    except bookings.SlotTaken:
        db.session.rollback()
        return "taken"
    return "booked"


def assert_one_winner(slot_id: int, racers, outcomes: list[str]) -> None:
    db.session.rollback()
    assert sorted(outcomes) == ["booked"] + ["taken"] * (RACERS - 1)
    live = db.session.scalars(db.select(Booking).where(
        Booking.slot_id == slot_id, Booking.status == BookingStatus.BOOKED)).all()
    assert len(live) == 1
    winner = live[0]
    assert db.session.scalar(db.select(db.func.count(Booking.id)).where(
        Booking.slot_id == slot_id)) == 1
    statuses = {request_id: db.session.get(AdviceRequest, request_id).status
                for request_id, _ in racers}
    assert [rid for rid, status in statuses.items() if status == RequestStatus.BOOKED] == [
        winner.request_id]
    assert sum(status == RequestStatus.ACCEPTED for status in statuses.values()) == RACERS - 1
    # The reference the losers took was given back: the winner's follows the first booking.
    assert winner.reference == "SFC-2027-0002"

    # The outbox: the first booking's invites, then only the winner's, each to one person.
    rows = db.session.scalars(db.select(OutboxMessage).order_by(OutboxMessage.id)).all()
    first = [row for row in rows if "SFC-2027-0001" in row.subject]
    later = [row for row in rows if row not in first]
    assert all("SFC-2027-0002" in row.subject for row in later)
    winner_people = {person.email for person in bookings.recipients(winner)}
    assert sorted(parse_email(row)["To"].addresses[0].addr_spec for row in later) == sorted(
        winner_people)
    staff = {db.session.get(User, user_id).email for _, user_id in racers}
    assert len(winner_people & staff) == 1  # the winner's own staff, and no loser's


@pytest.mark.parametrize("attempt", range(3))
def test_threads_racing_for_the_last_slot_leave_exactly_one_booking(app, last_slot, attempt):
    slot_id, racers = last_slot
    start = threading.Barrier(RACERS)
    outcomes, errors = [], []

    def race(request_id, user_id):
        try:
            with app.app_context():
                g.writes = True  # a POST request takes SQLite's write lock at BEGIN
                start.wait(timeout=30)
                outcomes.append(book_one(request_id, user_id, slot_id))
        except Exception as error:  # noqa: BLE001 (reported below)
            errors.append(repr(error))

    threads = [threading.Thread(target=race, args=racer) for racer in racers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert not any(thread.is_alive() for thread in threads)
    assert errors == []
    assert_one_winner(slot_id, racers, outcomes)


def race_in_process(tmp_path, request_id, user_id, slot_id, start, results):
    """A separate process (a gunicorn worker of its own): its own app and connections."""
    from app import create_app

    app = create_app(config_for_tests(tmp_path))
    with app.app_context():
        try:
            start.wait(timeout=60)
            results.put(book_one(request_id, user_id, slot_id))
        except Exception as error:  # noqa: BLE001 (reported by the test)
            results.put(f"error: {error!r}")
        finally:
            db.session.remove()
            db.engine.dispose()


@pytest.mark.skipif(not POSTGRES, reason="processes share a database only in the PostgreSQL "
                    "run: scripts/with-postgres .venv/bin/pytest "
                    "tests/booking/test_booking_concurrency.py")
def test_processes_racing_for_the_last_slot_leave_exactly_one_booking(app, last_slot, tmp_path):
    slot_id, racers = last_slot
    db.session.commit()
    spawn = multiprocessing.get_context("spawn")
    start, results = spawn.Barrier(RACERS), spawn.Queue()
    processes = [spawn.Process(target=race_in_process,
                               args=(tmp_path, request_id, user_id, slot_id, start, results))
                 for request_id, user_id in racers]
    for process in processes:
        process.start()
    outcomes = [results.get(timeout=120) for _ in processes]
    for process in processes:
        process.join(timeout=60)

    assert all(process.exitcode == 0 for process in processes)
    assert_one_winner(slot_id, racers, outcomes)


# Two changes to one booking at the same moment ----------------------------------------------

def at_once(app, *changes) -> list:
    """Run each change(booking, by) in a thread of its own, started together; returns what
    each returned, or the message of the BookingRefused it raised."""
    start = threading.Barrier(len(changes))
    outcomes, errors = [], []

    def run(change, booking_id, user_id):
        try:
            with app.app_context():
                g.writes = True
                start.wait(timeout=30)
                booking = db.session.get(Booking, booking_id)
                by = db.session.get(User, user_id)
                try:
                    outcomes.append(change(booking, by))
                    db.session.commit()
                except bookings.BookingRefused as refused:
                    db.session.rollback()
                    outcomes.append(str(refused))
        except Exception as error:  # noqa: BLE001 (reported below)
            errors.append(repr(error))

    threads = [threading.Thread(target=run, args=args) for args in changes]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    db.session.rollback()
    return outcomes


def test_a_booking_cancelled_twice_at_once_is_cancelled_once(app):
    booking = make_booking(now=NOW)
    args = (booking.id, booking.request.created_by_id)

    def cancel(booking, by):
        bookings.cancel(booking, "Resolved", by, now=NOW)
        return "cancelled"

    outcomes = at_once(app, (cancel, *args), (cancel, *args))

    assert sorted(outcomes) == ["This booking is already cancelled", "cancelled"]
    booking = db.session.get(Booking, booking.id)
    assert booking.sequence == 1
    cancels = db.session.scalars(db.select(OutboxMessage).where(
        OutboxMessage.kind == "invite_cancel")).all()
    assert len(cancels) == len(bookings.recipients(booking))
    assert booking.request.status == RequestStatus.ACCEPTED
    assert len([e for e in booking.request.events if e.to_status == RequestStatus.ACCEPTED
                and e.from_status == RequestStatus.BOOKED]) == 1


def test_two_attendees_added_at_once_each_get_a_sequence_of_their_own(app):
    booking = make_booking(now=NOW)
    args = (booking.id, booking.request.created_by_id)

    def adding(name, address):
        def add(booking, by):
            return bookings.add_attendee(booking, social_worker(name, address), by,
                                         now=NOW).email
        return add

    outcomes = at_once(app, (adding("Kim Ray", "kim@county.example.test"), *args),
                       (adding("Lee Fox", "lee@county.example.test"), *args))

    assert sorted(outcomes) == ["kim@county.example.test", "lee@county.example.test"]
    booking = db.session.get(Booking, booking.id)
    assert booking.sequence == 2
    updates = [parse_email(row) for row in db.session.scalars(db.select(OutboxMessage).where(
        OutboxMessage.kind == "invite_update").order_by(OutboxMessage.id))]
    sequences = [int(next(p for p in m.walk() if p.get_content_type() == "text/calendar")
                     .get_content().split("SEQUENCE:")[1].split()[0]) for m in updates]
    # The first change's update went to one person fewer than the second's.
    people = len(bookings.recipients(booking))
    assert sorted(sequences) == [1] * (people - 1) + [2] * people
