"""The free slots a school can book now: in a published session, far enough ahead for the
notice rule, not booked, and not held for a school on the waiting list."""

from datetime import datetime

from sqlalchemy import exists
from sqlalchemy.orm import contains_eager, joinedload

from app.extensions import db
from app.models import (
    Booking,
    BookingStatus,
    ConsultationSession,
    SessionMode,
    SessionStatus,
    Slot,
    WaitingListEntry,
    WaitStatus,
)
from app.services.booking_rules import BookingRules, current_rules, earliest_bookable


def free_slots_stmt(now: datetime, mode: SessionMode | None = None,
                    rules: BookingRules | None = None):
    booked = exists().where(Booking.slot_id == Slot.id, Booking.status == BookingStatus.BOOKED)
    held = exists().where(WaitingListEntry.offered_slot_id == Slot.id,
                          WaitingListEntry.status == WaitStatus.OFFERED,
                          WaitingListEntry.offer_expires_at > now)
    stmt = (db.select(Slot).join(Slot.session)
            .where(ConsultationSession.status == SessionStatus.PUBLISHED,
                   Slot.starts_at >= earliest_bookable(rules or current_rules(), now), ~booked,
                   ~held)
            .order_by(Slot.starts_at, Slot.id))
    if mode is not None:
        stmt = stmt.where(ConsultationSession.mode == mode)
    return stmt


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
