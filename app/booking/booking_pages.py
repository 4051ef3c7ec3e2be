"""PLACEHOLDER (to be replaced): one booking's page and the changes made from it."""

from flask import abort

from app.auth.permissions import allow
from app.booking import bp
from app.booking.access import SEES_BOOKINGS


@bp.get("/bookings/<int:booking_id>")
@allow(*SEES_BOOKINGS)
def booking(booking_id):
    abort(404)
