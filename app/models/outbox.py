"""The email outbox: each message waits here, saved with the change that caused it, until a
worker sends it."""

import enum
from datetime import datetime

from sqlalchemy import Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from app.models.enums import LabelledEnum, enum_column_type
from app.models.types import UTCDateTime, utcnow


class OutboxStatus(LabelledEnum, enum.StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"


OutboxStatus.LABELS = {"pending": "Waiting", "sending": "Sending", "sent": "Sent",
                       "failed": "Failed"}


class OutboxMessage(db.Model):
    __tablename__ = "outbox_message"
    __table_args__ = (
        # The workers' question: which messages are due now?
        Index("ix_outbox_message_due", "status", "next_attempt_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # What the message is for ("invite", "reminder", "password_link"): for people and logs.
    kind: Mapped[str] = mapped_column(String(40))
    to_address: Mapped[str] = mapped_column(String(1000))
    subject: Mapped[str] = mapped_column(String(998))
    # The whole RFC 5322 message as it will be sent. It may carry a one-time link, so it is
    # never shown on a page or written to a log.
    message: Mapped[bytes] = mapped_column(LargeBinary)
    status: Mapped[OutboxStatus] = mapped_column(
        enum_column_type(OutboxStatus, "outbox_status"), default=OutboxStatus.PENDING)
    # Tries made so far, counted when a worker takes the message, so that a message that
    # stops the worker itself cannot be retried for ever.
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    last_error: Mapped[str | None] = mapped_column(Text)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The worker sending it, and until when: a worker that dies loses its claim then.
    claimed_by: Mapped[str | None] = mapped_column(String(100))
    claimed_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # e.g. "reminder:booking:42": a message with a key already in the outbox is not added again.
    dedupe_key: Mapped[str | None] = mapped_column(String(200), unique=True)

    def __repr__(self) -> str:
        return f"<OutboxMessage {self.id} {self.kind} {self.status}>"
