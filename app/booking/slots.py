"""Pure slot and series arithmetic for consultation sessions: London wall-clock in, UTC out."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

LONDON = "Europe/London"


class SlotError(ValueError):
    """A session's times cannot be turned into slots; the message is for people, and
    `about` says which part of the input is at fault: "start", "end" or "slots"."""

    def __init__(self, message: str, about: str = "slots"):
        super().__init__(message)
        self.about = about


def local_to_utc(day: date, at: time, tz: str = LONDON, about: str = "start") -> datetime:
    """A wall-clock time in tz as UTC, refusing a time the clocks skip or repeat."""
    zone = ZoneInfo(tz)
    early = datetime.combine(day, at, tzinfo=zone).replace(fold=0)
    late = early.replace(fold=1)
    if early.utcoffset() != late.utcoffset():
        # zoneinfo gives different offsets for fold 0 and 1 only when the time is skipped
        # (clocks go forward) or happens twice (clocks go back).
        if early.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != early.replace(
                tzinfo=None):
            raise SlotError(f"{at:%H:%M} does not exist on {day:%-d %B %Y}: the clocks go "
                            "forward. Choose another time", about)
        raise SlotError(f"{at:%H:%M} happens twice on {day:%-d %B %Y}: the clocks go back. "
                        "Choose another time", about)
    return early.astimezone(UTC)


def slot_times(day: date, start: time, end: time, slot_minutes: int, gap_minutes: int,
               tz: str = LONDON) -> list[tuple[datetime, datetime]]:
    """The slots that fit between start and end on day, as (starts_at, ends_at) in UTC.

    Slots follow each other with gap_minutes between; a slot that would run past the end is
    left out. Arithmetic is on the wall clock, so 2pm stays 2pm either side of a clock change.
    """
    if slot_minutes <= 0 or gap_minutes < 0:
        raise SlotError("Slot length must be more than 0 minutes and gap 0 or more")
    if end <= start:
        raise SlotError("The end time must be after the start time", "end")
    begin, finish = datetime.combine(day, start), datetime.combine(day, end)
    slot, gap = timedelta(minutes=slot_minutes), timedelta(minutes=gap_minutes)
    slots = []
    cursor = begin
    while cursor + slot <= finish:
        slots.append((local_to_utc(day, cursor.time(), tz),
                      local_to_utc(day, (cursor + slot).time(), tz, about="end")))
        cursor += slot + gap
    if not slots:
        raise SlotError(f"No {slot_minutes}-minute slot fits between {start:%H:%M} and "
                        f"{end:%H:%M}")
    return slots


def series_dates(first: date, last: date, weekday: int, every_weeks: int,
                 skip: set[date] | frozenset[date] = frozenset()) -> list[date]:
    """Every every_weeks-th weekday (Monday 0) from the first on or after first, to last."""
    if every_weeks < 1:
        raise ValueError("every_weeks must be 1 or more")
    day = first + timedelta(days=(weekday - first.weekday()) % 7)
    dates = []
    while day <= last:
        if day not in skip:
            dates.append(day)
        day += timedelta(weeks=every_weeks)
    return dates
