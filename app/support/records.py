"""The TAC meeting record as a PDF: the details, who attended, the notes under each heading,
the actions and the next review."""

from app.london import long_date, time_range, to_london
from app.models import TAC_HEADINGS, TacMeeting
from app.services.pdfs import Section, render_document
from app.support import clock

TITLE = "Team Around the Child meeting"


def meeting_pdf(meeting: TacMeeting) -> bytes:
    return render_document(
        title=TITLE, reference=meeting.reference, dated=to_london(meeting.starts_at).date(),
        subtitle=f"Child record {meeting.child.reference} · {meeting.status.label}",
        sections=[
            Section("Meeting details", rows=_details(meeting)),
            Section("Attendees", table=_attendees(meeting), empty="No one is listed"),
            *[Section(label, paragraphs=_given(getattr(meeting, column)))
              for column, label in TAC_HEADINGS],
            Section("Actions", table=_actions(meeting), empty="No actions agreed"),
            Section("Next review", paragraphs=_given(long_date(meeting.next_review_on)),
                    empty="No review date set"),
        ])


def _given(value: str | None) -> list[str]:
    return [value] if value else []


def _details(meeting: TacMeeting) -> list[tuple[str, str]]:
    rows = [("Reference", meeting.reference), ("Status", meeting.status.label),
            ("When", time_range(meeting.starts_at, meeting.ends_at))]
    if meeting.location:
        rows.append(("Where", meeting.location))
    if meeting.meeting_url:
        rows.append(("Meeting link", meeting.meeting_url))
    rows += [("Key adult", meeting.key_adult or "Not recorded"),
             ("Other supportive adults", meeting.supportive_adults or "Not recorded")]
    return rows


def _attendees(meeting: TacMeeting) -> list[list[str]]:
    if not meeting.attendees:
        return []
    return [["Name", "Role", "Agency"],
            *[[row.name, row.job_role, row.agency] for row in meeting.attendees]]


def _actions(meeting: TacMeeting) -> list[list[str]]:
    if not meeting.actions:
        return []
    today = clock.today()
    rows = [["What", "Who", "By when", "Status"]]
    for action in meeting.actions:
        if action.done_on:
            status = f"Done {long_date(action.done_on)}"
        else:
            status = "Overdue" if action.is_overdue(today) else "Open"
        rows.append([action.what, f"{action.who_role}: {action.who_name}",
                     long_date(action.due_on), status])
    return rows
