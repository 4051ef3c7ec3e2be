"""School staff fill in an advice request page by page, check their answers and send it."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from app.auth.permissions import allow
from app.extensions import db, htmx
from app.models import AdviceRequest, ChildRecord, Role
from app.models.theme import DEFAULT_SIGNPOSTING, SIGNPOSTING_KEY, get_setting
from app.rendering import render_page_or_partial
from app.requests import bp
from app.requests.access import get_draft_or_404, get_request_or_404, visible_children
from app.requests.advice_forms import ChildForm
from app.requests.advice_steps import (
    BY_SLUG,
    STEPS,
    Step,
    answer_rows,
    load_answers,
    next_slug,
    previous_slug,
    problem_links,
    save_answers,
    theme_choices,
)
from app.services import audit, name_confirmations
from app.services import request_workflow as workflow


def _child_choices() -> list[tuple[str, str]]:
    children = db.session.scalars(visible_children(db.select(ChildRecord))
                                  .order_by(ChildRecord.created_at.desc())).all()
    return [(c.reference, f"{c.reference}: {c.initials}, {c.year_group.label}, "
             f"{c.cohort.label}") for c in children]


@bp.route("/requests/new", methods=["GET", "POST"])
@allow(Role.SCHOOL_STAFF)
def new_request():
    form = ChildForm(child=request.args.get("child"))
    form.child.choices = _child_choices()
    if not form.validate_on_submit():
        status = 400 if form.errors else 200
        return render_template("requests/new.html", form=form), status
    child = db.session.scalar(visible_children(
        db.select(ChildRecord).where(ChildRecord.reference == form.child.data)))
    draft = AdviceRequest(school_id=current_user.school_id, child=child,
                          created_by_id=current_user.id)
    db.session.add(draft)
    db.session.flush()
    audit.record("request_started", draft, detail=child.reference)
    db.session.commit()
    return redirect(url_for("requests.step", request_id=draft.id, slug=STEPS[0].slug))


def _step_form(step: Step, draft: AdviceRequest):
    data = None if request.method == "POST" else load_answers(step, draft)
    form = step.form_class(data=data) if data is not None else step.form_class()
    if "themes" in step.fields:
        form.themes.choices = theme_choices(draft)
    return form


@bp.route("/requests/<int:request_id>/<slug>", methods=["GET", "POST"])
@allow(Role.SCHOOL_STAFF)
def step(request_id, slug):
    draft = get_draft_or_404(request_id)
    step_ = BY_SLUG.get(slug)
    if step_ is None:
        abort(404)
    form = _step_form(step_, draft)
    name_confirmations.accept_saved(draft)
    if htmx and htmx.trigger_name in step_.fields:
        return _checked_field(step_, form, htmx.trigger_name)
    if not form.validate_on_submit():
        return _render_step(step_, draft, form, 400 if form.errors else 200)
    save_answers(step_, form, draft)
    audit.record("request_draft_saved", draft, detail=f"{draft.child.reference}: {step_.title}")
    name_confirmations.save_confirmations(form, draft)
    db.session.commit()
    if form.save_later.data:
        flash(f"Your draft request for {draft.child.reference} has been saved", "success")
        return redirect(url_for("requests.index"))
    following = next_slug(step_)
    if request.args.get("change") or following is None:
        return redirect(url_for("requests.check", request_id=draft.id))
    return redirect(url_for("requests.step", request_id=draft.id, slug=following))


def _render_step(step_: Step, draft: AdviceRequest, form, status: int):
    back = previous_slug(step_)
    back_url = (url_for("requests.check", request_id=draft.id) if request.args.get("change")
                else url_for("requests.step", request_id=draft.id, slug=back) if back
                else url_for("requests.index"))
    return render_template("requests/step.html", step=step_, draft=draft, form=form,
                           back_url=back_url, steps=STEPS), status


def _checked_field(step_: Step, form, name: str):
    """htmx, as the user leaves a field: check that field alone and show its error in place."""
    field = form[name]
    field.validate(form)
    return render_page_or_partial("requests/_checked_field.html", "requests/_checked_field.html",
                                  field=field, params=step_.params_for(field),
                                  check_url=request.url)


@bp.get("/requests/<int:request_id>/check")
@allow(Role.SCHOOL_STAFF)
def check(request_id):
    draft = get_draft_or_404(request_id)
    page = _render_check(draft, workflow.problems_before_sending(draft), 200)
    audit.record_view("advice_request_viewed", draft,
                      detail=f"{draft.child.reference}: draft, checking the answers")
    return page


def _render_check(draft: AdviceRequest, problems: dict, status: int):
    signposting = get_setting(SIGNPOSTING_KEY, DEFAULT_SIGNPOSTING)
    return render_template("requests/check.html", draft=draft, problems=problems,
                           problem_links=problem_links(draft, problems),
                           answer_rows=answer_rows, signposting=signposting,
                           steps=STEPS), status


@bp.post("/requests/<int:request_id>/send")
@allow(Role.SCHOOL_STAFF)
def send(request_id):
    draft = get_draft_or_404(request_id)
    try:
        workflow.submit(draft, by=current_user)
    except workflow.NotReady as not_ready:
        db.session.rollback()
        return _render_check(draft, not_ready.problems, 400)
    audit.record("request_sent", draft, detail=draft.reference)
    db.session.commit()
    return redirect(url_for("requests.sent", request_id=draft.id))


@bp.get("/requests/<int:request_id>/sent")
@allow(Role.SCHOOL_STAFF)
def sent(request_id):
    request_ = get_request_or_404(request_id)
    return render_template("requests/sent.html", request_=request_)


@bp.route("/requests/<int:request_id>/delete", methods=["GET", "POST"])
@allow(Role.SCHOOL_STAFF)
def delete_draft(request_id):
    draft = get_draft_or_404(request_id)
    if request.method == "GET":
        return render_template("requests/delete.html", draft=draft)
    audit.record("request_draft_deleted", draft)
    db.session.delete(draft)
    db.session.commit()
    flash("The draft request has been deleted", "success")
    return redirect(url_for("requests.index"))
