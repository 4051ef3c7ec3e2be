"""The free slots a school can book now: in a published session, far enough ahead for the
notice rule, not booked, and not held for a school on the waiting list."""

from datetime import datetime, timedelta
from functools import cache
from typing import NamedTuple

from sqlalchemy import and_, bindparam, exists, func
from sqlalchemy.orm import contains_eager, joinedload

from app.extensions import db
from app.models import (
    Booking,
    BookingStatus,
    ConsultationSession,
    SessionMode,
    SessionStatus,
    Slot,
    User,
    WaitingListEntry,
    WaitStatus,
)
from app.services.booking_rules import BookingRules, current_rules, earliest_bookable


def free_slots_stmt(now: datetime, mode: SessionMode | None = None,
                    rules: BookingRules | None = None):
    stmt = _select_free((Slot,), now, earliest_bookable(rules or current_rules(), now))
    if mode is not None:
        stmt = stmt.where(ConsultationSession.mode == mode)
    return stmt


def _select_free(columns, now, earliest):
    """`now` and `earliest` (the first bookable moment): values, or bind parameters."""
    return (db.select(*columns).join(Slot.session)
            .where(ConsultationSession.status == SessionStatus.PUBLISHED,
                   *_slot_is_free(now, earliest))
            .order_by(Slot.starts_at, Slot.id))


def _slot_is_free(now, earliest) -> tuple:
    """A slot can be booked: far enough ahead, not booked, not held by a waiting list offer."""
    booked = exists().where(Booking.slot_id == Slot.id, Booking.status == BookingStatus.BOOKED)
    held = exists().where(WaitingListEntry.offered_slot_id == Slot.id,
                          WaitingListEntry.status == WaitStatus.OFFERED,
                          WaitingListEntry.offer_expires_at > now)
    return Slot.starts_at >= earliest, ~booked, ~held


def free_slots(now: datetime, mode: SessionMode | None = None,
               rules: BookingRules | None = None) -> list[Slot]:
    """`rules`: the booking rules, when the caller has read them already."""
    stmt = free_slots_stmt(now, mode, rules).options(
        contains_eager(Slot.session).joinedload(ConsultationSession.educational_psychologist))
    return list(db.session.scalars(stmt))


def full_sessions(now: datetime, mode: SessionMode | None = None,
                  rules: BookingRules | None = None) -> list[ConsultationSession]:
    """Published sessions far enough ahead that have no free slot: the ones with a waiting
    list to join."""
    rules = rules or current_rules()
    # No ORDER BY in the subquery: PostgreSQL refuses one on a column DISTINCT leaves out.
    free = (free_slots_stmt(now, mode, rules).with_only_columns(Slot.session_id).order_by(None)
            .distinct())
    stmt = (db.select(ConsultationSession)
            .where(ConsultationSession.status == SessionStatus.PUBLISHED,
                   ConsultationSession.starts_at >= earliest_bookable(rules, now),
                   ConsultationSession.id.not_in(free))
            .options(joinedload(ConsultationSession.educational_psychologist))
            .order_by(ConsultationSession.starts_at, ConsultationSession.id))
    if mode is not None:
        stmt = stmt.where(ConsultationSession.mode == mode)
    return list(db.session.scalars(stmt))


# The free slots page lists, filters and counts every free slot but shows a few weeks of them.
# So it reads the bookable sessions with a count of each one's free slots, and the free slots
# themselves only of the sessions it shows. Both are plain rows, which cost a fraction of
# loaded entities, read on the session's connection: rows need none of the ORM's work on a
# statement (so they see what is committed or flushed, not objects pending in the session).
# The statements are built once, with bind parameters for what changes: building and keying
# statements this size took longer than running them.


class SessionSummary(NamedTuple):
    """A bookable session, as the page counts, filters and places it."""

    id: int
    starts_at: datetime
    mode: SessionMode
    free: int  # how many of its slots can be booked now


class SessionRow(NamedTuple):
    """A published session, as the free slots page lists it."""

    id: int
    starts_at: datetime
    ends_at: datetime
    mode: SessionMode
    venue: str | None
    psychologist: str  # the educational psychologist's name


class FreeSlotRow(NamedTuple):
    id: int
    starts_at: datetime
    ends_at: datetime


@cache
def _sessions_stmt():
    earliest = bindparam("earliest")
    free = (db.select(func.count()).select_from(Slot)
            .where(Slot.session_id == ConsultationSession.id,
                   *_slot_is_free(bindparam("now"), earliest))
            .scalar_subquery().label("free"))
    return (db.select(ConsultationSession.id, ConsultationSession.starts_at,
                      ConsultationSession.mode, free)
            .where(ConsultationSession.status == SessionStatus.PUBLISHED,
                   ConsultationSession.ends_at > earliest,
                   # Implied (a session is one day's), and lets the index on starts_at skip
                   # the years of past sessions.
                   ConsultationSession.starts_at > bindparam("day_before"))
            .order_by(ConsultationSession.starts_at, ConsultationSession.id))


def bookable_sessions(now: datetime, rules: BookingRules) -> list[SessionSummary]:
    """The published sessions with a free slot, and those far enough ahead that have none
    (full: the ones with a waiting list to join), soonest first."""
    earliest = earliest_bookable(rules, now)
    rows = db.session.connection().execute(_sessions_stmt(), {
        "now": now, "earliest": earliest, "day_before": earliest - timedelta(days=1)})
    sessions = map(SessionSummary._make, rows.all())  # fetchall: faster than row by row
    return [session for session in sessions if session.free or session.starts_at >= earliest]


@cache
def _shown_stmt():
    # The name by a subquery, not a join: joined, SQLite reads every session first.
    psychologist = (db.select(User.name)
                    .where(User.id == ConsultationSession.educational_psychologist_id)
                    .scalar_subquery())
    free = and_(Slot.session_id == ConsultationSession.id,
                *_slot_is_free(bindparam("now"), bindparam("earliest")))
    return (db.select(ConsultationSession.id, ConsultationSession.starts_at,
                      ConsultationSession.ends_at, ConsultationSession.mode,
                      ConsultationSession.venue, psychologist,
                      Slot.id, Slot.starts_at, Slot.ends_at)
            .select_from(ConsultationSession).outerjoin(Slot, free)
            .where(ConsultationSession.id.in_(bindparam("sessions", expanding=True)))
            .order_by(ConsultationSession.starts_at, ConsultationSession.id, Slot.starts_at,
                      Slot.id))


def shown_sessions(sessions: list[SessionSummary], now: datetime,
                   rules: BookingRules) -> list[tuple[SessionRow, list[FreeSlotRow]]]:
    """These sessions as the page lists them, each with its free slots (none when full),
    soonest first."""
    if not sessions:
        return []
    rows = db.session.connection().execute(_shown_stmt(), {
        "now": now, "earliest": earliest_bookable(rules, now),
        "sessions": [session.id for session in sessions]})
    shown: dict[int, tuple[SessionRow, list[FreeSlotRow]]] = {}
    for row in rows.all():
        session_id = row[0]
        if session_id not in shown:
            shown[session_id] = (SessionRow._make(row[:6]), [])
        if row[6] is not None:
            shown[session_id][1].append(FreeSlotRow._make(row[6:]))
    return list(shown.values())
