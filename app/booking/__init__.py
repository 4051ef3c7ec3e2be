"""Consultation sessions and their slots, bookings, the waiting list and calendar feeds."""

from flask import Blueprint

bp = Blueprint("booking", __name__)

from app.booking import booking_pages, feeds, sessions, slot_pages  # noqa: E402,F401
