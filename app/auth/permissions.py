"""Who may use each view: one declaration per view, enforced before every request.

A view says `@allow(Role.X, ...)` or `@public`. A view that says neither is refused,
so forgetting to declare fails closed.
"""

from flask import abort, current_app, request
from flask_login import current_user

from app.extensions import db, login_manager
from app.models import Role

PUBLIC_ATTR = "_convene_public"
ROLES_ATTR = "_convene_roles"


def allow(*roles: Role):
    """Let signed-in users with one of these roles use the view."""
    if not roles:
        raise ValueError("allow() needs at least one role")

    def decorate(view):
        setattr(view, ROLES_ATTR, frozenset(roles))
        return view

    return decorate


def public(view):
    """Let anyone use the view, signed in or not."""
    setattr(view, PUBLIC_ATTR, True)
    return view


def allowed_roles(view) -> frozenset[Role] | None:
    return getattr(view, ROLES_ATTR, None)


def is_public(view) -> bool:
    return getattr(view, PUBLIC_ATTR, False)


def enforce_permissions():
    """before_request: send anonymous visitors to sign in and refuse other roles."""
    if request.endpoint is None:
        return None  # a 404 for an unknown URL; nothing to protect
    view = current_app.view_functions[request.endpoint]
    if request.endpoint == "static" or request.endpoint.endswith(".static") or is_public(view):
        return None
    roles = allowed_roles(view)
    if roles is None:
        current_app.logger.error("view %s declares no roles: refused", request.endpoint)
        abort(403)
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    if current_user.role not in roles:
        abort(403)
    return None


def school_scoped(stmt, school_column):
    """Limit a select to the signed-in user's school when they are school staff."""
    if current_user.role == Role.SCHOOL_STAFF:
        return stmt.where(school_column == current_user.school_id)
    return stmt


def get_scoped_or_404(model, ident, school_column):
    """One record by id, or 404 if it is missing or belongs to another school."""
    stmt = school_scoped(db.select(model).where(model.id == ident), school_column)
    return db.first_or_404(stmt)
