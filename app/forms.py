"""Form parts every area uses: GOV.UK fields that govuk-frontend-wtf does not give us."""

from govuk_frontend_wtf.wtforms_widgets import GovInput
from wtforms import DateField


def enum_choices(enum_class, skip=()):
    """(value, label) choices for a radio or select from a labelled enum."""
    return [(member.value, member.label) for member in enum_class if member not in skip]


class GovNumberInput(GovInput):
    # GOV.UK asks for type=text with inputmode for numbers: type=number mangles input.
    input_type = "text"


class GovDateField(DateField):
    """A date from the GOV.UK day, month and year boxes, with a GOV.UK error message."""

    def process_formdata(self, valuelist):
        if valuelist and not any(part.strip() for part in valuelist):
            self.data = None
            return
        try:
            super().process_formdata(valuelist)
        except ValueError as error:
            raise ValueError("Enter a real date, like 27 3 2026") from error
