"""The audit trail's search: who, what, which record and school, and between which days."""

from govuk_frontend_wtf.wtforms_widgets import GovDateInput, GovSelect, GovTextInput
from wtforms import Form, SelectField, StringField

from app.forms import GovDateField
from app.services.audit import ACTIONS, RECORD_TYPES


def _strip(value):
    return value.strip() if isinstance(value, str) else value


class AuditFilterForm(Form):
    """A GET form (it changes nothing, so no CSRF token). A choice nobody offered, from a
    hand-edited address, counts as no filter; only the dates can be wrong."""

    person = StringField("Person", widget=GovTextInput(), filters=[_strip],
                         description="Part of their name or email address")
    action = SelectField("What happened", widget=GovSelect(), validate_choice=False,
                         choices=[("", "Anything"),
                                  *sorted(ACTIONS.items(), key=lambda item: item[1])])
    record_type = SelectField("Kind of record", widget=GovSelect(), validate_choice=False,
                              choices=[("", "Any kind"), *RECORD_TYPES.items()])
    record = StringField("Record", widget=GovTextInput(), filters=[_strip],
                         description="Its reference, like C-7KQ2MD or SFC-2026-0042, "
                                     "or its number")
    school = SelectField("School", widget=GovSelect(), choices=[], validate_choice=False)
    from_date = GovDateField("From", widget=GovDateInput(), format="%d %m %Y",
                             description="For example, 1 9 2026")
    to_date = GovDateField("To", widget=GovDateInput(), format="%d %m %Y",
                           description="For example, 30 11 2026")

    def __init__(self, formdata, schools):
        super().__init__(formdata)
        self.school.choices = [("", "All schools"), *[(str(ident), name)
                                                     for ident, name in schools]]
        for field in (self.from_date, self.to_date):
            if not field.raw_data or not any(part.strip() for part in field.raw_data):
                field.raw_data = None  # the GOV.UK date widget wants three parts or None
            elif len(field.raw_data) != 3:
                # Not a day, month and year (a hand-made address): shown back as typed.
                field.raw_data = (list(field.raw_data) + ["", "", ""])[:3]
                field.data = None
                field.process_errors = ["Enter a real date, like 27 3 2026"]

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        start, last = self.from_date.data, self.to_date.data
        if start and last and last < start and not self.to_date.errors:
            self.to_date.errors.append("The last day must be the same as or after the first day")
            valid = False
        return valid

    def chosen(self, name: str) -> str | None:
        field = self[name]
        offered = {value for value, _label in field.choices}
        return field.data if field.data and field.data in offered else None

    def query_args(self) -> dict:
        """The filters in use, for the page links and the CSV download."""
        args = {name: self[name].data for name in ("person", "record") if self[name].data}
        for name in ("action", "record_type", "school"):
            if self.chosen(name):
                args[name] = self.chosen(name)
        for name in ("from_date", "to_date"):
            day = self[name].data
            if day:
                args[name] = [str(day.day), str(day.month), str(day.year)]
        return args

    def describe(self) -> str:
        """The filters in words, for the audit event of an export."""
        words = []
        labels = {name: dict(self[name].choices) for name in ("action", "record_type", "school")}
        for name in ("person", "record"):
            if self[name].data:
                words.append(f"{self[name].label.text.lower()}: {self[name].data}")
        for name, choices in labels.items():
            if self.chosen(name):
                words.append(f"{self[name].label.text.lower()}: {choices[self.chosen(name)]}")
        for name in ("from_date", "to_date"):
            if self[name].data:
                words.append(f"{self[name].label.text.lower()} {self[name].data.isoformat()}")
        return "; ".join(words) or "no filters"
