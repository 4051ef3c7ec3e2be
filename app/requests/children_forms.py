"""Forms for a school's child records: finding one, and adding or changing one."""

import re

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextInput,
)
from wtforms import Form, RadioField, SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, InputRequired, Length, Optional, Regexp

from app.forms import enum_choices
from app.models import Cohort, SenStatus, YearGroup
from app.validators import NoIdentifiers

INITIALS_RE = re.compile(r"[A-Z]{1,3}")
NOTE_MAX = 200

COHORT_HINT = (
    "The Virtual School's duty covers children with a social worker now or in the past six "
    "years (a Child in Need or Child Protection plan), children in care, previously "
    "looked-after children and children in kinship care."
)
NOTE_HINT = (
    "Only staff at your school see this, for example your MIS reference. Do not enter the "
    "child's name, date of birth, UPN or address."
)


def normalise_initials(value):
    """'j. s' -> 'JS': people type initials with spaces and dots."""
    if not isinstance(value, str):
        return value
    return re.sub(r"[\s.]", "", value).upper()


def _strip(value):
    return value.strip() if isinstance(value, str) else value



class ChildFilterForm(Form):
    """The list's filter: a plain GET form (no CSRF token, nothing changes)."""

    search = StringField("Search by Convene reference or initials", widget=GovTextInput(),
                         filters=[_strip])


class ChildRecordForm(FlaskForm):
    initials = StringField(
        "Initials", widget=GovTextInput(), filters=[normalise_initials],
        description="Up to 3 letters, for example JS",
        validators=[DataRequired(message="Enter the child's initials"),
                    Regexp(INITIALS_RE.pattern + "$",
                           message="Initials must be 1 to 3 letters, like JS")])
    year_group = SelectField(
        "Year group", widget=GovSelect(),
        choices=[("", "Select a year group"), *enum_choices(YearGroup)],
        validators=[DataRequired(message="Select the child's year group")],
        invalid_choice_message="Select the child's year group")
    cohort = RadioField(
        "Cohort", widget=GovRadioInput(), choices=enum_choices(Cohort), description=COHORT_HINT,
        validators=[InputRequired(message="Select the child's cohort")],
        invalid_choice_message="Select the child's cohort")
    sen_status = RadioField(
        "SEN status", widget=GovRadioInput(), choices=enum_choices(SenStatus),
        description="As on your school's SEN register.",
        validators=[InputRequired(message="Select the child's SEN status")],
        invalid_choice_message="Select the child's SEN status")
    school_note = StringField(
        "School-only note (optional)", widget=GovTextInput(), filters=[_strip],
        description=NOTE_HINT,
        validators=[Optional(),
                    Length(max=NOTE_MAX, message=f"The note must be {NOTE_MAX} characters "
                           "or fewer"),
                    NoIdentifiers()])
    submit = SubmitField("Save child record", widget=GovSubmitInput())

    def values(self) -> dict:
        """The record's fields as the form gives them."""
        return {
            "initials": self.initials.data,
            "year_group": YearGroup(self.year_group.data),
            "cohort": Cohort(self.cohort.data),
            "sen_status": SenStatus(self.sen_status.data),
            "school_note": self.school_note.data or None,
        }
