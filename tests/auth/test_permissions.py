"""Every route declares who may use it; anonymous visitors are sent to sign in, others refused."""

import pytest
from werkzeug.routing import IntegerConverter

from app.auth.permissions import allowed_roles, is_public
from app.models import Role
from tests.conftest import make_user, sign_in_with

# The only endpoints anyone may use without signing in. Adding one is a decision: do it here.
PUBLIC = {"static", "assets", "auth.sign_in", "auth.sign_out", "auth.set_password",
          "home.healthz",
          # The accessibility statement: a public service must publish one for everyone.
          "home.accessibility",
          # A calendar program fetches a person's feed without signing in: the secret token
          # in the address is the permission (app/booking/feeds.py).
          "booking.feed",
          # The code step after a right password: the person is not signed in until it is
          # done, and each page works only for the sign-in waiting in the session.
          "auth.two_factor_code", "auth.recovery_code"}


def _routes(app):
    for rule in app.url_map.iter_rules():
        if rule.endpoint in PUBLIC:
            continue
        args = {name: 1 if isinstance(conv, IntegerConverter) else "x"
                for name, conv in rule._converters.items()}
        url = rule.build(args)[1]
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            yield rule.endpoint, method, url


def test_public_endpoints_are_exactly_the_listed_ones(app):
    declared = {ep for ep, view in app.view_functions.items()
                if is_public(view) or ep == "static"}
    assert declared == PUBLIC


def test_every_other_endpoint_declares_its_roles(app):
    undeclared = [ep for ep, view in app.view_functions.items()
                  if ep not in PUBLIC and not allowed_roles(view)]
    assert undeclared == []


def test_anonymous_visitor_is_sent_to_sign_in_everywhere(app, client):
    routes = list(_routes(app))
    assert len(routes) >= 4
    for endpoint, method, url in routes:
        response = client.open(url, method=method)
        assert response.status_code == 302, (endpoint, method, response.status_code)
        assert response.headers["Location"].startswith("/sign-in"), endpoint


@pytest.mark.parametrize("role", list(Role))
def test_each_role_is_refused_where_it_is_not_allowed(app, role):
    user = make_user(role)
    client = app.test_client()
    sign_in_with(client, user)
    refused = 0
    for endpoint, method, url in _routes(app):
        if role in allowed_roles(app.view_functions[endpoint]):
            continue
        response = client.open(url, method=method)
        assert response.status_code == 403, (role, endpoint, method, response.status_code)
        refused += 1
    if role != Role.VS_ADMIN:
        assert refused > 0


def test_an_undeclared_view_is_refused_even_when_signed_in(app, sign_in, client):
    app.add_url_rule("/forgot-to-declare", "forgot", lambda: "secret")
    sign_in(Role.VS_ADMIN)
    response = client.get("/forgot-to-declare")
    assert response.status_code == 403
    assert "secret" not in response.text
