"""One-time links to set a password."""

import time

from app.auth.tokens import make_set_password_token
from app.extensions import db
from tests.conftest import make_user

NEW_PASSWORD = "plum tractor lantern"


def _link(user):
    return f"/set-password/{make_set_password_token(user)}"


def test_a_new_user_sets_a_password_and_signs_in(client):
    user = make_user(password_hash=None)
    link = _link(user)
    assert "Set your password" in client.get(link).text
    response = client.post(link, data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert response.status_code == 302
    signed_in = client.post("/sign-in", data={"email": user.email, "password": NEW_PASSWORD})
    assert signed_in.status_code == 302


def test_the_link_works_once(client):
    user = make_user(password_hash=None)
    link = _link(user)
    client.post(link, data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    again = client.get(link)
    assert again.status_code == 404
    assert "expired or has already been used" in again.text


def test_the_link_expires(client, app, monkeypatch):
    user = make_user(password_hash=None)
    link = _link(user)
    later = time.time() + app.config["SET_PASSWORD_LINK_DAYS"] * 86400 + 60
    monkeypatch.setattr(time, "time", lambda: later)
    assert client.get(link).status_code == 404


def test_a_tampered_link_is_refused(client):
    user = make_user(password_hash=None)
    assert client.get(_link(user) + "x").status_code == 404


def test_short_or_mismatched_passwords_are_explained(client):
    user = make_user(password_hash=None)
    link = _link(user)
    short = client.post(link, data={"password": "short", "confirm": "short"})
    assert short.status_code == 400
    assert "Password must be at least 12 characters" in short.text
    mismatch = client.post(link, data={"password": NEW_PASSWORD, "confirm": "other words here"})
    assert "Passwords must match" in mismatch.text
    db.session.refresh(user)
    assert user.password_hash is None
