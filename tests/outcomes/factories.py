"""Bookings whose consultation has been held, and the outcome form as a browser posts it."""

from datetime import date, datetime, time, timedelta

from app.extensions import db
from app.london import LONDON, to_london
from app.models import AuditEvent, Booking, ConsultationOutcome, Role
from app.models.types import utcnow
from tests.booking.factories import make_accepted_request, make_bookable_session, make_booking
from tests.conftest import make_theme, make_user, sign_in_with

SAM = "sam.okafor@county.example.test"
# Typed as people type: reportlab markup and an ampersand, which must come back verbatim.
BEST_HOPES = "Arriving <b>calmly</b> & ready to learn each morning"
ALREADY_WORKING = "The meet and greet at the side gate"
STRENGTHS = "Loves drawing; a trusted key adult"
ONE_POINT_HIGHER = "Coming into class without a prompt on two days a week"
ACTION = "Share the morning plan with home & the key adult"


def london_day(offset: int = 0) -> date:
    return to_london(utcnow()).date() + timedelta(days=offset)


def on_day(offset: int, hour: int = 14) -> datetime:
    """`hour` o'clock (London) on the day `offset` days from today."""
    return datetime.combine(london_day(offset), time(hour), tzinfo=LONDON)


def make_ep(name="Dr Ada Lane"):
    return make_user(Role.EDUCATIONAL_PSYCHOLOGIST, name=name)


def held_booking(ep, *, day: int = -1, hour: int = 14, advisor=None, school=None) -> Booking:
    """A live booking in `ep`'s one-slot session on the day `day` days from today, with a
    member of the school's staff and Sam the social worker invited."""
    starts = on_day(day, hour)
    session = make_bookable_session(starts, slots=1, ep=ep, advisor=advisor)
    request_ = make_accepted_request(school)
    return make_booking(request_, session.slots[0], now=starts - timedelta(days=40))


def outcome_of(booking: Booking) -> ConsultationOutcome | None:
    return db.session.scalar(db.select(ConsultationOutcome)
                             .where(ConsultationOutcome.booking_id == booking.id))


def form_data(booking: Booking, *, finalise: bool = False, themes=None, **changes) -> dict:
    """A complete outcome as the edit page posts it: everyone invited present, one action,
    a follow-up in a month. `changes` replace or (with None) remove fields."""
    follow_up = to_london(booking.slot.starts_at).date() + timedelta(days=30)
    due = to_london(booking.slot.starts_at).date() + timedelta(days=14)
    themes = themes if themes is not None else [theme_named("Attendance")]
    data = {
        "present": [booking.slot.session.educational_psychologist.email,
                    *[each.email for each in booking.live_attendees]],
        "best_hopes": BEST_HOPES, "already_working": ALREADY_WORKING, "strengths": STRENGTHS,
        "scale_now": "4", "one_point_higher": ONE_POINT_HIGHER,
        "actions-0-what": ACTION, "actions-0-who_role": "SENCO",
        "actions-0-who_name": "Ms Rivers", "actions-0-due_on": _date(due),
        "actions-1-what": "", "actions-1-who_role": "", "actions-1-who_name": "",
        "actions-1-due_on": ["", "", ""],
        "extra-0-name": "", "extra-0-job_role": "", "extra-0-email": "",
        "themes": [str(theme.id) for theme in themes],
        "next_step": "follow_up", "follow_up_on": _date(follow_up),
    }
    data["finalise" if finalise else "save_draft"] = "y"
    for name, value in changes.items():
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value
    return data


def theme_named(name: str):
    from app.models import Theme

    return db.session.scalar(db.select(Theme).filter_by(name=name)) or make_theme(name)


def _date(day: date) -> list[str]:
    return [str(day.day), str(day.month), str(day.year)]


def sign_in_as(client, user) -> None:
    """Switch the client to an existing user."""
    client.post("/sign-out")
    response = sign_in_with(client, user)
    assert response.status_code == 302, response.text


def audit_actions(action: str) -> list[AuditEvent]:
    return list(db.session.scalars(db.select(AuditEvent).where(AuditEvent.action == action)
                                   .order_by(AuditEvent.id)))
