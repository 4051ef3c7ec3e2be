"""Slot and series arithmetic, across the clock changes."""

from datetime import UTC, date, datetime, time

import pytest

from app.booking.slots import SlotError, series_dates, slot_times


def utc(*parts):
    return datetime(*parts, tzinfo=UTC)


def test_three_fifty_minute_slots_with_ten_minute_gaps_fit_two_to_five():
    slots = slot_times(date(2026, 11, 17), time(14), time(17), 50, 10)
    assert slots == [(utc(2026, 11, 17, 14), utc(2026, 11, 17, 14, 50)),
                     (utc(2026, 11, 17, 15), utc(2026, 11, 17, 15, 50)),
                     (utc(2026, 11, 17, 16), utc(2026, 11, 17, 16, 50))]


def test_two_pm_is_two_pm_london_time_either_side_of_the_spring_clock_change():
    before = slot_times(date(2026, 3, 24), time(14), time(17), 50, 10)
    after = slot_times(date(2026, 3, 31), time(14), time(17), 50, 10)
    assert before[0] == (utc(2026, 3, 24, 14), utc(2026, 3, 24, 14, 50))
    assert after[0] == (utc(2026, 3, 31, 13), utc(2026, 3, 31, 13, 50))
    assert len(before) == len(after) == 3


def test_two_pm_is_two_pm_london_time_either_side_of_the_autumn_clock_change():
    before = slot_times(date(2026, 10, 20), time(14), time(17), 50, 10)
    after = slot_times(date(2026, 10, 27), time(14), time(17), 50, 10)
    assert before[-1] == (utc(2026, 10, 20, 15), utc(2026, 10, 20, 15, 50))
    assert after[-1] == (utc(2026, 10, 27, 16), utc(2026, 10, 27, 16, 50))


def test_a_time_the_clocks_skip_is_refused():
    with pytest.raises(SlotError, match="does not exist"):
        slot_times(date(2026, 3, 29), time(1, 30), time(3), 20, 0)


def test_a_time_that_happens_twice_is_refused():
    with pytest.raises(SlotError, match="happens twice"):
        slot_times(date(2026, 10, 25), time(1), time(2), 20, 0)


def test_a_session_on_the_day_of_a_clock_change_keeps_its_wall_clock_times():
    slots = slot_times(date(2026, 10, 25), time(9), time(10), 60, 0)
    assert slots == [(utc(2026, 10, 25, 9), utc(2026, 10, 25, 10))]


def test_a_slot_that_would_run_past_the_end_is_left_out():
    assert len(slot_times(date(2026, 11, 17), time(14), time(16, 30), 50, 10)) == 2


def test_no_slot_fitting_is_refused():
    with pytest.raises(SlotError, match="No 90-minute slot fits"):
        slot_times(date(2026, 11, 17), time(14), time(15), 90, 10)


def test_an_end_before_the_start_is_refused():
    with pytest.raises(SlotError, match="after the start"):
        slot_times(date(2026, 11, 17), time(15), time(14), 50, 10)


def test_every_other_tuesday_from_january_to_march_skipping_a_date():
    dates = series_dates(date(2026, 1, 6), date(2026, 3, 31), weekday=1, every_weeks=2,
                         skip={date(2026, 2, 17)})
    assert dates == [date(2026, 1, 6), date(2026, 1, 20), date(2026, 2, 3),
                     date(2026, 3, 3), date(2026, 3, 17), date(2026, 3, 31)]


def test_series_starts_on_the_first_matching_weekday():
    dates = series_dates(date(2026, 1, 1), date(2026, 1, 31), weekday=1, every_weeks=1)
    assert dates == [date(2026, 1, 6), date(2026, 1, 13), date(2026, 1, 20), date(2026, 1, 27)]
