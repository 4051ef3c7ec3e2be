"""The action tracker: every action agreed for a school's children, from TAC meetings and
from finalised consultation outcomes, in one list; and ticking them off or reassigning them.

An outcome's actions appear once the educational psychologist finalises the outcome: a
draft is the EP's working, which the school does not see yet.
"""

import enum
from datetime import date

from flask import abort, current_app, url_for
from flask_login import current_user
from sqlalchemy import case, func, or_
from sqlalchemy.orm import joinedload

from app.extensions import db
from app.london import long_date
from app.models import Action, ConsultationOutcome, OutcomeStatus, User
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


def _condition(show: Show, today: date):
    open_ = Action.done_on.is_(None)
    return {Show.OPEN: open_, Show.OVERDUE: open_ & (Action.due_on < today),
            Show.DONE: Action.done_on.is_not(None), Show.ALL: db.true()}[show]


def list_actions(show: Show, today: date, school_id: int,
                 child_id: int | None = None) -> list[Action]:
    """The actions to show, soonest due first, with what each row needs loaded alongside
    (its child, its meeting or outcome and booking): a fixed number of queries."""
    stmt = (_visible(db.select(Action), school_id, child_id)
            .where(_condition(show, today))
            .options(joinedload(Action.child), joinedload(Action.tac_meeting),
                     joinedload(Action.outcome).joinedload(ConsultationOutcome.booking))
            .order_by(Action.due_on, Action.id))
    return list(db.session.scalars(stmt).unique())


def counts(today: date, school_id: int, child_id: int | None = None) -> dict[Show, int]:
    """How many actions each filter shows, in one query."""
    columns = [func.coalesce(func.sum(case((_condition(show, today), 1), else_=0)), 0)
               for show in Show]
    row = db.session.execute(_visible(db.select(*columns), school_id, child_id)).one()
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
    if action.tac_meeting is not None:
        return (f"TAC meeting {action.tac_meeting.reference}",
                url_for("support.tac_meeting", meeting_id=action.tac_meeting_id))
    booking = action.outcome.booking
    label = f"Consultation {booking.reference}"
    if "outcomes.outcome" not in current_app.view_functions:
        return label, None
    return label, url_for("outcomes.outcome", booking_id=booking.id)


def _label(action: Action) -> str:
    return source(action)[0]
