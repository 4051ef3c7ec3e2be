"""Consultation sessions the Virtual School publishes, and the bookable slots in each."""

import enum
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from app.models.enums import LabelledEnum, enum_column_type
from app.models.types import UTCDateTime, utcnow
from app.models.user import User


class SessionMode(LabelledEnum, enum.StrEnum):
    ONLINE = "online"
    IN_PERSON = "in_person"


SessionMode.LABELS = {"online": "Online", "in_person": "In person"}


class SessionStatus(LabelledEnum, enum.StrEnum):
    PUBLISHED = "published"
    CANCELLED = "cancelled"


SessionStatus.LABELS = {"published": "Published", "cancelled": "Cancelled"}


class ConsultationSession(db.Model):
    __tablename__ = "consultation_session"
    __table_args__ = (
        CheckConstraint("ends_at > starts_at", name="ends_after_starts"),
        CheckConstraint("(mode != 'online') OR (meeting_url IS NOT NULL)",
                        name="online_has_meeting_url"),
        CheckConstraint("(mode != 'in_person') OR (venue IS NOT NULL)",
                        name="in_person_has_venue"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime())
    mode: Mapped[SessionMode] = mapped_column(enum_column_type(SessionMode, "session_mode"))
    meeting_url: Mapped[str | None] = mapped_column(String(500))
    venue: Mapped[str | None] = mapped_column(String(300))
    educational_psychologist_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id"), index=True)
    educational_psychologist: Mapped[User] = relationship(
        foreign_keys=[educational_psychologist_id])
    advisor_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    advisor: Mapped[User | None] = relationship(foreign_keys=[advisor_id])
    slot_minutes: Mapped[int] = mapped_column(Integer)
    gap_minutes: Mapped[int] = mapped_column(Integer)
    status: Mapped[SessionStatus] = mapped_column(
        enum_column_type(SessionStatus, "session_status"), default=SessionStatus.PUBLISHED)
    cancel_reason: Mapped[str | None] = mapped_column(String(500))
    created_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # Shared by the sessions published together as a term's series.
    series_key: Mapped[str | None] = mapped_column(String(40), index=True)
    slots: Mapped[list["Slot"]] = relationship(
        back_populates="session", order_by="Slot.position", cascade="all, delete-orphan")

    @property
    def is_cancelled(self) -> bool:
        return self.status == SessionStatus.CANCELLED


class Slot(db.Model):
    __tablename__ = "slot"
    __table_args__ = (
        UniqueConstraint("session_id", "position", name="uq_slot_session_id_position"),
        CheckConstraint("ends_at > starts_at", name="ends_after_starts"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("consultation_session.id", ondelete="CASCADE"))
    session: Mapped[ConsultationSession] = relationship(back_populates="slots")
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime())
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime())
    position: Mapped[int] = mapped_column(Integer)
