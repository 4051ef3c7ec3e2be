"""A school's list of its advice requests, and the page of one request: its answers, its
timeline, and the Virtual School's decisions on it (accept, decline, advise, close)."""

from dataclasses import dataclass
from functools import cache

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user
from markupsafe import Markup, escape
from sqlalchemy import bindparam
from sqlalchemy.orm import aliased, joinedload

from app.auth.permissions import allow
from app.booking.access import visible_bookings
from app.database import begin_writing, commit_keeping_loaded
from app.extensions import db, htmx
from app.london import long_date, long_datetime, time_range
from app.models import (
    AdviceRequest,
    Booking,
    BookingStatus,
    RequestEvent,
    RequestStatus,
    Role,
    Route,
    Slot,
    Theme,
    User,
)
from app.models.request import RequestIndicator, request_theme
from app.rendering import render_page_or_partial
from app.requests import bp
from app.requests.access import get_request_or_404, visible_requests
from app.requests.advice_steps import answer_rows
from app.requests.triage_forms import AcceptForm, CloseForm, DeclineForm, WrittenAdviceForm
from app.services import audit, name_confirmations
from app.services import request_workflow as workflow

S = RequestStatus
TAG_COLOURS = {S.DRAFT: "grey", S.SUBMITTED: "blue", S.ACCEPTED: "turquoise",
               S.DECLINED: "red", S.BOOKED: "purple", S.CONSULTED: "light-blue",
               S.CLOSED: "green"}


@dataclass(frozen=True)
class Decision:
    form_class: type
    verb: str  # "You cannot {verb} this request"
    done: str  # the success message
    audit_action: str


DECISIONS = {
    "accept": Decision(AcceptForm, "accept", "Request {} accepted", "advice_request_accepted"),
    "decline": Decision(DeclineForm, "decline", "Request {} declined", "advice_request_declined"),
    "give_advice": Decision(WrittenAdviceForm, "give written advice on",
                            "Written advice sent to the school: request {} is closed",
                            "advice_request_advice_given"),
    "close": Decision(CloseForm, "close", "Request {} closed", "advice_request_closed"),
}


@bp.get("/requests")
@allow(Role.SCHOOL_STAFF)
def index():
    mine = visible_requests(db.select(AdviceRequest)).options(joinedload(AdviceRequest.child))
    drafts = db.session.scalars(mine.where(AdviceRequest.status == S.DRAFT)
                                .order_by(AdviceRequest.created_at.desc(), AdviceRequest.id.desc()))
    sent = db.session.scalars(mine.where(AdviceRequest.status != S.DRAFT)
                              .order_by(AdviceRequest.submitted_at.desc(),
                                        AdviceRequest.id.desc()))
    return render_template("requests/index.html", drafts=drafts.all(), sent=sent.all())


@bp.get("/requests/<int:request_id>")
@allow(Role.SCHOOL_STAFF, Role.VS_ADMIN, Role.VS_ADVISOR, Role.EDUCATIONAL_PSYCHOLOGIST)
def show(request_id):
    # Every view is written to the audit log, by the school's own staff too. The page is read
    # and rendered first, in a read transaction; only then is the write lock taken, for the
    # audit row alone, so that other workers are not held up while this page renders.
    request_ = _page_request(request_id)
    page = render_template("requests/show.html", **page_context(request_))
    begin_writing()
    audit.record("advice_request_viewed", request_, detail=request_.reference)
    commit_keeping_loaded()  # only the response headers look at the user after this
    return page


# The page reads its lists (timeline, indicators, themes) and the live booking as plain
# rows on the session's connection: rows cost a fraction of loaded entities, and see what is
# committed or flushed (every caller reads after its commit or rollback). The statements are
# built once, with bind parameters for what changes: building and keying a statement took
# about as long as running it. They hold no data, so nothing can make them stale.
_REQUEST_ID = bindparam("request_id")


@cache
def _request_statement():
    return (db.select(AdviceRequest).where(AdviceRequest.id == _REQUEST_ID)
            .options(joinedload(AdviceRequest.school), joinedload(AdviceRequest.child)))


def _page_request(request_id: int) -> AdviceRequest:
    """The request with its school and child, if the signed-in user may see it."""
    stmt = visible_requests(_request_statement())
    request_ = db.session.scalars(stmt, {"request_id": request_id}).first()
    if request_ is None:
        abort(404)
    return request_


@cache
def _timeline_statement():
    """Each change of status with who made it, newest first."""
    return (db.select(RequestEvent.at, RequestEvent.from_status, RequestEvent.to_status,
                      RequestEvent.note, User.id.label("actor_id"), User.name.label("actor_name"),
                      User.role.label("actor_role"))
            .outerjoin(User, RequestEvent.actor_id == User.id)
            .where(RequestEvent.request_id == _REQUEST_ID)
            .order_by(RequestEvent.at.desc(), RequestEvent.id.desc()))


@cache
def _indicators_statement():
    return (db.select(RequestIndicator.indicator).where(RequestIndicator.request_id == _REQUEST_ID)
            .order_by(RequestIndicator.indicator))


@cache
def _themes_statement():
    return (db.select(Theme.name).select_from(request_theme)
            .join(Theme, Theme.id == request_theme.c.theme_id)
            .where(request_theme.c.request_id == _REQUEST_ID).order_by(Theme.position))


@cache
def _live_booking_statement():
    # An alias, so that no subquery visible_bookings adds on Slot correlates with it.
    slot = aliased(Slot)
    return (db.select(Booking.id, Booking.reference, slot.starts_at, slot.ends_at)
            .join(slot, Booking.slot)
            .where(Booking.request_id == _REQUEST_ID, Booking.status == BookingStatus.BOOKED))


def _rows(stmt, request_: AdviceRequest):
    return db.session.connection().execute(stmt, {"request_id": request_.id})


@bp.post("/requests/<int:request_id>/accept")
@allow(Role.VS_ADMIN, Role.VS_ADVISOR)
def accept(request_id):
    return decide(request_id, "accept", lambda r, form: workflow.accept(
        r, Route(form.route.data), by=current_user, note=form.accept_note.data))


@bp.post("/requests/<int:request_id>/decline")
@allow(Role.VS_ADMIN, Role.VS_ADVISOR)
def decline(request_id):
    return decide(request_id, "decline", lambda r, form: workflow.decline(
        r, form.reason.data.strip(), by=current_user))


@bp.post("/requests/<int:request_id>/advice")
@allow(Role.VS_ADMIN, Role.VS_ADVISOR)
def give_advice(request_id):
    return decide(request_id, "give_advice", lambda r, form: workflow.give_written_advice(
        r, form.advice.data.strip(), by=current_user))


@bp.post("/requests/<int:request_id>/close")
@allow(Role.VS_ADMIN, Role.VS_ADVISOR)
def close(request_id):
    return decide(request_id, "close", lambda r, form: workflow.close(r, by=current_user))


def decide(request_id: int, action: str, change):
    """Check the request can still take this action, validate the form, make the change
    and audit it in one transaction; or show the page again saying what stopped it."""
    request_ = get_request_or_404(request_id)
    decision = DECISIONS[action]
    form = decision.form_class()
    if not available_actions(request_)[action]:
        return _page(request_, 409, conflict=_conflict(request_, action))
    if not form.validate_on_submit():
        return _page(request_, 400, failed=(action, form))
    try:
        change(request_, form)
    except workflow.TransitionRefused:
        db.session.rollback()
        return _page(request_, 409, conflict=_conflict(request_, action))
    except workflow.NotReady as not_ready:
        db.session.rollback()
        for name, message in not_ready.problems.items():
            (form[name].errors if name in form else form.form_errors).append(message)
        return _page(request_, 400, failed=(action, form))
    audit.record(decision.audit_action, request_, detail=request_.reference)
    name_confirmations.save_confirmations(form, request_)
    db.session.commit()
    done = decision.done.format(request_.reference)
    if htmx:
        return _page(request_, 200, success=done)
    flash(done, "success")
    return redirect(url_for("requests.show", request_id=request_.id))


def _page(request_: AdviceRequest, status: int, failed=None, **context):
    # htmx 2 does not swap 4xx responses in by default, so an htmx form gets its region
    # (with the error summary) as a 200; a plain form post gets the true status.
    status = 200 if htmx and not htmx.boosted else status
    return render_page_or_partial("requests/show.html", "requests/triage/_decision.html",
                                  status, **page_context(request_, failed), **context)


def _conflict(request_: AdviceRequest, action: str) -> str:
    return (f"You cannot {DECISIONS[action].verb} this request: it is now "
            f"{request_.status.label.lower()}. Someone else may have dealt with it since you "
            "opened this page.")




def available_actions(request_: AdviceRequest) -> dict[str, bool]:
    """What the signed-in person may do to the request now; the workflow decides."""
    user = current_user
    return {
        "accept": workflow.can_accept(request_, user),
        "decline": workflow.can_move(request_, S.DECLINED, user),
        "give_advice": workflow.can_give_written_advice(request_, user),
        "close": workflow.can_close(request_, user),
    }


def page_context(request_: AdviceRequest, failed: tuple | None = None) -> dict:
    """Everything the page and its decision region show; `failed` is (action, form) of a
    form to show again with its errors and the person's typing."""
    actions = available_actions(request_)
    # Only the forms this person can use now are shown, so only they are built.
    forms = {action: d.form_class(formdata=None) for action, d in DECISIONS.items()
             if actions[action]}
    if failed:
        forms[failed[0]] = failed[1]
    advice_by = (db.session.get(User, request_.written_advice_by_id)
                 if request_.written_advice_by_id else None)
    # The booking section: the school books an accepted consultation request; a booked one
    # shows its live booking to whoever may see that booking.
    live_booking = None
    if request_.status == S.BOOKED:
        live_booking = _rows(visible_bookings(_live_booking_statement()), request_).first()
    indicators = [row.indicator for row in _rows(_indicators_statement(), request_)]
    theme_names = list(_rows(_themes_statement(), request_).scalars())
    can_book = (current_user.role == Role.SCHOOL_STAFF and request_.status == S.ACCEPTED
                and request_.route == Route.CONSULTATION)
    return {"request_": request_, "actions": actions, "forms": forms,
            "form": failed[1] if failed else None,
            "answers": answer_rows(request_, indicators=indicators, theme_names=theme_names),
            "timeline": _rows(_timeline_statement(), request_).all(),
            "not_names": name_confirmations.shown_for(request_),
            "status_rows": status_rows(request_, current_user.is_virtual_school),
            "advice_by": advice_by, "is_virtual_school": current_user.is_virtual_school,
            "can_book": can_book, "live_booking": live_booking,
            "live_booking_when": time_range(live_booking.starts_at,
                                            live_booking.ends_at) if live_booking else None}


@bp.context_processor
def _helpers():
    return {"status_tag": status_tag, "london_time": long_datetime, "long_date": long_date,
            "summary_list": summary_list}


def status_tag(status: RequestStatus) -> dict:
    """The GOV.UK tag parameters for a status, coloured by it."""
    return {"text": status.label, "classes": f"govuk-tag--{TAG_COLOURS[status]}"}


def status_rows(request_: AdviceRequest, is_virtual_school: bool) -> list[dict]:
    """The summary list at the top of the page: the request's status, the school and the
    child. The school's own note (its MIS reference, say) is for the school alone."""
    child = request_.child
    rows = [("Status", {"html": _tag(request_.status)})]
    if request_.submitted_at:
        rows.append(("Sent", {"text": long_date(request_.submitted_at)}))
    if request_.route:
        rows.append(("Route", {"text": request_.route.label}))
    if is_virtual_school:
        school = request_.school
        rows.append(("School", {"text": f"{school.name} ({school.phase.label})"}))
    rows += [("Child reference", {"text": child.reference}),
             ("Initials", {"text": child.initials}),
             ("Year group", {"text": child.year_group.label}),
             ("Cohort", {"text": child.cohort.label}),
             ("Special educational needs", {"text": child.sen_status.label})]
    if not is_virtual_school and child.school_note:
        rows.append(("Your school's note", {"text": child.school_note}))
    return [{"key": {"text": key}, "value": value} for key, value in rows]


def _tag(status: RequestStatus) -> Markup:
    """govukTag(status_tag(status)), written out."""
    tag = status_tag(status)
    return Markup('<strong class="govuk-tag {}">\n  {}\n</strong>').format(tag["classes"],
                                                                           tag["text"])


_SUMMARY_ROW = ('\n  <div class="govuk-summary-list__row">'
                '\n    <dt class="govuk-summary-list__key">\n      {}\n    </dt>'
                '\n    <dd class="govuk-summary-list__value">\n      {}\n    </dd>\n  </div>')


def summary_list(rows: list[dict]) -> Markup:
    """A GOV.UK summary list of rows with a key's text and a value's text or html, and no
    actions, in govukSummaryList's markup: the macro was the larger part of this page's
    rendering time. Html values are trusted, as the macro trusts them."""
    parts = ['<dl class="govuk-summary-list">']
    for row in rows:
        if "actions" in row:
            raise ValueError("summary_list has no actions: use govukSummaryList")
        value = row["value"]
        html = value.get("html")
        parts.append(_SUMMARY_ROW.format(escape(row["key"]["text"]),
                                         str(html).strip() if html
                                         else escape(value.get("text", ""))))
    parts.append("\n</dl>")
    html = "".join(parts)
    return Markup(html)  # nosec B704  # texts escaped; html values trusted, as by the macro
