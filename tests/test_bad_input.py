"""The inputs that gave a 500 (issue 15) get a 400 with a GOV.UK error, or a 404: dates in
anything but three parts or of spaces only, ids too big for the database, line breaks in a
name that goes into an email, and NUL characters."""

from datetime import date

import pytest

from app.extensions import db
from app.models import Action, BookingAttendee, OutboxMessage, ProfileVersion, Role
from tests.booking.factories import make_booking
from tests.conftest import PASSWORD, make_child, make_user, sign_in_with
from tests.profiles.factories import form_data as profile_form
from tests.support.conftest import make_action as tac_action

ERROR_SUMMARY = "govuk-error-summary"


def count(model) -> int:
    return db.session.scalar(db.select(db.func.count()).select_from(model))


def make_action(staff) -> Action:
    return tac_action(make_child(staff.school), due_on=date(2027, 3, 10))


# a. A GOV.UK date in anything but three parts -----------------------------------------------

@pytest.mark.parametrize("query", [
    "from_date=1", "from_date=1&from_date=2", "from_date=1&from_date=2&from_date=2026&from_date=4",
    "from_date=1&to_date=1&to_date=2&to_date=2026", "to_date=",
])
def test_dashboard_date_in_the_wrong_number_of_parts_is_a_400(client, sign_in, query):
    sign_in(Role.VS_ADVISOR)
    response = client.get(f"/dashboard?{query}")
    assert response.status_code in (200, 400)
    if "=1" in query:
        assert response.status_code == 400
        assert ERROR_SUMMARY in response.text


def test_dashboard_export_date_in_one_part_is_a_400(client, sign_in):
    sign_in(Role.VS_ADMIN)
    response = client.get("/exports/requests.csv?from_date=1&to_date=1")
    assert response.status_code == 400


@pytest.mark.parametrize("parts", [["12"], ["12", "3"], ["12", "3", "2027", "9"]])
def test_reassigning_an_action_with_a_date_in_the_wrong_parts_is_a_400(client, sign_in, parts):
    staff = sign_in(Role.SCHOOL_STAFF)
    action = make_action(staff)
    prefix = f"action-{action.id}-"
    response = client.post(f"/actions/{action.id}/reassign", data={
        prefix + "who_role": "DT", prefix + "who_name": "Mr Hall", prefix + "due_on": parts})
    assert response.status_code == 400
    assert "Enter a real date" in response.text
    # The boxes are shown again, three of them, with what was typed.
    assert response.text.count(f'name="{prefix}due_on"') == 3


def test_session_form_with_a_date_in_one_part_is_a_400(client, sign_in):
    sign_in(Role.VS_ADMIN)
    response = client.post("/sessions/new", data={"day": "17"})
    assert response.status_code == 400
    assert ERROR_SUMMARY in response.text


# b. A date of spaces only is no date --------------------------------------------------------

def test_reassigning_an_action_with_a_date_of_spaces_asks_for_the_date(client, sign_in):
    staff = sign_in(Role.SCHOOL_STAFF)
    action = make_action(staff)
    prefix = f"action-{action.id}-"
    response = client.post(f"/actions/{action.id}/reassign", data={
        prefix + "who_role": "DT", prefix + "who_name": "Mr Hall",
        prefix + "due_on": [" ", " ", " "]})
    assert response.status_code == 400
    assert "Enter the date it is due by" in response.text
    db.session.refresh(action)
    assert (action.who_name, action.due_on) == ("Ms Reed", date(2027, 3, 10))


def test_a_profile_dated_with_spaces_asks_for_the_date_not_says_someone_else_saved(
        client, sign_in):
    staff = sign_in(Role.SCHOOL_STAFF)
    child = make_child(staff.school)
    response = client.post(f"/children/{child.reference}/profile/edit",
                           data=profile_form(completed_on=["  ", " ", "   "]))
    assert response.status_code == 400
    assert "Enter the date the profile was completed" in response.text
    assert count(ProfileVersion) == 0


def test_a_year_no_record_could_carry_is_refused(client, sign_in):
    staff = sign_in(Role.SCHOOL_STAFF)
    child = make_child(staff.school)
    for year in ("0001", "9999"):
        response = client.post(f"/children/{child.reference}/profile/edit",
                               data=profile_form(completed_on=["1", "1", year]))
        assert response.status_code == 400
        assert "Enter a year between" in response.text


# c. Ids too big for the database ------------------------------------------------------------

@pytest.mark.parametrize("number", [2**31, 2**63 - 1, 2**63, 2**64, 10**40])
def test_an_id_too_big_for_the_database_is_a_404(client, sign_in, number):
    sign_in(Role.VS_ADMIN)
    assert client.get(f"/admin/users/{number}").status_code == 404
    assert client.get(f"/schools/{number}").status_code == 404
    assert client.post(f"/admin/themes/{number}/retire").status_code == 404


def test_the_largest_id_the_database_holds_is_still_looked_up(client, sign_in):
    sign_in(Role.VS_ADMIN)
    assert client.get(f"/admin/users/{2**31 - 1}").status_code == 404
    assert client.get("/admin/users/1").status_code == 200


# d. Line breaks in a name that goes into an email -------------------------------------------

@pytest.mark.parametrize("name", ["Kim Lee\r\nBcc: everyone@example.test", "Kim\nLee",
                                  "Kim\rLee", "Kim\tLee", "Kim\u2028Lee", "Kim\x0bLee"])
def test_a_line_break_in_an_attendee_name_is_refused_with_a_message(client, app, name):
    booking = make_booking()
    staff = booking.request.created_by
    assert sign_in_with(client, staff).status_code == 302
    before_attendees, before_mail = count(BookingAttendee), count(OutboxMessage)
    response = client.post(f"/bookings/{booking.id}/attendees", data={
        "attendee-name": name, "attendee-job_role": "Family support worker",
        "attendee-email": "kim.lee@example.test", "attendee-kind": "other"})
    assert response.status_code == 400
    assert "Full name must be on one line" in response.text
    assert (count(BookingAttendee), count(OutboxMessage)) == (before_attendees, before_mail)


# e. NUL characters, anywhere --------------------------------------------------------------

def test_a_nul_in_the_sign_in_form_is_a_400(client):
    user = make_user(Role.SOCIAL_WORKER)
    for data in ({"email": user.email + "\x00", "password": PASSWORD},
                 {"email": user.email, "password": PASSWORD + "\x00"},
                 {"email\x00": user.email, "password": PASSWORD}):
        response = client.post("/sign-in", data=data)
        assert response.status_code == 400
        assert "null character" in response.text
    assert client.get("/").status_code == 302  # not signed in


def test_a_nul_in_a_filter_or_an_address_is_a_400(client, sign_in):
    sign_in(Role.VS_ADMIN)
    for path in ("/admin/users?q=a%00b", "/admin/users?q%00=1", "/children/C-%00",
                 "/dashboard?school=%00"):
        response = client.get(path)
        assert response.status_code == 400, path
        assert "null character" in response.text


def test_a_form_posted_without_its_date_boxes_asks_for_the_date(client, sign_in):
    staff = sign_in(Role.SCHOOL_STAFF)
    child = make_child(staff.school)
    response = client.post(f"/children/{child.reference}/tac/new", data={
        "start_time": "2pm", "end_time": "3pm", "location": "Meeting room 2"})
    assert response.status_code == 400
    assert "Enter the date of the meeting" in response.text
    assert response.text.count('name="day"') == 3


@pytest.mark.parametrize("path", ["/children/{child}/tac/new", "/admin/users/new"])
def test_a_line_break_in_any_name_that_is_emailed_is_refused(client, sign_in, path):
    from tests.support.conftest import schedule_data

    if path.startswith("/admin"):
        sign_in(Role.VS_ADMIN)
        data = {"name": "Sam\r\nPatel", "email": "sam.patel@school.example",
                "role": "vs_advisor", "job_title": "", "school_id": ""}
        message = "Full name must be on one line"
    else:
        staff = sign_in(Role.SCHOOL_STAFF)
        path = path.format(child=make_child(staff.school).reference)
        data = schedule_data(**{"attendees-0-name": "Dee\r\nBcc: everyone@example.test"})
        message = "Name must be on one line"
    before = count(OutboxMessage)
    response = client.post(path, data=data)
    assert response.status_code == 400
    assert message in response.text
    assert count(OutboxMessage) == before


def test_a_name_saved_with_a_line_break_before_still_gets_its_invite(app):
    # Saved before the forms refused line breaks: the invite goes, and no header is added.
    from app.models import AttendeeKind
    from app.services.bookings import AttendeeDetails
    from tests.booking.factories import make_accepted_request, staff_attendee

    request_ = make_accepted_request()
    odd = AttendeeDetails(AttendeeKind.OTHER, "Kim\r\nBcc: everyone@example.test",
                          "Family support worker", "kim.lee@example.test")
    make_booking(request_, attendees=[staff_attendee(request_.created_by), odd])
    row = db.session.scalars(db.select(OutboxMessage).where(
        OutboxMessage.to_address.contains("kim.lee@example.test"))).one()
    head = row.message.split(b"\r\n\r\n")[0].decode()
    assert "Bcc" not in [line.split(":")[0] for line in head.splitlines()]
    assert "everyone@example.test" not in row.to_address.split("<")[-1]


# Found by the fuzz suite's long profile --------------------------------------------------

@pytest.mark.parametrize("name", ["Ärger", "ÉCOLE À LA MAISON", "oi)Ø¶iÀ", "Straße"])
def test_adding_a_theme_twice_says_it_exists_even_with_capitals_sqlite_does_not_fold(
        client, sign_in, name):
    sign_in(Role.VS_ADMIN)
    assert client.post("/admin/themes/new", data={"name": name}).status_code == 302
    again = client.post("/admin/themes/new", data={"name": name})
    assert again.status_code == 400
    assert "There is already a theme called" in again.text


@pytest.mark.parametrize("query", ["version=9223372036854775808", "version=99999999999",
                                   "version=-99999999999"])
def test_a_profile_version_too_big_for_the_database_is_not_found(client, sign_in, query):
    from tests.profiles.factories import make_version

    staff = sign_in(Role.SCHOOL_STAFF)
    child = make_child(staff.school)
    make_version(child, staff)
    for page in ("profile", "profile.pdf", "profile/compare"):
        response = client.get(f"/children/{child.reference}/{page}?{query}")
        assert response.status_code in (200, 302, 400, 404), page


@pytest.mark.parametrize("query", ["page=9223372036854775808", "request=9223372036854775808",
                                   "page=-9223372036854775809"])
def test_huge_numbers_in_any_query_are_taken_as_no_number(client, sign_in, query):
    sign_in(Role.SCHOOL_STAFF)
    for path in ("/slots", "/bookings", "/children/new"):
        assert client.get(f"{path}?{query}").status_code in (200, 302, 404), path
