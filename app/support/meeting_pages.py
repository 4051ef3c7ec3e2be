"""A child's TAC meetings: the list, scheduling one, its page, changing or cancelling it,
and its record as a PDF. School staff of the child's school only; every view is audited."""

from flask import flash, make_response, redirect, render_template, url_for
from flask_login import current_user

from app.auth.permissions import allow
from app.database import begin_writing
from app.extensions import db
from app.models import TAC_HEADINGS, Role, TacMeeting, TacStatus
from app.requests.access import get_child_or_404
from app.services import audit, name_confirmations
from app.support import bp, clock, meetings, records
from app.support.access import get_meeting_or_404
from app.support.forms import EditScheduleForm, ScheduleForm, add_blank_rows, schedule_data
from app.support.meetings import MeetingRefused


@bp.get("/children/<reference>/tac")
@allow(Role.SCHOOL_STAFF)
def tac_meetings(reference):
    begin_writing()
    child = get_child_or_404(reference)
    rows = db.session.scalars(db.select(TacMeeting).where(TacMeeting.child_id == child.id)
                              .order_by(TacMeeting.starts_at, TacMeeting.id)).all()
    now = clock.now()
    upcoming = [each for each in rows
                if each.status == TacStatus.SCHEDULED and each.ends_at >= now]
    past = [each for each in reversed(rows) if each not in upcoming]
    audit.record("tac_meetings_viewed", child, detail=child.reference)
    page = render_template("support/meetings.html", child=child, upcoming=upcoming, past=past,
                           now=now)
    db.session.commit()
    return page


@bp.route("/children/<reference>/tac/new", methods=["GET", "POST"])
@allow(Role.SCHOOL_STAFF)
def new_tac(reference):
    child = get_child_or_404(reference)
    form = ScheduleForm()
    if not form.is_submitted():
        add_blank_rows(form.attendees)
    if form.is_submitted() and form.adding_row():
        form.attendees.append_entry()
        return _schedule_page(form, child, 200)
    if not form.validate_on_submit():
        return _schedule_page(form, child, 400 if form.is_submitted() else 200)
    try:
        meeting = meetings.schedule(child, form.plan(), by=current_user)
        name_confirmations.save_confirmations(form, meeting)
    except MeetingRefused as refused:
        db.session.rollback()
        return _schedule_page(form, child, 400, refused=str(refused))
    invited = len(meetings.invitees(meeting))
    db.session.commit()
    flash(f"{meeting.reference} scheduled. {_sent(invited)}", "success")
    return redirect(url_for("support.tac_meeting", meeting_id=meeting.id))


@bp.get("/tac/<int:meeting_id>")
@allow(Role.SCHOOL_STAFF)
def tac_meeting(meeting_id):
    begin_writing()
    meeting = get_meeting_or_404(meeting_id)
    audit.record("tac_meeting_viewed", meeting, detail=meeting.reference)
    page = render_template("support/meeting.html", meeting=meeting, child=meeting.child,
                           today=clock.today(), tac_headings=TAC_HEADINGS,
                           can_write_up=meetings.can_write_up(meeting),
                           invitees=meetings.invitees(meeting),
                           not_names=name_confirmations.shown_for(meeting))
    db.session.commit()
    return page


@bp.route("/tac/<int:meeting_id>/edit", methods=["GET", "POST"])
@allow(Role.SCHOOL_STAFF)
def edit_tac(meeting_id):
    meeting = get_meeting_or_404(meeting_id)
    if meeting.status != TacStatus.SCHEDULED:
        flash(f"{meeting.reference} is {meeting.status.label.lower()}, so its date, place and "
              "attendees can no longer be changed")
        return redirect(url_for("support.tac_meeting", meeting_id=meeting.id))
    form = EditScheduleForm(data=schedule_data(meeting))
    name_confirmations.accept_saved(meeting)
    if not form.is_submitted():
        add_blank_rows(form.attendees)
    if form.is_submitted() and form.adding_row():
        form.attendees.append_entry()
        return _schedule_page(form, meeting.child, 200, meeting=meeting)
    if not form.validate_on_submit():
        return _schedule_page(form, meeting.child, 400 if form.is_submitted() else 200,
                              meeting=meeting)
    try:
        sent = meetings.reschedule(meeting, form.plan(), by=current_user)
        name_confirmations.save_confirmations(form, meeting)
    except MeetingRefused as refused:
        db.session.rollback()
        return _schedule_page(form, meeting.child, 400, meeting=meeting, refused=str(refused))
    db.session.commit()
    flash(f"Changes to {meeting.reference} saved. Everyone invited has been sent the updated "
          "invite, and anyone removed a cancellation" if sent
          else f"Changes to {meeting.reference} saved", "success")
    return redirect(url_for("support.tac_meeting", meeting_id=meeting.id))


@bp.post("/tac/<int:meeting_id>/cancel")
@allow(Role.SCHOOL_STAFF)
def cancel_tac(meeting_id):
    meeting = get_meeting_or_404(meeting_id)
    try:
        meetings.cancel(meeting, by=current_user)
    except MeetingRefused as refused:
        db.session.rollback()
        flash(str(refused))
        return redirect(url_for("support.tac_meeting", meeting_id=meeting_id))
    db.session.commit()
    flash(f"{meeting.reference} cancelled. Everyone invited has been sent a cancellation",
          "success")
    return redirect(url_for("support.tac_meeting", meeting_id=meeting.id))


@bp.get("/tac/<int:meeting_id>.pdf")
@allow(Role.SCHOOL_STAFF)
def tac_pdf(meeting_id):
    begin_writing()
    meeting = get_meeting_or_404(meeting_id)
    document = records.meeting_pdf(meeting)
    audit.record("tac_record_downloaded", meeting, detail=meeting.reference)
    db.session.commit()
    response = make_response(document)
    response.headers["Content-Type"] = "application/pdf"
    response.headers["Content-Disposition"] = f'attachment; filename="{meeting.reference}.pdf"'
    return response


def _schedule_page(form, child, status: int, meeting: TacMeeting | None = None, **context):
    return render_template("support/schedule.html", form=form, child=child, meeting=meeting,
                           **context), status


def _sent(count: int) -> str:
    if count == 0:
        return "No one had an email address, so no invites were sent"
    people = "1 person has" if count == 1 else f"{count} people have"
    return f"{people} been sent a calendar invite"
