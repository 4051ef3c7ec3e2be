"""Invites and feeds, read back by two independent parsers (icalendar and vobject) and by khal."""

import dataclasses
import re
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
import vobject
from icalendar import Calendar

from app.london import time_range
from app.services.invites import (
    Attendee,
    AttendeeRole,
    Invite,
    Method,
    describe,
    render_feed,
    render_invite,
)
from tests.khal import Khal

LONDON = ZoneInfo("Europe/London")
VENUE = "Café room, 2nd floor; Block B"
BOOKING_URL = "https://convene.test/bookings/42"
MEETING_URL = "https://meet.example.test/j/123456789?pwd=Zx8kQ2"
SENCO = Attendee("Zoë O'Neil, SENCO", "senco@school.example.test")
SOCIAL_WORKER = Attendee("Sam Okafor", "sam.okafor@council.example.test", AttendeeRole.REQUIRED)
EP = Attendee("Dr Priya Shah", "priya.shah@council.example.test", AttendeeRole.CHAIR)
ADVISOR = Attendee("Alex Brown", "alex.brown@council.example.test", AttendeeRole.OPTIONAL)
ATTENDEES = (SENCO, SOCIAL_WORKER, EP, ADVISOR)


def make_invite(**changes) -> Invite:
    values = {
        "uid": "booking-42@convene.test",
        "sequence": 0,
        "method": Method.REQUEST,
        "summary": "Solution Focused Consultation — SFC-2026-0042",
        "starts_at": datetime(2026, 11, 17, 14, 0, tzinfo=LONDON),
        "ends_at": datetime(2026, 11, 17, 14, 50, tzinfo=LONDON),
        "location": VENUE,
        "organizer_email": "virtual.school@county.example.test",
        "organizer_name": "Testshire Virtual School",
        "attendees": ATTENDEES,
        "booking_url": BOOKING_URL,
        # Stamped in India time: the output must still say UTC.
        "dtstamp": datetime(2026, 11, 2, 15, 0, 30, 123456,
                            tzinfo=timezone(timedelta(hours=5, minutes=30))),
    }
    values.update(changes)
    return Invite(**values)


def parse(data: bytes):
    """The same bytes read by icalendar and, independently, by vobject."""
    return Calendar.from_ical(data), vobject.readOne(data.decode("utf-8"))


def lines(data: bytes) -> list[str]:
    """Content lines, unfolded (RFC 5545 3.1)."""
    return data.decode("utf-8").replace("\r\n ", "").split("\r\n")


def event_of(data: bytes):
    calendar, vcal = parse(data)
    [event] = calendar.events
    return event, vcal.vevent


# The calendar around the event ---------------------------------------------------------------

def test_invite_declares_its_calendar_and_puts_method_before_the_event():
    data = render_invite(make_invite())
    calendar, vcal = parse(data)

    assert str(calendar["PRODID"]) == vcal.prodid.value == (
        "-//Convene//Virtual School consultations//EN")
    assert str(calendar["VERSION"]) == vcal.version.value == "2.0"
    assert str(calendar["CALSCALE"]) == vcal.calscale.value == "GREGORIAN"
    assert str(calendar["METHOD"]) == vcal.method.value == "REQUEST"
    content = lines(data)
    assert content.index("METHOD:REQUEST") < content.index("BEGIN:VEVENT")
    assert content.count("BEGIN:VEVENT") == 1


def test_invite_uses_crlf_line_endings_and_folds_lines_at_75_octets():
    data = render_invite(make_invite(description="A long note. " * 20))

    assert data.endswith(b"\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")
    raw_lines = data.split(b"\r\n")
    assert max(len(line) for line in raw_lines) <= 75
    assert any(line.startswith(b" ") for line in raw_lines)  # the long note was folded


# Identity and time ---------------------------------------------------------------------------

def test_event_has_uid_sequence_and_a_utc_dtstamp():
    event, vevent = event_of(render_invite(make_invite(sequence=3)))

    assert str(event["UID"]) == vevent.uid.value == "booking-42@convene.test"
    assert event["SEQUENCE"] == int(vevent.sequence.value) == 3
    expected = datetime(2026, 11, 2, 9, 30, 30, tzinfo=UTC)
    assert event.decoded("DTSTAMP") == vevent.dtstamp.value == expected
    assert "DTSTAMP:20261102T093030Z" in lines(render_invite(make_invite()))


@pytest.mark.parametrize(("utc_start", "wall_clock", "offset"), [
    (datetime(2026, 3, 24, 10, 0, tzinfo=UTC), "20260324T100000", timedelta(0)),  # GMT
    (datetime(2026, 3, 31, 9, 0, tzinfo=UTC), "20260331T100000", timedelta(hours=1)),  # BST
])
def test_times_are_europe_london_wall_clock_on_both_sides_of_the_clock_change(
        utc_start, wall_clock, offset):
    invite = make_invite(starts_at=utc_start, ends_at=utc_start + timedelta(minutes=50))
    data = render_invite(invite)
    event, vevent = event_of(data)

    assert f"DTSTART;TZID=Europe/London:{wall_clock}" in lines(data)
    assert event["DTSTART"].params["TZID"] == event["DTEND"].params["TZID"] == "Europe/London"
    for start in (event.decoded("DTSTART"), vevent.dtstart.value):
        assert (start.hour, start.minute) == (10, 0)
        assert start.utcoffset() == offset
        assert start == utc_start
    assert event.decoded("DTEND") == vevent.dtend.value == utc_start + timedelta(minutes=50)


def test_the_two_sides_of_the_clock_change_are_an_hour_apart_in_utc():
    gmt = make_invite(starts_at=datetime(2026, 3, 24, 10, 0, tzinfo=LONDON),
                      ends_at=datetime(2026, 3, 24, 10, 50, tzinfo=LONDON))
    bst = make_invite(starts_at=datetime(2026, 3, 31, 10, 0, tzinfo=LONDON),
                      ends_at=datetime(2026, 3, 31, 10, 50, tzinfo=LONDON))
    starts = [event_of(render_invite(invite))[1].dtstart.value for invite in (gmt, bst)]

    assert starts[1] - starts[0] == timedelta(days=7) - timedelta(hours=1)


def test_vtimezone_defines_london_gmt_and_bst_for_the_event_year():
    data = render_invite(make_invite(starts_at=datetime(2026, 3, 31, 10, 0, tzinfo=LONDON),
                                     ends_at=datetime(2026, 3, 31, 10, 50, tzinfo=LONDON)))
    calendar, vcal = parse(data)
    [zone] = calendar.timezones

    assert str(zone["TZID"]) == vcal.vtimezone.tzid.value == "Europe/London"
    kinds = {part.name: part for part in zone.subcomponents}
    assert set(kinds) == {"STANDARD", "DAYLIGHT"}
    assert kinds["DAYLIGHT"].decoded("DTSTART") == datetime(2026, 3, 29, 2, 0)
    assert kinds["DAYLIGHT"]["TZOFFSETTO"].td == timedelta(hours=1)
    assert "BEGIN:VTIMEZONE" in lines(data)[:lines(data).index("BEGIN:VEVENT")]
    # Read the VTIMEZONE itself, not a zone looked up by name: both sides of 29 March.
    for tz in (vcal.vtimezone.gettzinfo(), zone.to_tz(lookup_tzid=False)):
        assert datetime(2026, 3, 24, 10, 0, tzinfo=tz).utcoffset() == timedelta(0)
        assert datetime(2026, 3, 31, 10, 0, tzinfo=tz).utcoffset() == timedelta(hours=1)
        assert datetime(2026, 10, 26, 10, 0, tzinfo=tz).utcoffset() == timedelta(0)


@pytest.mark.parametrize(("starts_at", "ends_at", "words"), [
    (datetime(2026, 11, 17, 14, 0, tzinfo=LONDON), datetime(2026, 11, 17, 14, 50, tzinfo=LONDON),
     "Tuesday 17 November 2026, 2pm to 2:50pm"),
    (datetime(2026, 3, 31, 9, 0, tzinfo=UTC), datetime(2026, 3, 31, 11, 0, tzinfo=UTC),
     "Tuesday 31 March 2026, 10am to midday"),
    (datetime(2026, 11, 17, 23, 30, tzinfo=LONDON), datetime(2026, 11, 18, 0, 0, tzinfo=LONDON),
     "Tuesday 17 November 2026, 11:30pm to Wednesday 18 November 2026, midnight"),
])
def test_times_are_told_in_london_in_gov_uk_style(starts_at, ends_at, words):
    assert time_range(starts_at, ends_at) == words


# People --------------------------------------------------------------------------------------

def test_organizer_is_the_virtual_school_mailbox():
    event, vevent = event_of(render_invite(make_invite()))

    assert str(event["ORGANIZER"]) == vevent.organizer.value == (
        "mailto:virtual.school@county.example.test")
    assert event["ORGANIZER"].params["CN"] == vevent.organizer.params["CN"][0] == (
        "Testshire Virtual School")


def test_every_attendee_is_invited_with_their_role_and_asked_to_reply():
    event, vevent = event_of(render_invite(make_invite()))

    by_email = {str(address).removeprefix("mailto:"): address.params
                for address in event["ATTENDEE"]}
    assert list(by_email) == [person.email for person in ATTENDEES]
    v_by_email = {line.value.removeprefix("mailto:"): line.params
                  for line in vevent.contents["attendee"]}
    assert list(v_by_email) == list(by_email)
    for person in ATTENDEES:
        params, v_params = by_email[person.email], v_by_email[person.email]
        expected = {"CN": person.name, "ROLE": person.role.value, "PARTSTAT": "NEEDS-ACTION",
                    "RSVP": "TRUE", "CUTYPE": "INDIVIDUAL"}
        assert dict(params) == expected
        assert {key: values[0] for key, values in v_params.items()} == expected
    assert by_email[EP.email]["ROLE"] == "CHAIR"
    assert by_email[ADVISOR.email]["ROLE"] == "OPT-PARTICIPANT"


# Where, and the state of the event ---------------------------------------------------------

def test_a_request_in_a_venue_is_confirmed_busy_time_with_the_booking_page():
    event, vevent = event_of(render_invite(make_invite()))

    assert str(event["STATUS"]) == vevent.status.value == "CONFIRMED"
    assert str(event["TRANSP"]) == vevent.transp.value == "OPAQUE"
    assert str(event["LOCATION"]) == vevent.location.value == VENUE
    assert str(event["URL"]) == vevent.url.value == BOOKING_URL
    assert "CONFERENCE" not in event


def test_an_online_meeting_link_is_the_location_and_in_the_description():
    event, vevent = event_of(render_invite(make_invite(location=None, meeting_url=MEETING_URL)))

    assert str(event["LOCATION"]) == vevent.location.value == MEETING_URL
    assert MEETING_URL in str(event["DESCRIPTION"])
    assert MEETING_URL in vevent.description.value
    assert str(event["CONFERENCE"]) == vevent.conference.value == MEETING_URL
    assert event["CONFERENCE"].params["VALUE"] == "URI"
    # URL may appear only once: it stays the booking page, where people change or cancel.
    assert str(event["URL"]) == vevent.url.value == BOOKING_URL


def test_a_hybrid_meeting_has_the_venue_as_location_and_the_link_in_the_description():
    event, vevent = event_of(render_invite(make_invite(meeting_url=MEETING_URL)))

    assert vevent.location.value == VENUE
    assert f"Where: {VENUE}\nJoin online: {MEETING_URL}" in vevent.description.value


def test_default_description_says_what_when_where_and_where_to_change_it():
    invite = make_invite()
    _, vevent = event_of(render_invite(invite))

    assert vevent.description.value == describe(invite) == "\n".join([
        "What: Solution Focused Consultation — SFC-2026-0042",
        "When: Tuesday 17 November 2026, 2pm to 2:50pm (UK time)",
        f"Where: {VENUE}",
        f"To change or cancel, go to: {BOOKING_URL}",
    ])


def test_a_given_description_gets_the_links_it_lacks_and_keeps_the_ones_it_has():
    lacking = make_invite(description="Please bring the latest plan.", meeting_url=MEETING_URL)
    having = make_invite(description=f"Booking page: {BOOKING_URL}")

    assert event_of(render_invite(lacking))[1].description.value == (
        f"Please bring the latest plan.\nJoin online: {MEETING_URL}\nBooking: {BOOKING_URL}")
    assert event_of(render_invite(having))[1].description.value == (
        f"Booking page: {BOOKING_URL}")


def test_commas_semicolons_newlines_and_non_ascii_survive_a_round_trip():
    text = "Café room, 2nd floor; Block B\nAsk at reception — Ysgol Gymraeg \\ Ærø"
    invite = make_invite(location=text, description=text, summary="Consultation — Zoë's, ok;")
    data = render_invite(invite)
    event, vevent = event_of(data)

    assert str(event["LOCATION"]) == vevent.location.value == text
    assert str(event["DESCRIPTION"]) == vevent.description.value == (
        f"{text}\nBooking: {BOOKING_URL}")
    assert str(event["SUMMARY"]) == vevent.summary.value == "Consultation — Zoë's, ok;"
    assert event["ATTENDEE"][0].params["CN"] == vevent.attendee.params["CN"][0] == SENCO.name
    assert "LOCATION:Café room\\, 2nd floor\\; Block B\\nAsk at reception" in lines(data)[
        [line.startswith("LOCATION") for line in lines(data)].index(True)]


# The life of a booking -----------------------------------------------------------------------

def test_a_booking_is_requested_moved_and_cancelled_under_one_uid_with_rising_sequence():
    first = make_invite()
    moved = make_invite(sequence=1, starts_at=datetime(2026, 11, 24, 10, 0, tzinfo=LONDON),
                        ends_at=datetime(2026, 11, 24, 10, 50, tzinfo=LONDON))
    cancelled = dataclasses.replace(moved, sequence=2, method=Method.CANCEL)
    parsed = [parse(render_invite(invite)) for invite in (first, moved, cancelled)]

    methods = [(str(cal["METHOD"]), vcal.method.value) for cal, vcal in parsed]
    assert methods == [("REQUEST", "REQUEST"), ("REQUEST", "REQUEST"), ("CANCEL", "CANCEL")]
    events = [(cal.events[0], vcal.vevent) for cal, vcal in parsed]
    assert {str(event["UID"]) for event, _ in events} == {"booking-42@convene.test"}
    assert {vevent.uid.value for _, vevent in events} == {"booking-42@convene.test"}
    assert [event["SEQUENCE"] for event, _ in events] == [0, 1, 2]
    assert [vevent.sequence.value for _, vevent in events] == ["0", "1", "2"]
    assert [str(event["STATUS"]) for event, _ in events] == ["CONFIRMED", "CONFIRMED",
                                                            "CANCELLED"]
    assert events[1][1].dtstart.value == datetime(2026, 11, 24, 10, 0, tzinfo=LONDON)
    cancel_event, cancel_vevent = events[2]
    assert cancel_vevent.status.value == "CANCELLED"
    assert len(cancel_event["ATTENDEE"]) == len(ATTENDEES)
    assert cancel_vevent.description.value.startswith("This consultation has been cancelled.")


# Feeds ---------------------------------------------------------------------------------------

def feed_invites():
    autumn = make_invite()
    spring = make_invite(uid="booking-43@convene.test", sequence=1,
                         summary="Solution Focused Consultation — SFC-2027-0007",
                         starts_at=datetime(2027, 3, 30, 9, 0, tzinfo=LONDON),
                         ends_at=datetime(2027, 3, 30, 9, 50, tzinfo=LONDON),
                         location=None, meeting_url=MEETING_URL)
    gone = make_invite(uid="booking-44@convene.test", sequence=2, method=Method.CANCEL,
                       starts_at=datetime(2026, 12, 1, 13, 30, tzinfo=LONDON),
                       ends_at=datetime(2026, 12, 1, 14, 20, tzinfo=LONDON))
    return [spring, autumn, gone]


def test_feed_publishes_every_event_with_its_uid_sequence_and_times():
    invites = feed_invites()
    data = render_feed(invites, "Convene: Zoë's consultations")
    calendar, vcal = parse(data)

    assert str(calendar["METHOD"]) == vcal.method.value == "PUBLISH"
    content = lines(data)
    assert content.index("METHOD:PUBLISH") < content.index("BEGIN:VEVENT")
    assert str(calendar["X-WR-CALNAME"]) == vcal.x_wr_calname.value == (
        "Convene: Zoë's consultations")
    assert str(calendar["NAME"]) == "Convene: Zoë's consultations"
    assert [str(event["UID"]) for event in calendar.events] == [
        "booking-42@convene.test", "booking-44@convene.test", "booking-43@convene.test"]
    vevents = {vevent.uid.value: vevent for vevent in vcal.vevent_list}
    for invite in invites:
        vevent = vevents[invite.uid]
        assert vevent.sequence.value == str(invite.sequence)
        assert vevent.dtstart.value == invite.starts_at
        assert vevent.dtend.value == invite.ends_at
        assert vevent.summary.value == invite.summary
        assert vevent.status.value == ("CANCELLED" if invite.cancelled else "CONFIRMED")
    assert all(event["DTSTART"].params["TZID"] == "Europe/London" for event in calendar.events)


def test_feed_names_no_attendee_and_no_address_but_the_virtual_schools():
    data = render_feed(feed_invites(), "Convene: Zoë's consultations")
    calendar, vcal = parse(data)

    assert not any(line.startswith("ATTENDEE") for line in lines(data))
    assert all("attendee" not in vevent.contents for vevent in vcal.vevent_list)
    text = data.decode("utf-8").replace("\r\n ", "")
    for person in ATTENDEES:
        assert person.email not in text
        assert person.name.split(",")[0] not in text
    addresses = set(re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", text))
    assert addresses == {"virtual.school@county.example.test", "booking-42@convene.test",
                         "booking-43@convene.test", "booking-44@convene.test"}  # UIDs
    assert {str(event["ORGANIZER"]) for event in calendar.events} == {
        "mailto:virtual.school@county.example.test"}


def test_feed_timezone_covers_every_year_it_holds():
    calendar, vcal = parse(render_feed(feed_invites(), "Mine"))
    [zone] = calendar.timezones

    tz = vcal.vtimezone.gettzinfo()
    # 2027's change is on 28 March: the spring consultation is in BST.
    assert datetime(2027, 3, 30, 9, 0, tzinfo=tz).utcoffset() == timedelta(hours=1)
    assert datetime(2027, 3, 27, 9, 0, tzinfo=tz).utcoffset() == timedelta(0)
    assert datetime(2026, 11, 17, 14, 0, tzinfo=tz).utcoffset() == timedelta(0)
    assert {"STANDARD", "DAYLIGHT"} <= {part.name for part in zone.subcomponents}


def test_an_empty_feed_is_still_a_calendar():
    calendar, vcal = parse(render_feed([], "Nothing booked"))

    assert str(calendar["METHOD"]) == "PUBLISH"
    assert calendar.events == []
    assert vcal.x_wr_calname.value == "Nothing booked"


# What an invite may hold ---------------------------------------------------------------------

def test_an_invite_has_no_field_for_anything_about_the_child():
    assert {field.name for field in dataclasses.fields(Invite)} == {
        "uid", "sequence", "method", "summary", "starts_at", "ends_at", "location",
        "meeting_url", "description", "organizer_email", "organizer_name", "attendees",
        "booking_url", "dtstamp"}
    with pytest.raises(TypeError):
        make_invite(child_initials="JS")


@pytest.mark.parametrize(("changes", "message"), [
    ({"starts_at": datetime(2026, 11, 17, 14, 0)}, "timezone-aware"),
    ({"ends_at": datetime(2026, 11, 17, 13, 0, tzinfo=LONDON)}, "after starts_at"),
    ({"location": None, "meeting_url": None}, "location or a meeting_url"),
    ({"summary": "SFC-2026-0042\r\nBcc: someone@example.test"}, "one line"),
    ({"sequence": -1}, "sequence"),
    ({"method": "PUBLISH"}, "PUBLISH"),
])
def test_an_invite_that_cannot_be_rendered_is_refused(changes, message):
    with pytest.raises(ValueError, match=message):
        make_invite(**changes)


def test_roles_and_methods_may_be_given_as_their_ical_words():
    invite = make_invite(method="CANCEL", attendees=[Attendee("A", "a@x.test", "CHAIR")])

    assert invite.method is Method.CANCEL
    assert invite.attendees == (Attendee("A", "a@x.test", AttendeeRole.CHAIR),)


# A real calendar program ---------------------------------------------------------------------

def test_khal_imports_invites_at_the_right_instant_either_side_of_the_clock_change(tmp_path):
    khal = Khal(tmp_path)
    for day, uid in ((24, "gmt"), (31, "bst")):
        invite = make_invite(uid=f"{uid}@convene.test",
                             starts_at=datetime(2026, 3, day, 10, 0, tzinfo=LONDON),
                             ends_at=datetime(2026, 3, day, 10, 50, tzinfo=LONDON))
        khal.import_calendar(render_invite(invite), uid)

    listed = khal.events("2026-03-20", "14d")

    # khal shows UTC here: 10:00 GMT is 10:00, 10:00 BST is 09:00.
    title = f"Solution Focused Consultation — SFC-2026-0042 | {VENUE}"
    assert f"2026-03-24 10:00 2026-03-24 10:50 {title}" in listed
    assert f"2026-03-31 09:00 2026-03-31 09:50 {title}" in listed
