"""Shared fixtures: a fresh app and database per test, a client, and signing in as any role."""

import itertools
import os

import pytest
from flask import has_app_context
from flask.testing import FlaskClient

from app import create_app
from app.extensions import db
from app.models import Phase, Role, School, User
from app.services.passwords import hash_password

PASSWORD = "correct horse battery staple"
_counter = itertools.count(1)


def database_url(tmp_path) -> str:
    """SQLite in the test's own folder, or the PostgreSQL server named by TEST_DATABASE_URL."""
    return os.environ.get("TEST_DATABASE_URL") or f"sqlite:///{tmp_path / 'test.db'}"


def config_for_tests(tmp_path, **overrides) -> dict:
    config = {
        "TESTING": True,
        "SECRET_KEY": "test-secret-key",
        "SQLALCHEMY_DATABASE_URI": database_url(tmp_path),
        "WTF_CSRF_ENABLED": False,
        "RATELIMIT_ENABLED": False,
        "SERVER_NAME": None,
    }
    config.update(overrides)
    return config


@pytest.fixture
def app_config(tmp_path):
    return config_for_tests(tmp_path)


class FreshContextClient(FlaskClient):
    """Each request gets its own app context, as in production: its own g and its own
    database session, not the ones the test itself is holding."""

    def open(self, *args, **kwargs):
        with self.application.app_context():
            response = super().open(*args, **kwargs)
        if has_app_context():
            # End the test's own read transaction, so that what it reads next includes what
            # the request wrote (SQLite in WAL mode reads from a snapshot).
            db.session.rollback()
        return response


@pytest.fixture
def app(app_config):
    app = create_app(app_config)
    app.test_client_class = FreshContextClient
    with app.app_context():
        db.drop_all()
        db.create_all()
        yield app
        db.session.remove()
        db.drop_all()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


def make_school(**fields) -> School:
    n = next(_counter)
    values = {"name": f"School {n}", "urn": f"{100000 + n}", "phase": Phase.PRIMARY,
              "local_authority": "Testshire"}
    values.update(fields)
    school = School(**values)
    db.session.add(school)
    db.session.commit()
    return school


def make_user(role: Role = Role.VS_ADMIN, school: School | None = None, **fields) -> User:
    n = next(_counter)
    if role == Role.SCHOOL_STAFF and school is None:
        school = make_school()
    values = {"email": f"person{n}@example.test", "name": f"Person {n}", "role": role,
              "school": school, "password_hash": hash_password(PASSWORD)}
    values.update(fields)
    user = User(**values)
    db.session.add(user)
    db.session.commit()
    return user


@pytest.fixture
def sign_in(client):
    """sign_in(role, school=None) -> the signed-in User."""

    def _sign_in(role: Role = Role.VS_ADMIN, school: School | None = None, **fields) -> User:
        user = make_user(role, school, **fields)
        response = client.post("/sign-in", data={"email": user.email, "password": PASSWORD})
        assert response.status_code == 302, response.text
        return user

    return _sign_in


class Mailbox:
    """What a real SMTP server on 127.0.0.1 received."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        import email
        from email import policy

        self.messages.append(email.message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"


@pytest.fixture
def smtp(app):
    """A real SMTP server (aiosmtpd) on 127.0.0.1; the app is pointed at it."""
    from aiosmtpd.controller import Controller

    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=0)
    controller.start()
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=controller.port)
    yield mailbox
    controller.stop()
