"""The email that carries a calendar invite: words for the person, iTIP for their calendar.

The shape is the one Outlook and Gmail both turn into an event with Accept and Decline::

    multipart/mixed
      multipart/alternative
        text/plain; charset=utf-8            what, when, where, the booking page
        text/calendar; method=REQUEST|CANCEL the invite, which the mail program acts on
      application/ics  invite.ics            the same invite, for anything that only opens files
"""

from datetime import UTC, datetime
from email.headerregistry import Address
from email.message import EmailMessage, MIMEPart
from email.utils import make_msgid

from app.london import time_range
from app.services import mail
from app.services.invites import Invite, detail_lines, render_invite

ATTACHMENT_NAME = "invite.ics"


def build_invite_email(invite: Invite, to_name: str, to_email: str, from_email: str,
                       text_body: str) -> EmailMessage:
    """One attendee's own copy of an invite: addressed To them alone, with no Cc or Bcc."""
    calendar = render_invite(invite)
    message = EmailMessage()
    message["From"] = Address(invite.organizer_name, addr_spec=from_email)
    message["To"] = mail.address(to_name, to_email)
    if from_email != invite.organizer_email:
        # People who answer the email itself should reach the Virtual School, not a no-reply.
        message["Reply-To"] = Address(invite.organizer_name, addr_spec=invite.organizer_email)
    message["Subject"] = invite_subject(invite)
    message["Date"] = datetime.now(UTC)
    message["Message-ID"] = make_msgid(domain=from_email.rpartition("@")[2])
    message["MIME-Version"] = "1.0"
    message.make_mixed()
    message.attach(_alternative(text_body, calendar, invite.method))
    message.attach(_attachment(calendar))
    return message


def invite_subject(invite: Invite) -> str:
    if invite.cancelled:
        prefix = "Cancelled"
    elif invite.sequence > 0:
        prefix = "Updated invitation"
    else:
        prefix = "Invitation"
    return f"{prefix}: {invite.summary} — {time_range(invite.starts_at, invite.ends_at)}"


def invite_text_body(invite: Invite, greeting_name: str, what: str = "consultation") -> str:
    """The plain-text body: only what the invite itself holds, so nothing about the child.
    `what` names the event in the sentences ("consultation", "meeting")."""
    if invite.cancelled:
        opening = f"This {what} has been cancelled. Your calendar should remove it."
    elif invite.sequence > 0:
        opening = f"The details of this {what} have changed. Your calendar should update."
    else:
        opening = f"You are invited to this {what}. The calendar invite is attached."
    return "\n\n".join([
        f"Dear {greeting_name},",
        opening,
        "\n".join(detail_lines(invite)),
        invite.organizer_name,
    ]) + "\n"


def _alternative(text_body: str, calendar: bytes, method: str) -> MIMEPart:
    part = MIMEPart()
    # Quoted-printable and base64 pass any relay unchanged, 8BITMIME or not; base64 also keeps
    # the calendar's CRLF line endings, which iCalendar requires.
    part.set_content(text_body, cte="quoted-printable")
    part.add_alternative(calendar, "text", "calendar", cte="base64",
                         params={"method": str(method), "charset": "UTF-8"})
    return part


def _attachment(calendar: bytes) -> MIMEPart:
    # application/ics rather than a second text/calendar, so that a mail program acts on the
    # invite once, from the alternative part.
    part = MIMEPart()
    part.set_content(calendar, "application", "ics", cte="base64",
                     disposition="attachment", filename=ATTACHMENT_NAME)
    return part
