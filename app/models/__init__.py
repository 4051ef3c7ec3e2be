"""The database models, one module per aggregate."""

from app.models.audit import AuditEvent
from app.models.school import Phase, School
from app.models.user import Role, User

__all__ = ["AuditEvent", "Phase", "Role", "School", "User"]
