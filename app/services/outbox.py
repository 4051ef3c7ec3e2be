"""The email outbox: messages are saved with the change that causes them, and sent by workers.

No web request sends email. A view calls queue(), which adds the message to the view's own
transaction: the message exists if and only if the change it belongs to was saved. Workers
(`flask outbox`, as many processes as you like) claim the messages that are due, send them
over SMTP and record what happened; a message that cannot be sent now is tried again later,
waiting longer each time, and is marked failed after MAIL_MAX_ATTEMPTS tries.

Sent once: a claim is one atomic UPDATE, so two workers never hold the same message, and
only the worker holding a message sends it or records its outcome. One window is left, and
no outbox can close it without the mail server's help: the server accepted a message and the
worker died before it recorded that. The claim then runs out and another worker sends the
message again, so the recipient gets it twice (with the same Message-ID). A duplicate is
the price of never losing a message.
"""

import contextlib
import email
import os
import re
import secrets
import signal
import smtplib
import socket
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid, parseaddr
from pathlib import Path

from flask import current_app, g
from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.exc import IntegrityError

from app.extensions import db
from app.models import OutboxMessage, OutboxStatus
from app.models.types import utcnow
from app.services import audit, mail

FIRST_RETRY = timedelta(minutes=1)
LONGEST_RETRY = timedelta(hours=1)
ERROR_LENGTH = 1000
ABANDONED = "The worker stopped while sending this message, and it had no tries left"


@dataclass(frozen=True)
class ClaimedMessage:
    """What a worker needs to send one message: plain data, so no transaction stays open
    (and no lock is held) while it talks to the mail server."""

    id: int
    kind: str
    attempts: int
    message: bytes


@dataclass
class SendReport:
    claimed: int = 0
    sent: int = 0
    retrying: int = 0
    failed: int = 0

    def add(self, other: "SendReport") -> None:
        self.claimed += other.claimed
        self.sent += other.sent
        self.retrying += other.retrying
        self.failed += other.failed

    def summary(self) -> str:
        return f"{self.sent} sent, {self.retrying} to try again later, {self.failed} failed"


# Queueing -------------------------------------------------------------------------------------

def queue(message: EmailMessage, kind: str,
          dedupe_key: str | None = None) -> OutboxMessage | None:
    """Add the message to the outbox in the caller's transaction, without committing, so
    that it is sent only if the change that caused it is saved.

    With a dedupe_key that is already in the outbox nothing is added, and None is returned.
    The message gets its Message-ID and Date now, so every try sends the same message.
    """
    recipients = ", ".join(str(value) for header in ("To", "Cc", "Bcc")
                           for value in message.get_all(header, []))
    if not recipients:
        raise ValueError("an email in the outbox needs someone to send it to")
    _stamp(message)
    entry = OutboxMessage(
        kind=kind, to_address=recipients[:1000], subject=str(message["Subject"] or "")[:998],
        message=message.as_bytes(policy=policy.SMTP), dedupe_key=dedupe_key,
        status=OutboxStatus.PENDING, attempts=0, next_attempt_at=utcnow())
    if dedupe_key is None:
        db.session.add(entry)
        return entry
    return _add_once(entry)


def _stamp(message: EmailMessage) -> None:
    if "Message-ID" not in message:
        domain = parseaddr(current_app.config["MAIL_FROM"])[1].rpartition("@")[2]
        message["Message-ID"] = make_msgid(domain=domain or "convene.invalid")
    if "Date" not in message:
        message["Date"] = format_datetime(utcnow())


def _add_once(entry: OutboxMessage) -> OutboxMessage | None:
    # The unique index decides, not a look first: two requests adding the same key at once
    # would both find nothing. The savepoint keeps the caller's transaction usable; the
    # caller's own changes are flushed first, so an error in them is not taken for a duplicate.
    db.session.flush()
    try:
        with db.session.begin_nested():
            db.session.add(entry)
    except IntegrityError:
        return None
    return entry


# Claiming -------------------------------------------------------------------------------------

def claim_batch(worker_id: str, limit: int, now: datetime | None = None) -> list[ClaimedMessage]:
    """Take up to `limit` due messages for this worker, and commit.

    One transaction: SELECT the due ids, then UPDATE ... WHERE id IN (those ids) AND (still
    due) ... RETURNING. On SQLite the transaction holds the database's write lock from BEGIN
    (g.writes), so claims simply run one after another. On PostgreSQL the SELECT locks the
    rows it picks and skips rows another claim has locked (FOR UPDATE SKIP LOCKED), so two
    workers take different messages at once; the "still due" re-check makes a double claim
    impossible even without the locks. (Not one UPDATE with the SELECT as its subquery:
    PostgreSQL may run such a subquery more than once, claiming far more than `limit`.)
    Start it with no transaction open in the session.
    """
    now = now or utcnow()
    due = _due(now)
    chosen = (select(OutboxMessage.id).where(due)
              .order_by(OutboxMessage.next_attempt_at, OutboxMessage.id)
              .limit(limit).with_for_update(skip_locked=True))
    with _writing():
        _fail_abandoned(now)
        ids = db.session.scalars(chosen).all()
        rows = db.session.execute(_claim(ids, due, worker_id, now)).all() if ids else []
        db.session.commit()
    return sorted((ClaimedMessage(*row) for row in rows), key=lambda claimed: claimed.id)


def _claim(ids: list[int], due, worker_id: str, now: datetime):
    return (update(OutboxMessage)
            .where(OutboxMessage.id.in_(ids), due)
            .values(status=OutboxStatus.SENDING, claimed_by=worker_id,
                    claimed_until=now + _claim_length(), attempts=OutboxMessage.attempts + 1)
            .returning(OutboxMessage.id, OutboxMessage.kind, OutboxMessage.attempts,
                       OutboxMessage.message)
            .execution_options(synchronize_session=False))


def _due(now: datetime):
    waiting = and_(OutboxMessage.status == OutboxStatus.PENDING,
                   OutboxMessage.next_attempt_at <= now)
    # Claimed by a worker that stopped (or stalled) before it recorded the outcome.
    abandoned = and_(OutboxMessage.status == OutboxStatus.SENDING,
                     OutboxMessage.claimed_until < now)
    return or_(waiting, abandoned)


def _fail_abandoned(now: datetime) -> None:
    # An abandoned message with no tries left is not taken again: it may be the very
    # message that stops the worker, which would otherwise happen for ever.
    db.session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.status == OutboxStatus.SENDING, OutboxMessage.claimed_until < now,
               OutboxMessage.attempts >= _max_attempts())
        .values(status=OutboxStatus.FAILED, last_error=ABANDONED, claimed_by=None,
                claimed_until=None)
        .execution_options(synchronize_session=False))


@contextlib.contextmanager
def _writing():
    """Transactions begun in here take SQLite's write lock at BEGIN (see app/database.py),
    so a claim never fails half-way because another worker wrote first."""
    before = g.get("writes", False)
    g.writes = True
    try:
        yield
    finally:
        g.writes = before


def _update_if_mine(message_id: int, worker_id: str, **values) -> bool:
    """Change a message this worker holds, and commit; False if it no longer holds it."""
    stmt = (update(OutboxMessage)
            .where(OutboxMessage.id == message_id, OutboxMessage.claimed_by == worker_id,
                   OutboxMessage.status == OutboxStatus.SENDING)
            .values(**values)
            .execution_options(synchronize_session=False))
    with _writing():
        changed = db.session.execute(stmt).rowcount == 1
        db.session.commit()
    return changed


# Sending --------------------------------------------------------------------------------------

def send_due(worker_id: str, now: datetime | None = None) -> SendReport:
    """Claim one batch of due messages, send each, and record each outcome as it happens.

    Raises mail.MailNotConfigured (before claiming anything) when there is nowhere to send.
    """
    clock = (lambda: now) if now else utcnow
    transport = _transport()
    claimed = claim_batch(worker_id, int(current_app.config["MAIL_BATCH_SIZE"]), now=clock())
    report = SendReport(claimed=len(claimed))
    with contextlib.closing(transport):
        for message in claimed:
            _send_one(message, transport, worker_id, clock(), report)
    return report


def send_all_due(worker_id: str, now: datetime | None = None) -> SendReport:
    """Batches until nothing more is due (a failed message waits for its next try)."""
    total = SendReport()
    batch = int(current_app.config["MAIL_BATCH_SIZE"])
    while True:
        report = send_due(worker_id, now)
        total.add(report)
        if report.claimed < batch:
            return total


def _send_one(message: ClaimedMessage, transport, worker_id: str, now: datetime,
              report: SendReport) -> None:
    # Extending the claim first means a slow batch never lets another worker take a
    # message this one is about to send.
    if not _update_if_mine(message.id, worker_id, claimed_until=now + _claim_length()):
        return
    try:
        transport.deliver(message)
    except Exception as error:  # one bad message must not stop the others
        _record_failure(message, worker_id, now, error, report)
        return
    report.sent += 1
    if not _update_if_mine(message.id, worker_id, status=OutboxStatus.SENT, sent_at=now,
                           claimed_until=None):
        current_app.logger.warning(
            "outbox message %s was sent after its claim ran out: it may be sent twice",
            message.id)


def _record_failure(message: ClaimedMessage, worker_id: str, now: datetime,
                    error: Exception, report: SendReport) -> None:
    gave_up = message.attempts >= _max_attempts()
    current_app.logger.warning("outbox message %s (%s) not sent, try %s%s: %r", message.id,
                               message.kind, message.attempts, ", giving up" if gave_up else "",
                               error)
    _update_if_mine(
        message.id, worker_id,
        status=OutboxStatus.FAILED if gave_up else OutboxStatus.PENDING,
        last_error=f"{type(error).__name__}: {error}"[:ERROR_LENGTH],
        next_attempt_at=now + retry_delay(message.attempts),
        claimed_by=None, claimed_until=None)
    if gave_up:
        report.failed += 1
    else:
        report.retrying += 1


def retry_delay(attempts: int) -> timedelta:
    """1, 2, 4, 8... minutes after the 1st, 2nd, 3rd, 4th... try, never more than an hour."""
    return min(FIRST_RETRY * 2 ** max(attempts - 1, 0), LONGEST_RETRY)


def _max_attempts() -> int:
    return int(current_app.config["MAIL_MAX_ATTEMPTS"])


def _claim_length() -> timedelta:
    return timedelta(seconds=int(current_app.config["MAIL_CLAIM_SECONDS"]))


# Where messages go ----------------------------------------------------------------------------

class SmtpTransport:
    """One SMTP connection for a batch, opened when first needed and afresh after an error.
    If it cannot be opened at all, the rest of the batch fails with that error at once
    rather than waiting on an unreachable server once per message."""

    def __init__(self):
        self._smtp = None
        self._unreachable = None

    def deliver(self, message: ClaimedMessage) -> None:
        if self._unreachable is not None:
            raise self._unreachable
        if self._smtp is None:
            try:
                self._smtp = mail.connect()
            except Exception as error:
                self._unreachable = error
                raise
        try:
            self._smtp.send_message(email.message_from_bytes(message.message,
                                                             policy=policy.SMTP))
        except Exception:
            self.close()  # the conversation may be in any state: start the next one clean
            raise

    def close(self) -> None:
        smtp, self._smtp = self._smtp, None
        if smtp is None:
            return
        try:
            smtp.quit()
        except (OSError, smtplib.SMTPException):
            smtp.close()  # the server has gone already


class FolderTransport:
    """Development without a mail server: each message becomes a .eml file to open in a
    mail program. Named by the message's id, so sending it again overwrites it."""

    def __init__(self, folder: Path):
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    def deliver(self, message: ClaimedMessage) -> None:
        name = f"{message.id:06d}-{re.sub(r'[^A-Za-z0-9_-]', '_', message.kind)}"
        partial = self.folder / f"{name}.partial"
        partial.write_bytes(message.message)
        os.replace(partial, self.folder / f"{name}.eml")  # never a half-written .eml

    def close(self) -> None:
        pass


def outbox_folder() -> Path | None:
    cfg = current_app.config
    if cfg.get("MAIL_OUTBOX_FOLDER"):
        return Path(cfg["MAIL_OUTBOX_FOLDER"])
    # Tests run as development too, but must never write into the real instance folder.
    if cfg["ENV_NAME"] == "development" and not current_app.testing:
        return Path(current_app.instance_path) / "outbox-mail"
    return None


def check_can_send() -> None:
    """Raises mail.MailNotConfigured when there is neither a mail server nor a folder."""
    _transport().close()


def _transport():
    if mail.is_configured():
        return SmtpTransport()
    folder = outbox_folder()
    if folder is not None:
        return FolderTransport(folder)
    raise mail.MailNotConfigured(
        "CONVENE_MAIL_SERVER is not set (nor MAIL_OUTBOX_FOLDER): there is nowhere to send email")


# The worker -----------------------------------------------------------------------------------

def worker_name() -> str:
    """Unique to this process, even where containers share a host name and pids."""
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"[-100:]


def run_worker(worker_id: str, stop: threading.Event, echo=print, before_round=None) -> None:
    """Send what is due every MAIL_POLL_SECONDS until `stop` is set. A stop request lets the
    current batch finish, so no claim is left to run out. `before_round` (if given) runs
    first each round: work that queues email as time passes, such as reminders."""
    poll = float(current_app.config["MAIL_POLL_SECONDS"])
    echo(f"Outbox worker {worker_id} started: sending every {poll:g} seconds")
    while not stop.is_set():
        try:
            if before_round is not None:
                before_round()
            report = send_all_due(worker_id)
        except Exception:  # the database may be away a moment: keep going
            current_app.logger.exception("outbox worker: this round failed; trying again")
            db.session.rollback()
        else:
            if report.claimed:
                echo(report.summary())
        stop.wait(poll)
    echo("Outbox worker stopped")


def stop_on_signals(stop: threading.Event) -> None:
    """SIGTERM (a service manager) and SIGINT (Ctrl-C) ask the worker to stop cleanly."""
    def _handle(_signum, _frame):
        stop.set()

    signal.signal(signal.SIGTERM, _handle)
    signal.signal(signal.SIGINT, _handle)


# The admin page's questions and actions -------------------------------------------------------

def status_counts() -> dict[OutboxStatus, int]:
    """How many messages have each status, what needs attention first."""
    rows = db.session.execute(select(OutboxMessage.status, func.count())
                              .group_by(OutboxMessage.status))
    counts = dict.fromkeys([OutboxStatus.FAILED, OutboxStatus.PENDING, OutboxStatus.SENDING,
                            OutboxStatus.SENT], 0)
    counts.update({status: count for status, count in rows})
    return counts


def try_again(message: OutboxMessage) -> bool:
    """Put a failed message back in the queue for one more try (its tries so far are kept,
    so a further failure marks it failed again). False if it had not failed."""
    if message.status != OutboxStatus.FAILED:
        return False
    message.status = OutboxStatus.PENDING
    message.next_attempt_at = utcnow()
    audit.record("outbox_retry", message, detail=f"{message.kind}, after "
                                                 f"{message.attempts} tries")
    return True
