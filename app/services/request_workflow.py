"""The life of an advice request: who may move it from one status to the next, and what
each move records. Every change is stamped on the request's timeline."""

from datetime import datetime
from zoneinfo import ZoneInfo

from app.models import AdviceRequest, RequestEvent, RequestStatus, Role, Route, User
from app.models.reference import next_reference
from app.models.types import utcnow
from app.privacy import find_identifiers
from app.services import name_confirmations, never_names

S = RequestStatus
VIRTUAL_SCHOOL = {Role.VS_ADMIN, Role.VS_ADVISOR}
LONDON = ZoneInfo("Europe/London")

# The routes on which the Virtual School answers in writing, which closes the request.
ADVICE_ROUTES = (Route.WRITTEN_ADVICE, Route.SIGNPOST)

# (from, to) -> the roles that may make the move.
TRANSITIONS = {
    (S.DRAFT, S.SUBMITTED): {Role.SCHOOL_STAFF},
    (S.SUBMITTED, S.ACCEPTED): VIRTUAL_SCHOOL,
    (S.SUBMITTED, S.DECLINED): VIRTUAL_SCHOOL,
    (S.ACCEPTED, S.BOOKED): {Role.SCHOOL_STAFF} | VIRTUAL_SCHOOL,
    (S.BOOKED, S.ACCEPTED): {Role.SCHOOL_STAFF} | VIRTUAL_SCHOOL,
    (S.BOOKED, S.CONSULTED): {Role.EDUCATIONAL_PSYCHOLOGIST},
    (S.ACCEPTED, S.CLOSED): VIRTUAL_SCHOOL,
    (S.CONSULTED, S.CLOSED): VIRTUAL_SCHOOL | {Role.EDUCATIONAL_PSYCHOLOGIST},
}

FREE_TEXT_FIELDS = {
    "tried": "What has been tried",
    "tried_for": "How long it has been tried for",
    "question": "Your question",
    "consent_scope": "What the consent covers",
}


class TransitionRefused(Exception):
    """The move is not allowed from this status, or not for this person."""


class NotReady(Exception):
    """The request cannot be sent yet; `problems` says why, field by field."""

    def __init__(self, problems: dict[str, str]):
        super().__init__("; ".join(problems.values()))
        self.problems = problems


def can_move(request_: AdviceRequest, to: RequestStatus, user: User) -> bool:
    roles = TRANSITIONS.get((request_.status, to), set())
    if user.role not in roles:
        return False
    return user.role != Role.SCHOOL_STAFF or user.school_id == request_.school_id


def move(request_: AdviceRequest, to: RequestStatus, by: User, note: str | None = None) -> None:
    if not can_move(request_, to, by):
        raise TransitionRefused(
            f"{by.role.label} cannot move a request from {request_.status.label} to {to.label}")
    request_.events.append(RequestEvent(from_status=request_.status, to_status=to,
                                        actor_id=by.id, note=note))
    request_.status = to


def problems_before_sending(request_: AdviceRequest) -> dict[str, str]:
    """Everything that stops the request being sent, keyed by the question it belongs to."""
    problems = {}
    if not request_.indicators:
        problems["indicators"] = "Select at least one key educational indicator"
    if not request_.themes:
        problems["themes"] = "Select at least one theme"
    if not (request_.tried or "").strip():
        problems["tried"] = "Enter what has been tried"
    if request_.support_wanted is None:
        problems["support"] = "Select what you would like from the Virtual School"
    if not (request_.question or "").strip():
        problems["question"] = "Enter your question for the Virtual School"
    if request_.social_worker is None:
        problems["social_worker"] = "Say whether a social worker is allocated"
    if not (request_.consent_confirmed and request_.consent_given_by
            and request_.consent_date and (request_.consent_scope or "").strip()):
        problems["consent"] = "Record the parent's or carer's consent before you send the request"
    # What the Virtual School lists as never names, and what the school confirmed on this
    # request is not a name, passes here as it passed each question.
    never = never_names.phrases()
    confirmed = name_confirmations.confirmed_by_field(request_) if request_.id else {}
    for field, label in FREE_TEXT_FIELDS.items():
        not_names = [*never, *confirmed.get(field, ())]
        if find_identifiers(getattr(request_, field) or "", not_names=not_names):
            problems.setdefault(field, f"{label} looks like it identifies someone: remove it")
    if not request_.child.cohort.eligible:
        problems["eligibility"] = "This child is outside the Virtual School's duty"
    return problems


def submit(request_: AdviceRequest, by: User, now: datetime | None = None) -> None:
    problems = problems_before_sending(request_)
    if problems:
        raise NotReady(problems)
    if not can_move(request_, S.SUBMITTED, by):
        raise TransitionRefused("Only staff of the child's school can send a draft request")
    now = now or utcnow()
    # The reference first: the check constraint wants one on every sent request.
    request_.reference = next_reference("AR", now.astimezone(LONDON).year)
    request_.submitted_at = now
    move(request_, S.SUBMITTED, by)


def can_accept(request_: AdviceRequest, user: User) -> bool:
    """Accepting is a decision on a submitted request. (BOOKED -> ACCEPTED is a cancelled
    booking, made by the booking service, never by this decision.)"""
    return request_.status == S.SUBMITTED and can_move(request_, S.ACCEPTED, user)


def accept(request_: AdviceRequest, route: Route, by: User, note: str | None = None) -> None:
    if not can_accept(request_, by):
        raise TransitionRefused(f"{request_.label} cannot be accepted now")
    move(request_, S.ACCEPTED, by, note=_join(f"Route: {route.label}", note))
    request_.route = route


def decline(request_: AdviceRequest, reason: str, by: User) -> None:
    if not reason.strip():
        raise NotReady({"reason": "Enter why the request is declined"})
    move(request_, S.DECLINED, by, note=reason)
    request_.decline_reason = reason


def give_written_advice(request_: AdviceRequest, advice: str, by: User) -> None:
    """Written advice or signposting closes a request the VS accepted on that route."""
    if request_.route not in ADVICE_ROUTES:
        raise TransitionRefused("Written advice is for requests accepted for advice or signposting")
    if not advice.strip():
        raise NotReady({"advice": "Enter the advice"})
    move(request_, S.CLOSED, by, note="Written advice given")
    request_.written_advice = advice
    request_.written_advice_by_id = by.id
    request_.written_advice_at = utcnow()


def can_give_written_advice(request_: AdviceRequest, user: User) -> bool:
    """Accepted for written advice or signposting, and this person may close it."""
    return (request_.status == S.ACCEPTED and request_.route in ADVICE_ROUTES
            and can_move(request_, S.CLOSED, user))


def can_close(request_: AdviceRequest, user: User) -> bool:
    """Closing on its own is for a request after its consultation; an advice route closes
    by giving the advice."""
    return request_.status == S.CONSULTED and can_move(request_, S.CLOSED, user)


def close(request_: AdviceRequest, by: User, note: str | None = None) -> None:
    if not can_close(request_, by):
        raise TransitionRefused(
            f"{by.role.label} cannot close a request that is {request_.status.label}")
    move(request_, S.CLOSED, by, note=note)


def _join(*parts: str | None) -> str:
    return ". ".join(p.strip() for p in parts if p and p.strip())
