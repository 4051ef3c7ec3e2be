"""One booking's page, and the changes made from it: its attendees, moving it to another slot,
cancelling it, and its calendar file."""

import itertools

from flask import abort, flash, make_response, redirect, render_template, url_for
from flask_login import current_user

from app.auth.permissions import allow
from app.booking import bp
from app.booking.access import SEES_BOOKINGS, can_manage, get_booking_or_404
from app.booking.booking_forms import AttendeeForm, CancelBookingForm, MoveForm
from app.extensions import db, htmx
from app.london import clock, day_and_date, time_range, to_london
from app.models import Booking, BookingAttendee, Role, Slot, User
from app.models.types import utcnow
from app.rendering import render_page_or_partial
from app.services import bookings, invites, name_confirmations, slot_finder
from app.services.bookings import BookingRefused, SlotTaken

PAGE = "booking/booking/show.html"
ATTENDEES = "booking/booking/_attendees.html"


@bp.get("/bookings/<int:booking_id>")
@allow(*SEES_BOOKINGS)
def booking(booking_id):
    return render_template(PAGE, **page_context(get_booking_or_404(booking_id)))


@bp.post("/bookings/<int:booking_id>/attendees")
@allow(*SEES_BOOKINGS)
def add_attendee(booking_id):
    booking = get_manageable_or_403(booking_id)
    form = AttendeeForm()
    if not form.validate_on_submit():
        return _attendees_page(booking, 400, form=form)
    try:
        person = bookings.add_attendee(booking, form.details(), by=current_user)
        name_confirmations.save_confirmations(form, booking)
    except BookingRefused as refused:
        db.session.rollback()
        return _attendees_page(booking, 400, form=form, refused=str(refused))
    db.session.commit()
    return _attendees_changed(booking, f"{person.name} has been added. Everyone invited has "
                              "been sent the updated invite")


@bp.post("/bookings/<int:booking_id>/attendees/<int:attendee_id>/remove")
@allow(*SEES_BOOKINGS)
def remove_attendee(booking_id, attendee_id):
    booking = get_manageable_or_403(booking_id)
    person = db.first_or_404(db.select(BookingAttendee).where(
        BookingAttendee.id == attendee_id, BookingAttendee.booking_id == booking.id))
    try:
        bookings.remove_attendee(booking, person, by=current_user)
    except BookingRefused as refused:
        db.session.rollback()
        return _attendees_page(booking, 400, refused=str(refused))
    db.session.commit()
    return _attendees_changed(booking, f"{person.name} has been removed and sent a "
                              "cancellation. Everyone else has been sent the updated invite")


@bp.route("/bookings/<int:booking_id>/cancel", methods=["GET", "POST"])
@allow(*SEES_BOOKINGS)
def cancel_booking(booking_id):
    booking = get_manageable_or_403(booking_id)
    if not bookings.can_change(booking):
        return _cannot_change(booking, "cancelled")
    form = CancelBookingForm()
    if not form.validate_on_submit():
        return _cancel_page(booking, form, 400 if form.is_submitted() else 200)
    try:
        bookings.cancel(booking, form.reason.data, by=current_user)
        name_confirmations.save_confirmations(form, booking)
    except BookingRefused as refused:
        db.session.rollback()
        return _cancel_page(booking, form, 409, refused=str(refused))
    db.session.commit()
    flash(f"{booking.reference} cancelled. Everyone invited has been sent a cancellation",
          "success")
    return redirect(url_for("booking.booking", booking_id=booking.id))


@bp.route("/bookings/<int:booking_id>/move", methods=["GET", "POST"])
@allow(*SEES_BOOKINGS)
def move_booking(booking_id):
    booking = get_manageable_or_403(booking_id)
    if not bookings.can_change(booking):
        return _cannot_change(booking, "moved")
    form = MoveForm()
    if not form.validate_on_submit():
        return _move_page(booking, form, 400 if form.is_submitted() else 200)
    slot = db.session.get(Slot, form.slot_id.data) if form.slot_id.data else None
    if slot is None:
        form.slot_id.errors.append("Select a new slot")
        return _move_page(booking, form, 400)
    try:
        bookings.move(booking, slot, by=current_user)
    except BookingRefused as refused:
        db.session.rollback()
        status = 409 if isinstance(refused, SlotTaken) else 400
        return _move_page(booking, form, status, refused=str(refused))
    db.session.commit()
    flash(f"Moved to {time_range(slot.starts_at, slot.ends_at)}, everyone invited has been "
          "sent the updated invite", "success")
    return redirect(url_for("booking.booking", booking_id=booking.id))


@bp.get("/bookings/<int:booking_id>/invite.ics")
@allow(*SEES_BOOKINGS)
def booking_ics(booking_id):
    """This one consultation as a calendar file to import. It carries the emailed invites'
    UID and SEQUENCE, so importing it updates the same event rather than adding another."""
    booking = get_booking_or_404(booking_id)
    method = invites.Method.REQUEST if booking.is_live else invites.Method.CANCEL
    calendar = invites.render_feed([bookings.invite_for(booking, method, attendees=())],
                                   name=f"Solution Focused Consultation {booking.reference}")
    response = make_response(calendar)
    response.headers["Content-Type"] = "text/calendar; charset=utf-8"
    response.headers["Content-Disposition"] = (
        f'attachment; filename="{booking.reference}.ics"')
    return response


# The rules ------------------------------------------------------------------------------------

def get_manageable_or_403(booking_id: int) -> Booking:
    """A booking the signed-in user may change: 404 if they cannot see it, 403 if they may
    see it but not change it."""
    booking = get_booking_or_404(booking_id)
    if not can_manage(booking):
        abort(403)
    return booking


def page_context(booking: Booking, form: AttendeeForm | None = None, **context) -> dict:
    now = utcnow()
    manageable = can_manage(booking)
    cancelled_by = (db.session.get(User, booking.cancelled_by_id)
                    if booking.cancelled_by_id else None)
    return {"booking": booking, "session": booking.slot.session,
            "form": form or AttendeeForm(formdata=None),
            "can_change": manageable and bookings.can_change(booking, now),
            "can_edit_attendees": manageable and bookings.attendees_editable(booking, now),
            "manageable": manageable, "cancelled_by": cancelled_by,
            "links_request": current_user.role != Role.SOCIAL_WORKER,
            "removed": [each for each in booking.attendees if each.removed_at is not None],
            "outcome_link": _outcome_link(booking),
            "not_names": name_confirmations.shown_for(booking),
            **context}


def _outcome_link(booking: Booking) -> str | None:
    """The words of the link to the consultation's outcome, if this user may follow it."""
    from app.outcomes.access import may_see, outcome_of, runs_session

    if runs_session(booking):
        return "Record or see the outcome" if booking.is_live else None
    return "See the outcome" if may_see(booking, outcome_of(booking)) else None


def free_slots_by_day(now=None) -> list[tuple[str, list[dict]]]:
    """The free slots to move to, as (Tuesday 17 November 2027, [choice, ...]) per day."""
    days = itertools.groupby(slot_finder.free_slots(now or utcnow()),
                             key=lambda slot: to_london(slot.starts_at).date())
    return [(day_and_date(slots[0].starts_at), [_slot_choice(slot) for slot in slots])
            for slots in (list(group) for _, group in days)]


def _slot_choice(slot: Slot) -> dict:
    session = slot.session
    where = f"In person at {session.venue}" if session.venue else "Online"
    return {"id": slot.id, "times": f"{clock(slot.starts_at)} to {clock(slot.ends_at)}",
            "hint": f"{where}, with {session.educational_psychologist.name}"}


# Pages ----------------------------------------------------------------------------------------

def _attendees_page(booking: Booking, status: int, form: AttendeeForm | None = None,
                    **context):
    # htmx 2 does not swap 4xx responses in by default, so an htmx form gets its region
    # (with the error summary) as a 200; a plain form post gets the true status.
    status = 200 if htmx and not htmx.boosted else status
    return render_page_or_partial(PAGE, ATTENDEES, status, **page_context(booking, form),
                                  **context)


def _attendees_changed(booking: Booking, message: str):
    if htmx and not htmx.boosted:
        return _attendees_page(booking, 200, success=message)
    flash(message, "success")
    return redirect(url_for("booking.booking", booking_id=booking.id, _anchor="attendees"))


def _cannot_change(booking: Booking, done: str):
    flash(f"{booking.reference} can no longer be {done}: it is cancelled or the consultation "
          "has started")
    return redirect(url_for("booking.booking", booking_id=booking.id))


def _cancel_page(booking: Booking, form: CancelBookingForm, status: int, **context):
    return render_template("booking/booking/cancel.html", booking=booking, form=form,
                           recipients=bookings.recipients(booking), **context), status


def _move_page(booking: Booking, form: MoveForm, status: int, **context):
    return render_template("booking/booking/move.html", booking=booking, form=form,
                           days=free_slots_by_day(), **context), status
