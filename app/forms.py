"""Form parts every area uses: GOV.UK fields that govuk-frontend-wtf does not give us."""

import unicodedata

from govuk_frontend_wtf.wtforms_widgets import GovInput
from wtforms import DateField
from wtforms.validators import ValidationError


def enum_choices(enum_class, skip=()):
    """(value, label) choices for a radio or select from a labelled enum."""
    return [(member.value, member.label) for member in enum_class if member not in skip]


class OneLine:
    """Refuse line breaks, tabs and other control characters in a one-line answer (a name,
    a role): it goes into email headers and calendar invites, where a line break is a new
    header. `label` starts the message, like "Full name"."""

    def __init__(self, label: str):
        self.message = f"{label} must be on one line, without line breaks or tabs"

    def __call__(self, form, field):
        if field.data and any(unicodedata.category(ch) in ("Cc", "Zl", "Zp")
                              for ch in field.data):
            raise ValidationError(self.message)


class GovNumberInput(GovInput):
    # GOV.UK asks for type=text with inputmode for numbers: type=number mangles input.
    input_type = "text"


class GovDateField(DateField):
    """A date from the GOV.UK day, month and year boxes, with a GOV.UK error message.

    Whatever is posted, the widget gets back exactly three boxes to show; boxes holding
    only spaces count as empty (so InputRequired refuses them); and only years a record
    could carry are accepted, so later date arithmetic cannot overflow."""

    REAL_DATE = "Enter a real date, like 27 3 2026"
    FIRST_YEAR, LAST_YEAR = 1900, 2199

    def process_formdata(self, valuelist):
        if not valuelist:
            self.raw_data = None  # not posted at all: the widget shows the date it has, if any
            return
        parts = [part.strip() for part in valuelist]
        self.raw_data = [*parts, "", "", ""][:3]
        if not any(parts):
            self.data = None
            return
        if len(parts) != 3:
            self.data = None
            raise ValueError(self.REAL_DATE)
        try:
            super().process_formdata(parts)
        except ValueError as error:
            raise ValueError(self.REAL_DATE) from error
        if not self.FIRST_YEAR <= self.data.year <= self.LAST_YEAR:
            self.data = None
            raise ValueError(f"Enter a year between {self.FIRST_YEAR} and {self.LAST_YEAR}")
