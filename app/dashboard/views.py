"""The themes dashboard page, and each of its tables as a CSV download."""

from flask import abort, make_response, render_template, request
from flask_login import current_user
from markupsafe import Markup

from app.auth.permissions import allow
from app.dashboard import bp, figures, queries
from app.dashboard.cache import FORM_SECONDS, figures_cache, forms_cache, keep_seconds
from app.dashboard.csv_files import csv_download
from app.dashboard.filters import DashboardFilterForm
from app.dashboard.suppression import EXPLANATION
from app.extensions import db, htmx
from app.models import Role
from app.rendering import render_page_or_partial
from app.services import audit

# The key under which the school list is kept beside the figures (filters are never a str).
SCHOOLS = "schools"


def chosen_filters(kept: bool = True):
    """(form, schools): the period and filters from the address, checked. The school list
    (600 rows, with whether each has ever asked) is kept as long as the figures: it is one of
    them, "schools that have never made a request". `kept=False` reads it afresh."""
    if not kept:
        schools = queries.schools()
    else:
        schools = figures_cache().get(SCHOOLS, lambda _now: queries.schools(),
                                      keep_seconds()).value
    return DashboardFilterForm(request.args, schools), schools


def invalid(form: DashboardFilterForm):
    """Wrong dates: the whole page again with the error summary and what was typed. An htmx
    request is sent to load that page, as its results region has no room for the summary."""
    if htmx and not htmx.boosted:
        response = make_response("", 400)
        response.headers["HX-Redirect"] = request.full_path
    else:
        response = make_response(render_template("dashboard/index.html", form=form), 400)
    response.vary.add("HX-Request")
    return response


@bp.get("/dashboard")
@allow(Role.VS_ADMIN, Role.VS_ADVISOR)
def index():
    form, schools = chosen_filters()
    if not form.validate():
        return invalid(form)
    filters = form.filters()
    # Counted once for each set of filters every few minutes: the page says when.
    kept = figures_cache().get(filters, lambda now: figures.build(filters, schools, now),
                               keep_seconds())
    can_export, export_args = current_user.role == Role.VS_ADMIN, form.query_args()
    # The figures' markup, kept with them: the same for everyone with the same choices.
    variant = (can_export, repr(sorted(export_args.items())))
    results = kept.rendered.get(variant)
    if results is None:
        html = render_template(
            "dashboard/_results.html", dashboard=kept.value, counted_at=kept.counted_at,
            export_args=export_args, can_export=can_export, suppression_note=EXPLANATION)
        results = kept.rendered[variant] = Markup(html)  # nosec B704  # Jinja escaped it
    return render_page_or_partial(
        "dashboard/index.html", "dashboard/_kept.html", form=form, results=results,
        filters_form=filters_form(form, schools))


def filters_form(form: DashboardFilterForm, schools) -> Markup:
    """The filters form, as rendered before for the same address, schools and day: a valid
    form's markup depends on nothing else (600 schools make it slow to render)."""
    key = ("form", tuple(request.args.items(multi=True)), tuple(schools), form.today)

    def render(_now) -> Markup:
        html = render_template("dashboard/_filters.html", form=form)
        return Markup(html)  # nosec B704  # Jinja escaped it

    found = forms_cache().get(key, render, FORM_SECONDS)
    return found.value


@bp.get("/dashboard/export/<table>.csv")
@allow(Role.VS_ADMIN)
def export_table(table):
    if table not in figures.TABLE_SLUGS:
        abort(404)
    form, schools = chosen_filters(kept=False)  # an export is counted now, so is its list
    if not form.validate():
        return invalid(form)
    filters = form.filters()
    found = figures.build(filters, schools).table(table)
    names = {school.id: school.name for school in schools}
    audit.record("export_dashboard_table", detail=f"{table}: {filters.describe(names)}")
    db.session.commit()
    return csv_download(f"convene-{table}-{filters.period.slug}.csv", found.head, found.rows)
