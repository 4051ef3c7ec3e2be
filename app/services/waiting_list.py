"""The waiting list of a full session: who waits, and the offer of a freed slot.

When a slot frees (a cancellation or a move), the first request waiting for that session is
offered it by email and holds it for BookingRules.offer_hours; nobody else can book it
meanwhile. An offer not taken up expires and passes to the next in line: the outbox worker
calls expire_offers() every round, and each expiry is claimed by one conditional UPDATE, so
several workers never pass one offer on twice.
"""

import contextlib
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage

from flask import current_app, g
from sqlalchemy import update
from sqlalchemy.exc import IntegrityError

from app.extensions import db
from app.links import external_url
from app.london import long_datetime, time_range
from app.models import (
    AdviceRequest,
    Booking,
    BookingStatus,
    ConsultationSession,
    RequestStatus,
    SessionStatus,
    Slot,
    User,
    WaitingListEntry,
    WaitStatus,
)
from app.models.types import utcnow
from app.services import audit, mail, outbox
from app.services.booking_rules import current_rules, earliest_bookable, offer_expiry
from app.services.bookings import BookingRefused, organizer_name

LIVE = (WaitStatus.WAITING, WaitStatus.OFFERED)


def join(session: ConsultationSession, request_: AdviceRequest, by: User,
         now: datetime | None = None) -> WaitingListEntry:
    from app.services.bookings import _check_request

    now = now or utcnow()
    _check_request(request_, by)
    if session.status != SessionStatus.PUBLISHED or session.starts_at <= now:
        raise BookingRefused("That session cannot be waited for: it is cancelled or has "
                             "started")
    if session.starts_at < earliest_bookable(current_rules(), now):
        # No slot of it could be offered: a freed slot is offered only with enough notice.
        raise BookingRefused("That session is too soon to join its waiting list. Choose a "
                             "later session")
    if has_free_slot(session, now):
        raise BookingRefused("That session has a free slot: book it instead")
    entry = WaitingListEntry(session=session, request=request_, school_id=request_.school_id,
                             joined_by_id=by.id, joined_at=now, status=WaitStatus.WAITING)
    try:
        with db.session.begin_nested():
            db.session.add(entry)
    except IntegrityError:
        raise BookingRefused(f"{request_.label} is already on this session's waiting list") \
            from None
    audit.record("waiting_list_joined", entry, actor=by, detail=f"{request_.label}, "
                 f"session {session.id}")
    return entry


def withdraw(entry: WaitingListEntry, by: User, now: datetime | None = None) -> None:
    now = now or utcnow()
    was = entry.status
    if was not in LIVE or not _change_status(entry, was, WaitStatus.WITHDRAWN):
        # Gone meanwhile: booked, or the offer passed on by a worker at the same moment.
        raise BookingRefused("This request is no longer on the waiting list")
    audit.record("waiting_list_left", entry, actor=by, detail=entry.request.label)
    if was == WaitStatus.OFFERED:
        offer_freed_slot(entry.offered_slot, now)


def position(entry: WaitingListEntry) -> int:
    """1 for the first in line."""
    ahead = db.session.scalar(db.select(db.func.count(WaitingListEntry.id)).where(
        WaitingListEntry.session_id == entry.session_id,
        WaitingListEntry.status == WaitStatus.WAITING,
        (WaitingListEntry.joined_at < entry.joined_at)
        | ((WaitingListEntry.joined_at == entry.joined_at)
           & (WaitingListEntry.id < entry.id))))
    return ahead + 1


def has_free_slot(session: ConsultationSession, now: datetime) -> bool:
    from app.services.slot_finder import free_slots_stmt

    stmt = free_slots_stmt(now).where(Slot.session_id == session.id).limit(1)
    return db.session.scalar(stmt) is not None


def live_offer(slot: Slot, now: datetime) -> WaitingListEntry | None:
    return db.session.scalar(db.select(WaitingListEntry).where(
        WaitingListEntry.offered_slot_id == slot.id,
        WaitingListEntry.status == WaitStatus.OFFERED,
        WaitingListEntry.offer_expires_at > now))


def settle(request_: AdviceRequest, slot: Slot, now: datetime | None = None) -> None:
    """The request is booked: an offer of this slot is taken up, and every other place it
    held in a queue is given up. A slot it was offered but did not take goes to the next
    request waiting for it."""
    entries = list(db.session.scalars(db.select(WaitingListEntry).where(
        WaitingListEntry.request_id == request_.id, WaitingListEntry.status.in_(LIVE))))
    passed_on = []
    for entry in entries:
        taken = entry.status == WaitStatus.OFFERED and entry.offered_slot_id == slot.id
        if entry.status == WaitStatus.OFFERED and not taken:
            passed_on.append(entry.offered_slot)
        entry.status = WaitStatus.BOOKED if taken else WaitStatus.WITHDRAWN
    db.session.flush()
    for offered in passed_on:
        offer_freed_slot(offered, now or utcnow())


def offer_freed_slot(slot: Slot, now: datetime) -> WaitingListEntry | None:
    """Offer a slot that has just come free to the first request waiting for its session."""
    rules = current_rules()
    if (slot.session.status != SessionStatus.PUBLISHED
            or slot.starts_at < earliest_bookable(rules, now) or _is_booked(slot)
            or live_offer(slot, now) is not None):
        return None
    _expire_stale_offers_of(slot, now)
    for entry in _waiting(slot.session):
        if entry.request.status != RequestStatus.ACCEPTED:
            # Booked elsewhere, or closed meanwhile.
            _change_status(entry, WaitStatus.WAITING, WaitStatus.WITHDRAWN)
            continue
        try:
            with db.session.begin_nested():
                # Claimed, not just set: a worker passing on another offer at the same
                # moment may be offering this very entry a slot too.
                claimed = _change_status(entry, WaitStatus.WAITING, WaitStatus.OFFERED,
                                         offered_slot_id=slot.id, offered_at=now,
                                         offer_expires_at=offer_expiry(rules, now))
        except IntegrityError:
            return None  # someone else has just offered this slot (one offer a slot)
        if not claimed:
            continue
        outbox.queue(_offer_email(entry), "waiting_list_offer")
        audit.record("waiting_list_offered", entry, actor=None,
                     detail=f"{entry.request.label}: {time_range(slot.starts_at, slot.ends_at)}")
        return entry
    return None


def expire_offers(now: datetime | None = None) -> int:
    """Pass on every offer whose time is up; commits each one. Returns how many expired."""
    now = now or utcnow()
    expired = 0
    with _write_lock():
        for entry_id in _due_offer_ids(now):
            entry = db.session.get(WaitingListEntry, entry_id)
            if _change_status(entry, WaitStatus.OFFERED, WaitStatus.EXPIRED):
                audit.record("waiting_list_offer_expired", entry, actor=None,
                             detail=entry.request.label)
                offer_freed_slot(entry.offered_slot, now)
                expired += 1
            db.session.commit()
    return expired


def _due_offer_ids(now: datetime) -> list[int]:
    return list(db.session.scalars(db.select(WaitingListEntry.id).where(
        WaitingListEntry.status == WaitStatus.OFFERED,
        WaitingListEntry.offer_expires_at <= now).order_by(WaitingListEntry.offer_expires_at,
                                                           WaitingListEntry.id)))


def _change_status(entry: WaitingListEntry, was: WaitStatus, to: WaitStatus, **values) -> bool:
    """Move the entry from `was` to `to` with one conditional UPDATE: False (and nothing
    changed) if someone else moved it first. The entry is refreshed either way."""
    db.session.flush()
    changed = db.session.execute(
        update(WaitingListEntry)
        .where(WaitingListEntry.id == entry.id, WaitingListEntry.status == was)
        .values(status=to, **values)
        .execution_options(synchronize_session=False)).rowcount == 1
    db.session.refresh(entry)
    return changed


@contextlib.contextmanager
def _write_lock():
    """Transactions begun in here take SQLite's write lock at BEGIN (see app/database.py),
    so two workers never both read an offer as due and then fail to write."""
    before = g.get("writes", False)
    g.writes = True
    try:
        yield
    finally:
        g.writes = before


def close_for_session(session: ConsultationSession, now: datetime) -> None:
    """The session is cancelled: everyone waiting is told, and the list is closed."""
    entries = list(db.session.scalars(db.select(WaitingListEntry).where(
        WaitingListEntry.session_id == session.id, WaitingListEntry.status.in_(LIVE))
        .order_by(WaitingListEntry.joined_at, WaitingListEntry.id)))
    for entry in entries:
        if _change_status(entry, entry.status, WaitStatus.CLOSED):
            outbox.queue(_closed_email(entry), "waiting_list_closed")


def _waiting(session: ConsultationSession) -> list[WaitingListEntry]:
    return list(db.session.scalars(db.select(WaitingListEntry).where(
        WaitingListEntry.session_id == session.id, WaitingListEntry.status == WaitStatus.WAITING)
        .order_by(WaitingListEntry.joined_at, WaitingListEntry.id)))


def _is_booked(slot: Slot) -> bool:
    return db.session.scalar(db.select(Booking.id).where(
        Booking.slot_id == slot.id, Booking.status == BookingStatus.BOOKED)) is not None


def _expire_stale_offers_of(slot: Slot, now: datetime) -> None:
    db.session.execute(update(WaitingListEntry).where(
        WaitingListEntry.offered_slot_id == slot.id, WaitingListEntry.status == WaitStatus.OFFERED,
        WaitingListEntry.offer_expires_at <= now).values(status=WaitStatus.EXPIRED))


# Emails: the request's reference and the slot; nothing about the child. -----------------------

def _offer_email(entry: WaitingListEntry) -> EmailMessage:
    slot = entry.offered_slot
    link = external_url("booking.book_slot", slot_id=slot.id, request=entry.request_id)
    body = "\n\n".join([
        f"Dear {entry.joined_by.name},",
        f"A consultation slot has come free in a session you are on the waiting list for, "
        f"for {entry.request.reference}.",
        f"When: {time_range(slot.starts_at, slot.ends_at)} (UK time)",
        f"It is held for you until {long_datetime(entry.offer_expires_at)}. After that it is "
        "offered to the next school waiting.",
        f"To book it, go to: {link}",
        organizer_name(),
    ]) + "\n"
    return _email(entry.joined_by, f"A consultation slot is free for {entry.request.reference}",
                  body)


def _closed_email(entry: WaitingListEntry) -> EmailMessage:
    session = entry.session
    body = "\n\n".join([
        f"Dear {entry.joined_by.name},",
        f"The consultation session on {time_range(session.starts_at, session.ends_at)} has "
        f"been cancelled, so {entry.request.reference} is no longer on its waiting list.",
        "You can book a slot in another session: "
        + external_url("booking.free_slots"),
        organizer_name(),
    ]) + "\n"
    return _email(entry.joined_by, f"Session cancelled: {entry.request.reference} is no "
                  "longer waiting", body)


def _email(to: User, subject: str, body: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = Address(organizer_name(), addr_spec=current_app.config["MAIL_FROM"])
    message["To"] = mail.address(to.name, to.email)
    message["Subject"] = subject
    message.set_content(body)
    return message
