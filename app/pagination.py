"""Paging long lists 50 at a time, with the GOV.UK pagination component's links."""

from flask import url_for
from flask_sqlalchemy.pagination import Pagination

from app.extensions import db

PER_PAGE = 50
# A guard against absurd page numbers in a typed URL (they would be an OFFSET scan).
MAX_PAGE = 10_000


def paginate(stmt, number: int):
    """One page of a select; a page past the end (the list shrank) shows the last page."""
    return _within_the_list(
        lambda n: db.paginate(stmt, page=n, per_page=PER_PAGE, error_out=False), number)


class RowPagination(Pagination):
    """A page of plain rows (a select of columns, not of entities), with the total from a
    given count statement: one that need not join what the rows show.

    Both run on the session's connection (its transaction) without the ORM's result
    handling, which plain rows do not need and which costs more than the query."""

    def _query_items(self) -> list:
        rows = self._query_args["rows"].limit(self.per_page).offset(self._query_offset)
        return db.session.connection().execute(rows).all()

    def _query_count(self) -> int:
        return db.session.connection().scalar(self._query_args["counting"])


def paginate_rows(rows, counting, number: int) -> RowPagination:
    """One page of `rows` (an ordered select of columns), `counting` (a select of the
    count of all of them) giving the total; past the end, the last page."""
    return _within_the_list(
        lambda n: RowPagination(page=n, per_page=PER_PAGE, error_out=False, rows=rows,
                                counting=counting), number)


def _within_the_list(page_at, number: int):
    page = page_at(min(max(number, 1), MAX_PAGE))
    if page.pages and page.page > page.pages:
        page = page_at(page.pages)
    return page


def pagination_links(page, endpoint: str, **args) -> dict | None:
    """Parameters for govukPagination; every link keeps the list's filters (args)."""
    if page.pages <= 1:
        return None

    def href(number: int) -> str:
        return url_for(endpoint, page=number if number > 1 else None, **args)

    numbers = page.iter_pages(left_edge=1, left_current=1, right_current=2, right_edge=1)
    links = {"items": [{"number": n, "href": href(n), "current": n == page.page}
                       if n else {"ellipsis": True} for n in numbers]}
    if page.has_prev:
        links["previous"] = {"href": href(page.prev_num)}
    if page.has_next:
        links["next"] = {"href": href(page.next_num)}
    return links
