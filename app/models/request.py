"""Advice requests from schools about one child, and their timeline of status changes."""

import enum
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Index,
    Numeric,
    String,
    Table,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from app.models.child import ChildRecord
from app.models.enums import LabelledEnum, enum_column_type
from app.models.school import School
from app.models.theme import Theme
from app.models.types import UTCDateTime, utcnow
from app.models.user import User


class RequestStatus(LabelledEnum, enum.StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    BOOKED = "booked"
    CONSULTED = "consulted"
    CLOSED = "closed"


RequestStatus.LABELS = {
    "draft": "Draft", "submitted": "Submitted", "accepted": "Accepted", "declined": "Declined",
    "booked": "Booked", "consulted": "Consulted", "closed": "Closed",
}


class Indicator(LabelledEnum, enum.StrEnum):
    """The key educational indicators."""

    WELLBEING = "wellbeing"
    ATTENDANCE = "attendance"
    ATTAINMENT = "attainment"
    BEHAVIOUR = "behaviour"
    ENGAGEMENT = "engagement"


Indicator.LABELS = {
    "wellbeing": "Health and emotional wellbeing", "attendance": "Attendance",
    "attainment": "Attainment and progress", "behaviour": "Behaviour",
    "engagement": "Engagement",
}


class SupportWanted(LabelledEnum, enum.StrEnum):
    CONSULTATION = "consultation"
    WRITTEN_ADVICE = "written_advice"
    SIGNPOSTING = "signposting"


SupportWanted.LABELS = {
    "consultation": "A Solution Focused Consultation", "written_advice": "Written advice",
    "signposting": "Signposting to other services",
}


class Route(LabelledEnum, enum.StrEnum):
    """What the Virtual School decides to offer when it accepts a request."""

    CONSULTATION = "consultation"
    WRITTEN_ADVICE = "written_advice"
    SIGNPOST = "signpost"


Route.LABELS = {"consultation": "Consultation", "written_advice": "Written advice",
                "signpost": "Signpost"}


class SocialWorker(LabelledEnum, enum.StrEnum):
    ALLOCATED_INVOLVED = "allocated_involved"
    ALLOCATED_NOT_INVOLVED = "allocated_not_involved"
    NOT_ALLOCATED = "not_allocated"


SocialWorker.LABELS = {
    "allocated_involved": "Allocated and involved in this request",
    "allocated_not_involved": "Allocated but not involved yet",
    "not_allocated": "No social worker allocated now",
}


class ConsentGiver(LabelledEnum, enum.StrEnum):
    PARENT = "parent"
    CARER = "carer"
    KINSHIP_CARER = "kinship_carer"
    LOCAL_AUTHORITY = "local_authority"


ConsentGiver.LABELS = {
    "parent": "Parent", "carer": "Foster carer or other carer",
    "kinship_carer": "Kinship carer or special guardian",
    "local_authority": "The local authority (social worker, for a child in care)",
}


request_theme = Table(
    "advice_request_theme",
    db.metadata,
    Column("request_id", ForeignKey("advice_request.id", ondelete="CASCADE"), primary_key=True),
    Column("theme_id", ForeignKey("theme.id"), primary_key=True, index=True),
)


class RequestIndicator(db.Model):
    __tablename__ = "advice_request_indicator"

    request_id: Mapped[int] = mapped_column(
        ForeignKey("advice_request.id", ondelete="CASCADE"), primary_key=True)
    indicator: Mapped[Indicator] = mapped_column(enum_column_type(Indicator, "indicator"),
                                                 primary_key=True, index=True)


class AdviceRequest(db.Model):
    __tablename__ = "advice_request"
    __table_args__ = (
        CheckConstraint("attendance_percent BETWEEN 0 AND 100", name="attendance_range"),
        CheckConstraint("status = 'draft' OR reference IS NOT NULL", name="sent_has_reference"),
        # The dashboard's counts of requests sent: read from the index alone.
        Index("ix_advice_request_dashboard", "submitted_at", "status", "school_id", "child_id"),
        # The triage queue: one status, oldest first, read in order with no sort.
        Index("ix_advice_request_queue", "status", "submitted_at", "id"),
        # A school's requests of one status in the order sent (those it can book, say):
        # without it SQLite reads the whole queue of that status to find one school's.
        Index("ix_advice_request_school_queue", "school_id", "status", "submitted_at", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Given when the request is sent, not while it is a draft.
    reference: Mapped[str | None] = mapped_column(String(16), unique=True)
    status: Mapped[RequestStatus] = mapped_column(
        enum_column_type(RequestStatus, "request_status"), default=RequestStatus.DRAFT, index=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id"), index=True)
    school: Mapped[School] = relationship()
    child_id: Mapped[int] = mapped_column(ForeignKey("child_record.id"), index=True)
    child: Mapped[ChildRecord] = relationship()
    created_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    created_by: Mapped[User] = relationship(foreign_keys=[created_by_id])
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)

    themes: Mapped[list[Theme]] = relationship(secondary=request_theme, order_by=Theme.position)
    indicator_rows: Mapped[list[RequestIndicator]] = relationship(
        cascade="all, delete-orphan", order_by=RequestIndicator.indicator)
    attendance_percent: Mapped[Decimal | None] = mapped_column(Numeric(4, 1))
    tried: Mapped[str | None] = mapped_column(Text)
    tried_for: Mapped[str | None] = mapped_column(String(100))
    support_wanted: Mapped[SupportWanted | None] = mapped_column(
        enum_column_type(SupportWanted, "support_wanted"))
    question: Mapped[str | None] = mapped_column(Text)
    social_worker: Mapped[SocialWorker | None] = mapped_column(
        enum_column_type(SocialWorker, "social_worker"))
    consent_given_by: Mapped[ConsentGiver | None] = mapped_column(
        enum_column_type(ConsentGiver, "consent_giver"))
    consent_date: Mapped[date | None] = mapped_column(Date)
    consent_scope: Mapped[str | None] = mapped_column(Text)
    consent_confirmed: Mapped[bool] = mapped_column(Boolean, default=False)

    route: Mapped[Route | None] = mapped_column(enum_column_type(Route, "route"))
    decline_reason: Mapped[str | None] = mapped_column(Text)
    written_advice: Mapped[str | None] = mapped_column(Text)
    written_advice_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    written_advice_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    events: Mapped[list["RequestEvent"]] = relationship(
        back_populates="request", cascade="all, delete-orphan", order_by="RequestEvent.at")

    def __init__(self, **fields):
        # A new request is a draft from the start, not only once it has been saved.
        fields.setdefault("status", RequestStatus.DRAFT)
        super().__init__(**fields)

    @property
    def indicators(self) -> list[Indicator]:
        return [row.indicator for row in self.indicator_rows]

    @indicators.setter
    def indicators(self, values) -> None:
        wanted = set(values)
        self.indicator_rows = [r for r in self.indicator_rows if r.indicator in wanted] + [
            RequestIndicator(indicator=v) for v in Indicator
            if v in wanted and v not in self.indicators
        ]

    @property
    def label(self) -> str:
        return self.reference or f"Draft request {self.id}"

    def __repr__(self) -> str:
        return f"<AdviceRequest {self.label} {self.status}>"


class RequestEvent(db.Model):
    """One change of status: who, when, and any note (the route, the reason)."""

    __tablename__ = "advice_request_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(
        ForeignKey("advice_request.id", ondelete="CASCADE"), index=True)
    request: Mapped[AdviceRequest] = relationship(back_populates="events")
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    actor: Mapped[User | None] = relationship()
    from_status: Mapped[RequestStatus | None] = mapped_column(
        enum_column_type(RequestStatus, "from_status"))
    to_status: Mapped[RequestStatus] = mapped_column(enum_column_type(RequestStatus, "to_status"))
    note: Mapped[str | None] = mapped_column(Text)
