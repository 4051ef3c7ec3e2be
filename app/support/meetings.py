"""Team Around the Child meetings: scheduling them with calendar invites, changing and
cancelling them, and writing them up with the actions agreed.

Invites work as a booking's do (app/services/bookings.py): one UID for the meeting's life,
SEQUENCE raised with every message, each attendee with an email their own copy, queued in
the caller's transaction. The caller commits once, or rolls back on MeetingRefused, so
nothing is half-saved. An invite carries the TAC reference, the time and the place: never
anything about the child.
"""

import dataclasses
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from flask import current_app

from app.extensions import db
from app.links import external_url
from app.london import long_date, time_range, to_london
from app.models import (
    TAC_HEADINGS,
    Action,
    ChildRecord,
    TacAttendee,
    TacMeeting,
    TacStatus,
    User,
)
from app.models.reference import next_reference
from app.services import audit, outbox
from app.services.invite_mail import build_invite_email, invite_text_body
from app.services.invites import Attendee, Invite, Method, detail_lines
from app.support import clock

SUMMARY = "Team Around the Child meeting — {reference}"


class MeetingRefused(Exception):
    """The change cannot be made; the message is for the person trying."""


@dataclass(frozen=True)
class Person:
    """Someone at the meeting. `id` is their row when they were already listed."""

    name: str
    job_role: str
    agency: str
    email: str | None = None
    id: int | None = None


@dataclass(frozen=True)
class Plan:
    """When and where, and who is coming: what the schedule form gives."""

    starts_at: datetime
    ends_at: datetime
    location: str | None
    meeting_url: str | None
    key_adult: str | None
    supportive_adults: str | None
    attendees: tuple[Person, ...]


@dataclass(frozen=True)
class AgreedAction:
    what: str
    who_role: str
    who_name: str
    due_on: date
    id: int | None = None


@dataclass(frozen=True)
class WriteUp:
    """What the notes form gives: who came, the notes under each heading, the actions."""

    attended: tuple[Person, ...]
    key_adult: str | None
    supportive_adults: str | None
    notes: dict[str, str | None]
    actions: tuple[AgreedAction, ...]
    next_review_on: date | None


# Scheduling, changing, cancelling -------------------------------------------------------------

def schedule(child: ChildRecord, plan: Plan, by: User) -> TacMeeting:
    _check_future(plan.starts_at)
    now = clock.now()
    meeting = TacMeeting(
        reference=next_reference("TAC", to_london(now).year), child_id=child.id,
        school_id=child.school_id, status=TacStatus.SCHEDULED, uid=f"{uuid.uuid4()}@convene",
        sequence=0, created_by_id=by.id)
    _apply_plan(meeting, plan)
    meeting.attendees = [_attendee_row(person) for person in plan.attendees]
    db.session.add(meeting)
    db.session.flush()  # the meeting's id, for the link in the invite
    _send(meeting, Method.REQUEST, invitees(meeting))
    audit.record("tac_meeting_scheduled", meeting, actor=by,
                 detail=f"{meeting.reference}: {_when(meeting)}")
    return meeting


def reschedule(meeting: TacMeeting, plan: Plan, by: User) -> bool:
    """Save the changed plan. If the time, the place or who is invited changed, everyone
    invited gets the update (SEQUENCE + 1) and anyone no longer invited a cancellation.
    Returns whether invites were sent."""
    check_schedulable(meeting)
    if (plan.starts_at, plan.ends_at) != (meeting.starts_at, meeting.ends_at):
        _check_future(plan.starts_at)
    before = invitees(meeting)
    place_before = (meeting.starts_at, meeting.ends_at, meeting.location, meeting.meeting_url)
    _apply_plan(meeting, plan)
    _replace_attendees(meeting, plan.attendees)
    db.session.flush()
    after = invitees(meeting)
    place_after = (meeting.starts_at, meeting.ends_at, meeting.location, meeting.meeting_url)
    changed = place_before != place_after or _people(before) != _people(after)
    if changed:
        meeting.sequence += 1
        _send(meeting, Method.REQUEST, after)
        still = {person.email.lower() for person in after}
        for person in before:
            if person.email.lower() not in still:
                _send(meeting, Method.CANCEL, [person], listed=[person])
    audit.record("tac_meeting_changed", meeting, actor=by,
                 detail=f"{meeting.reference}: {_when(meeting)}")
    return changed


def cancel(meeting: TacMeeting, by: User) -> None:
    check_schedulable(meeting)
    meeting.status = TacStatus.CANCELLED
    meeting.sequence += 1
    _send(meeting, Method.CANCEL, invitees(meeting))
    audit.record("tac_meeting_cancelled", meeting, actor=by, detail=meeting.reference)


def check_schedulable(meeting: TacMeeting) -> None:
    if meeting.status != TacStatus.SCHEDULED:
        raise MeetingRefused(f"{meeting.reference} is {meeting.status.label.lower()}, so its "
                             "date, place and attendees can no longer be changed")


# Writing up -----------------------------------------------------------------------------------

def can_write_up(meeting: TacMeeting) -> bool:
    """From the day of the meeting on, unless it was cancelled."""
    return (meeting.status != TacStatus.CANCELLED
            and to_london(meeting.starts_at).date() <= clock.today())


def write_up(meeting: TacMeeting, notes: WriteUp, by: User) -> None:
    """Save the notes, who attended and the actions, and mark the meeting held. An action
    already on the meeting keeps whether it is done; one whose row was cleared is removed."""
    if meeting.status == TacStatus.CANCELLED:
        raise MeetingRefused(f"{meeting.reference} was cancelled, so it cannot be written up")
    if not can_write_up(meeting):
        raise MeetingRefused(f"{meeting.reference} can be written up from "
                             f"{long_date(meeting.starts_at)}, the day it is held")
    first_time = meeting.status == TacStatus.SCHEDULED
    meeting.status = TacStatus.HELD
    meeting.key_adult, meeting.supportive_adults = notes.key_adult, notes.supportive_adults
    for column, _label in TAC_HEADINGS:
        setattr(meeting, column, notes.notes.get(column) or None)
    meeting.next_review_on = notes.next_review_on
    _replace_attendees(meeting, notes.attended, emails=False)
    _replace_actions(meeting, notes.actions)
    audit.record("tac_meeting_written_up" if first_time else "tac_notes_changed", meeting,
                 actor=by, detail=meeting.reference)


def _replace_attendees(meeting: TacMeeting, people: Iterable[Person], *,
                       emails: bool = True) -> None:
    """Keep the rows of people still listed (matched by id), add the new, drop the rest.
    `emails=False`: the form did not show emails (the write-up), so a kept row keeps its."""
    existing = {row.id: row for row in meeting.attendees}
    kept = []
    for person in people:
        row = existing.pop(person.id, None) if person.id is not None else None
        if row is None:
            kept.append(_attendee_row(person))
            continue
        row.name, row.job_role, row.agency = person.name, person.job_role, person.agency
        if emails:
            row.email = person.email.lower() if person.email else None
        kept.append(row)
    meeting.attendees = kept


def _replace_actions(meeting: TacMeeting, actions: Iterable[AgreedAction]) -> None:
    existing = {row.id: row for row in meeting.actions}
    kept = []
    for agreed in actions:
        row = existing.pop(agreed.id, None) if agreed.id is not None else None
        if row is None:
            row = Action(child_id=meeting.child_id, school_id=meeting.school_id)
        row.what, row.who_role, row.who_name = agreed.what, agreed.who_role, agreed.who_name
        row.due_on = agreed.due_on
        kept.append(row)
    meeting.actions = kept


# Invites --------------------------------------------------------------------------------------

def invitees(meeting: TacMeeting) -> list[Attendee]:
    """Everyone listed with an email address, each once."""
    seen, people = set(), []
    for row in meeting.attendees:
        if row.email and row.email.lower() not in seen:
            seen.add(row.email.lower())
            people.append(Attendee(row.name, row.email))
    return people


def invite_for(meeting: TacMeeting, method: Method, attendees: Iterable[Attendee]) -> Invite:
    # The school runs its own TAC meetings: the member of staff who scheduled it organises
    # it, so Accept/Decline and replies reach them, not the Virtual School.
    organiser = db.session.get(User, meeting.created_by_id)
    invite = Invite(
        uid=meeting.uid, sequence=meeting.sequence, method=method,
        summary=SUMMARY.format(reference=meeting.reference),
        starts_at=meeting.starts_at, ends_at=meeting.ends_at, location=meeting.location,
        meeting_url=meeting.meeting_url, organizer_email=organiser.email,
        organizer_name=f"{organiser.name}, {organiser.school.name}",
        attendees=tuple(attendees), dtstamp=clock.now(),
        booking_url=external_url("support.tac_meeting", meeting_id=meeting.id)
        if current_app.config.get("SERVICE_URL") else "")
    # The default description speaks of a consultation; this one of the meeting.
    lines = detail_lines(invite)
    if invite.cancelled:
        lines.insert(0, "This meeting has been cancelled.")
    return dataclasses.replace(invite, description="\n".join(lines))


def _send(meeting: TacMeeting, method: Method, to: list[Attendee],
          listed: list[Attendee] | None = None) -> None:
    """Each person their own copy; the ATTENDEE lines list everyone invited (or `listed`)."""
    if not to:
        return
    invite = invite_for(meeting, method, listed if listed is not None else to)
    kind = "tac_invite_cancel" if method is Method.CANCEL else (
        "tac_invite_update" if meeting.sequence else "tac_invite")
    for person in to:
        message = build_invite_email(invite, person.name, person.email,
                                     current_app.config["MAIL_FROM"],
                                     invite_text_body(invite, person.name, what="meeting"))
        outbox.queue(message, kind)


# Small parts ----------------------------------------------------------------------------------

def _check_future(starts_at: datetime) -> None:
    if starts_at <= clock.now():
        raise MeetingRefused("The meeting must start in the future. Check the date and start "
                             "time")


def _apply_plan(meeting: TacMeeting, plan: Plan) -> None:
    meeting.starts_at, meeting.ends_at = plan.starts_at, plan.ends_at
    meeting.location, meeting.meeting_url = plan.location or None, plan.meeting_url or None
    meeting.key_adult = plan.key_adult or None
    meeting.supportive_adults = plan.supportive_adults or None


def _attendee_row(person: Person) -> TacAttendee:
    return TacAttendee(name=person.name, job_role=person.job_role, agency=person.agency,
                       email=person.email.lower() if person.email else None)


def _people(attendees: list[Attendee]) -> list[tuple[str, str]]:
    return sorted((person.email.lower(), person.name) for person in attendees)


def _when(meeting: TacMeeting) -> str:
    return time_range(meeting.starts_at, meeting.ends_at)
