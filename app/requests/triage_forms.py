"""The Virtual School's forms on a request (accept, decline, advise, close) and the triage
queue's filters."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovRadioInput, GovSelect, GovTextArea
from markupsafe import Markup, escape
from wtforms import Form, RadioField, SelectField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from app.forms import enum_choices
from app.models import Cohort, Phase, RequestStatus, Route
from app.validators import NoIdentifiers

NO_NAMES = "Do not include names or other details that could identify the child or their family."
NOTE_MAX = 2000
ADVICE_MAX = 6000



class AcceptForm(FlaskForm):
    route = RadioField(
        "How will the Virtual School help?", widget=GovRadioInput(), choices=enum_choices(Route),
        description="For a consultation the school books a slot. For written advice or "
        "signposting you write to the school on this page, which closes the request.",
        validators=[InputRequired(message="Select how the Virtual School will help")])
    accept_note = TextAreaField(
        "Note for the school (optional)", widget=GovTextArea(),
        description="The school sees this on the request's timeline. " + NO_NAMES,
        validators=[Optional(), Length(max=NOTE_MAX, message="The note must be 2,000 "
                                       "characters or fewer"), NoIdentifiers()])


class DeclineForm(FlaskForm):
    reason = TextAreaField(
        "Why is the request being declined?", widget=GovTextArea(),
        description="The school sees this. Say where else they could turn. " + NO_NAMES,
        validators=[DataRequired(message="Enter why the request is declined"),
                    Length(max=NOTE_MAX, message="The reason must be 2,000 characters or fewer"),
                    NoIdentifiers()])


class WrittenAdviceForm(FlaskForm):
    advice = TextAreaField(
        "Written advice", widget=GovTextArea(),
        description="The school sees this on the request's page, and the request closes. "
        + NO_NAMES,
        validators=[DataRequired(message="Enter the advice"),
                    Length(max=ADVICE_MAX, message="The advice must be 6,000 characters or "
                           "fewer"), NoIdentifiers()])


class CloseForm(FlaskForm):
    """Nothing to fill in: the button, and the CSRF token."""


ALL = "all"
STATUS_CHOICES = [(ALL, "All statuses"), *enum_choices(RequestStatus, skip={RequestStatus.DRAFT})]
AGE_CHOICES = [("", "Any time"), ("5", "Over 5 days"), ("10", "Over 10 days"),
               ("20", "Over 20 days")]
PHASE_CHOICES = [("", "All phases"), *[(p.value, p.label) for p in Phase]]
COHORT_CHOICES = [("", "All cohorts"), *enum_choices(Cohort)]


class FilterChoices:
    """A filter's choices with their <option>s written once, as govukSelect writes them.

    The school list runs to hundreds: escaping each one on every request was much of the
    queue's time, so the view keeps these for a while (see triage.filter_choices)."""

    def __init__(self, choices: list[tuple[str, str]]):
        self.choices = choices
        self.values = frozenset(value for value, _label in choices)
        self._markup = "".join(f'\n    <option value="{escape(value)}">{escape(label)}</option>'
                               for value, label in choices)

    def options(self, selected: str | None) -> Markup:
        """The <option>s, with the one whose value is `selected` (if offered) selected."""
        if selected not in self.values:
            return Markup(self._markup)  # nosec B704  # made of escaped values
        tag = f'<option value="{escape(selected)}">'
        options = self._markup.replace(tag, f'{tag[:-1]} selected>', 1)
        return Markup(options)  # nosec B704  # made of escaped values


STATUS_OPTIONS = FilterChoices(STATUS_CHOICES)
PHASE_OPTIONS = FilterChoices(PHASE_CHOICES)
COHORT_OPTIONS = FilterChoices(COHORT_CHOICES)
AGE_OPTIONS = FilterChoices(AGE_CHOICES)


def school_choices(schools) -> FilterChoices:
    """From (id, name) rows, in the order to offer them."""
    return FilterChoices([("", "All schools"), *[(str(id_), name) for id_, name in schools]])


def theme_choices(themes) -> FilterChoices:
    return FilterChoices([("", "All themes"), *[(str(id_), name) for id_, name in themes]])


class TriageFilterForm(Form):
    """The queue's filters: a plain GET form (nothing changes, so no CSRF token). Values
    that are not offered, from a hand-edited address say, count as no filter."""

    status = SelectField("Status", widget=GovSelect(), choices=STATUS_CHOICES,
                         default=RequestStatus.SUBMITTED.value, validate_choice=False)
    school = SelectField("School", widget=GovSelect(), choices=[], validate_choice=False)
    phase = SelectField("Phase", widget=GovSelect(), choices=PHASE_CHOICES,
                        validate_choice=False)
    cohort = SelectField("Cohort", widget=GovSelect(), choices=COHORT_CHOICES,
                         validate_choice=False)
    theme = SelectField("Theme", widget=GovSelect(), choices=[], validate_choice=False)
    age = SelectField("Time in the queue", widget=GovSelect(), choices=AGE_CHOICES,
                      validate_choice=False)

    def __init__(self, formdata, schools: FilterChoices, themes: FilterChoices):
        super().__init__(formdata)
        self._offered = {"status": STATUS_OPTIONS, "school": schools, "phase": PHASE_OPTIONS,
                         "cohort": COHORT_OPTIONS, "theme": themes, "age": AGE_OPTIONS}
        self.school.choices = schools.choices
        self.theme.choices = themes.choices

    def options(self, field) -> Markup:
        """A select's <option>s, the chosen one selected."""
        return self._offered[field.name].options(field.data)

    def _chosen(self, field) -> str | None:
        offered = self._offered[field.name].values
        return field.data if field.data and field.data in offered else None

    @property
    def selected_status(self) -> RequestStatus | None:
        """None for all statuses; the default (submitted) for anything unknown."""
        chosen = self._chosen(self.status)
        if chosen == ALL:
            return None
        return RequestStatus(chosen) if chosen else RequestStatus.SUBMITTED

    @property
    def selected_school_id(self) -> int | None:
        chosen = self._chosen(self.school)
        return int(chosen) if chosen else None

    @property
    def selected_phase(self) -> Phase | None:
        chosen = self._chosen(self.phase)
        return Phase(chosen) if chosen else None

    @property
    def selected_cohort(self) -> Cohort | None:
        chosen = self._chosen(self.cohort)
        return Cohort(chosen) if chosen else None

    @property
    def selected_theme_id(self) -> int | None:
        chosen = self._chosen(self.theme)
        return int(chosen) if chosen else None

    @property
    def selected_age_days(self) -> int | None:
        chosen = self._chosen(self.age)
        return int(chosen) if chosen else None

    @property
    def narrowed(self) -> bool:
        """Whether anything other than the default (submitted requests) is chosen."""
        return self.query_args() != {"status": RequestStatus.SUBMITTED.value}

    def query_args(self) -> dict:
        """The filters in use, for links that keep them (the pages of results)."""
        status = self.selected_status
        args = {"status": status.value if status else ALL, "school": self.selected_school_id,
                "phase": self.selected_phase, "cohort": self.selected_cohort,
                "theme": self.selected_theme_id, "age": self.selected_age_days}
        return {name: str(value) for name, value in args.items() if value}
