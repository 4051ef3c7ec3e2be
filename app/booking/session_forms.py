"""Forms for publishing consultation sessions, one at a time or a term's series, and for
changing one."""

import re
from datetime import time

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxesInput,
    GovDateInput,
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import (
    IntegerField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    ValidationError,
)

from app.booking.slots import SlotError, local_to_utc, series_dates, slot_times
from app.extensions import db
from app.forms import GovDateField, GovNumberInput
from app.london import to_london
from app.models import ConsultationSession, Role, SessionMode, User
from app.validators import NoIdentifiers

TIME_PATTERN = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$")
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def parse_time(text: str) -> time | None:
    """A time of day from "14:00", "14.30", "2pm" or "2:30pm"; None if it is not one."""
    text = (text or "").strip().lower().replace(" ", "")
    if text in ("noon", "midday"):
        return time(12)
    match = TIME_PATTERN.match(text)
    if not match:
        return None
    hour, minute, half = int(match[1]), int(match[2] or 0), match[3]
    if half is None and match[2] is None:
        return None  # "14" alone could be a typing slip; ask for 14:00 or 2pm
    if half is not None:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


class TimeField(StringField):
    """A time of day typed as 14:00 or 2pm; `.time` is the parsed value."""

    def __init__(self, label, which: str, **kwargs):
        self._message = f"Enter {which} time, like 2pm or 14:00"
        super().__init__(label, widget=GovTextInput(), description="For example, 2pm or 14:00",
                         validators=[DataRequired(message=self._message)], **kwargs)
        self.time = None

    def pre_validate(self, form):
        self.time = parse_time(self.data)
        if self.data and self.data.strip() and self.time is None:
            raise ValidationError(self._message)


def _optional_int(value):
    return int(value) if value not in ("", None) else None


def _strip(value):
    return value.strip() if isinstance(value, str) else value


def people_choices(role: Role) -> list[tuple[int, str]]:
    users = db.session.scalars(db.select(User).where(User.role == role, User.active)
                               .order_by(User.name)).all()
    return [(user.id, user.name) for user in users]


class SessionDetailsForm(FlaskForm):
    """What every session needs beyond its date: times, where, who, and how it is split."""

    start_time = TimeField("Start time", "a start")
    end_time = TimeField("End time", "an end")
    mode = RadioField("How will the session be held?", widget=GovRadioInput(),
                      choices=[(mode.value, mode.label) for mode in SessionMode],
                      validators=[InputRequired(message="Select online or in person")])
    meeting_url = StringField(
        "Meeting link", widget=GovTextInput(), filters=[_strip],
        description="For an online session. For example, https://teams.microsoft.com/…",
        validators=[Length(max=500, message="The meeting link must be 500 characters or "
                           "fewer")])
    venue = TextAreaField("Venue", widget=GovTextArea(), filters=[_strip],
                          description="For a session in person: the building and room",
                          validators=[Length(max=300, message="The venue must be 300 "
                                             "characters or fewer")])
    educational_psychologist_id = SelectField(
        "Educational psychologist", widget=GovSelect(), coerce=_optional_int, choices=[],
        validators=[InputRequired(message="Select the educational psychologist")])
    advisor_id = SelectField("Virtual School advisor (optional)", widget=GovSelect(),
                             coerce=_optional_int, choices=[])
    slot_minutes = IntegerField(
        "Slot length, in minutes", widget=GovNumberInput(), default=50,
        validators=[InputRequired(message="Enter the slot length in minutes, like 50"),
                    NumberRange(min=10, max=240, message="Slot length must be between 10 "
                                "and 240 minutes")])
    gap_minutes = IntegerField(
        "Gap between slots, in minutes", widget=GovNumberInput(), default=10,
        validators=[InputRequired(message="Enter the gap in minutes, like 10"),
                    NumberRange(min=0, max=120, message="The gap must be between 0 and "
                                "120 minutes")])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.educational_psychologist_id.choices = [
            ("", "Select an educational psychologist"),
            *people_choices(Role.EDUCATIONAL_PSYCHOLOGIST)]
        self.advisor_id.choices = [("", "Not yet known"), *people_choices(Role.VS_ADVISOR)]

    def validate_educational_psychologist_id(self, field):
        if field.data not in {value for value, _ in field.choices if value != ""}:
            raise ValidationError("Select the educational psychologist")

    def validate_meeting_url(self, field):
        if self.mode.data == SessionMode.ONLINE:
            if not field.data:
                raise ValidationError("Enter the meeting link")
            if not re.match(r"^https://[^\s/]+\.[^\s]+$", field.data):
                raise ValidationError("Enter the meeting link starting https://, like "
                                      "https://teams.microsoft.com/l/meetup-join/…")

    def validate_venue(self, field):
        if self.mode.data == SessionMode.IN_PERSON and not field.data:
            raise ValidationError("Enter the venue")

    def check_slots(self, day) -> tuple | None:
        """(starts_at, ends_at, slots) in UTC for this day, or None with the error on the
        field at fault."""
        start, end = self.start_time.time, self.end_time.time
        try:
            slots = slot_times(day, start, end, self.slot_minutes.data, self.gap_minutes.data)
            return (local_to_utc(day, start), local_to_utc(day, end, about="end"), slots)
        except SlotError as error:
            field = {"start": self.start_time, "end": self.end_time}.get(error.about,
                                                                       self.slot_minutes)
            field.errors.append(str(error))
            return None

    def times_ok(self) -> bool:
        return not (self.start_time.errors or self.end_time.errors or self.slot_minutes.errors
                    or self.gap_minutes.errors)

    def session_fields(self) -> dict:
        online = self.mode.data == SessionMode.ONLINE
        return {"mode": SessionMode(self.mode.data),
                "meeting_url": self.meeting_url.data if online else None,
                "venue": None if online else self.venue.data,
                "educational_psychologist_id": self.educational_psychologist_id.data,
                "advisor_id": self.advisor_id.data,
                "slot_minutes": self.slot_minutes.data, "gap_minutes": self.gap_minutes.data}


class SessionForm(SessionDetailsForm):
    day = GovDateField("Date", widget=GovDateInput(), format="%d %m %Y",
                       description="For example, 17 11 2026",
                       validators=[InputRequired(message="Enter the date of the session")])
    submit = SubmitField("Publish session", widget=GovSubmitInput())

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        self.times = None
        if self.day.data and self.times_ok() and self.start_time.time and self.end_time.time:
            self.times = self.check_slots(self.day.data)
        return valid and self.times is not None


TIME_FIELDS = ("day", "start_time", "end_time", "slot_minutes", "gap_minutes")


def current_values(session: ConsultationSession) -> dict:
    """A session's details as the publishing form takes them, on the London clock."""
    starts, ends = to_london(session.starts_at), to_london(session.ends_at)
    return {"day": starts.date(), "start_time": f"{starts:%H:%M}",
            "end_time": f"{ends:%H:%M}", "mode": session.mode.value,
            "meeting_url": session.meeting_url or "", "venue": session.venue or "",
            "educational_psychologist_id": session.educational_psychologist_id,
            "advisor_id": session.advisor_id, "slot_minutes": session.slot_minutes,
            "gap_minutes": session.gap_minutes}


class EditSessionForm(SessionForm):
    """The publishing form, filled in from the session. A field the page did not show (the
    date and times, while the session is booked) keeps the session's own value."""

    submit = SubmitField("Save changes", widget=GovSubmitInput())

    def __init__(self, session: ConsultationSession, *args, **kwargs):
        self.existing = session
        super().__init__(*args, data=current_values(session), **kwargs)
        # The session's own people stay choices even if their account has since closed, so
        # that the venue can be changed without choosing someone new.
        for field, person in ((self.educational_psychologist_id,
                               session.educational_psychologist), (self.advisor_id,
                                                                   session.advisor)):
            if person is not None and person.id not in {value for value, _ in field.choices}:
                field.choices.append((person.id, f"{person.name} (account closed)"))
        for name in TIME_FIELDS:
            field = self[name]
            if not field.raw_data:  # not on the page: read as if the session's own was typed
                field.raw_data = (f"{field.data:%d %m %Y}".split() if name == "day"
                                  else [str(field.data)])

    def times_changed(self) -> bool:
        """Whether the date, the times or the way the session is split would change."""
        starts_at, ends_at, _ = self.times
        session = self.existing
        return ((starts_at, ends_at, self.slot_minutes.data, self.gap_minutes.data)
                != (session.starts_at, session.ends_at, session.slot_minutes,
                    session.gap_minutes))

    def place_changed(self) -> bool:
        """Whether the way it is held, the link, the venue or the people would change."""
        fields = self.session_fields()
        return any(getattr(self.existing, name) != fields[name]
                   for name in ("mode", "meeting_url", "venue", "educational_psychologist_id",
                                "advisor_id"))


class SeriesForm(SessionDetailsForm):
    first_date = GovDateField("First date", widget=GovDateInput(), format="%d %m %Y",
                              description="For example, 6 1 2027",
                              validators=[InputRequired(message="Enter the first date")])
    last_date = GovDateField("Last date", widget=GovDateInput(), format="%d %m %Y",
                             description="For example, 31 3 2027",
                             validators=[InputRequired(message="Enter the last date")])
    weekday = RadioField("Day of the week", widget=GovRadioInput(), coerce=int,
                         choices=list(enumerate(WEEKDAYS)),
                         validators=[InputRequired(message="Select the day of the week")])
    every_weeks = RadioField("How often?", widget=GovRadioInput(), coerce=int,
                             choices=[(1, "Every week"), (2, "Every other week")],
                             validators=[InputRequired(message="Select how often")])
    # Its choices are the series' dates, known only once the rest is valid.
    dates = SelectMultipleField("Dates", widget=GovCheckboxesInput(), choices=[],
                                validate_choice=False)
    submit = SubmitField("Continue", widget=GovSubmitInput())

    def validate_last_date(self, field):
        if self.first_date.data and field.data and field.data < self.first_date.data:
            raise ValidationError("The last date must be on or after the first date")

    def all_dates(self) -> list:
        return series_dates(self.first_date.data, self.last_date.data, self.weekday.data,
                            self.every_weeks.data)

    def validate(self, extra_validators=None) -> bool:
        """The details, and that every date in the series gives slots."""
        self.dates.choices = []
        valid = super().validate(extra_validators)
        if not valid:
            return False
        dates = self.all_dates()
        if not dates:
            self.weekday.errors.append(
                f"There is no {WEEKDAYS[self.weekday.data]} between the first and last dates")
            return False
        self.dates.choices = [(day.isoformat(), f"{day:%A} {day.day} {day:%B %Y}")
                              for day in dates]
        # The first date whose times do not work (a clock change) is enough to report.
        return all(self.check_slots(day) is not None for day in dates)

    def ticked_dates(self) -> list:
        chosen = set(self.dates.data or [])
        return [day for day in self.all_dates() if day.isoformat() in chosen]


class CancelForm(FlaskForm):
    reason = TextAreaField(
        "Why is the session cancelled?", widget=GovTextArea(), filters=[_strip],
        description="The Virtual School keeps this with the session.",
        validators=[DataRequired(message="Enter why the session is cancelled"),
                    # Each booking keeps it after "The session was cancelled: ", in 500.
                    Length(max=450, message="The reason must be 450 characters or fewer"),
                    NoIdentifiers()])
    submit = SubmitField("Cancel the session", widget=GovSubmitInput())
