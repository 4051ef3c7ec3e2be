"""What browsers and proxies may keep: never a page (signed in, or one carrying a sign-in or
set-password token), always our static files."""

import pytest

from app.auth.tokens import make_set_password_token
from app.models import Role
from tests.conftest import make_user


def test_the_set_password_page_is_never_stored(client):
    user = make_user(password_hash=None)
    response = client.get(f"/set-password/{make_set_password_token(user)}")
    assert response.status_code == 200
    assert "no-store" in response.headers["Cache-Control"]


def test_an_expired_set_password_link_is_not_stored_either(client):
    response = client.get("/set-password/not-a-token")
    assert response.status_code == 404
    assert "no-store" in response.headers["Cache-Control"]


def test_the_sign_in_page_is_never_stored(client):
    assert "no-store" in client.get("/sign-in").headers["Cache-Control"]


def test_signed_in_pages_are_never_stored(client, sign_in):
    sign_in(Role.VS_ADMIN)
    assert client.get("/").headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize("path", ["/static/app.css", "/static/app.js"])
def test_static_files_can_be_cached_when_signed_in(client, sign_in, path):
    sign_in(Role.SCHOOL_STAFF)
    response = client.get(path)
    assert response.status_code == 200
    assert "no-store" not in response.headers.get("Cache-Control", "")


def test_gov_uk_assets_are_cached_for_a_day_when_signed_in(client, sign_in):
    sign_in(Role.VS_ADVISOR)
    response = client.get("/assets/images/favicon.ico")
    assert response.status_code == 200
    assert "no-store" not in response.headers["Cache-Control"]
    assert "max-age=86400" in response.headers["Cache-Control"]
