"""The Virtual School triages a request and gives written advice; the school sees it."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, sign_in_as

FIRST_REFERENCE = re.compile(r"AR-\d{4}-0001")
ADVICE = "Try a visual timetable for the morning and a check-in with the key adult at 10am."


def test_advisor_triages_and_the_school_sees_the_advice(page, axe, browser, live_server):
    sign_in_as(page, "advisor@convene.test")
    page.get_by_role("link", name="Requests").first.click()
    page.wait_for_url("**/triage**")
    assert_accessible(axe, page)
    # The demo data's request: the first reference of the year.
    page.get_by_role("link", name=FIRST_REFERENCE).click()
    page.wait_for_url("**/requests/*")
    expect(page.get_by_role("heading", level=1)).to_contain_text(FIRST_REFERENCE)
    assert_accessible(axe, page)
    page.get_by_label("Written advice").check()
    page.get_by_role("button", name="Accept").click()
    advice = page.locator("textarea[name=advice]")
    advice.wait_for(state="visible")
    advice.fill(ADVICE)
    assert_accessible(axe, page)
    page.get_by_role("button", name="Send advice and close the request").click()
    page.get_by_text(ADVICE).first.wait_for()
    assert page.problems.errors == []

    context = browser.new_context(base_url=live_server)
    school_page = context.new_page()
    sign_in_as(school_page, "senco@convene.test")
    school_page.goto("/requests")
    school_page.get_by_role("link", name=FIRST_REFERENCE).click()
    school_page.wait_for_url("**/requests/*")
    expect(school_page.get_by_text(ADVICE).first).to_be_visible()
    assert_accessible(axe, school_page)
    context.close()
