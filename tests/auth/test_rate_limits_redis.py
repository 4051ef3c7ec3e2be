"""With a Redis server configured, failed sign-ins are counted there, so the limits hold across
servers that share no database. Against a real redis-server (Debian's), started here."""

import shutil
import socket
import subprocess
import time

import pytest
import redis
from sqlalchemy import func, select

from app import create_app
from app.extensions import db
from app.models import FailedSignIn
from tests.conftest import PASSWORD, FreshContextClient, config_for_tests, make_user

LIMITS = {
    "RATELIMIT_ENABLED": True,
    "SIGN_IN_LIMIT_PER_ACCOUNT": "3 per 15 minutes",
    "SIGN_IN_LIMIT_PER_ADDRESS": "6 per 10 minutes",
    "SIGN_IN_LIMIT_PER_ACCOUNT_FROM_ANYWHERE": "8 per hour",
}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def redis_url(tmp_path):
    """A redis-server of its own on 127.0.0.1, keeping nothing on disk; stopped afterwards."""
    server = shutil.which("redis-server") or "/usr/bin/redis-server"
    port = _free_port()
    process = subprocess.Popen(
        [server, "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no",
         "--dir", str(tmp_path)],
        stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    client = redis.Redis(host="127.0.0.1", port=port)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                client.ping()
                break
            except redis.ConnectionError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        client.close()
        process.terminate()
        process.wait(10)


@pytest.fixture
def servers(tmp_path, redis_url):
    """Two Convene servers, each with its own SQLite database, sharing one Redis."""
    apps = []
    for name in ("a", "b"):
        folder = tmp_path / name
        folder.mkdir()
        app = create_app(config_for_tests(
            folder, SQLALCHEMY_DATABASE_URI=f"sqlite:///{folder / 'convene.db'}",
            RATELIMIT_STORAGE_URI=redis_url, **LIMITS))
        app.test_client_class = FreshContextClient
        with app.app_context():
            db.create_all()
        apps.append(app)
    yield apps
    for app in apps:
        with app.app_context():
            db.engine.dispose()


def _attempt(app, email, password="wrong", address="192.0.2.1"):
    with app.app_context():
        return app.test_client().post("/sign-in", data={"email": email, "password": password},
                                      environ_base={"REMOTE_ADDR": address})


def _make_user_on(app, email):
    with app.app_context():
        return make_user(email=email).email


def _failed_rows(app):
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(FailedSignIn))


def test_two_servers_with_their_own_databases_share_one_count_per_address(servers):
    a, b = servers
    statuses = [_attempt(servers[n % 2], f"guess{n}@example.test").status_code
                for n in range(10)]
    assert statuses == [400] * 6 + [429] * 4
    # Another address is not held up, on either server.
    assert _attempt(b, "guess@example.test", address="198.51.100.7").status_code == 400
    # Counted in Redis, not in either database.
    assert _failed_rows(a) == _failed_rows(b) == 0


def test_an_account_paused_on_one_server_is_paused_on_the_other(servers):
    a, b = servers
    email = _make_user_on(b, "sam@example.test")
    for _ in range(3):
        assert _attempt(a, email, address="203.0.113.66").status_code == 400
    blocked = _attempt(b, email, PASSWORD, address="203.0.113.66")
    assert blocked.status_code == 429
    assert "Wait 15 minutes" in blocked.text
    # The owner, from their own address, is not held up.
    assert _attempt(b, email, PASSWORD, address="198.51.100.20").status_code == 302


def test_the_ceiling_counts_an_account_across_servers_and_addresses(servers):
    a, b = servers
    email = _make_user_on(a, "sam@example.test")
    for n in range(8):
        assert _attempt(servers[n % 2], email, address=f"192.0.2.{n + 1}").status_code == 400
    assert _attempt(a, email, PASSWORD, address="198.51.100.20").status_code == 429


def test_a_sign_in_takes_back_its_count(servers, redis_url):
    a, b = servers
    email = _make_user_on(a, "sam@example.test")
    for _ in range(8):
        assert _attempt(a, email, PASSWORD).status_code == 302
    assert _attempt(b, "guess@example.test").status_code == 400
    # Only the one failure is held: one entry in each of its three limits' sets.
    client = redis.Redis.from_url(redis_url)
    keys = client.keys("convene:sign-in:*")
    assert sorted(client.zcard(key) for key in keys) == [1, 1, 1]
    client.close()


def test_a_server_without_redis_counts_apart(servers, tmp_path):
    # The same two servers' counting, but one of them not pointed at Redis.
    a, _b = servers
    folder = tmp_path / "c"
    folder.mkdir()
    c = create_app(config_for_tests(folder, SQLALCHEMY_DATABASE_URI=f"sqlite:///{folder / 'c.db'}",
                                    **LIMITS))
    c.test_client_class = FreshContextClient
    with c.app_context():
        db.create_all()
    try:
        for n in range(6):
            assert _attempt(a, f"guess{n}@example.test").status_code == 400
        assert _attempt(a, "guess@example.test").status_code == 429
        assert _attempt(c, "guess@example.test").status_code == 400
        assert _failed_rows(c) == 1
    finally:
        with c.app_context():
            db.engine.dispose()
