"""Home pages by role, a school's page, and /healthz."""

from flask import jsonify, render_template
from flask_login import current_user
from sqlalchemy import text
from sqlalchemy.orm import contains_eager

from app.auth.permissions import allow, get_scoped_or_404, public
from app.booking.access import visible_bookings
from app.extensions import db
from app.home import bp
from app.models import Booking, BookingStatus, Role, School, Slot, User
from app.models.types import utcnow

EVERYONE = tuple(Role)


# The people whose home page lists their next consultations.
SHOWS_UPCOMING = {Role.SCHOOL_STAFF, Role.EDUCATIONAL_PSYCHOLOGIST, Role.SOCIAL_WORKER,
                  Role.VS_ADVISOR}


@bp.get("/")
@allow(*EVERYONE)
def index():
    upcoming = upcoming_bookings() if current_user.role in SHOWS_UPCOMING else []
    return render_template(f"home/{current_user.role.value}.html", upcoming=upcoming)


def upcoming_bookings(limit: int = 5) -> list[Booking]:
    """The next live consultations the signed-in user may see, soonest first."""
    stmt = (visible_bookings(db.select(Booking).join(Booking.slot))
            .where(Booking.status == BookingStatus.BOOKED, Slot.ends_at > utcnow())
            .options(contains_eager(Booking.slot).joinedload(Slot.session))
            .order_by(Slot.starts_at, Booking.id).limit(limit))
    return list(db.session.scalars(stmt))


@bp.get("/my-school")
@allow(Role.SCHOOL_STAFF)
def my_school():
    return school(current_user.school_id)


@bp.get("/schools/<int:school_id>")
@allow(Role.VS_ADMIN, Role.VS_ADVISOR, Role.SCHOOL_STAFF)
def school(school_id):
    record = get_scoped_or_404(School, school_id, School.id)
    staff = db.session.scalars(
        db.select(User).filter_by(school_id=record.id, active=True).order_by(User.name)
    ).all()
    return render_template("home/school.html", school=record, staff=staff)


@bp.get("/healthz")
@public
def healthz():
    try:
        db.session.execute(text("SELECT 1"))
    except Exception:  # noqa: BLE001 - any database failure means unhealthy
        return jsonify(status="unavailable", database="unreachable"), 503
    return jsonify(status="ok", database="ok")
