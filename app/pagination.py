"""Paging long lists 50 at a time, with the GOV.UK pagination component's links."""

from flask import url_for

from app.extensions import db

PER_PAGE = 50
# A guard against absurd page numbers in a typed URL (they would be an OFFSET scan).
MAX_PAGE = 10_000


def paginate(stmt, number: int):
    """One page of a select; a page past the end (the list shrank) shows the last page."""
    page = db.paginate(stmt, page=min(max(number, 1), MAX_PAGE), per_page=PER_PAGE,
                       error_out=False)
    if page.pages and page.page > page.pages:
        page = db.paginate(stmt, page=page.pages, per_page=PER_PAGE, error_out=False)
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
