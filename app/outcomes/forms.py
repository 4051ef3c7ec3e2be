"""The forms of a consultation's outcome: recording it, amending it, and sending its summary."""

from datetime import date

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxesInput,
    GovCheckboxInput,
    GovDateInput,
    GovRadioInput,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import (
    BooleanField,
    EmailField,
    FieldList,
    Form,
    FormField,
    RadioField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Email, Length, Optional, ValidationError

from app.forms import GovDateField, OneLine, enum_choices
from app.models import NextStep
from app.validators import NoIdentifiers

NO_NAMES_HINT = ("Do not include the child's name or anything else that could identify them "
                 "or their family.")
# Blank rows offered below the ones already filled in, for people and for actions.
BLANK_ROWS = 3
MAX_ROWS = 50
TEXT_LENGTH = 4000


def _strip(value):
    return value.strip() if isinstance(value, str) else value


def _int_or_none(value):
    if value in (None, ""):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return -1  # not a number: refused by the range check


def _text(label: str, description: str = "") -> TextAreaField:
    return TextAreaField(
        label, widget=GovTextArea(), filters=[_strip],
        description=" ".join(part for part in (description, NO_NAMES_HINT) if part),
        validators=[Length(max=TEXT_LENGTH, message=f"{label} must be 4,000 characters or "
                           "fewer"), NoIdentifiers()])


class DateField(GovDateField):
    """The GOV.UK day, month and year boxes, even when a post leaves some of them out."""

    def process_formdata(self, valuelist):
        if len(valuelist) != 3:
            # The widget shows raw_data as exactly three boxes.
            self.raw_data = [*valuelist, "", "", ""][:3] if valuelist else None
        super().process_formdata(valuelist)


class ExtraAttendeeForm(Form):
    """Someone who attended who was not on the invite. A blank row is ignored."""

    name = StringField("Full name", widget=GovTextInput(), filters=[_strip],
                       validators=[Length(max=120, message="Full name must be 120 characters "
                                          "or fewer"), OneLine("Full name")])
    job_role = StringField("Role", widget=GovTextInput(), filters=[_strip],
                           validators=[Length(max=120, message="Role must be 120 characters "
                                              "or fewer"), OneLine("Role"), NoIdentifiers()])
    email = EmailField(
        "Email address (optional)", widget=GovTextInput(), filters=[_strip],
        description="Give it if they should be sent the summary",
        validators=[Optional(), Length(max=254, message="Email address must be 254 characters "
                                       "or fewer"),
                    Email(message="Enter an email address in the correct format, like "
                          "name@example.com", test_environment=True)])
    social_worker = BooleanField("They are the child's social worker",
                                 widget=GovCheckboxInput())

    @property
    def is_blank(self) -> bool:
        return not (self.name.data or self.job_role.data or self.email.data
                    or self.social_worker.data)

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        if self.is_blank:
            return valid
        if not self.name.data:
            self.name.errors.append("Enter the full name of the person who attended")
        if not self.job_role.data:
            self.job_role.errors.append("Enter the role of the person who attended")
        return valid and not (self.name.errors or self.job_role.errors)


class ActionRowForm(Form):
    """One agreed action: what, who (role and name), by when. A blank row is ignored."""

    what = TextAreaField(
        "What will be done", widget=GovTextArea(), filters=[_strip],
        validators=[Length(max=1000, message="What will be done must be 1,000 characters or "
                           "fewer"), NoIdentifiers()])
    who_role = StringField("Who will do it: their role", widget=GovTextInput(),
                           filters=[_strip],
                           validators=[Length(max=120, message="The role must be 120 "
                                              "characters or fewer"), NoIdentifiers()])
    who_name = StringField("Who will do it: their name", widget=GovTextInput(),
                           filters=[_strip],
                           validators=[Length(max=120, message="The name must be 120 "
                                              "characters or fewer")])
    due_on = DateField("By when", widget=GovDateInput(), format="%d %m %Y",
                          description="For example, 27 3 2027")

    @property
    def is_blank(self) -> bool:
        dates_typed = any(part.strip() for part in (self.due_on.raw_data or []))
        return not (self.what.data or self.who_role.data or self.who_name.data or dates_typed
                    or self.due_on.data)

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        if self.is_blank:
            return valid
        missing = {"what": "Enter what will be done",
                   "who_role": "Enter the role of who will do it",
                   "who_name": "Enter the name of who will do it",
                   "due_on": "Enter the date it is to be done by"}
        for name, message in missing.items():
            field = self[name]
            if not field.data and not field.errors:
                field.errors.append(message)
        return valid and not any(self[name].errors for name in missing)


class OutcomeForm(FlaskForm):
    present = SelectMultipleField(
        "Who on the invite attended?", widget=GovCheckboxesInput(), choices=[],
        description="Untick anyone who did not attend.")
    extra = FieldList(FormField(ExtraAttendeeForm), min_entries=1, max_entries=MAX_ROWS)
    best_hopes = _text("Best hopes", "What everyone hopes the consultation will lead to.")
    already_working = _text("What is already working")
    strengths = _text("Strengths", "The child's strengths and those of the adults around them.")
    scale_now = RadioField(
        "Where are things now, on a scale of 0 to 10?", widget=GovRadioInput(),
        coerce=_int_or_none, validate_choice=False,
        choices=[(str(n), str(n)) for n in range(11)],
        description="0 is the worst things have been, 10 is where everyone's best hopes are met.")
    one_point_higher = _text("What would one point higher look like?")
    actions = FieldList(FormField(ActionRowForm), min_entries=1, max_entries=MAX_ROWS)
    themes = SelectMultipleField(
        "Themes discussed", widget=GovCheckboxesInput(), coerce=int, choices=[],
        description="Select all that apply. The Virtual School uses these to see what schools "
                    "need most.")
    next_step = RadioField("Recommended next step", widget=GovRadioInput(),
                           choices=enum_choices(NextStep), validate_choice=False,
                           coerce=lambda value: value or None)
    follow_up_on = DateField(
        "Follow-up date", widget=GovDateInput(), format="%d %m %Y",
        description="Needed when the next step is a follow-up consultation. For example, "
                    "27 3 2027")
    save_draft = SubmitField("Save as draft", widget=GovSubmitInput())
    finalise = SubmitField("Save and finalise", widget=GovSubmitInput())

    def __init__(self, *args, consulted_on: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.consulted_on = consulted_on

    def validate_scale_now(self, field):
        if field.data is not None and not 0 <= field.data <= 10:
            field.data = None
            raise ValidationError("Select a number from 0 to 10")

    def validate_next_step(self, field):
        if field.data is not None and field.data not in {step.value for step in NextStep}:
            field.data = None
            raise ValidationError("Select a next step from the list")

    def validate_follow_up_on(self, field):
        if field.data is not None and field.data <= self.consulted_on:
            raise ValidationError("The follow-up date must be after the consultation")

    def check_ready_to_finalise(self) -> bool:
        """Finalising needs best hopes, the scaling and the next step (and the follow-up
        date for a follow-up). Adds the errors; True when ready."""
        needed = [(self.best_hopes, not self.best_hopes.data, "Enter the best hopes"),
                  (self.scale_now, self.scale_now.data is None,
                   "Select where things are now, from 0 to 10"),
                  (self.next_step, self.next_step.data is None,
                   "Select the recommended next step"),
                  (self.follow_up_on, self.next_step.data == NextStep.FOLLOW_UP.value
                   and self.follow_up_on.data is None and not self.follow_up_on.errors,
                   "Enter the date of the follow-up consultation")]
        ready = True
        for field, missing, message in needed:
            if missing and not field.errors:
                field.errors = [*field.errors, message]
                ready = False
        return ready

    def extra_people(self) -> list[ExtraAttendeeForm]:
        return [entry.form for entry in self.extra if not entry.form.is_blank]

    def action_rows(self) -> list[ActionRowForm]:
        return [entry.form for entry in self.actions if not entry.form.is_blank]

    def add_blank_rows(self) -> None:
        """Room below what is filled in: without JavaScript there is no 'add another'."""
        for rows in (self.extra, self.actions):
            filled = sum(not entry.form.is_blank for entry in rows)
            while len(rows) < min(filled + BLANK_ROWS, MAX_ROWS):
                rows.append_entry()


class AmendmentForm(FlaskForm):
    text = TextAreaField(
        "Amendment", widget=GovTextArea(), filters=[_strip],
        description="What needs correcting or adding. It is shown beside the original, with "
                    "your name and the date. " + NO_NAMES_HINT,
        validators=[DataRequired(message="Enter the amendment"),
                    Length(max=TEXT_LENGTH, message="The amendment must be 4,000 characters "
                           "or fewer"), NoIdentifiers()])
    submit = SubmitField("Add the amendment", widget=GovSubmitInput())
