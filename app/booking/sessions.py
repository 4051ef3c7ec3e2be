"""Publishing Solution Focused Consultation sessions (VS admin), and seeing them (the
Virtual School and the educational psychologists who run them)."""

import itertools
import uuid
from datetime import datetime

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy.orm import selectinload

from app.auth.permissions import allow
from app.booking import bp
from app.booking.session_forms import CancelForm, SeriesForm, SessionForm
from app.extensions import db
from app.london import clock, time_range, to_london
from app.models import ConsultationSession, Role, SessionStatus, Slot, User
from app.models.types import utcnow
from app.services import audit

SEES_SESSIONS = (Role.VS_ADMIN, Role.VS_ADVISOR, Role.EDUCATIONAL_PSYCHOLOGIST)
SERIES_STEPS = {"details", "check", "publish", "edit"}


@bp.get("/sessions")
@allow(*SEES_SESSIONS)
def sessions():
    months = itertools.groupby(upcoming_sessions(current_user),
                               key=lambda each: f"{to_london(each.starts_at):%B %Y}")
    return render_template("booking/index.html",
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
    return render_template("booking/show.html", session=get_session_or_404(session_id))


@bp.route("/sessions/<int:session_id>/cancel", methods=["GET", "POST"])
@allow(Role.VS_ADMIN)
def cancel_session(session_id):
    session = get_session_or_404(session_id)
    if session.is_cancelled:
        flash("This session is already cancelled")
        return redirect(url_for("booking.session", session_id=session.id))
    form = CancelForm()
    if not form.validate_on_submit():
        status = 400 if form.is_submitted() else 200
        return render_template("booking/cancel.html", session=session, form=form), status
    cancel(session, form.reason.data)
    flash(f"Session cancelled: {describe(session)}", "success")
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
    stmt = visible_sessions(current_user).where(ConsultationSession.id == session_id)
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


def cancel(session: ConsultationSession, reason: str) -> None:
    # Telling the schools and attendees affected comes with bookings: once a slot can be
    # booked, cancelling must email a calendar cancellation to everyone booked.
    session.status = SessionStatus.CANCELLED
    session.cancel_reason = reason
    audit.record("session_cancelled", session, detail=reason)
    db.session.commit()


def clock_range(starts_at: datetime, ends_at: datetime) -> str:
    """2pm to 2:50pm."""
    return f"{clock(starts_at)} to {clock(ends_at)}"


def describe(session: ConsultationSession) -> str:
    """Tuesday 17 November 2026, 2pm to 5pm."""
    return time_range(session.starts_at, session.ends_at)
