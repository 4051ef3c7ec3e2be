"""Retention and `flask purge`: what is due, the dry run, purging a child's records in one
transaction, and audit events past the audit period."""

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from app.extensions import db
from app.models import (
    Action,
    AdviceRequest,
    AuditEvent,
    Booking,
    BookingAttendee,
    ChildRecord,
    ConsultationOutcome,
    Indicator,
    OutboxMessage,
    OutboxStatus,
    OutcomeAmendment,
    OutcomeAttendee,
    OutcomeStatus,
    ProfileVersion,
    RequestEvent,
    RequestStatus,
    Role,
    TacAttendee,
    TacMeeting,
    TacStatus,
    WaitingListEntry,
    WaitStatus,
)
from app.services import retention
from tests.booking.factories import make_bookable_session
from tests.conftest import make_child, make_school, make_theme, make_user

# The purge runs "now" at NOW; the records below were made long before.
NOW = datetime(2026, 6, 1, 9, tzinfo=UTC)
LONG_AGO = datetime(2018, 3, 5, 10, tzinfo=UTC)  # over 8 years before NOW
_numbers = iter(range(1, 10_000))


@pytest.fixture(autouse=True)
def fixed_now(app, monkeypatch):
    monkeypatch.setattr(retention, "utcnow", lambda: NOW)


def child_with_everything(when: datetime, school=None) -> ChildRecord:
    """A child with a record of every kind, all made at `when`: a request with its timeline,
    a booking with attendees, a waiting-list entry, an outcome with attendees, an amendment,
    themes and an action, a TAC meeting with an attendee and an action, two profile versions."""
    n = next(_numbers)
    school = school or make_school()
    staff = make_user(Role.SCHOOL_STAFF, school=school)
    ep = make_user(Role.EDUCATIONAL_PSYCHOLOGIST)
    child = make_child(school, created_at=when)
    theme = make_theme()
    request_ = AdviceRequest(
        status=RequestStatus.CONSULTED, reference=f"AR-{when.year}-{n:04d}",
        school_id=school.id, child=child, created_by_id=staff.id, created_at=when,
        updated_at=when, submitted_at=when, indicators=[Indicator.ATTENDANCE], themes=[theme],
        consent_confirmed=True,
        events=[RequestEvent(at=when, to_status=RequestStatus.SUBMITTED, actor_id=staff.id)])
    db.session.add(request_)
    session = make_bookable_session(when, slots=2, ep=ep)
    booking = Booking(reference=f"SFC-{when.year}-{n:04d}", uid=f"booking-{n}@convene",
                      slot_id=session.slots[0].id, request=request_, school_id=school.id,
                      booked_by_id=staff.id, booked_at=when, slot_chosen_at=when,
                      attendees=[BookingAttendee(kind="school_staff", name="Dee", job_role="DT",
                                                 email=f"dee{n}@school.example.test",
                                                 added_at=when)])
    db.session.add(booking)
    db.session.add(WaitingListEntry(session_id=session.id, request=request_,
                                    school_id=school.id, joined_by_id=staff.id,
                                    joined_at=when, status=WaitStatus.WITHDRAWN))
    db.session.flush()
    outcome = ConsultationOutcome(
        booking_id=booking.id, request_id=request_.id, child_id=child.id, school_id=school.id,
        status=OutcomeStatus.FINAL, best_hopes="Calm mornings", recorded_by_id=ep.id,
        created_at=when, updated_at=when, finalised_at=when, themes=[theme],
        attendees=[OutcomeAttendee(name="Dee", job_role="DT")],
        amendments=[OutcomeAmendment(text="A correction", by_id=ep.id, at=when)])
    db.session.add(outcome)
    db.session.flush()
    db.session.add(Action(child_id=child.id, school_id=school.id, outcome_id=outcome.id,
                          what="Share the plan", who_role="SENCO", who_name="Ms Rivers",
                          due_on=when.date(), created_at=when))
    meeting = TacMeeting(reference=f"TAC-{when.year}-{n:04d}", child_id=child.id,
                         school_id=school.id, status=TacStatus.HELD, starts_at=when,
                         ends_at=when + timedelta(hours=1), uid=f"tac-{n}@convene",
                         created_by_id=staff.id, created_at=when, updated_at=when,
                         attendees=[TacAttendee(name="Sam", job_role="Social worker",
                                                agency="Social care")])
    db.session.add(meeting)
    db.session.flush()
    db.session.add(Action(child_id=child.id, school_id=school.id, tac_meeting_id=meeting.id,
                          what="Check in daily", who_role="Key adult", who_name="Ms Green",
                          due_on=when.date(), created_at=when))
    for version in (1, 2):
        db.session.add(ProfileVersion(child_id=child.id, version=version, completed_by="SENCO",
                                      completed_on=when.date(), saved_by_id=staff.id,
                                      saved_at=when))
    db.session.commit()
    return child


def rows_of(child_id: int) -> dict[str, int]:
    """How many rows of each kind the child has."""
    db.session.rollback()
    requests = select(AdviceRequest.id).where(AdviceRequest.child_id == child_id)
    bookings = select(Booking.id).where(Booking.request_id.in_(requests))
    outcomes = select(ConsultationOutcome.id).where(ConsultationOutcome.child_id == child_id)
    meetings = select(TacMeeting.id).where(TacMeeting.child_id == child_id)
    counted = {
        "child": select(ChildRecord.id).where(ChildRecord.id == child_id),
        "requests": requests,
        "request events": select(RequestEvent.id).where(RequestEvent.request_id.in_(requests)),
        "bookings": bookings,
        "booking attendees": select(BookingAttendee.id)
        .where(BookingAttendee.booking_id.in_(bookings)),
        "waiting list": select(WaitingListEntry.id)
        .where(WaitingListEntry.request_id.in_(requests)),
        "outcomes": outcomes,
        "outcome attendees": select(OutcomeAttendee.id)
        .where(OutcomeAttendee.outcome_id.in_(outcomes)),
        "amendments": select(OutcomeAmendment.id)
        .where(OutcomeAmendment.outcome_id.in_(outcomes)),
        "actions": select(Action.id).where(Action.child_id == child_id),
        "meetings": meetings,
        "tac attendees": select(TacAttendee.id).where(TacAttendee.meeting_id.in_(meetings)),
        "profile versions": select(ProfileVersion.id).where(ProfileVersion.child_id == child_id),
    }
    return {name: db.session.scalar(select(func.count()).select_from(stmt.subquery()))
            for name, stmt in counted.items()}


EVERYTHING = {"child": 1, "requests": 1, "request events": 1, "bookings": 1,
              "booking attendees": 1, "waiting list": 1, "outcomes": 1, "outcome attendees": 1,
              "amendments": 1, "actions": 2, "meetings": 1, "tac attendees": 1,
              "profile versions": 2}
NOTHING = dict.fromkeys(EVERYTHING, 0)


def old_event(at: datetime, action="signed_in") -> AuditEvent:
    event = AuditEvent(action=action, at=at)
    db.session.add(event)
    db.session.commit()
    return event


def events(action: str) -> list[AuditEvent]:
    db.session.rollback()
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)
                                   .order_by(AuditEvent.id)))


def all_event_ids() -> set[int]:
    db.session.rollback()
    return set(db.session.scalars(select(AuditEvent.id)))


# The dry run -------------------------------------------------------------------------------

def test_dry_run_lists_children_due_with_their_counts_and_changes_nothing(runner):
    due = child_with_everything(LONG_AGO)
    kept = child_with_everything(NOW - timedelta(days=30))
    old_event(NOW - timedelta(days=365 * 9))
    before_events = all_event_ids()
    result = runner.invoke(args=["purge", "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "Children whose records would be purged: 1" in result.output
    line = next(each for each in result.output.splitlines() if due.reference in each)
    assert "last activity 5 March 2018" in line
    assert ("requests 1, bookings 1, outcomes 1, TAC meetings 1, actions 2, "
            "profile versions 2, waiting list 1") in line
    assert kept.reference not in result.output
    assert "due if that was before 1 June 2019" in result.output
    assert "Audit events that would be purged: 1" in result.output
    assert "Dry run: nothing was changed." in result.output
    assert rows_of(due.id) == EVERYTHING
    assert rows_of(kept.id) == EVERYTHING
    assert all_event_ids() == before_events


# What is due ---------------------------------------------------------------------------------

def test_a_child_whose_last_activity_is_exactly_at_the_boundary_is_kept(runner):
    at_boundary = make_child(created_at=datetime(2019, 6, 1, 9, tzinfo=UTC))
    just_before = make_child(created_at=datetime(2019, 6, 1, 8, 59, 59, tzinfo=UTC))
    result = runner.invoke(args=["purge"])
    assert result.exit_code == 0, result.output
    assert rows_of(at_boundary.id)["child"] == 1
    assert rows_of(just_before.id)["child"] == 0


@pytest.mark.parametrize("renew", ["tac_meeting", "outcome", "profile", "action_done",
                                   "child_changed"])
def test_recent_activity_renews_an_old_childs_retention(runner, renew):
    child = child_with_everything(LONG_AGO)
    recently = datetime(2022, 1, 10, 10, tzinfo=UTC)
    if renew == "tac_meeting":
        db.session.add(TacMeeting(reference="TAC-2022-0001", child_id=child.id,
                                  school_id=child.school_id, starts_at=recently,
                                  ends_at=recently + timedelta(hours=1), uid="renewed@convene",
                                  created_by_id=make_user().id, created_at=recently,
                                  updated_at=recently))
    elif renew == "outcome":
        db.session.add(OutcomeAmendment(outcome_id=db.session.scalar(
            select(ConsultationOutcome.id).where(ConsultationOutcome.child_id == child.id)),
            text="Later correction", by_id=make_user().id, at=recently))
    elif renew == "profile":
        db.session.add(ProfileVersion(child_id=child.id, version=3, completed_by="SENCO",
                                      completed_on=recently.date(), saved_by_id=make_user().id,
                                      saved_at=recently))
    elif renew == "action_done":
        action = db.session.scalars(select(Action).where(Action.child_id == child.id)).first()
        action.done_on = date(2022, 1, 10)
    else:
        db.session.add(AuditEvent(action="child_record_updated", record_type="ChildRecord",
                                  record_id=str(child.id), at=recently))
    db.session.commit()
    other = child_with_everything(LONG_AGO)
    result = runner.invoke(args=["purge"])
    assert result.exit_code == 0, result.output
    assert rows_of(child.id)["child"] == 1
    assert rows_of(child.id)["requests"] == 1
    assert rows_of(other.id) == NOTHING


def test_last_activity_is_the_latest_of_every_kind():
    child = child_with_everything(LONG_AGO)
    later = datetime(2018, 9, 3, 8, tzinfo=UTC)
    db.session.add(RequestEvent(request_id=db.session.scalar(
        select(AdviceRequest.id).where(AdviceRequest.child_id == child.id)), at=later,
        to_status=RequestStatus.CLOSED))
    db.session.commit()
    assert retention.last_activity([child.id]) == {child.id: later}


# Purging -----------------------------------------------------------------------------------

def test_purge_deletes_every_record_of_children_due_and_only_theirs(runner):
    due = child_with_everything(LONG_AGO)
    recent = child_with_everything(NOW - timedelta(days=365 * 6))
    result = runner.invoke(args=["purge"])
    assert result.exit_code == 0, result.output
    assert rows_of(due.id) == NOTHING
    assert rows_of(recent.id) == EVERYTHING
    assert "Purged 1 children's records" in result.output


def test_purge_leaves_an_audit_event_with_counts_and_no_content(runner):
    due = child_with_everything(LONG_AGO)
    reference, school_id = due.reference, due.school_id
    runner.invoke(args=["purge"])
    [event] = events("child_record_purged")
    assert event.actor_id is None
    assert (event.record_type, event.record_id) == ("ChildRecord", str(due.id))
    assert event.record_reference == reference
    assert event.school_id == school_id
    assert event.detail.startswith(f"Purged {reference}, last activity 5 March 2018: ")
    for counted in ("1 advice request", "1 consultation booking", "1 consultation outcome",
                    "1 TAC meeting", "2 actions", "2 profile versions",
                    "1 waiting-list entry"):
        assert counted in event.detail
    assert "Calm mornings" not in event.detail
    assert "JS" not in event.detail  # the initials


def test_a_failure_midway_leaves_that_child_whole(runner, monkeypatch):
    due = child_with_everything(LONG_AGO)

    def fails(*_args, **_kwargs):
        raise RuntimeError("the disk is full")

    # The purge's own audit event is written after every table but the child record's.
    monkeypatch.setattr(retention.audit, "record", fails)
    result = runner.invoke(args=["purge"])
    assert result.exit_code != 0
    assert f"purging {due.reference} failed, and nothing of it was deleted" in result.output
    assert rows_of(due.id) == EVERYTHING


def test_a_child_with_activity_since_the_list_was_made_is_kept():
    due = child_with_everything(LONG_AGO)
    rules = retention.policy()
    db.session.add(ProfileVersion(child_id=due.id, version=3, completed_by="SENCO",
                                  completed_on=NOW.date(), saved_by_id=make_user().id,
                                  saved_at=NOW))
    db.session.commit()
    assert retention.purge_child(due.id, rules) is None
    assert rows_of(due.id)["requests"] == 1


def test_sent_emails_older_than_the_record_period_are_purged(runner):
    def email(created_at, status):
        db.session.add(OutboxMessage(kind="summary", to_address="a@example.test",
                                     subject="Summary", message=b"x", status=status,
                                     created_at=created_at))

    email(LONG_AGO, OutboxStatus.SENT)
    email(LONG_AGO, OutboxStatus.PENDING)
    email(NOW - timedelta(days=10), OutboxStatus.SENT)
    db.session.commit()
    runner.invoke(args=["purge"])
    db.session.rollback()
    left = db.session.execute(select(OutboxMessage.created_at, OutboxMessage.status)).all()
    assert sorted(status for _at, status in left) == [OutboxStatus.PENDING, OutboxStatus.SENT]


# Audit events --------------------------------------------------------------------------------

def test_audit_events_older_than_the_audit_period_are_purged_and_newer_kept(runner):
    boundary = datetime(2018, 6, 1, 9, tzinfo=UTC)  # 8 years before NOW
    gone = old_event(boundary - timedelta(seconds=1)).id
    at_boundary = old_event(boundary).id
    recent = old_event(NOW - timedelta(days=1)).id
    result = runner.invoke(args=["purge"])
    assert result.exit_code == 0, result.output
    left = all_event_ids()
    assert gone not in left
    assert {at_boundary, recent} <= left
    [purged] = events("audit_events_purged")
    assert purged.detail == "1 audit events written before 1 June 2018"


def test_the_periods_come_from_configuration(app, runner):
    app.config.update(RETENTION_RECORD_YEARS=2, RETENTION_AUDIT_YEARS=3)
    child = make_child(created_at=datetime(2024, 5, 1, tzinfo=UTC))
    event = old_event(datetime(2023, 5, 1, tzinfo=UTC)).id
    result = runner.invoke(args=["purge", "--dry-run"])
    assert "due if that was before 1 June 2024" in result.output
    assert child.reference in result.output
    runner.invoke(args=["purge"])
    assert rows_of(child.id)["child"] == 0
    assert event not in all_event_ids()


def test_every_table_hanging_off_a_child_is_purged():
    """The purge finds what to delete from the schema: each of these is in it, each before
    the tables it points at."""
    order = [table.name for table, _keys in retention._hanging_tables()]
    for table in ("agreed_action", "outcome_attendee", "outcome_amendment",
                  "consultation_outcome_theme", "consultation_outcome", "tac_attendee",
                  "tac_meeting", "profile_version", "booking_attendee", "booking",
                  "waiting_list_entry", "advice_request_event", "advice_request_indicator",
                  "advice_request_theme", "advice_request", "child_record"):
        assert table in order
    assert order[-1] == "child_record"
    assert order.index("agreed_action") < order.index("consultation_outcome")
    assert order.index("consultation_outcome") < order.index("booking")
    assert order.index("booking") < order.index("advice_request")
    assert "audit_event" not in order and "school" not in order and "slot" not in order


def test_confirmations_that_a_phrase_is_not_a_name_go_with_their_records(runner):
    from app.models.name_check import NameConfirmation

    due = child_with_everything(LONG_AGO)
    kept = child_with_everything(NOW - timedelta(days=30))
    by = make_user()

    def confirm(record) -> None:
        db.session.add(NameConfirmation(record_type=type(record).__name__,
                                        record_id=str(record.id), field="question",
                                        field_label="Your question", phrase="Rose Garden",
                                        confirmed_by_id=by.id))

    for child in (due, kept):
        confirm(child)
        confirm(db.session.scalar(select(AdviceRequest).where(AdviceRequest.child_id == child.id)))
        confirm(db.session.scalar(select(TacMeeting).where(TacMeeting.child_id == child.id)))
    db.session.commit()
    runner.invoke(args=["purge"])
    left = db.session.execute(select(NameConfirmation.record_type, NameConfirmation.record_id)
                              ).all()
    assert len(left) == 3
    assert ("ChildRecord", str(kept.id)) in left
    [event] = events("child_record_purged")
    assert "3 confirmations that a phrase is not a name" in event.detail
    assert "Rose Garden" not in event.detail
