"""Who may see and record a consultation's outcome, or a 404.

The EP who runs the booking's session sees the outcome always (a draft is theirs alone) and
is the only one who records it. Once it is final, the Virtual School sees it, and so do the
staff of the booking's school. A social worker sees only what was sent to them: the outcome
of a booking they are a live attendee of, after its summary was sent, with the amendments
made up to that moment.
"""

from datetime import datetime

from flask import abort
from flask_login import current_user

from app.booking.access import get_booking_or_404
from app.extensions import db
from app.london import to_london
from app.models import Booking, ConsultationOutcome, OutcomeAmendment, Role, User
from app.models.types import utcnow

VIRTUAL_SCHOOL = (Role.VS_ADMIN, Role.VS_ADVISOR)
SEES_OUTCOMES = (Role.EDUCATIONAL_PSYCHOLOGIST, Role.VS_ADMIN, Role.VS_ADVISOR,
                 Role.SCHOOL_STAFF, Role.SOCIAL_WORKER)


def outcome_of(booking: Booking, *, for_update: bool = False,
               options: tuple = ()) -> ConsultationOutcome | None:
    """The booking's outcome, if there is one; `options` load what the caller will show."""
    stmt = (db.select(ConsultationOutcome).where(ConsultationOutcome.booking_id == booking.id)
            .options(*options))
    if for_update:
        stmt = stmt.with_for_update()
    return db.session.scalar(stmt)


def runs_session(booking: Booking, user: User | None = None) -> bool:
    user = user or current_user
    return (user.role == Role.EDUCATIONAL_PSYCHOLOGIST
            and booking.slot.session.educational_psychologist_id == user.id)


def may_see(booking: Booking, outcome: ConsultationOutcome | None,
            user: User | None = None) -> bool:
    """Whether `user` may see this booking's outcome (the EP: even before there is one)."""
    user = user or current_user
    if runs_session(booking, user):
        return True
    if outcome is None or not outcome.is_final:
        return False
    if user.role in VIRTUAL_SCHOOL:
        return True
    if user.role == Role.SCHOOL_STAFF:
        return user.school_id == booking.school_id
    if user.role == Role.SOCIAL_WORKER:
        email = user.email.lower()
        return (outcome.summary_sent_at is not None
                and any(each.email == email for each in booking.live_attendees))
    return False


def get_visible_or_404(booking_id: int,
                       options: tuple = ()) -> tuple[Booking, ConsultationOutcome | None]:
    """The booking and its outcome, if the signed-in user may see the outcome."""
    booking = get_booking_or_404(booking_id)
    outcome = outcome_of(booking, options=options)
    if not may_see(booking, outcome):
        abort(404)
    return booking, outcome


def get_own_booking_or_404(booking_id: int) -> Booking:
    """A booking in a session the signed-in EP runs: only they record its outcome."""
    booking = get_booking_or_404(booking_id)
    if not runs_session(booking):
        abort(404)
    return booking


def visible_amendments(outcome: ConsultationOutcome,
                       user: User | None = None) -> list[OutcomeAmendment]:
    """A social worker sees the amendments that were there when the summary was sent."""
    user = user or current_user
    if user.role == Role.SOCIAL_WORKER:
        sent = outcome.summary_sent_at
        return [each for each in outcome.amendments if sent is not None and each.at <= sent]
    return list(outcome.amendments)


def can_record(booking: Booking, now: datetime | None = None) -> bool:
    """An outcome is recorded for a live booking, from the day of the consultation."""
    today = to_london(now or utcnow()).date()
    return booking.is_live and to_london(booking.slot.starts_at).date() <= today
