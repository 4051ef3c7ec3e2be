"""Each role signs in, lands on their home page, and the pages pass axe-core."""

import pytest
from playwright.sync_api import expect

from app.demo import DEMO_USERS
from tests.browser.conftest import assert_accessible, sign_in_as


def test_sign_in_page_is_accessible(page, axe):
    page.goto("/sign-in")
    expect(page.get_by_role("heading", name="Sign in to Convene")).to_be_visible()
    assert_accessible(axe, page)
    assert page.problems.errors == []


@pytest.mark.parametrize("demo", DEMO_USERS, ids=lambda d: d.email.split("@")[0])
def test_each_role_signs_in_to_an_accessible_home_page(page, axe, demo):
    sign_in_as(page, demo.email)
    page.wait_for_url("**/")
    expect(page.get_by_role("heading", name=f"Hello, {demo.name}")).to_be_visible()
    assert page.locator("body.js-enabled.govuk-frontend-supported").count() == 1
    assert_accessible(axe, page)
    assert page.problems.errors == []


def test_wrong_password_shows_a_gov_uk_error_summary(page, axe):
    sign_in_as(page, "admin@convene.test", "not the password")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    assert "Enter a correct email address and password" in summary.inner_text()
    assert page.get_by_label("Email address").input_value() == "admin@convene.test"
    assert page.title().startswith("Error: ")
    assert_accessible(axe, page)


def test_sign_in_and_out_work_without_javascript(page_without_js):
    page = page_without_js
    sign_in_as(page, "advisor@convene.test")
    page.wait_for_url("**/")
    expect(page.get_by_role("heading", name="Hello, Sam Patel")).to_be_visible()
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url("**/sign-in")
    expect(page.get_by_text("You have signed out")).to_be_visible()


def test_sign_out_with_javascript(page):
    sign_in_as(page, "ep@convene.test")
    page.wait_for_url("**/")
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url("**/sign-in")
    page.goto("/")
    assert "/sign-in" in page.url
