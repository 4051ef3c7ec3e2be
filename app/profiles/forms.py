"""Forms for the One Page Profile: writing a version, and choosing two to compare."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCharacterCount,
    GovCheckboxesInput,
    GovDateInput,
    GovSelect,
    GovSubmitInput,
    GovTextInput,
)
from wtforms import (
    Form,
    HiddenField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, ValidationError

from app.forms import GovDateField
from app.london import to_london
from app.models import PROFILE_SECTIONS
from app.models.types import utcnow
from app.profiles.versions import COMPLETED_WITH, SECTION_COLUMNS, ProfileValues
from app.validators import NoIdentifiers

SECTION_MAX = 2000
NO_NAMES = "Do not enter names, dates of birth or addresses."
HEADINGS = dict(PROFILE_SECTIONS)
SECTION_HINTS = {
    "admire": "For example, their strengths, talents and qualities.",
    "important": "For example, the people, interests and routines that matter to them.",
    "support": "Including how they learn best.",
    "triggers": "For example, the situations, changes or sensations they find hard.",
    "distress_signs": "What adults may notice first.",
    "calming": "What helps them to calm, and how adults can co-regulate with them.",
}
# The free-text fields checked for identifiers.
FIELDS = (*SECTION_COLUMNS, "completed_by")
WITH_LABELS = {
    "child": "The child (their own voice)",
    "home": "Home (parents or carers)",
    "social_care": "Social care",
}


def _strip(value):
    return value.strip() if isinstance(value, str) else value


def _section(column: str) -> TextAreaField:
    heading = HEADINGS[column]
    return TextAreaField(
        heading, widget=GovCharacterCount(), filters=[_strip],
        description=f"{SECTION_HINTS[column]} {NO_NAMES}",
        validators=[Length(max=SECTION_MAX, message=f"“{heading}” must be 2,000 characters "
                           "or fewer"), NoIdentifiers()])


class ProfileForm(FlaskForm):
    # The version the user started from: a save on top of a newer one is shown to them first.
    based_on = HiddenField()
    admire = _section("admire")
    important = _section("important")
    support = _section("support")
    triggers = _section("triggers")
    distress_signs = _section("distress_signs")
    calming = _section("calming")
    completed_by = StringField(
        "Who completed the profile?", widget=GovTextInput(), filters=[_strip],
        description="Their roles, for example SENCO and key adult. " + NO_NAMES,
        validators=[DataRequired(message="Enter who completed the profile"),
                    Length(max=200, message="Who completed the profile must be 200 "
                           "characters or fewer"), NoIdentifiers()])
    completed_with = SelectMultipleField(
        "Who was it completed with?", widget=GovCheckboxesInput(),
        choices=[(value, WITH_LABELS[value]) for _, value, _ in COMPLETED_WITH],
        description="Select all that apply.",
        invalid_choice_message="Select who the profile was completed with from the list")
    completed_on = GovDateField(
        "When was it completed?", widget=GovDateInput(), format="%d %m %Y",
        description="For example, 27 3 2026",
        validators=[InputRequired(message="Enter the date the profile was completed")])
    submit = SubmitField("Save the profile", widget=GovSubmitInput())

    def validate_completed_on(self, field):
        if field.data and field.data > to_london(utcnow()).date():
            raise ValidationError("The date the profile was completed must be today or in "
                                  "the past")

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        if not any(self[column].data for column in SECTION_COLUMNS):
            self.admire.errors.append("Write at least one part of the profile")
            return False
        return valid

    @classmethod
    def prefilled(cls, values: ProfileValues | None) -> "ProfileForm":
        if values is None:
            return cls()
        return cls(data={**values.sections, "completed_by": values.completed_by,
                         "completed_with": sorted(values.completed_with),
                         "completed_on": values.completed_on})

    def values(self) -> ProfileValues:
        return ProfileValues(
            sections={column: self[column].data or "" for column in SECTION_COLUMNS},
            completed_by=self.completed_by.data, completed_with=frozenset(
                self.completed_with.data or ()), completed_on=self.completed_on.data)


class CompareForm(Form):
    """Which two versions to compare: a plain GET form (nothing changes, no CSRF token)."""

    from_ = SelectField("Compare version", name="from", widget=GovSelect(), coerce=int,
                        invalid_choice_message="Choose a version to compare from the list",
                        invalid_value_message="Choose a version to compare from the list")
    to = SelectField("with version", widget=GovSelect(), coerce=int,
                     invalid_choice_message="Choose a version to compare with from the list",
                     invalid_value_message="Choose a version to compare with from the list")

    def __init__(self, formdata, numbers: list[int]):
        super().__init__(formdata)
        choices = [(number, f"Version {number}") for number in numbers]
        self.from_.choices = choices
        self.to.choices = choices

    def validate_to(self, field):
        if field.data is not None and field.data == self.from_.data:
            raise ValidationError("Choose two different versions to compare")
