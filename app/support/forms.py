"""Forms for TAC meetings (scheduling, changing, writing up) and for reassigning an action.

Attendees and actions are rows: a list of small forms, one per person or action. A row left
empty is ignored; a row with anything in it needs all its required parts. "Add another"
buttons post the form back with one more empty row, so no JavaScript is needed.
"""

import re

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovDateInput,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import FieldList, Form, FormField, HiddenField, StringField, SubmitField, TextAreaField
from wtforms.validators import Email as EmailFormat
from wtforms.validators import InputRequired, Length, Optional, ValidationError

from app.booking.session_forms import TimeField
from app.booking.slots import SlotError, local_to_utc
from app.forms import GovDateField, OneLine
from app.london import to_london
from app.models import TAC_HEADINGS, TacMeeting
from app.privacy import describe_findings, find_identifiers
from app.support.meetings import AgreedAction, Person, Plan, WriteUp
from app.validators import NoIdentifiers

MEETING_URL = re.compile(r"^https://[^\s/]+\.[^\s]+$")
BLANK_ROWS = 2  # empty rows offered below the rows already filled in
NOTE_LENGTH = 5000


def _strip(value):
    return value.strip() if isinstance(value, str) else value


def _row_id(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


class NoIdentifiersButNames:
    """For fields that name the adults around the child ("Ms Patel, teaching assistant"):
    names are expected there, but nothing else that could identify a child or family."""

    def __call__(self, form, field):
        findings = [each for each in find_identifiers(field.data or "") if each.kind != "name"]
        if findings:
            raise ValidationError(describe_findings(findings))


def _length(what: str, most: int) -> Length:
    return Length(max=most, message=f"{what} must be {most} characters or fewer")


# Rows -----------------------------------------------------------------------------------------

class _Row(Form):
    """One row of a list. `number` counts from 1, as the page shows it."""

    id = HiddenField(filters=[_row_id])
    # (field, what to enter when the rest of the row is filled in); {n} is the row's number.
    REQUIRED: tuple[tuple[str, str], ...] = ()

    @property
    def number(self) -> int:
        match = re.search(r"-(\d+)-$", self._prefix)
        return int(match[1]) + 1 if match else 1

    def is_blank(self) -> bool:
        """Nothing typed in the row (what was typed counts, even if it was not valid)."""
        for name, field in self._fields.items():
            if name == "id":
                continue
            if field.raw_data:
                if any(str(value).strip() for value in field.raw_data):
                    return False
            elif field.data:
                return False
        return True

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        if self.is_blank():
            return True  # an empty row is ignored, whatever its parts said
        for name, what in self.REQUIRED:
            field = self[name]
            if not field.data and not field.errors:
                field.errors.append(f"Enter {what.format(n=self.number)}, or clear the row")
                valid = False
        return valid


PERSON_REQUIRED = (("name", "the name of attendee {n}"), ("job_role", "the role of attendee {n}"),
                   ("agency", "the agency of attendee {n}"))


def _person_fields(cls):
    cls.name = StringField("Name", widget=GovTextInput(), filters=[_strip],
                           validators=[_length("Name", 120), OneLine("Name")])
    cls.job_role = StringField("Role", widget=GovTextInput(), filters=[_strip],
                               description="For example, class teacher or family support "
                                           "worker",
                               validators=[_length("Role", 120), OneLine("Role"),
                                           NoIdentifiers()])
    cls.agency = StringField("Agency", widget=GovTextInput(), filters=[_strip],
                             description="For example, school, children's social care or "
                                         "CAMHS",
                             validators=[_length("Agency", 120), OneLine("Agency")])
    return cls


@_person_fields
class InviteeRow(_Row):
    """Someone invited to the meeting; with an email address, they get the calendar invite."""

    REQUIRED = PERSON_REQUIRED
    email = StringField(
        "Email address (optional)", widget=GovTextInput(), filters=[_strip],
        description="They are sent the calendar invite here",
        validators=[Optional(), _length("Email address", 254),
                    # test_environment: the demo data and the tests use .test addresses.
                    EmailFormat(message="Enter an email address in the correct format, like "
                                "name@example.com", test_environment=True)])

    def person(self) -> Person:
        return Person(name=self.name.data, job_role=self.job_role.data,
                      agency=self.agency.data, email=self.email.data or None,
                      id=self.id.data)


@_person_fields
class AttendedRow(_Row):
    """Someone who came to the meeting, as the write-up records them."""

    REQUIRED = PERSON_REQUIRED

    def person(self) -> Person:
        return Person(name=self.name.data, job_role=self.job_role.data,
                      agency=self.agency.data, id=self.id.data)


class ActionRow(_Row):
    REQUIRED = (("what", "what will be done for action {n}"),
                ("who_role", "the role of who will do action {n}"),
                ("who_name", "the name of who will do action {n}"),
                ("due_on", "the date action {n} is due by"))
    what = TextAreaField("What will be done", widget=GovTextArea(), filters=[_strip],
                         validators=[_length("The action", 1000), NoIdentifiers()])
    who_role = StringField("Who: their role", widget=GovTextInput(), filters=[_strip],
                           description="For example, SENCO or social worker",
                           validators=[_length("Role", 120), NoIdentifiers()])
    who_name = StringField("Who: their name", widget=GovTextInput(), filters=[_strip],
                           validators=[_length("Name", 120)])
    due_on = GovDateField("By when", widget=GovDateInput(), format="%d %m %Y",
                          description="For example, 27 3 2027")

    def agreed(self) -> AgreedAction:
        return AgreedAction(what=self.what.data, who_role=self.who_role.data,
                            who_name=self.who_name.data, due_on=self.due_on.data,
                            id=self.id.data)


def filled(rows: FieldList) -> list:
    return [entry.form for entry in rows.entries if not entry.form.is_blank()]


def add_blank_rows(rows: FieldList, count: int = BLANK_ROWS) -> None:
    for _ in range(count):
        rows.append_entry()


def row_error(rows: FieldList, index: int, name: str, message: str) -> None:
    """An error found across rows, after the rows checked themselves: the list's errors
    are gathered when it validates, so they are gathered again."""
    rows.entries[index].form[name].errors.append(message)
    rows.errors = [entry.errors for entry in rows.entries]


# Scheduling -----------------------------------------------------------------------------------

class ScheduleForm(FlaskForm):
    """When and where the meeting is, and who is coming."""

    day = GovDateField("Date", widget=GovDateInput(), format="%d %m %Y",
                       description="For example, 17 11 2027",
                       validators=[InputRequired(message="Enter the date of the meeting")])
    start_time = TimeField("Start time", "a start")
    end_time = TimeField("End time", "an end")
    location = StringField(
        "Where (optional if there is a meeting link)", widget=GovTextInput(), filters=[_strip],
        description="For example, the school's meeting room. Not a family's address.",
        validators=[_length("Where", 300), NoIdentifiers()])
    meeting_url = StringField(
        "Meeting link (optional if there is a place)", widget=GovTextInput(), filters=[_strip],
        description="For example, https://teams.microsoft.com/…",
        validators=[_length("The meeting link", 500)])
    key_adult = StringField(
        "Key adult (optional)", widget=GovTextInput(), filters=[_strip],
        description="The adult in school the child trusts most. Their role and name.",
        validators=[_length("Key adult", 200), NoIdentifiersButNames()])
    supportive_adults = TextAreaField(
        "Other supportive adults (optional)", widget=GovTextArea(), filters=[_strip],
        description="Their roles and names",
        validators=[_length("Other supportive adults", 2000), NoIdentifiersButNames()])
    attendees = FieldList(FormField(InviteeRow), min_entries=1)
    add_attendee = SubmitField("Add another attendee", widget=GovSubmitInput())
    submit = SubmitField("Schedule the meeting", widget=GovSubmitInput())

    def validate_meeting_url(self, field):
        if field.data and not MEETING_URL.match(field.data):
            raise ValidationError("Enter the meeting link starting https://, like "
                                  "https://teams.microsoft.com/l/meetup-join/…")

    def validate_location(self, field):
        if not field.data and not self.meeting_url.data:
            raise ValidationError("Enter where the meeting is, or a meeting link")

    def adding_row(self) -> bool:
        return bool(self.add_attendee.data)

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        self.times = self._times()
        valid = self._check_attendees() and valid
        return valid and self.times is not None

    def _times(self):
        """(starts_at, ends_at) in UTC, or None with the error on the field at fault."""
        start, end = self.start_time.time, self.end_time.time
        if not (self.day.data and start and end) or self.day.errors:
            return None
        if end <= start:
            self.end_time.errors.append("The end time must be after the start time")
            return None
        try:
            return (local_to_utc(self.day.data, start),
                    local_to_utc(self.day.data, end, about="end"))
        except SlotError as error:
            (self.end_time if error.about == "end" else self.start_time).errors.append(
                str(error))
            return None

    def _check_attendees(self) -> bool:
        rows = [(index, entry.form) for index, entry in enumerate(self.attendees.entries)
                if not entry.form.is_blank()]
        if not rows:
            row_error(self.attendees, 0, "name", "Enter at least one person who will attend")
            return False
        seen, valid = set(), True
        for index, row in rows:
            email = (row.email.data or "").lower()
            if email and email in seen:
                row_error(self.attendees, index, "email",
                          f"{row.email.data} is already listed. Enter each person once")
                valid = False
            seen.add(email)
        return valid

    def plan(self) -> Plan:
        starts_at, ends_at = self.times
        return Plan(starts_at=starts_at, ends_at=ends_at, location=self.location.data or None,
                    meeting_url=self.meeting_url.data or None,
                    key_adult=self.key_adult.data or None,
                    supportive_adults=self.supportive_adults.data or None,
                    attendees=tuple(row.person() for row in filled(self.attendees)))


class EditScheduleForm(ScheduleForm):
    submit = SubmitField("Save changes", widget=GovSubmitInput())


def schedule_data(meeting: TacMeeting) -> dict:
    """A meeting as the schedule form takes it, on the London clock."""
    starts, ends = to_london(meeting.starts_at), to_london(meeting.ends_at)
    return {"day": starts.date(), "start_time": f"{starts:%H:%M}", "end_time": f"{ends:%H:%M}",
            "location": meeting.location or "", "meeting_url": meeting.meeting_url or "",
            "key_adult": meeting.key_adult or "",
            "supportive_adults": meeting.supportive_adults or "",
            "attendees": [{"id": row.id, "name": row.name, "job_role": row.job_role,
                           "agency": row.agency, "email": row.email or ""}
                          for row in meeting.attendees]}


# Writing up -----------------------------------------------------------------------------------

class NotesForm(FlaskForm):
    attended = FieldList(FormField(AttendedRow), min_entries=1)
    key_adult = StringField(
        "Key adult", widget=GovTextInput(), filters=[_strip],
        description="Their role and name", validators=[_length("Key adult", 200),
                                                        NoIdentifiersButNames()])
    supportive_adults = TextAreaField(
        "Other supportive adults", widget=GovTextArea(), filters=[_strip],
        description="Their roles and names",
        validators=[_length("Other supportive adults", 2000), NoIdentifiersButNames()])
    actions = FieldList(FormField(ActionRow), min_entries=1)
    next_review_on = GovDateField("Next review date (optional)", widget=GovDateInput(),
                                  format="%d %m %Y", description="For example, 15 3 2027")
    add_attended = SubmitField("Add another attendee", widget=GovSubmitInput())
    add_action = SubmitField("Add another action", widget=GovSubmitInput())
    submit = SubmitField("Save the notes", widget=GovSubmitInput())

    def __init__(self, meeting: TacMeeting, *args, **kwargs):
        self.meeting = meeting
        super().__init__(*args, data=notes_data(meeting), **kwargs)

    def heading_fields(self) -> list:
        return [self[column] for column, _label in TAC_HEADINGS]

    def adding_row(self) -> bool:
        return bool(self.add_attended.data or self.add_action.data)

    def validate_next_review_on(self, field):
        meeting_day = to_london(self.meeting.starts_at).date()
        if field.data and field.data <= meeting_day:
            raise ValidationError("The next review date must be after the meeting")

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        if not filled(self.attended):
            row_error(self.attended, 0, "name", "Enter at least one person who attended")
            valid = False
        return valid

    def write_up(self) -> WriteUp:
        return WriteUp(
            attended=tuple(row.person() for row in filled(self.attended)),
            key_adult=self.key_adult.data or None,
            supportive_adults=self.supportive_adults.data or None,
            notes={column: self[column].data or None for column, _label in TAC_HEADINGS},
            actions=tuple(row.agreed() for row in filled(self.actions)),
            next_review_on=self.next_review_on.data)


for _column, _label in TAC_HEADINGS:
    setattr(NotesForm, _column, TextAreaField(
        _label, widget=GovTextArea(), filters=[_strip],
        validators=[_length(_label, NOTE_LENGTH), NoIdentifiers()]))


def notes_data(meeting: TacMeeting) -> dict:
    data = {"key_adult": meeting.key_adult or "",
            "supportive_adults": meeting.supportive_adults or "",
            "next_review_on": meeting.next_review_on,
            "attended": [{"id": row.id, "name": row.name, "job_role": row.job_role,
                          "agency": row.agency} for row in meeting.attendees],
            "actions": [{"id": row.id, "what": row.what, "who_role": row.who_role,
                         "who_name": row.who_name, "due_on": row.due_on}
                        for row in meeting.actions]}
    for column, _label in TAC_HEADINGS:
        data[column] = getattr(meeting, column) or ""
    return data


# The tracker ----------------------------------------------------------------------------------

class ReassignForm(FlaskForm):
    who_role = StringField("Role", widget=GovTextInput(), filters=[_strip],
                           description="For example, SENCO or social worker",
                           validators=[InputRequired(message="Enter the role of who will do "
                                                     "it"), _length("Role", 120)])
    who_name = StringField("Name", widget=GovTextInput(), filters=[_strip],
                           validators=[InputRequired(message="Enter the name of who will do "
                                                     "it"), _length("Name", 120)])
    due_on = GovDateField("By when", widget=GovDateInput(), format="%d %m %Y",
                          description="For example, 27 3 2027",
                          validators=[InputRequired(message="Enter the date it is due by")])
    submit = SubmitField("Save", widget=GovSubmitInput())
