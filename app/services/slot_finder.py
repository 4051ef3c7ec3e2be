"""The free slots a school can book now: in a published session, far enough ahead for the
notice rule, not booked, and not held for a school on the waiting list."""

from datetime import datetime
from functools import cache
from typing import NamedTuple

from sqlalchemy import bindparam, exists
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
    booked = exists().where(Booking.slot_id == Slot.id, Booking.status == BookingStatus.BOOKED)
    held = exists().where(WaitingListEntry.offered_slot_id == Slot.id,
                          WaitingListEntry.status == WaitStatus.OFFERED,
                          WaitingListEntry.offer_expires_at > now)
    return (db.select(*columns).join(Slot.session)
            .where(ConsultationSession.status == SessionStatus.PUBLISHED,
                   Slot.starts_at >= earliest, ~booked, ~held)
            .order_by(Slot.starts_at, Slot.id))


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


# The free slots page lists, filters and counts every free slot but shows a few weeks of them:
# it reads plain rows, which cost a fraction of loaded entities, on the session's connection:
# rows need none of the ORM's work on a statement, a tenth to a third of the time (so they
# see what is committed or flushed, not objects pending in the session). The statements are
# built once, with bind parameters for what changes: building and keying statements this
# size took longer than running them.


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
    session: SessionRow  # one for all the free slots of a session


def _session_columns():
    """The columns of a SessionRow, in its order."""
    # The name by a subquery, not a join: joined, SQLite reads every session to find the
    # free slots, several times slower than reading the slots.
    psychologist = (db.select(User.name)
                    .where(User.id == ConsultationSession.educational_psychologist_id)
                    .scalar_subquery())
    return (ConsultationSession.id, ConsultationSession.starts_at, ConsultationSession.ends_at,
            ConsultationSession.mode, ConsultationSession.venue, psychologist)


@cache
def _free_rows_stmt():
    return _select_free((Slot.id, Slot.starts_at, Slot.ends_at, *_session_columns()),
                        bindparam("now"), bindparam("earliest"))


def free_slot_rows(now: datetime, rules: BookingRules) -> list[FreeSlotRow]:
    """Every free slot, soonest first."""
    sessions: dict[int, SessionRow] = {}
    slots = []
    rows = db.session.connection().execute(
        _free_rows_stmt(), {"now": now, "earliest": earliest_bookable(rules, now)})
    for slot_id, starts_at, ends_at, *session in rows:
        known = sessions.get(session[0])
        if known is None:
            known = sessions[session[0]] = SessionRow(*session)
        slots.append(FreeSlotRow(slot_id, starts_at, ends_at, known))
    return slots


@cache
def _full_rows_stmt(mode: SessionMode | None):
    stmt = (db.select(*_session_columns())
            .where(ConsultationSession.status == SessionStatus.PUBLISHED,
                   ConsultationSession.starts_at >= bindparam("earliest"),
                   ConsultationSession.id.not_in(bindparam("free", expanding=True)))
            .order_by(ConsultationSession.starts_at, ConsultationSession.id))
    if mode is not None:
        stmt = stmt.where(ConsultationSession.mode == mode)
    return stmt


def full_session_rows(now: datetime, mode: SessionMode | None, rules: BookingRules,
                      free: list[FreeSlotRow]) -> list[SessionRow]:
    """full_sessions, as rows. `free`: every free slot (free_slot_rows), so that they are not
    looked for again."""
    rows = db.session.connection().execute(_full_rows_stmt(mode), {
        "earliest": earliest_bookable(rules, now),
        "free": sorted({slot.session.id for slot in free})})
    return [SessionRow(*row) for row in rows]
