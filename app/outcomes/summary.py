"""The consultation summary: the PDF of the outcome, and the email that says it is ready.

The email carries the booking's reference, its date and a link, and nothing else: never the
child's details and none of what the outcome says. Reading it takes signing in.
"""

from email.headerregistry import Address
from email.message import EmailMessage

from flask import current_app
from sqlalchemy.orm import joinedload, selectinload

from app.links import external_url
from app.london import day_and_date, long_date, long_datetime, time_range
from app.models import (
    AdviceRequest,
    Booking,
    ConsultationOutcome,
    ConsultationSession,
    OutcomeAmendment,
    OutcomeAttendee,
    Slot,
)
from app.outcomes.recording import Person
from app.services import mail
from app.services.bookings import organizer_email, organizer_name
from app.services.pdfs import Section, render_document

TITLE = "Consultation summary"

# Everything the summary shows, loaded with the outcome in a fixed number of queries.
_SESSION = joinedload(ConsultationOutcome.booking).joinedload(Booking.slot).joinedload(Slot.session)
SUMMARY_LOADS = (
    _SESSION.joinedload(ConsultationSession.educational_psychologist),
    _SESSION.joinedload(ConsultationSession.advisor),
    joinedload(ConsultationOutcome.booking).joinedload(Booking.request)
    .joinedload(AdviceRequest.school),
    selectinload(ConsultationOutcome.attendees), selectinload(ConsultationOutcome.actions),
    selectinload(ConsultationOutcome.themes),
    selectinload(ConsultationOutcome.amendments).joinedload(OutcomeAmendment.by),
)


# The email ------------------------------------------------------------------------------------

def summary_email(outcome: ConsultationOutcome, person: Person) -> EmailMessage:
    booking = outcome.booking
    sender = current_app.config["MAIL_FROM"]
    message = EmailMessage()
    message["From"] = Address(organizer_name(), addr_spec=sender)
    message["To"] = mail.address(person.name, person.email)
    if organizer_email() != sender:
        message["Reply-To"] = Address(organizer_name(), addr_spec=organizer_email())
    message["Subject"] = f"Consultation summary ready: {booking.reference}"
    link = external_url("outcomes.outcome", booking_id=booking.id)
    message.set_content("\n\n".join([
        f"Dear {person.name},",
        f"The summary of Solution Focused Consultation {booking.reference} "
        f"({day_and_date(booking.slot.starts_at)}) is ready.",
        f"Sign in to {current_app.config['SERVICE_NAME']} to read it:\n{link}",
        "You can download it as a PDF from that page.",
        organizer_name(),
    ]) + "\n", cte="quoted-printable")
    return message


# The PDF --------------------------------------------------------------------------------------

def summary_pdf(outcome: ConsultationOutcome, amendments: list[OutcomeAmendment]) -> bytes:
    booking = outcome.booking
    subtitle = (f"Solution Focused Consultation, {day_and_date(booking.slot.starts_at)}"
                if outcome.is_final else "Draft: not finalised")
    return render_document(title=TITLE, reference=booking.reference,
                           dated=booking.slot.starts_at, subtitle=subtitle,
                           sections=summary_sections(outcome, amendments))


def summary_sections(outcome: ConsultationOutcome,
                     amendments: list[OutcomeAmendment]) -> list[Section]:
    booking = outcome.booking
    session = booking.slot.session
    scale = f"{outcome.scale_now} out of 10" if outcome.scale_now is not None else "Not recorded"
    next_step = [("Recommended next step",
                  outcome.next_step.label if outcome.next_step else "Not recorded")]
    if outcome.follow_up_on:
        next_step.append(("Follow-up date", long_date(outcome.follow_up_on)))
    return [
        Section("Consultation", rows=[
            ("Reference", booking.reference),
            ("Date", time_range(booking.slot.starts_at, booking.slot.ends_at)),
            ("Educational psychologist", session.educational_psychologist.name),
            ("Virtual School advisor", session.advisor.name if session.advisor else "None"),
            ("School", booking.request.school.name),
            ("Advice request", booking.request.label),
            ("Status", f"Finalised {long_datetime(outcome.finalised_at)}" if outcome.is_final
             else "Draft"),
        ]),
        Section("Who attended", table=[["Name", "Role"]] + [
            [each.name, attendee_role(each)] for each in outcome.attendees]
            if outcome.attendees else []),
        _text_section("Best hopes", outcome.best_hopes),
        _text_section("What is already working", outcome.already_working),
        _text_section("Strengths", outcome.strengths),
        Section("Scaling", rows=[
            ("Where things are now", scale),
            ("What one point higher would look like", outcome.one_point_higher or
             "Not recorded")]),
        Section("Agreed actions", table=[["What", "Who", "By when"]] + [
            [each.what, f"{each.who_name}, {each.who_role}", long_date(each.due_on)]
            for each in outcome.actions] if outcome.actions else [], empty="None agreed"),
        Section("Themes discussed", paragraphs=[", ".join(theme.name for theme in
                                                           outcome.themes)]
                if outcome.themes else [], empty="None recorded"),
        Section("Next step", rows=next_step),
        Section("Amendments", paragraphs=[
            part for each in amendments
            for part in (f"Added by {each.by.name}, {long_datetime(each.at)}:", each.text)],
            empty="None"),
    ]


def attendee_role(attendee: OutcomeAttendee) -> str:
    """Their role, saying so when they are the child's social worker."""
    if attendee.is_social_worker and "social worker" not in attendee.job_role.lower():
        return f"{attendee.job_role} (the child's social worker)"
    return attendee.job_role


def _text_section(heading: str, value: str | None) -> Section:
    return Section(heading, paragraphs=[value] if value else [])
