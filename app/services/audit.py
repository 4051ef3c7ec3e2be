"""Writing to the audit log, and the words for what its events record.

Every view, download and export of a child's record, every change, every sign-in (and
failed one) is one call, in the same transaction as what it describes:

    audit.record("tac_meeting_viewed", meeting, detail=meeting.reference)

A share and a personal-link view are the same one line, when they exist:

    audit.record("record_shared", share, detail=f"{record.reference} with {person.email}")
    audit.record("personal_link_viewed", link, actor=None, detail=f"{link.email}")
"""

from flask import has_request_context, request
from flask_login import current_user

from app.extensions import db
from app.models import AuditEvent, School, User

# Each action in words, for the VS admin's search and the pages that list events. A new
# action gets a line here (tests/services/test_audit.py finds any that has none).
ACTIONS = {  # nosec  # B105 takes the password_ keys' words for passwords
    # Signing in and accounts
    "signed_in": "Signed in",
    "signed_out": "Signed out",
    "sign_in_failed": "Sign-in failed",
    "password_set": "Password set",
    "password_reset": "Password reset",
    "user_created": "User added",
    "user_updated": "User changed",
    "user_deactivated": "User deactivated",
    "user_reactivated": "User reactivated",
    "two_factor_set_up": "Two-factor sign-in set up",
    "two_factor_code_used": "Two-factor code used",
    "two_factor_code_failed": "Two-factor code wrong",
    "two_factor_recovery_code_used": "Recovery code used",
    "two_factor_recovery_codes_made": "New recovery codes made",
    "two_factor_device_remembered": "Device remembered for two-factor sign-in",
    "two_factor_device_recognised": "Remembered device recognised",
    "two_factor_devices_forgotten": "Remembered devices forgotten",
    "two_factor_turned_off": "Two-factor sign-in turned off",
    "two_factor_reset": "Two-factor sign-in reset by an admin",
    # Child records
    "child_record_viewed": "Child record viewed",
    "child_record_created": "Child record added",
    "child_record_updated": "Child record changed",
    "child_record_purged": "Child record purged (retention)",
    # Advice requests
    "request_started": "Advice request started",
    "request_draft_saved": "Draft advice request saved",
    "request_draft_deleted": "Draft advice request deleted",
    "request_sent": "Advice request sent",
    "name_not_a_name": "Flagged phrase confirmed as not a name",
    "advice_request_viewed": "Advice request viewed",
    "advice_request_accepted": "Advice request accepted",
    "advice_request_declined": "Advice request declined",
    "advice_request_advice_given": "Written advice given",
    "advice_request_closed": "Advice request closed",
    # Sessions, bookings and the waiting list
    "session_published": "Session published",
    "session_series_published": "Series of sessions published",
    "session_edited": "Session changed",
    "session_cancelled": "Session cancelled",
    "booking_made": "Consultation booked",
    "booking_moved": "Consultation moved",
    "booking_cancelled": "Consultation cancelled",
    "booking_attendee_added": "Attendee added to a consultation",
    "booking_attendee_removed": "Attendee removed from a consultation",
    "waiting_list_joined": "Waiting list joined",
    "waiting_list_left": "Waiting list left",
    "waiting_list_offered": "Waiting list: slot offered",
    "waiting_list_offer_expired": "Waiting list: offer passed on",
    "calendar_feed_created": "Calendar feed made",
    "calendar_feed_revoked": "Calendar feed revoked",
    # Consultation outcomes
    "outcome_viewed": "Consultation outcome viewed",
    "outcome_pdf_downloaded": "Consultation summary PDF downloaded",
    "outcome_draft_saved": "Draft outcome saved",
    "outcome_finalised": "Outcome finalised",
    "outcome_amended": "Outcome amended",
    "outcome_summary_sent": "Outcome summary sent",
    # Team Around the Child and actions
    "tac_meetings_viewed": "TAC meetings list viewed",
    "tac_meeting_viewed": "TAC meeting viewed",
    "tac_record_downloaded": "TAC record PDF downloaded",
    "tac_meeting_scheduled": "TAC meeting scheduled",
    "tac_meeting_changed": "TAC meeting changed",
    "tac_meeting_cancelled": "TAC meeting cancelled",
    "tac_meeting_written_up": "TAC meeting written up",
    "tac_notes_changed": "TAC notes changed",
    "child_actions_viewed": "A child's actions viewed",
    "school_actions_viewed": "School's action tracker viewed",
    "action_completed": "Action marked done",
    "action_reopened": "Action reopened",
    "action_reassigned": "Action given to someone else",
    # One Page Profiles
    "profile_viewed": "One Page Profile viewed",
    "profile_versions_viewed": "One Page Profile versions listed",
    "profile_compared": "One Page Profile versions compared",
    "profile_pdf_downloaded": "One Page Profile PDF downloaded",
    "profile_saved": "One Page Profile saved",
    # Sharing (personal links and shares are recorded with these)
    "record_shared": "Record shared",
    "share_revoked": "Share revoked",
    "personal_link_viewed": "Record viewed through a personal link",
    # Exports and the audit trail itself
    "export_requests": "Requests exported (CSV)",
    "export_outcomes": "Outcomes exported (CSV)",
    "export_dashboard_table": "Dashboard table exported (CSV)",
    "audit_exported": "Audit trail exported (CSV)",
    "audit_events_purged": "Audit events purged (retention)",
    # Service settings
    "school_created": "School added",
    "school_updated": "School changed",
    "schools_imported": "Schools imported",
    "theme_created": "Theme added",
    "theme_renamed": "Theme renamed",
    "theme_moved": "Theme moved",
    "theme_retired": "Theme retired",
    "theme_restored": "Theme restored",
    "theme_deleted": "Theme deleted",
    "signposting_updated": "Signposting changed",
    "never_a_name_added": "Phrase added to those never names",
    "never_a_name_removed": "Phrase removed from those never names",
    "booking_rules_changed": "Booking rules changed",
    "outbox_retry": "Email sent again",
}

# The kinds of record events are about, in words: the type names record() writes.
RECORD_TYPES = {
    "ChildRecord": "Child record",
    "AdviceRequest": "Advice request",
    "Booking": "Consultation booking",
    "ConsultationOutcome": "Consultation outcome",
    "TacMeeting": "TAC meeting",
    "Action": "Action",
    "School": "School",
    "User": "User",
    "ConsultationSession": "Consultation session",
    "WaitingListEntry": "Waiting-list entry",
    "CalendarFeed": "Calendar feed",
    "Theme": "Theme",
    "OutboxMessage": "Email",
}

# The events that are someone looking at or downloading one school's child records: what
# the school's own page of who has viewed its records lists.
VIEW_ACTIONS = (
    "child_record_viewed", "advice_request_viewed", "outcome_viewed", "outcome_pdf_downloaded",
    "tac_meetings_viewed", "tac_meeting_viewed", "tac_record_downloaded",
    "child_actions_viewed", "school_actions_viewed",
    "profile_viewed", "profile_versions_viewed", "profile_compared", "profile_pdf_downloaded",
    "personal_link_viewed",
)


def words_for(action: str) -> str:
    return ACTIONS.get(action) or action.replace("_", " ").capitalize()


def record(action: str, record=None, *, actor: User | None = None, detail: str | None = None,
           reference: str | None = None, school_id: int | None = None):
    """Add an audit event to the session; it is saved with the change it describes.

    The record's reference and school are taken from it when it has them (`reference=` and
    `school_id=` give them for a record that has not)."""
    if actor is None and has_request_context() and current_user.is_authenticated:
        actor = current_user
    event = AuditEvent(
        action=action,
        actor_id=actor.id if actor is not None else None,
        record_type=type(record).__name__ if record is not None else None,
        record_id=str(record.id) if record is not None else None,
        record_reference=reference or _reference_of(record),
        school_id=school_id if school_id is not None else _school_of(record),
        ip_address=request.remote_addr if has_request_context() else None,
        detail=detail[:500] if detail else None,
    )
    db.session.add(event)
    return event


def record_view(action: str, subject, **details):
    """A page or download of a record, written once it is made: the read is done first in a
    read transaction, and SQLite's write lock is taken only now, for the audit row alone."""
    from app.database import begin_writing, commit_keeping_loaded

    begin_writing()
    event = record(action, subject, **details)
    commit_keeping_loaded()  # only the response headers look at what is loaded after this
    return event


def _reference_of(record) -> str | None:
    reference = getattr(record, "reference", None)
    return reference[:40] if isinstance(reference, str) else None


def _school_of(record) -> int | None:
    if isinstance(record, School):
        return record.id
    school_id = getattr(record, "school_id", None)
    return school_id if isinstance(school_id, int) else None
