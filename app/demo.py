"""Demo data: one local authority, a dozen schools of each phase, and a user of every role."""

from dataclasses import dataclass

from app.extensions import db
from app.models import Phase, Role, School, User
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
    db.session.commit()
    return DEMO_USERS
