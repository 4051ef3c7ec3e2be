"""Publishing, changing and cancelling Solution Focused Consultation sessions (VS admin), and
seeing them with their bookings (the Virtual School and the educational psychologists who run
them)."""

import itertools
import uuid
from dataclasses import dataclass
from datetime import datetime

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import func
from sqlalchemy.orm import joinedload, selectinload

from app.auth.permissions import allow
from app.booking import bp
from app.booking.session_forms import CancelForm, EditSessionForm, SeriesForm, SessionForm
from app.extensions import db
from app.london import clock, time_range, to_london
from app.models import (
    Booking,
    BookingStatus,
    ConsultationSession,
    Role,
    School,
    SessionStatus,
    Slot,
    User,
    WaitingListEntry,
    WaitStatus,
)
from app.models.types import utcnow
from app.services import audit, bookings, name_confirmations

SEES_SESSIONS = (Role.VS_ADMIN, Role.VS_ADVISOR, Role.EDUCATIONAL_PSYCHOLOGIST)
SERIES_STEPS = {"details", "check", "publish", "edit"}


@bp.get("/sessions")
@allow(*SEES_SESSIONS)
def sessions():
    upcoming = upcoming_sessions(current_user)
    months = itertools.groupby(upcoming, key=lambda each: f"{to_london(each.starts_at):%B %Y}")
    return render_template("booking/index.html", booked=booked_counts(upcoming),
                           months=[(month, list(group)) for month, group in months])


@bp.route("/sessions/new", methods=["GET", "POST"])
@allow(Role.VS_ADMIN)
def new_session():
    form = SessionForm()
    if not form.validate_on_submit():
        return render_template("booking/new.html", form=form), 400 if form.is_submitted() else 200
    starts_at, ends_at, slots = form.times
    session = publish_session(starts_at, ends_at, slots, form.session_fields(), by=current_user)
    audit.record("session_published", session, detail=describe(session))
    db.session.commit()
    flash(f"Session published: {describe(session)}, {len(slots)} slots", "success")
    return redirect(url_for("booking.session", session_id=session.id))


@bp.route("/sessions/series", methods=["GET", "POST"])
@allow(Role.VS_ADMIN)
def new_series():
    form = SeriesForm()
    step = request.form.get("step", "details")
    if request.method == "GET" or step == "edit" or step not in SERIES_STEPS:
        return render_template("booking/series.html", form=form)
    if not form.validate():
        return render_template("booking/series.html", form=form), 400
    if step == "details":
        # Every date ticked at first; coming back from the check page keeps the choice.
        form.dates.data = form.dates.data or [value for value, _ in form.dates.choices]
        return render_template("booking/series_dates.html", form=form)
    dates = form.ticked_dates()
    if not dates:
        form.dates.errors.append("Select at least one date")
        return render_template("booking/series_dates.html", form=form), 400
    if step == "check":
        return render_template("booking/series_check.html", form=form, dates=dates)
    published = publish_series(form, dates, by=current_user)
    flash(f"{len(published)} sessions published", "success")
    return redirect(url_for("booking.sessions"))


@bp.get("/sessions/<int:session_id>")
@allow(*SEES_SESSIONS)
def session(session_id):
    session = get_session_or_404(session_id)
    waiting = (waiting_list(session) if current_user.role in (Role.VS_ADMIN, Role.VS_ADVISOR)
               else None)
    return render_template("booking/show.html", session=session, waiting=waiting,
                           slots=slot_states(session, utcnow()),
                           changeable=is_changeable(session))


@bp.route("/sessions/<int:session_id>/edit", methods=["GET", "POST"])
@allow(Role.VS_ADMIN)
def edit_session(session_id):
    session = get_session_or_404(session_id)
    if not is_changeable(session):
        flash("This session is cancelled or has started, so it can no longer be changed")
        return redirect(url_for("booking.session", session_id=session.id))
    locked = times_locked(session)
    form = EditSessionForm(session)
    if not (form.validate_on_submit() and times_allowed(form, locked)):
        status = 400 if form.is_submitted() else 200
        return render_template("booking/edit.html", session=session, form=form, locked=locked,
                               live=len(bookings.live_bookings(session))), status
    if not (form.times_changed() or form.place_changed()):
        flash("Nothing was changed")
        return redirect(url_for("booking.session", session_id=session.id))
    told = change_session(session, form, by=current_user)
    db.session.commit()
    flash("Session updated." + told_words(told, ": everyone invited has been sent the change"),
          "success")
    return redirect(url_for("booking.session", session_id=session.id))


@bp.route("/sessions/<int:session_id>/cancel", methods=["GET", "POST"])
@allow(Role.VS_ADMIN)
def cancel_session(session_id):
    session = get_session_or_404(session_id)
    if not is_changeable(session):
        flash("This session is cancelled or has started, so it cannot be cancelled")
        return redirect(url_for("booking.session", session_id=session.id))
    form = CancelForm()
    live = bookings.live_bookings(session)
    if not form.validate_on_submit():
        status = 400 if form.is_submitted() else 200
        return render_template("booking/cancel.html", session=session, form=form,
                               live=len(live), waiting=len(live_waiting(session))), status
    cancelled = cancel(session, form.reason.data, by=current_user)
    name_confirmations.save_confirmations(form, session)
    db.session.commit()
    flash(f"Session cancelled: {describe(session)}."
          + (told_words(cancelled, " cancelled: everyone invited has been sent a cancellation")
             or " There were no bookings to cancel."), "success")
    return redirect(url_for("booking.session", session_id=session.id))


@bp.context_processor
def _time_words():
    return {"london": to_london, "describe": describe, "time_words": clock,
            "time_range": clock_range}


# The rules -----------------------------------------------------------------------------------


def visible_sessions(user: User):
    """An educational psychologist sees the sessions they run; the Virtual School sees all."""
    stmt = db.select(ConsultationSession)
    if user.role == Role.EDUCATIONAL_PSYCHOLOGIST:
        stmt = stmt.where(ConsultationSession.educational_psychologist_id == user.id)
    return stmt


def upcoming_sessions(user: User) -> list[ConsultationSession]:
    stmt = (visible_sessions(user).where(ConsultationSession.ends_at >= utcnow())
            .options(selectinload(ConsultationSession.slots),
                     selectinload(ConsultationSession.educational_psychologist),
                     selectinload(ConsultationSession.advisor))
            .order_by(ConsultationSession.starts_at, ConsultationSession.id))
    return list(db.session.scalars(stmt))


def get_session_or_404(session_id: int) -> ConsultationSession:
    stmt = (visible_sessions(current_user).where(ConsultationSession.id == session_id)
            .options(selectinload(ConsultationSession.slots),
                     joinedload(ConsultationSession.educational_psychologist),
                     joinedload(ConsultationSession.advisor)))
    return db.first_or_404(stmt)


def publish_session(starts_at, ends_at, slots, fields: dict, *, by: User,
                    series_key: str | None = None) -> ConsultationSession:
    """A session and its slots, added to the database session (the caller commits once)."""
    session = ConsultationSession(starts_at=starts_at, ends_at=ends_at, created_by_id=by.id,
                                  status=SessionStatus.PUBLISHED, series_key=series_key,
                                  **fields)
    session.slots = [Slot(starts_at=start, ends_at=end, position=position)
                     for position, (start, end) in enumerate(slots, start=1)]
    db.session.add(session)
    db.session.flush()  # the audit event names the new session's id
    return session


def publish_series(form: SeriesForm, dates, *, by: User) -> list[ConsultationSession]:
    """Every ticked date's session, in one transaction, sharing a series key."""
    series_key = uuid.uuid4().hex
    published = []
    for day in dates:
        times = form.check_slots(day)
        if times is None:  # validated already; a clock change cannot appear in between
            abort(400)
        published.append(publish_session(*times, form.session_fields(), by=by,
                                         series_key=series_key))
    audit.record("session_series_published", published[0],
                 detail=f"{len(published)} sessions, series {series_key}: "
                 + "; ".join(describe(each) for each in published))
    db.session.commit()
    return published


def cancel(session: ConsultationSession, reason: str, *, by: User) -> int:
    """Cancel the session and, in the same transaction, every booking in it (a cancellation
    to everyone invited; the requests go back to accepted) and its waiting list. Returns how
    many bookings were cancelled; the caller commits."""
    session.status = SessionStatus.CANCELLED
    session.cancel_reason = reason
    cancelled = bookings.cancel_session_bookings(session, reason, by)
    audit.record("session_cancelled", session, actor=by,
                 detail=f"{reason} ({cancelled} bookings cancelled)")
    return cancelled


def is_changeable(session: ConsultationSession, now: datetime | None = None) -> bool:
    """A session can be changed or cancelled until it starts, unless it is cancelled."""
    return not session.is_cancelled and session.starts_at > (now or utcnow())


def live_waiting(session: ConsultationSession) -> list[WaitingListEntry]:
    return list(db.session.scalars(db.select(WaitingListEntry).where(
        WaitingListEntry.session_id == session.id,
        WaitingListEntry.status.in_((WaitStatus.WAITING, WaitStatus.OFFERED)))))


def times_locked(session: ConsultationSession) -> bool:
    """The date and times stay as they are while anyone holds or waits for a slot: their
    invites and offers name those times."""
    return bool(bookings.live_bookings(session) or live_waiting(session))


def times_allowed(form: EditSessionForm, locked: bool) -> bool:
    if locked and form.times_changed():
        form.day.errors.append(
            "The date and times cannot change while the session has bookings or a waiting "
            "list. Cancel the session and publish a new one instead")
        return False
    if form.times_changed() and lost_slot_in_use(form.existing, len(form.times[2])):
        form.slot_minutes.errors.append(
            "These times leave fewer slots, and a slot that would go has a cancelled booking "
            "or an offer on record. Keep at least as many slots, or cancel the session and "
            "publish a new one")
        return False
    return True


def lost_slot_in_use(session: ConsultationSession, keep: int) -> bool:
    """Whether any slot past the first `keep` is named by a booking or a waiting-list offer
    (cancelled or expired ones too: they keep their history)."""
    lost = [slot.id for slot in session.slots[keep:]]
    if not lost:
        return False
    named = (db.select(Booking.id).where(Booking.slot_id.in_(lost))
             .union_all(db.select(WaitingListEntry.id)
                        .where(WaitingListEntry.offered_slot_id.in_(lost))))
    return db.session.execute(named.limit(1)).first() is not None


def change_session(session: ConsultationSession, form: EditSessionForm, *, by: User) -> int:
    """Apply the form, then send every live booking's attendees the updated invite (and a
    cancellation to an educational psychologist or advisor who was replaced). Returns how
    many bookings were told; the caller commits."""
    before = bookings.snapshot_recipients(session)
    was = describe_details(session)
    if form.times_changed():
        starts_at, ends_at, times = form.times
        reschedule(session, starts_at, ends_at, times, form.slot_minutes.data,
                   form.gap_minutes.data)
    for name, value in form.session_fields().items():
        if name not in ("slot_minutes", "gap_minutes"):
            setattr(session, name, value)
    db.session.flush()
    db.session.expire(session, ["educational_psychologist", "advisor"])
    told = bookings.session_changed(session, before, by)
    audit.record("session_edited", session, actor=by,
                 detail=f"Was {was}; now {describe_details(session)}; {told} bookings told")
    return told


def reschedule(session: ConsultationSession, starts_at: datetime, ends_at: datetime,
               times: list, slot_minutes: int, gap_minutes: int) -> None:
    """New times for a session nobody holds or waits for: its slots are re-timed in place
    (keeping their ids), with slots added or taken off the end."""
    session.starts_at, session.ends_at = starts_at, ends_at
    session.slot_minutes, session.gap_minutes = slot_minutes, gap_minutes
    slots = list(session.slots)
    for slot, (start, end) in zip(slots, times, strict=False):
        slot.starts_at, slot.ends_at = start, end
    for slot in slots[len(times):]:
        session.slots.remove(slot)
    db.session.flush()  # the slots taken off go before new ones take their positions
    for position, (start, end) in enumerate(times[len(slots):], start=len(slots) + 1):
        session.slots.append(Slot(starts_at=start, ends_at=end, position=position))


def describe_details(session: ConsultationSession) -> str:
    """What the audit log keeps of a session's details, before and after a change."""
    people = [f"EP {session.educational_psychologist_id}",
              f"advisor {session.advisor_id or 'none'}"]
    return "; ".join([describe(session), f"{session.slot_minutes}-minute slots",
                      session.mode.label, session.meeting_url or session.venue or "", *people])


def told_words(count: int, done: str) -> str:
    """' 3 bookings: everyone invited has been sent the change', or nothing for none."""
    if count == 0:
        return ""
    return f" {count} {'booking' if count == 1 else 'bookings'}{done}"


# What the session page shows -----------------------------------------------------------------


@dataclass(frozen=True)
class SlotState:
    """One slot as the session page shows it: free, held for the waiting list, or booked."""

    slot: Slot
    booking: Booking | None = None
    school_name: str | None = None
    offer: WaitingListEntry | None = None

    @property
    def label(self) -> str:
        if self.booking is not None:
            return "Booked"
        return "Held for the waiting list" if self.offer is not None else "Free"


def slot_states(session: ConsultationSession, now: datetime) -> list[SlotState]:
    """Every slot with its live booking or offer: three queries, however many slots."""
    booked = db.session.execute(
        db.select(Booking, School.name).join(School, School.id == Booking.school_id)
        .join(Booking.slot)
        .where(Slot.session_id == session.id, Booking.status == BookingStatus.BOOKED)
        .options(joinedload(Booking.request), selectinload(Booking.attendees))).all()
    by_slot = {booking.slot_id: (booking, school) for booking, school in booked}
    offers = {entry.offered_slot_id: entry for entry in db.session.scalars(
        db.select(WaitingListEntry)
        .where(WaitingListEntry.session_id == session.id,
               WaitingListEntry.status == WaitStatus.OFFERED,
               WaitingListEntry.offer_expires_at > now)
        .options(joinedload(WaitingListEntry.request)))}
    states = []
    for slot in session.slots:
        booking, school = by_slot.get(slot.id, (None, None))
        states.append(SlotState(slot, booking, school, offers.get(slot.id)))
    return states


def waiting_list(session: ConsultationSession) -> list[tuple[WaitingListEntry, str]]:
    """Everyone who has joined the session's waiting list, in the order they joined, with
    their school's name."""
    return list(db.session.execute(
        db.select(WaitingListEntry, School.name)
        .join(School, School.id == WaitingListEntry.school_id)
        .where(WaitingListEntry.session_id == session.id)
        .options(joinedload(WaitingListEntry.request))
        .order_by(WaitingListEntry.joined_at, WaitingListEntry.id)).all())


def booked_counts(sessions: list[ConsultationSession]) -> dict[int, int]:
    """Live bookings per session, in one grouped count."""
    if not sessions:
        return {}
    rows = db.session.execute(
        db.select(Slot.session_id, func.count(Booking.id))
        .join(Booking, Booking.slot_id == Slot.id)
        .where(Slot.session_id.in_([each.id for each in sessions]),
               Booking.status == BookingStatus.BOOKED)
        .group_by(Slot.session_id))
    return {session_id: count for session_id, count in rows}


def clock_range(starts_at: datetime, ends_at: datetime) -> str:
    """2pm to 2:50pm."""
    return f"{clock(starts_at)} to {clock(ends_at)}"


def describe(session: ConsultationSession) -> str:
    """Tuesday 17 November 2026, 2pm to 5pm."""
    return time_range(session.starts_at, session.ends_at)
