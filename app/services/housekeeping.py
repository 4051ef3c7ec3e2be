"""Work that falls due with time rather than with a request: waiting-list offers that run
out, reminders, and failed sign-ins and browser sessions too old to count. The outbox worker runs
it before each round of sending, so whatever it queues goes out in the same round."""

from datetime import datetime

from flask import g

from app.auth import throttle
from app.extensions import db
from app.services import reminders, waiting_list, web_sessions


def run(now: datetime | None = None) -> tuple[int, int]:
    """Returns (offers expired, reminders queued). Safe to run in several workers at once:
    each offer is passed on, and each reminder queued, by one of them."""
    before = g.get("writes", False)
    # On SQLite each transaction in here takes the write lock at BEGIN, so a worker never
    # reads what is due and then fails to write because another worker wrote first.
    g.writes = True
    try:
        expired = waiting_list.expire_offers(now)
        queued = reminders.queue_reminders(now)
        throttle.forget_old(now)
        web_sessions.purge_expired(now)
        db.session.commit()
    finally:
        g.writes = before
    return expired, queued
