"""Sign-in is rate limited per address and per account; only failed attempts count."""

import pytest

from app import create_app
from app.extensions import db
from tests.conftest import PASSWORD, FreshContextClient, config_for_tests, make_user


@pytest.fixture
def limited_app(tmp_path):
    app = create_app(config_for_tests(
        tmp_path, RATELIMIT_ENABLED=True,
        SIGN_IN_LIMIT_PER_ACCOUNT="3 per 15 minutes",
        SIGN_IN_LIMIT_PER_ADDRESS="6 per 10 minutes",
    ))
    app.test_client_class = FreshContextClient
    with app.app_context():
        db.create_all()
        yield app
        db.session.remove()


def _attempt(client, email, password="wrong", address="192.0.2.1"):
    return client.post("/sign-in", data={"email": email, "password": password},
                       environ_base={"REMOTE_ADDR": address})


def test_an_account_is_locked_after_repeated_failures_from_anywhere(limited_app):
    user = make_user()
    client = limited_app.test_client()
    for address in ("192.0.2.1", "192.0.2.2", "192.0.2.3"):
        assert _attempt(client, user.email, address=address).status_code == 400
    blocked = _attempt(client, user.email.upper(), PASSWORD, address="192.0.2.4")
    assert blocked.status_code == 429
    assert "Too many attempts" in blocked.text
    assert "Retry-After" in blocked.headers


def test_an_address_is_limited_across_accounts(limited_app):
    client = limited_app.test_client()
    for n in range(6):
        assert _attempt(client, f"guess{n}@example.test").status_code == 400
    assert _attempt(client, "another@example.test").status_code == 429
    assert _attempt(client, "another@example.test", address="198.51.100.7").status_code == 400


def test_successful_sign_ins_do_not_count(limited_app):
    user = make_user()
    client = limited_app.test_client()
    for _ in range(5):
        assert _attempt(client, user.email, PASSWORD).status_code == 302
        client.post("/sign-out")
    assert _attempt(client, user.email, PASSWORD).status_code == 302


def test_showing_the_sign_in_page_is_not_limited(limited_app):
    client = limited_app.test_client()
    for _ in range(10):
        assert client.get("/sign-in").status_code == 200
