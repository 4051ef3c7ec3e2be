"""The school's side of booking: the free slots, booking one, a full session's waiting list,
and the list of bookings each person may see."""

import itertools
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import cache, cached_property
from typing import NamedTuple

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user
from markupsafe import Markup, escape
from sqlalchemy import bindparam, exists, or_
from sqlalchemy.orm import contains_eager, joinedload

from app.auth.permissions import allow, get_scoped_or_404
from app.booking import bp
from app.booking.access import SEES_BOOKINGS, visible_bookings
from app.booking.slot_forms import (
    BookForm,
    RequestChoiceForm,
    SlotFilterForm,
    month_label,
    request_label,
)
from app.extensions import db
from app.london import (
    DAYS,
    LONDON,
    MONTHS,
    clock,
    day_and_date,
    long_datetime,
    time_range,
    to_london,
)
from app.models import (
    AdviceRequest,
    Booking,
    BookingStatus,
    ChildRecord,
    ConsultationSession,
    RequestStatus,
    Role,
    Route,
    School,
    SessionMode,
    SessionStatus,
    Slot,
    User,
    WaitingListEntry,
    WaitStatus,
)
from app.models.types import utcnow
from app.pagination import paginate, pagination_links
from app.rendering import render_page_or_partial
from app.services import bookings as booking_service
from app.services import name_confirmations, slot_finder, waiting_list
from app.services.booking_rules import BookingRules, current_rules, earliest_bookable
from app.terms import Term, term_of

ALTERNATIVES = 6  # free slots offered when the one chosen cannot be had
# With no month chosen the page lists the sessions of the first WINDOW_WEEKS weeks (from the
# week of the soonest one), and more whole weeks while it lists fewer than WINDOW_SESSIONS;
# a link shows the rest. A term's 150 sessions on one page were slow to send and to read.
WINDOW_WEEKS = 4
WINDOW_SESSIONS = 12
SHOW_ALL = "all"


@bp.get("/slots")
@allow(Role.SCHOOL_STAFF)
def free_slots():
    now = utcnow()
    rules = current_rules()  # read once: every part of the page follows the same rules
    sessions = slot_finder.bookable_sessions(now, rules)
    # A slot is on its session's day: the sessions' months are their slots'.
    months = months_of([session.starts_at for session in sessions])
    filters = SlotFilterForm(request.args, sorted({each for session, each
                                                   in zip(sessions, months, strict=True)
                                                   if session.free}))
    mode, month = filters.selected_mode, filters.selected_month
    chosen_sessions = [(session, in_month) for session, in_month
                       in zip(sessions, months, strict=True)
                       if (mode is None or session.mode == mode) and month in (None, in_month)]
    requests_ = bookable_request_rows(current_user.school_id)
    chosen = chosen_request(requests_, request.args.get("request", type=int))
    request_arg = chosen.id if chosen else None
    show_all = request.args.get("show") == SHOW_ALL
    listed = [session for session, _ in chosen_sessions]
    shown, last_day = (listed, None) if show_all or month else first_weeks(listed)
    entries = [SessionEntry(session, slots)
               for session, slots in slot_finder.shown_sessions(shown, now, rules)]
    return render_page_or_partial(
        "booking/slots/index.html", "booking/slots/_results.html", filters=filters,
        months=group_by_month(entries), requests_=requests_, chosen=chosen,
        free_count=sum(session.free for session, _ in chosen_sessions),
        request_arg=request_arg, rules=rules, notice_rule=notice_rule(rules),
        term_counts=term_counts(current_user.school_id, now,
                                [each for session, each in chosen_sessions if session.free]),
        show_all=show_all, later=len(listed) - len(shown),
        book_link=links_by_id("booking.book_slot", "slot_id", request_arg),
        waiting_list_link=links_by_id("booking.join_waiting_list", "session_id", request_arg),
        shown_until=f"{DAYS[last_day.weekday()]} {last_day.day} {MONTHS[last_day.month - 1]} "
                    f"{last_day.year}" if last_day else None)


@bp.route("/slots/<int:slot_id>/book", methods=["GET", "POST"])
@allow(Role.SCHOOL_STAFF)
def book_slot(slot_id):
    slot = get_slot_or_404(slot_id)
    now = utcnow()
    requests_ = bookable_requests(current_user.school_id)
    form = BookForm(requests_, current_user, colleagues(current_user))
    if request.method == "GET":
        problem = slot_problem(slot, requests_, now)
        if problem:
            return unavailable(slot, problem, request.args.get("request", type=int), now)
        form.request_id.data = preselected(slot, requests_, request.args.get("request", type=int),
                                           now)
        return render_template("booking/slots/book.html", slot=slot, form=form)
    if not form.validate_on_submit():
        return render_template("booking/slots/book.html", slot=slot, form=form), 400
    try:
        booking = booking_service.book(form.chosen_request, slot, form.attendees(),
                                       by=current_user, now=now)
        name_confirmations.save_confirmations(form, booking)
    except booking_service.SlotTaken as taken:
        db.session.rollback()
        return unavailable(slot, str(taken), form.request_id.data, utcnow(), status=409,
                           taken=True)
    except booking_service.BookingRefused as refused:
        db.session.rollback()
        return render_template("booking/slots/book.html", slot=slot, form=form,
                               refusal=str(refused)), 400
    db.session.commit()
    flash(f"Consultation booked: {booking.reference}", "success")
    return redirect(url_for("booking.booking", booking_id=booking.id))


@bp.route("/sessions/<int:session_id>/waiting-list", methods=["GET", "POST"])
@allow(Role.SCHOOL_STAFF)
def join_waiting_list(session_id):
    session = db.get_or_404(ConsultationSession, session_id)
    now = utcnow()
    requests_ = bookable_requests(current_user.school_id, not_waiting_for=session)
    form = RequestChoiceForm(requests_)
    page = {"session": session, "form": form, "rules": current_rules()}
    if request.method == "GET":
        problem = session_problem(session, now)
        form.request_id.data = request.args.get("request", type=int)
        return (render_template("booking/slots/waiting_list.html", **page, blocked=problem),
                409 if problem else 200)
    if not form.validate_on_submit():
        return render_template("booking/slots/waiting_list.html", **page), 400
    try:
        entry = waiting_list.join(session, form.chosen_request, by=current_user, now=now)
    except booking_service.BookingRefused as refused:
        db.session.rollback()
        return render_template("booking/slots/waiting_list.html", **page,
                               refusal=str(refused)), 400
    place = waiting_list.position(entry)
    db.session.commit()
    flash(f"{entry.request.reference} is on the waiting list for {describe(session)}. "
          f"It is number {place} in the queue.", "success")
    return redirect(url_for("booking.bookings"))


@bp.post("/waiting-list/<int:entry_id>/leave")
@allow(Role.SCHOOL_STAFF)
def leave_waiting_list(entry_id):
    entry = get_scoped_or_404(WaitingListEntry, entry_id, WaitingListEntry.school_id)
    try:
        waiting_list.withdraw(entry, by=current_user)
    except booking_service.BookingRefused as refused:
        db.session.rollback()
        flash(str(refused))
        return redirect(url_for("booking.bookings"))
    db.session.commit()
    flash(f"{entry.request.reference} has left the waiting list for "
          f"{describe(entry.session)}", "success")
    return redirect(url_for("booking.bookings"))


@bp.get("/bookings")
@allow(*SEES_BOOKINGS)
def bookings():
    now = utcnow()
    past = request.args.get("show") == "past"
    page = find_bookings(past, request.args.get("page", 1, type=int), now)
    school_staff = current_user.role == Role.SCHOOL_STAFF
    return render_template(
        "booking/slots/bookings.html", results=page, past=past, now=now,
        pagination=pagination_links(page, "booking.bookings", show="past" if past else None),
        schools=None if school_staff else school_names(page.items),
        waiting=waiting_entries(current_user.school_id, now) if school_staff and not past
        else None)


@bp.context_processor
def _slot_words():
    return {"day_and_date": day_and_date, "clock": clock, "long_datetime": long_datetime,
            "when": lambda thing: time_range(thing.starts_at, thing.ends_at),
            "clock_range": lambda thing: f"{clock(thing.starts_at)} to {clock(thing.ends_at)}",
            "where": where, "request_label": request_label, "bookings_tag": bookings_tag,
            "month_label": month_label}


# The rules -----------------------------------------------------------------------------------


def month_of(moment: datetime) -> str:
    """2027-01, on the London calendar."""
    local = to_london(moment)
    return f"{local.year}-{local.month:02d}"  # not strftime: this runs for every free slot


def describe(session: ConsultationSession) -> str:
    return time_range(session.starts_at, session.ends_at)


def where(session: ConsultationSession) -> str:
    if session.mode == SessionMode.IN_PERSON and session.venue:
        return f"In person: {session.venue}"
    return session.mode.label


def months_of(moments: list[datetime]) -> list[str]:
    """month_of each moment. Soonest first, they are read on the London clock about once a
    month, not once each: this runs for every free slot."""
    months, month, starts, ends = [], "", None, None
    for moment in moments:
        if starts is None or not starts <= moment < ends:
            local = to_london(moment)
            month = f"{local.year}-{local.month:02d}"
            # In UTC, like the moments: comparing across zones costs an offset lookup each.
            starts = datetime(local.year, local.month, 1, tzinfo=LONDON).astimezone(UTC)
            ends = datetime(local.year + local.month // 12, local.month % 12 + 1, 1,
                            tzinfo=LONDON).astimezone(UTC)
        months.append(month)
    return months


class SlotLine(NamedTuple):
    """A free slot as its session lists it."""

    id: int
    times: str  # 2pm to 2:50pm
    day: str  # Wednesday 8 December 2027


# A session's block: the markup the template gave, with the same classes and attributes.
_SESSION = """
    <div class="govuk-!-margin-bottom-6">
      <h3 class="govuk-heading-s govuk-!-margin-bottom-1">{when}</h3>
      <p class="govuk-body-s govuk-!-margin-bottom-2">{psychologist}, educational psychologist. \
{where}.</p>{offer}
    </div>"""
_FULL = """
        <p class="govuk-body">
          <strong class="govuk-tag govuk-tag--grey">Fully booked</strong>
          <a class="govuk-link govuk-!-margin-left-2" href="{link}">Join the waiting list\
<span class="govuk-visually-hidden"> for {when}</span></a>
        </p>"""
_FREE = """
        <ul class="govuk-list">{}
        </ul>"""
_SLOT = """
            <li><a class="govuk-link" href="{link}">Book {times}\
<span class="govuk-visually-hidden"> on {day}</span></a></li>"""


@dataclass
class SessionEntry:
    """One session on the free slots page: its free slots, or none when it is full."""

    session: slot_finder.SessionRow
    slots: list[slot_finder.FreeSlotRow] = field(default_factory=list)

    @property
    def full(self) -> bool:
        return not self.slots

    @cached_property
    def when(self) -> str:
        return time_range(to_london(self.session.starts_at), to_london(self.session.ends_at))

    def html(self, book_link, waiting_list_link) -> Markup:
        """The session's block on the page, written here: through the template each of the
        forty-odd sessions of a month cost more than reading them."""
        session, when = self.session, escape(self.when)
        if self.full:
            offer = _FULL.format(link=escape(waiting_list_link(session.id)), when=when)
        else:
            offer = _FREE.format("".join(
                _SLOT.format(link=escape(book_link(line.id)), times=escape(line.times),
                             day=escape(line.day)) for line in self.slot_lines()))
        html = _SESSION.format(when=when, psychologist=escape(session.psychologist),
                               where=escape(where(session)), offer=offer)
        return Markup(html)  # nosec B704  # every value in it is escaped, above or here

    def slot_lines(self) -> list[SlotLine]:
        """Worded when shown, not for every free slot: each slot is read on the London
        clock once."""
        lines = []
        for slot in self.slots:
            starts, ends = to_london(slot.starts_at), to_london(slot.ends_at)
            lines.append(SlotLine(slot.id, f"{clock(starts)} to {clock(ends)}",
                                  day_and_date(starts)))
        return lines


def links_by_id(endpoint: str, key: str, request_id: int | None):
    """id -> the link to `endpoint` for that id, carrying the request if any: url_for once
    for the page, not once for each of its many slots and sessions."""
    before, after = url_for(endpoint, **{key: 0}, request=request_id).rsplit("/0/", 1)
    return lambda id_: f"{before}/{id_}/{after}"


def first_weeks(sessions: list) -> tuple[list, date | None]:
    """The sessions (soonest first) of the first WINDOW_WEEKS weeks (Monday to Sunday, London
    time) from the soonest one's, and of more whole weeks while fewer than WINDOW_SESSIONS
    are in; with the last day shown when some are left out (None when all are in)."""
    if not sessions:
        return sessions, None
    days = [to_london(session.starts_at).date() for session in sessions]
    end = days[0] - timedelta(days=days[0].weekday()) + timedelta(weeks=WINDOW_WEEKS)
    count = sum(1 for day in days if day < end)
    while count < min(WINDOW_SESSIONS, len(sessions)):
        end += timedelta(weeks=1)
        count = sum(1 for day in days if day < end)
    if count == len(sessions):
        return sessions, None
    return sessions[:count], end - timedelta(days=1)


def group_by_month(entries: list[SessionEntry]) -> list[tuple[str, list]]:
    """[(month, [SessionEntry, ...]), ...], soonest first."""
    months = itertools.groupby(entries, key=lambda e: month_of(e.session.starts_at))
    return [(month, list(group)) for month, group in months]



def where_bookable(stmt, school_id: int):
    """`stmt` narrowed to the school's requests accepted for a consultation and not booked
    yet, oldest first."""
    live = exists().where(Booking.request_id == AdviceRequest.id,
                          Booking.status == BookingStatus.BOOKED)
    return (stmt.where(AdviceRequest.school_id == school_id,
                       AdviceRequest.status == RequestStatus.ACCEPTED,
                       AdviceRequest.route == Route.CONSULTATION, ~live)
            .order_by(AdviceRequest.submitted_at, AdviceRequest.id))


# The free slots page's statements are built once, with bind parameters for what changes:
# building them took longer than running them.


@cache
def _bookable_rows_stmt():
    return where_bookable(db.select(AdviceRequest.id, AdviceRequest.reference,
                                    ChildRecord.reference.label("child_reference"))
                          .join(AdviceRequest.child), bindparam("school_id"))


def bookable_request_rows(school_id: int):
    """The bookable requests as rows (id, reference, child_reference): all the free slots
    page needs, without loading entities."""
    # On the connection, as the slot rows are (see slot_finder): a GET has nothing pending.
    return db.session.connection().execute(_bookable_rows_stmt(),
                                           {"school_id": school_id}).all()


def bookable_requests(school_id: int,
                      not_waiting_for: ConsultationSession | None = None) -> list[AdviceRequest]:
    """The school's requests accepted for a consultation and not booked yet."""
    stmt = where_bookable(db.select(AdviceRequest).options(joinedload(AdviceRequest.child)),
                          school_id)
    if not_waiting_for is not None:
        stmt = stmt.where(~exists().where(
            WaitingListEntry.request_id == AdviceRequest.id,
            WaitingListEntry.session_id == not_waiting_for.id,
            WaitingListEntry.status.in_(waiting_list.LIVE)))
    return list(db.session.scalars(stmt))


def chosen_request(requests_: list, request_id: int | None):
    return next((each for each in requests_ if each.id == request_id), None)


def colleagues(user: User) -> list[User]:
    """The other active staff of the user's school, who can be named to attend."""
    return list(db.session.scalars(db.select(User).where(
        User.school_id == user.school_id, User.role == Role.SCHOOL_STAFF, User.active,
        User.id != user.id).order_by(User.name, User.id)))


def get_slot_or_404(slot_id: int) -> Slot:
    return db.first_or_404(db.select(Slot).where(Slot.id == slot_id)
                           .options(joinedload(Slot.session)))


def slot_problem(slot: Slot, requests_: list[AdviceRequest], now: datetime) -> str | None:
    """Why the school cannot book this slot now, or None. A slot offered to one of the
    school's own requests from the waiting list can be booked."""
    if slot.session.status != SessionStatus.PUBLISHED:
        return "That session has been cancelled. Choose another free slot"
    if db.session.scalar(db.select(Booking.id).where(
            Booking.slot_id == slot.id, Booking.status == BookingStatus.BOOKED)) is not None:
        return "Someone else has already booked that slot. Choose another free slot"
    if slot.starts_at < earliest_bookable(current_rules(), now):
        return ("That slot is too soon to book, or has passed: " + notice_rule().lower()
                + ". Choose a later slot")
    offer = waiting_list.live_offer(slot, now)
    if offer is not None and offer.request_id not in {each.id for each in requests_}:
        return ("That slot is being offered to a school on the waiting list. "
                "Choose another free slot")
    return None


def preselected(slot: Slot, requests_: list[AdviceRequest], asked: int | None,
                now: datetime) -> int | None:
    """The request to tick at first: the one asked for, or the one the slot is offered to."""
    offer = waiting_list.live_offer(slot, now)
    if offer is not None:
        return offer.request_id
    return asked if chosen_request(requests_, asked) else None


def notice_rule(rules: BookingRules | None = None) -> str:
    days = (rules or current_rules()).min_notice_days
    if not days:
        return "Slots that have started cannot be booked"
    return (f"Slots fewer than {days} working {'day' if days == 1 else 'days'} away cannot "
            "be booked")


def soonest_free(now: datetime, but_not: int | None = None) -> list[Slot]:
    stmt = (slot_finder.free_slots_stmt(now)
            .options(contains_eager(Slot.session)
                     .joinedload(ConsultationSession.educational_psychologist)))
    if but_not is not None:
        stmt = stmt.where(Slot.id != but_not)
    return list(db.session.scalars(stmt.limit(ALTERNATIVES)))


def unavailable(slot: Slot, problem: str, request_id: int | None, now: datetime,
                status: int = 409, taken: bool = False):
    """The slot cannot be had: say why, and show what is still free."""
    requests_ = bookable_requests(current_user.school_id)
    request_arg = request_id if chosen_request(requests_, request_id) else None
    return render_template("booking/slots/unavailable.html", slot=slot, problem=problem,
                           taken=taken, alternatives=soonest_free(now, slot.id),
                           request_arg=request_arg), status


def session_problem(session: ConsultationSession, now: datetime) -> str | None:
    if session.status != SessionStatus.PUBLISHED or session.starts_at <= now:
        return "That session cannot be waited for: it is cancelled or has started"
    if waiting_list.has_free_slot(session, now):
        return "That session has a free slot: book it instead"
    return None


def term_counts(school_id: int, now: datetime, months: list[str]) -> list[tuple[Term, int]]:
    """This term's bookings, and those of each later term with free slots listed (`months`:
    the listed slots' months, 2027-01): counted in one query, however many terms."""
    terms = [term_of(now)]
    for month in dict.fromkeys(months):
        term = term_of(date(int(month[:4]), int(month[5:]), 1))
        if term not in terms:
            terms.append(term)
    # A school holds a few live bookings a term: read their times and count them here.
    starts = db.session.connection().execute(_booked_starts_stmt(), {
        "school_id": school_id, "starts": min(term.start_moment() for term in terms),
        "ends": max(term.end_moment() for term in terms)})
    counts = Counter(term_of(each) for each, in starts)
    return [(term, counts[term]) for term in terms]


@cache
def _booked_starts_stmt():
    """When the school's live bookings start, from `starts` to before `ends`."""
    return (db.select(Slot.starts_at).join(Booking, Booking.slot_id == Slot.id)
            .where(Booking.school_id == bindparam("school_id"),
                   Booking.status == BookingStatus.BOOKED,
                   Slot.starts_at >= bindparam("starts"), Slot.starts_at < bindparam("ends")))


def find_bookings(past: bool, page_number: int, now: datetime):
    """One page of the bookings the signed-in user may see, with each one's slot, session
    and request loaded in a fixed number of queries however long the page."""
    stmt = (visible_bookings(db.select(Booking).join(Booking.slot))
            .options(contains_eager(Booking.slot).joinedload(Slot.session),
                     joinedload(Booking.request)))
    if past:
        stmt = (stmt.where(or_(Booking.status != BookingStatus.BOOKED, Slot.ends_at <= now))
                .order_by(Slot.starts_at.desc(), Booking.id.desc()))
    else:
        stmt = (stmt.where(Booking.status == BookingStatus.BOOKED, Slot.ends_at > now)
                .order_by(Slot.starts_at, Booking.id))
    return paginate(stmt, page_number)


def school_names(items: list[Booking]) -> dict[int, str]:
    ids = {each.school_id for each in items}
    if not ids:
        return {}
    rows = db.session.execute(db.select(School.id, School.name).where(School.id.in_(ids)))
    return {row.id: row.name for row in rows}


@dataclass(frozen=True)
class Waiting:
    entry: WaitingListEntry
    place: int | None  # None once offered a slot
    offer_live: bool


def waiting_entries(school_id: int, now: datetime) -> list[Waiting]:
    """The school's requests on a waiting list now, soonest session first."""
    entries = db.session.scalars(
        db.select(WaitingListEntry).join(WaitingListEntry.session)
        .where(WaitingListEntry.school_id == school_id,
               WaitingListEntry.status.in_(waiting_list.LIVE))
        .options(contains_eager(WaitingListEntry.session),
                 joinedload(WaitingListEntry.request), joinedload(WaitingListEntry.offered_slot))
        .order_by(ConsultationSession.starts_at, WaitingListEntry.id))
    return [Waiting(entry, waiting_list.position(entry)
                    if entry.status == WaitStatus.WAITING else None,
                    entry.status == WaitStatus.OFFERED and entry.offer_expires_at > now)
            for entry in entries]


def bookings_tag(booking: Booking, now: datetime) -> dict:
    if not booking.is_live:
        return {"text": "Cancelled", "classes": "govuk-tag--red"}
    if booking.slot.ends_at <= now:
        return {"text": "Past", "classes": "govuk-tag--grey"}
    return {"text": "Booked", "classes": "govuk-tag--blue"}
