"""What people have said about phrases the identifier guard took for names: the Virtual
School's list of phrases that are never names, and each confirmation, on one field of one
record, that a flagged phrase is not a person's name."""

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from app.models.types import UTCDateTime, utcnow
from app.models.user import User

PHRASE_MAX = 120


def tidy_phrase(text: str) -> str:
    """A phrase as people mean it: spaces at the ends or doubled inside are typing slips."""
    return " ".join(text.split())


def phrase_key(text: str) -> str:
    """What makes two phrases the same phrase: case and spacing do not count."""
    return tidy_phrase(text).casefold()


class NeverAName(db.Model):
    """A phrase that is never anyone's name here: a programme, a place or a service
    ("Read Write Inc", "Let's Talk: We Miss You"). The guard does not report a name inside it."""

    __tablename__ = "never_a_name"

    id: Mapped[int] = mapped_column(primary_key=True)
    phrase: Mapped[str] = mapped_column(String(PHRASE_MAX))
    # phrase_key(phrase): unique, so a phrase is on the list once whatever its case.
    key: Mapped[str] = mapped_column(String(PHRASE_MAX), unique=True)
    # None for the phrases the demo data starts with.
    added_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    added_by: Mapped[User | None] = relationship()
    added_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    def __repr__(self) -> str:
        return f"<NeverAName {self.phrase!r}>"


class NameConfirmation(db.Model):
    """Someone confirmed that a phrase the guard flagged as a name, in one field of one
    record, is not a person's name. The record is named as the audit log names it."""

    __tablename__ = "name_confirmation"
    __table_args__ = (Index("ix_name_confirmation_record", "record_type", "record_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    record_type: Mapped[str] = mapped_column(String(60))
    record_id: Mapped[str] = mapped_column(String(60))
    # The form field's name (what the guard matches on when the record is edited again) and
    # its label as the page showed it (what people read).
    field: Mapped[str] = mapped_column(String(120))
    field_label: Mapped[str] = mapped_column(String(200))
    phrase: Mapped[str] = mapped_column(String(200))
    confirmed_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    confirmed_by: Mapped[User] = relationship()
    confirmed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    def __repr__(self) -> str:
        return f"<NameConfirmation {self.record_type} {self.record_id} {self.field}>"
