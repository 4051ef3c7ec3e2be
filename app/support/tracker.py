"""The action tracker: every action agreed for a school's children, from TAC meetings and
from finalised consultation outcomes, in one list; and ticking them off or reassigning them.

An outcome's actions appear once the educational psychologist finalises the outcome: a
draft is the EP's working, which the school does not see yet.
"""

import enum
from dataclasses import dataclass
from datetime import date
from functools import cache

from flask import abort, current_app, url_for
from flask_login import current_user
from jinja2.filters import do_truncate
from sqlalchemy import Date, bindparam, case, func, or_
from sqlalchemy.orm import joinedload

from app.extensions import db
from app.london import long_date
from app.models import (
    Action,
    Booking,
    ChildRecord,
    ConsultationOutcome,
    OutcomeStatus,
    TacMeeting,
    User,
)
from app.services import audit
from app.support import clock


class Show(enum.StrEnum):
    """Which actions a tracker lists (its `show` GET parameter)."""

    OPEN = "open"
    OVERDUE = "overdue"
    DONE = "done"
    ALL = "all"

    @property
    def label(self) -> str:
        return {"open": "Open", "overdue": "Overdue", "done": "Done", "all": "All"}[self.value]

    @classmethod
    def parse(cls, value: str | None) -> "Show":
        try:
            return cls(value)
        except ValueError:
            return cls.OPEN


def _visible(stmt, school_id: int, child_id: int | None):
    """Limit a select over Action to one school (and child), and to actions from a TAC
    meeting or a finalised outcome."""
    stmt = (stmt.outerjoin(ConsultationOutcome, Action.outcome_id == ConsultationOutcome.id)
            .where(Action.school_id == school_id,
                   or_(Action.tac_meeting_id.is_not(None),
                       ConsultationOutcome.status == OutcomeStatus.FINAL)))
    if child_id is not None:
        stmt = stmt.where(Action.child_id == child_id)
    return stmt


def _condition(show: Show, today):
    open_ = Action.done_on.is_(None)
    return {Show.OPEN: open_, Show.OVERDUE: open_ & (Action.due_on < today),
            Show.DONE: Action.done_on.is_not(None), Show.ALL: db.true()}[show]


@dataclass(frozen=True, slots=True)
class ActionRow:
    """One action as a row of the tracker shows it, its words and dates worked out."""

    id: int
    what: str
    short: str  # `what` cut to 80 characters, for the buttons' hidden text
    who: str
    due_on: str
    overdue: bool
    done_on: str | None  # the day it was ticked off; None while it is open
    source: str  # where it was agreed
    link: str | None  # that page, if it exists
    child_reference: str
    child_initials: str


# The statements are built once and take their values as parameters: putting a select
# together costs more than running it. They hold no data, so nothing can make them stale.
_SCHOOL, _CHILD, _TODAY = (bindparam("school_id"), bindparam("child_id"),
                           bindparam("today", type_=Date))
_ROW_COLUMNS = (Action.id, Action.what, Action.who_role, Action.who_name, Action.due_on,
                Action.done_on, ChildRecord.reference, ChildRecord.initials, TacMeeting.id,
                TacMeeting.reference, Booking.id, Booking.reference)


@cache
def _rows_statement(show: Show, one_child: bool):
    stmt = _visible(db.select(*_ROW_COLUMNS).select_from(Action), _SCHOOL,
                    _CHILD if one_child else None)
    return (stmt.join(ChildRecord, Action.child_id == ChildRecord.id)
            .outerjoin(TacMeeting, Action.tac_meeting_id == TacMeeting.id)
            .outerjoin(Booking, ConsultationOutcome.booking_id == Booking.id)
            .where(_condition(show, _TODAY))
            .order_by(Action.due_on, Action.id))


@cache
def _counts_statement(one_child: bool):
    columns = [func.coalesce(func.sum(case((_condition(show, _TODAY), 1), else_=0)), 0)
               for show in Show]
    return _visible(db.select(*columns), _SCHOOL, _CHILD if one_child else None)


def _run(stmt, today: date, school_id: int, child_id: int | None):
    # Plain rows of columns, so the connection runs them: the ORM would add nothing but time.
    parameters = {"today": today, "school_id": school_id, "child_id": child_id}
    return db.session.connection().execute(stmt, parameters)


def list_actions(show: Show, today: date, school_id: int,
                 child_id: int | None = None) -> list[ActionRow]:
    """The rows to show, soonest due first, each with its child and where it was agreed:
    one query, of the columns the rows show."""
    result = _run(_rows_statement(show, child_id is not None), today, school_id, child_id)
    return [_row(values, today) for values in result]


def _row(values, today: date) -> ActionRow:
    (id_, what, who_role, who_name, due_on, done_on, child_reference, child_initials,
     *agreed_at) = values
    source, link = _source(*agreed_at)
    return ActionRow(
        id=id_, what=what, short=do_truncate(current_app.jinja_env, what, 80),
        who=f"{who_role}, {who_name}", due_on=long_date(due_on),
        overdue=done_on is None and due_on < today,
        done_on=long_date(done_on) if done_on is not None else None,
        source=source, link=link, child_reference=child_reference,
        child_initials=child_initials)


def row_of(action: Action, today: date) -> ActionRow:
    """The row of one loaded action (its child, meeting or outcome and booking alongside)."""
    values = (action.id, action.what, action.who_role, action.who_name, action.due_on,
              action.done_on, action.child.reference, action.child.initials,
              *_agreed_at(action))
    return _row(values, today)


def counts(today: date, school_id: int, child_id: int | None = None) -> dict[Show, int]:
    """How many actions each filter shows, in one query."""
    row = _run(_counts_statement(child_id is not None), today, school_id, child_id).one()
    return dict(zip(Show, row, strict=True))


def get_action_or_404(action_id: int) -> Action:
    """An action the signed-in member of staff may see: their school's, and from a TAC
    meeting or a finalised outcome; otherwise 404."""
    stmt = (_visible(db.select(Action), current_user.school_id, None)
            .where(Action.id == action_id)
            .options(joinedload(Action.child), joinedload(Action.tac_meeting),
                     joinedload(Action.outcome).joinedload(ConsultationOutcome.booking)))
    action = db.session.scalars(stmt).unique().first()
    if action is None:
        abort(404)
    return action


# Changes --------------------------------------------------------------------------------------

def complete(action: Action, by: User) -> bool:
    """Tick the action off today; returns False if it was already done."""
    if action.done_on is not None:
        return False
    action.done_on, action.done_by_id = clock.today(), by.id
    audit.record("action_completed", action, actor=by, detail=_label(action))
    return True


def reopen(action: Action, by: User) -> bool:
    if action.done_on is None:
        return False
    action.done_on, action.done_by_id = None, None
    audit.record("action_reopened", action, actor=by, detail=_label(action))
    return True


def reassign(action: Action, who_role: str, who_name: str, due_on: date, by: User) -> bool:
    """Give the action to someone else or a new date; returns whether anything changed."""
    before = (action.who_role, action.who_name, action.due_on)
    if before == (who_role, who_name, due_on):
        return False
    action.who_role, action.who_name, action.due_on = who_role, who_name, due_on
    audit.record("action_reassigned", action, actor=by,
                 detail=f"{_label(action)}: to {who_role}, {who_name}, by {long_date(due_on)}")
    return True


# Words and links ------------------------------------------------------------------------------

def source(action: Action) -> tuple[str, str | None]:
    """Where the action was agreed, and a link to it (None if that page does not exist)."""
    return _source(*_agreed_at(action))


def _agreed_at(action: Action) -> tuple:
    """The meeting's id and reference, or the consultation's booking's."""
    if action.tac_meeting is not None:
        return action.tac_meeting_id, action.tac_meeting.reference, None, None
    booking = action.outcome.booking
    return None, None, booking.id, booking.reference


def _source(meeting_id, meeting_reference, booking_id, booking_reference):
    if meeting_id is not None:
        return (f"TAC meeting {meeting_reference}",
                url_for("support.tac_meeting", meeting_id=meeting_id))
    label = f"Consultation {booking_reference}"
    if "outcomes.outcome" not in current_app.view_functions:
        return label, None
    return label, url_for("outcomes.outcome", booking_id=booking_id)


def _label(action: Action) -> str:
    return source(action)[0]
