"""Times as people read them: stored in UTC, shown on the Europe/London clock in GOV.UK style
(25 November 2026, 2:05pm; 2pm; midday). One place, used by pages, emails and invites."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")
# Not strftime's %A/%B: those follow the server's locale.
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def to_london(moment: datetime) -> datetime:
    return moment.astimezone(LONDON)


def clock(moment: datetime) -> str:
    """2pm, 2:50pm, midday, midnight."""
    local = to_london(moment)
    if local.minute == 0 and local.hour in (0, 12):
        return "midnight" if local.hour == 0 else "midday"
    minutes = f":{local.minute:02d}" if local.minute else ""
    return f"{local.hour % 12 or 12}{minutes}{'am' if local.hour < 12 else 'pm'}"


def long_date(value: datetime | date | None) -> str:
    """25 November 2026 (a datetime is read on the London clock first)."""
    if value is None:
        return ""
    day = to_london(value) if isinstance(value, datetime) else value
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def long_datetime(moment: datetime | None) -> str:
    """25 November 2026, 2:05pm."""
    return "" if moment is None else f"{long_date(moment)}, {clock(moment)}"


def day_and_date(moment: datetime) -> str:
    """Tuesday 17 November 2026."""
    return f"{DAYS[to_london(moment).weekday()]} {long_date(moment)}"


def time_range(starts_at: datetime, ends_at: datetime) -> str:
    """Tuesday 17 November 2026, 2pm to 2:50pm (the end's day too if it is another day)."""
    end = clock(ends_at)
    if to_london(starts_at).date() != to_london(ends_at).date():
        end = f"{day_and_date(ends_at)}, {end}"
    return f"{day_and_date(starts_at)}, {clock(starts_at)} to {end}"
