"""Failed sign-ins, counted for the sign-in limits (app/auth/throttle.py) and kept only as
long as the longest limit looks back."""

from datetime import datetime

from sqlalchemy import Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from app.models.types import UTCDateTime, utcnow


class FailedSignIn(db.Model):
    __tablename__ = "failed_sign_in"
    __table_args__ = (
        # The limits' questions: how many failures from this address, and for this account
        # from this address (or from anywhere: the same index, as few rows match an account
        # once the ceiling holds), since a moment.
        Index("ix_failed_sign_in_address", "address", "at"),
        Index("ix_failed_sign_in_account_address", "account", "address", "at"),
        # Housekeeping's: which rows are too old to matter.
        Index("ix_failed_sign_in_at", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # The SHA-256 of the email as typed (normalised), never the email itself: telling
    # accounts apart is all the limits need, and people sometimes type a password there.
    account: Mapped[str] = mapped_column(String(64))
    # An IPv4 address, or the /64 network of an IPv6 one (one household or server has a
    # whole /64, so counting single IPv6 addresses would count nothing).
    address: Mapped[str] = mapped_column(String(45))

    def __repr__(self) -> str:
        return f"<FailedSignIn {self.id} {self.address} {self.at:%Y-%m-%d %H:%M:%S}>"
