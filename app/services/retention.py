"""Retention: which children's records have been kept as long as the policy says, and
purging them (`flask purge`); and audit events past the audit period.

A child's records go RETENTION_RECORD_YEARS after the child's last activity: the latest
of the moments in ACTIVITY below. Looking at a record is not activity. Audit events go
RETENTION_AUDIT_YEARS after they were written.
"""

import contextlib
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from graphlib import TopologicalSorter

from flask import current_app, g
from sqlalchemy import Date, String, and_, cast, delete, func, or_, select, text
from sqlalchemy.orm import aliased

from app.extensions import db
from app.london import long_date
from app.models import (
    Action,
    AdviceRequest,
    AuditEvent,
    Booking,
    ChildRecord,
    ConsultationOutcome,
    OutboxMessage,
    OutboxStatus,
    OutcomeAmendment,
    ProfileVersion,
    RequestEvent,
    School,
    Slot,
    TacMeeting,
    WaitingListEntry,
)
from app.models.audit import PURGE_SETTING
from app.models.types import utcnow
from app.services import audit

# What counts as a child's activity, in words for the policy page (the same as ACTIVITY).
ACTIVITY_WORDS = (
    "the child record was added, or its details changed",
    "an advice request about the child was started, changed or sent, or its status changed",
    "a consultation was booked, moved or cancelled, or held, or the child's request joined "
    "a waiting list",
    "a consultation outcome was recorded, finalised or amended",
    "a Team Around the Child meeting was scheduled, changed, held or written up",
    "an action was agreed or marked done",
    "a version of the One Page Profile was saved",
)

# The rows a purge counts, in words (singular, plural), by table; others by table name.
TABLE_WORDS = {
    "advice_request": ("advice request", "advice requests"),
    "booking": ("consultation booking", "consultation bookings"),
    "consultation_outcome": ("consultation outcome", "consultation outcomes"),
    "tac_meeting": ("TAC meeting", "TAC meetings"),
    "agreed_action": ("action", "actions"),
    "profile_version": ("profile version", "profile versions"),
    "waiting_list_entry": ("waiting-list entry", "waiting-list entries"),
    "advice_request_event": ("request status change", "request status changes"),
    "booking_attendee": ("booking attendee", "booking attendees"),
    "outcome_attendee": ("outcome attendee", "outcome attendees"),
    "outcome_amendment": ("outcome amendment", "outcome amendments"),
    "tac_attendee": ("TAC attendee", "TAC attendees"),
    "name_confirmation": ("confirmation that a phrase is not a name",
                          "confirmations that a phrase is not a name"),
}
# The counts the dry run shows for each child: (table, column heading).
LISTED = (("advice_request", "requests"), ("booking", "bookings"),
          ("consultation_outcome", "outcomes"), ("tac_meeting", "TAC meetings"),
          ("agreed_action", "actions"), ("profile_version", "profile versions"),
          ("waiting_list_entry", "waiting list"))


@dataclass(frozen=True)
class Policy:
    record_years: int
    audit_years: int
    now: datetime

    @property
    def record_cutoff(self) -> datetime:
        """Children whose last activity is before this are due."""
        return years_before(self.now, self.record_years)

    @property
    def audit_cutoff(self) -> datetime:
        """Audit events written before this are due."""
        return years_before(self.now, self.audit_years)


def policy(now: datetime | None = None) -> Policy:
    cfg = current_app.config
    return Policy(int(cfg["RETENTION_RECORD_YEARS"]), int(cfg["RETENTION_AUDIT_YEARS"]),
                  now or utcnow())


def years_before(moment: datetime, years: int) -> datetime:
    """The same day and time `years` earlier (28 February for a 29th with no leap year)."""
    try:
        return moment.replace(year=moment.year - years)
    except ValueError:
        return moment.replace(year=moment.year - years, day=28)


@dataclass
class ChildDue:
    child_id: int
    reference: str
    school: str
    last_activity: datetime
    counts: dict[str, int] = field(default_factory=dict)


@dataclass
class Plan:
    """What a purge run would delete (the dry run prints it)."""

    policy: Policy
    children: list[ChildDue]
    audit_events: int
    emails: int


# Last activity -------------------------------------------------------------------------------

def _activity() -> list[tuple]:
    """(child id, moment, the select they come from) for each kind of activity, besides the
    child record being added (ChildRecord.created_at, read from the record itself)."""
    request_, outcome = AdviceRequest, ConsultationOutcome
    booking = select().select_from(request_).join(Booking, Booking.request_id == request_.id)
    child_ = aliased(ChildRecord)
    changed = (select().select_from(child_).join(AuditEvent, and_(
        AuditEvent.record_type == "ChildRecord", AuditEvent.record_id == cast(child_.id, String),
        AuditEvent.action == "child_record_updated")))
    return [
        (child_.id, AuditEvent.at, changed),
        (request_.child_id, request_.updated_at, select().select_from(request_)),
        (request_.child_id, request_.submitted_at, select().select_from(request_)),
        (request_.child_id, RequestEvent.at, select().select_from(request_).join(
            RequestEvent, RequestEvent.request_id == request_.id)),
        (request_.child_id, Booking.booked_at, booking),
        (request_.child_id, Booking.slot_chosen_at, booking),
        (request_.child_id, Booking.cancelled_at, booking),
        (request_.child_id, Slot.starts_at, booking.join(Slot, Slot.id == Booking.slot_id)),
        (request_.child_id, WaitingListEntry.joined_at, select().select_from(request_).join(
            WaitingListEntry, WaitingListEntry.request_id == request_.id)),
        (outcome.child_id, outcome.updated_at, select().select_from(outcome)),
        (outcome.child_id, outcome.finalised_at, select().select_from(outcome)),
        (outcome.child_id, OutcomeAmendment.at, select().select_from(outcome).join(
            OutcomeAmendment, OutcomeAmendment.outcome_id == outcome.id)),
        (TacMeeting.child_id, TacMeeting.updated_at, select().select_from(TacMeeting)),
        (TacMeeting.child_id, TacMeeting.starts_at, select().select_from(TacMeeting)),
        (Action.child_id, Action.created_at, select().select_from(Action)),
        (Action.child_id, Action.done_on, select().select_from(Action)),  # a date
        (ProfileVersion.child_id, ProfileVersion.saved_at, select().select_from(ProfileVersion)),
    ]


def _since(column, cutoff: datetime):
    """column >= cutoff, for a date column too (the day the cutoff falls on counts)."""
    if isinstance(column.type, Date):
        return column >= cutoff.date()
    return column >= cutoff


def _due_children(cutoff: datetime):
    """The children with no activity at or after the cutoff: one probe of each kind."""
    recent = [base.add_columns(text("1")).where(child == ChildRecord.id,
                                                 _since(moment, cutoff)).exists()
              for child, moment, base in _activity()]
    return (select(ChildRecord.id).where(ChildRecord.created_at < cutoff)
            .where(*[~each for each in recent]).order_by(ChildRecord.id))


def due_child_ids(cutoff: datetime) -> list[int]:
    return list(db.session.scalars(_due_children(cutoff)))


def last_activity(child_ids: list[int]) -> dict[int, datetime]:
    """The last activity of each of these children."""
    latest: dict[int, datetime] = {}
    for chunk in _chunks(child_ids):
        for child_id, created in db.session.execute(
                select(ChildRecord.id, ChildRecord.created_at).where(ChildRecord.id.in_(chunk))):
            latest[child_id] = created
        for child, moment, base in _activity():
            stmt = (base.add_columns(child, func.max(moment)).where(child.in_(chunk))
                    .group_by(child))
            for child_id, value in db.session.execute(stmt):
                value = _as_moment(value)
                if value is not None and value > latest.get(child_id, value):
                    latest[child_id] = value
    return latest


def _as_moment(value) -> datetime | None:
    if isinstance(value, date) and not isinstance(value, datetime):
        return datetime.combine(value, time(), tzinfo=UTC)
    return value


def _chunks(ids: list[int], size: int = 500):
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


# What hangs off a child ----------------------------------------------------------------------

def _hanging_tables() -> list:
    """Every table whose rows belong to a child record, children before parents (the order
    to delete them in), each with its foreign keys into the others. Found from the schema,
    so a table added later that points at a child's records is purged with them."""
    metadata = db.metadata
    root = ChildRecord.__table__
    reached = {root}
    changed = True
    while changed:
        changed = False
        for table in metadata.sorted_tables:
            if table not in reached and any(fk.column.table in reached
                                            for fk in table.foreign_keys):
                reached.add(table)
                changed = True
    # Each table must go before every table it points at.
    order = TopologicalSorter()
    for table in reached:
        order.add(table)
        for fk in table.foreign_keys:
            if fk.column.table in reached and fk.column.table is not table:
                order.add(fk.column.table, table)
    return [(table, [fk for fk in table.foreign_keys if fk.column.table in reached])
            for table in order.static_order()]


def _conditions(child_id: int) -> list[tuple]:
    """(table, the condition its rows of this child meet), in the order to delete them. A
    row belongs to the child when one of its foreign keys points at a row that does."""
    tables = _hanging_tables()
    belongs = {}
    # Parents first (the reverse order), so that each child table can use their conditions.
    for table, keys in reversed(tables):
        if table is ChildRecord.__table__:
            belongs[table] = table.c.id == child_id
        else:
            belongs[table] = or_(*[fk.parent.in_(select(fk.column)
                                                 .where(belongs[fk.column.table]))
                                   for fk in keys])
    return [(table, belongs[table]) for table, _keys in tables]


# The plan and the purge ----------------------------------------------------------------------

def plan(now: datetime | None = None) -> Plan:
    rules = policy(now)
    ids = due_child_ids(rules.record_cutoff)
    latest = last_activity(ids)
    children = []
    for chunk in _chunks(ids):
        counts = _listed_counts(chunk)
        for child_id, reference, school in db.session.execute(
                select(ChildRecord.id, ChildRecord.reference, School.name)
                .join(School, School.id == ChildRecord.school_id)
                .where(ChildRecord.id.in_(chunk)).order_by(ChildRecord.id)):
            children.append(ChildDue(child_id, reference, school, latest[child_id],
                                     {name: counts[name].get(child_id, 0)
                                      for name, _heading in LISTED}))
    return Plan(rules, children, _count(_old_audit_events(rules)), _count(_old_emails(rules)))


def _listed_counts(chunk: list[int]) -> dict[str, dict[int, int]]:
    """The counts the dry run lists, per child: one grouped count per kind of record."""
    request_ = AdviceRequest
    by_request = {"advice_request": None, "booking": Booking,
                  "waiting_list_entry": WaitingListEntry}
    counts: dict[str, dict[int, int]] = {}
    for name, model in by_request.items():
        stmt = select(request_.child_id, func.count()).select_from(request_)
        if model is not None:
            stmt = stmt.join(model, model.request_id == request_.id)
        counts[name] = dict(db.session.execute(
            stmt.where(request_.child_id.in_(chunk)).group_by(request_.child_id)).all())
    for name, model in (("consultation_outcome", ConsultationOutcome), ("tac_meeting", TacMeeting),
                        ("agreed_action", Action), ("profile_version", ProfileVersion)):
        counts[name] = dict(db.session.execute(
            select(model.child_id, func.count()).where(model.child_id.in_(chunk))
            .group_by(model.child_id)).all())
    return counts


def _count(stmt) -> int:
    return db.session.scalar(select(func.count()).select_from(stmt.subquery()))


def _old_audit_events(rules: Policy):
    return select(AuditEvent.id).where(AuditEvent.at < rules.audit_cutoff)


def _old_emails(rules: Policy):
    """Emails sent (or given up on) before the record cutoff: they may carry a summary."""
    return select(OutboxMessage.id).where(
        OutboxMessage.status.in_([OutboxStatus.SENT, OutboxStatus.FAILED]),
        OutboxMessage.created_at < rules.record_cutoff)


@contextlib.contextmanager
def _writing():
    """Transactions begun in here take SQLite's write lock at BEGIN (app/database.py)."""
    before = g.get("writes", False)
    g.writes = True
    try:
        yield
    finally:
        g.writes = before


def purge_child(child_id: int, rules: Policy) -> dict[str, int] | None:
    """Delete everything of one child in one transaction, and leave an audit event with the
    counts (never the content). None, and nothing deleted, if the child has had activity
    since the plan was made."""
    db.session.rollback()
    with _writing():
        child = db.session.get(ChildRecord, child_id, with_for_update=True)
        if child is None or child_id not in set(db.session.scalars(
                _due_children(rules.record_cutoff).where(ChildRecord.id == child_id))):
            db.session.rollback()
            return None
        latest = last_activity([child_id])[child_id]
        try:
            counts = {}
            for table, condition in _conditions(child_id):
                for naming, count in _delete_naming(table, condition):
                    counts[naming] = counts.get(naming, 0) + count
                if table is ChildRecord.__table__:
                    # Written before the record goes, while it can still say which it was.
                    audit.record("child_record_purged", child, actor=None,
                                 detail=describe_counts(child.reference, latest, counts))
                    db.session.flush()
                    db.session.expunge(child)
                result = db.session.execute(delete(table).where(condition))
                counts[table.name] = result.rowcount
            db.session.commit()
        except Exception:
            db.session.rollback()
            raise
    return counts


def _naming_tables() -> list:
    """Tables whose rows name a record by its type and id (record_type, record_id) rather
    than by a foreign key: a confirmation that a phrase in a record is not a name, say.
    Their rows about a purged record go with it. The audit log's own are kept: its events
    have their own period."""
    return [table for table in db.metadata.sorted_tables
            if {"record_type", "record_id"} <= set(table.c.keys())
            and table is not AuditEvent.__table__]


def _delete_naming(table, condition):
    """Delete the rows of the naming tables about the rows of `table` meeting `condition`:
    (naming table, how many went)."""
    names = {mapper.local_table: mapper.class_.__name__ for mapper in db.Model.registry.mappers}
    if table not in names or "id" not in table.c:
        return []
    ids = select(cast(table.c.id, String)).where(condition)
    return [(naming.name, db.session.execute(delete(naming).where(
        naming.c.record_type == names[table], naming.c.record_id.in_(ids))).rowcount)
        for naming in _naming_tables()]


def describe_counts(reference: str, latest: datetime, counts: dict[str, int]) -> str:
    parts = [_in_words(table, n) for table, n in counts.items() if n]
    return (f"Purged {reference}, last activity {long_date(latest)}: "
            + (", ".join(parts) if parts else "the child record alone"))


def _in_words(table: str, n: int) -> str:
    one, many = TABLE_WORDS.get(table, (f"{table} row", f"{table} rows"))
    return f"{n} {one if n == 1 else many}"


def purge_audit_events(rules: Policy) -> int:
    """Delete the audit events older than the audit period, in one transaction, and leave
    an event saying how many went. On PostgreSQL the trigger lets this DELETE through only
    because the transaction says so (SET LOCAL: it ends with the transaction)."""
    db.session.rollback()
    with _writing():
        if db.session.get_bind().dialect.name == "postgresql":
            db.session.execute(text(f"SET LOCAL {PURGE_SETTING} = 'on'"))
        result = db.session.execute(delete(AuditEvent).where(AuditEvent.at < rules.audit_cutoff))
        purged = result.rowcount
        if purged:
            audit.record("audit_events_purged", actor=None,
                         detail=f"{purged} audit events written before "
                                f"{long_date(rules.audit_cutoff)}")
        db.session.commit()
    return purged


def purge_emails(rules: Policy) -> int:
    db.session.rollback()
    with _writing():
        result = db.session.execute(delete(OutboxMessage).where(
            OutboxMessage.id.in_(_old_emails(rules))))
        db.session.commit()
    return result.rowcount
