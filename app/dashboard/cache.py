"""The dashboard's figures, kept in this process for a few minutes for each set of filters.

Counting them runs GROUP BYs over every request, consultation, outcome and action; the
figures of a period change slowly, and the page says when they were counted ("Figures as at
..."). Each app keeps its own store (in `app.extensions`), so a fresh app - each test's - never
sees another's figures. `DASHBOARD_CACHE_SECONDS` sets how long figures are kept (0: never).
"""

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from flask import current_app

from app.models.types import utcnow

DEFAULT_SECONDS = 300
# At most this many filter sets are kept; the oldest go first.
MOST_KEPT = 64
_KEY = "dashboard_figures"
_FORMS_KEY = "dashboard_forms"
# The filters form's markup depends only on its key (address, schools, day): kept an hour.
FORM_SECONDS = 3600


@dataclass(frozen=True)
class Kept:
    value: object
    counted_at: datetime
    # What was rendered from the value, by variant (who looks, the links' arguments).
    rendered: dict = field(default_factory=dict, compare=False)


class FiguresCache:
    def __init__(self):
        self._lock = threading.Lock()
        self._kept: dict[object, Kept] = {}

    def get(self, key, build: Callable[[datetime], object], seconds: float,
            now: datetime | None = None) -> Kept:
        """The figures kept for `key` if counted less than `seconds` ago, else `build(now)`'s,
        kept from now."""
        now = now or utcnow()
        with self._lock:
            kept = self._kept.get(key)
        if kept is not None and now - kept.counted_at < timedelta(seconds=seconds):
            return kept
        kept = Kept(build(now), now)
        if seconds > 0:
            with self._lock:
                self._kept.pop(key, None)
                self._kept[key] = kept
                while len(self._kept) > MOST_KEPT:
                    self._kept.pop(next(iter(self._kept)))
        return kept

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()


def figures_cache() -> FiguresCache:
    return current_app.extensions.setdefault(_KEY, FiguresCache())


def keep_seconds() -> float:
    return float(current_app.config.get("DASHBOARD_CACHE_SECONDS", DEFAULT_SECONDS))


def forms_cache() -> FiguresCache:
    return current_app.extensions.setdefault(_FORMS_KEY, FiguresCache())
