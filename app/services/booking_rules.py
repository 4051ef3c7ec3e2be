"""The booking rules the VS admin sets: notice, the per-term limit, how long a waiting-list
offer is held, and when reminders go. Kept as service settings, edited on an admin page."""

from dataclasses import dataclass, fields
from datetime import datetime, time, timedelta

from app.extensions import db
from app.london import to_london
from app.models import ServiceSetting
from app.models.types import utcnow
from app.terms import LONDON, add_working_days


@dataclass(frozen=True)
class BookingRules:
    # No booking for a slot fewer than this many working days ahead (0: up to the day).
    min_notice_days: int = 2
    # Live bookings one school may hold for slots in one term (0: no limit).
    term_limit: int = 6
    # How long a school offered a freed slot from the waiting list holds it.
    offer_hours: int = 24
    # Reminders go this many days before the consultation (0: no reminders).
    reminder_days: int = 1


LIMITS = {"min_notice_days": (0, 30), "term_limit": (0, 100), "offer_hours": (1, 168),
          "reminder_days": (0, 14)}
_PREFIX = "booking_rule_"


_KEYS = [_PREFIX + each.name for each in fields(BookingRules)]
# Built once: every booking page reads the rules, and building the select cost more than
# running it. Through the session, so that rules saved and not yet flushed are read.
_READ = db.select(ServiceSetting.key, ServiceSetting.value).where(ServiceSetting.key.in_(_KEYS))


def current_rules() -> BookingRules:
    rows = db.session.execute(_READ)
    stored = {key.removeprefix(_PREFIX): value for key, value in rows}
    return BookingRules(**{name: int(value) for name, value in stored.items()})


def save_rules(rules: BookingRules, by_id: int) -> None:
    for each in fields(BookingRules):
        key = _PREFIX + each.name
        row = db.session.get(ServiceSetting, key) or ServiceSetting(key=key)
        row.value = str(getattr(rules, each.name))
        row.updated_by_id = by_id
        db.session.add(row)


def earliest_bookable(rules: BookingRules, now: datetime | None = None) -> datetime:
    """The first moment a slot may start and still be booked now: midnight (London) at the
    start of the day `min_notice_days` working days after today."""
    today = to_london(now or utcnow()).date()
    if rules.min_notice_days == 0:
        return now or utcnow()
    day = add_working_days(today, rules.min_notice_days)
    return datetime.combine(day, time(), tzinfo=LONDON)


def offer_expiry(rules: BookingRules, now: datetime) -> datetime:
    return now + timedelta(hours=rules.offer_hours)
