"""The flask commands: demo-data and create-user."""

from app.extensions import db
from app.models import Phase, Role, School, User
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
    from app.models import AdviceRequest, Booking, ConsultationSession, RequestStatus
    from tests.conftest import make_theme

    for n in range(4):
        make_theme(f"Demo theme {n}")
    runner.invoke(args=["demo-data"])
    runner.invoke(args=["demo-data"])
    sessions = db.session.scalars(db.select(ConsultationSession)).all()
    assert len(sessions) == 6 and all(len(each.slots) == 3 for each in sessions)
    booking = db.session.scalar(db.select(Booking))
    assert [each.email for each in booking.attendees] == [
        "senco@convene.test", "socialworker@convene.test"]
    assert booking.request.status == RequestStatus.BOOKED
    assert db.session.scalar(db.select(db.func.count(Booking.id))) == 1
    waiting = db.session.scalars(db.select(AdviceRequest).filter_by(
        status=RequestStatus.ACCEPTED)).all()
    assert len(waiting) == 1  # one accepted request left for the demo SENCO to book
