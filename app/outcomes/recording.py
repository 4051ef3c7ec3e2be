"""Recording a consultation's outcome: the draft, finalising it, amendments, and sending the
summary. Each function changes the caller's transaction; the caller commits once, or rolls
back on OutcomeRefused and nothing is half-saved."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import contains_eager, joinedload

from app.extensions import db
from app.london import LONDON, to_london
from app.models import (
    Action,
    AdviceRequest,
    Booking,
    BookingStatus,
    ConsultationOutcome,
    ConsultationSession,
    NextStep,
    OutcomeAmendment,
    OutcomeAttendee,
    OutcomeStatus,
    RequestStatus,
    Slot,
    Theme,
    User,
)
from app.models.booking import AttendeeKind
from app.models.types import utcnow
from app.outcomes.access import outcome_of
from app.services import audit, outbox, request_workflow
from app.services.bookings import recipients


class OutcomeRefused(Exception):
    """The change cannot be made; the message is for the person trying."""


@dataclass(frozen=True)
class Person:
    """Someone at a consultation: on the invite, or added by the EP."""

    name: str
    job_role: str
    email: str | None = None
    is_social_worker: bool = False


@dataclass(frozen=True)
class ActionDetails:
    what: str
    who_role: str
    who_name: str
    due_on: date


@dataclass
class OutcomeDetails:
    """What the EP recorded, as plain values."""

    present: list[str] = field(default_factory=list)  # emails of the invited who attended
    extra: list[Person] = field(default_factory=list)
    best_hopes: str | None = None
    already_working: str | None = None
    strengths: str | None = None
    scale_now: int | None = None
    one_point_higher: str | None = None
    actions: list[ActionDetails] = field(default_factory=list)
    theme_ids: list[int] = field(default_factory=list)
    next_step: NextStep | None = None
    follow_up_on: date | None = None


# Who was invited ------------------------------------------------------------------------------

def invited_people(booking: Booking) -> list[Person]:
    """The EP, the advisor and each live attendee, each once (by email address)."""
    session = booking.slot.session
    people = [Person(session.educational_psychologist.name, "Educational psychologist",
                     session.educational_psychologist.email.lower())]
    if session.advisor is not None:
        people.append(Person(session.advisor.name, "Virtual School advisor",
                             session.advisor.email.lower()))
    people += [Person(each.name, each.job_role, each.email,
                      each.kind == AttendeeKind.SOCIAL_WORKER)
               for each in booking.live_attendees]
    seen, unique = set(), []
    for person in people:
        if person.email not in seen:
            seen.add(person.email)
            unique.append(person)
    return unique


def split_attendees(booking: Booking, outcome: ConsultationOutcome | None
                    ) -> tuple[list[str], list[OutcomeAttendee]]:
    """A saved outcome's attendees as the form shows them: the emails of the invited people
    who attended, and everyone else."""
    if outcome is None:
        return [person.email for person in invited_people(booking)], []
    invited = {person.email for person in invited_people(booking)}
    present = [each.email for each in outcome.attendees if each.email in invited]
    others = [each for each in outcome.attendees if each.email not in invited]
    return present, others


# Recording ------------------------------------------------------------------------------------

def save(booking: Booking, details: OutcomeDetails, by: User, *, finalise: bool = False,
         now: datetime | None = None) -> ConsultationOutcome:
    """Save the draft (creating it on the first save), and finalise it if asked."""
    now = now or utcnow()
    if not booking.is_live:
        raise OutcomeRefused(f"{booking.reference} was cancelled, so it has no outcome")
    outcome = outcome_of(booking, for_update=True) or _new_outcome(booking, by, now)
    if outcome.is_final:
        raise OutcomeRefused(f"The outcome of {booking.reference} is finalised, so it cannot "
                             "be changed. Add an amendment instead")
    _apply(outcome, booking, details)
    if finalise:
        missing = missing_for_final(outcome)
        if missing:
            raise OutcomeRefused(missing[0])
        outcome.status, outcome.finalised_at = OutcomeStatus.FINAL, now
        if booking.request.status == RequestStatus.BOOKED:
            request_workflow.move(booking.request, RequestStatus.CONSULTED, by,
                                  note=f"Outcome of {booking.reference} recorded")
        audit.record("outcome_finalised", outcome, actor=by, detail=booking.reference,
                     reference=booking.reference)
    else:
        audit.record("outcome_draft_saved", outcome, actor=by, detail=booking.reference,
                     reference=booking.reference)
    return outcome


def missing_for_final(outcome: ConsultationOutcome) -> list[str]:
    missing = []
    if not (outcome.best_hopes or "").strip():
        missing.append("Enter the best hopes")
    if outcome.scale_now is None:
        missing.append("Select where things are now, from 0 to 10")
    if outcome.next_step is None:
        missing.append("Select the recommended next step")
    elif outcome.next_step == NextStep.FOLLOW_UP and outcome.follow_up_on is None:
        missing.append("Enter the date of the follow-up consultation")
    return missing


def amend(outcome: ConsultationOutcome, text: str, by: User,
          now: datetime | None = None) -> OutcomeAmendment:
    """A correction beside the finalised original, which stays as it was."""
    if not outcome.is_final:
        raise OutcomeRefused("A draft is changed by editing it: amendments are for a "
                             "finalised outcome")
    amendment = OutcomeAmendment(text=text, by_id=by.id, by=by, at=now or utcnow())
    outcome.amendments.append(amendment)
    audit.record("outcome_amended", outcome, actor=by, detail=outcome.booking.reference,
                 reference=outcome.booking.reference)
    return amendment


def send_summary(outcome: ConsultationOutcome, by: User,
                 now: datetime | None = None) -> list[Person]:
    """Email everyone invited and everyone recorded as attending (with an email address)
    that the summary is ready. Returns who it went to."""
    from app.outcomes.summary import summary_email

    if not outcome.is_final:
        raise OutcomeRefused("Finalise the outcome before sending its summary")
    now = now or utcnow()
    again = outcome.summary_sent_at is not None
    people = summary_recipients(outcome)
    for person in people:
        outbox.queue(summary_email(outcome, person), "outcome_summary")
    outcome.summary_sent_at = now
    audit.record("outcome_summary_sent", outcome, actor=by, reference=outcome.booking.reference,
                 detail=f"{outcome.booking.reference}: {'sent again' if again else 'sent'} "
                        f"to {len(people)} {'person' if len(people) == 1 else 'people'}")
    return people


def summary_recipients(outcome: ConsultationOutcome) -> list[Person]:
    invited = [Person(each.name, "", each.email) for each in recipients(outcome.booking)]
    attended = [Person(each.name, each.job_role, each.email)
                for each in outcome.attendees if each.email]
    seen, unique = set(), []
    for person in invited + attended:
        if person.email.lower() not in seen:
            seen.add(person.email.lower())
            unique.append(person)
    return unique


# The EP's list --------------------------------------------------------------------------------

def consultations_held(ep: User, now: datetime | None = None):
    """A select of the live bookings in the EP's sessions from today back, latest first."""
    today = to_london(now or utcnow()).date()
    tomorrow = datetime.combine(today + timedelta(days=1), time(), tzinfo=LONDON)
    return (db.select(Booking).join(Booking.slot).join(Slot.session)
            .where(ConsultationSession.educational_psychologist_id == ep.id,
                   Booking.status == BookingStatus.BOOKED, Slot.starts_at < tomorrow)
            .options(contains_eager(Booking.slot),
                     joinedload(Booking.request).joinedload(AdviceRequest.school))
            .order_by(Slot.starts_at.desc(), Booking.id.desc()))


def outcomes_for(bookings: Iterable[Booking]) -> dict[int, ConsultationOutcome]:
    ids = [booking.id for booking in bookings]
    if not ids:
        return {}
    rows = db.session.scalars(db.select(ConsultationOutcome)
                              .where(ConsultationOutcome.booking_id.in_(ids)))
    return {outcome.booking_id: outcome for outcome in rows}


# Small parts ----------------------------------------------------------------------------------

def _new_outcome(booking: Booking, by: User, now: datetime) -> ConsultationOutcome:
    """The draft, created on the first save. Two first saves at once: the unique booking_id
    keeps one, and the other carries on with it."""
    outcome = ConsultationOutcome(
        booking=booking, booking_id=booking.id, request_id=booking.request_id,
        child_id=booking.request.child_id, school_id=booking.school_id,
        status=OutcomeStatus.DRAFT, recorded_by_id=by.id, created_at=now, updated_at=now)
    try:
        with db.session.begin_nested():
            db.session.add(outcome)
    except IntegrityError:
        existing = outcome_of(booking, for_update=True)
        if existing is None:
            raise
        return existing
    return outcome


def _apply(outcome: ConsultationOutcome, booking: Booking, details: OutcomeDetails) -> None:
    present = set(details.present)
    people = [person for person in invited_people(booking) if person.email in present]
    people += details.extra
    outcome.attendees = [OutcomeAttendee(name=person.name, job_role=person.job_role,
                                         email=person.email.lower() if person.email else None,
                                         is_social_worker=person.is_social_worker)
                         for person in people]
    outcome.social_worker_attended = any(person.is_social_worker for person in people)
    for name in ("best_hopes", "already_working", "strengths", "one_point_higher"):
        setattr(outcome, name, getattr(details, name) or None)
    outcome.scale_now = details.scale_now
    outcome.next_step = details.next_step
    outcome.follow_up_on = details.follow_up_on
    outcome.themes = (list(db.session.scalars(
        db.select(Theme).where(Theme.id.in_(details.theme_ids)).order_by(Theme.position)))
        if details.theme_ids else [])
    _apply_actions(outcome, booking, details.actions)


def _apply_actions(outcome: ConsultationOutcome, booking: Booking,
                   actions: list[ActionDetails]) -> None:
    """Changed in place, row by row, so that an action keeps its identity (and anything the
    tracker knows about it) while the draft is edited."""
    rows = list(outcome.actions)
    for index, details in enumerate(actions):
        if index < len(rows):
            row = rows[index]
        else:
            row = Action(child_id=booking.request.child_id, school_id=booking.school_id)
            outcome.actions.append(row)
        row.what, row.who_role, row.who_name = details.what, details.who_role, details.who_name
        row.due_on = details.due_on
    for row in rows[len(actions):]:
        outcome.actions.remove(row)
