"""Sessions, slots, accepted requests and bookings for the booking tests."""

import itertools
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


# Rules, the outbox and full sessions (the service tests) -------------------------------------

def set_rules(**changes):
    """Save the booking rules with `changes` made, as the VS admin's settings page does."""
    import dataclasses

    from app.services.booking_rules import current_rules, save_rules

    rules = dataclasses.replace(current_rules(), **changes)
    save_rules(rules, by_id=None)
    db.session.commit()
    return rules


def outbox_rows(kind: str | None = None):
    """The outbox's messages in the order they were queued, of one kind or (None) all."""
    from app.models import OutboxMessage

    stmt = db.select(OutboxMessage).order_by(OutboxMessage.id)
    if kind is not None:
        stmt = stmt.where(OutboxMessage.kind == kind)
    return list(db.session.scalars(stmt))


def parse_email(row):
    """An outbox row's message, read back with the standard email package."""
    import email
    from email import policy

    return email.message_from_bytes(row.message, policy=policy.default)


def make_full_session(starts_at: datetime = FUTURE, slots: int = 1, *, now=None, **fields):
    """A session whose every slot is booked (each for a request of its own school).
    Returns (session, bookings)."""
    session = make_bookable_session(starts_at, slots, **fields)
    made = [make_booking(slot=slot, now=now) for slot in session.slots]
    return session, made


# What must never leave Convene in an email or a calendar file: distinctive, so that a search
# of every message finds them if they leak (and no commas, which iCalendar escapes).
TELLTALES = {
    "initials": "QJX",
    "reference": "C-Q7ZW",  # each child's reference starts so: C-Q7ZW00, C-Q7ZW01...
    "school_note": "MIS kestrel-88412",
    "question": "How can we help with the marmalade-window routine each morning?",
    "tried": "A periwinkle-room quiet start for six weeks.",
}


_telltale_children = itertools.count()


def make_telltale_request(school=None, *, by=None):
    """An accepted request about a child with the TELLTALES details."""
    from app.models import Route

    n = next(_telltale_children)
    reference = TELLTALES["reference"] + "0123456789ABCDEFGHJKMNPQRSTVWXYZ"[n // 32 % 32] + \
        "0123456789ABCDEFGHJKMNPQRSTVWXYZ"[n % 32]
    child = make_child(school, initials=TELLTALES["initials"], reference=reference,
                       school_note=TELLTALES["school_note"])
    by = by or make_user(Role.SCHOOL_STAFF, school=child.school)
    request_ = make_request(child, by=by, question=TELLTALES["question"],
                            tried=TELLTALES["tried"])
    request_workflow.accept(request_, Route.CONSULTATION, by=make_user(Role.VS_ADMIN))
    db.session.commit()
    return request_


def assert_no_child_detail(raw: bytes) -> None:
    """Nothing about the child in a whole message: its raw bytes, and every part decoded
    (a base64 or quoted-printable part hides its text from a search of the bytes)."""
    import email
    import re
    from email import policy

    texts = [raw.decode("utf-8", "replace")]
    message = email.message_from_bytes(raw, policy=policy.default)
    texts += [f"{name}: {value}" for name, value in message.items()]
    for part in message.walk():
        if not part.is_multipart():
            payload = part.get_payload(decode=True) or b""
            texts.append(payload.decode("utf-8", "replace"))
    # Unfolded: iCalendar and email fold long lines, which may split a value in two.
    texts = [re.sub(r"\r?\n[ \t]", "", text) for text in texts]
    for name, value in TELLTALES.items():
        # Initials are short: only as a word of their own (base64 may hold any 3 letters).
        pattern = rf"\b{re.escape(value)}\b" if name == "initials" else re.escape(value)
        for text in texts[1:] if name == "initials" else texts:
            assert not re.search(pattern, text), f"the child's {name} is in an email"
