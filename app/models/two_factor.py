"""Two-factor sign-in: a person's authenticator secret, their recovery codes and the
devices they asked us to remember."""

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, backref, mapped_column, relationship

from app.extensions import db
from app.models.types import UTCDateTime, utcnow


class TwoFactorCredential(db.Model):
    """One per person at most. Unconfirmed (confirmed_at None) while they are setting it up."""

    __tablename__ = "two_factor_credential"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), unique=True)
    # user.two_factor_credential, for the pages that show whether someone has it on.
    user = relationship("User", backref=backref("two_factor_credential", uselist=False))
    # The TOTP secret, encrypted with a key derived from the app's secret key
    # (app/services/two_factor.py): a copy of the database alone cannot make codes.
    secret_encrypted: Mapped[str] = mapped_column(String(255))
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The 30-second time step of the last code accepted: a code for it or an earlier step is
    # refused, so a code seen over someone's shoulder cannot be used again.
    last_used_step: Mapped[int | None] = mapped_column(BigInteger)
    # Wrong codes in a row, and when the last was: too many and the code step waits.
    failed_codes: Mapped[int] = mapped_column(Integer, default=0)
    last_failed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class RecoveryCode(db.Model):
    """A single-use code to sign in without the authenticator app. Only its hash is kept."""

    __tablename__ = "recovery_code"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    salt: Mapped[str] = mapped_column(String(32))
    code_hash: Mapped[str] = mapped_column(String(64))
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class RememberedDevice(db.Model):
    """A browser that may skip the code step until expires_at. The cookie holds a token whose
    hash is kept here, so deleting the row forgets the device."""

    __tablename__ = "remembered_device"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
