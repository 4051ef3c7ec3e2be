"""PLACEHOLDER (to be replaced): free slots, booking one, the waiting list, bookings list."""

from flask import abort

from app.auth.permissions import allow
from app.booking import bp
from app.booking.access import SEES_BOOKINGS
from app.models import Role


@bp.get("/slots")
@allow(Role.SCHOOL_STAFF)
def free_slots():
    abort(404)


@bp.route("/slots/<int:slot_id>/book", methods=["GET", "POST"])
@allow(Role.SCHOOL_STAFF)
def book_slot(slot_id):
    abort(404)


@bp.get("/bookings")
@allow(*SEES_BOOKINGS)
def bookings():
    abort(404)
