"""Booking emails delivered through a real SMTP server, and read back with the standard
email package: the shape Outlook and Gmail turn into an invite, one email per person, and
nothing lost or sent twice when the mail server is away for a while."""

import socket
from datetime import timedelta

from app.extensions import db
from app.models import OutboxMessage, OutboxStatus, Role
from app.models.types import utcnow
from app.services import bookings, outbox
from tests.booking.factories import (
    assert_no_child_detail,
    make_bookable_session,
    make_telltale_request,
    parse_email,
    social_worker,
    staff_attendee,
    utc,
)
from tests.conftest import make_user

NOW = utc(2027, 9, 6, 9)


def book(session=None, now=NOW):
    session = session or make_bookable_session(advisor=make_user(Role.VS_ADVISOR))
    request_ = make_telltale_request()
    senco = request_.created_by
    booking = bookings.book(request_, session.slots[0], [staff_attendee(senco), social_worker()],
                            senco, now=now)
    db.session.commit()
    return booking


def parts(message) -> list[str]:
    """The MIME tree, depth first: 'multipart/mixed', '  multipart/alternative', ..."""
    found = []

    def walk(part, depth):
        found.append("  " * depth + part.get_content_type())
        if part.is_multipart():
            for child in part.iter_parts():
                walk(child, depth + 1)

    walk(message, 0)
    return found


def test_each_person_gets_their_own_invite_shaped_for_outlook_and_gmail(app, smtp):
    booking = book()
    people = [person.email for person in bookings.recipients(booking)]

    report = outbox.send_all_due("worker-1")

    assert report.sent == len(people) == 4
    assert sorted(m["To"].addresses[0].addr_spec for m in smtp.messages) == sorted(people)
    for message in smtp.messages:
        assert len(message["To"].addresses) == 1
        assert message["Cc"] is None and message["Bcc"] is None
        assert parts(message) == ["multipart/mixed", "  multipart/alternative",
                                  "    text/plain", "    text/calendar", "  application/ics"]
        alternative, attachment = message.iter_parts()
        text, calendar = alternative.iter_parts()
        assert calendar.get_param("method") == "REQUEST"
        assert calendar.get_param("charset") == "UTF-8"
        assert attachment.get_filename() == "invite.ics"
        assert attachment.get_content_disposition() == "attachment"
        assert attachment.get_content() == calendar.get_payload(decode=True)
        assert b"METHOD:REQUEST" in attachment.get_content()
        body = text.get_content()
        assert f"What: Solution Focused Consultation — {booking.reference}" in body
        assert "When: Wednesday 17 November 2027, 2pm to 2:50pm (UK time)" in body
        assert "Join online: https://teams.example.test/meet/123" in body
        assert f"http://127.0.0.1:5000/bookings/{booking.id}" in body
        assert message["Subject"] == (f"Invitation: Solution Focused Consultation — "
                                      f"{booking.reference} — Wednesday 17 November 2027, "
                                      "2pm to 2:50pm")


def test_a_cancellation_is_sent_as_a_calendar_cancel(app, smtp):
    booking = book()
    outbox.send_all_due("worker-1")
    smtp.messages.clear()
    bookings.cancel(booking, "Resolved at school", booking.request.created_by,
                    now=NOW + timedelta(days=1))
    db.session.commit()

    outbox.send_all_due("worker-1")

    assert len(smtp.messages) == 4
    for message in smtp.messages:
        alternative, attachment = message.iter_parts()
        text, calendar = alternative.iter_parts()
        assert calendar.get_param("method") == "CANCEL"
        assert b"STATUS:CANCELLED" in attachment.get_content()
        assert "This consultation has been cancelled" in text.get_content()
        assert message["Subject"].startswith("Cancelled: Solution Focused Consultation")


def test_no_email_carries_anything_about_the_child(app, smtp):
    booking = book()
    bookings.move(booking, booking.slot.session.slots[1], booking.request.created_by,
                  now=NOW + timedelta(days=1))
    bookings.cancel(booking, "Resolved", booking.request.created_by, now=NOW + timedelta(days=2))
    db.session.commit()

    outbox.send_all_due("worker-1")

    assert len(smtp.messages) == 12
    for message in smtp.messages:
        assert_no_child_detail(message.as_bytes())


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # closed again as the block ends: nothing listens


def test_mail_server_down_then_up_delivers_everything_exactly_once(app, smtp):
    working_port = app.config["MAIL_PORT"]
    app.config["MAIL_PORT"] = closed_port()
    first = book()
    start = utcnow()

    down = outbox.send_all_due("worker-1", now=start)
    second = book(make_bookable_session(utc(2027, 11, 24, 14), advisor=make_user(Role.VS_ADVISOR)),
                  now=NOW + timedelta(hours=1))
    still_down = outbox.send_all_due("worker-1", now=start + timedelta(minutes=2))

    assert down.sent == still_down.sent == 0
    assert down.retrying == 4 and still_down.retrying == 8
    assert smtp.messages == []

    app.config["MAIL_PORT"] = working_port
    too_soon = outbox.send_all_due("worker-1", now=start + timedelta(minutes=2, seconds=30))
    assert too_soon.claimed == 0  # every message waits out its back-off
    up = outbox.send_all_due("worker-1", now=start + timedelta(minutes=10))
    again = outbox.send_all_due("worker-2", now=start + timedelta(hours=3))

    assert (up.sent, again.claimed) == (8, 0)
    queued = db.session.scalars(db.select(OutboxMessage)).all()
    assert {row.status for row in queued} == {OutboxStatus.SENT}
    queued_ids = sorted(parse_email(row)["Message-ID"] for row in queued)
    delivered_ids = sorted(message["Message-ID"] for message in smtp.messages)
    assert delivered_ids == queued_ids  # every message, each once
    assert len(set(delivered_ids)) == 8
    references = {message["Subject"].split(" — ")[1] for message in smtp.messages}
    assert references == {first.reference, second.reference}
