"""The VS admin's pages: users and schools."""

from flask import Blueprint

bp = Blueprint("admin", __name__)

from app.admin import booking_rules, outbox, schools, themes, users  # noqa: E402,F401
