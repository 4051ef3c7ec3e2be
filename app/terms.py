"""School terms and working days, on the Europe/London calendar.

Terms are the three the Virtual School reports by: autumn (September to December), spring
(January to March) and summer (April to August). Local authorities' holiday dates differ a
little, so the boundaries are whole months, the same every year.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache

import holidays

from app.london import LONDON, to_london

_TERMS = (("Spring", 1, 4), ("Summer", 4, 9), ("Autumn", 9, 13))


@dataclass(frozen=True)
class Term:
    name: str  # "Autumn term 2026"
    starts: date
    ends: date  # the first day after the term

    @property
    def academic_year(self) -> str:
        first = self.starts.year if self.starts.month >= 9 else self.starts.year - 1
        return f"{first} to {first + 1}"

    def start_moment(self) -> datetime:
        return datetime.combine(self.starts, time(), tzinfo=LONDON)

    def end_moment(self) -> datetime:
        return datetime.combine(self.ends, time(), tzinfo=LONDON)


def term_of(day: date | datetime) -> Term:
    if isinstance(day, datetime):
        day = to_london(day).date()
    for name, first_month, next_month in _TERMS:
        if first_month <= day.month < next_month:
            ends = (date(day.year + 1, 1, 1) if next_month == 13
                    else date(day.year, next_month, 1))
            return Term(f"{name} term {day.year}", date(day.year, first_month, 1), ends)
    raise AssertionError("every month is in a term")


@lru_cache(maxsize=16)
def _bank_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year))


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def add_working_days(day: date, count: int) -> date:
    """The date `count` working days after `day` (Monday + 2 is Wednesday; Friday + 1 is
    Monday, or Tuesday after a bank holiday Monday)."""
    while count > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            count -= 1
    return day
