"""Forms for the school's side of booking: filtering free slots, booking one, and joining a
full session's waiting list."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxesInput,
    GovRadioInput,
    GovSelect,
    GovTextInput,
)
from wtforms import Form, RadioField, SelectField, SelectMultipleField, StringField
from wtforms.validators import Email, InputRequired, Length, Optional

from app.forms import OneLine
from app.london import MONTHS
from app.models import AdviceRequest, AttendeeKind, SessionMode, User
from app.services.bookings import AttendeeDetails
from app.validators import NoIdentifiers

ANY = "any"
MODE_CHOICES = [(ANY, "Any"), *[(mode.value, mode.label) for mode in SessionMode]]
OTHER_ROWS = 3
SELECT_REQUEST = "Select the request the consultation is for"
EMAIL_FORMAT = "Enter an email address in the correct format, like name@example.com"


def _strip(value):
    return value.strip() if isinstance(value, str) else value


def month_label(value: str) -> str:
    """"2027-01" -> "January 2027"."""
    year, month = value.split("-")
    return f"{MONTHS[int(month) - 1]} {year}"


class SlotFilterForm(Form):
    """The free slots' filters: a plain GET form (nothing changes, so no CSRF token). A value
    that is not offered, from a hand-edited address say, counts as no filter."""

    mode = RadioField("How the session is held", widget=GovRadioInput(), choices=MODE_CHOICES,
                      default=ANY, validate_choice=False)
    month = SelectField("Month", widget=GovSelect(), choices=[], validate_choice=False)

    def __init__(self, formdata, months: list[str]):
        super().__init__(formdata)
        self.month.choices = [("", "Any month"), *[(each, month_label(each)) for each in months]]
        chosen = self.selected_month
        if chosen and chosen not in months:  # keep a month that has only full sessions shown
            self.month.choices.append((chosen, month_label(chosen)))

    @property
    def selected_mode(self) -> SessionMode | None:
        return SessionMode(self.mode.data) if self.mode.data in set(SessionMode) else None

    @property
    def selected_month(self) -> str | None:
        value = self.month.data or ""
        parts = value.split("-")
        if (len(parts) == 2 and len(parts[0]) == 4 and parts[0].isdigit()
                and parts[1].isdigit() and len(parts[1]) == 2 and 1 <= int(parts[1]) <= 12):
            return value
        return None

    @property
    def narrowed(self) -> bool:
        return self.selected_mode is not None or self.selected_month is not None

    def query_args(self) -> dict:
        return {"mode": self.selected_mode.value if self.selected_mode else None,
                "month": self.selected_month}


def request_label(request_: AdviceRequest) -> str:
    return f"{request_.reference} (child {request_.child.reference})"


class RequestChoiceForm(FlaskForm):
    """Which of the school's accepted requests this is for: the waiting list asks only this."""

    request_id = RadioField(
        "Which request is this for?", widget=GovRadioInput(), coerce=int, choices=[],
        validators=[InputRequired(message=SELECT_REQUEST)],
        invalid_choice_message=SELECT_REQUEST, invalid_value_message=SELECT_REQUEST)

    def __init__(self, requests_: list[AdviceRequest], *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.requests_by_id = {each.id: each for each in requests_}
        self.request_id.choices = [(each.id, request_label(each)) for each in requests_]

    @property
    def chosen_request(self) -> AdviceRequest | None:
        return self.requests_by_id.get(self.request_id.data)


class BookForm(RequestChoiceForm):
    """The request, and who will attend: school staff (the person booking ticked at first),
    the child's social worker, and up to three others. Blank rows are ignored."""

    school_staff = SelectMultipleField(
        "Who from your school will attend?", widget=GovCheckboxesInput(), coerce=int,
        choices=[], invalid_choice_message="Select people from your school from the list",
        invalid_value_message="Select people from your school from the list")
    social_worker_name = StringField(
        "Name", widget=GovTextInput(), filters=[_strip],
        validators=[Length(max=120, message="The social worker's name must be 120 "
                           "characters or fewer"), OneLine("The social worker's name")])
    social_worker_email = StringField(
        "Email address", widget=GovTextInput(), filters=[_strip],
        validators=[Optional(), Length(max=254, message="The social worker's email address "
                                       "must be 254 characters or fewer"),
                    Email(message=EMAIL_FORMAT, test_environment=True)])

    def __init__(self, requests_: list[AdviceRequest], me: User, colleagues: list[User],
                 *args, **kwargs):
        super().__init__(requests_, *args, **kwargs)
        self.people = {me.id: me} | {each.id: each for each in colleagues}
        self.school_staff.choices = [(me.id, "I will attend"), *[
            (each.id, f"{each.name}, {each.job_title}" if each.job_title else each.name)
            for each in colleagues]]
        if not self.is_submitted():
            self.school_staff.data = [me.id]

    def other_rows(self) -> list[tuple[int, StringField, StringField, StringField]]:
        return [(n, self[f"other_{n}_name"], self[f"other_{n}_role"], self[f"other_{n}_email"])
                for n in range(1, OTHER_ROWS + 1)]

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        valid = self._check_social_worker() and valid
        for n, name, role, email in self.other_rows():
            valid = _complete_row(n, name, role, email) and valid
        if valid and not self.attendees():
            self.school_staff.errors.append(
                "Select at least one person who will attend, or add the social worker or "
                "someone else")
            valid = False
        return valid

    def _check_social_worker(self) -> bool:
        name, email = self.social_worker_name, self.social_worker_email
        if name.data and not email.data and not email.errors:
            email.errors.append("Enter the social worker's email address, or remove their name")
        if email.data and not name.data and not name.errors:
            name.errors.append("Enter the social worker's name, or remove their email address")
        return not (name.errors or email.errors)

    def attendees(self) -> list[AttendeeDetails]:
        """Everyone named, once the form is valid."""
        people = [AttendeeDetails(AttendeeKind.SCHOOL_STAFF, user.name,
                                  user.job_title or "School staff", user.email, user.id)
                  for user in (self.people[each] for each in self.school_staff.data or [])]
        if self.social_worker_email.data:
            people.append(AttendeeDetails(AttendeeKind.SOCIAL_WORKER, self.social_worker_name.data,
                                          "Social worker", self.social_worker_email.data))
        for _n, name, role, email in self.other_rows():
            if name.data and role.data and email.data:
                people.append(AttendeeDetails(AttendeeKind.OTHER, name.data, role.data,
                                              email.data))
        return people


def _complete_row(n: int, name, role, email) -> bool:
    """A row with anything in it needs all three; the error goes on what is missing."""
    if not (name.data or role.data or email.data):
        return True
    for field, what in ((name, "name"), (role, "role"), (email, "email address")):
        if not field.data and not field.errors:
            field.errors.append(f"Enter the {what} of other person {n}, or clear the row")
    return not (name.errors or role.errors or email.errors)


for _n in range(1, OTHER_ROWS + 1):
    setattr(BookForm, f"other_{_n}_name", StringField(
        "Name", widget=GovTextInput(), filters=[_strip],
        validators=[Length(max=120, message=f"The name of other person {_n} must be 120 "
                           "characters or fewer"), OneLine(f"The name of other person {_n}")]))
    setattr(BookForm, f"other_{_n}_role", StringField(
        "Role", widget=GovTextInput(), filters=[_strip], description="For example, Head of Year",
        validators=[Length(max=120, message=f"The role of other person {_n} must be 120 "
                           "characters or fewer"), OneLine(f"The role of other person {_n}"),
                    NoIdentifiers()]))
    setattr(BookForm, f"other_{_n}_email", StringField(
        "Email address", widget=GovTextInput(), filters=[_strip],
        validators=[Optional(), Length(max=254, message=f"The email address of other person "
                                       f"{_n} must be 254 characters or fewer"),
                    Email(message=f"Enter the email address of other person {_n} in the "
                          "correct format, like name@example.com", test_environment=True)]))
