"""The dashboard's figures, counted in the database.

Every figure is one GROUP BY (or one aggregate) over the rows the filters choose, so the page
runs the same few statements however many requests there are. Only the waiting times come
back row by row, as one column, for the median and the percentile.
"""

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import case, exists, func, select

from app.dashboard.filters import Filters, moment
from app.extensions import db
from app.models import (
    Action,
    AdviceRequest,
    Booking,
    BookingStatus,
    ChildRecord,
    ConsultationOutcome,
    NextStep,
    OutcomeStatus,
    RequestStatus,
    School,
    Slot,
    Theme,
)
from app.models.request import RequestIndicator, request_theme
from app.models.types import UTCDateTime


@dataclass(frozen=True)
class SchoolRow:
    id: int
    name: str
    urn: str
    phase: object
    has_sent_request: bool


def schools() -> list[SchoolRow]:
    """Every school, and whether it has ever sent a request (a draft is not sent)."""
    sent = exists().where(AdviceRequest.school_id == School.id,
                          AdviceRequest.status != RequestStatus.DRAFT)
    stmt = select(School.id, School.name, School.urn, School.phase, sent.label("sent")) \
        .order_by(School.name, School.id)
    return [SchoolRow(*row) for row in db.session.execute(stmt)]


# The building blocks ------------------------------------------------------------------------

def narrow(stmt, filters: Filters, school_id, child_id):
    """Keep the rows of the chosen school, phase, cohort and year groups."""
    if filters.school_id:
        stmt = stmt.where(school_id == filters.school_id)
    if filters.phase:
        stmt = stmt.where(school_id.in_(select(School.id).where(School.phase == filters.phase)))
    if filters.cohort or filters.band:
        children = select(ChildRecord.id)
        if filters.cohort:
            children = children.where(ChildRecord.cohort == filters.cohort)
        if filters.band:
            children = children.where(ChildRecord.year_group.in_(filters.year_groups))
        stmt = stmt.where(child_id.in_(children))
    return stmt


def bucket(column, edges: list[datetime]):
    """The index of the interval [edges[i], edges[i + 1]) the column falls in (the query
    keeps only rows between the first and the last edge)."""
    return case(*[(column < edges[i + 1], i) for i in range(len(edges) - 1)], else_=None)


def moments(days: list[date]) -> list[datetime]:
    return [moment(day) for day in days]


def sent_requests(stmt, filters: Filters, start: datetime, end: datetime):
    """Requests sent between start and end; drafts never count."""
    stmt = stmt.where(AdviceRequest.status != RequestStatus.DRAFT,
                      AdviceRequest.submitted_at >= start, AdviceRequest.submitted_at < end)
    return narrow(stmt, filters, AdviceRequest.school_id, AdviceRequest.child_id)


def held_consultations(stmt, filters: Filters, start: datetime, end: datetime):
    """Bookings, not cancelled, whose slot started between start and end."""
    stmt = (stmt.select_from(Booking)
            .join(Slot, Slot.id == Booking.slot_id)
            .join(AdviceRequest, AdviceRequest.id == Booking.request_id)
            .where(Booking.status == BookingStatus.BOOKED,
                   Slot.starts_at >= start, Slot.starts_at < end))
    return narrow(stmt, filters, Booking.school_id, AdviceRequest.child_id)


def days_between(later, earlier):
    if db.session.get_bind().dialect.name == "postgresql":
        return func.extract("epoch", later - earlier) / 86400.0
    return func.julianday(later) - func.julianday(earlier)


# Requests -----------------------------------------------------------------------------------

def themes_by_bucket(filters: Filters, edges: list[datetime]):
    """(theme id, name, active, bucket or None, requests): every theme, with the requests
    that raised it in each interval."""
    counted = sent_requests(
        select(request_theme.c.theme_id.label("theme_id"),
               bucket(AdviceRequest.submitted_at, edges).label("bucket"),
               func.count().label("requests"))
        .select_from(request_theme)
        .join(AdviceRequest, AdviceRequest.id == request_theme.c.request_id),
        filters, edges[0], edges[-1]).group_by(request_theme.c.theme_id, "bucket").subquery()
    stmt = (select(Theme.id, Theme.name, Theme.active, counted.c.bucket,
                   func.coalesce(counted.c.requests, 0))
            .outerjoin(counted, counted.c.theme_id == Theme.id)
            .order_by(Theme.position, Theme.name, Theme.id, counted.c.bucket))
    return db.session.execute(stmt).all()


def requests_by_bucket(filters: Filters, edges: list[datetime]) -> dict[int, int]:
    stmt = sent_requests(
        select(bucket(AdviceRequest.submitted_at, edges).label("bucket"), func.count()),
        filters, edges[0], edges[-1]).group_by("bucket")
    return dict(db.session.execute(stmt).all())


def requests_by_indicator(filters: Filters, start: datetime, end: datetime) -> dict:
    stmt = sent_requests(
        select(RequestIndicator.indicator, func.count())
        .join(AdviceRequest, AdviceRequest.id == RequestIndicator.request_id),
        filters, start, end).group_by(RequestIndicator.indicator)
    return dict(db.session.execute(stmt).all())


def requests_by_child_and_school(filters: Filters, start: datetime, end: datetime):
    """(cohort, year group, phase, requests)."""
    stmt = sent_requests(
        select(ChildRecord.cohort, ChildRecord.year_group, School.phase, func.count())
        .select_from(AdviceRequest)
        .join(ChildRecord, ChildRecord.id == AdviceRequest.child_id)
        .join(School, School.id == AdviceRequest.school_id),
        filters, start, end).group_by(ChildRecord.cohort, ChildRecord.year_group, School.phase)
    return db.session.execute(stmt).all()


# Consultations and outcomes -----------------------------------------------------------------

def consultations_by_bucket(filters: Filters, edges: list[datetime],
                            until: datetime) -> dict[int, int]:
    stmt = held_consultations(
        select(bucket(Slot.starts_at, edges).label("bucket"), func.count()),
        filters, edges[0], min(edges[-1], until)).group_by("bucket")
    return dict(db.session.execute(stmt).all())


def waiting_days(filters: Filters, start: datetime, end: datetime) -> list[float]:
    """Days from each request being sent to its consultation: one column."""
    stmt = held_consultations(
        select(days_between(Slot.starts_at, AdviceRequest.submitted_at)), filters, start, end)
    return [float(days) for days in db.session.scalars(stmt)]


@dataclass(frozen=True)
class Scaling:
    pairs: int
    average_before: float | None
    average_after: float | None
    up: int
    same: int
    down: int


def outcomes(filters: Filters, start: datetime, end: datetime) -> tuple[Scaling, int, int]:
    """From finalised outcomes, in one statement: the scaling pairs, and (outcomes finalised
    in the period, of which the social worker attended).

    A pair is a finalised outcome with a follow-up as its next step and the child's next
    finalised outcome; it counts in the period its second outcome was finalised."""
    o = ConsultationOutcome
    after_first = {"partition_by": o.child_id, "order_by": (o.finalised_at, o.id)}
    f = (select(o.child_id, o.school_id, o.next_step, o.finalised_at, o.social_worker_attended,
                o.scale_now.label("before"),
                func.lead(o.scale_now).over(**after_first).label("after"),
                func.lead(o.finalised_at, type_=UTCDateTime()).over(**after_first)
                .label("after_at"))
         .where(o.status == OutcomeStatus.FINAL)).subquery().c
    pair = ((f.next_step == NextStep.FOLLOW_UP) & f.before.is_not(None) & f.after.is_not(None)
            & (f.after_at >= start) & (f.after_at < end))
    finalised = (f.finalised_at >= start) & (f.finalised_at < end)
    stmt = narrow(
        select(func.count(case((pair, 1))), func.avg(case((pair, f.before))),
               func.avg(case((pair, f.after))),
               func.count(case((pair & (f.after > f.before), 1))),
               func.count(case((pair & (f.after == f.before), 1))),
               func.count(case((pair & (f.after < f.before), 1))),
               func.count(case((finalised, 1))),
               func.count(case((finalised & f.social_worker_attended.is_(True), 1)))),
        filters, f.school_id, f.child_id)
    pairs, before, after, up, same, down, finalised_count, attended = \
        db.session.execute(stmt).one()
    return (Scaling(pairs, _float(before), _float(after), up, same, down), finalised_count,
            attended)


@dataclass(frozen=True)
class Actions:
    on_time: int
    late: int
    open: int
    overdue: int

    @property
    def total(self) -> int:
        return self.on_time + self.late + self.open + self.overdue


def actions(filters: Filters, start: datetime, end: datetime, today: date) -> Actions:
    """Actions agreed in the period, by where they stand today."""
    done, due = Action.done_on, Action.due_on
    stmt = narrow(
        select(func.sum(case((done.is_not(None) & (done <= due), 1), else_=0)),
               func.sum(case((done.is_not(None) & (done > due), 1), else_=0)),
               func.sum(case((done.is_(None) & (due >= today), 1), else_=0)),
               func.sum(case((done.is_(None) & (due < today), 1), else_=0)))
        .where(Action.created_at >= start, Action.created_at < end),
        filters, Action.school_id, Action.child_id)
    return Actions(*[value or 0 for value in db.session.execute(stmt).one()])


def _float(value) -> float | None:
    return None if value is None else float(value)
