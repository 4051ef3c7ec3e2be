"""What happens after a consultation and between them: the EP's outcome, Team Around the
Child meetings, the actions both agree, and the child's One Page Profile."""

import enum
from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from app.models.booking import Booking
from app.models.child import ChildRecord
from app.models.enums import LabelledEnum, enum_column_type
from app.models.theme import Theme
from app.models.types import UTCDateTime, utcnow
from app.models.user import User

# Consultation outcomes ----------------------------------------------------------------------


class OutcomeStatus(LabelledEnum, enum.StrEnum):
    DRAFT = "draft"
    FINAL = "final"


OutcomeStatus.LABELS = {"draft": "Draft", "final": "Finalised"}


class NextStep(LabelledEnum, enum.StrEnum):
    FOLLOW_UP = "follow_up"
    TAC_MEETING = "tac_meeting"
    REFERRAL = "referral"
    CLOSE = "close"


NextStep.LABELS = {"follow_up": "Follow-up consultation", "tac_meeting": "TAC meeting",
                   "referral": "Referral to another service", "close": "Close"}


outcome_theme = Table(
    "consultation_outcome_theme",
    db.metadata,
    Column("outcome_id", ForeignKey("consultation_outcome.id", ondelete="CASCADE"),
           primary_key=True),
    Column("theme_id", ForeignKey("theme.id"), primary_key=True, index=True),
)


class ConsultationOutcome(db.Model):
    """The EP's record of one consultation, in solution-focused form. A draft can change;
    once final it is locked, and corrections are amendments beside it."""

    __tablename__ = "consultation_outcome"
    __table_args__ = (
        CheckConstraint("scale_now IS NULL OR scale_now BETWEEN 0 AND 10", name="scale_range"),
        CheckConstraint("status = 'draft' OR finalised_at IS NOT NULL",
                        name="final_has_finalised_at"),
        # The dashboard's scaling pairs and social worker counts: read from the index alone.
        Index("ix_consultation_outcome_dashboard", "status", "child_id", "finalised_at", "id",
              "school_id", "next_step", "social_worker_attended", "scale_now"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    booking_id: Mapped[int] = mapped_column(ForeignKey("booking.id"), unique=True)
    booking: Mapped[Booking] = relationship()
    # Copied from the booking, so that trackers and the dashboard need no detour.
    request_id: Mapped[int] = mapped_column(ForeignKey("advice_request.id"), index=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("child_record.id"), index=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id"), index=True)
    status: Mapped[OutcomeStatus] = mapped_column(
        enum_column_type(OutcomeStatus, "outcome_status"), default=OutcomeStatus.DRAFT)
    best_hopes: Mapped[str | None] = mapped_column(Text)
    already_working: Mapped[str | None] = mapped_column(Text)
    strengths: Mapped[str | None] = mapped_column(Text)
    scale_now: Mapped[int | None] = mapped_column(Integer)
    one_point_higher: Mapped[str | None] = mapped_column(Text)
    next_step: Mapped[NextStep | None] = mapped_column(enum_column_type(NextStep, "next_step"))
    follow_up_on: Mapped[date | None] = mapped_column(Date)
    # Whether the child's social worker was there: the dashboard reports the share.
    social_worker_attended: Mapped[bool] = mapped_column(Boolean, default=False)
    themes: Mapped[list[Theme]] = relationship(secondary=outcome_theme, order_by=Theme.position)
    attendees: Mapped[list["OutcomeAttendee"]] = relationship(
        back_populates="outcome", order_by="OutcomeAttendee.id", cascade="all, delete-orphan")
    amendments: Mapped[list["OutcomeAmendment"]] = relationship(
        back_populates="outcome", order_by="OutcomeAmendment.id", cascade="all, delete-orphan")
    actions: Mapped[list["Action"]] = relationship(
        back_populates="outcome", order_by="Action.id", cascade="all, delete-orphan")
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    recorded_by: Mapped[User] = relationship(foreign_keys=[recorded_by_id])
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    finalised_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)
    summary_sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    @property
    def is_final(self) -> bool:
        return self.status == OutcomeStatus.FINAL


class OutcomeAttendee(db.Model):
    __tablename__ = "outcome_attendee"

    id: Mapped[int] = mapped_column(primary_key=True)
    outcome_id: Mapped[int] = mapped_column(
        ForeignKey("consultation_outcome.id", ondelete="CASCADE"), index=True)
    outcome: Mapped[ConsultationOutcome] = relationship(back_populates="attendees")
    name: Mapped[str] = mapped_column(String(120))
    job_role: Mapped[str] = mapped_column(String(120))
    email: Mapped[str | None] = mapped_column(String(254))
    is_social_worker: Mapped[bool] = mapped_column(Boolean, default=False)


class OutcomeAmendment(db.Model):
    """A correction to a finalised outcome: the original stays as it was."""

    __tablename__ = "outcome_amendment"

    id: Mapped[int] = mapped_column(primary_key=True)
    outcome_id: Mapped[int] = mapped_column(
        ForeignKey("consultation_outcome.id", ondelete="CASCADE"), index=True)
    outcome: Mapped[ConsultationOutcome] = relationship(back_populates="amendments")
    text: Mapped[str] = mapped_column(Text)
    by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    by: Mapped[User] = relationship()
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


# Team Around the Child ----------------------------------------------------------------------


class TacStatus(LabelledEnum, enum.StrEnum):
    SCHEDULED = "scheduled"
    HELD = "held"
    CANCELLED = "cancelled"


TacStatus.LABELS = {"scheduled": "Scheduled", "held": "Held", "cancelled": "Cancelled"}

# The headings the field uses for a TAC meeting's notes, in order: (column, label).
TAC_HEADINGS = (
    ("academic_progress", "Academic progress"),
    ("attainment", "Attainment"),
    ("attendance", "Attendance"),
    ("wellbeing", "Wellbeing"),
    ("belonging", "Belonging"),
    ("aspirations", "Future aspirations"),
)


class TacMeeting(db.Model):
    """A Team Around the Child meeting for one child record: scheduled ahead (with invites,
    like a booking) and then written up."""

    __tablename__ = "tac_meeting"
    __table_args__ = (CheckConstraint("ends_at > starts_at", name="ends_after_starts"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(16), unique=True)  # TAC-2026-0007
    child_id: Mapped[int] = mapped_column(ForeignKey("child_record.id"), index=True)
    child: Mapped[ChildRecord] = relationship()
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id"), index=True)
    status: Mapped[TacStatus] = mapped_column(enum_column_type(TacStatus, "tac_status"),
                                              default=TacStatus.SCHEDULED)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime())
    location: Mapped[str | None] = mapped_column(String(300))
    meeting_url: Mapped[str | None] = mapped_column(String(500))
    # For the invites: one UID for the meeting's life, SEQUENCE raised on every change.
    uid: Mapped[str] = mapped_column(String(100), unique=True)
    sequence: Mapped[int] = mapped_column(Integer, default=0)
    key_adult: Mapped[str | None] = mapped_column(String(200))
    supportive_adults: Mapped[str | None] = mapped_column(Text)
    academic_progress: Mapped[str | None] = mapped_column(Text)
    attainment: Mapped[str | None] = mapped_column(Text)
    attendance: Mapped[str | None] = mapped_column(Text)
    wellbeing: Mapped[str | None] = mapped_column(Text)
    belonging: Mapped[str | None] = mapped_column(Text)
    aspirations: Mapped[str | None] = mapped_column(Text)
    next_review_on: Mapped[date | None] = mapped_column(Date)
    attendees: Mapped[list["TacAttendee"]] = relationship(
        back_populates="meeting", order_by="TacAttendee.id", cascade="all, delete-orphan")
    actions: Mapped[list["Action"]] = relationship(
        back_populates="tac_meeting", order_by="Action.id", cascade="all, delete-orphan")
    created_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)


class TacAttendee(db.Model):
    __tablename__ = "tac_attendee"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("tac_meeting.id", ondelete="CASCADE"),
                                            index=True)
    meeting: Mapped[TacMeeting] = relationship(back_populates="attendees")
    name: Mapped[str] = mapped_column(String(120))
    job_role: Mapped[str] = mapped_column(String(120))
    agency: Mapped[str] = mapped_column(String(120))
    # Given for those who should get the calendar invite.
    email: Mapped[str | None] = mapped_column(String(254))


# Actions: one tracker for both -------------------------------------------------------------


class Action(db.Model):
    """Something agreed: what, who (role and name), by when. From a consultation outcome or
    a TAC meeting, and always for one child record of one school."""

    __tablename__ = "agreed_action"
    __table_args__ = (
        CheckConstraint("(outcome_id IS NULL) != (tac_meeting_id IS NULL)",
                        name="from_outcome_or_tac"),
        # The dashboard's actions agreed in a period: read from the index alone.
        Index("ix_agreed_action_dashboard", "created_at", "due_on", "done_on", "school_id",
              "child_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("child_record.id"), index=True)
    child: Mapped[ChildRecord] = relationship()
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id"), index=True)
    outcome_id: Mapped[int | None] = mapped_column(
        ForeignKey("consultation_outcome.id", ondelete="CASCADE"), index=True)
    outcome: Mapped[ConsultationOutcome | None] = relationship(back_populates="actions")
    tac_meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("tac_meeting.id", ondelete="CASCADE"), index=True)
    tac_meeting: Mapped[TacMeeting | None] = relationship(back_populates="actions")
    what: Mapped[str] = mapped_column(Text)
    who_role: Mapped[str] = mapped_column(String(120))
    who_name: Mapped[str] = mapped_column(String(120))
    due_on: Mapped[date] = mapped_column(Date, index=True)
    done_on: Mapped[date | None] = mapped_column(Date)
    done_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    def is_overdue(self, today: date) -> bool:
        return self.done_on is None and self.due_on < today


# One Page Profiles -------------------------------------------------------------------------

# The profile's questions, in order: (column, heading).
PROFILE_SECTIONS = (
    ("admire", "What people like and admire about me"),
    ("important", "What is important to me"),
    ("support", "How best to support me"),
    ("triggers", "My triggers and stressors"),
    ("distress_signs", "Signs that I am becoming distressed"),
    ("calming", "What helps me to calm and co-regulate"),
)


class ProfileVersion(db.Model):
    """One saved version of a child's One Page Profile. Saving never changes a version: it
    adds the next one."""

    __tablename__ = "profile_version"
    __table_args__ = (UniqueConstraint("child_id", "version",
                                       name="uq_profile_version_child_id_version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("child_record.id"), index=True)
    child: Mapped[ChildRecord] = relationship()
    version: Mapped[int] = mapped_column(Integer)
    admire: Mapped[str] = mapped_column(Text, default="")
    important: Mapped[str] = mapped_column(Text, default="")
    support: Mapped[str] = mapped_column(Text, default="")
    triggers: Mapped[str] = mapped_column(Text, default="")
    distress_signs: Mapped[str] = mapped_column(Text, default="")
    calming: Mapped[str] = mapped_column(Text, default="")
    completed_by: Mapped[str] = mapped_column(String(200))
    with_child: Mapped[bool] = mapped_column(Boolean, default=False)
    with_home: Mapped[bool] = mapped_column(Boolean, default=False)
    with_social_care: Mapped[bool] = mapped_column(Boolean, default=False)
    completed_on: Mapped[date] = mapped_column(Date)
    saved_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    saved_by: Mapped[User] = relationship()
    saved_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
