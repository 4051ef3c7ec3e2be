"""Record-level CSV exports for the Virtual School: one row per request or per finalised
consultation outcome. Never a child's initials or reference, nor any free text."""

from sqlalchemy import func, select

from app.auth.permissions import allow
from app.dashboard import bp
from app.dashboard.csv_files import csv_download
from app.dashboard.filters import Filters, moment
from app.dashboard.queries import narrow, sent_requests
from app.dashboard.views import chosen_filters, invalid
from app.extensions import db
from app.london import to_london
from app.models import (
    Action,
    AdviceRequest,
    Booking,
    ChildRecord,
    ConsultationOutcome,
    Indicator,
    OutcomeStatus,
    Role,
    School,
    Slot,
    Theme,
)
from app.models.outcome import outcome_theme
from app.models.request import RequestIndicator, request_theme
from app.services import audit

REQUEST_HEAD = ["Reference", "Submitted", "Status", "School URN", "School phase", "Year group",
                "Cohort", "SEN status", "Key educational indicators", "Themes", "Route"]
OUTCOME_HEAD = ["Booking reference", "Request reference", "Consultation date",
                "Finalised date", "Scale", "Next step", "Follow-up date", "Themes",
                "Social worker attended", "Number of actions"]


@bp.get("/exports/requests.csv")
@allow(Role.VS_ADMIN)
def requests_csv():
    return _export("requests", REQUEST_HEAD, request_rows)


@bp.get("/exports/outcomes.csv")
@allow(Role.VS_ADMIN)
def outcomes_csv():
    return _export("outcomes", OUTCOME_HEAD, outcome_rows)


def _export(name: str, head: list[str], rows_for):
    form, schools = chosen_filters()
    if not form.validate():
        return invalid(form)
    filters = form.filters()
    rows = rows_for(filters)
    names = {school.id: school.name for school in schools}
    audit.record(f"export_{name}", detail=f"{len(rows)} rows; {filters.describe(names)}")
    db.session.commit()
    return csv_download(f"convene-{name}-{filters.period.slug}.csv", head, rows)


def _day(value) -> str:
    return "" if value is None else to_london(value).date().isoformat()


def _names_by_id(stmt) -> dict[int, list[str]]:
    names: dict[int, list[str]] = {}
    for ident, name in db.session.execute(stmt):
        names.setdefault(ident, []).append(name)
    return names


def request_rows(filters: Filters) -> list[list[str]]:
    """Requests sent in the period, oldest first."""
    start, end = moment(filters.period.start), moment(filters.period.end)
    chosen = sent_requests(select(AdviceRequest.id), filters, start, end)
    stmt = sent_requests(
        select(AdviceRequest.id, AdviceRequest.reference, AdviceRequest.submitted_at,
               AdviceRequest.status, School.urn, School.phase, ChildRecord.year_group,
               ChildRecord.cohort, ChildRecord.sen_status, AdviceRequest.route)
        .select_from(AdviceRequest)
        .join(School, School.id == AdviceRequest.school_id)
        .join(ChildRecord, ChildRecord.id == AdviceRequest.child_id),
        filters, start, end).order_by(AdviceRequest.submitted_at, AdviceRequest.id)
    themes = _names_by_id(
        select(request_theme.c.request_id, Theme.name)
        .join(Theme, Theme.id == request_theme.c.theme_id)
        .where(request_theme.c.request_id.in_(chosen))
        .order_by(request_theme.c.request_id, Theme.position, Theme.name))
    order = {indicator: n for n, indicator in enumerate(Indicator)}
    indicators: dict[int, list[Indicator]] = {}
    for ident, indicator in db.session.execute(
            select(RequestIndicator.request_id, RequestIndicator.indicator)
            .where(RequestIndicator.request_id.in_(chosen))):
        indicators.setdefault(ident, []).append(indicator)
    return [
        [reference, _day(submitted_at), status.label, urn, phase.label, year_group.label,
         cohort.label, sen_status.label,
         "; ".join(i.label for i in sorted(indicators.get(ident, []), key=order.get)),
         "; ".join(themes.get(ident, [])), route.label if route else ""]
        for (ident, reference, submitted_at, status, urn, phase, year_group, cohort,
             sen_status, route) in db.session.execute(stmt)
    ]


def outcome_rows(filters: Filters) -> list[list[str]]:
    """Consultation outcomes finalised in the period, oldest first."""
    start, end = moment(filters.period.start), moment(filters.period.end)
    o = ConsultationOutcome

    def finalised(stmt):
        stmt = stmt.where(o.status == OutcomeStatus.FINAL, o.finalised_at >= start,
                          o.finalised_at < end)
        return narrow(stmt, filters, o.school_id, o.child_id)

    number_of_actions = (select(func.count(Action.id)).where(Action.outcome_id == o.id)
                         .correlate(o).scalar_subquery())
    stmt = finalised(
        select(o.id, Booking.reference, AdviceRequest.reference, Slot.starts_at,
               o.finalised_at, o.scale_now, o.next_step, o.follow_up_on,
               o.social_worker_attended, number_of_actions)
        .select_from(o)
        .join(Booking, Booking.id == o.booking_id)
        .join(Slot, Slot.id == Booking.slot_id)
        .join(AdviceRequest, AdviceRequest.id == o.request_id)).order_by(o.finalised_at, o.id)
    themes = _names_by_id(
        select(outcome_theme.c.outcome_id, Theme.name)
        .join(Theme, Theme.id == outcome_theme.c.theme_id)
        .where(outcome_theme.c.outcome_id.in_(finalised(select(o.id))))
        .order_by(outcome_theme.c.outcome_id, Theme.position, Theme.name))
    return [
        [booking_ref, request_ref, _day(starts_at), _day(finalised_at),
         "" if scale is None else str(scale), next_step.label if next_step else "",
         follow_up.isoformat() if follow_up else "", "; ".join(themes.get(ident, [])),
         "Yes" if attended else "No", str(actions)]
        for (ident, booking_ref, request_ref, starts_at, finalised_at, scale, next_step,
             follow_up, attended, actions) in db.session.execute(stmt)
    ]
