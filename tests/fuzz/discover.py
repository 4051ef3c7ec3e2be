"""Finding every form and every query parameter: each role's browser walks the site from
its home page, following links, and every page's forms and links are noted against the
route they go to. Routes no link reaches are filled in from the records the world holds."""

import functools
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from werkzeug.exceptions import MethodNotAllowed, NotFound
from werkzeug.routing import RequestRedirect

from tests.fuzz.pages import Form, query_names, read
from tests.fuzz.world import ANONYMOUS

PAGES_PER_ROUTE = 2
START = ["/", "/sign-in", "/accessibility", "/account", "/calendar", "/bookings"]
SKIP_SUFFIXES = (".pdf", ".csv", ".ics")
_ARGS_READ = re.compile(r"request\.args(?:\.get(?:list)?\(\s*|\[)[\"']([^\"']+)[\"']")


@dataclass
class Found:
    # endpoint -> [(role, url)]; (endpoint, method) -> [(role, Form)]; endpoint -> {query
    # parameter}; path argument name -> {values seen}.
    pages: dict = field(default_factory=lambda: defaultdict(list))
    forms: dict = field(default_factory=lambda: defaultdict(list))
    params: dict = field(default_factory=lambda: defaultdict(set))
    values: dict = field(default_factory=lambda: defaultdict(set))


def endpoint_of(app, path: str, method: str = "GET"):
    """(endpoint, path arguments) the path is routed to, or None."""
    adapter = app.url_map.bind("localhost")
    try:
        return adapter.match(path.split("?")[0], method=method)
    except (NotFound, MethodNotAllowed, RequestRedirect):
        return None


def crawl(world, roles) -> Found:
    found = Found()
    for role in roles:
        _walk(world, role, found)
    _params_read_in_source(world.app, found)
    return found


def _walk(world, role, found: Found) -> None:
    client = world.client(role)
    seen, queue, per_endpoint = set(), list(START), defaultdict(int)
    while queue:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        match = endpoint_of(world.app, url)
        if match is None:
            continue
        endpoint, args = match
        for name, value in args.items():
            found.values[name].add(value)
        found.params[endpoint].update(query_names(url))
        if per_endpoint[endpoint] >= PAGES_PER_ROUTE or endpoint in ("static", "assets"):
            continue
        per_endpoint[endpoint] += 1
        response = client.get(url)
        found.pages[endpoint].append((role, url))
        if response.status_code != 200 or "text/html" not in response.content_type:
            continue
        forms, links = read(url, response.get_data(as_text=True))
        for form in forms:
            target = endpoint_of(world.app, form.action, form.method)
            if target is None:
                continue
            found.forms[(target[0], form.method)].append((role, form))
            for name, value in target[1].items():
                found.values[name].add(value)
            if form.method == "GET":
                found.params[target[0]].update(form.fields)
        queue.extend(link for link in links
                     if link not in seen and not link.endswith(SKIP_SUFFIXES)
                     and "sign-out" not in link)
        # Downloads are routes too: noted, with their query, but not read as pages.
        for link in links:
            if link.split("?")[0].endswith(SKIP_SUFFIXES):
                target = endpoint_of(world.app, link)
                if target is not None and (role, link) not in found.pages[target[0]]:
                    found.pages[target[0]].append((role, link))
                    found.params[target[0]].update(query_names(link))


def _params_read_in_source(app, found: Found) -> None:
    """The query parameters each view's module reads, for routes whose links do not show them."""
    for endpoint, view in app.view_functions.items():
        path = getattr(sys.modules.get(view.__module__), "__file__", None)
        if path:
            found.params[endpoint].update(_ARGS_READ.findall(_source(path)))


@functools.cache
def _source(path: str) -> str:
    return Path(path).read_text()


def distinct_forms(forms: list[tuple[str, Form]], per_role: int = 2) -> list[tuple[str, Form]]:
    """At most `per_role` forms per role, different in their fields where they differ."""
    chosen, shapes = [], defaultdict(set)
    for role, form in forms:
        shape = tuple(sorted(form.fields))
        if shape in shapes[role] or len(shapes[role]) >= per_role:
            continue
        shapes[role].add(shape)
        chosen.append((role, form))
    return chosen


def roles_for(view, every_role):
    from app.auth.permissions import allowed_roles, is_public

    if is_public(view):
        return [ANONYMOUS]
    return [role for role in every_role if role in (allowed_roles(view) or ())]
