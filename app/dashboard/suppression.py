"""Small-number suppression: the one place that decides what a count may show.

Any count from 1 to 4 is shown as "fewer than 5" (0 stays 0). Where a hidden count could be
worked back from the others - a breakdown and its total, the months of a term and the term's
total - another count in the same group is withheld too (secondary suppression), until no
group has exactly one hidden count. Shares and statistics of fewer than 5 items are not shown.
Page, charts and CSV exports all read the results from here.
"""

from collections.abc import Sequence
from dataclasses import dataclass

THRESHOLD = 5
FEWER_THAN_5 = "fewer than 5"
WITHHELD = "withheld"
TOO_FEW = "too few to show"

EXPLANATION = (
    f"To keep every child unidentifiable, a number from 1 to 4 is shown as “{FEWER_THAN_5}”. "
    f"Where a small number could be worked out from a total and the other numbers beside it, "
    f"another number is {WITHHELD} too. Shares, averages, medians and percentiles of fewer "
    f"than {THRESHOLD} are {TOO_FEW}."
)


def is_small(value: int) -> bool:
    return 0 < value < THRESHOLD


@dataclass(frozen=True)
class Shown:
    """A count as it may be shown: the number, or None and the words that replace it."""

    number: int | None
    text: str

    @property
    def hidden(self) -> bool:
        return self.number is None


def shown(value: int, *, withheld: bool = False) -> Shown:
    if is_small(value):
        return Shown(None, FEWER_THAN_5)
    if withheld:
        return Shown(None, WITHHELD)
    return Shown(value, f"{value:,}")


def count(value: int) -> Shown:
    """A count on its own (a total): primary suppression only."""
    return shown(value)


class Suppressor:
    """Counts that are shown together, and the groups among them whose sum is known.

    Add each count with `cell`, each group (a breakdown, with its total if one is shown)
    with `group`, then `solve`; `result(handle)` gives what each count may show. A count
    that appears in several places is one cell, so it is hidden everywhere or nowhere.
    """

    def __init__(self):
        self._values: list[int] = []
        self._hidden: list[bool] = []
        self._secondary: list[bool] = []
        self._groups: list[list[int]] = []
        self._solved = False

    def cell(self, value: int) -> int:
        self._values.append(int(value))
        self._hidden.append(False)
        self._secondary.append(False)
        self._solved = False
        return len(self._values) - 1

    def cells(self, values: Sequence[int]) -> list[int]:
        return [self.cell(value) for value in values]

    def group(self, members: Sequence[int], total: int | None = None) -> None:
        """Cells that are parts of one breakdown; `total` is the cell of their sum, if shown."""
        self._groups.append([*members, *([] if total is None else [total])])
        self._solved = False

    def solve(self) -> None:
        for handle, value in enumerate(self._values):
            self._hidden[handle] = is_small(value)
        changed = True
        while changed:
            changed = False
            for group in self._groups:
                if sum(self._hidden[h] for h in group) != 1:
                    continue
                candidates = [h for h in group if not self._hidden[h] and self._values[h] > 0]
                if not candidates:
                    continue  # the others are all 0: the hidden one is its group's only count
                chosen = min(candidates, key=lambda h: (self._values[h], h))
                self._hidden[chosen] = True
                self._secondary[chosen] = True
                changed = True
        self._solved = True

    def result(self, handle: int) -> Shown:
        if not self._solved:
            self.solve()
        return shown(self._values[handle], withheld=self._secondary[handle])

    def results(self, handles: Sequence[int]) -> list[Shown]:
        return [self.result(handle) for handle in handles]


def breakdown(values: Sequence[int], total: int | None = None) -> tuple[list[Shown], Shown | None]:
    """One breakdown on its own: its parts and (if given) their total, suppressed together."""
    suppressor = Suppressor()
    parts = suppressor.cells(values)
    whole = suppressor.cell(total) if total is not None else None
    suppressor.group(parts, whole)
    return suppressor.results(parts), (suppressor.result(whole) if whole is not None else None)


def share(part: Shown, whole: Shown) -> str:
    """A percentage, shown only when both counts are shown and the whole is 5 or more."""
    if whole.hidden:
        return TOO_FEW if whole.text == FEWER_THAN_5 else WITHHELD
    if whole.number < THRESHOLD:
        return TOO_FEW
    if part.hidden:
        return part.text
    return percent(part.number, whole.number)


def percent(part: int, whole: int) -> str:
    return f"{(200 * part + whole) // (2 * whole)}%"  # rounded half up, in whole numbers


def statistic(value: float | None, items: int, unit: str = "") -> str:
    """An average, median or percentile, shown only when taken over 5 items or more."""
    if value is None or items < THRESHOLD:
        return TOO_FEW
    number = f"{value:.1f}".removesuffix(".0")
    if unit and number == "1":
        unit = unit.removesuffix("s")
    return f"{number} {unit}".strip()
