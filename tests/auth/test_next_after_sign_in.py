"""Where signing in sends someone: only ever a page on this site."""

import pytest

from tests.conftest import PASSWORD, make_user

OFF_SITE = [
    "//evil.test",
    "//evil.test/path",
    "///evil.test",
    "/\\evil.test",
    "\\\\evil.test",
    "/%09/evil.test",
    "/%0a/evil.test",
    "/%0d/evil.test",
    "/%0d%0a/evil.test",
    "/%20/evil.test",
    "%20//evil.test",
    "%09//evil.test",
    "/%2F%2Fevil.test",
    "/%2f/evil.test",
    "/%5Cevil.test",
    "/%5c%5cevil.test",
    "https://evil.test",
    "http:evil.test",
    "https:/evil.test",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,hi",
    "evil.test",
    "admin/users",
    "/%E2%80%8B/evil.test",
    "/\u202e/evil.test",
    "/admin/users\r\nSet-Cookie: x=1",
    "/admin/users%0d%0aSet-Cookie:%20x=1",
    "//user@evil.test",
    "/%252F%252Fevil.test",
    "/%255Cevil.test",
    "/%25%30%39/evil.test",
    "/\u3000/evil.test",
    "/\u00a0/evil.test",
    "\uff0f\uff0fevil.test",
    "/\uff0fevil.test",
]


def _sign_in_with_next(client, query: str):
    user = make_user()
    return client.post(f"/sign-in?next={query}", data={"email": user.email,
                                                       "password": PASSWORD})


@pytest.mark.parametrize("target", OFF_SITE)
def test_next_that_could_leave_the_site_goes_home_instead(client, target):
    response = _sign_in_with_next(client, target)
    assert response.status_code == 302
    assert response.headers["Location"] == "/"


def test_a_nul_in_next_refuses_the_whole_request_and_signs_no_one_in(client):
    # NUL is refused everywhere with a 400 before any view runs (no redirect at all).
    response = _sign_in_with_next(client, "/%00/evil.test")
    assert response.status_code == 400
    assert "Location" not in response.headers
    assert client.get("/").status_code == 302  # still signed out: sent to sign in


@pytest.mark.parametrize("target", ["/admin/users", "/requests?status=submitted&page=2",
                                    "/dashboard?from_date=1&from_date=10&from_date=2026"])
def test_next_on_this_site_is_followed(client, target):
    response = _sign_in_with_next(client, target.replace("&", "%26").replace("?", "%3F"))
    assert response.status_code == 302
    assert response.headers["Location"] == target


def test_next_kept_through_the_sign_in_page_still_refuses_a_tab_trick(client):
    # The sign-in form posts back to the address it was shown at, next included.
    page = client.get("/sign-in?next=/%09/evil.test")
    assert page.status_code == 200
    response = _sign_in_with_next(client, "/%09/evil.test")
    assert response.headers["Location"] == "/"
