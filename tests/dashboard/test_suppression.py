"""Small-number suppression on its own: primary, secondary, totals and shares."""

from app.dashboard.suppression import (
    FEWER_THAN_5,
    TOO_FEW,
    WITHHELD,
    Suppressor,
    breakdown,
    count,
    percent,
    share,
    statistic,
)


def texts(shown):
    return [each.text for each in shown]


def test_counts_from_1_to_4_are_fewer_than_5_and_0_and_5_are_shown():
    assert [count(n).text for n in range(7)] == [
        "0", FEWER_THAN_5, FEWER_THAN_5, FEWER_THAN_5, FEWER_THAN_5, "5", "6"]
    assert count(3).number is None and count(5).number == 5
    assert count(12345).text == "12,345"


def test_one_small_count_in_a_breakdown_withholds_the_next_smallest():
    parts, total = breakdown([20, 3, 0, 7, 9], 39)
    assert texts(parts) == ["20", FEWER_THAN_5, "0", WITHHELD, "9"]
    assert total.text == "39"


def test_two_small_counts_need_nothing_more():
    parts, total = breakdown([20, 3, 2, 7], 32)
    assert texts(parts) == ["20", FEWER_THAN_5, FEWER_THAN_5, "7"]
    assert total.text == "32"


def test_a_zero_is_never_the_one_withheld():
    parts, total = breakdown([0, 3, 0, 6], 9)
    assert texts(parts) == ["0", FEWER_THAN_5, "0", WITHHELD]
    assert total.text == "9"


def test_a_small_total_is_suppressed_and_a_lone_small_count_is_left_with_its_zeros():
    parts, total = breakdown([0, 3, 0], 3)
    assert texts(parts) == ["0", FEWER_THAN_5, "0"]
    assert total.text == FEWER_THAN_5


def test_when_only_the_total_could_give_it_away_the_total_is_withheld():
    """Months of a term: one month hidden, the rest 0, the term's total shown elsewhere."""
    suppressor = Suppressor()
    month = suppressor.cells([0, 6, 0])
    term_total = suppressor.cell(6)
    year_total = suppressor.cell(14)
    other = suppressor.cells([8, 3])
    suppressor.group([*month, *other], year_total)
    suppressor.group(month, term_total)
    # The 3 withholds the 6 (the smaller of 8 and 6), and then the term's total must go.
    assert texts(suppressor.results(month)) == ["0", WITHHELD, "0"]
    assert texts(suppressor.results(other)) == ["8", FEWER_THAN_5]
    assert suppressor.result(term_total).text == WITHHELD
    assert suppressor.result(year_total).text == "14"


def test_a_count_shared_by_two_groups_is_hidden_in_both():
    """A grid: hiding one cell for its row leaves its column with one hidden, and so on."""
    suppressor = Suppressor()
    grid = [suppressor.cells(row) for row in ([2, 10, 12], [9, 11, 13])]
    for row in grid:
        suppressor.group(row)
    for column in zip(*grid, strict=True):
        suppressor.group(column)
    shown = [texts(suppressor.results(row)) for row in grid]
    assert shown == [[FEWER_THAN_5, WITHHELD, "12"], [WITHHELD, WITHHELD, "13"]]
    # No row or column is left with exactly one hidden count.
    for line in [*shown, *[list(c) for c in zip(*shown, strict=True)]]:
        assert sum(cell in (FEWER_THAN_5, WITHHELD) for cell in line) != 1


def test_shares_need_5_items_and_shown_counts():
    assert share(count(3), count(10)).startswith(FEWER_THAN_5)
    assert share(count(6), count(4)) == TOO_FEW
    assert share(count(0), count(0)) == TOO_FEW
    assert share(count(5), count(20)) == "25%"
    (part, rest), whole = breakdown([6, 3], 9)
    assert share(part, whole) == WITHHELD


def test_percentages_round_half_up():
    assert percent(1, 8) == "13%"  # 12.5
    assert percent(2, 3) == "67%"
    assert percent(0, 7) == "0%"


def test_statistics_of_fewer_than_5_items_are_not_shown():
    assert statistic(12.0, 4, "days") == TOO_FEW
    assert statistic(None, 9, "days") == TOO_FEW
    assert statistic(12.0, 5, "days") == "12 days"
    assert statistic(1.0, 5, "days") == "1 day"
    assert statistic(3.2857, 7) == "3.3"
