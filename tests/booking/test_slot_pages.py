"""The school's side of booking: free slots, booking one, the waiting list, the bookings list,
and the booking section of a request's page."""

import email
import email.policy
import re
from datetime import datetime, time, timedelta

import pytest
from sqlalchemy import event

from app.booking.slot_pages import month_of, months_of
from app.extensions import db
from app.london import LONDON, to_london
from app.models import (
    Booking,
    BookingStatus,
    OutboxMessage,
    RequestStatus,
    Role,
    Route,
    SessionStatus,
    WaitingListEntry,
    WaitStatus,
)
from app.models.types import utcnow
from app.services import bookings as booking_service
from app.services import waiting_list
from app.services.booking_rules import BookingRules, save_rules
from tests.booking.factories import (
    FUTURE,
    make_accepted_request,
    make_bookable_session,
    make_booking,
    social_worker,
    staff_attendee,
    utc,
)
from tests.conftest import make_request, make_school, make_user, sign_in_with

DECEMBER = utc(2027, 12, 8, 14)
JANUARY = utc(2028, 1, 12, 14)


@pytest.fixture
def me(sign_in):
    """A member of school staff, signed in."""
    return sign_in(Role.SCHOOL_STAFF, job_title="SENCO")


@pytest.fixture
def accepted(me):
    """An accepted consultation request of the signed-in member of staff's school."""
    return make_accepted_request(me.school, by=me)


def book_link(slot, request_=None) -> str:
    return f"/slots/{slot.id}/book" + (f"?request={request_.id}" if request_ else "")


def outbox() -> list:
    rows = db.session.scalars(db.select(OutboxMessage).order_by(OutboxMessage.id))
    return [email.message_from_bytes(row.message, policy=email.policy.default) for row in rows]


def checked(page: str, name: str, value) -> bool:
    """Whether the radio or checkbox `name` with `value` is ticked on the page."""
    match = re.search(rf'name="{name}" type="(?:radio|checkbox)" value="{value}"( checked)?', page)
    assert match, f"no {name} input with value {value}"
    return bool(match[1])


def count_bookings() -> int:
    return db.session.scalar(db.select(db.func.count(Booking.id)))


def booking_form(request_, me, **fields) -> dict:
    data = {"request_id": str(request_.id), "school_staff": [str(me.id)]}
    data.update(fields)
    return data


def in_person(starts_at, **fields):
    return make_bookable_session(starts_at, mode="in_person", meeting_url=None,
                                 venue="Room 4, County Hall", **fields)


def offer(slot, request_, hours=24):
    """A waiting-list offer of `slot`, held for `request_`."""
    now = utcnow()
    entry = WaitingListEntry(session=slot.session, request=request_,
                             school_id=request_.school_id, joined_by_id=request_.created_by_id,
                             joined_at=now, status=WaitStatus.OFFERED, offered_slot=slot,
                             offered_at=now, offer_expires_at=now + timedelta(hours=hours))
    db.session.add(entry)
    db.session.commit()
    return entry


def full_session(starts_at=FUTURE, slots=1):
    """A session whose every slot another school has booked."""
    session = make_bookable_session(starts_at, slots=slots)
    for slot in session.slots:
        make_booking(make_accepted_request(), slot)
    return session


# The free slots ---------------------------------------------------------------------------


def test_free_slots_are_grouped_by_month_soonest_first(client, accepted):
    january = make_bookable_session(JANUARY, slots=1)
    november = make_bookable_session(FUTURE, slots=2)
    december = make_bookable_session(DECEMBER, slots=1)
    response = client.get("/slots")
    assert response.status_code == 200
    page = response.text
    assert page.index("November 2027") < page.index("December 2027") < page.index("January 2028")
    links = [book_link(s) for s in (*november.slots, *december.slots, *january.slots)]
    assert [page.index(each) for each in links] == sorted(page.index(each) for each in links)
    assert "4 free slots" in page
    assert ("Book 2pm to 2:50pm<span class=\"govuk-visually-hidden\"> on Wednesday 8 December "
            "2027</span>") in page
    assert "Wednesday 17 November 2027, 2pm to 4pm" in page  # the session
    assert "Dr Ada Lane" in page and "Online" in page


def test_the_mode_filter_shows_only_sessions_held_that_way(client, accepted):
    online = make_bookable_session(FUTURE, slots=1)
    room = in_person(DECEMBER, slots=1)
    page = client.get("/slots?mode=in_person").text
    assert book_link(room.slots[0]) in page and "In person: Room 4, County Hall" in page
    assert book_link(online.slots[0]) not in page
    page = client.get("/slots?mode=online").text
    assert book_link(online.slots[0]) in page and book_link(room.slots[0]) not in page
    page = client.get("/slots?mode=any").text
    assert book_link(online.slots[0]) in page and book_link(room.slots[0]) in page


def test_the_month_filter_offers_months_with_free_slots_and_shows_one(client, accepted):
    november = make_bookable_session(FUTURE, slots=1)
    january = make_bookable_session(JANUARY, slots=1)
    page = client.get("/slots?month=2028-01").text
    assert book_link(january.slots[0]) in page and book_link(november.slots[0]) not in page
    assert '<option value="2027-11">November 2027</option>' in page
    assert '<option value="2028-01" selected>January 2028</option>' in page
    assert 'value="2027-12"' not in page  # no slot in December


def test_a_filter_that_matches_nothing_says_so(client, accepted):
    make_bookable_session(FUTURE, slots=1)
    page = client.get("/slots?mode=in_person").text
    assert "There are no free slots" in page and "No free slots match these filters" in page


def test_a_filter_asked_for_by_htmx_gets_the_results_alone(client, accepted):
    november = make_bookable_session(FUTURE, slots=1)
    response = client.get("/slots?mode=online", headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "<html" not in response.text and book_link(november.slots[0]) in response.text
    assert "HX-Request" in response.headers["Vary"]


def test_booked_slots_are_not_listed(client, accepted):
    session = make_bookable_session(FUTURE, slots=2)
    make_booking(make_accepted_request(), session.slots[0])
    page = client.get("/slots").text
    assert book_link(session.slots[0]) not in page and book_link(session.slots[1]) in page
    assert "1 free slot" in page


def midday_tomorrow():
    """Always fewer than 2 working days away, whatever the time now."""
    tomorrow = to_london(utcnow()).date() + timedelta(days=1)
    return datetime.combine(tomorrow, time(12), tzinfo=LONDON)


def test_slots_inside_the_notice_period_are_not_listed(client, accepted):
    soon = make_bookable_session(midday_tomorrow(), slots=1)
    later = make_bookable_session(FUTURE, slots=1)
    page = client.get("/slots").text
    assert book_link(soon.slots[0]) not in page and book_link(later.slots[0]) in page
    assert "Slots fewer than 2 working days away cannot be booked" in page


def test_a_slot_held_by_a_waiting_list_offer_is_not_listed(client, accepted):
    session = make_bookable_session(FUTURE, slots=2)
    offer(session.slots[0], make_accepted_request())
    page = client.get("/slots").text
    assert book_link(session.slots[0]) not in page and book_link(session.slots[1]) in page


def test_cancelled_sessions_are_not_listed(client, accepted):
    cancelled = make_bookable_session(FUTURE, slots=1, status=SessionStatus.CANCELLED)
    page = client.get("/slots").text
    assert book_link(cancelled.slots[0]) not in page
    assert "There are no free slots" in page


def test_a_full_session_is_listed_with_its_waiting_list(client, accepted):
    full = full_session(DECEMBER)
    page = client.get(f"/slots?request={accepted.id}").text
    assert "Fully booked" in page
    assert f"/sessions/{full.id}/waiting-list?request={accepted.id}" in page
    assert "Join the waiting list" in page


def test_a_full_session_is_listed_in_its_month_and_mode_with_no_free_slot_there(client,
                                                                                 accepted):
    make_bookable_session(FUTURE, slots=1)
    full = full_session(DECEMBER)
    page = client.get("/slots?month=2027-12").text
    assert "Fully booked" in page and f"/sessions/{full.id}/waiting-list" in page
    assert '<option value="2027-12" selected>December 2027</option>' in page
    assert "There are no free slots" in page
    assert "Fully booked" not in client.get("/slots?month=2027-11").text
    assert "Fully booked" not in client.get("/slots?mode=in_person").text


def three_a_week(weeks: int) -> list:
    """Sessions of one slot on the Wednesday, Thursday and Friday of `weeks` weeks from the
    week of FUTURE (Monday 15 November 2027)."""
    return [make_bookable_session(FUTURE + timedelta(weeks=week, days=day), slots=1)
            for week in range(weeks) for day in range(3)]


def test_the_first_four_weeks_are_listed_with_a_link_to_the_rest(client, accepted):
    sessions = three_a_week(6)
    full = full_session(FUTURE + timedelta(weeks=5, days=1, hours=2))
    page = client.get("/slots").text
    assert "18 free slots" in page
    assert "Showing sessions up to Sunday 12 December 2027" in page
    assert 'href="/slots?show=all"' in page and "(7 more sessions)" in page
    assert all(book_link(each.slots[0]) in page for each in sessions[:12])
    assert not any(book_link(each.slots[0]) in page for each in sessions[12:])
    assert f"/sessions/{full.id}/waiting-list" not in page
    everything = client.get("/slots?show=all").text
    assert all(book_link(each.slots[0]) in everything for each in sessions)
    assert f"/sessions/{full.id}/waiting-list" in everything
    assert "Show later slots" not in everything


def test_a_chosen_month_is_listed_whole(client, accepted):
    sessions = three_a_week(6)
    page = client.get("/slots?month=2027-12").text
    december = [each for each in sessions if each.starts_at.month == 12]
    assert all(book_link(each.slots[0]) in page for each in december)
    assert book_link(sessions[0].slots[0]) not in page
    assert "Show later slots" not in page and f"{len(december)} free slots" in page


def test_the_list_grows_by_whole_weeks_until_it_shows_twelve_sessions(client, accepted):
    weekly = [make_bookable_session(FUTURE + timedelta(weeks=n), slots=1) for n in range(20)]
    page = client.get("/slots").text
    assert all(book_link(each.slots[0]) in page for each in weekly[:12])
    assert not any(book_link(each.slots[0]) in page for each in weekly[12:])
    assert "Showing sessions up to Sunday 6 February 2028" in page
    assert "(8 more sessions)" in page


def test_a_later_term_with_free_slots_listed_shows_its_bookings(client, me, accepted):
    make_bookable_session(FUTURE, slots=1)
    january = make_bookable_session(JANUARY, slots=2)
    make_booking(make_accepted_request(me.school), january.slots[0])
    page = client.get("/slots").text
    assert "Autumn term 2027: your school has 0 of its 6 consultations booked" in page
    assert "Spring term 2028: your school has 1 of its 6 consultations booked" in page
    assert "Spring term 2028" not in client.get("/slots?month=2027-11").text


def test_the_free_slots_take_the_same_queries_however_many_sessions(client, accepted):
    def queries(path: str) -> int:
        count = []
        listener = lambda *args: count.append(1)  # noqa: E731
        event.listen(db.engine, "before_cursor_execute", listener)
        try:
            assert client.get(path).status_code == 200
        finally:
            event.remove(db.engine, "before_cursor_execute", listener)
        return len(count)

    make_bookable_session(FUTURE, slots=1)
    # The first page after signing in also writes the session row (held on the server);
    # what is counted here is what grows with the rows.
    client.get("/slots")
    one = queries("/slots")
    three_a_week(6)
    in_person(JANUARY, slots=3)
    full_session(DECEMBER, slots=2)
    assert queries("/slots") == one <= 12
    assert queries("/slots?show=all&mode=online") == one
    assert queries("/slots?month=2027-12") == one


def test_months_of_reads_each_moment_on_the_london_calendar_in_any_order():
    moments = [utc(2027, 6, 30, 22, 59), utc(2027, 6, 30, 23, 0),  # midnight BST is 23:00
               utc(2027, 12, 31, 23, 59), utc(2028, 1, 1), utc(2027, 6, 1)]
    assert months_of(moments) == ["2027-06", "2027-07", "2027-12", "2028-01", "2027-06"]
    assert months_of(moments) == [month_of(each) for each in moments]


def test_the_notice_rule_and_the_terms_bookings_are_shown(client, me, accepted):
    save_rules(BookingRules(min_notice_days=3, term_limit=4), by_id=me.id)
    db.session.commit()
    session = make_bookable_session(FUTURE, slots=2)
    make_booking(make_accepted_request(me.school), session.slots[0])
    page = client.get("/slots").text
    assert "Slots fewer than 3 working days away cannot be booked" in page
    assert "Autumn term 2027: your school has 1 of its 4 consultations booked" in page
    assert "(this term)" in page


def test_a_school_with_no_accepted_request_is_told_and_sent_to_its_requests(client, me):
    make_bookable_session(FUTURE, slots=1)
    make_request(make_accepted_request().child)  # another school's; and a submitted one
    page = client.get("/slots").text
    assert "Your school has no accepted request waiting for a consultation" in page
    assert 'href="/requests"' in page


def test_with_no_sessions_there_are_no_free_slots(client, accepted):
    page = client.get("/slots").text
    assert "There are no free slots" in page and "Book 2pm" not in page


def test_the_request_is_carried_to_the_book_links_only_if_it_is_the_schools(client, accepted):
    session = make_bookable_session(FUTURE, slots=1)
    page = client.get(f"/slots?request={accepted.id}").text
    assert book_link(session.slots[0], accepted) in page
    assert f"Choose a slot for {accepted.reference}" in page
    theirs = make_accepted_request()
    page = client.get(f"/slots?request={theirs.id}").text
    assert f"?request={theirs.id}" not in page and theirs.reference not in page


@pytest.mark.parametrize("role", [Role.VS_ADMIN, Role.EDUCATIONAL_PSYCHOLOGIST,
                                  Role.SOCIAL_WORKER])
def test_only_school_staff_see_the_free_slots(client, sign_in, role):
    sign_in(role)
    slot = make_bookable_session(FUTURE, slots=1).slots[0]
    assert client.get("/slots").status_code == 403
    assert client.get(book_link(slot)).status_code == 403


# Booking a slot ------------------------------------------------------------------------------


def test_the_book_page_shows_the_slot_and_preselects_the_request(client, me, accepted):
    colleague = make_user(Role.SCHOOL_STAFF, school=me.school, name="Kim Patel",
                          job_title="Designated Teacher")
    make_user(Role.SCHOOL_STAFF, school=me.school, name="Gone Away", active=False)
    make_user(Role.SCHOOL_STAFF, name="Other School Person")
    second = make_accepted_request(me.school, by=me)
    slot = make_bookable_session(FUTURE, slots=1).slots[0]
    response = client.get(book_link(slot, second))
    assert response.status_code == 200
    page = response.text
    assert "Wednesday 17 November 2027, 2pm to 2:50pm" in page
    assert checked(page, "request_id", second.id) and not checked(page, "request_id", accepted.id)
    assert f"{accepted.reference} (child {accepted.child.reference})" in page
    assert checked(page, "school_staff", me.id) and "I will attend" in page
    assert "Kim Patel, Designated Teacher" in page
    assert not checked(page, "school_staff", colleague.id)
    assert "Gone Away" not in page and "Other School Person" not in page


def test_booking_a_slot_books_it_and_invites_everyone(client, me, accepted):
    colleague = make_user(Role.SCHOOL_STAFF, school=me.school, name="Kim Patel")
    advisor = make_user(Role.VS_ADVISOR, name="Alex Advisor")
    session = make_bookable_session(FUTURE, slots=2, advisor=advisor)
    slot = session.slots[1]
    response = client.post(book_link(slot), data=booking_form(
        accepted, me, school_staff=[str(me.id), str(colleague.id)],
        social_worker_name="Sam Okafor", social_worker_email="Sam.Okafor@county.example.test",
        other_1_name="Lee Hart", other_1_role="Family support worker",
        other_1_email="lee.hart@family.example.test"))
    assert response.status_code == 302
    booking = db.session.scalar(db.select(Booking))
    assert response.headers["Location"] == f"/bookings/{booking.id}"
    assert booking.slot_id == slot.id and booking.request_id == accepted.id
    assert booking.status == BookingStatus.BOOKED and booking.booked_by_id == me.id
    assert {(a.kind, a.email, a.user_id) for a in booking.attendees} == {
        ("school_staff", me.email, me.id), ("school_staff", colleague.email, colleague.id),
        ("social_worker", "sam.okafor@county.example.test", None),
        ("other", "lee.hart@family.example.test", None)}
    db.session.refresh(accepted)
    assert accepted.status == RequestStatus.BOOKED

    messages = outbox()
    expected = {me.email, colleague.email, "sam.okafor@county.example.test",
                "lee.hart@family.example.test", session.educational_psychologist.email,
                advisor.email}
    assert sorted(m["To"].addresses[0].addr_spec for m in messages) == sorted(expected)
    for message in messages:
        assert booking.reference in message["Subject"]
        assert any(part.get_content_type() == "text/calendar" for part in message.walk())
        whole = message.as_string()
        assert accepted.child.reference not in whole and accepted.reference not in whole

    page = client.get("/bookings").text  # the next page shows the confirmation
    assert f"Consultation booked: {booking.reference}" in page


def test_input_errors_show_again_with_the_input_kept(client, me, accepted):
    slot = make_bookable_session(FUTURE, slots=1).slots[0]
    response = client.post(book_link(slot), data=booking_form(
        accepted, me, social_worker_name="Sam Okafor", social_worker_email="not-an-email",
        other_2_name="Lee Hart", other_3_email="casey@example.test"))
    assert response.status_code == 400
    page = response.text
    assert "There is a problem" in page and "<title>Error:" in page
    assert "Enter an email address in the correct format" in page
    assert "Enter the role of other person 2, or clear the row" in page
    assert "Enter the email address of other person 2, or clear the row" in page
    assert "Enter the name of other person 3, or clear the row" in page
    assert "other person 1" not in page  # a blank row is ignored
    assert 'value="not-an-email"' in page and 'value="Lee Hart"' in page
    assert 'value="casey@example.test"' in page and checked(page, "request_id", accepted.id)
    assert count_bookings() == 0 and outbox() == []
    db.session.refresh(accepted)
    assert accepted.status == RequestStatus.ACCEPTED


def test_a_social_worker_needs_both_name_and_email(client, me, accepted):
    slot = make_bookable_session(FUTURE, slots=1).slots[0]
    response = client.post(book_link(slot), data=booking_form(accepted, me,
                                                               social_worker_name="Sam Okafor"))
    assert response.status_code == 400
    assert "Enter the social worker&#39;s email address" in response.text
    assert count_bookings() == 0


def test_someone_must_attend(client, me, accepted):
    slot = make_bookable_session(FUTURE, slots=1).slots[0]
    response = client.post(book_link(slot), data={"request_id": str(accepted.id)})
    assert response.status_code == 400
    assert "Select at least one person who will attend" in response.text
    assert not checked(response.text, "school_staff", me.id)  # the unticking is kept
    assert count_bookings() == 0


def test_a_request_must_be_chosen(client, me, accepted):
    slot = make_bookable_session(FUTURE, slots=1).slots[0]
    response = client.post(book_link(slot), data={"school_staff": [str(me.id)]})
    assert response.status_code == 400
    assert "Select the request the consultation is for" in response.text
    assert count_bookings() == 0


def test_another_schools_request_cannot_be_booked(client, me, accepted):
    theirs = make_accepted_request()
    slot = make_bookable_session(FUTURE, slots=1).slots[0]
    page = client.get(book_link(slot, theirs)).text
    assert theirs.reference not in page
    response = client.post(book_link(slot), data=booking_form(theirs, me))
    assert response.status_code == 400
    assert "Select the request the consultation is for" in response.text
    assert count_bookings() == 0
    db.session.refresh(theirs)
    assert theirs.status == RequestStatus.ACCEPTED


def test_another_schools_colleague_cannot_be_named(client, me, accepted):
    stranger = make_user(Role.SCHOOL_STAFF, name="Other School Person")
    slot = make_bookable_session(FUTURE, slots=1).slots[0]
    response = client.post(book_link(slot), data=booking_form(
        accepted, me, school_staff=[str(me.id), str(stranger.id)]))
    assert response.status_code == 400
    assert count_bookings() == 0


def test_a_slot_taken_meanwhile_is_refused_with_the_slots_still_free(client, me, accepted):
    session = make_bookable_session(FUTURE, slots=3)
    wanted, free = session.slots[0], session.slots[1:]
    assert client.get(book_link(wanted, accepted)).status_code == 200
    make_booking(make_accepted_request(), wanted)  # someone else, a moment before
    response = client.post(book_link(wanted), data=booking_form(accepted, me))
    assert response.status_code == 409
    page = response.text
    assert "Someone else has just booked that slot" in page and "There is a problem" in page
    for slot in free:
        assert book_link(slot, accepted) in page
    assert book_link(wanted, accepted) not in page
    assert db.session.scalar(db.select(db.func.count(Booking.id))
                             .where(Booking.request_id == accepted.id)) == 0
    db.session.refresh(accepted)
    assert accepted.status == RequestStatus.ACCEPTED


def test_opening_a_booked_slot_says_so_and_shows_what_is_free(client, me, accepted):
    session = make_bookable_session(FUTURE, slots=2)
    make_booking(make_accepted_request(), session.slots[0])
    response = client.get(book_link(session.slots[0], accepted))
    assert response.status_code == 409
    assert "Someone else has already booked that slot" in response.text
    assert book_link(session.slots[1], accepted) in response.text


def test_opening_a_slot_too_soon_to_book_says_so(client, accepted):
    soon = make_bookable_session(midday_tomorrow(), slots=1)
    later = make_bookable_session(FUTURE, slots=1)
    response = client.get(book_link(soon.slots[0]))
    assert response.status_code == 409
    assert "too soon to book" in response.text
    assert book_link(later.slots[0]) in response.text


def test_a_slot_held_for_another_school_cannot_be_opened(client, accepted):
    session = make_bookable_session(FUTURE, slots=2)
    offer(session.slots[0], make_accepted_request())
    response = client.get(book_link(session.slots[0]))
    assert response.status_code == 409
    assert "being offered to a school on the waiting list" in response.text


def test_a_slot_held_for_this_school_can_be_booked(client, me, accepted):
    session = make_bookable_session(FUTURE, slots=1)
    other = make_accepted_request(me.school, by=me)
    offer(session.slots[0], accepted)
    response = client.get(book_link(session.slots[0]))
    assert response.status_code == 200
    assert checked(response.text, "request_id", accepted.id)
    assert not checked(response.text, "request_id", other.id)
    response = client.post(book_link(session.slots[0]), data=booking_form(accepted, me))
    assert response.status_code == 302
    entry = db.session.scalar(db.select(WaitingListEntry))
    assert entry.status == WaitStatus.BOOKED


def test_a_slot_in_a_cancelled_session_says_so_and_an_unknown_one_is_not_found(client,
                                                                               accepted):
    cancelled = make_bookable_session(FUTURE, slots=1, status=SessionStatus.CANCELLED)
    response = client.get(book_link(cancelled.slots[0]))
    assert response.status_code == 409
    assert "That session has been cancelled" in response.text
    assert client.get("/slots/9999/book").status_code == 404


def test_the_term_limit_refuses_the_booking_with_its_message(client, me, accepted):
    save_rules(BookingRules(term_limit=1), by_id=me.id)
    db.session.commit()
    session = make_bookable_session(FUTURE, slots=2)
    make_booking(make_accepted_request(me.school), session.slots[0])
    response = client.post(book_link(session.slots[1]), data=booking_form(accepted, me))
    assert response.status_code == 400
    assert "Your school has used its 1 consultations for the autumn term 2027" in response.text
    assert checked(response.text, "request_id", accepted.id)
    assert count_bookings() == 1


def test_with_no_request_to_book_the_book_page_says_so(client, me):
    slot = make_bookable_session(FUTURE, slots=1).slots[0]
    page = client.get(book_link(slot)).text
    assert "Your school has no accepted request waiting for a consultation" in page
    assert "<form method=\"post\"" not in page.split("</header>")[1]


# The waiting list ----------------------------------------------------------------------------


def test_joining_a_waiting_list_gives_the_place_in_the_queue(client, me, accepted):
    session = full_session(DECEMBER)
    first = make_accepted_request()
    waiting_list.join(session, first, by=first.created_by)
    db.session.commit()
    page = client.get(f"/sessions/{session.id}/waiting-list?request={accepted.id}")
    assert page.status_code == 200
    assert checked(page.text, "request_id", accepted.id)
    response = client.post(f"/sessions/{session.id}/waiting-list",
                           data={"request_id": str(accepted.id)})
    assert response.status_code == 302 and response.headers["Location"] == "/bookings"
    entry = db.session.scalar(db.select(WaitingListEntry)
                              .where(WaitingListEntry.request_id == accepted.id))
    assert entry.status == WaitStatus.WAITING and entry.session_id == session.id
    page = client.get("/bookings").text
    assert f"{accepted.reference} is on the waiting list" in page
    assert "It is number 2 in the queue" in page
    assert "Number 2 in the queue" in page and "Leave the waiting list" in page


def test_a_session_with_a_free_slot_cannot_be_waited_for(client, accepted):
    session = make_bookable_session(FUTURE, slots=1)
    response = client.get(f"/sessions/{session.id}/waiting-list")
    assert response.status_code == 409
    assert "That session has a free slot: book it instead" in response.text
    response = client.post(f"/sessions/{session.id}/waiting-list",
                           data={"request_id": str(accepted.id)})
    assert response.status_code == 400
    assert "That session has a free slot: book it instead" in response.text
    assert db.session.scalar(db.select(db.func.count(WaitingListEntry.id))) == 0


def test_joining_needs_one_of_the_schools_requests(client, accepted):
    session = full_session(DECEMBER)
    theirs = make_accepted_request()
    response = client.post(f"/sessions/{session.id}/waiting-list",
                           data={"request_id": str(theirs.id)})
    assert response.status_code == 400
    assert "Select the request the consultation is for" in response.text
    assert db.session.scalar(db.select(db.func.count(WaitingListEntry.id))
                             .where(WaitingListEntry.request_id == theirs.id)) == 0
    assert client.get("/sessions/9999/waiting-list").status_code == 404


def test_leaving_the_waiting_list(client, me, accepted):
    session = full_session(DECEMBER)
    entry = waiting_list.join(session, accepted, by=me)
    db.session.commit()
    response = client.post(f"/waiting-list/{entry.id}/leave")
    assert response.status_code == 302 and response.headers["Location"] == "/bookings"
    db.session.refresh(entry)
    assert entry.status == WaitStatus.WITHDRAWN
    page = client.get("/bookings").text
    assert f"{accepted.reference} has left the waiting list" in page
    assert "On a waiting list" not in page


def test_another_schools_waiting_list_entry_is_not_found(client, me):
    session = full_session(DECEMBER)
    theirs = make_accepted_request()
    entry = waiting_list.join(session, theirs, by=theirs.created_by)
    db.session.commit()
    assert client.post(f"/waiting-list/{entry.id}/leave").status_code == 404
    db.session.refresh(entry)
    assert entry.status == WaitStatus.WAITING
    assert theirs.reference not in client.get("/bookings").text


def test_an_offered_slot_is_shown_with_a_link_to_book_it(client, me, accepted):
    session = full_session(DECEMBER, slots=2)
    entry = waiting_list.join(session, accepted, by=me)
    db.session.commit()
    freed = db.session.scalar(db.select(Booking).where(Booking.slot_id == session.slots[1].id))
    booking_service.cancel(freed, "Not needed", by=freed.request.created_by)
    db.session.commit()
    db.session.refresh(entry)
    assert entry.status == WaitStatus.OFFERED
    page = client.get("/bookings").text
    assert "Offered: 3pm to 3:50pm on Wednesday 8 December 2027, held until" in page
    assert book_link(session.slots[1], accepted) in page
    assert "Book this slot" in page


# The bookings list -------------------------------------------------------------------------


@pytest.fixture
def two_schools():
    """A booking for each of two schools, in sessions run by two EPs."""
    ep_a = make_user(Role.EDUCATIONAL_PSYCHOLOGIST, name="Dr A")
    ep_b = make_user(Role.EDUCATIONAL_PSYCHOLOGIST, name="Dr B")
    school_a, school_b = make_school(name="Alder Primary"), make_school(name="Birch Academy")
    a = make_booking(make_accepted_request(school_a),
                     make_bookable_session(FUTURE, slots=1, ep=ep_a).slots[0])
    b = make_booking(make_accepted_request(school_b),
                     make_bookable_session(DECEMBER, slots=1, ep=ep_b).slots[0],
                     attendees=[social_worker("Sam Okafor", "sam@county.example.test")])
    return {"a": a, "b": b, "ep_a": ep_a, "school_a": school_a}


def test_school_staff_see_only_their_schools_bookings(client, sign_in, two_schools):
    sign_in(Role.SCHOOL_STAFF, school=two_schools["school_a"])
    page = client.get("/bookings").text
    a, b = two_schools["a"], two_schools["b"]
    assert a.reference in page and f"/bookings/{a.id}" in page
    assert b.reference not in page and b.request.reference not in page
    assert "Birch Academy" not in page and ">School</th>" not in page


def test_the_virtual_school_sees_every_booking_with_its_school(client, sign_in, two_schools):
    sign_in(Role.VS_ADVISOR)
    page = client.get("/bookings").text
    a, b = two_schools["a"], two_schools["b"]
    assert a.reference in page and b.reference in page
    assert "Alder Primary" in page and "Birch Academy" in page and ">School</th>" in page
    assert page.index(a.reference) < page.index(b.reference)  # soonest first
    assert a.request.reference in page and "Wednesday 17 November 2027, 2pm to 2:50pm" in page


def test_an_educational_psychologist_sees_only_their_sessions_bookings(client, two_schools):
    ep = two_schools["ep_a"]
    sign_in_with(client, ep)
    page = client.get("/bookings").text
    assert two_schools["a"].reference in page and two_schools["b"].reference not in page


def test_a_social_worker_sees_only_what_they_are_invited_to(client, sign_in, two_schools):
    sign_in(Role.SOCIAL_WORKER, email="sam@county.example.test")
    page = client.get("/bookings").text
    assert two_schools["b"].reference in page and two_schools["a"].reference not in page


def test_cancelled_bookings_are_under_past_and_cancelled(client, sign_in, two_schools):
    a = two_schools["a"]
    booking_service.cancel(a, "No longer needed", by=a.request.created_by)
    db.session.commit()
    sign_in(Role.VS_ADMIN)
    upcoming = client.get("/bookings").text
    assert a.reference not in upcoming and two_schools["b"].reference in upcoming
    past = client.get("/bookings?show=past").text
    assert a.reference in past and "Cancelled" in past
    assert two_schools["b"].reference not in past


def test_the_bookings_list_takes_the_same_queries_however_many_rows(client, sign_in, app):
    sign_in(Role.VS_ADMIN)
    session = make_bookable_session(FUTURE, slots=6)

    def queries() -> int:
        count = []
        listener = lambda *args: count.append(1)  # noqa: E731
        event.listen(db.engine, "before_cursor_execute", listener)
        try:
            assert client.get("/bookings").status_code == 200
        finally:
            event.remove(db.engine, "before_cursor_execute", listener)
        return len(count)

    make_booking(slot=session.slots[0])
    # The first page after signing in also writes the session row (held on the server);
    # what is counted here is what grows with the rows.
    client.get("/bookings")
    one = queries()
    for slot in session.slots[1:]:
        make_booking(make_accepted_request(), slot)
    assert queries() == one
    assert len(re.findall(r'href="/bookings/\d+"', client.get("/bookings").text)) == 6


def test_a_long_list_is_paged(client, sign_in):
    me = sign_in(Role.SCHOOL_STAFF)
    save_rules(BookingRules(term_limit=0), by_id=me.id)
    session = make_bookable_session(FUTURE, slots=51)
    for slot in session.slots:
        booking_service.book(make_accepted_request(me.school), slot, [staff_attendee(me)], me)
        db.session.commit()
    first = client.get("/bookings").text
    assert len(re.findall(r'href="/bookings/\d+"', first)) == 50
    assert 'href="/bookings?page=2"' in first
    second = client.get("/bookings?page=2").text
    assert len(re.findall(r'href="/bookings/\d+"', second)) == 1


# The request's page -------------------------------------------------------------------------


def test_an_accepted_consultation_request_offers_to_book(client, accepted):
    page = client.get(f"/requests/{accepted.id}").text
    assert "Book a consultation" in page and f'href="/slots?request={accepted.id}"' in page


def test_a_request_accepted_for_written_advice_offers_no_booking(client, me):
    request_ = make_accepted_request(me.school, by=me)
    request_.route = Route.WRITTEN_ADVICE
    db.session.commit()
    page = client.get(f"/requests/{request_.id}").text
    assert "/slots?request=" not in page


def test_a_booked_request_shows_its_booking(client, me, accepted):
    booking = make_booking(accepted, make_bookable_session(FUTURE, slots=1).slots[0])
    page = client.get(f"/requests/{accepted.id}").text
    assert "Consultation booked" in page and booking.reference in page
    assert f'href="/bookings/{booking.id}"' in page
    assert "Wednesday 17 November 2027, 2pm to 2:50pm" in page
    assert "/slots?request=" not in page
