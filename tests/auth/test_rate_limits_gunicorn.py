"""The sign-in limits hold in the default setup: gunicorn with three workers, each its own
process, one database, wrong passwords fired at it all at once."""

import http.client
import os
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

from sqlalchemy import select

from app.extensions import db
from app.models import OutboxMessage
from tests.conftest import PASSWORD, database_url, make_user

ROOT = Path(__file__).resolve().parents[2]
WORKERS = 3


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _sign_in(port: int, email: str, password: str, source: str) -> int:
    """One POST to the sign-in page from the given loopback address; its status code."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60,
                                            source_address=(source, 0))
    try:
        connection.request("POST", "/sign-in", urlencode({"email": email, "password": password}),
                           {"Content-Type": "application/x-www-form-urlencoded"})
        return connection.getresponse().status
    finally:
        connection.close()


def _wait_until_up(port: int, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn stopped: exit {server.returncode}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
        finally:
            connection.close()
    raise RuntimeError("gunicorn did not answer within a minute")


def _fire(port: int, attempts: list[tuple[str, str, str]]) -> list[int]:
    # More threads than workers: requests queue at every worker at once.
    with ThreadPoolExecutor(max_workers=12) as pool:
        return list(pool.map(lambda attempt: _sign_in(port, *attempt), attempts))


def test_three_gunicorn_workers_let_through_no_more_failed_sign_ins_than_the_limits(
        app, tmp_path):
    # The app fixture has made the schema in the test's database; gunicorn serves that one.
    owner = make_user()
    # Real accounts, whose (cheap, test-made) hashes keep the run short; unknown emails are
    # limited just the same (tests/auth/test_rate_limits.py).
    guessed = [make_user().email for _ in range(60)]
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url(tmp_path),
        "CONVENE_SECRET_KEY": "gunicorn-test-secret",
        "CONVENE_WTF_CSRF_ENABLED": "false",
        # The defaults, stated: what the figures below are checked against.
        "CONVENE_SIGN_IN_LIMIT_PER_ADDRESS": "20 per 10 minutes",
        "CONVENE_SIGN_IN_LIMIT_PER_ACCOUNT": "5 per 15 minutes",
    }
    env.pop("CONVENE_RATELIMIT_STORAGE_URI", None)
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--workers", str(WORKERS), "--bind",
         f"127.0.0.1:{port}", "--log-level", "warning", "wsgi:app"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _wait_until_up(port, server)
        # Many accounts guessed from one address: 60 wrong passwords against a limit of 20.
        by_address = _fire(port, [(email, "wrong", "127.0.0.2") for email in guessed])
        # One account guessed from another address: 30 against a limit of 5.
        by_account = _fire(port, [(owner.email, "wrong", "127.0.0.3") for _ in range(30)])
        # Meanwhile the owner, from their own address, signs in.
        owner_status = _sign_in(port, owner.email, PASSWORD, "127.0.0.4")
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=30)
    print(f"\nacross {WORKERS} gunicorn workers: {by_address.count(400)} of 60 wrong passwords "
          f"from one address got through (limit 20); {by_account.count(400)} of 30 at one "
          f"account (limit 5)")
    assert sorted(set(by_address)) == [400, 429], errors.decode()[-2000:]
    assert by_address.count(400) == 20
    assert by_account.count(400) == 5
    assert by_account.count(429) == 25
    assert owner_status == 302
    # The owner is told once, however many workers refused the rest.
    db.session.rollback()  # read afresh: gunicorn wrote since this session last looked
    paused = db.session.scalars(
        select(OutboxMessage).where(OutboxMessage.kind == "sign_in_paused")).all()
    assert [message.to_address for message in paused] == [owner.email]
