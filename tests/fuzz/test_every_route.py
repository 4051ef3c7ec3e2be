"""Every route, as every role that may use it, with hostile input in every form field, every
query parameter and the path: never a 500; a refusal (4xx) leaves every table as it was; a
400 page says what is wrong in the GOV.UK way; markup sent is never sent back unescaped.

The routes come from the app's URL map; the forms and query parameters from walking the site
as each role (tests/fuzz/discover.py). Run with -s or see the summary at the end for how
many inputs each form got."""

import functools
import io
import re
import tempfile
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import text as sa_text
from werkzeug.datastructures import MultiDict

from app import create_app
from app.extensions import db
from tests.conftest import config_for_tests
from tests.fuzz import strategies as hostile
from tests.fuzz.conftest import PROFILE, SENT, SERVER_ERRORS, STATUSES
from tests.fuzz.discover import distinct_forms, endpoint_of, roles_for
from tests.fuzz.pages import Form, read
from tests.fuzz.world import ANONYMOUS

settings.load_profile(PROFILE)

# Rows these write even when a request is refused, on purpose: the audit trail (failed
# sign-ins, views), the sign-in limits' counts, and browser sessions.
WRITTEN_WHEN_REFUSED = {"audit_event", "failed_sign_in", "web_session"}
FILES = ("static", "assets")
# Reached only half-way through signing in: the browser is taken there first.
AFTER_PASSWORD = {"auth.two_factor_code", "auth.recovery_code"}


def _routes():
    with tempfile.TemporaryDirectory() as folder:
        app = create_app(config_for_tests(Path(folder)))
    routes = []
    for rule in sorted(app.url_map.iter_rules(), key=lambda rule: rule.rule):
        if rule.endpoint in FILES:
            continue
        routes.extend(pytest.param(method, rule.rule, rule.endpoint, id=f"{method} {rule.rule}")
                      for method in sorted(rule.methods & {"GET", "POST"}))
    return routes


@functools.cache
def _counting() -> tuple[list[str], object]:
    names = [name for name in sorted(db.metadata.tables) if name not in WRITTEN_WHEN_REFUSED]
    # One plain statement, made once: building it with the ORM for every request cost more
    # than the request.
    return names, sa_text("SELECT " + ", ".join(
        f"(SELECT count(*) FROM {name})" for name in names))  # nosec B608 (our table names)


def _row_counts() -> dict:
    names, statement = _counting()
    db.session.rollback()
    row = db.session.execute(statement).one()
    db.session.rollback()
    return dict(zip(names, row, strict=True))


def _concrete(world, endpoint: str, role) -> list[str]:
    """Addresses of the route the walk reached (this role's first), or made from the
    records the world holds."""
    pages = world.found.pages.get(endpoint, [])
    mine = [url for who, url in pages if who == role]
    others = [url for who, url in pages if who != role]
    if mine or others:
        return (mine or others)[:1]
    rule = next(rule for rule in world.app.url_map.iter_rules() if rule.endpoint == endpoint)
    values = {**{name: sorted(found, key=str) for name, found in world.found.values.items()},
              **world.tokens, "version": [1, 2]}
    args = {}
    for name in rule.arguments:
        if not values.get(name):
            return []
        args[name] = values[name][0]
    with world.app.test_request_context():
        from flask import url_for

        return [url_for(endpoint, **args)]


def _forms_for(world, endpoint: str, method: str, role) -> list[Form]:
    found = world.found.forms.get((endpoint, method), [])
    mine = distinct_forms([(who, form) for who, form in found if who == role])
    if mine:
        return [form for _who, form in mine]
    # A role the pages offer no such form: it may still post one (and should be refused).
    borrowed = distinct_forms([(who, form) for who, form in found], per_role=1)[:1]
    if borrowed:
        return [form for _who, form in borrowed]
    return [Form(page=url, action=url, method=method) for url in _concrete(world, endpoint, role)]


def _client(world, role, endpoint):
    client = world.client(role)
    if endpoint in AFTER_PASSWORD:
        from app.demo import DEMO_PASSWORD

        advisor = world.people[next(r for r in world.people if r.value == "vs_advisor")]
        client.post("/sign-in", data={"email": advisor.email, "password": DEMO_PASSWORD})
    return client


def _send(world, client, method, url, pairs, headers, route, role):
    """One request, and what must hold of its answer."""
    before = _row_counts()
    files = any(isinstance(value, tuple) for _name, value in pairs)
    try:
        if method == "GET":
            separator = "&" if "?" in url else "?"
            target = url + (separator + urlencode(pairs) if pairs else "")
            response = client.get(target, headers=headers)
        else:
            response = client.post(url, data=MultiDict(pairs), headers=headers,
                                   content_type="multipart/form-data" if files else None)
    except Exception as error:
        SERVER_ERRORS.append(f"{route} as {role}: {type(error).__name__}: {error}"[:300])
        raise
    SENT[(route, role)] += 1
    STATUSES[response.status_code] += 1
    where = f"{method} {url} as {role} with {pairs!r:.600} {headers}"
    if response.status_code >= 500:
        SERVER_ERRORS.append(f"{route} as {role}: {response.status_code}")
    assert response.status_code < 500, where
    html = "text/html" in response.content_type
    text = response.get_data(as_text=True) if html else ""
    if 400 <= response.status_code < 500:
        after = _row_counts()
        changed = {name: (before[name], after[name]) for name in before
                   if before[name] != after[name]}
        assert not changed, f"refused with {response.status_code} but changed {changed}: {where}"
        if response.status_code == 400 and html and "HX-Request" not in headers:
            assert ("govuk-error-summary" in text or "govuk-error-message" in text
                    or "Sorry, that did not work" in text), f"400 without a GOV.UK error: {where}"
    if html:
        for _name, value in pairs:
            for payload in hostile.MARKUP:
                if "<" in payload and isinstance(value, str) and payload in value:
                    assert payload not in text, f"markup sent back unescaped: {where}"
    return response


def _with_files(form: Form, pairs):
    uploads = {item.name for item in form.fields.values() if item.kind == "file"}
    return [(name, (io.BytesIO(value.encode("utf-8", "replace")), "upload.csv"))
            if name in uploads else (name, value) for name, value in pairs]


@pytest.mark.parametrize(("method", "rule", "endpoint"), _routes())
def test_no_input_gives_a_server_error(world, method, rule, endpoint):
    world.put_people_back()
    route = f"{method} {rule}"
    roles = roles_for(world.app.view_functions[endpoint], list(world.people))
    targets = 0
    for role in roles:
        label = role if role == ANONYMOUS else role.value
        forms = _forms_for(world, endpoint, method, role)
        if method == "GET":
            names = sorted(world.found.params.get(endpoint, set()))
            forms += [Form(page=url, action=url, method="GET")
                      for url in _concrete(world, endpoint, role)
                      if not any(form.action.split("?")[0] == url.split("?")[0]
                                 for form in forms)]
        else:
            names = []
        for form in forms:
            targets += 1
            _fuzz(world, form, method, route, label, role, endpoint, names)
    assert targets, f"nothing found to send to {route}"


def _fuzz(world, form, method, route, label, role, endpoint, names):
    path_args = endpoint_of(world.app, form.action, method)
    path_args = path_args[1] if path_args else {}
    rule = next(r for r in world.app.url_map.iter_rules() if r.endpoint == endpoint)

    @settings(parent=settings.get_profile(PROFILE))
    @given(st.data())
    def run(data):
        url = form.action
        choice = data.draw(st.integers(0, 9), label="what to bend")
        if choice == 0 and path_args:
            # One part of the path bent: an id, a reference, a token.
            name = data.draw(st.sampled_from(sorted(path_args)), label="path part")
            kind = "int" if rule._converters[name].__class__.__name__ == "IdConverter" else "str"
            bad = data.draw(hostile.path_value(kind), label="path value")
            url = _replace_path(rule, path_args, name, bad)
            pairs, headers = form.filled(), {}
        else:
            pairs, headers = data.draw(hostile.form_data(form), label="form")
            if method == "GET" and names:
                pairs += data.draw(hostile.query(names), label="query")
            if method == "GET" and form.action != form.page and "?" in form.action:
                url = form.action.split("?")[0]
        client = _client(world, role, endpoint)
        response = _send(world, client, method, url, _with_files(form, pairs), headers,
                         route, label)
        if method == "POST" and response.status_code == 200 and "HX-Request" not in headers:
            read(url, response.get_data(as_text=True))  # the page re-shown must parse

    run()


def _replace_path(rule, path_args, name, bad) -> str:
    """The route's address with one part of its path replaced (url_for would refuse it)."""

    def part(match):
        value = bad if match.group(1) == name else str(path_args[match.group(1)])
        return quote(value, safe="")

    return re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", part, rule.rule)
