"""Shared fixtures: a fresh app and database per test, a client, and signing in as any role."""

import itertools
import os
import socket

import pyotp
import pytest
from argon2 import PasswordHasher
from flask import has_app_context
from flask.testing import FlaskClient
from jinja2 import BytecodeCache

from app import create_app
from app.extensions import db
from app.models import Phase, Role, School, User
from app.models.types import utcnow
from app.services import passwords, two_factor

PASSWORD = "correct horse battery staple"
_counter = itertools.count(1)

# Argon2 at production strength takes a good part of a second per hash; the tests check
# what is hashed and when, not the cost, so they hash cheaply.
passwords._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
_PASSWORD_HASH = passwords.hash_password(PASSWORD)


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


class _SharedBytecodeCache(BytecodeCache):
    """Compiled templates kept across the tests' many apps: compiling the GOV.UK macros
    again for every test's new app would take most of the suite's time."""

    def __init__(self):
        self.store = {}

    def load_bytecode(self, bucket):
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket):
        self.store[bucket.key] = bucket.bytecode_to_string()


TEMPLATE_CACHE = _SharedBytecodeCache()


class FreshContextClient(FlaskClient):
    """Each request gets its own app context, as in production: its own g and its own
    database session, not the ones the test itself is holding. Redirects followed with
    follow_redirects=True each get a fresh one too, so a POST's session is closed before
    the page it redirects to is asked for."""

    def run_wsgi_app(self, environ, buffered=False):
        with self.application.app_context():
            result = super().run_wsgi_app(environ, buffered=buffered)
        if has_app_context():
            # End the test's own read transaction, so that what it reads next includes what
            # the request wrote (SQLite in WAL mode reads from a snapshot).
            db.session.rollback()
        return result


@pytest.fixture
def app(app_config):
    app = create_app(app_config)
    app.test_client_class = FreshContextClient
    app.jinja_env.bytecode_cache = TEMPLATE_CACHE
    with app.app_context():
        db.drop_all()
        db.create_all()
        yield app
        db.session.remove()
        db.drop_all()
        # Close the pool's connections now: each test's app has its own engine, and left to
        # the garbage collector they pile up past PostgreSQL's max_connections.
        for engine in db.engines.values():
            engine.dispose()


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
              "school": school, "password_hash": _PASSWORD_HASH}
    values.update(fields)
    user = User(**values)
    db.session.add(user)
    db.session.commit()
    return user


def set_up_two_factor(user: User) -> str:
    """Two-factor sign-in turned on for the user, as if they had scanned the QR code; the
    secret their authenticator app would hold."""
    secret = pyotp.random_base32()
    two_factor.start_set_up(user, secret=secret)
    two_factor.credential_for(user).confirmed_at = utcnow()
    db.session.commit()
    return secret


def enter_code(client, user: User, **form):
    """The code step, with the code the user's authenticator app shows now."""
    credential = two_factor.credential_for(user)
    # Tests sign the same person in again within one 30-second step; a real person would
    # wait for the next code.
    credential.last_used_step = None
    db.session.commit()
    code = pyotp.TOTP(two_factor.secret_of(credential)).now()
    return client.post("/sign-in/code", data={"code": code, **form})


def sign_in_with(client, user: User, password: str = PASSWORD):
    """Sign in through the form, and through the code step for anyone whose role requires
    two-factor sign-in (set up for them first if they have not) or who has it on."""
    if two_factor.must_set_up(user):
        set_up_two_factor(user)
    response = client.post("/sign-in", data={"email": user.email, "password": password})
    if response.status_code == 302 and response.location.startswith("/sign-in/code"):
        response = enter_code(client, user)
    return response


@pytest.fixture
def sign_in(client):
    """sign_in(role, school=None) -> the signed-in User, past the two-factor code step."""

    def _sign_in(role: Role = Role.VS_ADMIN, school: School | None = None, **fields) -> User:
        user = make_user(role, school, **fields)
        response = sign_in_with(client, user)
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
    # aiosmtpd checks its own start by connecting, so it needs a real port, not 0.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=controller.port)
    yield mailbox
    controller.stop()


def make_theme(name: str | None = None, **fields):
    from app.models import Theme

    theme = Theme(name=name or f"Theme {next(_counter)}", **fields)
    db.session.add(theme)
    db.session.commit()
    return theme


def make_child(school: School | None = None, **fields):
    from app.models import ChildRecord, Cohort, SenStatus, YearGroup

    values = {"school": school or make_school(), "initials": "JS",
              "year_group": YearGroup.YEAR_7, "cohort": Cohort.CHILD_IN_NEED,
              "sen_status": SenStatus.SEN_SUPPORT}
    values.update(fields)
    child = ChildRecord(**values)
    db.session.add(child)
    db.session.commit()
    return child


def make_request(child=None, *, sent: bool = True, by: User | None = None, **fields):
    """A complete advice request; sent (status submitted, with a reference) unless sent=False."""
    from datetime import date

    from app.models import (
        AdviceRequest,
        ConsentGiver,
        Indicator,
        SocialWorker,
        SupportWanted,
    )
    from app.services import request_workflow

    child = child or make_child()
    by = by or make_user(Role.SCHOOL_STAFF, school=child.school)
    values = {
        "school_id": child.school_id, "child": child, "created_by_id": by.id,
        "indicators": [Indicator.ATTENDANCE, Indicator.WELLBEING],
        "themes": [make_theme()],
        "tried": "Meet and greet each morning with the key adult for six weeks.",
        "tried_for": "6 weeks", "support_wanted": SupportWanted.CONSULTATION,
        "question": "How can we help with arriving at school each morning?",
        "social_worker": SocialWorker.ALLOCATED_INVOLVED,
        "consent_given_by": ConsentGiver.PARENT, "consent_date": date(2026, 11, 2),
        "consent_scope": "Advice from the Virtual School and a consultation.",
        "consent_confirmed": True,
    }
    values.update(fields)
    request_ = AdviceRequest(**values)
    db.session.add(request_)
    if sent:
        request_workflow.submit(request_, by=by)
    db.session.commit()
    return request_


@pytest.fixture
def builds(monkeypatch):
    """How many times reportlab has built a document, starting from an empty cache of built
    documents (app/services/document_cache.py)."""
    from reportlab.platypus import BaseDocTemplate

    from app.services.document_cache import documents

    documents.clear()
    count = []
    build = BaseDocTemplate.build

    def counted(self, *args, **kwargs):
        count.append(1)
        return build(self, *args, **kwargs)

    monkeypatch.setattr(BaseDocTemplate, "build", counted)
    yield count
    documents.clear()
