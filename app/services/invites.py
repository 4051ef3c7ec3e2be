"""Calendar data for consultation slots: iTIP invites and cancellations (RFC 5545, RFC 5546)
and a person's subscription feed, rendered with icalendar.

An invite carries only what a calendar needs: the slot, the place, the people invited and the
SFC reference in the summary. There is no field for anything about the child, so nothing about
the child can reach a calendar.

The life of one booking's invite, as a calendar program sees it:

* ``REQUEST``, sequence 0: the first invite.
* ``REQUEST``, sequence 1, 2, ...: the slot moved or the attendees changed. The UID stays the
  same, so the calendar replaces the event rather than adding a second one.
* ``CANCEL`` with the same UID and a sequence higher than any request sent before: the event
  is removed. Calendars ignore a message whose sequence is not higher than the one they
  hold, so the caller must keep the count (e.g. on the booking) and pass the next number.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone, vCalAddress, vDuration

from app.london import time_range

LONDON_TZID = "Europe/London"
LONDON = ZoneInfo(LONDON_TZID)
PRODID = "-//Convene//Virtual School consultations//EN"
# How often a subscribed calendar should fetch the feed again (RFC 7986, and Apple's and
# Microsoft's older X-PUBLISHED-TTL): an hour keeps moves visible the same day.
FEED_REFRESH = timedelta(hours=1)



class Method(StrEnum):
    """The iTIP method (RFC 5546) of an invite sent by email."""

    REQUEST = "REQUEST"
    CANCEL = "CANCEL"


class AttendeeRole(StrEnum):
    """An attendee's ROLE parameter (RFC 5545 3.2.16)."""

    REQUIRED = "REQ-PARTICIPANT"
    OPTIONAL = "OPT-PARTICIPANT"
    CHAIR = "CHAIR"  # the educational psychologist, who runs the consultation


@dataclass(frozen=True)
class Attendee:
    name: str
    email: str
    role: AttendeeRole = AttendeeRole.REQUIRED

    def __post_init__(self):
        object.__setattr__(self, "role", AttendeeRole(self.role))


@dataclass(frozen=True, kw_only=True)
class Invite:
    """One consultation slot as the attendees' calendars should show it.

    ``uid`` is stable for the life of the booking; ``sequence`` goes up by one with every
    message sent about it (a ``CANCEL`` too). ``location`` is the venue; ``meeting_url`` the
    online meeting's link; at least one is needed. ``description`` is optional plain text: by
    default it is built from the other fields (see :func:`describe`). It must never hold
    anything about the child.
    """

    uid: str
    sequence: int
    method: Method
    summary: str
    starts_at: datetime
    ends_at: datetime
    location: str | None = None
    meeting_url: str | None = None
    description: str | None = None
    organizer_email: str
    organizer_name: str
    attendees: tuple[Attendee, ...] = ()
    booking_url: str
    dtstamp: datetime = field(default_factory=lambda: datetime.now(UTC))

    def __post_init__(self):
        object.__setattr__(self, "method", Method(self.method))
        object.__setattr__(self, "attendees", tuple(self.attendees))
        for name in ("starts_at", "ends_at", "dtstamp"):
            if getattr(self, name).utcoffset() is None:
                raise ValueError(f"{name} must be timezone-aware")
        if self.ends_at <= self.starts_at:
            raise ValueError("ends_at must be after starts_at")
        if not self.uid or self.sequence < 0:
            raise ValueError("an invite needs a uid and a sequence of 0 or more")
        if not (self.location or self.meeting_url):
            raise ValueError("an invite needs a location or a meeting_url")
        # The summary is also an email subject, where a line break would start a new header.
        if "\n" in self.summary or "\r" in self.summary:
            raise ValueError("summary must be one line")

    @property
    def cancelled(self) -> bool:
        return self.method is Method.CANCEL


# Words --------------------------------------------------------------------------------------

def where_lines(invite: Invite) -> list[str]:
    """Where the consultation is: the venue, the meeting link, or both."""
    lines = [f"Where: {invite.location or 'online'}"]
    if invite.meeting_url:
        lines.append(f"Join online: {invite.meeting_url}")
    return lines


def detail_lines(invite: Invite) -> list[str]:
    """What, when, where and the booking page: the lines an invite's text is built from."""
    booking = "See the booking" if invite.cancelled else "To change or cancel, go to"
    return [
        f"What: {invite.summary}",
        f"When: {time_range(invite.starts_at, invite.ends_at)} (UK time)",
        *where_lines(invite),
        f"{booking}: {invite.booking_url}",
    ]


def describe(invite: Invite) -> str:
    """The DESCRIPTION an invite carries unless the caller gives its own."""
    lines = detail_lines(invite)
    if invite.cancelled:
        lines.insert(0, "This consultation has been cancelled.")
    return "\n".join(lines)


# iCalendar ----------------------------------------------------------------------------------

def render_invite(invite: Invite) -> bytes:
    """A METHOD:REQUEST or METHOD:CANCEL calendar for one invite, to send by email."""
    calendar = _calendar(invite.method, [invite])
    event = _event(invite)
    for attendee in invite.attendees:
        event.add("attendee", _attendee(attendee))
    calendar.add_component(event)
    return calendar.to_ical()


def render_feed(events: Iterable[Invite], name: str) -> bytes:
    """A person's subscription feed (METHOD:PUBLISH) of the consultations they are invited to.

    RFC 5546 forbids ATTENDEE in PUBLISH and requires ORGANIZER, so each event keeps the
    ORGANIZER (the Virtual School's own mailbox, which every invite already shows) and carries
    no attendee at all: a feed that leaks out shows no one's email address. Cancelled events
    stay in, with STATUS:CANCELLED, so that subscribers' calendars drop them.
    """
    invites = sorted(events, key=lambda invite: invite.starts_at)
    calendar = _calendar("PUBLISH", invites)
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("refresh-interval", FEED_REFRESH, parameters={"value": "DURATION"})
    calendar.add("x-published-ttl", vDuration(FEED_REFRESH))
    for invite in invites:
        calendar.add_component(_event(invite))
    return calendar.to_ical()


def _calendar(method: str, invites: list[Invite]) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", str(method))
    if invites:
        calendar.add_component(_london_timezone(invites))
    return calendar


def _london_timezone(invites: list[Invite]) -> Timezone:
    """Europe/London's VTIMEZONE for the whole years the events fall in: every GMT/BST change
    they need, without the hundreds a full 1970-2038 definition would carry."""
    years = [moment.astimezone(LONDON).year
             for invite in invites for moment in (invite.starts_at, invite.ends_at)]
    return Timezone.from_tzid(LONDON_TZID, first_date=date(min(years), 1, 1),
                              last_date=date(max(years) + 1, 1, 1))


def _event(invite: Invite) -> Event:
    """The VEVENT shared by invites and feeds: everything but the attendees."""
    event = Event()
    event.add("uid", invite.uid)
    event.add("sequence", invite.sequence)
    event.add("dtstamp", _second(invite.dtstamp.astimezone(UTC)))
    event.add("dtstart", _second(invite.starts_at.astimezone(LONDON)))
    event.add("dtend", _second(invite.ends_at.astimezone(LONDON)))
    event.add("summary", invite.summary)
    event.add("description", _description(invite))
    event.add("location", invite.location or invite.meeting_url)
    # URL may appear once (RFC 5545 3.8.4.6): it is the booking page, where the slot is
    # changed or cancelled. The meeting link goes in LOCATION or DESCRIPTION and CONFERENCE.
    event.add("url", invite.booking_url)
    if invite.meeting_url:
        event.add("conference", invite.meeting_url,
                  parameters={"value": "URI", "feature": "VIDEO", "label": "Join online"})
    event.add("organizer", _address(invite.organizer_email, invite.organizer_name))
    event.add("status", "CANCELLED" if invite.cancelled else "CONFIRMED")
    event.add("transp", "OPAQUE")
    return event


def _description(invite: Invite) -> str:
    """The caller's description, with the meeting and booking links added if it lacks them."""
    if invite.description is None:
        return describe(invite)
    text = invite.description
    for label, url in (("Join online", invite.meeting_url), ("Booking", invite.booking_url)):
        if url and url not in text:
            text += f"\n{label}: {url}"
    return text


def _address(email: str, name: str) -> vCalAddress:
    address = vCalAddress(f"mailto:{email}")
    address.params["CN"] = name
    return address


def _attendee(attendee: Attendee) -> vCalAddress:
    address = _address(attendee.email, attendee.name)
    address.params.update({"ROLE": str(attendee.role), "PARTSTAT": "NEEDS-ACTION",
                           "RSVP": "TRUE", "CUTYPE": "INDIVIDUAL"})
    return address


def _second(moment: datetime) -> datetime:
    # iCalendar has no fractions of a second.
    return moment.replace(microsecond=0)
