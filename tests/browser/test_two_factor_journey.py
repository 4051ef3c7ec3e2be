"""An educational psychologist sets up two-factor sign-in at their first sign-in, then signs
in with a code from their authenticator app."""

import time

import pyotp
from playwright.sync_api import expect

from app.demo import DEMO_PASSWORD
from app.extensions import db
from app.models import Role, User
from app.services.passwords import hash_password
from tests.browser.conftest import assert_accessible

EMAIL = "new.ep@convene.test"


def test_an_ep_sets_up_two_factor_sign_in_and_signs_in_with_a_code(live_app, page, axe):
    with live_app.app_context():
        db.session.add(User(email=EMAIL, name="Dr Rowan Ellis", job_title="EP",
                            role=Role.EDUCATIONAL_PSYCHOLOGIST,
                            password_hash=hash_password(DEMO_PASSWORD)))
        db.session.commit()

    def password_step():
        page.goto("/sign-in")
        page.get_by_label("Email address").fill(EMAIL)
        page.get_by_label("Password", exact=True).fill(DEMO_PASSWORD)
        page.get_by_role("button", name="Sign in").click()

    password_step()
    page.wait_for_url("**/two-factor/set-up")
    expect(page.get_by_role("heading", name="Set up two-factor sign-in")).to_be_visible()
    expect(page.get_by_role("img", name="A QR code for adding Convene")).to_be_visible()
    assert_accessible(axe, page)
    # Other pages wait until it is set up.
    page.goto("/bookings")
    page.wait_for_url("**/two-factor/set-up")

    secret = page.locator("#secret").inner_text().replace(" ", "")
    authenticator = pyotp.TOTP(secret)
    page.get_by_label("Code from your authenticator app").fill("000000"
                                                               if authenticator.now() != "000000"
                                                               else "111111")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("The code is not right")
    assert page.title().startswith("Error: ")
    assert_accessible(axe, page)
    # Chromium reports the refused form's 400 as a failed load: expected, here only.
    assert page.problems.errors == [
        "Failed to load resource: the server responded with a status of 400 (BAD REQUEST)"]
    page.problems.errors.clear()

    page.get_by_label("Code from your authenticator app").fill(authenticator.now())
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="Save your recovery codes")).to_be_visible()
    expect(page.locator(".convene-recovery-codes li")).to_have_count(10)
    assert_accessible(axe, page)
    page.get_by_role("button", name="I have saved these codes").click()
    page.wait_for_url("**/")
    expect(page.get_by_role("heading", name="Hello, Dr Rowan Ellis")).to_be_visible()

    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url("**/sign-in")
    password_step()
    page.wait_for_url("**/sign-in/code")
    expect(page.get_by_role("heading",
                            name="Enter the code from your authenticator app")).to_be_visible()
    assert_accessible(axe, page)
    # The code just used to set it up would be refused: the app's next one is taken.
    page.get_by_label("Code from your authenticator app").fill(
        authenticator.at(time.time() + 30))
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/")
    expect(page.get_by_role("heading", name="Hello, Dr Rowan Ellis")).to_be_visible()

    page.get_by_role("link", name="Your account").click()
    expect(page.get_by_text("On: you enter a code from your authenticator app")).to_be_visible()
    assert_accessible(axe, page)
    assert page.problems.errors == []
