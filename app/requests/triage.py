"""The Virtual School's triage queue: sent requests from every school, oldest first,
filtered by status, school, phase, cohort, theme and time waiting."""

import threading
from collections import defaultdict
from datetime import datetime, timedelta
from time import monotonic
from typing import NamedTuple

from flask import current_app, request, url_for
from markupsafe import Markup, escape
from sqlalchemy import event, func

from app.auth.permissions import allow
from app.extensions import db
from app.models import (
    AdviceRequest,
    ChildRecord,
    Cohort,
    Phase,
    RequestStatus,
    Role,
    School,
    Theme,
    YearGroup,
)
from app.models.request import request_theme
from app.models.types import utcnow
from app.pagination import paginate_rows, pagination_links
from app.rendering import render_page_or_partial
from app.requests import bp
from app.requests.access import visible_requests
from app.requests.request_page import status_tag
from app.requests.triage_forms import (
    FilterChoices,
    TriageFilterForm,
    school_choices,
    theme_choices,
)


@bp.get("/triage")
@allow(Role.VS_ADMIN, Role.VS_ADVISOR)
def triage():
    schools, themes = filter_choices()
    filters = TriageFilterForm(request.args, schools, themes)
    now = utcnow()
    page = find_requests(filters, request.args.get("page", 1, type=int), now)
    return render_page_or_partial(
        "requests/triage/index.html", "requests/triage/_results.html",
        filters=filters, results=page, rows=queue_rows(page.items, now),
        pagination=pagination_links(page, "requests.triage", **filters.query_args()))


# The school and theme filters' choices, kept per process: reading and escaping 600 schools
# on every request was much of the queue's time, and they change only when an admin adds,
# renames or removes a school or edits the themes. A save in this process drops them at
# once; one in another (the other server worker, a command) shows within CHOICES_SECONDS.
CHOICES_SECONDS = 60
_CHOICES_KEY = "triage_filter_choices"


class KeptChoices(NamedTuple):
    schools: FilterChoices
    themes: FilterChoices
    read_at: float
    saves_seen: int


class _Saves:
    """How many times this process has saved a school or theme."""
    count = 0
    lock = threading.Lock()


def _school_or_theme_saved(*_args) -> None:
    with _Saves.lock:
        _Saves.count += 1


for _model in (School, Theme):
    for _change in ("after_insert", "after_update", "after_delete"):
        event.listen(_model, _change, _school_or_theme_saved)


def filter_choices() -> tuple[FilterChoices, FilterChoices]:
    """The schools and themes to filter by, read again once kept too long or saved since.
    Each app keeps its own (in app.extensions), so a test's fresh app starts empty."""
    kept = current_app.extensions.get(_CHOICES_KEY)
    moment = monotonic()
    if (kept is None or moment - kept.read_at >= CHOICES_SECONDS
            or kept.saves_seen != _Saves.count):
        saves_seen = _Saves.count  # before reading: a save meanwhile reads them again
        kept = KeptChoices(*_read_choices(), moment, saves_seen)
        current_app.extensions[_CHOICES_KEY] = kept
    return kept.schools, kept.themes


def _read_choices() -> tuple[FilterChoices, FilterChoices]:
    schools = db.session.execute(
        db.select(School.id, School.name).order_by(School.name, School.id)).all()
    themes = db.session.execute(
        db.select(Theme.id, Theme.name).order_by(Theme.position, Theme.name)).all()
    return school_choices(schools), theme_choices(themes)


def find_requests(filters: TriageFilterForm, page_number: int, now: datetime):
    """One page of the sent requests that match the filters, oldest first, as plain rows of
    what the queue shows: the page only shows fields, so no entities to build and track."""
    shown = (db.select(AdviceRequest.id, AdviceRequest.reference, AdviceRequest.status,
                       AdviceRequest.submitted_at, School.name, School.phase,
                       ChildRecord.reference, ChildRecord.initials, ChildRecord.year_group,
                       ChildRecord.cohort)
             .select_from(AdviceRequest).join(AdviceRequest.school).join(AdviceRequest.child))
    # The count joins the school and the child only when a filter is on them.
    counted = db.select(func.count()).select_from(AdviceRequest)
    if filters.selected_phase:
        counted = counted.join(AdviceRequest.school)
    if filters.selected_cohort:
        counted = counted.join(AdviceRequest.child)
    return paginate_rows(
        _matching(shown, filters, now).order_by(AdviceRequest.submitted_at, AdviceRequest.id),
        _matching(counted, filters, now), page_number)


def _matching(stmt, filters: TriageFilterForm, now: datetime):
    """`stmt` limited to the requests the filters choose; it joins the school to filter by
    phase, the child to filter by cohort."""
    stmt = visible_requests(stmt)
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
    return stmt


# A row of the queue's table: the markup govukTable and govukTag give, written out and
# filled in here. Through the template each of the page's 400 cells cost an attribute lookup
# and an escape call, together as long as the page's queries.
QUEUE_ROW = """
      <tr class="govuk-table__row">
        <td class="govuk-table__cell"><a class="govuk-link" href="{href}">{reference}</a></td>
        <td class="govuk-table__cell">{school}</td>
        <td class="govuk-table__cell">{phase}</td>
        <td class="govuk-table__cell">{child} ({initials}), {year_group}</td>
        <td class="govuk-table__cell">{cohort}</td>
        <td class="govuk-table__cell">{themes}</td>
        <td class="govuk-table__cell govuk-table__cell--numeric">{waiting}</td>
        <td class="govuk-table__cell"><strong class="govuk-tag {tag_classes}">{status}</strong></td>
      </tr>"""


# The enums' labels, escaped once rather than in every row (by enum: members of two enums
# with the same value would be the same key).
LABELS = {kind: {member: escape(member.label) for member in kind}
          for kind in (Phase, YearGroup, Cohort, RequestStatus)}


def queue_rows(rows, now: datetime) -> Markup:
    """The table rows for a page of find_requests' rows."""
    themes = _theme_names([row[0] for row in rows])
    # Each row links to its request's page, whose address ends in the id: one url_for, not
    # one a row (50 of them cost as much as the rest of the rows).
    request_page = url_for("requests.show", request_id=0).removesuffix("0")
    markup = []
    for (id_, reference, status, submitted_at, school, phase, child, initials, year_group,
         cohort) in rows:
        markup.append(QUEUE_ROW.format(
            href=f"{request_page}{id_}", reference=escape(reference), school=escape(school),
            phase=LABELS[Phase][phase], child=escape(child), initials=escape(initials),
            year_group=LABELS[YearGroup][year_group], cohort=LABELS[Cohort][cohort],
            themes=escape(", ".join(themes[id_])), waiting=_days((now - submitted_at).days),
            tag_classes=status_tag(status)["classes"], status=LABELS[RequestStatus][status]))
    html = "".join(markup)
    return Markup(html)  # nosec B704  # what people typed is escaped above


def _theme_names(request_ids: list[int]) -> dict[int, list[str]]:
    """Each request's themes, in the order they are offered, in one query."""
    names = defaultdict(list)
    if request_ids:
        rows = db.session.connection().execute(
            db.select(request_theme.c.request_id, Theme.name)
            .join(Theme, Theme.id == request_theme.c.theme_id)
            .where(request_theme.c.request_id.in_(request_ids))
            .order_by(Theme.position, Theme.name))
        for request_id, name in rows:
            names[request_id].append(name)
    return names


def _days(days: int) -> str:
    return f"{days} {'day' if days == 1 else 'days'}"
