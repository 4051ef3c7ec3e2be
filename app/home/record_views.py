"""Who has viewed a school's records: for its own staff, every view and download of its
child records, requests, outcomes, TAC meetings, actions and profiles, newest first."""

from flask import current_app, render_template, request
from flask_login import current_user
from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from app.auth.permissions import allow
from app.home import bp
from app.models import AuditEvent, Role, School, User
from app.models.user import VIRTUAL_SCHOOL_ROLES
from app.pagination import paginate_rows, pagination_links
from app.services import audit


def views_of_school_records(school_id: int):
    """(rows, counting) for the school's list: who, their role and school, what, when."""
    viewers_school = aliased(School)
    seen = (AuditEvent.school_id == school_id, AuditEvent.action.in_(audit.VIEW_ACTIONS))
    rows = (select(AuditEvent.at, AuditEvent.action, AuditEvent.record_reference,
                   AuditEvent.detail, User.name, User.role, User.job_title,
                   viewers_school.name.label("their_school"))
            .outerjoin(User, User.id == AuditEvent.actor_id)
            .outerjoin(viewers_school, viewers_school.id == User.school_id)
            .where(*seen).order_by(AuditEvent.at.desc(), AuditEvent.id.desc()))
    return rows, select(func.count(AuditEvent.id)).where(*seen)


def organisation(row) -> str:
    if row.their_school:
        return row.their_school
    if row.role in VIRTUAL_SCHOOL_ROLES:
        return f"{current_app.config['LOCAL_AUTHORITY']} Virtual School"
    return current_app.config["LOCAL_AUTHORITY"]


@bp.get("/my-school/record-views")
@allow(Role.SCHOOL_STAFF)
def record_views():
    rows, counting = views_of_school_records(current_user.school_id)
    page = paginate_rows(rows, counting, request.args.get("page", 1, type=int))
    return render_template("home/record_views.html", results=page,
                           words_for=audit.words_for, organisation=organisation,
                           pagination=pagination_links(page, "home.record_views"))
