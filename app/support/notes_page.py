"""Writing up a TAC meeting: who attended, the notes under each heading, the actions agreed
and the next review. Saving marks the meeting held."""

from flask import flash, redirect, render_template, url_for
from flask_login import current_user

from app.auth.permissions import allow
from app.extensions import db
from app.london import long_date
from app.models import Role, TacStatus
from app.services import audit, name_confirmations
from app.support import bp, meetings
from app.support.access import get_meeting_or_404
from app.support.forms import NotesForm, add_blank_rows
from app.support.meetings import MeetingRefused


@bp.route("/tac/<int:meeting_id>/notes", methods=["GET", "POST"])
@allow(Role.SCHOOL_STAFF)
def tac_notes(meeting_id):
    meeting = get_meeting_or_404(meeting_id)
    if not meetings.can_write_up(meeting):
        flash(f"{meeting.reference} was cancelled, so it cannot be written up"
              if meeting.status == TacStatus.CANCELLED
              else f"{meeting.reference} can be written up from {long_date(meeting.starts_at)}, "
                   "the day it is held")
        return redirect(url_for("support.tac_meeting", meeting_id=meeting.id))
    form = NotesForm(meeting)
    name_confirmations.accept_saved(meeting)
    if not form.is_submitted():
        add_blank_rows(form.attended, 1)
        add_blank_rows(form.actions)
    if form.is_submitted() and form.adding_row():
        (form.attended if form.add_attended.data else form.actions).append_entry()
        return _notes_page(form, meeting, 200)
    if not form.validate_on_submit():
        if form.is_submitted():
            return _notes_page(form, meeting, 400)
        page = _notes_page(form, meeting, 200)
        audit.record_view("tac_meeting_viewed", meeting,
                          detail=f"{meeting.reference}: notes, to write them up")
        return page
    first_time = meeting.status == TacStatus.SCHEDULED
    try:
        meetings.write_up(meeting, form.write_up(), by=current_user)
        name_confirmations.save_confirmations(form, meeting)
    except MeetingRefused as refused:
        db.session.rollback()
        return _notes_page(form, meeting, 400, refused=str(refused))
    db.session.commit()
    flash(f"Notes saved. {meeting.reference} is marked as held" if first_time
          else f"Changes to the notes of {meeting.reference} saved", "success")
    return redirect(url_for("support.tac_meeting", meeting_id=meeting.id))


def _notes_page(form: NotesForm, meeting, status: int, **context):
    return render_template("support/notes.html", form=form, meeting=meeting,
                           child=meeting.child, **context), status
