"""School terms and working days on the Europe/London calendar."""

from datetime import UTC, date, datetime

import pytest

from app.london import LONDON
from app.terms import add_working_days, is_working_day, term_of


@pytest.mark.parametrize(("day", "name"), [
    (date(2027, 1, 1), "Spring term 2027"),
    (date(2027, 3, 31), "Spring term 2027"),
    (date(2027, 4, 1), "Summer term 2027"),
    (date(2027, 8, 31), "Summer term 2027"),
    (date(2027, 9, 1), "Autumn term 2027"),
    (date(2027, 12, 31), "Autumn term 2027"),
])
def test_each_day_is_in_one_term(day, name):
    assert term_of(day).name == name


def test_a_term_runs_from_its_first_day_to_the_first_day_after_it():
    autumn = term_of(date(2026, 10, 14))
    assert (autumn.starts, autumn.ends) == (date(2026, 9, 1), date(2027, 1, 1))
    spring = term_of(date(2027, 2, 1))
    assert (spring.starts, spring.ends) == (date(2027, 1, 1), date(2027, 4, 1))
    summer = term_of(date(2027, 6, 1))
    assert (summer.starts, summer.ends) == (date(2027, 4, 1), date(2027, 9, 1))


def test_terms_belong_to_the_academic_year_that_starts_in_september():
    assert term_of(date(2026, 9, 1)).academic_year == "2026 to 2027"
    assert term_of(date(2027, 1, 5)).academic_year == "2026 to 2027"
    assert term_of(date(2027, 7, 20)).academic_year == "2026 to 2027"
    assert term_of(date(2027, 9, 6)).academic_year == "2027 to 2028"


def test_a_term_starts_and_ends_at_midnight_in_london():
    autumn = term_of(date(2026, 10, 1))
    # 1 September is in British Summer Time: midnight there is 11pm UTC the day before.
    assert autumn.start_moment() == datetime(2026, 8, 31, 23, tzinfo=UTC)
    assert autumn.end_moment() == datetime(2027, 1, 1, tzinfo=UTC)
    assert autumn.start_moment().tzinfo is LONDON


def test_a_moment_belongs_to_the_term_of_its_london_date():
    # 11:30pm UTC on 31 August is 12:30am on 1 September in London.
    assert term_of(datetime(2026, 8, 31, 23, 30, tzinfo=UTC)).name == "Autumn term 2026"
    assert term_of(datetime(2026, 8, 31, 22, 30, tzinfo=UTC)).name == "Summer term 2026"
    # 31 December is in GMT: UTC and London agree.
    assert term_of(datetime(2026, 12, 31, 23, 30, tzinfo=UTC)).name == "Autumn term 2026"
    # 31 March 2027 11:30pm UTC is 1 April in London (the clocks went forward on 28 March).
    assert term_of(datetime(2027, 3, 31, 23, 30, tzinfo=UTC)).name == "Summer term 2027"


@pytest.mark.parametrize(("day", "working"), [
    (date(2026, 12, 23), True),    # Wednesday
    (date(2026, 12, 25), False),   # Christmas Day, a Friday
    (date(2026, 12, 26), False),   # Boxing Day, a Saturday
    (date(2026, 12, 28), False),   # Boxing Day's substitute Monday
    (date(2026, 12, 29), True),
    (date(2026, 4, 3), False),     # Good Friday
    (date(2026, 4, 6), False),     # Easter Monday
    (date(2026, 5, 25), False),    # Spring bank holiday
    (date(2026, 8, 31), False),    # Summer bank holiday (England's, not Scotland's)
    (date(2026, 8, 3), True),      # Scotland's summer bank holiday: a working day in England
    (date(2026, 11, 30), True),    # St Andrew's Day: Scotland only
    (date(2027, 1, 2), False),     # a Saturday
    (date(2027, 1, 3), False),     # a Sunday
    (date(2027, 1, 4), True),      # 2 January is Scotland's holiday, not England's
])
def test_working_days_skip_weekends_and_england_bank_holidays(day, working):
    assert is_working_day(day) is working


@pytest.mark.parametrize(("day", "count", "expected"), [
    (date(2026, 11, 23), 2, date(2026, 11, 25)),  # Monday + 2: Wednesday
    (date(2026, 11, 27), 1, date(2026, 11, 30)),  # Friday + 1: Monday
    (date(2026, 5, 22), 1, date(2026, 5, 26)),    # Friday before a bank holiday: Tuesday
    (date(2026, 12, 24), 2, date(2026, 12, 30)),  # Christmas, Boxing Day and its substitute
    (date(2026, 11, 28), 1, date(2026, 11, 30)),  # Saturday + 1: Monday
    (date(2026, 11, 25), 0, date(2026, 11, 25)),  # no notice: the same day
    (date(2026, 4, 2), 1, date(2026, 4, 7)),      # Thursday before Easter: Tuesday after
])
def test_adding_working_days(day, count, expected):
    assert add_working_days(day, count) == expected
