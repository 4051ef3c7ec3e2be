"""The email outbox: queued with the change that causes it, sent by workers over real SMTP,
retried with back-off, never lost and never sent twice."""

import email
import os
import signal
import socket
import ssl
import subprocess
import sys
import threading
import time
from collections import Counter
from datetime import timedelta
from email import policy
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult
from flask import g

from app.extensions import db
from app.models import OutboxMessage, OutboxStatus, Role, User
from app.models.types import utcnow
from app.services import mail, outbox
from tests.conftest import Mailbox, database_url

ROOT = Path(__file__).resolve().parents[2]
MINUTE = timedelta(minutes=1)


def message_to(address: str = "senco@school.example.test", subject: str = "Your consultation",
               body: str = "See you on Tuesday at 2pm."):
    return mail.build_message(address, subject, body)


def queue_messages(count: int, kind: str = "invite") -> list[int]:
    entries = [outbox.queue(message_to(subject=f"Message {n}"), kind) for n in range(count)]
    db.session.commit()
    return [entry.id for entry in entries]


def stored(message_id: int) -> OutboxMessage:
    db.session.commit()  # a fresh read: see what other sessions and workers have written
    return db.session.get(OutboxMessage, message_id)


def statuses() -> Counter:
    db.session.commit()
    return Counter(db.session.scalars(db.select(OutboxMessage.status)))


def delivered(mailbox) -> Counter:
    """How many times each message arrived, by its Message-ID."""
    return Counter(message["Message-ID"] for message in mailbox.messages)


def text_of(message) -> str:
    """A text part's content as a mail program shows it (the wire's CRLFs as newlines)."""
    return message.get_content().replace("\r\n", "\n")


def free_port() -> int:
    """A port nothing listens on (the OS picked it and we let it go)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class LateServer:
    """An SMTP server that is down (nothing listens on its port) until start()."""

    def __init__(self):
        self.port = free_port()
        self.controller = None

    def start(self, handler=None, **options):
        handler = handler or Mailbox()
        self.controller = Controller(handler, hostname="127.0.0.1", port=self.port, **options)
        self.controller.start()
        return handler

    def stop(self):
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


@pytest.fixture
def late_smtp(app):
    server = LateServer()
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=server.port)
    yield server
    server.stop()


class RefusingOnce(Mailbox):
    """Refuses the first delivery of each chosen subject with a temporary error (451)."""

    def __init__(self, subjects):
        super().__init__()
        self.to_refuse = set(subjects)

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        subject = email.message_from_bytes(envelope.content, policy=policy.default)["Subject"]
        if subject in self.to_refuse:
            self.to_refuse.discard(subject)
            return "451 4.3.0 Try again later"
        return await super().handle_DATA(server, session, envelope)


class SlowMailbox(Mailbox):
    """Takes a little while over each message, so that racing workers overlap."""

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        import asyncio

        await asyncio.sleep(0.005)
        return await super().handle_DATA(server, session, envelope)


# Queueing -------------------------------------------------------------------------------------

def test_queue_saves_the_message_with_the_callers_change_not_before(app):
    before = utcnow()
    entry = outbox.queue(message_to(), "password_link")
    assert entry.status == OutboxStatus.PENDING
    db.session.rollback()  # the change that caused it was not saved: nor is the email
    assert statuses() == Counter()

    user = User(email="kim@example.test", name="Kim", role=Role.VS_ADMIN)
    db.session.add(user)
    entry = outbox.queue(message_to("kim@example.test", "Your Convene account"), "password_link")
    db.session.commit()
    saved = stored(entry.id)
    assert (saved.to_address, saved.subject, saved.kind) == (
        "kim@example.test", "Your Convene account", "password_link")
    assert saved.attempts == 0 and saved.next_attempt_at >= before


def test_queue_gives_the_message_its_message_id_and_date_once(app):
    message = message_to()
    entry = outbox.queue(message, "invite")
    parsed = email.message_from_bytes(entry.message, policy=policy.default)
    assert parsed["Message-ID"] == message["Message-ID"]
    assert parsed["Message-ID"].endswith("@convene.invalid>")
    assert parsed["Date"] and parsed.get_content().strip() == "See you on Tuesday at 2pm."


def test_queue_refuses_a_message_to_nobody(app):
    message = message_to()
    del message["To"]
    with pytest.raises(ValueError):
        outbox.queue(message, "invite")


def test_a_dedupe_key_adds_the_message_once_only(app):
    first = outbox.queue(message_to(), "reminder", dedupe_key="reminder:booking:42")
    assert outbox.queue(message_to(), "reminder", dedupe_key="reminder:booking:42") is None
    db.session.add(User(email="jo@example.test", name="Jo", role=Role.VS_ADVISOR))
    db.session.commit()
    assert outbox.queue(message_to(), "reminder", dedupe_key="reminder:booking:42") is None
    # The duplicate changed nothing else: the caller's transaction carries on.
    db.session.add(User(email="sam@example.test", name="Sam", role=Role.VS_ADVISOR))
    other = outbox.queue(message_to(), "reminder", dedupe_key="reminder:booking:43")
    db.session.commit()
    assert other is not None and first.id != other.id
    assert statuses() == Counter({OutboxStatus.PENDING: 2})
    assert db.session.scalar(db.select(db.func.count(User.id))) == 2


# Sending --------------------------------------------------------------------------------------

def test_send_due_delivers_a_queued_message_once(app, smtp):
    [message_id] = queue_messages(1)
    report = outbox.send_due("worker-a")
    assert (report.sent, report.retrying, report.failed) == (1, 0, 0)
    [received] = smtp.messages
    assert received["To"] == "senco@school.example.test"
    assert received["Subject"] == "Message 0"
    assert text_of(received) == "See you on Tuesday at 2pm.\n"
    saved = stored(message_id)
    assert saved.status == OutboxStatus.SENT and saved.sent_at is not None
    assert saved.attempts == 1 and saved.claimed_until is None

    assert outbox.send_due("worker-a").claimed == 0
    assert len(smtp.messages) == 1


def test_a_message_with_an_attachment_arrives_as_it_was_built(app, smtp):
    message = message_to("zoe@school.example.test", "Consultation on Tuesday", "Hello Zoë")
    message.add_alternative("BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n",
                            subtype="calendar", params={"method": "REQUEST"})
    message.add_attachment(b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", maintype="application",
                           subtype="ics", filename="invite.ics")
    outbox.queue(message, "invite")
    db.session.commit()
    outbox.send_due("worker-a")
    [received] = smtp.messages
    assert [part.get_content_type() for part in received.walk()] == [
        part.get_content_type() for part in message.walk()]
    assert text_of(received.get_body(("plain",))) == "Hello Zoë\n"
    [attachment] = received.iter_attachments()
    assert attachment.get_content() == b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"


def test_nothing_is_lost_or_sent_twice_while_the_server_is_down_then_up(app, late_smtp):
    ids = queue_messages(6)
    now = utcnow()
    report = outbox.send_due("worker-a", now=now)  # nothing listens on the port
    assert (report.sent, report.retrying) == (0, 6)
    first = stored(ids[0])
    assert first.status == OutboxStatus.PENDING and first.attempts == 1
    assert "ConnectionRefusedError" in first.last_error
    assert first.next_attempt_at == now + MINUTE
    assert outbox.send_due("worker-a", now=now + 30 * timedelta(seconds=1)).claimed == 0

    # Up again, but refusing two of the messages once (a temporary 451) in mid-batch.
    mailbox = late_smtp.start(RefusingOnce({"Message 1", "Message 4"}))
    report = outbox.send_due("worker-a", now=now + MINUTE)
    assert (report.sent, report.retrying) == (4, 2)
    assert outbox.send_due("worker-a", now=now + 2 * MINUTE).claimed == 0  # 2 minutes' wait
    report = outbox.send_due("worker-a", now=now + 3 * MINUTE)
    assert (report.sent, report.retrying) == (2, 0)

    assert statuses() == Counter({OutboxStatus.SENT: 6})
    assert sorted(delivered(mailbox).values()) == [1] * 6
    assert sorted(m["Subject"] for m in mailbox.messages) == [f"Message {n}" for n in range(6)]
    assert stored(ids[1]).attempts == 3 and stored(ids[0]).attempts == 2


def test_retries_back_off_doubling_to_an_hour_then_the_message_fails(app, late_smtp):
    [message_id] = queue_messages(1)
    now, waits = utcnow(), []
    for _ in range(8):
        report = outbox.send_due("worker-a", now=now)
        assert report.claimed == 1
        saved = stored(message_id)
        waits.append(saved.next_attempt_at - now)
        now = saved.next_attempt_at
    assert waits[:7] == [m * MINUTE for m in (1, 2, 4, 8, 16, 32, 60)]
    assert (report.retrying, report.failed) == (0, 1)
    assert saved.status == OutboxStatus.FAILED and saved.attempts == 8
    assert outbox.send_due("worker-a", now=now + timedelta(days=1)).claimed == 0


def test_retry_delay_never_exceeds_an_hour():
    assert [outbox.retry_delay(n) // MINUTE for n in range(1, 11)] == [
        1, 2, 4, 8, 16, 32, 60, 60, 60, 60]


def test_two_workers_racing_send_each_message_exactly_once(app, late_smtp):
    mailbox = late_smtp.start(SlowMailbox())
    app.config["MAIL_BATCH_SIZE"] = 3
    ids = queue_messages(50)
    start, reports, errors = threading.Barrier(2), {}, []

    def work(name):
        try:
            with app.app_context():
                g.writes = True
                start.wait()
                reports[name] = outbox.send_all_due(name)
        except Exception as error:  # reported by the test below, not lost in the thread
            errors.append(error)

    threads = [threading.Thread(target=work, args=(name,)) for name in ("worker-a", "worker-b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert sorted(delivered(mailbox).values()) == [1] * 50
    assert reports["worker-a"].sent + reports["worker-b"].sent == 50
    assert reports["worker-a"].sent and reports["worker-b"].sent, reports  # they did overlap
    assert statuses() == Counter({OutboxStatus.SENT: 50})
    assert {stored(i).attempts for i in ids} == {1}


def test_a_claim_takes_the_oldest_due_messages_and_no_more_than_asked(app):
    ids = queue_messages(8)
    first = outbox.claim_batch("worker-a", 3)
    second = outbox.claim_batch("worker-b", 3)
    assert [m.id for m in first] == ids[:3] and [m.id for m in second] == ids[3:6]
    assert {stored(i).claimed_by for i in ids[:3]} == {"worker-a"}
    assert stored(ids[6]).status == OutboxStatus.PENDING


def test_a_stuck_claim_runs_out_and_another_worker_sends_the_message(app, smtp):
    [message_id] = queue_messages(1)
    now = utcnow()
    assert len(outbox.claim_batch("crashed-worker", 10, now=now)) == 1  # ...and never reports
    assert outbox.send_due("worker-b", now=now + MINUTE).claimed == 0
    claim = timedelta(seconds=app.config["MAIL_CLAIM_SECONDS"])
    report = outbox.send_due("worker-b", now=now + claim + timedelta(seconds=1))
    assert report.sent == 1 and len(smtp.messages) == 1
    saved = stored(message_id)
    assert (saved.status, saved.claimed_by, saved.attempts) == (OutboxStatus.SENT, "worker-b", 2)


def test_a_stuck_message_with_no_tries_left_is_failed_not_taken_again(app, smtp):
    app.config["MAIL_MAX_ATTEMPTS"] = 1
    [message_id] = queue_messages(1)
    now = utcnow()
    outbox.claim_batch("crashed-worker", 10, now=now)
    later = now + timedelta(seconds=app.config["MAIL_CLAIM_SECONDS"] + 1)
    assert outbox.send_due("worker-b", now=later).claimed == 0
    saved = stored(message_id)
    assert saved.status == OutboxStatus.FAILED and saved.last_error == outbox.ABANDONED
    assert smtp.messages == []


# Where email goes -----------------------------------------------------------------------------

def test_without_a_mail_server_development_writes_eml_files(app, tmp_path):
    app.config.update(MAIL_SERVER=None, MAIL_OUTBOX_FOLDER=str(tmp_path / "mail"))
    ids = queue_messages(2, kind="password_link")
    report = outbox.send_due("worker-a")
    assert report.sent == 2
    files = sorted((tmp_path / "mail").iterdir())
    assert [f.name for f in files] == [f"{i:06d}-password_link.eml" for i in ids]
    parsed = email.message_from_bytes(files[1].read_bytes(), policy=policy.default)
    assert parsed["Subject"] == "Message 1" and parsed["To"] == "senco@school.example.test"
    assert statuses() == Counter({OutboxStatus.SENT: 2})


def test_the_development_folder_is_in_the_instance_folder_but_never_in_tests(app):
    assert outbox.outbox_folder() is None  # tests run as development, but TESTING is set
    app.config["TESTING"] = False
    assert outbox.outbox_folder() == Path(app.instance_path) / "outbox-mail"
    app.config["ENV_NAME"] = "production"
    assert outbox.outbox_folder() is None


def test_with_nowhere_to_send_nothing_is_claimed(app):
    [message_id] = queue_messages(1)
    with pytest.raises(mail.MailNotConfigured):
        outbox.send_due("worker-a")
    assert stored(message_id).attempts == 0


@pytest.fixture(scope="session")
def certificate(tmp_path_factory) -> Path:
    """A self-signed certificate for 127.0.0.1, made with openssl for these tests."""
    folder = tmp_path_factory.mktemp("tls")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", folder / "key.pem", "-out", folder / "cert.pem"],
                   check=True, capture_output=True)
    return folder


def _server_context(folder: Path) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(folder / "cert.pem", folder / "key.pem")
    return context


def _only(login: bytes, password: bytes):
    def authenticate(server, session, envelope, mechanism, auth_data):
        good = (auth_data.login, auth_data.password) == (login, password)
        return AuthResult(success=good, handled=False)  # not handled: aiosmtpd answers 535

    return authenticate


def test_starttls_and_sign_in_with_the_configured_credentials(app, late_smtp, certificate,
                                                              monkeypatch):
    monkeypatch.setenv("SSL_CERT_FILE", str(certificate / "cert.pem"))  # trust our server
    mailbox = late_smtp.start(tls_context=_server_context(certificate), require_starttls=True,
                              auth_required=True, authenticator=_only(b"convene", b"s3cret"))
    app.config.update(MAIL_USE_TLS=True, MAIL_USERNAME="convene", MAIL_PASSWORD="wrong")
    queue_messages(1)
    now = utcnow()
    report = outbox.send_due("worker-a", now=now)
    assert report.retrying == 1 and "SMTPAuthenticationError" in stored(1).last_error
    app.config["MAIL_PASSWORD"] = "s3cret"
    assert outbox.send_due("worker-a", now=now + MINUTE).sent == 1
    assert len(mailbox.messages) == 1


def test_implicit_tls_checks_the_servers_certificate(app, late_smtp, certificate,
                                                     monkeypatch):
    mailbox = late_smtp.start(ssl_context=_server_context(certificate))
    app.config["MAIL_USE_SSL"] = True
    queue_messages(1)
    now = utcnow()
    assert outbox.send_due("worker-a", now=now).retrying == 1  # not trusted yet
    assert "CERTIFICATE_VERIFY_FAILED" in stored(1).last_error
    monkeypatch.setenv("SSL_CERT_FILE", str(certificate / "cert.pem"))
    assert outbox.send_due("worker-a", now=now + MINUTE).sent == 1
    assert len(mailbox.messages) == 1


# The command ----------------------------------------------------------------------------------

def test_outbox_once_sends_what_is_due_and_says_how_many(app, runner, smtp):
    app.config["MAIL_BATCH_SIZE"] = 2  # more than one batch
    queue_messages(5)
    result = runner.invoke(args=["outbox", "--once"])
    assert result.exit_code == 0, result.output
    assert "5 sent, 0 to try again later, 0 failed" in result.output
    assert sorted(delivered(smtp).values()) == [1] * 5


def test_outbox_once_reports_messages_it_could_not_send(app, runner, late_smtp):
    queue_messages(2)
    result = runner.invoke(args=["outbox", "--once"])
    assert result.exit_code == 0, result.output
    assert "0 sent, 2 to try again later, 0 failed" in result.output


def test_outbox_refuses_to_run_with_nowhere_to_send(runner):
    result = runner.invoke(args=["outbox", "--once"])
    assert result.exit_code != 0
    assert "CONVENE_MAIL_SERVER is not set" in result.output


@pytest.mark.parametrize("stop_signal", [signal.SIGTERM, signal.SIGINT])
def test_the_worker_runs_until_it_is_told_to_stop(app, smtp, tmp_path, stop_signal):
    env = {**os.environ, "DATABASE_URL": database_url(tmp_path),
           "CONVENE_SECRET_KEY": "worker-test", "CONVENE_MAIL_SERVER": "127.0.0.1",
           "CONVENE_MAIL_PORT": str(app.config["MAIL_PORT"]), "CONVENE_MAIL_POLL_SECONDS": "0.1"}
    worker = subprocess.Popen([sys.executable, "-m", "flask", "--app", "wsgi", "outbox"],
                              cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True)
    try:
        queue_messages(3)
        deadline = time.monotonic() + 20
        while len(smtp.messages) < 3 and time.monotonic() < deadline:
            time.sleep(0.05)
        worker.send_signal(stop_signal)
        output, _ = worker.communicate(timeout=20)
    finally:
        worker.kill()
    assert worker.returncode == 0, output
    assert "Outbox worker stopped" in output
    assert sorted(delivered(smtp).values()) == [1] * 3
    assert statuses() == Counter({OutboxStatus.SENT: 3})
