"""Column types shared by the models."""

from datetime import UTC, datetime

from sqlalchemy import DateTime
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator):
    """A timezone-aware UTC datetime on every backend.

    SQLite keeps no offset, so values come back naive; this gives them back as UTC
    and refuses naive values on the way in, so a local time can never slip in.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: store times as UTC-aware datetimes")
        return value.astimezone(UTC)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)

    def result_processor(self, dialect, coltype):
        if dialect.name != "sqlite":
            return super().result_processor(dialect, coltype)
        # SQLite hands back the text written ("2026-11-24 09:30:00.000000", UTC, no offset).
        # Parsed with the offset added it comes out aware at once: datetime.replace() alone
        # took most of the time of reading a datetime, and a page of slots reads hundreds.
        general = super().result_processor(dialect, coltype)

        def process(value):
            if value is None:
                return None
            try:
                return datetime.fromisoformat(value + "+00:00")
            except (TypeError, ValueError):  # not the text written: take the long way
                return general(value)

        return process


def utcnow() -> datetime:
    return datetime.now(UTC)
