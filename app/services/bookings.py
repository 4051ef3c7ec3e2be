"""Booking consultation slots: the rules, and the calendar messages every change sends.

The database keeps the rules that two people could break at the same moment: a slot holds
one live booking and a request has one (partial unique indexes on booking). Each change is
tried inside a savepoint and an IntegrityError becomes SlotTaken, so there is no look-then-
write window. The per-term limit is counted after locking the school's row (PostgreSQL; on
SQLite every write transaction already runs alone).

Each change adds its emails to the outbox in the caller's transaction; the caller commits
once, or rolls back on BookingRefused and nothing is half-saved.
"""

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from flask import current_app
from sqlalchemy import func
from sqlalchemy.exc import IntegrityError

from app.extensions import db
from app.links import external_url
from app.london import time_range, to_london
from app.models import (
    AdviceRequest,
    AttendeeKind,
    Booking,
    BookingAttendee,
    BookingStatus,
    ConsultationSession,
    RequestStatus,
    Route,
    School,
    SessionStatus,
    Slot,
    User,
)
from app.models.reference import next_reference
from app.models.types import utcnow
from app.services import audit, outbox, request_workflow
from app.services.booking_rules import BookingRules, current_rules, earliest_bookable
from app.services.invite_mail import build_invite_email, invite_text_body
from app.services.invites import Attendee, AttendeeRole, Invite, Method
from app.terms import term_of

SUMMARY = "Solution Focused Consultation — {reference}"


class BookingRefused(Exception):
    """The change cannot be made; the message is for the person trying."""


class SlotTaken(BookingRefused):
    """Someone else holds the slot: chosen by the database, at the moment of writing."""

    def __init__(self):
        super().__init__("Someone else has just booked that slot. Choose another free slot")


@dataclass(frozen=True)
class AttendeeDetails:
    kind: AttendeeKind
    name: str
    job_role: str
    email: str
    user_id: int | None = None


# Booking, moving and cancelling -------------------------------------------------------------

def book(request_: AdviceRequest, slot: Slot, attendees: Iterable[AttendeeDetails], by: User,
         now: datetime | None = None) -> Booking:
    from app.services import waiting_list

    now = now or utcnow()
    rules = current_rules()
    _check_request(request_, by)
    _check_slot(slot, request_, rules, now)
    _check_term_limit(request_.school_id, slot, rules)
    booking = Booking(reference=next_reference("SFC", to_london(now).year),
                      uid=f"{uuid.uuid4()}@convene", sequence=0, status=BookingStatus.BOOKED,
                      slot=slot, request=request_, school_id=request_.school_id,
                      booked_by_id=by.id, booked_at=now, slot_chosen_at=now,
                      attendees=[_attendee_row(each, now) for each in _unique(attendees)])
    _write(lambda: db.session.add(booking), lambda: _refusal_for_booking(request_))
    request_workflow.move(request_, RequestStatus.BOOKED, by, note=_when(booking))
    waiting_list.settle(request_, slot, now)
    _send(booking, Method.REQUEST, recipients(booking), now)
    audit.record("booking_made", booking, actor=by, detail=_when(booking))
    return booking


def move(booking: Booking, slot: Slot, by: User, now: datetime | None = None) -> Slot:
    """Move the booking to another slot; returns the slot it left."""
    from app.services import waiting_list

    now = now or utcnow()
    rules = current_rules()
    _lock(booking)
    _check_can_change(booking, now)
    if slot.id == booking.slot_id:
        raise BookingRefused("That is the slot already booked. Choose a different slot")
    _check_slot(slot, booking.request, rules, now)
    _check_term_limit(booking.school_id, slot, rules, moving=booking)
    before = recipients(booking)
    left = booking.slot

    def change():
        booking.slot, booking.slot_chosen_at = slot, now
        booking.sequence += 1

    _write(change, SlotTaken)
    _tell_everyone(booking, before, now)
    waiting_list.settle(booking.request, slot, now)
    audit.record("booking_moved", booking, actor=by,
                 detail=f"from {_when_slot(left)} to {_when(booking)}")
    waiting_list.offer_freed_slot(left, now)
    return left


def cancel(booking: Booking, reason: str, by: User, now: datetime | None = None, *,
           offer_slot: bool = True) -> None:
    from app.services import waiting_list

    now = now or utcnow()
    _lock(booking)
    if not booking.is_live:
        raise BookingRefused("This booking is already cancelled")
    if booking.slot.starts_at <= now:
        raise BookingRefused("This consultation has already started, so it cannot be cancelled")
    booking.status = BookingStatus.CANCELLED
    booking.cancelled_at, booking.cancelled_by_id, booking.cancel_reason = now, by.id, reason
    booking.sequence += 1
    _send(booking, Method.CANCEL, recipients(booking), now)
    if booking.request.status == RequestStatus.BOOKED:
        request_workflow.move(booking.request, RequestStatus.ACCEPTED, by,
                              note=f"{booking.reference} cancelled: {reason}")
    audit.record("booking_cancelled", booking, actor=by, detail=reason)
    db.session.flush()
    if offer_slot:
        waiting_list.offer_freed_slot(booking.slot, now)


# Attendees -----------------------------------------------------------------------------------

def add_attendee(booking: Booking, details: AttendeeDetails, by: User,
                 now: datetime | None = None) -> BookingAttendee:
    now = now or utcnow()
    _lock(booking)
    check_attendees_editable(booking, now)
    email_address = details.email.strip().lower()
    already = BookingRefused(f"{email_address} is already invited to this consultation")
    if email_address in {each.email for each in booking.live_attendees}:
        raise already
    before = recipients(booking)
    row = _attendee_row(details, now)

    def change():
        booking.attendees.append(row)
        booking.sequence += 1

    _write(change, lambda: already)
    _tell_everyone(booking, before, now)
    audit.record("booking_attendee_added", booking, actor=by,
                 detail=f"{row.name}, {row.job_role}")
    return row


def remove_attendee(booking: Booking, attendee: BookingAttendee, by: User,
                    now: datetime | None = None) -> None:
    now = now or utcnow()
    _lock(booking)
    db.session.refresh(attendee)
    check_attendees_editable(booking, now)
    if attendee.booking_id != booking.id:
        raise BookingRefused(f"{attendee.name} is not invited to this consultation")
    if attendee.removed_at is not None:
        raise BookingRefused(f"{attendee.name} has already been removed")
    before = recipients(booking)
    attendee.removed_at = now
    booking.sequence += 1
    db.session.flush()
    _tell_everyone(booking, before, now)
    audit.record("booking_attendee_removed", booking, actor=by,
                 detail=f"{attendee.name}, {attendee.job_role}")


# Sessions changed or cancelled by the Virtual School ----------------------------------------

def live_bookings(session: ConsultationSession) -> list[Booking]:
    stmt = (db.select(Booking).join(Booking.slot)
            .where(Slot.session_id == session.id, Booking.status == BookingStatus.BOOKED)
            .order_by(Slot.starts_at, Booking.id))
    return list(db.session.scalars(stmt))


def snapshot_recipients(session: ConsultationSession) -> dict[int, list[Attendee]]:
    """Who each live booking's invite went to: take it before changing the session."""
    return {booking.id: recipients(booking) for booking in live_bookings(session)}


def session_changed(session: ConsultationSession, before: dict[int, list[Attendee]],
                    by: User, now: datetime | None = None) -> int:
    """Send every live booking's update after the session's place or people changed; anyone
    no longer involved (a replaced EP or advisor) gets a cancellation. Returns the count."""
    now = now or utcnow()
    bookings = live_bookings(session)
    for booking in bookings:
        _lock(booking)
        booking.sequence += 1
        _tell_everyone(booking, before.get(booking.id, []), now)
    return len(bookings)


def cancel_session_bookings(session: ConsultationSession, reason: str, by: User,
                            now: datetime | None = None) -> int:
    from app.services import waiting_list

    now = now or utcnow()
    bookings = live_bookings(session)
    for booking in bookings:
        cancel(booking, f"The session was cancelled: {reason}", by, now, offer_slot=False)
    waiting_list.close_for_session(session, now)
    return len(bookings)


# Who may do what, and when --------------------------------------------------------------------

def can_change(booking: Booking, now: datetime | None = None) -> bool:
    return booking.is_live and booking.slot.starts_at > (now or utcnow())


def attendees_editable(booking: Booking, now: datetime | None = None) -> bool:
    """Attendees can be changed until the day of the consultation."""
    today = to_london(now or utcnow()).date()
    return booking.is_live and today < to_london(booking.slot.starts_at).date()


def check_attendees_editable(booking: Booking, now: datetime) -> None:
    if not attendees_editable(booking, now):
        raise BookingRefused("Attendees can no longer be changed: the consultation is today "
                             "or has passed, or the booking is cancelled")


def _lock(booking: Booking) -> None:
    """Read the booking afresh with its row locked (PostgreSQL: SELECT ... FOR UPDATE; on
    SQLite a writing transaction already runs alone), so two changes to one booking at once
    (a double-clicked Cancel, say) run one after the other and the second sees the first:
    no sequence number given twice, no booking cancelled twice."""
    db.session.flush()
    db.session.refresh(booking, with_for_update=True)
    db.session.expire(booking, ["attendees"])


def _check_can_change(booking: Booking, now: datetime) -> None:
    if not can_change(booking, now):
        raise BookingRefused("This booking can no longer be changed")


def _check_request(request_: AdviceRequest, by: User) -> None:
    if request_.status != RequestStatus.ACCEPTED:
        raise BookingRefused(f"{request_.label} cannot be booked: it is "
                             f"{request_.status.label.lower()}, not accepted")
    if request_.route != Route.CONSULTATION:
        raise BookingRefused(f"{request_.label} was accepted for "
                             f"{request_.route.label.lower()}, not a consultation")
    if not request_workflow.can_move(request_, RequestStatus.BOOKED, by):
        raise BookingRefused(f"You cannot book a consultation for {request_.label}")


def _check_slot(slot: Slot, request_: AdviceRequest, rules: BookingRules,
                now: datetime) -> None:
    from app.services import waiting_list

    if slot.session.status != SessionStatus.PUBLISHED:
        raise BookingRefused("That session has been cancelled. Choose another free slot")
    if slot.starts_at < earliest_bookable(rules, now):
        raise BookingRefused(
            "That slot is too soon to book: slots must be booked at least "
            f"{_working_days(rules.min_notice_days)} ahead. Choose a later slot")
    offer = waiting_list.live_offer(slot, now)
    if offer is not None and offer.request_id != request_.id:
        raise BookingRefused("That slot is being offered to a school on the waiting list. "
                             "Choose another free slot")


def _check_term_limit(school_id: int, slot: Slot, rules: BookingRules,
                      moving: Booking | None = None) -> None:
    if not rules.term_limit:
        return
    # Two bookings by one school at once must not both see room under the limit.
    db.session.execute(db.select(School.id).where(School.id == school_id).with_for_update())
    term = term_of(slot.starts_at)
    stmt = (db.select(func.count(Booking.id)).join(Booking.slot)
            .where(Booking.school_id == school_id, Booking.status == BookingStatus.BOOKED,
                   Slot.starts_at >= term.start_moment(), Slot.starts_at < term.end_moment()))
    if moving is not None:
        stmt = stmt.where(Booking.id != moving.id)
    if db.session.scalar(stmt) >= rules.term_limit:
        raise BookingRefused(
            f"Your school has used its {rules.term_limit} consultations for the "
            f"{term.name.lower()}. Choose a slot in another term, or ask the Virtual School")


def _refusal_for_booking(request_: AdviceRequest) -> BookingRefused:
    taken = db.session.scalar(db.select(Booking.id).where(
        Booking.request_id == request_.id, Booking.status == BookingStatus.BOOKED))
    if taken is not None:
        return BookingRefused(f"{request_.label} has already been booked")
    return SlotTaken()


def _write(change, refusal) -> None:
    """Make the change and flush it inside a savepoint (begin_nested flushes what came
    before first, so only this change is judged): the unique indexes decide, and a clash
    becomes a refusal."""
    try:
        with db.session.begin_nested():
            change()
    except IntegrityError:
        raise refusal() from None


# Invites --------------------------------------------------------------------------------------

def recipients(booking: Booking) -> list[Attendee]:
    """Everyone the invite goes to: the EP (who chairs), the advisor, and each live attendee,
    each once."""
    session = booking.slot.session
    people = [Attendee(session.educational_psychologist.name,
                       session.educational_psychologist.email, AttendeeRole.CHAIR)]
    if session.advisor is not None:
        people.append(Attendee(session.advisor.name, session.advisor.email))
    people += [Attendee(each.name, each.email) for each in booking.live_attendees]
    seen, unique = set(), []
    for person in people:
        if person.email.lower() not in seen:
            seen.add(person.email.lower())
            unique.append(person)
    return unique


def invite_for(booking: Booking, method: Method, attendees: Iterable[Attendee],
               now: datetime | None = None) -> Invite:
    session = booking.slot.session
    config = current_app.config
    return Invite(uid=booking.uid, sequence=booking.sequence, method=method,
                  summary=SUMMARY.format(reference=booking.reference),
                  starts_at=booking.slot.starts_at, ends_at=booking.slot.ends_at,
                  location=session.venue, meeting_url=session.meeting_url,
                  organizer_email=organizer_email(), organizer_name=organizer_name(),
                  attendees=tuple(attendees), dtstamp=now or utcnow(),
                  booking_url=external_url("booking.booking", booking_id=booking.id)
                  if config.get("SERVICE_URL") else "")


def organizer_email() -> str:
    return current_app.config.get("VIRTUAL_SCHOOL_MAILBOX") or current_app.config["MAIL_FROM"]


def organizer_name() -> str:
    return f"{current_app.config['LOCAL_AUTHORITY']} Virtual School"


def _tell_everyone(booking: Booking, before: list[Attendee], now: datetime) -> None:
    """A cancellation to anyone no longer invited, then the update to everyone who is. (The
    cancellations first: then no request queued before a cancellation has its sequence.)"""
    after = recipients(booking)
    still = {person.email.lower() for person in after}
    for person in before:
        if person.email.lower() not in still:
            _send(booking, Method.CANCEL, [person], now, listed=[person])
    _send(booking, Method.REQUEST, after, now)


def _send(booking: Booking, method: Method, to: list[Attendee], now: datetime,
          listed: list[Attendee] | None = None) -> None:
    """Each person their own copy; the ATTENDEE lines list everyone invited (or `listed`)."""
    invite = invite_for(booking, method, listed if listed is not None else to, now)
    kind = "invite_cancel" if method is Method.CANCEL else (
        "invite_update" if booking.sequence else "invite")
    for person in to:
        message = build_invite_email(invite, person.name, person.email,
                                     current_app.config["MAIL_FROM"],
                                     invite_text_body(invite, person.name))
        outbox.queue(message, kind)


# Small parts ---------------------------------------------------------------------------------

def _attendee_row(details: AttendeeDetails, now: datetime) -> BookingAttendee:
    return BookingAttendee(kind=details.kind, name=details.name.strip(),
                           job_role=details.job_role.strip(),
                           email=details.email.strip().lower(), user_id=details.user_id,
                           added_at=now)


def _unique(attendees: Iterable[AttendeeDetails]) -> list[AttendeeDetails]:
    seen, unique = set(), []
    for each in attendees:
        if each.email.strip().lower() not in seen:
            seen.add(each.email.strip().lower())
            unique.append(each)
    return unique


def _when(booking: Booking) -> str:
    return f"{booking.reference}: {_when_slot(booking.slot)}"


def _when_slot(slot: Slot) -> str:
    return time_range(slot.starts_at, slot.ends_at)


def _working_days(count: int) -> str:
    return "1 working day" if count == 1 else f"{count} working days"
