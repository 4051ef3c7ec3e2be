"""The dashboard's figures as tables (and charts) of suppressed numbers: what the page shows
and what each CSV download holds, built once from the counts in app/dashboard/queries.py."""

import math
import statistics
from dataclasses import dataclass, field
from datetime import date, datetime

from app.dashboard import queries
from app.dashboard.charts import Chart, bar_chart, trend_chart
from app.dashboard.filters import YEAR_BANDS, Filters, moment
from app.dashboard.suppression import (
    Shown,
    Suppressor,
    breakdown,
    share,
    statistic,
)
from app.london import MONTHS, to_london
from app.models import Cohort, Indicator, Phase, YearGroup
from app.models.types import utcnow
from app.terms import term_of

TABLE_SLUGS = ("themes", "indicators", "cohorts", "year-groups", "phases", "theme-trend",
               "months", "waiting-times", "scaling", "social-worker", "actions",
               "schools-without-requests")


@dataclass
class Table:
    slug: str
    caption: str
    head: list[str]
    rows: list[list[str]]
    chart: Chart | None = None
    # Columns from this one on hold numbers (right-aligned); None: words only.
    numbers_from: int | None = 1
    wide: bool = False


@dataclass
class Section:
    heading: str
    intro: str
    tables: list[Table] = field(default_factory=list)


@dataclass
class Dashboard:
    filters: Filters
    summary: list[tuple[str, str]]
    sections: list[Section]
    choices: list[str]  # the filters in use, in words

    def table(self, slug: str) -> Table | None:
        for section in self.sections:
            for table in section.tables:
                if table.slug == slug:
                    return table
        return None


@dataclass(frozen=True)
class Span:
    name: str
    start: date
    end: date  # the first day after


def month_spans(start: date, end: date) -> list[Span]:
    spans, day = [], start
    while day < end:
        following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
        spans.append(Span(f"{MONTHS[day.month - 1]} {day.year}", day, min(following, end)))
        day = following
    return spans


def term_spans(start: date, end: date) -> list[Span]:
    spans, day = [], start
    while day < end:
        term = term_of(day)
        spans.append(Span(term.name, day, min(term.ends, end)))
        day = term.ends
    return spans


def _edges(spans: list[Span]) -> list[datetime]:
    return [moment(span.start) for span in spans] + [moment(spans[-1].end)]


def build(filters: Filters, schools: list[queries.SchoolRow],
          now: datetime | None = None) -> Dashboard:
    now = now or utcnow()
    today = to_london(now).date()
    period = filters.period
    start, end = moment(period.start), moment(period.end)
    held_until = min(end, now)

    months = month_spans(period.trend_start, period.end)
    terms = term_spans(period.trend_start, period.end)
    period_months = [i for i, span in enumerate(months) if span.start >= period.start]
    period_terms = [i for i, span in enumerate(terms) if span.start >= period.start]
    term_of_month = [next(t for t, term in enumerate(terms) if term.start <= span.start < term.end)
                     for span in months]

    theme_rows = queries.themes_by_bucket(filters, _edges(terms))
    month_counts = queries.requests_by_bucket(filters, _edges(months))
    indicator_counts = queries.requests_by_indicator(filters, start, end)
    profile = queries.requests_by_child_and_school(filters, start, end)
    consultation_counts = queries.consultations_by_bucket(
        filters, _edges([months[i] for i in period_months]), held_until)
    waits = queries.waiting_days(filters, start, held_until)
    pairs, outcomes, attended = queries.outcomes(filters, start, end)
    agreed = queries.actions(filters, start, end, today)

    requests = _RequestFigures(filters, months, terms, period_months, period_terms,
                               term_of_month, theme_rows, month_counts, indicator_counts,
                               profile)
    consultations, consultations_total = breakdown(
        [consultation_counts.get(n, 0) for n in range(len(period_months))],
        sum(consultation_counts.values()))

    (was, was_not), outcomes_total = breakdown([attended, outcomes - attended], outcomes)
    standing, agreed_total = breakdown(
        [agreed.on_time, agreed.late, agreed.open, agreed.overdue], agreed.total)

    sections = [
        Section("Requests by theme, indicator, cohort, year group and phase",
                "Requests sent in the period; drafts never count. A request can raise more than "
                "one theme and more than one indicator, so those tables add up to more than the "
                "requests sent.", requests.breakdown_tables()),
        Section("Themes term by term", _trend_intro(filters), [requests.trend_table()]),
        Section("Requests and consultations month by month",
                "Requests sent, and consultations held: bookings, not cancelled, whose slot "
                "started in the month.",
                [_months_table(requests, [months[i] for i in period_months], consultations,
                               consultations_total)]),
        Section("Time from request to consultation",
                "From the moment a school sent its request to the start of its consultation, "
                "for the consultations held in the period.",
                [_waiting_table(consultations_total, waits)]),
        Section("Scaling before and after",
                "Where a consultation agreed a follow-up, the scale (0 to 10) recorded then and "
                "at the child's next consultation with a finalised outcome. Each pair counts in "
                "the period its follow-up outcome was finalised.", [_scaling_table(pairs)]),
        Section("Social worker at consultations",
                "Consultations whose outcome was finalised in the period, and whether the "
                "child's social worker attended.",
                [_social_worker_table(was, was_not, outcomes_total)]),
        Section("Actions agreed",
                "Actions agreed in the period at consultations and Team Around the Child "
                "meetings, and where they stand today.", [_actions_table(standing, agreed_total)]),
        Section("Schools that have not sent a request",
                "Schools that have never sent the Virtual School a request (a draft does not "
                "count), to reach out to. Only the phase and school filters apply here.",
                [_schools_table(filters, schools)]),
    ]
    summary = [("Requests sent", requests.total.text),
               ("Consultations held", consultations_total.text),
               ("Consultation outcomes finalised", outcomes_total.text),
               ("Actions agreed", agreed_total.text)]
    names = {school.id: school.name for school in schools}
    return Dashboard(filters, summary, sections, filters.choices(names))


class _RequestFigures:
    """Everything counted from requests, suppressed as one problem: the same total appears
    under the cohorts, the year groups, the phases and the months, and each term's total is
    the sum of its months, so a count hidden in one table cannot be worked back in another."""

    def __init__(self, filters, months, terms, period_months, period_terms, term_of_month,
                 theme_rows, month_counts, indicator_counts, profile):
        self.filters, self.months, self.terms = filters, months, terms
        self.period_months, self.period_terms = period_months, period_terms
        s = self.suppressor = Suppressor()

        self.total_cell = s.cell(sum(month_counts.get(i, 0) for i in period_months))
        # Cohort, year group and phase: each a breakdown of the requests sent.
        self.cohorts = self._chosen(Cohort, filters.cohort and [filters.cohort])
        self.years = self._chosen(YearGroup, filters.band and YEAR_BANDS[filters.band][1])
        self.phases = self._chosen(Phase, filters.phase and [filters.phase])
        by = {"cohort": {}, "year": {}, "phase": {}}
        for cohort, year, phase, n in profile:
            for name, key in (("cohort", cohort), ("year", year), ("phase", phase)):
                by[name][key] = by[name].get(key, 0) + n
        self.cohort_cells = s.cells([by["cohort"].get(c, 0) for c in self.cohorts])
        self.year_cells = s.cells([by["year"].get(y, 0) for y in self.years])
        self.phase_cells = s.cells([by["phase"].get(p, 0) for p in self.phases])
        for cells in (self.cohort_cells, self.year_cells, self.phase_cells):
            s.group(cells, self.total_cell)

        # Months, and the terms they make up.
        self.month_cells = s.cells([month_counts.get(i, 0) for i in period_months])
        s.group(self.month_cells, self.total_cell)
        self.term_cells = s.cells([
            sum(n for i, n in month_counts.items() if term_of_month[i] == t)
            for t in range(len(terms))])
        for t in period_terms:
            members = [cell for i, cell in zip(period_months, self.month_cells, strict=True)
                       if term_of_month[i] == t]
            s.group(members, self.term_cells[t])

        # Key educational indicators: a request can have several, so no total.
        self.indicator_cells = s.cells([indicator_counts.get(i, 0) for i in Indicator])
        s.group(self.indicator_cells)

        # Themes: the period's counts, and term by term; a theme's period count is the sum
        # of its terms within the period.
        counts: dict[int, dict[int, int]] = {}
        names: dict[int, tuple[str, bool]] = {}
        for theme_id, name, active, term, n in theme_rows:
            names[theme_id] = (name, active)
            if term is not None:
                counts.setdefault(theme_id, {})[term] = n
        self.themes = [(theme_id, name) for theme_id, (name, active) in names.items()
                       if active or counts.get(theme_id)]
        self.theme_cells, self.trend_cells = [], []
        for theme_id, _name in self.themes:
            by_term = counts.get(theme_id, {})
            row = s.cells([by_term.get(t, 0) for t in range(len(terms))])
            in_period = [row[t] for t in period_terms]
            theme_total = s.cell(sum(by_term.get(t, 0) for t in period_terms))
            s.group(in_period, theme_total)
            s.group(row)
            self.trend_cells.append(row)
            self.theme_cells.append(theme_total)
        s.group(self.theme_cells)
        for t in range(len(terms)):
            s.group([row[t] for row in self.trend_cells])
        s.solve()

    @staticmethod
    def _chosen(enum_class, chosen):
        return list(chosen) if chosen else list(enum_class)

    @property
    def total(self) -> Shown:
        return self.suppressor.result(self.total_cell)

    def _rows(self, labels, cells, total_label="Requests sent"):
        shown = self.suppressor.results(cells)
        rows = [[label, value.text] for label, value in zip(labels, shown, strict=True)]
        return rows + [[total_label, self.total.text]], list(zip(labels, shown, strict=True))

    def _table(self, slug, caption, first, labels, cells, total_label="Requests sent"):
        rows, bars = self._rows(labels, cells, total_label)
        chart = bar_chart(f"chart-{slug}", caption, [(label, [v]) for label, v in bars])
        return Table(slug, caption, [first, "Requests"], rows, chart)

    def breakdown_tables(self) -> list[Table]:
        return [
            self._table("themes", "Requests by theme", "Theme",
                        [name for _id, name in self.themes], self.theme_cells),
            self._table("indicators", "Requests by key educational indicator", "Indicator",
                        [i.label for i in Indicator], self.indicator_cells),
            self._table("cohorts", "Requests by cohort", "Cohort",
                        [c.label for c in self.cohorts], self.cohort_cells, "Total"),
            self._table("year-groups", "Requests by year group", "Year group",
                        [y.label for y in self.years], self.year_cells, "Total"),
            self._table("phases", "Requests by school phase", "Phase",
                        [p.label for p in self.phases], self.phase_cells, "Total"),
        ]

    def trend_table(self) -> Table:
        s = self.suppressor
        term_totals = s.results(self.term_cells)
        rows = [["Requests sent", *[total.text for total in term_totals]]]
        chart_rows = []
        for (_id, name), cells in zip(self.themes, self.trend_cells, strict=True):
            shares = [share(part, whole)
                      for part, whole in zip(s.results(cells), term_totals, strict=True)]
            rows.append([name, *shares])
            chart_rows.append((name, [
                part.number / whole.number if share_text.endswith("%") else None
                for part, whole, share_text in zip(s.results(cells), term_totals, shares,
                                                   strict=True)]))
        names = [term.name for term in self.terms]
        caption = "Share of each term's requests raising each theme"
        desc = (f"Columns for each theme, one a term from {names[0]} to {names[-1]}, as tall "
                f"as the share of that term's requests raising the theme. No column is drawn "
                f"where the numbers are too small to show. The table gives every share.")
        chart = trend_chart("chart-theme-trend", caption, desc, names, chart_rows)
        return Table("theme-trend", caption, ["Theme", *names], rows, chart, wide=True)

    def month_results(self) -> list[Shown]:
        return self.suppressor.results(self.month_cells)


def _trend_intro(filters: Filters) -> str:
    kind = filters.period.kind
    text = "The share of each term's requests that raised each theme. "
    if kind == "year":
        return text + "The chosen year is shown after the two academic years before it."
    if kind == "term":
        return text + ("The chosen term is shown after the terms before it, back to the start "
                       "of the academic year two years earlier.")
    return text + "A term cut short by the dates chosen counts only its days within them."


def _months_table(requests: _RequestFigures, months, consultations, consultations_total):
    requested = requests.month_results()
    rows = [[span.name, r.text, c.text]
            for span, r, c in zip(months, requested, consultations, strict=True)]
    rows.append(["Total", requests.total.text, consultations_total.text])
    caption = "Requests and consultations by month"
    chart = bar_chart("chart-months", caption,
                      [(span.name, [r, c])
                       for span, r, c in zip(months, requested, consultations, strict=True)],
                      ["Requests", "Consultations"])
    return Table("months", caption, ["Month", "Requests sent", "Consultations held"], rows,
                 chart)


def _waiting_table(consultations_total: Shown, waits: list[float]) -> Table:
    median = statistics.median(waits) if waits else None
    ninetieth = sorted(waits)[math.ceil(0.9 * len(waits)) - 1] if waits else None
    rows = [["Consultations held", consultations_total.text],
            ["Median time from request to consultation", statistic(median, len(waits), "days")],
            ["90th percentile: 9 in 10 consultations were held within",
             statistic(ninetieth, len(waits), "days")]]
    return Table("waiting-times", "Time from request to consultation", ["Measure", "Value"],
                 rows)


def _scaling_table(pairs: queries.Scaling) -> Table:
    moved, total = breakdown([pairs.up, pairs.same, pairs.down], pairs.pairs)
    labels = ["Moved up the scale", "Stayed the same", "Moved down the scale"]
    rows = [["Follow-up consultations with a scale before and after", total.text],
            ["Average scale before (0 to 10)", statistic(pairs.average_before, pairs.pairs)],
            ["Average scale after (0 to 10)", statistic(pairs.average_after, pairs.pairs)],
            *[[label, value.text] for label, value in zip(labels, moved, strict=True)]]
    caption = "Scaling before and after a follow-up"
    chart = bar_chart("chart-scaling", "How the scale moved between a consultation and its "
                      "follow-up", [(label, [v]) for label, v in zip(labels, moved, strict=True)])
    return Table("scaling", caption, ["Measure", "Value"], rows, chart)


def _social_worker_table(was: Shown, was_not: Shown, total: Shown) -> Table:
    rows = [["Consultations with a finalised outcome", total.text],
            ["The social worker attended", was.text],
            ["The social worker did not attend", was_not.text],
            ["Share where the social worker attended", share(was, total)]]
    chart = bar_chart("chart-social-worker", "Whether the social worker attended",
                      [("Attended", [was]), ("Did not attend", [was_not])])
    return Table("social-worker", "Social worker at consultations", ["Measure", "Value"], rows,
                 chart)


def _actions_table(parts: list[Shown], total: Shown) -> Table:
    labels = ["Completed on time", "Completed late", "Open, not yet due", "Overdue"]
    rows = [*[[label, value.text] for label, value in zip(labels, parts, strict=True)],
            ["Total agreed", total.text]]
    chart = bar_chart("chart-actions", "Actions agreed, by where they stand",
                      [(label, [v]) for label, v in zip(labels, parts, strict=True)])
    return Table("actions", "Actions agreed", ["Where the action stands", "Actions"], rows,
                 chart)


def _schools_table(filters: Filters, schools: list[queries.SchoolRow]) -> Table:
    rows = [[school.name, school.urn, school.phase.label] for school in schools
            if not school.has_sent_request
            and (filters.phase is None or school.phase == filters.phase)
            and (filters.school_id is None or school.id == filters.school_id)]
    return Table("schools-without-requests", "Schools that have not sent a request",
                 ["School", "URN", "Phase"], rows, numbers_from=None)

