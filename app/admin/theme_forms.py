"""Forms for the VS admin's list of themes and the signposting text."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovSubmitInput, GovTextArea, GovTextInput
from sqlalchemy import func, or_
from wtforms import StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, ValidationError

from app.extensions import db
from app.models import Theme

NAME_MAX = 80
SIGNPOSTING_MAX = 2000


def tidy_name(value):
    """Spaces at the ends or doubled inside are typing slips, not part of a theme's name."""
    return " ".join(value.split()) if isinstance(value, str) else value


def _strip(value):
    return value.strip() if isinstance(value, str) else value


class ThemeForm(FlaskForm):
    name = StringField(
        "Name", widget=GovTextInput(), filters=[tidy_name],
        description="As schools will see it, for example Emotionally based school avoidance",
        validators=[DataRequired(message="Enter the theme's name"),
                    Length(max=NAME_MAX,
                           message=f"The name must be {NAME_MAX} characters or fewer")])
    submit = SubmitField("Save theme", widget=GovSubmitInput())

    def __init__(self, *args, theme_id: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self._theme_id = theme_id

    def validate_name(self, field):
        # The name as typed too: SQLite lower() folds only A to Z, so "Ärger" would not
        # find itself, and the unique index would refuse it at the insert.
        clash = db.select(Theme.name).where(or_(Theme.name == field.data,
                                                func.lower(Theme.name) == field.data.lower()))
        if self._theme_id is not None:
            clash = clash.where(Theme.id != self._theme_id)
        existing = db.session.scalar(clash)
        if existing is not None:
            raise ValidationError(f"There is already a theme called {existing}")


class SignpostingForm(FlaskForm):
    text = TextAreaField(
        "Signposting text", widget=GovTextArea(), filters=[_strip],
        description="Schools see this when they ask about a child outside the Virtual "
        "School's duty, such as a child with special educational needs only. Say where else "
        "they can go for help.",
        validators=[DataRequired(message="Enter the signposting text"),
                    Length(max=SIGNPOSTING_MAX, message="The signposting text must be "
                           f"{SIGNPOSTING_MAX:,} characters or fewer")])
    submit = SubmitField("Save signposting text", widget=GovSubmitInput())
