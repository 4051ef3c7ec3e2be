"""Which bookings the signed-in user may see and change, or a 404.

School staff: their school's bookings. The Virtual School: all. An educational
psychologist: bookings in the sessions they run. A social worker: the bookings they are
invited to (a live attendee with their email address), and nothing else.
"""

from flask_login import current_user
from sqlalchemy import exists

from app.extensions import db
from app.models import Booking, BookingAttendee, ConsultationSession, Role, Slot, User

VIRTUAL_SCHOOL = (Role.VS_ADMIN, Role.VS_ADVISOR)
SEES_BOOKINGS = (Role.SCHOOL_STAFF, Role.VS_ADMIN, Role.VS_ADVISOR,
                 Role.EDUCATIONAL_PSYCHOLOGIST, Role.SOCIAL_WORKER)


def visible_bookings(stmt, user: User | None = None):
    """Limit a select of Booking to the ones `user` (the signed-in user) may see."""
    user = user or current_user
    if user.role == Role.SCHOOL_STAFF:
        return stmt.where(Booking.school_id == user.school_id)
    if user.role in VIRTUAL_SCHOOL:
        return stmt
    if user.role == Role.EDUCATIONAL_PSYCHOLOGIST:
        runs = (db.select(Slot.id).join(Slot.session)
                .where(ConsultationSession.educational_psychologist_id == user.id))
        return stmt.where(Booking.slot_id.in_(runs))
    if user.role == Role.SOCIAL_WORKER:
        return stmt.where(invited(user))
    return stmt.where(db.false())


def invited(user: User):
    return exists().where(BookingAttendee.booking_id == Booking.id,
                          BookingAttendee.email == user.email.lower(),
                          BookingAttendee.removed_at.is_(None))


def get_booking_or_404(booking_id: int) -> Booking:
    return db.first_or_404(visible_bookings(db.select(Booking).where(Booking.id == booking_id)))


def can_manage(booking: Booking, user: User | None = None) -> bool:
    """Move, cancel and change attendees: the booking school's staff, and the VS admin."""
    user = user or current_user
    if user.role == Role.SCHOOL_STAFF:
        return user.school_id == booking.school_id
    return user.role == Role.VS_ADMIN
