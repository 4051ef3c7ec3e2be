"""Requests, consultations, outcomes and actions with chosen dates, made directly (not
through the services, which stamp the present) for the dashboard's hand-computed figures."""

import itertools
import uuid
from datetime import UTC, date, datetime, timedelta

from app.extensions import db
from app.models import (
    Action,
    AdviceRequest,
    Booking,
    BookingStatus,
    ChildRecord,
    Cohort,
    ConsultationOutcome,
    ConsultationSession,
    Indicator,
    NextStep,
    OutcomeStatus,
    RequestStatus,
    Role,
    SenStatus,
    Slot,
    User,
    YearGroup,
)
from tests.conftest import make_user

_numbers = itertools.count(1)

# What must never appear in an export: the child's initials, reference, the school's note and
# the request's free text.
SECRET_INITIALS = "QJX"
SECRET_NOTE = "MIS kestrel-88412"
SECRET_QUESTION = "How can we help with the marmalade-window routine?"
SECRET_TRIED = "A periwinkle-room quiet start."


def utc(*parts) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def _first_user(role: Role, **where):
    return db.session.scalar(db.select(User).filter_by(role=role, **where).limit(1))


def staff_of(school):
    return _first_user(Role.SCHOOL_STAFF, school_id=school.id) \
        or make_user(Role.SCHOOL_STAFF, school=school)


def make_child_record(school, *, cohort=Cohort.CHILD_IN_NEED, year_group=YearGroup.YEAR_3,
                      sen_status=SenStatus.SEN_SUPPORT) -> ChildRecord:
    n = next(_numbers)
    child = ChildRecord(school=school, initials=SECRET_INITIALS, year_group=year_group,
                        cohort=cohort, sen_status=sen_status, school_note=SECRET_NOTE,
                        reference=f"C-QZ{n:04d}")
    db.session.add(child)
    return child


def make_sent_request(school, submitted_at: datetime | None, *, child=None, themes=(),
                      indicators=(Indicator.ATTENDANCE,), status=RequestStatus.SUBMITTED,
                      **child_fields) -> AdviceRequest:
    """A request as sent on `submitted_at` (a draft when status is DRAFT)."""
    child = child or make_child_record(school, **child_fields)
    n = next(_numbers)
    request_ = AdviceRequest(
        school_id=school.id, child=child, created_by_id=staff_of(school).id,
        themes=list(themes), indicators=list(indicators), status=status,
        reference=None if status == RequestStatus.DRAFT else f"AR-T-{n:05d}",
        submitted_at=None if status == RequestStatus.DRAFT else submitted_at,
        tried=SECRET_TRIED, question=SECRET_QUESTION)
    db.session.add(request_)
    return request_


def make_requests(count: int, school, submitted_at: datetime, **fields) -> list[AdviceRequest]:
    return [make_sent_request(school, submitted_at, **fields) for _ in range(count)]


def ep():
    return _first_user(Role.EDUCATIONAL_PSYCHOLOGIST) or make_user(Role.EDUCATIONAL_PSYCHOLOGIST)


def make_consultation(request_: AdviceRequest, starts_at: datetime, *,
                      status=BookingStatus.BOOKED) -> Booking:
    """A booking of a one-slot session starting at `starts_at`."""
    psychologist = ep()
    session = ConsultationSession(
        starts_at=starts_at, ends_at=starts_at + timedelta(hours=1), mode="online",
        meeting_url="https://teams.example.test/meet/1",
        educational_psychologist_id=psychologist.id, slot_minutes=50, gap_minutes=10,
        created_by_id=psychologist.id)
    session.slots = [Slot(starts_at=starts_at, ends_at=starts_at + timedelta(minutes=50),
                          position=1)]
    db.session.add(session)
    n = next(_numbers)
    booking = Booking(reference=f"SFC-T-{n:05d}", uid=f"{uuid.uuid4()}@test", sequence=0,
                      status=status, slot=session.slots[0], request=request_,
                      school_id=request_.school_id,
                      booked_by_id=request_.created_by_id)
    db.session.add(booking)
    return booking


def make_outcome(booking: Booking, finalised_at: datetime | None, *, scale=None,
                 next_step=NextStep.CLOSE, social_worker_attended=False,
                 follow_up_on: date | None = None, themes=()) -> ConsultationOutcome:
    """A finalised outcome (a draft when finalised_at is None)."""
    db.session.flush()
    outcome = ConsultationOutcome(
        booking_id=booking.id, request_id=booking.request_id,
        child_id=booking.request.child_id, school_id=booking.school_id,
        status=OutcomeStatus.DRAFT if finalised_at is None else OutcomeStatus.FINAL,
        finalised_at=finalised_at, scale_now=scale, next_step=next_step,
        follow_up_on=follow_up_on, social_worker_attended=social_worker_attended,
        recorded_by_id=ep().id, best_hopes=SECRET_QUESTION, themes=list(themes))
    db.session.add(outcome)
    return outcome


def make_action(outcome: ConsultationOutcome, created_at: datetime, due_on: date,
                done_on: date | None = None) -> Action:
    db.session.flush()
    action = Action(child_id=outcome.child_id, school_id=outcome.school_id,
                    outcome_id=outcome.id, what="=HYPERLINK(\"http://evil\")",
                    who_role="SENCO", who_name="Ms Rivers", due_on=due_on, done_on=done_on,
                    created_at=created_at)
    db.session.add(action)
    return action


def followed_up(school, first_scale, second_scale, first_at: datetime, second_at: datetime,
                **outcome_fields):
    """A child's consultation with a follow-up as its next step, and the follow-up: two
    requests, two bookings, two finalised outcomes. Returns (first, second) outcomes."""
    child = make_child_record(school)
    first_request = make_sent_request(school, first_at - timedelta(days=30), child=child)
    second_request = make_sent_request(school, second_at - timedelta(days=30), child=child)
    first = make_outcome(make_consultation(first_request, first_at - timedelta(days=2)),
                         first_at, scale=first_scale, next_step=NextStep.FOLLOW_UP,
                         **outcome_fields)
    second = make_outcome(make_consultation(second_request, second_at - timedelta(days=2)),
                          second_at, scale=second_scale, **outcome_fields)
    return first, second
