"""The flask commands: demo-data and create-user."""

from app.extensions import db
from app.models import OutboxMessage, Phase, Role, School, User
from tests.conftest import make_school


def test_demo_data_has_a_dozen_schools_of_each_phase_and_every_role(runner):
    result = runner.invoke(args=["demo-data"])
    assert result.exit_code == 0, result.output
    assert "admin@convene.test" in result.output
    for phase in Phase:
        count = db.session.scalar(db.select(db.func.count()).where(School.phase == phase))
        assert count == 12, phase
    roles = set(db.session.scalars(db.select(User.role)))
    assert roles == set(Role)


def test_demo_data_twice_changes_nothing(runner):
    runner.invoke(args=["demo-data"])
    counts = (db.session.scalar(db.select(db.func.count(School.id))),
              db.session.scalar(db.select(db.func.count(User.id))))
    result = runner.invoke(args=["demo-data"])
    assert result.exit_code == 0
    assert counts == (db.session.scalar(db.select(db.func.count(School.id))),
                      db.session.scalar(db.select(db.func.count(User.id))))


def test_demo_data_is_refused_in_production(app, runner):
    app.config["ENV_NAME"] = "production"
    result = runner.invoke(args=["demo-data"])
    assert result.exit_code != 0
    assert "refused in production" in result.output
    assert db.session.scalar(db.select(db.func.count(School.id))) == 0


def test_demo_users_can_sign_in(runner, client):
    from app.demo import DEMO_PASSWORD

    runner.invoke(args=["demo-data"])
    response = client.post("/sign-in", data={"email": "senco@convene.test",
                                             "password": DEMO_PASSWORD})
    assert response.status_code == 302


def test_demo_vs_staff_and_ep_sign_in_with_the_printed_key_or_demo_code(runner, client):
    from app.demo import DEMO_PASSWORD, DEMO_TOTP_SECRET

    printed = runner.invoke(args=["demo-data"]).output
    assert DEMO_TOTP_SECRET in printed and "flask --app wsgi demo-code EMAIL" in printed
    for email in ("admin@convene.test", "advisor@convene.test", "ep@convene.test"):
        assert f"{email}" in printed
        response = client.post("/sign-in", data={"email": email, "password": DEMO_PASSWORD})
        assert response.location == "/sign-in/code", email
        code = runner.invoke(args=["demo-code", email.upper()])
        assert code.exit_code == 0, code.output
        assert client.post("/sign-in/code", data={"code": code.output.strip()}).location == "/"
        assert client.get("/").status_code == 200
        client.post("/sign-out")
    # Signed in again at once: the command gives the next code, not the one just used.
    client.post("/sign-in", data={"email": "ep@convene.test", "password": DEMO_PASSWORD})
    code = runner.invoke(args=["demo-code", "ep@convene.test"]).output.strip()
    assert client.post("/sign-in/code", data={"code": code}).location == "/"


def test_demo_code_is_only_for_the_demo_key_and_never_in_production(app, runner):
    runner.invoke(args=["demo-data"])
    staff = runner.invoke(args=["demo-code", "senco@convene.test"])
    assert staff.exit_code != 0 and "does not sign in with the demo's" in staff.output
    app.config["ENV_NAME"] = "production"
    refused = runner.invoke(args=["demo-code", "admin@convene.test"])
    assert refused.exit_code != 0 and "refused in production" in refused.output


def test_create_user_with_password(runner, client):
    result = runner.invoke(args=["create-user", "--email", "Head@Example.test", "--name",
                                 "Jo Head", "--role", "vs_admin",
                                 "--password", "a long enough password"])
    assert result.exit_code == 0, result.output
    user = db.session.scalar(db.select(User).filter_by(email="head@example.test"))
    assert user.role == Role.VS_ADMIN
    response = client.post("/sign-in", data={"email": "head@example.test",
                                             "password": "a long enough password"})
    assert response.status_code == 302


def test_create_user_without_password_prints_a_working_link(runner, client):
    school = make_school(urn="123456")
    result = runner.invoke(args=["create-user", "--email", "senco@example.test", "--name",
                                 "Sam Senco", "--role", "school_staff", "--school-urn", "123456"])
    assert result.exit_code == 0, result.output
    link = result.output.split("Set a password at: ")[1].strip()
    path = link.split("://", 1)[1].split("/", 1)[1]
    assert client.get("/" + path).status_code == 200
    user = db.session.scalar(db.select(User).filter_by(email="senco@example.test"))
    assert user.school_id == school.id


def test_create_user_refuses_school_staff_without_a_school(runner):
    result = runner.invoke(args=["create-user", "--email", "x@example.test", "--name", "X",
                                 "--role", "school_staff", "--password", "a long enough pass"])
    assert result.exit_code != 0
    assert "--school-urn" in result.output
    assert db.session.scalar(db.select(db.func.count(User.id))) == 0


def test_demo_data_publishes_sessions_ahead_and_books_one_with_the_social_worker(app, runner):
    from app.models import AdviceRequest, Booking, ConsultationSession, RequestStatus, Slot
    from app.models.types import utcnow
    from tests.conftest import make_theme

    for n in range(4):
        make_theme(f"Demo theme {n}")
    runner.invoke(args=["demo-data"])
    runner.invoke(args=["demo-data"])
    now = utcnow()
    sessions = db.session.scalars(db.select(ConsultationSession).where(
        ConsultationSession.starts_at > now)).all()
    assert len(sessions) == 6 and all(len(each.slots) == 3 for each in sessions)
    booking = db.session.scalar(db.select(Booking).join(Booking.slot)
                                .where(Slot.starts_at > now))
    assert [each.email for each in booking.attendees] == [
        "senco@convene.test", "socialworker@convene.test"]
    assert booking.request.status == RequestStatus.BOOKED
    assert booking.id == 1 and booking.reference.endswith("-0001")
    assert db.session.scalar(db.select(db.func.count(Booking.id)).join(Booking.slot)
                             .where(Slot.starts_at > now)) == 1
    waiting = db.session.scalars(db.select(AdviceRequest).filter_by(
        status=RequestStatus.ACCEPTED)).all()
    assert len(waiting) == 1  # one accepted request left for the demo SENCO to book


def _demo_data_with_themes(runner):
    from tests.conftest import make_theme

    for n in range(4):
        make_theme(f"Demo theme {n}")
    result = runner.invoke(args=["demo-data"])
    assert result.exit_code == 0, result.output


def test_demo_data_has_a_consultation_held_a_week_ago_awaiting_its_outcome(app, runner):
    from app.london import to_london
    from app.models import (
        AttendeeKind,
        Booking,
        ChildRecord,
        Cohort,
        ConsultationOutcome,
        RequestStatus,
    )
    from app.models.types import utcnow

    _demo_data_with_themes(runner)
    runner.invoke(args=["demo-data"])
    child = db.session.scalar(db.select(ChildRecord).filter_by(reference="C-5KQ8ZD"))
    assert child.cohort == Cohort.CHILD_IN_CARE
    senco = db.session.scalar(db.select(User).filter_by(email="senco@convene.test"))
    assert child.school_id == senco.school_id
    past = db.session.scalars(db.select(Booking).join(Booking.request)
                              .filter_by(child_id=child.id)).all()
    assert len(past) == 1  # twice run, once made
    booking = past[0]
    session = booking.slot.session
    today = to_london(utcnow()).date()
    assert (today - to_london(booking.slot.starts_at).date()).days == 7
    assert session.educational_psychologist.email == "ep@convene.test"
    assert session.advisor.email == "advisor@convene.test"
    assert booking.is_live and booking.reference.endswith("-0002")
    assert booking.uid.endswith("@convene")
    assert [(each.email, each.kind) for each in booking.attendees] == [
        ("senco@convene.test", AttendeeKind.SCHOOL_STAFF),
        ("socialworker@convene.test", AttendeeKind.SOCIAL_WORKER)]
    assert booking.request.status == RequestStatus.BOOKED
    assert db.session.scalar(db.select(db.func.count(ConsultationOutcome.id))) == 0
    # Made directly, as it was booked before it happened: no invites queued for it now.
    assert all(booking.reference not in (row.subject or "")
               for row in db.session.scalars(db.select(OutboxMessage)))


def test_demo_data_has_a_tac_meeting_held_three_days_ago_to_write_up(app, runner):
    from app.london import to_london
    from app.models import TacMeeting, TacStatus
    from app.models.types import utcnow

    runner.invoke(args=["demo-data"])
    runner.invoke(args=["demo-data"])
    meetings = db.session.scalars(db.select(TacMeeting)).all()
    assert len(meetings) == 1
    meeting = meetings[0]
    assert meeting.child.reference == "C-7F3K2Q"
    assert meeting.school_id == meeting.child.school_id
    assert meeting.status == TacStatus.SCHEDULED  # not yet written up
    assert meeting.reference.startswith("TAC-") and meeting.reference.endswith("-0001")
    today = to_london(utcnow()).date()
    assert (today - to_london(meeting.starts_at).date()).days == 3
    assert meeting.ends_at > meeting.starts_at
    assert "senco@convene.test" in [each.email for each in meeting.attendees]
    assert meeting.actions == []


def test_reset_two_factor_from_the_command_line_for_a_locked_out_admin(runner):
    from app.models import AuditEvent
    from app.services import two_factor
    from tests.conftest import make_user, set_up_two_factor

    admin = make_user(Role.VS_ADMIN)
    set_up_two_factor(admin)
    result = runner.invoke(args=["reset-two-factor", "--email", admin.email])
    assert result.exit_code == 0, result.output
    assert "they set it up again at their next sign-in" in result.output
    assert not two_factor.is_set_up(admin)
    event = db.session.scalar(db.select(AuditEvent).filter_by(action="two_factor_reset"))
    assert event.detail == "From the command line"
    assert runner.invoke(args=["reset-two-factor", "--email", "no@one.test"]).exit_code != 0
