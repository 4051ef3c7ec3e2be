"""A SENCO asks for advice: the form refuses an identifier and takes the fix, with and
without JavaScript, and every page passes axe-core."""

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, sign_in_as

NAMED = "Jack Smith finds mornings hard and arrives upset."
FIXED = "The child finds mornings hard and arrives upset."


def _choose_child(page, axe, reference):
    page.goto("/requests/new")
    assert_accessible(axe, page)
    page.get_by_label(reference, exact=False).check()
    page.get_by_role("button", name="Continue").click()


def _answer(page, axe, javascript: bool):
    page.get_by_label("Attendance").check()
    assert_accessible(axe, page)
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Transition").check()
    assert_accessible(axe, page)
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("What is the child's attendance this term?").fill("81")
    assert_accessible(axe, page)
    page.get_by_role("button", name="Continue").click()

    tried = page.get_by_label("What has been tried so far?")
    tried.fill(NAMED)
    if javascript:
        page.get_by_label("For how long?").focus()  # leaving the field checks it
        error = page.locator(".govuk-error-message", has_text="Jack Smith")
        error.wait_for()
        assert_accessible(axe, page)
        page.get_by_label("What has been tried so far?").fill(FIXED)
        page.get_by_label("For how long?").fill("Since September")
        error.wait_for(state="detached")
    else:
        page.get_by_label("For how long?").fill("Since September")
        page.get_by_role("button", name="Continue").click()
        summary = page.locator(".govuk-error-summary")
        assert "Jack Smith" in summary.inner_text()
        assert page.get_by_label("What has been tried so far?").input_value() == NAMED
        assert_accessible(axe, page)
        page.get_by_label("What has been tried so far?").fill(FIXED)
    page.get_by_role("button", name="Continue").click()

    page.get_by_label("A Solution Focused Consultation").check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("What would you like the Virtual School to help with?").fill(
        "How can we make the start of the day calmer?")
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Allocated and involved in this request").check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Parent", exact=True).check()
    page.get_by_label("Day").fill("3")
    page.get_by_label("Month").fill("11")
    page.get_by_label("Year").fill("2026")
    page.get_by_label("What did they consent to?").fill("Advice and a consultation.")
    page.get_by_label("I confirm that the parent or carer has given consent").check()
    assert_accessible(axe, page)
    page.get_by_role("button", name="Continue").click()


def _check_and_send(page, axe):
    page.wait_for_url("**/check")
    expect(page.get_by_role("heading", name="Check your answers")).to_be_visible()
    assert FIXED in page.locator(".govuk-summary-list").inner_text()
    assert_accessible(axe, page)
    page.get_by_role("button", name="Send request").click()
    panel = page.locator(".govuk-panel")
    panel.wait_for()
    assert "Request sent" in panel.inner_text()
    assert "AR-" in panel.inner_text()
    assert_accessible(axe, page)


def test_advice_request_with_javascript(page, axe):
    sign_in_as(page, "senco@convene.test")
    _choose_child(page, axe, "C-7F3K2Q")
    _answer(page, axe, javascript=True)
    _check_and_send(page, axe)
    assert page.problems.errors == []


def test_advice_request_without_javascript(page_without_js):
    page = page_without_js
    sign_in_as(page, "senco@convene.test")
    _choose_child(page, None, "C-9HX4MB")
    _answer(page, None, javascript=False)
    _check_and_send(page, None)
