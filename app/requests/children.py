"""A school's child records: the list, adding one, its page, and changing it.

A child record is pseudonymous: a random Convene reference, initials, year group, cohort
and SEN status. Only staff of the child's school see it; every view of one is audited.
"""

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import func, or_
from sqlalchemy.exc import IntegrityError

from app.auth.permissions import allow
from app.database import begin_writing
from app.extensions import db
from app.models import AdviceRequest, ChildRecord, Role
from app.models.child import new_child_reference
from app.rendering import render_page_or_partial
from app.requests import bp
from app.requests.access import get_child_or_404, visible_children
from app.requests.children_forms import ChildFilterForm, ChildRecordForm, normalise_initials
from app.services import audit, name_confirmations

# A clash among 32^6 references is rare; five in a row means something else is wrong.
REFERENCE_ATTEMPTS = 5
FIELD_NAMES = {"initials": "initials", "year_group": "year group", "cohort": "cohort",
               "sen_status": "SEN status", "school_note": "school-only note"}


@bp.get("/children")
@allow(Role.SCHOOL_STAFF)
def children():
    filters = ChildFilterForm(request.args)
    return render_page_or_partial("requests/children/index.html",
                                  "requests/children/_results.html",
                                  filters=filters, rows=find_children(filters.search.data))


@bp.route("/children/new", methods=["GET", "POST"])
@allow(Role.SCHOOL_STAFF)
def new_child():
    form = ChildRecordForm()
    continuing = request.args.get("next") == "request"
    if not form.validate_on_submit():
        return _form_page(form, continuing=continuing)
    child = create_child_record(form.values(), form=form)
    flash(f"Child record {child.reference} added", "success")
    if continuing:
        return redirect(url_for("requests.new_request", child=child.reference))
    return redirect(url_for("requests.child", reference=child.reference))


@bp.get("/children/<reference>")
@allow(Role.SCHOOL_STAFF)
def child(reference):
    begin_writing()  # the view itself is written to the audit log
    record = get_child_or_404(reference)
    requests_ = db.session.scalars(
        db.select(AdviceRequest).where(AdviceRequest.child_id == record.id)
        .order_by(AdviceRequest.created_at.desc(), AdviceRequest.id.desc())).all()
    audit.record("child_record_viewed", record, detail=record.reference)
    page_html = render_template("requests/children/show.html", child=record,
                                advice_requests=requests_)
    db.session.commit()
    return page_html


@bp.route("/children/<reference>/edit", methods=["GET", "POST"])
@allow(Role.SCHOOL_STAFF)
def edit_child(reference):
    record = get_child_or_404(reference)
    form = ChildRecordForm(obj=record)
    name_confirmations.accept_saved(record)
    if not form.validate_on_submit():
        page = _form_page(form, child=record)
        if not form.is_submitted():  # the record shown, to be changed
            audit.record_view("child_record_viewed", record,
                              detail=f"{record.reference}: to change it")
        return page
    changed = update_child_record(record, form.values(), form=form)
    flash(f"Child record {record.reference} updated" if changed
          else f"No changes made to {record.reference}", "success")
    back_to_request = request.args.get("request", type=int)
    if back_to_request:
        # Came from checking a draft request: go back to it (the draft is checked there).
        return redirect(url_for("requests.check", request_id=back_to_request))
    return redirect(url_for("requests.child", reference=record.reference))


def find_children(search: str | None) -> list[tuple[ChildRecord, int]]:
    """The school's child records matching the search, newest first, each with the number
    of advice requests about it (one grouped count, not one query per child)."""
    counts = (db.select(AdviceRequest.child_id, func.count(AdviceRequest.id).label("n"))
              .group_by(AdviceRequest.child_id).subquery())
    stmt = (visible_children(db.select(ChildRecord, func.coalesce(counts.c.n, 0)))
            .outerjoin(counts, counts.c.child_id == ChildRecord.id)
            .order_by(ChildRecord.created_at.desc(), ChildRecord.id.desc()))
    if search:
        initials = normalise_initials(search)
        stmt = stmt.where(or_(ChildRecord.reference.contains(search.upper(), autoescape=True),
                              ChildRecord.initials.startswith(initials, autoescape=True)
                              if initials else db.false()))
    return [tuple(row) for row in db.session.execute(stmt)]


def create_child_record(values: dict, form=None) -> ChildRecord:
    """Save a new record for the signed-in member of staff's school, with a fresh reference,
    and the phrases confirmed on the `form` not to be names.

    The reference is random, so two records can (very rarely) draw the same one: the unique
    constraint refuses the second, and it draws again inside a savepoint.
    """
    for _ in range(REFERENCE_ATTEMPTS):
        record = ChildRecord(school_id=current_user.school_id, created_by_id=current_user.id,
                             reference=new_child_reference(), **values)
        try:
            with db.session.begin_nested():
                db.session.add(record)
        except IntegrityError:
            continue
        audit.record("child_record_created", record, detail=record.reference)
        if form is not None:
            name_confirmations.save_confirmations(form, record)
        db.session.commit()
        return record
    raise RuntimeError(f"no free child reference after {REFERENCE_ATTEMPTS} attempts")


def update_child_record(record: ChildRecord, values: dict, form=None) -> list[str]:
    """Apply the changes and audit which fields changed (never what the note says), with the
    phrases confirmed on the `form` not to be names."""
    changed = [name for name, value in values.items() if getattr(record, name) != value]
    if not changed:
        return []
    for name in changed:
        setattr(record, name, values[name])
    audit.record("child_record_updated", record,
                 detail="Changed " + ", ".join(FIELD_NAMES[name] for name in changed))
    if form is not None:
        name_confirmations.save_confirmations(form, record)
    db.session.commit()
    return changed


def _form_page(form: ChildRecordForm, *, child: ChildRecord | None = None,
               continuing: bool = False):
    status_code = 400 if form.is_submitted() else 200
    return render_template("requests/children/form.html", form=form, child=child,
                           continuing=continuing), status_code


