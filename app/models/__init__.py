"""The database models, one module per aggregate."""

from app.models.audit import AuditEvent
from app.models.booking import (
    AttendeeKind,
    Booking,
    BookingAttendee,
    BookingStatus,
    CalendarFeed,
    ConsultationSession,
    SessionMode,
    SessionStatus,
    Slot,
    WaitingListEntry,
    WaitStatus,
)
from app.models.child import ChildRecord, Cohort, SenStatus, YearGroup
from app.models.name_check import NameConfirmation, NeverAName
from app.models.outbox import OutboxMessage, OutboxStatus
from app.models.outcome import (
    PROFILE_SECTIONS,
    TAC_HEADINGS,
    Action,
    ConsultationOutcome,
    NextStep,
    OutcomeAmendment,
    OutcomeAttendee,
    OutcomeStatus,
    ProfileVersion,
    TacAttendee,
    TacMeeting,
    TacStatus,
)
from app.models.reference import ReferenceCounter
from app.models.request import (
    AdviceRequest,
    ConsentGiver,
    Indicator,
    RequestEvent,
    RequestStatus,
    Route,
    SocialWorker,
    SupportWanted,
)
from app.models.school import Phase, School
from app.models.sign_in import FailedSignIn
from app.models.theme import ServiceSetting, Theme
from app.models.two_factor import RecoveryCode, RememberedDevice, TwoFactorCredential
from app.models.user import Role, User
from app.models.web_session import WebSession

__all__ = [
    "AdviceRequest", "AuditEvent", "ChildRecord", "Cohort", "ConsentGiver", "Indicator",
    "Phase", "ReferenceCounter", "RequestEvent", "RequestStatus", "Role", "Route", "School",
    "SenStatus", "ServiceSetting", "SocialWorker", "SupportWanted", "Theme", "User",
    "YearGroup",
    "OutboxMessage", "OutboxStatus",
    "ConsultationSession", "SessionMode", "SessionStatus", "Slot",
    "AttendeeKind", "Booking", "BookingAttendee", "BookingStatus", "CalendarFeed",
    "WaitingListEntry", "WaitStatus",
    "PROFILE_SECTIONS", "TAC_HEADINGS", "Action", "ConsultationOutcome", "NextStep",
    "OutcomeAmendment", "OutcomeAttendee", "OutcomeStatus", "ProfileVersion", "TacAttendee",
    "TacMeeting", "TacStatus",
    "RecoveryCode", "RememberedDevice", "TwoFactorCredential",
    "WebSession",
    "FailedSignIn",
    "NameConfirmation", "NeverAName",
]
