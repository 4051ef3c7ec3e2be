from datetime import timedelta

from app.extensions import db
from app.models import AuditEvent, Role
from tests.conftest import PASSWORD, enter_code, make_user, set_up_two_factor


def test_sign_in_page_is_gov_uk_form(client):
    response = client.get("/sign-in")
    assert response.status_code == 200
    assert "Sign in to Convene" in response.text
    assert 'class="govuk-input' in response.text


def test_good_credentials_sign_in_and_land_on_home(client, app):
    user = make_user(Role.VS_ADMIN, name="Alex Morgan")
    set_up_two_factor(user)
    response = client.post("/sign-in", data={"email": user.email.upper(), "password": PASSWORD})
    assert response.headers["Location"] == "/sign-in/code"
    response = enter_code(client, user)
    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    home = client.get("/")
    assert "Hello, Alex Morgan" in home.text
    db.session.refresh(user)
    assert user.last_signed_in_at is not None
    actions = db.session.scalars(db.select(AuditEvent.action)).all()
    assert "signed_in" in actions


def test_wrong_password_gets_generic_message_and_keeps_email(client):
    user = make_user()
    response = client.post("/sign-in", data={"email": user.email, "password": "nope"})
    assert response.status_code == 400
    assert "There is a problem" in response.text
    assert "Enter a correct email address and password" in response.text
    assert f'value="{user.email}"' in response.text


def test_unknown_email_gets_the_same_message(client):
    response = client.post("/sign-in", data={"email": "nobody@example.test", "password": "x"})
    assert response.status_code == 400
    assert "Enter a correct email address and password" in response.text


def test_empty_form_says_what_is_missing(client):
    response = client.post("/sign-in", data={})
    assert "Enter your email address" in response.text
    assert "Enter your password" in response.text


def test_deactivated_user_cannot_sign_in(client):
    user = make_user(active=False)
    response = client.post("/sign-in", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 400


def test_sign_out_ends_the_session(client, sign_in):
    sign_in(Role.VS_ADVISOR)
    response = client.post("/sign-out")
    assert response.status_code == 302
    assert client.get("/").status_code == 302


def test_next_only_goes_to_this_site(client):
    user = make_user()
    response = client.post("/sign-in?next=//evil.example/", data={"email": user.email,
                                                                 "password": PASSWORD})
    assert response.headers["Location"] == "/"
    client.post("/sign-out")
    response = client.post("/sign-in?next=/admin/users", data={"email": user.email,
                                                               "password": PASSWORD})
    assert response.headers["Location"] == "/admin/users"


def test_session_is_renewed_at_sign_in(client):
    user = make_user()
    with client.session_transaction() as session:
        session["planted"] = "by someone else"
    client.post("/sign-in", data={"email": user.email, "password": PASSWORD})
    with client.session_transaction() as session:
        assert "planted" not in session
        assert session["_user_id"] == f"{user.id}:1"


def test_idle_session_ends(client, sign_in, app):
    sign_in(Role.VS_ADMIN)
    with client.session_transaction() as session:
        session["seen_at"] -= app.config["SESSION_IDLE_MINUTES"] * 60 + 1
    response = client.get("/")
    assert response.status_code == 302
    assert "/sign-in" in response.headers["Location"]


def test_session_ends_after_its_lifetime_even_when_busy(client, sign_in, app):
    sign_in(Role.VS_ADMIN)
    with client.session_transaction() as session:
        session["signed_in_at"] -= app.config["SESSION_MAX_HOURS"] * 3600 + 1
    assert client.get("/").status_code == 302


def test_session_cookie_is_httponly_and_lax(client):
    user = make_user()
    response = client.post("/sign-in", data={"email": user.email, "password": PASSWORD})
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie
    assert "Expires=" not in cookie  # ends when the browser closes


def test_password_reset_ends_existing_sessions(client, sign_in):
    user = sign_in(Role.VS_ADVISOR)
    user.session_version += 1
    db.session.commit()
    assert client.get("/").status_code == 302


def test_lifetime_setting_is_applied(app):
    assert app.permanent_session_lifetime == timedelta(hours=app.config["SESSION_MAX_HOURS"])
