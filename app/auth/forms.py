"""Forms for signing in and setting a password."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovPasswordInput, GovSubmitInput, GovTextInput
from wtforms import EmailField, PasswordField, SubmitField
from wtforms.validators import DataRequired, EqualTo, Length, ValidationError

from app.services.passwords import MIN_LENGTH


class SignInForm(FlaskForm):
    email = EmailField(
        "Email address",
        widget=GovTextInput(),
        validators=[DataRequired(message="Enter your email address")],
    )
    password = PasswordField(
        "Password",
        widget=GovPasswordInput(),
        validators=[DataRequired(message="Enter your password")],
    )
    submit = SubmitField("Sign in", widget=GovSubmitInput())


class SetPasswordForm(FlaskForm):
    password = PasswordField(
        "New password",
        widget=GovPasswordInput(),
        description=f"Use at least {MIN_LENGTH} characters. Three random words are easy to "
        "remember and hard to guess.",
        validators=[
            DataRequired(message="Enter a new password"),
            Length(min=MIN_LENGTH, max=200,
                   message=f"Password must be at least {MIN_LENGTH} characters"),
        ],
    )
    confirm = PasswordField(
        "Confirm new password",
        widget=GovPasswordInput(),
        validators=[
            DataRequired(message="Confirm your new password"),
            EqualTo("password", message="Passwords must match"),
        ],
    )
    submit = SubmitField("Set password", widget=GovSubmitInput())

    def __init__(self, *args, email: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self._email = email

    def validate_password(self, field):
        if self._email and field.data and self._email.split("@")[0] in field.data.lower():
            raise ValidationError("Password must not contain your email address")
