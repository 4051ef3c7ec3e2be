"""The calendar invites a booking's life sends: book, move, add and remove an attendee,
cancel. Every invite is read back from the outbox by icalendar and, independently, by
vobject, property by property; khal (a real calendar program) imports them."""

from datetime import UTC, datetime, timedelta

import pytest
import vobject
from icalendar import Calendar

from app.extensions import db
from app.london import LONDON
from app.models import AttendeeKind, Role
from app.services import bookings
from tests.booking.factories import (
    FUTURE,
    assert_no_child_detail,
    make_bookable_session,
    make_booking,
    make_telltale_request,
    outbox_rows,
    parse_email,
    social_worker,
    staff_attendee,
    utc,
)
from tests.conftest import make_user
from tests.khal import Khal

NOW = utc(2027, 9, 6, 9)
MAILBOX = "consultations@virtual-school.example.test"
INVITE_KINDS = ("invite", "invite_update", "invite_cancel")
SUMMARY = "Solution Focused Consultation — {}"


def invites() -> list[dict]:
    """Every invite email in the outbox, in the order queued, read by both parsers."""
    found = []
    for row in outbox_rows():
        if row.kind not in INVITE_KINDS:
            continue
        message = parse_email(row)
        [part] = [each for each in message.walk() if each.get_content_type() == "text/calendar"]
        raw = part.get_payload(decode=True)
        found.append({"row": row, "to": message["To"].addresses[0].addr_spec,
                      "method_param": part.get_param("method"), "raw": raw.decode(),
                      "ical": Calendar.from_ical(raw), "vobject": vobject.readOne(raw.decode())})
    return found


def event(invite):
    [only] = invite["ical"].walk("VEVENT")
    return only


def ical_attendees(invite) -> dict[str, dict]:
    found = event(invite).get("ATTENDEE")
    found = found if isinstance(found, list) else [found]
    return {str(each).removeprefix("mailto:"): dict(each.params) for each in found}


def vobject_attendees(invite) -> dict[str, dict]:
    return {each.value.removeprefix("mailto:"): {key: values[0] for key, values in
                                                 each.params.items()}
            for each in invite["vobject"].vevent.attendee_list}


# The whole life of one booking --------------------------------------------------------------

@pytest.fixture
def life(app):
    """Book, move, add an attendee, remove one, cancel: a change a day from NOW. Returns the
    booking, its two slots and who was invited along the way."""
    app.config["VIRTUAL_SCHOOL_MAILBOX"] = MAILBOX
    ep = make_user(Role.EDUCATIONAL_PSYCHOLOGIST, name="Dr Ada Lane")
    advisor = make_user(Role.VS_ADVISOR, name="Ravi Patel")
    session = make_bookable_session(FUTURE, slots=2, ep=ep, advisor=advisor)
    first, second = session.slots
    request_ = make_telltale_request()
    senco = request_.created_by
    deputy = bookings.AttendeeDetails(AttendeeKind.SCHOOL_STAFF, "Priya Shah",
                                      "Deputy head", "Priya.Shah@school.example.test")
    booking = bookings.book(request_, first, [staff_attendee(senco), social_worker()], senco,
                            now=NOW)
    db.session.commit()
    bookings.move(booking, second, senco, now=NOW + timedelta(days=1))
    db.session.commit()
    bookings.add_attendee(booking, deputy, senco, now=NOW + timedelta(days=2))
    db.session.commit()
    [gone] = [each for each in booking.live_attendees if each.kind == AttendeeKind.SOCIAL_WORKER]
    bookings.remove_attendee(booking, gone, senco, now=NOW + timedelta(days=3))
    db.session.commit()
    bookings.cancel(booking, "The school found another way", senco, now=NOW + timedelta(days=4))
    db.session.commit()
    people = {"ep": ep.email, "advisor": advisor.email, "senco": senco.email,
              "sw": gone.email, "deputy": "priya.shah@school.example.test"}
    return booking, first, second, people


def test_each_change_sends_the_right_message_to_the_right_people(life):
    booking, first, second, p = life
    everyone = [p["ep"], p["advisor"], p["senco"], p["sw"]]
    after_add = [*everyone, p["deputy"]]
    after_removal = [p["ep"], p["advisor"], p["senco"], p["deputy"]]
    expected = (
        [("REQUEST", 0, to, everyone) for to in everyone]                       # booked
        + [("REQUEST", 1, to, everyone) for to in everyone]                     # moved
        + [("REQUEST", 2, to, after_add) for to in after_add]                   # added
        + [("CANCEL", 3, p["sw"], [p["sw"]])]                                   # removed
        + [("REQUEST", 3, to, after_removal) for to in after_removal]
        + [("CANCEL", 4, to, after_removal) for to in after_removal]            # cancelled
    )

    seen = [(str(each["ical"]["METHOD"]), int(event(each)["SEQUENCE"]), each["to"],
             list(ical_attendees(each))) for each in invites()]

    assert seen == expected


def test_method_status_and_kind_agree_and_method_comes_before_the_event(life):
    for each in invites():
        method = str(each["ical"]["METHOD"])
        assert method == each["vobject"].method.value == each["method_param"]
        cancelled = method == "CANCEL"
        assert str(event(each)["STATUS"]) == each["vobject"].vevent.status.value == (
            "CANCELLED" if cancelled else "CONFIRMED")
        assert (each["row"].kind == "invite_cancel") is cancelled
        raw = each["raw"]
        assert raw.index(f"\r\nMETHOD:{method}\r\n") < raw.index("BEGIN:VEVENT")
        assert raw.index("BEGIN:VCALENDAR") < raw.index("METHOD:")


def test_one_uid_for_the_life_of_the_booking_and_the_sequence_only_rises(life):
    booking = life[0]
    found = invites()

    assert {str(event(each)["UID"]) for each in found} == {booking.uid}
    assert {each["vobject"].vevent.uid.value for each in found} == {booking.uid}
    sequences = [int(event(each)["SEQUENCE"]) for each in found]
    assert sequences == [int(each["vobject"].vevent.sequence.value) for each in found]
    assert sequences == sorted(sequences)
    assert len(set(sequences)) == 5  # one number per change
    # Each person's calendar sees every message newer than the last.
    for person in {each["to"] for each in found}:
        theirs = [int(event(each)["SEQUENCE"]) for each in found if each["to"] == person]
        assert theirs == sorted(set(theirs)), person
    # A cancellation is newer than every request sent before it, to anyone.
    for n, each in enumerate(found):
        if str(each["ical"]["METHOD"]) == "CANCEL":
            earlier = [int(event(e)["SEQUENCE"]) for e in found[:n]
                       if str(e["ical"]["METHOD"]) == "REQUEST"]
            assert int(event(each)["SEQUENCE"]) > max(earlier)


def test_dtstamp_is_the_moment_of_the_change_in_utc(life):
    moments = [NOW + timedelta(days=n) for n in (0, 1, 2, 3, 3, 4)]
    changes = []
    for each in invites():
        stamp = event(each)["DTSTAMP"].dt
        assert stamp.tzinfo is not None and stamp.utcoffset() == timedelta(0)
        assert each["vobject"].vevent.dtstamp.value == stamp
        assert f"DTSTAMP:{stamp:%Y%m%dT%H%M%S}Z" in each["raw"]
        changes.append(stamp)
    assert sorted(set(changes)) == sorted(set(moments))


def test_the_organizer_is_the_virtual_school_mailbox(life):
    for each in invites():
        organizer = event(each)["ORGANIZER"]
        assert str(organizer) == f"mailto:{MAILBOX}"
        assert organizer.params["CN"] == "Convene County Council Virtual School"
        assert each["vobject"].vevent.organizer.value == f"mailto:{MAILBOX}"


def test_every_attendee_has_a_role_and_is_asked_to_reply(life):
    *_, p = life
    for each in invites():
        for read in (ical_attendees(each), vobject_attendees(each)):
            for email_address, params in read.items():
                role = "CHAIR" if email_address == p["ep"] else "REQ-PARTICIPANT"
                assert params["ROLE"] == role
                assert params["PARTSTAT"] == "NEEDS-ACTION"
                assert params["RSVP"] == "TRUE"
                assert params["CN"]


def test_times_are_on_the_london_clock_with_its_timezone(life):
    booking, first, second, _ = life
    for n, each in enumerate(invites()):
        slot = first if n < 4 else second  # the first four went before the move
        ev = event(each)
        for name, instant in (("DTSTART", slot.starts_at), ("DTEND", slot.ends_at)):
            assert ev[name].params["TZID"] == "Europe/London"
            assert ev[name].dt == instant
            assert getattr(each["vobject"].vevent, name.lower()).value == instant
            # vobject turns TZID into the value's timezone: read the parameter untransformed.
            untransformed = vobject.readOne(each["raw"], transform=False).vevent
            assert getattr(untransformed, name.lower()).params["TZID"] == ["Europe/London"]
        [zone] = each["ical"].walk("VTIMEZONE")
        assert str(zone["TZID"]) == each["vobject"].vtimezone.tzid.value == "Europe/London"


def test_location_summary_and_no_child_detail(life):
    booking = life[0]
    meeting_url = booking.slot.session.meeting_url
    assert booking.reference.startswith("SFC-2027-")
    for each in invites():
        ev = event(each)
        assert str(ev["LOCATION"]) == each["vobject"].vevent.location.value == meeting_url
        assert str(ev["SUMMARY"]) == SUMMARY.format(booking.reference)
        assert each["vobject"].vevent.summary.value == SUMMARY.format(booking.reference)
    rows = outbox_rows()
    assert rows
    for row in rows:  # invites and any other email the booking caused
        assert_no_child_detail(row.message)


def test_the_organizer_is_mail_from_when_no_mailbox_is_set(app):
    app.config["MAIL_FROM"] = "no-reply@convene.example.test"
    app.config["VIRTUAL_SCHOOL_MAILBOX"] = None
    make_booking(now=NOW)

    for each in invites():
        assert str(event(each)["ORGANIZER"]) == "mailto:no-reply@convene.example.test"


def test_an_in_person_session_gives_its_venue_as_the_location(app):
    session = make_bookable_session(mode="in_person", meeting_url=None,
                                    venue="Room 4, County Hall, Testbury")
    make_booking(slot=session.slots[0], now=NOW)

    for each in invites():
        assert str(event(each)["LOCATION"]) == "Room 4, County Hall, Testbury"
        assert each["vobject"].vevent.location.value == "Room 4, County Hall, Testbury"


# A real calendar program --------------------------------------------------------------------

def test_khal_replaces_the_event_when_the_booking_moves_across_the_clock_change(app, tmp_path):
    # Wednesday 27 October 2027 10am is BST (9am UTC); Wednesday 3 November 10am is GMT.
    before = make_bookable_session(datetime(2027, 10, 27, 10, tzinfo=LONDON), slots=1)
    after = make_bookable_session(datetime(2027, 11, 3, 10, tzinfo=LONDON), slots=1)
    booking = make_booking(slot=before.slots[0], now=NOW)
    senco = booking.request.created_by
    bookings.move(booking, after.slots[0], senco, now=NOW + timedelta(hours=1))
    db.session.commit()
    mine = [each for each in invites() if each["to"] == senco.email]
    assert [int(event(each)["SEQUENCE"]) for each in mine] == [0, 1]
    khal = Khal(tmp_path)
    title = f"{SUMMARY.format(booking.reference)} | {before.meeting_url}"

    khal.import_calendar(mine[0]["raw"].encode(), "first")
    assert khal.events("2027-10-01", "60d") == [f"2027-10-27 09:00 2027-10-27 09:50 {title}"]
    khal.import_calendar(mine[1]["raw"].encode(), "moved")
    assert khal.events("2027-10-01", "60d") == [f"2027-11-03 10:00 2027-11-03 10:50 {title}"]
    # icalendar and vobject agree on the instants.
    assert event(mine[0])["DTSTART"].dt == datetime(2027, 10, 27, 9, tzinfo=UTC)
    assert mine[1]["vobject"].vevent.dtstart.value == datetime(2027, 11, 3, 10, tzinfo=UTC)
