"""Forms on one booking's pages: adding someone to the invite, moving and cancelling."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovRadioInput,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import EmailField, RadioField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Email, InputRequired, Length

from app.forms import OneLine
from app.models import AttendeeKind
from app.services.bookings import AttendeeDetails
from app.validators import NoIdentifiers

# The kinds of attendee as the person adding them reads them.
KIND_CHOICES = [(AttendeeKind.SCHOOL_STAFF.value, "School staff"),
                (AttendeeKind.SOCIAL_WORKER.value, "Social worker"),
                (AttendeeKind.OTHER.value, "Someone else")]


def _strip(value):
    return value.strip() if isinstance(value, str) else value


class AttendeeForm(FlaskForm):
    """Someone the school adds to the consultation's invite."""

    name = StringField(
        "Full name", widget=GovTextInput(), filters=[_strip],
        validators=[DataRequired(message="Enter the person's full name"),
                    Length(max=120, message="Full name must be 120 characters or fewer"),
                    OneLine("Full name")])
    job_role = StringField(
        "Role", widget=GovTextInput(), filters=[_strip],
        description="For example, class teacher or family support worker",
        validators=[DataRequired(message="Enter the person's role"), NoIdentifiers(),
                    Length(max=120, message="Role must be 120 characters or fewer"),
                    OneLine("Role")])
    email = EmailField(
        "Email address", widget=GovTextInput(), filters=[_strip],
        description="The invite is sent here. Use their work email address.",
        validators=[DataRequired(message="Enter an email address"),
                    Length(max=254, message="Email address must be 254 characters or fewer"),
                    # test_environment: the demo data and the tests use .test addresses.
                    Email(message="Enter an email address in the correct format, like "
                          "name@example.com", test_environment=True)])
    kind = RadioField(
        "Who are they?", widget=GovRadioInput(), choices=KIND_CHOICES,
        validators=[InputRequired(message="Select who they are")])
    submit = SubmitField("Add to the invite", widget=GovSubmitInput())

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "attendee")
        super().__init__(*args, **kwargs)

    def details(self) -> AttendeeDetails:
        return AttendeeDetails(kind=AttendeeKind(self.kind.data), name=self.name.data,
                               job_role=self.job_role.data, email=self.email.data)


class CancelBookingForm(FlaskForm):
    reason = TextAreaField(
        "Why is the consultation cancelled?", widget=GovTextArea(), filters=[_strip],
        description="Kept with the booking. Do not include anything that could identify "
                    "the child.",
        validators=[DataRequired(message="Enter why the consultation is cancelled"),
                    Length(max=500, message="The reason must be 500 characters or fewer"),
                    NoIdentifiers()])
    submit = SubmitField("Cancel the booking", widget=GovSubmitInput())


def _slot_id(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


class MoveForm(FlaskForm):
    # Any slot id is accepted here: whether it is still free is for the booking service to
    # say at the moment of moving, so a slot taken meanwhile is a conflict, not a typo.
    slot_id = RadioField("Choose a new slot", coerce=_slot_id, choices=[], validate_choice=False,
                         validators=[InputRequired(message="Select a new slot")])
    submit = SubmitField("Move the booking", widget=GovSubmitInput())
