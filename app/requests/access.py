"""Finding a child record or a request the signed-in user may see, or a 404.

School staff see their own school's records only. The Virtual School sees sent requests
from every school (never drafts, which are the school's own working). An educational
psychologist sees the requests booked into the sessions they run. Social workers see the
meetings they are invited to (app/booking/access.py), not the requests behind them.
"""

from flask import abort
from flask_login import current_user

from app.extensions import db
from app.models import (
    AdviceRequest,
    Booking,
    ChildRecord,
    ConsultationSession,
    RequestStatus,
    Role,
    Slot,
)

VIRTUAL_SCHOOL = (Role.VS_ADMIN, Role.VS_ADVISOR)


def visible_requests(stmt):
    """Limit a select of AdviceRequest to the ones the signed-in user may see."""
    if current_user.role == Role.SCHOOL_STAFF:
        return stmt.where(AdviceRequest.school_id == current_user.school_id)
    if current_user.role in VIRTUAL_SCHOOL:
        return stmt.where(AdviceRequest.status != RequestStatus.DRAFT)
    if current_user.role == Role.EDUCATIONAL_PSYCHOLOGIST:
        booked = (db.select(Booking.request_id).join(Booking.slot).join(Slot.session)
                  .where(ConsultationSession.educational_psychologist_id == current_user.id))
        return stmt.where(AdviceRequest.id.in_(booked))
    return stmt.where(db.false())


def visible_children(stmt):
    if current_user.role == Role.SCHOOL_STAFF:
        return stmt.where(ChildRecord.school_id == current_user.school_id)
    return stmt.where(db.false())


def get_request_or_404(request_id: int) -> AdviceRequest:
    stmt = visible_requests(db.select(AdviceRequest).where(AdviceRequest.id == request_id))
    return db.first_or_404(stmt)


def get_child_or_404(reference: str) -> ChildRecord:
    stmt = visible_children(db.select(ChildRecord).where(ChildRecord.reference == reference))
    return db.first_or_404(stmt)


def get_draft_or_404(request_id: int) -> AdviceRequest:
    """A draft of the signed-in member of staff's school: only drafts can be edited."""
    request_ = get_request_or_404(request_id)
    if request_.status != RequestStatus.DRAFT or current_user.role != Role.SCHOOL_STAFF:
        abort(404)
    return request_
