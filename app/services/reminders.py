"""Reminder emails before a consultation, queued by the outbox worker every round.

A reminder goes to everyone invited, `reminder_days` before the day (London calendar). Each
is queued with a dedupe key per booking, slot and person, so however many rounds or workers
see it, it is queued once; a booking moved to another slot gets a reminder for the new one.
No reminder is sent for a slot chosen on or after the day its reminder was due: the invite
itself has just gone.
"""

from datetime import datetime, time, timedelta
from email.headerregistry import Address
from email.message import EmailMessage

from flask import current_app
from sqlalchemy.orm import joinedload, selectinload

from app.extensions import db
from app.links import external_url
from app.london import LONDON, time_range, to_london
from app.models import Booking, BookingStatus, ConsultationSession, Slot
from app.models.types import utcnow
from app.services import mail, outbox
from app.services.booking_rules import current_rules
from app.services.bookings import SUMMARY, organizer_name, recipients
from app.services.invites import Attendee


def queue_reminders(now: datetime | None = None) -> int:
    """Queue the reminders that are due; the caller commits. Returns how many were new."""
    now = now or utcnow()
    days = current_rules().reminder_days
    if not days:
        return 0
    today = to_london(now).date()
    horizon = datetime.combine(today + timedelta(days=days + 1), time(), tzinfo=LONDON)
    stmt = (db.select(Booking).join(Booking.slot)
            .where(Booking.status == BookingStatus.BOOKED, Slot.starts_at > now,
                   Slot.starts_at < horizon)
            .options(joinedload(Booking.slot).joinedload(Slot.session)
                     .joinedload(ConsultationSession.educational_psychologist),
                     selectinload(Booking.attendees)))
    queued = 0
    for booking in db.session.scalars(stmt).unique():
        reminder_day = to_london(booking.slot.starts_at).date() - timedelta(days=days)
        if to_london(booking.slot_chosen_at).date() >= reminder_day:
            continue
        for person in recipients(booking):
            key = f"reminder:{booking.id}:{booking.slot_id}:{person.email.lower()}"
            if outbox.queue(_reminder(booking, person), "reminder", dedupe_key=key):
                queued += 1
    return queued


def _reminder(booking: Booking, person: Attendee) -> EmailMessage:
    session = booking.slot.session
    where = session.venue or "Online"
    lines = [
        f"Dear {person.name},",
        f"This is a reminder of your consultation: {SUMMARY.format(reference=booking.reference)}.",
        "\n".join(filter(None, [
            f"When: {time_range(booking.slot.starts_at, booking.slot.ends_at)} (UK time)",
            f"Where: {where}",
            f"Join online: {session.meeting_url}" if session.meeting_url else None,
        ])),
        "To see the booking, or if you can no longer attend: "
        + external_url("booking.booking", booking_id=booking.id),
        organizer_name(),
    ]
    message = EmailMessage()
    message["From"] = Address(organizer_name(), addr_spec=current_app.config["MAIL_FROM"])
    message["To"] = mail.address(person.name, person.email)
    message["Subject"] = (f"Reminder: {SUMMARY.format(reference=booking.reference)} — "
                          f"{time_range(booking.slot.starts_at, booking.slot.ends_at)}")
    message.set_content("\n\n".join(lines) + "\n")
    return message
