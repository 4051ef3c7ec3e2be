"""Forms for two-factor sign-in: entering a code, a recovery code, and setting it up."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovCheckboxInput, GovSubmitInput, GovTextInput
from wtforms import BooleanField, StringField, SubmitField
from wtforms.validators import DataRequired, Length, ValidationError

from app.services.two_factor import is_six_digits


def _six_digits(_form, field):
    if not is_six_digits(field.data):
        raise ValidationError("Enter the 6-digit code from your authenticator app")


class CodeForm(FlaskForm):
    code = StringField(
        "Code from your authenticator app",
        widget=GovTextInput(),
        description="For example, 123456",
        validators=[DataRequired(message="Enter the 6-digit code from your authenticator app"),
                    Length(max=20, message="Enter the 6-digit code from your authenticator app"),
                    _six_digits],
    )
    remember = BooleanField("Remember this device for 30 days", widget=GovCheckboxInput(),
                            description="Do not choose this on a shared or public computer.")
    submit = SubmitField("Continue", widget=GovSubmitInput())


class RecoveryCodeForm(FlaskForm):
    code = StringField(
        "Recovery code",
        widget=GovTextInput(),
        description="For example, 4kq7-m2xd-9fhv",
        validators=[DataRequired(message="Enter one of your recovery codes"),
                    Length(max=40, message="Enter a recovery code as it was given to you")],
    )
    submit = SubmitField("Continue", widget=GovSubmitInput())


class SetUpForm(FlaskForm):
    code = StringField(
        "Code from your authenticator app",
        widget=GovTextInput(),
        description="Enter the 6-digit code your app shows for Convene",
        validators=[DataRequired(message="Enter the 6-digit code from your authenticator app"),
                    Length(max=20, message="Enter the 6-digit code from your authenticator app"),
                    _six_digits],
    )
    submit = SubmitField("Continue", widget=GovSubmitInput())


class ConfirmForm(FlaskForm):
    """A button on its own: the CSRF token is the form."""
