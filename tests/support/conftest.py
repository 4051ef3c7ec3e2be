"""Fixtures for the TAC meeting and action tracker tests: a fixed clock, a signed-in member
of staff with a child record, and reading the invites the outbox holds."""

import email
from datetime import UTC, date, datetime
from email import policy

import pytest
from icalendar import Calendar

from app.extensions import db
from app.models import Action, OutboxMessage, Role, TacAttendee, TacMeeting, TacStatus
from app.support import clock
from tests.conftest import make_child, make_user

# Wednesday 10 March 2027, 10am: London is on GMT, so London time is UTC time.
NOW = datetime(2027, 3, 10, 10, tzinfo=UTC)
TODAY = date(2027, 3, 10)
HTMX = {"HX-Request": "true"}


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch):
    """The support area's clock stands at NOW; a test may move it with set_now."""
    moment = {"now": NOW}
    monkeypatch.setattr(clock, "now", lambda: moment["now"])

    def set_now(value: datetime) -> None:
        moment["now"] = value

    return set_now


@pytest.fixture
def staff(sign_in):
    return sign_in(Role.SCHOOL_STAFF, name="Dee Teacher")


@pytest.fixture
def child(staff):
    return make_child(school=staff.school, initials="QX")


def schedule_data(**changes) -> dict:
    """A complete schedule form: Wednesday 16 June 2027, 2pm to 3pm UK time (BST), with two
    attendees with emails and one without."""
    data = {
        "day": ["16", "6", "2027"], "start_time": "2pm", "end_time": "15:00",
        "location": "Meeting room 2", "meeting_url": "",
        "key_adult": "Ms Green, teaching assistant",
        "supportive_adults": "Mr Hall, PE teacher",
        "attendees-0-name": "Dee Teacher", "attendees-0-job_role": "Designated Teacher",
        "attendees-0-agency": "School", "attendees-0-email": "dee@school.example.test",
        "attendees-1-name": "Sam Okafor", "attendees-1-job_role": "Social worker",
        "attendees-1-agency": "Children's social care",
        "attendees-1-email": "Sam.Okafor@county.example.test",
        "attendees-2-name": "Pat Jones", "attendees-2-job_role": "Family support worker",
        "attendees-2-agency": "Early help", "attendees-2-email": "",
        "attendees-3-name": "", "attendees-3-job_role": "", "attendees-3-agency": "",
        "attendees-3-email": "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def make_meeting(child, *, starts_at=datetime(2027, 3, 10, 9, tzinfo=UTC), minutes=60,
                 status=TacStatus.SCHEDULED, attendees=(), **fields) -> TacMeeting:
    """A meeting straight into the database (no invites): by default this morning's."""
    from datetime import timedelta
    from uuid import uuid4

    from app.models.reference import next_reference

    creator = make_user(Role.SCHOOL_STAFF, school=child.school)
    meeting = TacMeeting(
        reference=next_reference("TAC", starts_at.year), child_id=child.id,
        school_id=child.school_id, status=status, starts_at=starts_at,
        ends_at=starts_at + timedelta(minutes=minutes), location="Meeting room 2",
        uid=f"{uuid4()}@convene", sequence=0, created_by_id=creator.id,
        attendees=[TacAttendee(name=name, job_role=role, agency=agency, email=address)
                   for name, role, agency, address in attendees], **fields)
    db.session.add(meeting)
    db.session.commit()
    return meeting


def make_action(child, *, meeting=None, due_on=TODAY, done_on=None, what="Check in daily",
                **fields) -> Action:
    meeting = meeting or make_meeting(child, status=TacStatus.HELD)
    action = Action(child_id=child.id, school_id=child.school_id, tac_meeting_id=meeting.id,
                    what=what, who_role=fields.pop("who_role", "SENCO"),
                    who_name=fields.pop("who_name", "Ms Reed"), due_on=due_on,
                    done_on=done_on, **fields)
    db.session.add(action)
    db.session.commit()
    return action


# The outbox -----------------------------------------------------------------------------------

def outbox() -> list[OutboxMessage]:
    return db.session.scalars(db.select(OutboxMessage).order_by(OutboxMessage.id)).all()


def parsed(row: OutboxMessage) -> email.message.EmailMessage:
    return email.message_from_bytes(row.message, policy=policy.default)


def calendar_of(row: OutboxMessage) -> Calendar:
    for part in parsed(row).walk():
        if part.get_content_type() == "text/calendar":
            return Calendar.from_ical(part.get_payload(decode=True))
    raise AssertionError("no text/calendar part")


def event_of(row: OutboxMessage):
    return next(iter(calendar_of(row).walk("VEVENT")))


def readable(row: OutboxMessage) -> str:
    """Everything in the email a person or a program could read."""
    message = parsed(row)
    headers = "\n".join(f"{name}: {value}" for name, value in message.items())
    bodies = [part.get_payload(decode=True).decode("utf-8") for part in message.walk()
              if not part.is_multipart()]
    return headers + "\n" + "\n".join(bodies)
