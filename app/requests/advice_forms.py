"""The pages of the advice request form: one question (or one close group) per page."""

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
    DecimalField,
    RadioField,
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
    Optional,
    ValidationError,
)

from app.forms import GovDateField, GovNumberInput, enum_choices
from app.models import ConsentGiver, Indicator, SocialWorker, SupportWanted
from app.validators import NoIdentifiers

NO_NAMES_HINT = ("Do not include names, dates of birth, addresses or other details that "
                 "could identify the child or their family.")


class StepForm(FlaskForm):
    submit = SubmitField("Continue", widget=GovSubmitInput())
    save_later = SubmitField("Save and come back later", widget=GovSubmitInput())


class ChildForm(FlaskForm):
    submit = SubmitField("Continue", widget=GovSubmitInput())
    child = RadioField("Which child is this request about?", widget=GovRadioInput(),
                       validators=[InputRequired(message="Select the child")], choices=[])


class IndicatorsForm(StepForm):
    indicators = SelectMultipleField(
        "Which key educational indicators concern you?", widget=GovCheckboxesInput(),
        description="Select all that apply.", choices=enum_choices(Indicator),
        validators=[DataRequired(message="Select at least one key educational indicator")])


class ThemesForm(StepForm):
    themes = SelectMultipleField(
        "Which themes does this request touch on?", widget=GovCheckboxesInput(),
        description="Select all that apply. The Virtual School uses these to see what schools "
        "need most.", choices=[], coerce=int,
        validators=[DataRequired(message="Select at least one theme")])


class AttendanceForm(StepForm):
    attendance_percent = DecimalField(
        "What is the child's attendance this term?", widget=GovNumberInput(), places=1,
        description="As a percentage, for example 87.5. Leave it blank if you do not know.",
        validators=[Optional(), NumberRange(min=0, max=100,
                                            message="Attendance must be between 0 and 100%%")])

    def validate_attendance_percent(self, field):
        if field.raw_data and field.raw_data[0].strip() and field.data is None:
            raise ValidationError("Enter attendance as a number, like 87.5")


class TriedForm(StepForm):
    tried = TextAreaField(
        "What has been tried so far?", widget=GovTextArea(),
        description="The support, strategies and interventions, and who has been involved. "
        + NO_NAMES_HINT,
        validators=[DataRequired(message="Enter what has been tried"),
                    Length(max=4000, message="What has been tried must be 4,000 characters "
                           "or fewer"), NoIdentifiers()])
    tried_for = StringField(
        "For how long?", widget=GovTextInput(), description="For example, 6 weeks or since "
        "September", validators=[DataRequired(message="Enter how long it has been tried for"),
                                 Length(max=100), NoIdentifiers()])


class SupportForm(StepForm):
    support_wanted = RadioField(
        "What would you like from the Virtual School?", widget=GovRadioInput(),
        choices=enum_choices(SupportWanted),
        validators=[InputRequired(message="Select what you would like from the Virtual School")])


class QuestionForm(StepForm):
    question = TextAreaField(
        "What would you like the Virtual School to help with?", widget=GovTextArea(),
        description="Your question, in a sentence or two. " + NO_NAMES_HINT,
        validators=[DataRequired(message="Enter your question for the Virtual School"),
                    Length(max=2000, message="Your question must be 2,000 characters or "
                           "fewer"), NoIdentifiers()])


class SocialWorkerForm(StepForm):
    social_worker = RadioField(
        "Does the child have a social worker?", widget=GovRadioInput(),
        choices=enum_choices(SocialWorker),
        validators=[InputRequired(message="Select whether a social worker is allocated")])


class ConsentForm(StepForm):
    consent_given_by = RadioField(
        "Who gave consent?", widget=GovRadioInput(), choices=enum_choices(ConsentGiver),
        validators=[InputRequired(message="Select who gave consent")])
    consent_date = GovDateField(
        "When did they give it?", widget=GovDateInput(), format="%d %m %Y",
        description="For example, 27 3 2026",
        validators=[InputRequired(message="Enter the date consent was given")])
    consent_scope = TextAreaField(
        "What did they consent to?", widget=GovTextArea(),
        description="For example, the Virtual School giving advice on this request and a "
        "consultation with an educational psychologist. " + NO_NAMES_HINT,
        validators=[DataRequired(message="Enter what the consent covers"), Length(max=1000),
                    NoIdentifiers()])
    consent_confirmed = BooleanField(
        "I confirm that the parent or carer has given consent for this request",
        widget=GovCheckboxInput(),
        validators=[DataRequired(message="Confirm that consent has been given")])

    def validate_consent_date(self, field):
        if field.data and field.data > date.today():
            raise ValidationError("The date consent was given must be today or in the past")
