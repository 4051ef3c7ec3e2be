"""Demo data: one local authority, a dozen schools of each phase, and a user of every role."""

import uuid
from dataclasses import dataclass
from datetime import date, time, timedelta

from app.extensions import db
from app.london import time_range, to_london
from app.models import (
    ChildRecord,
    Cohort,
    Phase,
    Role,
    School,
    SenStatus,
    Theme,
    User,
    YearGroup,
)
from app.services.passwords import hash_password

DEMO_PASSWORD = "demo-convene-2026"  # nosec B105  # the demo's, printed in the README
LOCAL_AUTHORITY = "Convene County Council"
# The demo's Virtual School staff and EP must use two-factor sign-in, with this secret:
# add it to an authenticator app, or run `flask --app wsgi demo-code EMAIL` for a code.
# Never in production: demo data is refused there.
DEMO_TOTP_SECRET = "CONVENEDEMOTWOFACTORSECRETABCDEF"  # nosec B105  # the demo's, printed

_PLACES = [
    "Ashford", "Brookfield", "Castleton", "Dunmore", "Eastwick", "Fairhaven",
    "Greenhill", "Hollybank", "Ivybridge", "Juniper Vale", "Kingsmead", "Larchwood",
]
_PHASE_NAMES = {
    Phase.EARLY_YEARS: "{} Nursery School",
    Phase.PRIMARY: "{} Primary School",
    Phase.SECONDARY: "{} Academy",
    Phase.ALL_THROUGH: "{} All-through School",
    Phase.SPECIAL: "{} Special School",
    Phase.ALTERNATIVE_PROVISION: "{} Learning Centre",
    Phase.POST_16: "{} Sixth Form College",
}


@dataclass(frozen=True)
class DemoUser:
    email: str
    name: str
    role: Role
    job_title: str | None = None
    school_urn: str | None = None


def _urn(phase_index: int, place_index: int) -> str:
    return f"9{phase_index + 1:02d}{place_index + 1:03d}"


DEMO_USERS = [
    DemoUser("admin@convene.test", "Alex Morgan", Role.VS_ADMIN, "Head of Virtual School"),
    DemoUser("advisor@convene.test", "Sam Patel", Role.VS_ADVISOR, "Advisory teacher"),
    DemoUser("ep@convene.test", "Dr Jo Okafor", Role.EDUCATIONAL_PSYCHOLOGIST,
             "Educational psychologist"),
    DemoUser("senco@convene.test", "Chris Lee", Role.SCHOOL_STAFF, "SENCO", _urn(1, 0)),
    DemoUser("dsl@convene.test", "Priya Shah", Role.SCHOOL_STAFF, "DSL", _urn(2, 0)),
    DemoUser("socialworker@convene.test", "Taylor Reid", Role.SOCIAL_WORKER, "Social worker"),
]


_DEMO_CHILDREN = [
    # (reference, initials, year group, cohort, SEN status)
    ("C-7F3K2Q", "AB", YearGroup.YEAR_5, Cohort.CHILD_IN_NEED, SenStatus.SEN_SUPPORT),
    ("C-9HX4MB", "RT", YearGroup.YEAR_3, Cohort.KINSHIP_CARE, SenStatus.NONE),
    ("C-2RWD8N", "MK", YearGroup.YEAR_6, Cohort.CHILD_IN_CARE, SenStatus.EHCP),
    ("C-5KQ8ZD", "JW", YearGroup.YEAR_4, Cohort.CHILD_IN_CARE, SenStatus.SEN_SUPPORT),
]


# The child whose consultation a week ago awaits its outcome, and the child whose TAC
# meeting three days ago awaits its notes.
PAST_CONSULTATION_CHILD = "C-5KQ8ZD"
TAC_MEETING_CHILD = "C-7F3K2Q"


def _load_demo_children(schools: dict[str, School]) -> None:
    """A few pseudonymous child records for the demo SENCO's school."""
    existing = set(db.session.scalars(db.select(ChildRecord.reference)))
    school = schools[DEMO_USERS[3].school_urn]
    for reference, initials, year, cohort, sen in _DEMO_CHILDREN:
        if reference not in existing:
            db.session.add(ChildRecord(reference=reference, school=school, initials=initials,
                                       year_group=year, cohort=cohort, sen_status=sen))


def _load_demo_request(users: dict[str, User]) -> None:
    """One sent advice request, so the Virtual School's queue has something in it.
    Needs the themes the migrations seed; skipped on a database made without them."""
    from app.models import AdviceRequest, ConsentGiver, Indicator, SocialWorker, SupportWanted
    from app.services import request_workflow

    child = db.session.scalar(db.select(ChildRecord).filter_by(reference="C-2RWD8N"))
    themes = db.session.scalars(db.select(Theme).where(Theme.active).order_by(Theme.position)
                                .limit(2)).all()
    already = db.session.scalar(db.select(AdviceRequest.id).filter_by(child_id=child.id))
    if already or not themes:
        return
    senco = users["senco@convene.test"]
    request_ = AdviceRequest(
        school_id=child.school_id, child=child, created_by_id=senco.id, themes=themes,
        indicators=[Indicator.ATTENDANCE, Indicator.WELLBEING], attendance_percent=78,
        tried="A key adult meets the child at the gate each morning, and a quiet space is "
              "available at lunchtime.", tried_for="Since September",
        support_wanted=SupportWanted.CONSULTATION,
        question="How can we help the child settle in the mornings and stay in lessons?",
        social_worker=SocialWorker.ALLOCATED_INVOLVED, consent_given_by=ConsentGiver.CARER,
        consent_date=date(2026, 11, 2), consent_confirmed=True,
        consent_scope="Advice from the Virtual School and a consultation with an "
                      "educational psychologist.",
    )
    db.session.add(request_)
    request_workflow.submit(request_, by=senco)


def _load_demo_sessions(users: dict[str, User], count: int = 6) -> None:
    """A term's worth of fortnightly Tuesday sessions, 2pm to 5pm, three slots each, from a
    fortnight ahead: added only while no published session lies ahead."""
    from app.booking.slots import local_to_utc, slot_times
    from app.models import ConsultationSession, SessionMode, SessionStatus, Slot
    from app.models.types import utcnow

    ahead = db.session.scalar(db.select(ConsultationSession.id).where(
        ConsultationSession.status == SessionStatus.PUBLISHED,
        ConsultationSession.starts_at > utcnow()).limit(1))
    if ahead is not None:
        return
    ep, advisor = users["ep@convene.test"], users["advisor@convene.test"]
    today = date.today()
    first = today + timedelta(days=14 + (1 - today.weekday()) % 7)  # a Tuesday
    for n in range(count):
        day = first + timedelta(weeks=2 * n)
        starts_at, ends_at = local_to_utc(day, time(14)), local_to_utc(day, time(17))
        online = n % 2 == 0
        session = ConsultationSession(
            starts_at=starts_at, ends_at=ends_at,
            mode=SessionMode.ONLINE if online else SessionMode.IN_PERSON,
            meeting_url="https://teams.example.test/convene-sfc" if online else None,
            venue=None if online else "County Hall, Meeting Room 2",
            educational_psychologist_id=ep.id, advisor_id=advisor.id, slot_minutes=50,
            gap_minutes=10, status=SessionStatus.PUBLISHED, created_by_id=ep.id)
        session.slots = [Slot(starts_at=start, ends_at=end, position=position)
                         for position, (start, end)
                         in enumerate(slot_times(day, time(14), time(17), 50, 10), start=1)]
        db.session.add(session)


def _load_demo_booking(users: dict[str, User]) -> None:
    """Two more requests from the demo SENCO, accepted for a consultation: one booked, with
    the demo social worker invited, and one left to book."""
    from app.models import AdviceRequest, AttendeeKind
    from app.models.types import utcnow
    from app.services import bookings
    from app.services.slot_finder import free_slots

    if db.session.scalar(db.select(Theme.id).limit(1)) is None:
        return  # a database made without the migrations' themes cannot send requests
    senco, admin = users["senco@convene.test"], users["admin@convene.test"]
    children = db.session.scalars(db.select(ChildRecord).where(
        ChildRecord.reference.in_(["C-7F3K2Q", "C-9HX4MB"])).order_by(ChildRecord.reference))
    made = [_accepted_request(child, senco, admin) for child in children
            if not db.session.scalar(db.select(AdviceRequest.id).filter_by(child_id=child.id))]
    slots = free_slots(utcnow())
    if len(made) < 2 or not slots:
        return
    social_worker = users["socialworker@convene.test"]
    bookings.book(made[0], slots[0], [
        bookings.AttendeeDetails(AttendeeKind.SCHOOL_STAFF, senco.name, senco.job_title or "",
                                 senco.email, senco.id),
        bookings.AttendeeDetails(AttendeeKind.SOCIAL_WORKER, social_worker.name,
                                 "Social worker", social_worker.email, social_worker.id),
    ], senco)


def _accepted_request(child: ChildRecord, senco: User, admin: User):
    from app.models import (
        AdviceRequest,
        ConsentGiver,
        Indicator,
        Route,
        SocialWorker,
        SupportWanted,
    )
    from app.services import request_workflow

    themes = db.session.scalars(db.select(Theme).where(Theme.active).order_by(Theme.position)
                                .limit(4)).all()[-2:]
    request_ = AdviceRequest(
        school_id=child.school_id, child=child, created_by_id=senco.id, themes=themes,
        indicators=[Indicator.ENGAGEMENT, Indicator.BEHAVIOUR],
        tried="Movement breaks between lessons and a daily check-in with the key adult.",
        tried_for="Half a term", support_wanted=SupportWanted.CONSULTATION,
        question="What could help with the transition between lessons after lunch?",
        social_worker=SocialWorker.ALLOCATED_INVOLVED, consent_given_by=ConsentGiver.PARENT,
        consent_date=date(2026, 11, 9), consent_confirmed=True,
        consent_scope="A consultation with an educational psychologist.")
    db.session.add(request_)
    request_workflow.submit(request_, by=senco)
    request_workflow.accept(request_, Route.CONSULTATION, by=admin)
    db.session.flush()
    return request_


def _load_demo_past_consultation(users: dict[str, User]) -> None:
    """A consultation that has already happened and has no outcome yet, for the demo EP to
    record: a session a week ago (London), run by the demo EP with the demo advisor, with
    C-5KQ8ZD's accepted request booked into its first slot. Booked directly, as a booking
    made before the session would have been (bookings.book() refuses a slot in the past),
    with no invites: the emails would have gone out at the time."""
    from app.booking.slots import local_to_utc, slot_times
    from app.models import (
        AdviceRequest,
        AttendeeKind,
        Booking,
        BookingAttendee,
        BookingStatus,
        ConsultationSession,
        RequestStatus,
        SessionMode,
        SessionStatus,
        Slot,
    )
    from app.models.reference import next_reference
    from app.models.types import utcnow
    from app.services import request_workflow

    if db.session.scalar(db.select(Theme.id).limit(1)) is None:
        return  # a database made without the migrations' themes cannot send requests
    child = db.session.scalar(db.select(ChildRecord).filter_by(reference=PAST_CONSULTATION_CHILD))
    if child is None or db.session.scalar(
            db.select(AdviceRequest.id).filter_by(child_id=child.id)):
        return
    senco, admin = users["senco@convene.test"], users["admin@convene.test"]
    ep, advisor = users["ep@convene.test"], users["advisor@convene.test"]
    social_worker = users["socialworker@convene.test"]
    request_ = _accepted_request(child, senco, admin)

    now = utcnow()
    day = to_london(now).date() - timedelta(days=7)
    session = ConsultationSession(
        starts_at=local_to_utc(day, time(14)), ends_at=local_to_utc(day, time(17)),
        mode=SessionMode.IN_PERSON, venue="County Hall, Meeting Room 2",
        educational_psychologist_id=ep.id, advisor_id=advisor.id, slot_minutes=50,
        gap_minutes=10, status=SessionStatus.PUBLISHED, created_by_id=admin.id,
        created_at=now - timedelta(days=42))
    session.slots = [Slot(starts_at=start, ends_at=end, position=position)
                     for position, (start, end)
                     in enumerate(slot_times(day, time(14), time(17), 50, 10), start=1)]
    db.session.add(session)
    slot = session.slots[0]
    booked_at = slot.starts_at - timedelta(days=14)
    booking = Booking(
        reference=next_reference("SFC", to_london(now).year), uid=f"{uuid.uuid4()}@convene",
        sequence=0, status=BookingStatus.BOOKED, slot=slot, request=request_,
        school_id=request_.school_id, booked_by_id=senco.id, booked_at=booked_at,
        slot_chosen_at=booked_at,
        attendees=[
            BookingAttendee(kind=AttendeeKind.SCHOOL_STAFF, name=senco.name,
                            job_role=senco.job_title or "", email=senco.email.lower(),
                            user_id=senco.id, added_at=booked_at),
            BookingAttendee(kind=AttendeeKind.SOCIAL_WORKER, name=social_worker.name,
                            job_role="Social worker", email=social_worker.email.lower(),
                            user_id=social_worker.id, added_at=booked_at),
        ])
    db.session.add(booking)
    request_workflow.move(request_, RequestStatus.BOOKED, senco,
                          note=f"{booking.reference}: {time_range(slot.starts_at, slot.ends_at)}")


def _load_demo_tac_meeting(users: dict[str, User]) -> None:
    """A Team Around the Child meeting for C-7F3K2Q held three days ago (London) and not yet
    written up, for the demo SENCO to write up. Made directly (meetings.schedule() refuses a
    time in the past), with no invites: they would have gone out at the time."""
    from app.booking.slots import local_to_utc
    from app.models import TacAttendee, TacMeeting, TacStatus
    from app.models.reference import next_reference
    from app.models.types import utcnow

    child = db.session.scalar(db.select(ChildRecord).filter_by(reference=TAC_MEETING_CHILD))
    if child is None or db.session.scalar(
            db.select(TacMeeting.id).filter_by(child_id=child.id).limit(1)):
        return
    senco, social_worker = users["senco@convene.test"], users["socialworker@convene.test"]
    now = utcnow()
    day = to_london(now).date() - timedelta(days=3)
    db.session.add(TacMeeting(
        reference=next_reference("TAC", to_london(now).year), child_id=child.id,
        school_id=child.school_id, status=TacStatus.SCHEDULED,
        starts_at=local_to_utc(day, time(15, 30)), ends_at=local_to_utc(day, time(16, 30)),
        location="School meeting room", uid=f"{uuid.uuid4()}@convene", sequence=0,
        key_adult="Teaching assistant, Mrs Green",
        supportive_adults="Class teacher, Mr Hughes\nLearning mentor, Ms Ward",
        created_by_id=senco.id, created_at=now - timedelta(days=17),
        attendees=[
            TacAttendee(name=senco.name, job_role=senco.job_title or "SENCO", agency="School",
                        email=senco.email.lower()),
            TacAttendee(name=social_worker.name, job_role="Social worker",
                        agency="Children's social care", email=social_worker.email.lower()),
            TacAttendee(name="Mr Hughes", job_role="Class teacher", agency="School"),
        ]))


# Programmes and services schools name that are never anyone's name (the VS admin's list).
DEMO_NEVER_NAMES = ["Let's Talk: We Miss You", "Read Write Inc", "Daisy Chain Project",
                    "Zones of Regulation", "Drawing and Talking", "Lego Therapy"]


def _load_demo_never_names() -> None:
    from app.services import never_names

    for phrase in DEMO_NEVER_NAMES:
        if not never_names.is_listed(phrase):
            never_names.add(phrase, by=None)


def load_demo_data() -> list[DemoUser]:
    """Add what is missing; running it again changes nothing."""
    schools = {s.urn: s for s in db.session.scalars(db.select(School))}
    for phase_index, phase in enumerate(Phase):
        for place_index, place in enumerate(_PLACES):
            urn = _urn(phase_index, place_index)
            if urn not in schools:
                schools[urn] = School(urn=urn, name=_PHASE_NAMES[phase].format(place),
                                      phase=phase, local_authority=LOCAL_AUTHORITY)
                db.session.add(schools[urn])
    db.session.flush()
    existing = set(db.session.scalars(db.select(User.email)))
    for demo in DEMO_USERS:
        if demo.email not in existing:
            db.session.add(User(
                email=demo.email, name=demo.name, role=demo.role, job_title=demo.job_title,
                school=schools[demo.school_urn] if demo.school_urn else None,
                password_hash=hash_password(DEMO_PASSWORD),
            ))
    _load_demo_children(schools)
    db.session.flush()
    users = {u.email: u for u in db.session.scalars(db.select(User))}
    _load_demo_request(users)
    db.session.flush()
    _load_demo_sessions(users)
    _load_demo_booking(users)
    db.session.flush()
    # After the sessions and the booking above, so that their ids and references stay put.
    _load_demo_past_consultation(users)
    _load_demo_tac_meeting(users)
    _load_demo_never_names()
    _load_demo_two_factor(users)
    db.session.commit()
    return DEMO_USERS


def _load_demo_two_factor(users: dict[str, User]) -> None:
    from app.services import two_factor

    for demo in DEMO_USERS:
        if demo.role in two_factor.REQUIRED_FOR:
            two_factor.turn_on_with_secret(users[demo.email], DEMO_TOTP_SECRET)
