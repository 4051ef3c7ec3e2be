"""Managing schools (VS admin): the list, adding and editing one, importing many from a CSV."""

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import func, or_

from app.admin import bp
from app.admin.school_forms import ImportSchoolsForm, SchoolFilterForm, SchoolForm
from app.admin.school_import import (
    MAX_BYTES,
    apply_fields,
    apply_import,
    normalise_urn,
    parse_schools_csv,
)
from app.auth.permissions import allow
from app.extensions import db
from app.models import Role, School, User
from app.pagination import paginate, pagination_links
from app.rendering import render_page_or_partial
from app.services import audit

# Far beyond any county's list; stops a hand-typed page number overflowing the OFFSET.


@bp.get("/schools")
@allow(Role.VS_ADMIN)
def schools():
    filters = SchoolFilterForm(request.args)
    page = find_schools(filters, request.args.get("page", 1, type=int))
    return render_page_or_partial(
        "admin/schools/index.html", "admin/schools/_results.html",
        filters=filters, results=page,
        pagination=pagination_links(page, "admin.schools", **filters.query_args()),
    )


@bp.route("/schools/new", methods=["GET", "POST"])
@allow(Role.VS_ADMIN)
def school_new():
    form = SchoolForm(local_authority=current_app.config["LOCAL_AUTHORITY"])
    if not form.validate_on_submit():
        return school_form_page(form)
    school = School(**form.values(current_app.config["LOCAL_AUTHORITY"]))
    db.session.add(school)
    db.session.flush()  # the audit event names the new school's id
    audit.record("school_created", school)
    db.session.commit()
    flash(f"{school.name} added", "success")
    return redirect(url_for("admin.schools"))


@bp.route("/schools/<int:school_id>/edit", methods=["GET", "POST"])
@allow(Role.VS_ADMIN)
def school_edit(school_id):
    school = db.get_or_404(School, school_id)
    form = SchoolForm(obj=school, school_id=school.id)
    if not form.validate_on_submit():
        return school_form_page(form, school)
    changes = apply_fields(school, form.values(current_app.config["LOCAL_AUTHORITY"]))
    if changes:
        audit.record("school_updated", school, detail="Changed " + ", ".join(changes))
        db.session.commit()
    flash(f"{school.name} updated" if changes else f"No changes made to {school.name}",
          "success")
    return redirect(url_for("admin.schools"))


@bp.route("/schools/import", methods=["GET", "POST"])
@allow(Role.VS_ADMIN)
def school_import():
    form = ImportSchoolsForm()
    if not form.validate_on_submit():
        return import_page(form)
    upload = form.csv_file.data
    # One byte past the limit is enough to know the file is too large.
    report = parse_schools_csv(upload.read(MAX_BYTES + 1),
                               current_app.config["LOCAL_AUTHORITY"])
    if report.file_errors:
        form.csv_file.errors.extend(report.file_errors)
        return import_page(form)
    if report.rejected:
        return import_page(form, report)
    result = apply_import(report, actor=current_user, source=upload.filename)
    # Rendered rather than redirected: the lists are too long for a flash message, and
    # sending the same file again (a browser refresh) changes nothing.
    return render_template("admin/schools/import_done.html", result=result)


def find_schools(filters: SchoolFilterForm, page_number: int):
    """One page of the schools that match the filters, with the count of them all."""
    stmt = db.select(School).order_by(School.name, School.id)
    if filters.search.data:
        term = filters.search.data
        stmt = stmt.where(or_(School.name.icontains(term, autoescape=True),
                              School.urn.contains(normalise_urn(term), autoescape=True)))
    if filters.selected_phase:
        stmt = stmt.where(School.phase == filters.selected_phase)
    return paginate(stmt, page_number)




def school_form_page(form: SchoolForm, school: School | None = None):
    user_count = None
    if school is not None:
        user_count = db.session.scalar(
            db.select(func.count(User.id)).where(User.school_id == school.id))
    status = 400 if form.is_submitted() else 200
    return render_template("admin/schools/form.html", form=form, school=school,
                           user_count=user_count), status


def import_page(form: ImportSchoolsForm, report=None):
    status = 400 if form.is_submitted() else 200
    return render_template("admin/schools/import.html", form=form, report=report), status
