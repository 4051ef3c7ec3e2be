"""Consultation outcomes: what the EP records after a consultation, and its summary."""

from flask import Blueprint

bp = Blueprint("outcomes", __name__)

from app.outcomes import views  # noqa: E402,F401
