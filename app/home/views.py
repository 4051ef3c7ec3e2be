"""Home pages by role, a school's page, and /healthz."""

from flask import jsonify, render_template
from flask_login import current_user
from sqlalchemy import text

from app.auth.permissions import allow, get_scoped_or_404, public
from app.extensions import db
from app.home import bp
from app.models import Role, School, User

EVERYONE = tuple(Role)


@bp.get("/")
@allow(*EVERYONE)
def index():
    return render_template(f"home/{current_user.role.value}.html")


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
