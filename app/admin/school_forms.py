"""Forms for finding, adding, editing and importing schools."""

from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from govuk_frontend_wtf.wtforms_widgets import (
    GovFileInput,
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextInput,
)
from wtforms import Form, RadioField, SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, Length, ValidationError

from app.admin.school_import import LA_MAX, NAME_MAX, is_urn, normalise_urn
from app.extensions import db
from app.models import Phase, School

PHASE_CHOICES = [(phase.value, phase.label) for phase in Phase]
PHASE_VALUES = {phase.value for phase in Phase}


def _strip(value):
    return value.strip() if isinstance(value, str) else value


class SchoolFilterForm(Form):
    """The list's filters: a plain GET form (no CSRF token, nothing changes)."""

    search = StringField("Search by school name or URN", widget=GovTextInput(),
                         filters=[_strip])
    phase = SelectField("Phase", widget=GovSelect(),
                        choices=[("", "All phases"), *PHASE_CHOICES], validate_choice=False)

    @property
    def selected_phase(self) -> Phase | None:
        # An unknown phase in a hand-edited address shows every phase rather than an error.
        return Phase(self.phase.data) if self.phase.data in PHASE_VALUES else None

    def query_args(self) -> dict:
        """The filters in use, for links that keep them (the pages of results)."""
        args = {"search": self.search.data, "phase": self.selected_phase}
        return {name: str(value) for name, value in args.items() if value}


class SchoolForm(FlaskForm):
    name = StringField(
        "Name", widget=GovTextInput(), filters=[_strip],
        validators=[DataRequired(message="Enter the school's name"),
                    Length(max=NAME_MAX, message=f"Name must be {NAME_MAX} characters or fewer")],
    )
    urn = StringField(
        "URN (unique reference number)", widget=GovTextInput(), filters=[normalise_urn],
        description="The 6-digit number from Get Information about Schools, like 123456",
        validators=[DataRequired(message="Enter the school's URN")],
    )
    phase = RadioField("Phase", widget=GovRadioInput(), choices=PHASE_CHOICES,
                       description="For a special school or a pupil referral unit, choose "
                       "Special or Alternative provision, whatever ages it teaches",
                       invalid_choice_message="Select the school's phase")
    local_authority = StringField(
        "Local authority", widget=GovTextInput(), filters=[_strip],
        validators=[Length(max=LA_MAX,
                           message=f"Local authority must be {LA_MAX} characters or fewer")],
    )
    submit = SubmitField("Save school", widget=GovSubmitInput())

    def __init__(self, *args, school_id: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self._school_id = school_id

    def validate_urn(self, field):
        if not is_urn(field.data):
            raise ValidationError("URN must be 6 digits, like 123456")
        clash = db.select(School.id).where(School.urn == field.data)
        if self._school_id is not None:
            clash = clash.where(School.id != self._school_id)
        if db.session.scalar(clash) is not None:
            raise ValidationError(f"A school with URN {field.data} already exists")

    def values(self, default_la: str) -> dict:
        """The school's fields as the form gives them; a blank local authority is ours."""
        return {"name": self.name.data, "urn": self.urn.data, "phase": Phase(self.phase.data),
                "local_authority": self.local_authority.data or default_la}


class ImportSchoolsForm(FlaskForm):
    csv_file = FileField(
        "Upload a CSV file", widget=GovFileInput(),
        validators=[FileRequired(message="Select a CSV file"),
                    FileAllowed(["csv"], message="The selected file must be a CSV")],
    )
    submit = SubmitField("Import schools", widget=GovSubmitInput())
