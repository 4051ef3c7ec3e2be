"""Signed-in (and anonymous) browser sessions, held on the server: the cookie carries only
a random id, and ending a session deletes its row, so a copied cookie stops working."""

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from app.models.types import UTCDateTime, utcnow


class WebSession(db.Model):
    __tablename__ = "web_session"

    # The SHA-256 of the cookie's random id: the id itself is never stored, so reading the
    # table does not give anyone a session.
    id_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    # Who is signed in with it; None before sign-in (a form's CSRF token, a message).
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    # The session's contents, as Flask's tagged JSON.
    data: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
