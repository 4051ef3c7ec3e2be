"""The dashboard's period and filters: a plain GET form, and what it chooses."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from govuk_frontend_wtf.wtforms_widgets import GovDateInput, GovSelect
from wtforms import Form, SelectField

from app.forms import GovDateField, enum_choices
from app.london import LONDON, long_date, to_london
from app.models import Cohort, Phase, YearGroup
from app.models.types import utcnow

# The Virtual Schools' duty for children with a social worker began in the 2021 to 2022 year.
FIRST_ACADEMIC_YEAR = 2021
# A custom period longer than this is refused: a month-by-month table of decades helps nobody.
LONGEST_PERIOD_YEARS = 6

Y = YearGroup
YEAR_BANDS = {
    "early_years": ("Early years (nursery and reception)", (Y.NURSERY, Y.RECEPTION)),
    "ks1": ("Key stage 1 (years 1 and 2)", (Y.YEAR_1, Y.YEAR_2)),
    "ks2": ("Key stage 2 (years 3 to 6)", (Y.YEAR_3, Y.YEAR_4, Y.YEAR_5, Y.YEAR_6)),
    "ks3": ("Key stage 3 (years 7 to 9)", (Y.YEAR_7, Y.YEAR_8, Y.YEAR_9)),
    "ks4": ("Key stage 4 (years 10 and 11)", (Y.YEAR_10, Y.YEAR_11)),
    "post_16": ("Post-16 (years 12 to 14)", (Y.YEAR_12, Y.YEAR_13, Y.YEAR_14)),
}

# value: (label, first month, the month after it ends; 13 is January of the next year)
TERMS = {
    "autumn": ("Autumn term", 9, 13),
    "spring": ("Spring term", 1, 4),
    "summer": ("Summer term", 4, 9),
}


def london_now() -> datetime:
    return to_london(utcnow())


def academic_year_of(day: date) -> int:
    """The calendar year an academic year starts in: 2025 for 2025 to 2026."""
    return day.year if day.month >= 9 else day.year - 1


def academic_year_label(first: int) -> str:
    return f"{first} to {first + 1}"


def moment(day: date) -> datetime:
    """Midnight at the start of `day` on the London clock."""
    return datetime.combine(day, time(), tzinfo=LONDON)


@dataclass(frozen=True)
class Period:
    """Days from `start` up to, not including, `end`."""

    label: str
    start: date
    end: date
    kind: str  # "year", "term" or "custom"

    @property
    def last_day(self) -> date:
        return self.end - timedelta(days=1)

    @property
    def dates(self) -> str:
        return f"{long_date(self.start)} to {long_date(self.last_day)}"

    @property
    def slug(self) -> str:
        return f"{self.start.isoformat()}-to-{self.last_day.isoformat()}"

    @property
    def trend_start(self) -> date:
        """Where the term-by-term trend starts: a year or a term is shown against the
        terms of the two academic years before it; custom dates only against themselves."""
        if self.kind == "custom":
            return self.start
        return date(academic_year_of(self.start) - 2, 9, 1)


def year_period(first: int) -> Period:
    return Period(f"Academic year {academic_year_label(first)}", date(first, 9, 1),
                  date(first + 1, 9, 1), "year")


def term_period(first: int, term: str) -> Period:
    name, first_month, next_month = TERMS[term]
    year = first if term == "autumn" else first + 1
    end = date(year + 1, 1, 1) if next_month == 13 else date(year, next_month, 1)
    return Period(f"{name} {year}", date(year, first_month, 1), end, "term")


def custom_period(start: date, last_day: date) -> Period:
    return Period(f"{long_date(start)} to {long_date(last_day)}", start,
                  last_day + timedelta(days=1), "custom")


@dataclass(frozen=True)
class Filters:
    period: Period
    phase: Phase | None = None
    cohort: Cohort | None = None
    band: str | None = None
    school_id: int | None = None

    @property
    def year_groups(self) -> tuple[YearGroup, ...]:
        return YEAR_BANDS[self.band][1] if self.band else ()

    def describe(self, school_names: dict[int, str] | None = None) -> str:
        """The period and filters in words, for the audit log."""
        return "; ".join([self.period.label, *self.choices(school_names)])

    def choices(self, school_names: dict[int, str] | None = None) -> list[str]:
        """The filters in use, in words."""
        parts = []
        if self.phase:
            parts.append(f"phase: {self.phase.label}")
        if self.cohort:
            parts.append(f"cohort: {self.cohort.label}")
        if self.band:
            parts.append(f"year groups: {YEAR_BANDS[self.band][0]}")
        if self.school_id:
            name = (school_names or {}).get(self.school_id, f"school {self.school_id}")
            parts.append(f"school: {name}")
        return parts


class DashboardFilterForm(Form):
    """A GET form (it changes nothing, so no CSRF token). A value that is not offered, from
    a hand-edited address say, counts as no filter; only dates can be wrong."""

    year = SelectField("Academic year", widget=GovSelect(), choices=[], validate_choice=False)
    term = SelectField("Term", widget=GovSelect(), validate_choice=False,
                       choices=[("", "The whole year"),
                                *[(value, name) for value, (name, _f, _n) in TERMS.items()]])
    from_date = GovDateField("From", widget=GovDateInput(), format="%d %m %Y",
                             description="For example, 1 10 2025")
    to_date = GovDateField("To", widget=GovDateInput(), format="%d %m %Y",
                           description="For example, 31 1 2026")
    phase = SelectField("School phase", widget=GovSelect(), validate_choice=False,
                        choices=[("", "All phases"), *[(p.value, p.label) for p in Phase]])
    cohort = SelectField("Cohort", widget=GovSelect(), validate_choice=False,
                         choices=[("", "All cohorts"), *enum_choices(Cohort)])
    band = SelectField("Year groups", widget=GovSelect(), validate_choice=False,
                       choices=[("", "All year groups"),
                                *[(value, label) for value, (label, _y) in YEAR_BANDS.items()]])
    school = SelectField("School", widget=GovSelect(), choices=[], validate_choice=False)

    def __init__(self, formdata, schools, today: date | None = None):
        super().__init__(formdata)
        self.today = today or london_now().date()
        current = academic_year_of(self.today)
        self.year.choices = [(str(first), academic_year_label(first))
                             for first in range(current, FIRST_ACADEMIC_YEAR - 1, -1)]
        if not self.year.data or self.year.data not in self._offered(self.year):
            self.year.data = str(current)
        self.school.choices = [("", "All schools"),
                               *[(str(s.id), s.name) for s in schools]]
        for field in (self.from_date, self.to_date):
            if not field.raw_data:
                field.raw_data = None  # the GOV.UK date widget wants three parts or None

    @staticmethod
    def _offered(field) -> set[str]:
        return {value for value, _label in field.choices}

    def _chosen(self, field) -> str | None:
        return field.data if field.data and field.data in self._offered(field) else None

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        start, last = self.from_date.data, self.to_date.data
        if self.from_date.errors or self.to_date.errors:
            return False
        if start and not last:
            self.to_date.errors.append("Enter the last day of the period, or clear both dates")
        elif last and not start:
            self.from_date.errors.append("Enter the first day of the period, or clear both dates")
        elif start and last and last < start:
            self.to_date.errors.append("The last day must be the same as or after the first day")
        elif start and last and (last - start).days > 366 * LONGEST_PERIOD_YEARS:
            self.to_date.errors.append(
                f"Choose dates no more than {LONGEST_PERIOD_YEARS} years apart")
        return valid and not (self.from_date.errors or self.to_date.errors)

    @property
    def custom(self) -> bool:
        return bool(self.from_date.data and self.to_date.data)

    def period(self) -> Period:
        if self.custom:
            return custom_period(self.from_date.data, self.to_date.data)
        first = int(self.year.data)
        term = self._chosen(self.term)
        return term_period(first, term) if term else year_period(first)

    def filters(self) -> Filters:
        phase, cohort = self._chosen(self.phase), self._chosen(self.cohort)
        school = self._chosen(self.school)
        return Filters(self.period(), phase=Phase(phase) if phase else None,
                       cohort=Cohort(cohort) if cohort else None, band=self._chosen(self.band),
                       school_id=int(school) if school else None)

    def query_args(self) -> dict:
        """The choices in use, for links that keep them (the CSV downloads)."""
        args = {}
        if self.custom:
            for name in ("from_date", "to_date"):
                day = getattr(self, name).data
                args[name] = [str(day.day), str(day.month), str(day.year)]
        else:
            args["year"] = self.year.data
            if self._chosen(self.term):
                args["term"] = self.term.data
        for field in (self.phase, self.cohort, self.band, self.school):
            if self._chosen(field):
                args[field.name] = field.data
        return args
