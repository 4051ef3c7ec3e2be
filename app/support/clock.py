"""The one clock the support pages read: "now" in UTC, and "today" on the London calendar.

Tests fix it by monkeypatching `now` (or `today`) here; everything in this area asks this
module, never datetime directly, so an action due yesterday is overdue on every page alike.
"""

from datetime import date, datetime

from app.london import to_london
from app.models.types import utcnow


def now() -> datetime:
    return utcnow()


def today() -> date:
    return to_london(now()).date()
