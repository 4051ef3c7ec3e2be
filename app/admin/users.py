"""Managing users (VS admin)."""

from flask import render_template

from app.admin import bp
from app.auth.permissions import allow
from app.extensions import db
from app.models import Role, User


@bp.get("/users")
@allow(Role.VS_ADMIN)
def users():
    people = db.session.scalars(db.select(User).order_by(User.name)).all()
    return render_template("admin/users/index.html", users=people)
