"""Work that falls due with time rather than with a request: waiting-list offers that run
out, and reminders. The outbox worker runs it before each round of sending, so whatever it
queues goes out in the same round."""

from datetime import datetime

from app.extensions import db
from app.services import reminders, waiting_list


def run(now: datetime | None = None) -> tuple[int, int]:
    """Returns (offers expired, reminders queued)."""
    expired = waiting_list.expire_offers(now)
    queued = reminders.queue_reminders(now)
    db.session.commit()
    return expired, queued
