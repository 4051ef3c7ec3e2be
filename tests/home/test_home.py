import pytest

from app.models import Role
from tests.conftest import make_school, make_user

HOME_TEXT = {
    Role.VS_ADMIN: "Add people, change their role or school",
    Role.VS_ADVISOR: "Advice requests from schools will appear here",
    Role.EDUCATIONAL_PSYCHOLOGIST: "Run your Solution Focused Consultation sessions",
    Role.SCHOOL_STAFF: "Ask the Virtual School for advice",
    Role.SOCIAL_WORKER: "The consultations you are invited to",
}


@pytest.mark.parametrize("role", list(Role))
def test_each_role_lands_on_its_own_home_page(client, sign_in, role):
    user = sign_in(role, name="Robin Example")
    response = client.get("/")
    assert response.status_code == 200
    assert "Hello, Robin Example" in response.text
    assert HOME_TEXT[role] in response.text
    assert role.label in response.text
    assert user.role == role


def test_navigation_follows_the_role(client, sign_in):
    sign_in(Role.VS_ADMIN)
    page = client.get("/").text
    assert 'href="/admin/users"' in page and 'href="/admin/schools"' in page
    client.post("/sign-out")
    sign_in(Role.SOCIAL_WORKER)
    page = client.get("/").text
    assert 'href="/admin/users"' not in page
    assert "Sign out" in page


def test_school_staff_see_their_own_school(client, sign_in):
    school = make_school(name="Larchwood Primary School")
    make_user(Role.SCHOOL_STAFF, school=school, name="Dana Colleague", job_title="DSL")
    sign_in(Role.SCHOOL_STAFF, school=school)
    response = client.get("/my-school")
    assert response.status_code == 200
    assert "Larchwood Primary School" in response.text
    assert "Dana Colleague, DSL" in response.text


def test_school_staff_get_404_for_another_school(client, sign_in):
    other = make_school(name="Elsewhere Academy")
    sign_in(Role.SCHOOL_STAFF)
    response = client.get(f"/schools/{other.id}")
    assert response.status_code == 404
    assert "Elsewhere Academy" not in response.text
    assert "Page not found" in response.text


def test_virtual_school_sees_any_school(client, sign_in):
    school = make_school(name="Kingsmead Academy")
    sign_in(Role.VS_ADVISOR)
    assert "Kingsmead Academy" in client.get(f"/schools/{school.id}").text


def test_healthz_checks_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json == {"status": "ok", "database": "ok"}


def test_healthz_reports_a_broken_database(tmp_path):
    from app import create_app
    from tests.conftest import config_for_tests

    broken = create_app(config_for_tests(tmp_path, SQLALCHEMY_DATABASE_URI=(
        f"sqlite:///{tmp_path}/missing-dir/nope.db")))
    response = broken.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.json["database"] == "unreachable"


def test_home_lists_the_next_consultations_each_person_may_see(client, sign_in):
    from tests.booking.factories import make_accepted_request, make_booking, social_worker

    booking = make_booking(attendees=[social_worker(email="taylor@county.example.test")])
    other = make_booking(make_accepted_request())  # another school's, without Taylor
    sign_in(Role.SOCIAL_WORKER, email="taylor@county.example.test")
    page = client.get("/").text
    assert booking.reference in page and "Wednesday 17 November 2027, 2pm to 2:50pm" in page
    assert other.reference not in page
    client.post("/sign-out")
    sign_in(Role.SCHOOL_STAFF, school=other.request.school)
    page = client.get("/").text
    assert other.reference in page and booking.reference not in page
