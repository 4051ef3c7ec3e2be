"""Writing to the audit log."""

from flask import has_request_context, request
from flask_login import current_user

from app.extensions import db
from app.models import AuditEvent, User


def record(action: str, record=None, *, actor: User | None = None, detail: str | None = None):
    """Add an audit event to the session; it is saved with the change it describes."""
    if actor is None and has_request_context() and current_user.is_authenticated:
        actor = current_user
    event = AuditEvent(
        action=action,
        actor_id=actor.id if actor is not None else None,
        record_type=type(record).__name__ if record is not None else None,
        record_id=str(record.id) if record is not None else None,
        ip_address=request.remote_addr if has_request_context() else None,
        detail=detail[:500] if detail else None,
    )
    db.session.add(event)
    return event
