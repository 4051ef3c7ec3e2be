"""Personal calendar feeds: a secret address per person that a calendar program subscribes to,
holding the consultations that person is part of (METHOD:PUBLISH, no attendees).

The address carries a random token; only its SHA-256 is stored, so the database cannot leak a
working address, and the token is shown once, when it is made. A new address, or turning the
feed off, revokes the old one at once.
"""

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import or_, update
from sqlalchemy.orm import joinedload

from app.extensions import db
from app.models import (
    Booking,
    BookingAttendee,
    CalendarFeed,
    ConsultationSession,
    Role,
    Slot,
    User,
)
from app.models.types import utcnow
from app.services import audit, bookings
from app.services.invites import Method, render_feed

FEED_NAME = "Convene consultations"
# Consultations from this long ago stay in the feed, so the recent past is still there.
LOOKBACK = timedelta(days=30)
# Calendars fetch often; when a feed was last used is written at most this often.
USE_RECORDED_EVERY = timedelta(hours=1)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def live_feed(user: User) -> CalendarFeed | None:
    return db.session.scalar(db.select(CalendarFeed).where(
        CalendarFeed.user_id == user.id, CalendarFeed.revoked_at.is_(None))
        .order_by(CalendarFeed.created_at.desc(), CalendarFeed.id.desc()).limit(1))


def create_feed(user: User, now: datetime | None = None) -> tuple[CalendarFeed, str]:
    """A new feed for the user, revoking any earlier one. Returns the feed and its token: the
    only time the token exists outside the person's calendar."""
    now = now or utcnow()
    replaced = _revoke(user, now)
    token = secrets.token_urlsafe(32)
    feed = CalendarFeed(user_id=user.id, token_hash=hash_token(token), created_at=now)
    db.session.add(feed)
    db.session.flush()
    audit.record("calendar_feed_created", feed, actor=user,
                 detail="the earlier address stopped working" if replaced else None)
    return feed, token


def revoke_feeds(user: User, now: datetime | None = None) -> int:
    """Turn the user's feed off. Returns how many live feeds there were."""
    revoked = _revoke(user, now or utcnow())
    if revoked:
        audit.record("calendar_feed_revoked", actor=user, detail=f"user {user.id}")
    return revoked


def _revoke(user: User, now: datetime) -> int:
    return db.session.execute(
        update(CalendarFeed)
        .where(CalendarFeed.user_id == user.id, CalendarFeed.revoked_at.is_(None))
        .values(revoked_at=now)
        .execution_options(synchronize_session="fetch")).rowcount


def feed_for_token(token: str) -> CalendarFeed | None:
    """The live feed with this token whose owner can still sign in; None otherwise."""
    return db.session.scalar(
        db.select(CalendarFeed).join(CalendarFeed.user)
        .where(CalendarFeed.token_hash == hash_token(token), CalendarFeed.revoked_at.is_(None),
               User.active)
        .options(joinedload(CalendarFeed.user)))


def use_due(feed: CalendarFeed, now: datetime) -> bool:
    return feed.last_used_at is None or now - feed.last_used_at >= USE_RECORDED_EVERY


def record_use(feed_id: int, now: datetime) -> None:
    """Note the fetch, unless another fetch noted one within the hour (one conditional
    UPDATE, so two fetches at once write once)."""
    db.session.execute(update(CalendarFeed).where(
        CalendarFeed.id == feed_id,
        or_(CalendarFeed.last_used_at.is_(None),
            CalendarFeed.last_used_at <= now - USE_RECORDED_EVERY))
        .values(last_used_at=now))


# What a person's feed holds ----------------------------------------------------------------

def feed_bookings(user: User, now: datetime | None = None) -> list[Booking]:
    """The consultations the user is part of, from LOOKBACK ago on, cancelled ones included:
    an educational psychologist's sessions, an advisor's sessions, and for everyone else the
    bookings they are invited to (school staff: their own school's, or ones they booked)."""
    since = (now or utcnow()) - LOOKBACK
    stmt = (db.select(Booking).join(Booking.slot).join(Slot.session)
            .where(Slot.starts_at >= since, _part_of(user))
            .options(joinedload(Booking.slot).joinedload(Slot.session))
            .order_by(Slot.starts_at, Booking.id))
    return list(db.session.scalars(stmt))


def _part_of(user: User):
    if user.role == Role.EDUCATIONAL_PSYCHOLOGIST:
        return ConsultationSession.educational_psychologist_id == user.id
    if user.role == Role.VS_ADVISOR:
        return ConsultationSession.advisor_id == user.id
    if user.role == Role.SCHOOL_STAFF:
        return (Booking.school_id == user.school_id) & (
            (Booking.booked_by_id == user.id) | _invited(user))
    return _invited(user)  # a social worker, or the VS admin as an attendee


def _invited(user: User):
    return db.exists().where(BookingAttendee.booking_id == Booking.id,
                             BookingAttendee.removed_at.is_(None),
                             or_(BookingAttendee.email == user.email.lower(),
                                 BookingAttendee.user_id == user.id))


def render_user_feed(user: User, now: datetime | None = None) -> bytes:
    """The user's feed as iCalendar: each consultation as its invite shows it, without the
    attendees (a cancelled one with STATUS:CANCELLED)."""
    now = now or utcnow()
    events = [bookings.invite_for(booking, Method.REQUEST if booking.is_live else Method.CANCEL,
                                  attendees=(), now=now)
              for booking in feed_bookings(user, now)]
    return render_feed(events, FEED_NAME)
