"""Consultation sessions and their slots (bookings and the waiting list come later)."""

from flask import Blueprint

bp = Blueprint("booking", __name__)

from app.booking import sessions  # noqa: E402,F401
