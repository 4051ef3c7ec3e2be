"""Sessions, slots, accepted requests and bookings for the booking tests."""

from datetime import UTC, datetime, timedelta

from app.extensions import db
from app.models import AttendeeKind, ConsultationSession, Role, Route, Slot
from app.services import bookings, request_workflow
from tests.conftest import make_child, make_request, make_user

# A Wednesday far enough ahead for any notice rule; 2pm London is 2pm UTC in November.
FUTURE = datetime(2027, 11, 17, 14, tzinfo=UTC)


def utc(*parts) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def make_bookable_session(starts_at: datetime = FUTURE, slots: int = 3, *, ep=None,
                          advisor=None, **fields) -> ConsultationSession:
    """A published session of `slots` 50-minute slots, 10 minutes apart."""
    ep = ep or make_user(Role.EDUCATIONAL_PSYCHOLOGIST, name="Dr Ada Lane")
    values = {"starts_at": starts_at, "ends_at": starts_at + timedelta(hours=slots),
              "mode": "online", "meeting_url": "https://teams.example.test/meet/123",
              "educational_psychologist_id": ep.id,
              "advisor_id": advisor.id if advisor else None,
              "slot_minutes": 50, "gap_minutes": 10, "created_by_id": ep.id}
    values.update(fields)
    session = ConsultationSession(**values)
    session.slots = [Slot(starts_at=starts_at + timedelta(hours=n),
                          ends_at=starts_at + timedelta(hours=n, minutes=50), position=n + 1)
                     for n in range(slots)]
    db.session.add(session)
    db.session.commit()
    return session


def make_accepted_request(school=None, *, by=None, **fields):
    """A request the Virtual School has accepted for a consultation: ready to book."""
    child = make_child(school) if school is not None else make_child()
    by = by or make_user(Role.SCHOOL_STAFF, school=child.school)
    request_ = make_request(child, by=by, **fields)
    admin = make_user(Role.VS_ADMIN)
    request_workflow.accept(request_, Route.CONSULTATION, by=admin)
    db.session.commit()
    return request_


def social_worker(name="Sam Okafor", email="sam.okafor@county.example.test"):
    return bookings.AttendeeDetails(AttendeeKind.SOCIAL_WORKER, name, "Social worker", email)


def staff_attendee(user):
    return bookings.AttendeeDetails(AttendeeKind.SCHOOL_STAFF, user.name,
                                    user.job_title or "School staff", user.email, user.id)


def make_booking(request_=None, slot=None, *, attendees=None, now=None):
    request_ = request_ or make_accepted_request()
    slot = slot or make_bookable_session().slots[0]
    by = request_.created_by
    booking = bookings.book(request_, slot, attendees or [staff_attendee(by), social_worker()],
                            by, now=now)
    db.session.commit()
    return booking
