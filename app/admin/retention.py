"""The retention policy (VS admin): how long records and audit events are kept, what a
child's last activity is, and what the next purge would take. Set in configuration."""

from flask import render_template
from sqlalchemy import func, select

from app.admin import bp
from app.auth.permissions import allow
from app.extensions import db
from app.models import AuditEvent, Role
from app.services import retention

PURGE_ACTIONS = ("child_record_purged", "audit_events_purged")


@bp.get("/retention")
@allow(Role.VS_ADMIN)
def retention_policy():
    rules = retention.policy()
    last_purge = db.session.scalar(select(func.max(AuditEvent.at))
                                   .where(AuditEvent.action.in_(PURGE_ACTIONS)))
    return render_template("admin/retention.html", rules=rules,
                           activity=retention.ACTIVITY_WORDS, last_purge=last_purge,
                           children_due=len(retention.due_child_ids(rules.record_cutoff)))
