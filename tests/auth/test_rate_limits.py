"""Failed sign-ins are limited per address, per account from one address, and per account from
anywhere, counted in the database so that the limits hold across workers; the owner of an
account that reaches its limit is told by email; nobody learns whether an email has an account."""

import re
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app import create_app
from app.auth import throttle
from app.extensions import db
from app.models import FailedSignIn, OutboxMessage
from app.models.types import utcnow
from app.services import housekeeping, outbox
from tests.conftest import PASSWORD, FreshContextClient, config_for_tests, make_user

LIMITS = {
    "RATELIMIT_ENABLED": True,
    "SIGN_IN_LIMIT_PER_ACCOUNT": "3 per 15 minutes",
    "SIGN_IN_LIMIT_PER_ADDRESS": "6 per 10 minutes",
    "SIGN_IN_LIMIT_PER_ACCOUNT_FROM_ANYWHERE": "8 per hour",
}

# A fresh token on every page (signed with the time), whatever the email.
CSRF_TOKEN = re.compile(r'(?<=name="csrf-token" content=")[^"]+|(?<=name="csrf_token" '
                        r'type="hidden" value=")[^"]+')


@pytest.fixture
def app_config(tmp_path):
    return config_for_tests(tmp_path, **LIMITS)


def _attempt(client, email, password="wrong", address="192.0.2.1"):
    return client.post("/sign-in", data={"email": email, "password": password},
                       environ_base={"REMOTE_ADDR": address})


def _paused_emails(mailbox, user):
    outbox.send_all_due("test-worker")
    return [message for message in mailbox.messages if message["To"] == user.email]


def test_an_account_is_paused_for_an_address_after_repeated_failures_from_it(client):
    user = make_user()
    for _ in range(3):
        assert _attempt(client, user.email).status_code == 400
    blocked = _attempt(client, user.email.upper(), PASSWORD)
    assert blocked.status_code == 429
    assert "Too many attempts" in blocked.text
    assert "Wait 15 minutes, then try again" in blocked.text
    assert 895 <= int(blocked.headers["Retry-After"]) <= 900


def test_a_stranger_pausing_an_account_does_not_keep_its_owner_out(client):
    user = make_user()
    for _ in range(3):
        _attempt(client, user.email, address="203.0.113.66")
    assert _attempt(client, user.email, PASSWORD, address="203.0.113.66").status_code == 429
    # The owner, from their own address, signs in as usual.
    assert _attempt(client, user.email, PASSWORD, address="198.51.100.20").status_code == 302


def test_an_address_is_limited_across_accounts(client):
    for n in range(6):
        assert _attempt(client, f"guess{n}@example.test").status_code == 400
    assert _attempt(client, "another@example.test").status_code == 429
    assert _attempt(client, "another@example.test", address="198.51.100.7").status_code == 400


def test_an_ipv6_network_counts_as_one_address(client):
    for n in range(6):
        assert _attempt(client, f"guess{n}@example.test",
                        address=f"2001:db8:5:7::{n + 1:x}").status_code == 400
    assert _attempt(client, "another@example.test",
                    address="2001:db8:5:7:ffff::1").status_code == 429
    assert _attempt(client, "another@example.test",
                    address="2001:db8:5:8::1").status_code == 400


def test_failures_from_many_addresses_reach_the_accounts_ceiling(client):
    user = make_user()
    for n in range(8):
        assert _attempt(client, user.email, address=f"192.0.2.{n + 1}").status_code == 400
    # Spread guessing is stopped everywhere, the owner too, until the hour has passed.
    assert _attempt(client, user.email, PASSWORD, address="198.51.100.20").status_code == 429


def test_successful_sign_ins_do_not_count(client):
    user = make_user()
    for _ in range(5):
        assert _attempt(client, user.email, PASSWORD).status_code == 302
        client.post("/sign-out")
    assert _attempt(client, user.email, PASSWORD).status_code == 302
    assert db.session.scalar(select(func.count()).select_from(FailedSignIn)) == 0


def test_showing_the_sign_in_page_is_not_limited(client):
    for _ in range(10):
        assert client.get("/sign-in").status_code == 200


def test_an_incomplete_form_is_not_counted(client):
    for _ in range(8):
        assert client.post("/sign-in", data={"email": "someone@example.test"},
                           environ_base={"REMOTE_ADDR": "192.0.2.1"}).status_code == 400
    assert _attempt(client, "someone@example.test").status_code == 400


def test_an_address_may_try_again_once_its_oldest_failure_is_out_of_the_window(
        client, monkeypatch):
    user = make_user()
    start = utcnow()
    for minutes in (0, 4, 8):
        monkeypatch.setattr(throttle, "utcnow", lambda m=minutes: start + timedelta(minutes=m))
        assert _attempt(client, user.email).status_code == 400
    monkeypatch.setattr(throttle, "utcnow", lambda: start + timedelta(minutes=10))
    blocked = _attempt(client, user.email, PASSWORD)
    assert blocked.status_code == 429
    assert "Wait 5 minutes" in blocked.text  # until the first failure is 15 minutes old
    assert blocked.headers["Retry-After"] == "300"
    monkeypatch.setattr(throttle, "utcnow", lambda: start + timedelta(minutes=15, seconds=1))
    assert _attempt(client, user.email, PASSWORD).status_code == 302


def test_the_limit_holds_across_three_app_instances_sharing_one_database(app, tmp_path):
    # Three workers: three apps, each with its own process state, one database.
    instances = [app] + [create_app(config_for_tests(tmp_path, **LIMITS)) for _ in range(2)]
    clients = []
    for instance in instances:
        instance.test_client_class = FreshContextClient
        clients.append(instance.test_client())
    try:
        statuses = [_attempt(clients[n % 3], f"guess{n}@example.test").status_code
                    for n in range(30)]
    finally:
        for instance in instances[1:]:
            with instance.app_context():
                db.engine.dispose()
    assert statuses.count(400) == 6
    assert statuses.count(429) == 24


def test_the_owner_is_emailed_once_when_their_account_is_paused(client, smtp):
    user = make_user(name="Sam Okafor")
    for _ in range(3):
        _attempt(client, user.email, address="203.0.113.66")
    for _ in range(3):
        assert _attempt(client, user.email, address="203.0.113.66").status_code == 429
    [message] = _paused_emails(smtp, user)
    assert message["Subject"] == "Someone tried to sign in to your Convene account"
    body = message.get_content()
    assert "Dear Sam Okafor" in body
    assert "from the internet address 203.0.113.66" in body
    assert "sign-ins to your account from that address are paused for up to 15 minutes" in body
    assert "You can still sign in from anywhere else as usual" in body
    assert "business support team to reset it" in body
    # Still one, after the worker has looked again.
    assert len(_paused_emails(smtp, user)) == 1


def test_the_owner_is_emailed_once_more_when_another_address_pauses_the_account(client, smtp):
    user = make_user()
    for address in ("203.0.113.66", "203.0.113.77"):
        for _ in range(4):
            _attempt(client, user.email, address=address)
    messages = _paused_emails(smtp, user)
    assert len(messages) == 2
    assert "203.0.113.77" in messages[1].get_content()


def test_the_owner_is_told_when_the_ceiling_pauses_the_account_everywhere(client, smtp):
    user = make_user()
    for n in range(8):
        _attempt(client, user.email, address=f"192.0.2.{n + 1}")
    [message] = _paused_emails(smtp, user)
    body = message.get_content()
    assert "from the internet address 192.0.2.8" in body
    assert "nobody can sign in to it for up to an hour, including you" in body


def test_a_failure_that_does_not_reach_a_limit_sends_no_email(client, smtp):
    user = make_user()
    for _ in range(2):
        _attempt(client, user.email)
    assert _paused_emails(smtp, user) == []


def test_known_and_unknown_emails_get_the_same_responses(client, smtp):
    user = make_user()
    unknown = "nobody-here@example.test"

    def responses(email, address):
        seen = []
        for password in ("wrong", "wrong", "wrong", "wrong", PASSWORD):
            response = _attempt(client, email, password, address=address)
            page = CSRF_TOKEN.sub("TOKEN", response.text.replace(email, "EMAIL"))
            seen.append((response.status_code, response.headers.get("Retry-After"), page))
        return seen

    known_seen = responses(user.email, "203.0.113.1")
    unknown_seen = responses(unknown, "203.0.113.2")
    assert [status for status, _, _ in known_seen] == [400, 400, 400, 429, 429]
    assert known_seen == unknown_seen
    # Only the real account's owner is written to.
    assert db.session.scalars(select(OutboxMessage.to_address)).all() == [user.email]


def test_the_counts_hold_no_email_address(client):
    _attempt(client, "Someone.Typed@Example.test")
    row = db.session.scalars(select(FailedSignIn)).one()
    assert "example" not in row.account.lower()
    assert row.address == "192.0.2.1"


def test_housekeeping_forgets_failures_no_limit_counts_any_more(client):
    _attempt(client, "someone@example.test")
    now = utcnow()
    housekeeping.run(now + timedelta(minutes=59))
    assert db.session.scalar(select(func.count()).select_from(FailedSignIn)) == 1
    housekeeping.run(now + timedelta(hours=1, seconds=1))
    assert db.session.scalar(select(func.count()).select_from(FailedSignIn)) == 0


def test_without_limits_nothing_is_counted(tmp_path):
    app = create_app(config_for_tests(tmp_path, **{**LIMITS, "RATELIMIT_ENABLED": False}))
    app.test_client_class = FreshContextClient
    with app.app_context():
        db.create_all()
        try:
            client = app.test_client()
            for n in range(8):
                assert _attempt(client, f"guess{n}@example.test").status_code == 400
            assert db.session.scalar(select(func.count()).select_from(FailedSignIn)) == 0
        finally:
            db.session.remove()
            db.drop_all()
            db.engine.dispose()


@pytest.mark.parametrize("uri", ["memory://", "memcached://127.0.0.1:11211"])
def test_a_store_other_than_redis_is_refused_at_start(tmp_path, uri):
    with pytest.raises(RuntimeError, match="redis://"):
        create_app(config_for_tests(tmp_path, RATELIMIT_STORAGE_URI=uri))


@pytest.mark.parametrize(("text", "amount", "window"), [
    ("20 per 10 minutes", 20, timedelta(minutes=10)),
    ("5 per 15 minutes", 5, timedelta(minutes=15)),
    ("100 per hour", 100, timedelta(hours=1)),
    ("3/day", 3, timedelta(days=1)),
])
def test_limits_are_read_as_people_write_them(text, amount, window):
    assert throttle.parse_limit(text) == (amount, window)


@pytest.mark.parametrize("text", ["", "twenty per hour", "0 per hour", "5 per fortnight"])
def test_a_limit_that_cannot_be_read_is_refused(text):
    with pytest.raises(ValueError):
        throttle.parse_limit(text)
