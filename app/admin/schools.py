"""Managing schools (VS admin)."""

from flask import render_template

from app.admin import bp
from app.auth.permissions import allow
from app.extensions import db
from app.models import Role, School


@bp.get("/schools")
@allow(Role.VS_ADMIN)
def schools():
    rows = db.session.scalars(db.select(School).order_by(School.name)).all()
    return render_template("admin/schools/index.html", schools=rows)
