"""The VS admin's pages: users and schools."""

from flask import Blueprint

bp = Blueprint("admin", __name__)

from app.admin import (  # noqa: E402,F401
    audit_trail,
    booking_rules,
    never_names,
    outbox,
    retention,
    schools,
    themes,
    two_factor,
    users,
)
