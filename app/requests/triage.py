"""The Virtual School's triage queue: sent requests from every school, oldest first,
filtered by status, school, phase, cohort, theme and time waiting."""

from datetime import timedelta

from flask import request
from sqlalchemy.orm import contains_eager, selectinload

from app.auth.permissions import allow
from app.extensions import db
from app.models import AdviceRequest, ChildRecord, Role, School, Theme
from app.models.request import request_theme
from app.models.types import utcnow
from app.pagination import paginate, pagination_links
from app.rendering import render_page_or_partial
from app.requests import bp
from app.requests.access import visible_requests
from app.requests.triage_forms import TriageFilterForm

# Far beyond any queue; stops a hand-typed page number overflowing the OFFSET.


@bp.get("/triage")
@allow(Role.VS_ADMIN, Role.VS_ADVISOR)
def triage():
    # The filters need only each school's and theme's id and name: plain rows, not 600 ORM
    # objects built and tracked by the session.
    schools = db.session.execute(
        db.select(School.id, School.name).order_by(School.name, School.id)).all()
    themes = db.session.execute(
        db.select(Theme.id, Theme.name).order_by(Theme.position, Theme.name)).all()
    filters = TriageFilterForm(request.args, schools, themes)
    now = utcnow()
    page = find_requests(filters, request.args.get("page", 1, type=int), now)
    return render_page_or_partial(
        "requests/triage/index.html", "requests/triage/_results.html",
        filters=filters, results=page,
        pagination=pagination_links(page, "requests.triage", **filters.query_args()),
        days_waiting=lambda r: (now - r.submitted_at).days)


def find_requests(filters: TriageFilterForm, page_number: int, now):
    """One page of the sent requests that match the filters, oldest first, with the school,
    child and themes of each loaded in a fixed number of queries however long the page."""
    stmt = (
        visible_requests(db.select(AdviceRequest))
        .join(AdviceRequest.school).join(AdviceRequest.child)
        .options(contains_eager(AdviceRequest.school), contains_eager(AdviceRequest.child),
                 selectinload(AdviceRequest.themes))
        .order_by(AdviceRequest.submitted_at, AdviceRequest.id)
    )
    if filters.selected_status:
        stmt = stmt.where(AdviceRequest.status == filters.selected_status)
    if filters.selected_school_id:
        stmt = stmt.where(AdviceRequest.school_id == filters.selected_school_id)
    if filters.selected_phase:
        stmt = stmt.where(School.phase == filters.selected_phase)
    if filters.selected_cohort:
        stmt = stmt.where(ChildRecord.cohort == filters.selected_cohort)
    if filters.selected_theme_id:
        stmt = stmt.join(request_theme, request_theme.c.request_id == AdviceRequest.id).where(
            request_theme.c.theme_id == filters.selected_theme_id)
    if filters.selected_age_days:
        stmt = stmt.where(AdviceRequest.submitted_at
                          < now - timedelta(days=filters.selected_age_days))
    return paginate(stmt, page_number)

