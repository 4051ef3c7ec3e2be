"""Consultation sessions the Virtual School publishes, and the bookable slots in each."""

import enum
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, UniqueConstraint, text
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


# Bookings ------------------------------------------------------------------------------------

LIVE_BOOKING = text("status = 'booked'")
LIVE_WAIT = text("status IN ('waiting', 'offered')")
LIVE_OFFER = text("status = 'offered'")
LIVE_ATTENDEE = text("removed_at IS NULL")


class BookingStatus(LabelledEnum, enum.StrEnum):
    BOOKED = "booked"
    CANCELLED = "cancelled"


BookingStatus.LABELS = {"booked": "Booked", "cancelled": "Cancelled"}


class AttendeeKind(LabelledEnum, enum.StrEnum):
    SCHOOL_STAFF = "school_staff"
    SOCIAL_WORKER = "social_worker"
    OTHER = "other"


AttendeeKind.LABELS = {"school_staff": "School staff", "social_worker": "Social worker",
                       "other": "Other"}


class Booking(db.Model):
    """One slot booked for one accepted advice request.

    The two partial unique indexes are the booking rules the database keeps, whatever two
    people do at the same moment: a slot holds one live booking, and a request has one.
    """

    __tablename__ = "booking"
    __table_args__ = (
        Index("uq_booking_live_slot", "slot_id", unique=True,
              sqlite_where=LIVE_BOOKING, postgresql_where=LIVE_BOOKING),
        Index("uq_booking_live_request", "request_id", unique=True,
              sqlite_where=LIVE_BOOKING, postgresql_where=LIVE_BOOKING),
        CheckConstraint("sequence >= 0", name="sequence_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # SFC-2026-0042: what invites, emails and pages call the consultation.
    reference: Mapped[str] = mapped_column(String(16), unique=True)
    # The calendar UID for the life of the booking, and the iTIP SEQUENCE of its last message.
    uid: Mapped[str] = mapped_column(String(100), unique=True)
    sequence: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[BookingStatus] = mapped_column(
        enum_column_type(BookingStatus, "booking_status"), default=BookingStatus.BOOKED)
    slot_id: Mapped[int] = mapped_column(ForeignKey("slot.id"), index=True)
    slot: Mapped[Slot] = relationship()
    request_id: Mapped[int] = mapped_column(ForeignKey("advice_request.id"), index=True)
    request: Mapped["AdviceRequest"] = relationship()  # noqa: F821
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id"), index=True)
    booked_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    booked_by: Mapped[User] = relationship(foreign_keys=[booked_by_id])
    booked_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # When the slot last changed (booked or moved): a reminder is not sent for a slot
    # chosen on or after the day the reminder would go.
    slot_chosen_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    cancelled_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    cancel_reason: Mapped[str | None] = mapped_column(String(500))
    attendees: Mapped[list["BookingAttendee"]] = relationship(
        back_populates="booking", order_by="BookingAttendee.id", cascade="all, delete-orphan")

    @property
    def is_live(self) -> bool:
        return self.status == BookingStatus.BOOKED

    @property
    def live_attendees(self) -> list["BookingAttendee"]:
        return [each for each in self.attendees if each.removed_at is None]

    def __repr__(self) -> str:
        return f"<Booking {self.reference} {self.status}>"


class BookingAttendee(db.Model):
    """Someone the school names to attend: they get the invites. Removing someone keeps
    the row (with removed_at), so the booking page can show who was told what."""

    __tablename__ = "booking_attendee"
    __table_args__ = (
        Index("uq_booking_attendee_live_email", "booking_id", "email", unique=True,
              sqlite_where=LIVE_ATTENDEE, postgresql_where=LIVE_ATTENDEE),
        CheckConstraint("email = lower(email)", name="email_lower_case"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    booking_id: Mapped[int] = mapped_column(ForeignKey("booking.id", ondelete="CASCADE"),
                                            index=True)
    booking: Mapped[Booking] = relationship(back_populates="attendees")
    kind: Mapped[AttendeeKind] = mapped_column(enum_column_type(AttendeeKind, "attendee_kind"))
    name: Mapped[str] = mapped_column(String(120))
    job_role: Mapped[str] = mapped_column(String(120))
    email: Mapped[str] = mapped_column(String(254), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class WaitStatus(LabelledEnum, enum.StrEnum):
    WAITING = "waiting"
    OFFERED = "offered"
    BOOKED = "booked"
    EXPIRED = "expired"
    WITHDRAWN = "withdrawn"
    CLOSED = "closed"


WaitStatus.LABELS = {"waiting": "Waiting", "offered": "Offered a slot", "booked": "Booked",
                     "expired": "Offer passed on", "withdrawn": "Left the list",
                     "closed": "Session cancelled"}


class WaitingListEntry(db.Model):
    """A request waiting for a slot in a full session. When a slot frees, the first entry
    waiting is offered it and holds it until offer_expires_at; then it passes on."""

    __tablename__ = "waiting_list_entry"
    __table_args__ = (
        Index("uq_waiting_live_request", "session_id", "request_id", unique=True,
              sqlite_where=LIVE_WAIT, postgresql_where=LIVE_WAIT),
        # A freed slot is offered to one school at a time.
        Index("uq_waiting_live_offer", "offered_slot_id", unique=True,
              sqlite_where=LIVE_OFFER, postgresql_where=LIVE_OFFER),
        CheckConstraint("status != 'offered' OR (offered_slot_id IS NOT NULL "
                        "AND offer_expires_at IS NOT NULL)", name="offer_has_slot_and_expiry"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("consultation_session.id"), index=True)
    session: Mapped[ConsultationSession] = relationship()
    request_id: Mapped[int] = mapped_column(ForeignKey("advice_request.id"), index=True)
    request: Mapped["AdviceRequest"] = relationship()  # noqa: F821
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id"), index=True)
    joined_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    joined_by: Mapped[User] = relationship()
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    status: Mapped[WaitStatus] = mapped_column(enum_column_type(WaitStatus, "wait_status"),
                                               default=WaitStatus.WAITING, index=True)
    offered_slot_id: Mapped[int | None] = mapped_column(ForeignKey("slot.id"))
    offered_slot: Mapped[Slot | None] = relationship()
    offered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    offer_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)


class CalendarFeed(db.Model):
    """A person's secret calendar subscription. Only a hash of the token is kept, so the
    database cannot leak working feed addresses; revoking one stops it at once."""

    __tablename__ = "calendar_feed"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), index=True)
    user: Mapped[User] = relationship()
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
