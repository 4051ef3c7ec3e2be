"""The form for adding to the Virtual School's list of phrases that are never names."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovSubmitInput, GovTextInput
from wtforms import StringField, SubmitField
from wtforms.validators import DataRequired, Length, ValidationError

from app.models.name_check import PHRASE_MAX, tidy_phrase
from app.services import never_names

PHRASE_MIN = 2


def _tidy(value):
    return tidy_phrase(value) if isinstance(value, str) else value


class NeverANameForm(FlaskForm):
    # Not checked for identifiers: these phrases look like names, which is why they are here.
    phrase = StringField(
        "Phrase", widget=GovTextInput(), filters=[_tidy],
        description="As people write it, for example Read Write Inc or Let's Talk: We Miss You. "
                    "Capital letters do not matter.",
        validators=[DataRequired(message="Enter the phrase"),
                    Length(min=PHRASE_MIN, max=PHRASE_MAX,
                           message=f"The phrase must be between {PHRASE_MIN} and {PHRASE_MAX} "
                                   "characters")])
    submit = SubmitField("Add the phrase", widget=GovSubmitInput())

    def validate_phrase(self, field):
        if field.data and never_names.is_listed(field.data):
            raise ValidationError(f"‘{field.data}’ is already on the list")
