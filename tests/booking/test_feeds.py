"""Personal calendar feeds: the page that makes and revokes the secret address, and the
address itself, which a calendar program fetches without signing in."""

import hashlib
import re
from datetime import timedelta

import pytest
from icalendar import Calendar

from app.extensions import db
from app.models import (
    AttendeeKind,
    AuditEvent,
    Booking,
    BookingAttendee,
    BookingStatus,
    CalendarFeed,
    Role,
)
from app.models.types import utcnow
from app.services import bookings, feeds
from tests.booking.factories import (
    FUTURE,
    make_accepted_request,
    make_bookable_session,
    make_booking,
    social_worker,
    staff_attendee,
)
from tests.conftest import make_school, make_user

SAM = "sam.okafor@county.example.test"


def create_address(client) -> str:
    """Create a feed from the calendar page; the address shown once on the response."""
    response = client.post("/calendar/feed")
    assert response.status_code == 200
    match = re.search(r'id="feed-url"[^>]*value="([^"]+)"', response.text)
    assert match, response.text
    return match[1]


def fetch(app, address: str):
    """The feed as a calendar program gets it: a fresh client with no session cookie."""
    path = address.split("://", 1)[1].split("/", 1)[1]
    return app.test_client().get("/" + path)


def events(response) -> dict[str, dict]:
    calendar = Calendar.from_ical(response.data)
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert str(calendar["X-WR-CALNAME"]) == "Convene consultations"
    return {str(each["SUMMARY"]).rsplit(" ", 1)[-1]: each for each in calendar.walk("VEVENT")}


@pytest.fixture
def world(app):
    """Two sessions with different EPs and advisors; three bookings from two schools."""
    ep, other_ep = (make_user(Role.EDUCATIONAL_PSYCHOLOGIST) for _ in range(2))
    advisor, other_advisor = (make_user(Role.VS_ADVISOR) for _ in range(2))
    first = make_bookable_session(ep=ep, advisor=advisor)
    second = make_bookable_session(FUTURE + timedelta(days=7), ep=other_ep,
                                   advisor=other_advisor)
    oak = make_school(name="Oak Primary")
    booker = make_user(Role.SCHOOL_STAFF, school=oak, name="Bea Booker")
    invited = make_user(Role.SCHOOL_STAFF, school=oak, name="Ivy Invited")
    sam = make_user(Role.SOCIAL_WORKER, email=SAM)
    admin = make_user(Role.VS_ADMIN)
    mine = make_booking(make_accepted_request(oak, by=booker), slot=first.slots[0],
                        attendees=[staff_attendee(invited), social_worker()])
    head = bookings.AttendeeDetails(AttendeeKind.OTHER, admin.name, "VS head", admin.email,
                                    admin.id)
    theirs = make_booking(make_accepted_request(oak, by=booker), slot=second.slots[0],
                          attendees=[staff_attendee(booker), head])
    elsewhere = make_booking(slot=first.slots[1])
    return {"ep": ep, "other_ep": other_ep, "advisor": advisor, "booker": booker,
            "invited": invited, "sam": sam, "admin": admin, "mine": mine, "theirs": theirs,
            "elsewhere": elsewhere}


# The page ---------------------------------------------------------------------------------------

def test_creating_an_address_shows_it_once_and_keeps_only_its_hash(client, sign_in, app):
    user = sign_in(Role.SOCIAL_WORKER)
    page = client.get("/calendar").text
    assert "You do not have a calendar address" in page and "like a password" in page
    assert "Create a calendar address" in page
    address = create_address(client)
    token = address.rsplit("/", 1)[1].removesuffix(".ics")
    assert address.startswith("http") and len(token) >= 43
    feed = db.session.scalar(db.select(CalendarFeed))
    assert feed.user_id == user.id
    assert feed.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in feed.token_hash
    page = client.get("/calendar").text
    assert token not in page
    assert "Create a new address (the old one stops working)" in page and "Turn off" in page
    assert "Not used yet" in page
    assert "calendar_feed_created" in [each.action for each in
                                       db.session.scalars(db.select(AuditEvent))]


@pytest.mark.parametrize("role", list(Role))
def test_every_role_has_the_calendar_page(client, sign_in, role):
    sign_in(role)
    assert client.get("/calendar").status_code == 200


def test_the_page_and_buttons_need_signing_in(client, app):
    assert client.get("/calendar").status_code == 302
    assert client.post("/calendar/feed").status_code == 302
    assert db.session.scalar(db.select(db.func.count()).select_from(CalendarFeed)) == 0


# The feed ---------------------------------------------------------------------------------------

def test_the_feed_works_without_signing_in_and_holds_no_attendee(client, sign_in, app, world):
    _, token = feeds.create_feed(world["sam"])
    db.session.commit()
    response = fetch(app, f"http://x/calendar/{token}.ics")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert response.headers["Cache-Control"] == "private, max-age=300"
    assert "Set-Cookie" not in response.headers
    found = events(response)
    assert set(found) == {world["mine"].reference, world["elsewhere"].reference}
    assert b"ATTENDEE" not in response.data
    for person in (SAM, world["invited"].email, world["booker"].email,
                   world["ep"].email, world["advisor"].email):
        assert person.encode() not in response.data
    assert world["mine"].request.reference.encode() not in response.data
    assert str(found[world["mine"].reference]["STATUS"]) == "CONFIRMED"


@pytest.mark.parametrize(("who", "expected"), [
    ("ep", {"mine", "elsewhere"}),
    ("other_ep", {"theirs"}),
    ("advisor", {"mine", "elsewhere"}),
    ("booker", {"mine", "theirs"}),
    ("invited", {"mine"}),
    ("sam", {"mine", "elsewhere"}),
    ("admin", {"theirs"}),
])
def test_each_role_gets_the_consultations_it_is_part_of(app, world, who, expected):
    _, token = feeds.create_feed(world[who])
    db.session.commit()
    found = events(fetch(app, f"http://x/calendar/{token}.ics"))
    assert set(found) == {world[name].reference for name in expected}


def test_staff_get_only_their_own_schools_consultations_even_if_invited(app, world):
    stranger = make_user(Role.SCHOOL_STAFF)
    db.session.add(BookingAttendee(booking=world["mine"], kind=AttendeeKind.OTHER,
                                   name=stranger.name, job_role="SENCO", email=stranger.email,
                                   user_id=stranger.id))
    db.session.commit()
    _, token = feeds.create_feed(stranger)
    db.session.commit()
    assert events(fetch(app, f"http://x/calendar/{token}.ics")) == {}


def test_a_cancelled_consultation_stays_in_the_feed_as_cancelled(app, world):
    booking = world["mine"]
    bookings.cancel(booking, "No longer needed", world["booker"])
    db.session.commit()
    _, token = feeds.create_feed(world["sam"])
    db.session.commit()
    event = events(fetch(app, f"http://x/calendar/{token}.ics"))[booking.reference]
    assert str(event["STATUS"]) == "CANCELLED"
    assert int(event["SEQUENCE"]) == booking.sequence and str(event["UID"]) == booking.uid


def test_consultations_more_than_30_days_ago_drop_out(app):
    old = make_bookable_session(utcnow() - timedelta(days=31))
    recent = make_bookable_session(utcnow() - timedelta(days=29),
                                   ep=old.educational_psychologist)
    for slot, reference in ((old.slots[0], "SFC-2000-0001"),
                            (recent.slots[0], "SFC-2000-0002")):
        request_ = make_accepted_request()
        db.session.add(Booking(reference=reference, uid=f"{reference}@test", slot=slot,
                               request=request_, school_id=request_.school_id,
                               booked_by_id=request_.created_by_id,
                               status=BookingStatus.BOOKED))
    db.session.commit()
    _, token = feeds.create_feed(old.educational_psychologist)
    db.session.commit()
    assert set(events(fetch(app, f"http://x/calendar/{token}.ics"))) == {"SFC-2000-0002"}


def test_a_new_address_stops_the_old_one(client, sign_in, app):
    sign_in(Role.EDUCATIONAL_PSYCHOLOGIST)
    first = create_address(client)
    assert fetch(app, first).status_code == 200
    second = create_address(client)
    assert second != first
    assert fetch(app, first).status_code == 404
    assert fetch(app, second).status_code == 200
    assert db.session.scalar(db.select(db.func.count()).select_from(CalendarFeed)
                             .where(CalendarFeed.revoked_at.is_(None))) == 1


def test_turning_the_feed_off_stops_it(client, sign_in, app):
    sign_in(Role.VS_ADVISOR)
    address = create_address(client)
    response = client.post("/calendar/feed/revoke")
    assert response.status_code == 302
    assert fetch(app, address).status_code == 404
    page = client.get("/calendar").text
    assert "Your calendar address has been turned off" in page
    assert "You do not have a calendar address" in page
    assert "calendar_feed_revoked" in [each.action for each in
                                       db.session.scalars(db.select(AuditEvent))]


def test_the_feed_of_a_deactivated_user_is_gone(app, world):
    _, token = feeds.create_feed(world["sam"])
    world["sam"].active = False
    db.session.commit()
    assert fetch(app, f"http://x/calendar/{token}.ics").status_code == 404


def test_an_unknown_address_is_not_found(app):
    assert fetch(app, "http://x/calendar/not-a-real-token.ics").status_code == 404


def test_last_used_is_written_at_most_once_an_hour(app, world):
    feed, token = feeds.create_feed(world["ep"])
    db.session.commit()
    address = f"http://x/calendar/{token}.ics"
    fetch(app, address)
    db.session.refresh(feed)
    first = feed.last_used_at
    assert first is not None and utcnow() - first < timedelta(minutes=1)
    fetch(app, address)
    db.session.refresh(feed)
    assert feed.last_used_at == first
    feed.last_used_at = first - timedelta(hours=2)
    db.session.commit()
    fetch(app, address)
    db.session.refresh(feed)
    assert feed.last_used_at > first - timedelta(hours=1)
