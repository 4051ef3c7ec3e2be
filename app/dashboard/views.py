"""The themes dashboard page, and each of its tables as a CSV download."""

from flask import abort, make_response, render_template, request
from flask_login import current_user

from app.auth.permissions import allow
from app.dashboard import bp, figures, queries
from app.dashboard.csv_files import csv_download
from app.dashboard.filters import DashboardFilterForm
from app.dashboard.suppression import EXPLANATION
from app.extensions import db, htmx
from app.models import Role
from app.rendering import render_page_or_partial
from app.services import audit


def chosen_filters():
    """(form, schools): the period and filters from the address, checked."""
    schools = queries.schools()
    return DashboardFilterForm(request.args, schools), schools


def invalid(form: DashboardFilterForm):
    """Wrong dates: the whole page again with the error summary and what was typed. An htmx
    request is sent to load that page, as its results region has no room for the summary."""
    if htmx and not htmx.boosted:
        response = make_response("", 400)
        response.headers["HX-Redirect"] = request.full_path
    else:
        response = make_response(render_template("dashboard/index.html", form=form,
                                                 dashboard=None), 400)
    response.vary.add("HX-Request")
    return response


@bp.get("/dashboard")
@allow(Role.VS_ADMIN, Role.VS_ADVISOR)
def index():
    form, schools = chosen_filters()
    if not form.validate():
        return invalid(form)
    dashboard = figures.build(form.filters(), schools)
    return render_page_or_partial(
        "dashboard/index.html", "dashboard/_results.html", form=form, dashboard=dashboard,
        export_args=form.query_args(), can_export=current_user.role == Role.VS_ADMIN,
        suppression_note=EXPLANATION)


@bp.get("/dashboard/export/<table>.csv")
@allow(Role.VS_ADMIN)
def export_table(table):
    if table not in figures.TABLE_SLUGS:
        abort(404)
    form, schools = chosen_filters()
    if not form.validate():
        return invalid(form)
    filters = form.filters()
    found = figures.build(filters, schools).table(table)
    names = {school.id: school.name for school in schools}
    audit.record("export_dashboard_table", detail=f"{table}: {filters.describe(names)}")
    db.session.commit()
    return csv_download(f"convene-{table}-{filters.period.slug}.csv", found.head, found.rows)
