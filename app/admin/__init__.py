"""The VS admin's pages: users and schools."""

from flask import Blueprint

bp = Blueprint("admin", __name__)

from app.admin import (  # noqa: E402,F401
    booking_rules,
    never_names,
    outbox,
    schools,
    themes,
    two_factor,
    users,
)
