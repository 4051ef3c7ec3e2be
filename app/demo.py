"""Demo data: one local authority, a dozen schools of each phase, and a user of every role."""

from dataclasses import dataclass
from datetime import date

from app.extensions import db
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

DEMO_PASSWORD = "demo-convene-2026"
LOCAL_AUTHORITY = "Convene County Council"

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
]


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
    db.session.commit()
    return DEMO_USERS
