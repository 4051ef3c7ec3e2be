"""One template, two entry points: the whole page, or its partial for an htmx request."""

from flask import make_response, render_template

from app.extensions import htmx


def render_page_or_partial(page: str, partial: str, /, status: int = 200, **context):
    """The partial for htmx (the page `{% include %}`s it), the whole page otherwise.

    Vary: HX-Request, so no cache hands a partial to a plain request or the reverse.
    A history restore (Back, when htmx's cache has no copy) needs the whole page.
    """
    whole_page = not htmx or htmx.boosted or htmx.history_restore_request
    template = page if whole_page else partial
    response = make_response(render_template(template, **context), status)
    response.vary.add("HX-Request")
    return response
