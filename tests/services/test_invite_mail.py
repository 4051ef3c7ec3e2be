"""Invite emails, parsed back as a mail program would and sent through a real SMTP server."""

import dataclasses
import email
import re
import smtplib
from datetime import datetime
from email import policy
from email.message import EmailMessage
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from app.services.invite_mail import build_invite_email, invite_subject, invite_text_body
from app.services.invites import Method, detail_lines, render_invite
from tests.services.test_invites import ATTENDEES, BOOKING_URL, MEETING_URL, VENUE, make_invite

LONDON = ZoneInfo("Europe/London")
FROM = "no-reply@convene.test"
TO_NAME, TO_EMAIL = "Zoë O'Neil", "senco@school.example.test"
WHEN = "Tuesday 17 November 2026, 2pm to 2:50pm"

MOVED = {"sequence": 1, "starts_at": datetime(2026, 11, 24, 10, 0, tzinfo=LONDON),
         "ends_at": datetime(2026, 11, 24, 10, 50, tzinfo=LONDON)}
CANCELLED = {**MOVED, "sequence": 2, "method": Method.CANCEL}

EXPECTED_TREE = ("multipart/mixed", [
    ("multipart/alternative", [("text/plain", []), ("text/calendar", [])]),
    ("application/ics", []),
])


def build(invite=None, **changes) -> EmailMessage:
    invite = invite or make_invite(**changes)
    return build_invite_email(invite, TO_NAME, TO_EMAIL, FROM, invite_text_body(invite, "Zoë"))


def received(message: EmailMessage) -> EmailMessage:
    """The message as the other end reads it: flattened to bytes and parsed again."""
    return email.message_from_bytes(message.as_bytes(), policy=policy.default)


def tree(part) -> tuple:
    return (part.get_content_type(),
            [tree(child) for child in part.iter_parts()] if part.is_multipart() else [])


def parts(message) -> tuple:
    """(text/plain, text/calendar, attachment), in the places the tree test pins down."""
    alternative, attachment = message.iter_parts()
    text, calendar = alternative.iter_parts()
    return text, calendar, attachment


def everything_readable(message) -> str:
    """The headers and every part decoded: all that a person or a program could read."""
    headers = "\n".join(f"{name}: {value}" for name, value in message.items())
    bodies = [part.get_payload(decode=True).decode("utf-8") for part in message.walk()
              if not part.is_multipart()]
    return "\n".join([headers, *bodies])


# The shape -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("changes", "method"), [({}, "REQUEST"), (MOVED, "REQUEST"),
                                                 (CANCELLED, "CANCEL")])
def test_message_is_mixed_with_text_and_calendar_alternatives_then_invite_ics(changes, method):
    message = received(build(**changes))

    assert tree(message) == EXPECTED_TREE
    assert message["MIME-Version"] == "1.0"
    text, calendar, attachment = parts(message)
    assert text.get_content_charset() == "utf-8"
    assert calendar.get_param("method") == method
    assert calendar.get_content_charset() == "utf-8"
    assert calendar.get_content_disposition() is None  # inline: the part mail programs act on
    assert attachment.get_content_disposition() == "attachment"
    assert attachment.get_filename() == "invite.ics"


@pytest.mark.parametrize("changes", [{}, MOVED, CANCELLED])
def test_calendar_part_is_the_invite_its_method_names(changes):
    invite = make_invite(**changes)
    _, calendar_part, attachment = parts(received(build(invite)))

    data = calendar_part.get_payload(decode=True)
    assert data == attachment.get_payload(decode=True) == render_invite(invite)
    calendar = Calendar.from_ical(data)
    assert str(calendar["METHOD"]) == calendar_part.get_param("method") == invite.method.value
    assert str(calendar.events[0]["UID"]) == invite.uid
    assert calendar.events[0]["SEQUENCE"] == invite.sequence


def test_calendar_crlf_line_endings_survive_the_transfer_encoding():
    message = build()
    _, calendar_part, attachment = parts(received(message))

    for part in (calendar_part, attachment):
        assert part["Content-Transfer-Encoding"] in ("base64", "quoted-printable")
        data = part.get_payload(decode=True)
        assert data.count(b"\r\n") > 20
        assert b"\n" not in data.replace(b"\r\n", b"")


# Headers -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("changes", "subject"), [
    ({}, f"Invitation: Solution Focused Consultation — SFC-2026-0042 — {WHEN}"),
    (MOVED, "Updated invitation: Solution Focused Consultation — SFC-2026-0042 — "
            "Tuesday 24 November 2026, 10am to 10:50am"),
    (CANCELLED, "Cancelled: Solution Focused Consultation — SFC-2026-0042 — "
                "Tuesday 24 November 2026, 10am to 10:50am"),
])
def test_subject_says_new_updated_or_cancelled_and_when(changes, subject):
    assert received(build(**changes))["Subject"] == subject
    assert invite_subject(make_invite(**changes)) == subject


def test_message_is_from_the_virtual_school_to_one_named_person():
    message = received(build())

    [sender] = message["From"].addresses
    assert (sender.display_name, sender.addr_spec) == ("Testshire Virtual School", FROM)
    [recipient] = message["To"].addresses
    assert (recipient.display_name, recipient.addr_spec) == (TO_NAME, TO_EMAIL)
    assert message["Cc"] is None and message["Bcc"] is None
    [reply_to] = message["Reply-To"].addresses
    assert reply_to.addr_spec == "virtual.school@county.example.test"
    assert re.fullmatch(r"<[^@<>\s]+@convene\.test>", message["Message-ID"])
    assert message["Date"].datetime.tzinfo is not None
    assert build()["Message-ID"] != build()["Message-ID"]


def test_no_reply_to_when_the_virtual_school_sends_from_its_own_mailbox():
    invite = make_invite()
    message = build_invite_email(invite, TO_NAME, TO_EMAIL, invite.organizer_email, "Hello")

    assert message["Reply-To"] is None


# The words -----------------------------------------------------------------------------------

def test_text_says_what_when_where_and_where_to_change_it():
    text, _, _ = parts(received(build()))
    body = text.get_content()

    assert body.startswith("Dear Zoë,\n")
    assert "What: Solution Focused Consultation — SFC-2026-0042" in body
    assert f"When: {WHEN} (UK time)" in body
    assert f"Where: {VENUE}" in body
    assert f"To change or cancel, go to: {BOOKING_URL}" in body


def test_text_of_an_online_consultation_gives_the_meeting_link():
    text, _, _ = parts(received(build(location=None, meeting_url=MEETING_URL)))

    assert f"Where: online\nJoin online: {MEETING_URL}" in text.get_content()


@pytest.mark.parametrize(("changes", "opening"), [
    ({}, "You are invited to this consultation."),
    (MOVED, "The details of this consultation have changed."),
    (CANCELLED, "This consultation has been cancelled."),
])
def test_text_opens_with_what_has_happened(changes, opening):
    body = invite_text_body(make_invite(**changes), "Zoë")

    assert body.split("\n\n")[1].startswith(opening)


# Nothing about the child ---------------------------------------------------------------------

# What the school holds about the child behind SFC-2026-0042. None of it has anywhere to go.
CHILD = {
    "initials": "JQ",
    "year_group": "Year 7",
    "cohort": "Child in Need plan",
    "concern": "Persistent absence since moving into kinship care",
    "tried": "Meet and greet with the key adult each morning",
    "sen_status": "EHCP for SEMH",
}


def test_nothing_about_the_child_can_be_passed_in():
    invite = make_invite()

    with pytest.raises(TypeError):
        make_invite(**CHILD)
    with pytest.raises(TypeError):
        build_invite_email(invite, TO_NAME, TO_EMAIL, FROM, "Hello", child=CHILD)
    with pytest.raises(TypeError):
        invite_text_body(invite, "Zoë", **CHILD)


@pytest.mark.parametrize("changes", [{}, MOVED, CANCELLED])
def test_the_email_holds_only_what_the_invite_holds(changes):
    invite = make_invite(**changes)
    message = received(build(invite))
    readable = everything_readable(message)

    assert not re.search(rf"\b{CHILD['initials']}\b", readable)
    for detail in CHILD.values():
        assert detail not in readable
    body = parts(message)[0].get_content()
    openings = {invite_text_body(dataclasses.replace(invite, **state), "x").split("\n\n")[1]
                for state in ({}, MOVED, CANCELLED)}
    allowed = {"Dear Zoë,", invite.organizer_name, *openings, *detail_lines(invite)}
    assert {line for line in body.splitlines() if line} <= allowed
    [event] = Calendar.from_ical(parts(message)[1].get_payload(decode=True)).events
    assert str(event["SUMMARY"]) == invite.summary
    assert str(event["LOCATION"]) == invite.location
    assert {address.params["CN"] for address in event["ATTENDEE"]} == {
        person.name for person in ATTENDEES}


# A real SMTP server --------------------------------------------------------------------------

def test_an_invite_sent_over_smtp_arrives_whole(app, smtp):
    invite = make_invite(**CANCELLED)
    message = build(invite)

    with smtplib.SMTP("127.0.0.1", app.config["MAIL_PORT"], timeout=10) as client:
        refused = client.send_message(message)

    assert refused == {}
    [arrived] = smtp.messages
    assert tree(arrived) == EXPECTED_TREE
    assert arrived["Subject"] == invite_subject(invite)
    assert [address.addr_spec for address in arrived["To"].addresses] == [TO_EMAIL]
    _, calendar_part, attachment = parts(arrived)
    assert calendar_part.get_param("method") == "CANCEL"
    data = calendar_part.get_payload(decode=True)
    assert data == attachment.get_payload(decode=True) == render_invite(invite)
    assert str(Calendar.from_ical(data).events[0]["STATUS"]) == "CANCELLED"
