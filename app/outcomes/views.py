"""A consultation's outcome: seeing it, recording it (the EP), amending it, sending its
summary and downloading it as a PDF; and the EP's list of consultations to record."""

from flask import abort, flash, make_response, redirect, render_template, request, url_for
from flask_login import current_user

from app.auth.permissions import allow
from app.database import begin_writing, commit_keeping_loaded
from app.extensions import db, htmx
from app.london import to_london
from app.models import Booking, ConsultationOutcome, Role, Theme
from app.outcomes import bp, recording, summary
from app.outcomes.access import (
    SEES_OUTCOMES,
    can_record,
    get_own_booking_or_404,
    get_visible_or_404,
    outcome_of,
    runs_session,
    visible_amendments,
)
from app.outcomes.forms import AmendmentForm, OutcomeForm
from app.outcomes.recording import ActionDetails, OutcomeDetails, OutcomeRefused, Person
from app.pagination import paginate, pagination_links
from app.rendering import render_page_or_partial
from app.services import audit, name_confirmations

EP = Role.EDUCATIONAL_PSYCHOLOGIST
# The free-text fields checked for identifiers as the EP leaves them (with htmx), and how
# the page shows them (the same params as the templates give them).
CHECKED_FIELDS = ("best_hopes", "already_working", "strengths", "one_point_higher")
TEXT_PARAMS = {"rows": 4, "label": {"classes": "govuk-label--s"}}
AMENDMENT_PARAMS = {"rows": 5, "label": {"classes": "govuk-label--m"}}


@bp.get("/bookings/<int:booking_id>/outcome")
@allow(*SEES_OUTCOMES)
def outcome(booking_id):
    begin_writing()  # the view itself is written to the audit log
    booking, outcome_ = get_visible_or_404(booking_id)
    if outcome_ is not None:
        audit.record("outcome_viewed", outcome_, detail=booking.reference,
                     reference=booking.reference)
    page = render_template("outcomes/show.html", **_page_context(booking, outcome_))
    db.session.commit()
    return page


@bp.route("/bookings/<int:booking_id>/outcome/edit", methods=["GET", "POST"])
@allow(EP)
def edit_outcome(booking_id):
    booking = get_own_booking_or_404(booking_id)
    outcome_ = outcome_of(booking)
    refusal = _why_not_editable(booking, outcome_)
    if refusal:
        return _refuse(booking, outcome_, refusal)
    form = _outcome_form(booking, outcome_)
    name_confirmations.accept_saved(outcome_)
    if htmx and htmx.trigger_name in CHECKED_FIELDS:
        return _checked_field(form, htmx.trigger_name, TEXT_PARAMS)
    finalising = bool(form.finalise.data)
    valid = form.validate_on_submit()
    if finalising:  # every problem at once, not the essentials only after the rest
        valid = form.check_ready_to_finalise() and valid
    if not valid:
        return _edit_page(booking, form, 400 if form.is_submitted() else 200)
    try:
        saved = recording.save(booking, _details(form), by=current_user, finalise=finalising)
        name_confirmations.save_confirmations(form, saved)
    except OutcomeRefused as refused:
        db.session.rollback()
        return _edit_page(booking, form, 409, refused=str(refused))
    done = (f"The outcome of {booking.reference} is finalised. You can now send the summary"
            if finalising else f"Draft outcome of {booking.reference} saved")
    db.session.commit()
    # Nothing is read after the commit: that would begin a new write transaction.
    flash(done, "success")
    return redirect(url_for("outcomes.outcome", booking_id=booking_id))


@bp.route("/bookings/<int:booking_id>/outcome/amend", methods=["GET", "POST"])
@allow(EP)
def amend_outcome(booking_id):
    booking = get_own_booking_or_404(booking_id)
    outcome_ = outcome_of(booking)
    if outcome_ is None or not outcome_.is_final:
        return _refuse(booking, outcome_, "Amendments are for a finalised outcome. Until it is "
                                          "finalised, change the draft itself")
    form = AmendmentForm()
    if htmx and htmx.trigger_name == form.text.name:
        return _checked_field(form, "text", AMENDMENT_PARAMS)
    if not form.validate_on_submit():
        return render_template("outcomes/amend.html", form=form, check_url=request.url,
                               text_params=AMENDMENT_PARAMS,
                               **_page_context(booking, outcome_)), (
            400 if form.is_submitted() else 200)
    recording.amend(outcome_, form.text.data, by=current_user)
    name_confirmations.save_confirmations(form, outcome_)
    db.session.commit()
    flash("Amendment added beside the original, which is unchanged", "success")
    return redirect(url_for("outcomes.outcome", booking_id=booking_id, _anchor="amendments"))


@bp.post("/bookings/<int:booking_id>/outcome/send")
@allow(EP)
def send_summary(booking_id):
    booking = get_own_booking_or_404(booking_id)
    outcome_ = outcome_of(booking, for_update=True)
    if outcome_ is None or not outcome_.is_final:
        return _refuse(booking, outcome_, "Finalise the outcome before sending its summary")
    again = outcome_.summary_sent_at is not None
    people = recording.send_summary(outcome_, by=current_user)
    db.session.commit()
    flash(f"The summary has been sent {'again ' if again else ''}to {_people(people)}",
          "success")
    return redirect(url_for("outcomes.outcome", booking_id=booking_id))


@bp.get("/bookings/<int:booking_id>/outcome.pdf")
@allow(*SEES_OUTCOMES)
def summary_pdf(booking_id):
    booking, outcome_ = get_visible_or_404(booking_id, summary.SUMMARY_LOADS)
    if outcome_ is None:
        abort(404)
    pdf = summary.summary_pdf(outcome_, visible_amendments(outcome_))
    reference = booking.reference
    # The download is written to the audit log. The write lock is taken only now, once the
    # document is made, so that the other workers are not held up while it is.
    begin_writing()
    audit.record("outcome_pdf_downloaded", outcome_, detail=reference, reference=reference)
    commit_keeping_loaded()  # nothing but the response headers reads after this
    response = make_response(pdf)
    response.headers["Content-Type"] = "application/pdf"
    response.headers["Content-Disposition"] = f'attachment; filename="{reference}.pdf"'
    return response


@bp.get("/outcomes")
@allow(EP)
def my_outcomes():
    page = paginate(recording.consultations_held(current_user),
                    request.args.get("page", 1, type=int))
    outcomes = recording.outcomes_for(page.items)
    to_record = sum(1 for booking in page.items
                    if booking.id not in outcomes or not outcomes[booking.id].is_final)
    return render_template("outcomes/index.html", results=page, outcomes=outcomes,
                           to_record=to_record,
                           pagination=pagination_links(page, "outcomes.my_outcomes"))


# The rules ------------------------------------------------------------------------------------

def _why_not_editable(booking: Booking, outcome_: ConsultationOutcome | None) -> str | None:
    if outcome_ is not None and outcome_.is_final:
        return (f"The outcome of {booking.reference} is finalised, so it cannot be changed. "
                "Add an amendment instead")
    if not booking.is_live:
        return f"{booking.reference} was cancelled, so there is no outcome to record"
    if not can_record(booking):
        return "You can record the outcome from the day of the consultation"
    return None


def _refuse(booking: Booking, outcome_: ConsultationOutcome | None, message: str):
    """Looking: back to the outcome, with the reason. Posting: 409, and nothing changed."""
    if request.method == "GET":
        flash(message)
        return redirect(url_for("outcomes.outcome", booking_id=booking.id))
    db.session.rollback()
    return render_template("outcomes/show.html", refused=message,
                           **_page_context(booking, outcome_)), 409


# Forms ----------------------------------------------------------------------------------------

def _outcome_form(booking: Booking, outcome_: ConsultationOutcome | None) -> OutcomeForm:
    consulted_on = to_london(booking.slot.starts_at).date()
    if request.method == "POST":
        form = OutcomeForm(consulted_on=consulted_on)
    else:
        form = OutcomeForm(data=_saved_values(booking, outcome_), consulted_on=consulted_on)
        form.add_blank_rows()
    people = recording.invited_people(booking)
    form.present.choices = [(person.email, person.name) for person in people]
    form.present_hints = [_hint(person) for person in people]
    themes = db.session.scalars(db.select(Theme).where(Theme.active.is_(True))
                                .order_by(Theme.position, Theme.name)).all()
    chosen = [theme for theme in (outcome_.themes if outcome_ else []) if not theme.active]
    form.themes.choices = [(theme.id, theme.name) for theme in [*themes, *chosen]]
    return form


def _hint(person: Person) -> str:
    if not person.is_social_worker:
        return person.job_role
    if "social worker" in person.job_role.lower():
        return "The child's social worker"
    return f"{person.job_role}, the child's social worker"


def _saved_values(booking: Booking, outcome_: ConsultationOutcome | None) -> dict:
    present, others = recording.split_attendees(booking, outcome_)
    values = {"present": present,
              "extra": [{"name": each.name, "job_role": each.job_role, "email": each.email,
                         "social_worker": each.is_social_worker} for each in others]}
    if outcome_ is None:
        return values
    return values | {
        "best_hopes": outcome_.best_hopes, "already_working": outcome_.already_working,
        "strengths": outcome_.strengths, "scale_now": outcome_.scale_now,
        "one_point_higher": outcome_.one_point_higher,
        "actions": [{"what": each.what, "who_role": each.who_role, "who_name": each.who_name,
                     "due_on": each.due_on} for each in outcome_.actions],
        "themes": [theme.id for theme in outcome_.themes],
        "next_step": outcome_.next_step.value if outcome_.next_step else None,
        "follow_up_on": outcome_.follow_up_on,
    }


def _details(form: OutcomeForm) -> OutcomeDetails:
    return OutcomeDetails(
        present=list(form.present.data or []),
        extra=[Person(row.name.data, row.job_role.data, row.email.data or None,
                      bool(row.social_worker.data)) for row in form.extra_people()],
        best_hopes=form.best_hopes.data, already_working=form.already_working.data,
        strengths=form.strengths.data, scale_now=form.scale_now.data,
        one_point_higher=form.one_point_higher.data,
        actions=[ActionDetails(row.what.data, row.who_role.data, row.who_name.data,
                               row.due_on.data) for row in form.action_rows()],
        theme_ids=list(form.themes.data or []),
        next_step=form.next_step.data or None, follow_up_on=form.follow_up_on.data)


def _checked_field(form, name: str, params: dict):
    """htmx, as the EP leaves a text box: check it alone and show its error in place."""
    field = form[name]
    field.validate(form)
    return render_page_or_partial("requests/_checked_field.html", "requests/_checked_field.html",
                                  field=field, params=params, check_url=request.url)


# Pages ----------------------------------------------------------------------------------------

def _page_context(booking: Booking, outcome_: ConsultationOutcome | None) -> dict:
    own = runs_session(booking)
    final = outcome_ is not None and outcome_.is_final
    return {
        "booking": booking, "session": booking.slot.session, "outcome": outcome_,
        "amendments": visible_amendments(outcome_) if outcome_ else [],
        "own": own, "can_edit": own and not final and can_record(booking),
        "can_amend": own and final, "can_send": own and final,
        "links_request": current_user.role != Role.SOCIAL_WORKER,
        "attendee_role": summary.attendee_role,
        "not_names": name_confirmations.shown_for(outcome_) if outcome_ else [],
    }


def _edit_page(booking: Booking, form: OutcomeForm, status: int, **context):
    return render_template("outcomes/edit.html", booking=booking, session=booking.slot.session,
                           form=form, check_url=request.url, text_params=TEXT_PARAMS,
                           **context), status


def _people(people: list[Person]) -> str:
    if len(people) == 1:
        return "1 person"
    return f"{len(people)} people"


