"""With JavaScript on, a SENCO writes a phrase the guard takes for a name: leaving the field
shows the error and a box to confirm it is not a person's name; ticking it lets the answer
through, and the page passes axe-core at each step."""

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, sign_in_as

NAMED = "Weekly sessions with Jack Smith, the reading scheme puppet, calm the start of the day."
NOT_A_NAME = "‘Jack Smith’ is not a person’s name"


def test_a_flagged_name_is_confirmed_as_the_user_leaves_the_field(page, axe):
    sign_in_as(page, "senco@convene.test")
    page.goto("/requests/new")
    page.get_by_label("C-5KQ8ZD", exact=False).check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Attendance").check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Transition").check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("button", name="Continue").click()  # attendance not known

    page.get_by_label("What has been tried so far?").fill(NAMED)
    page.get_by_label("For how long?").focus()  # leaving the field checks it
    box = page.get_by_label(NOT_A_NAME)
    box.wait_for()
    expect(page.locator(".govuk-error-message", has_text="Jack Smith")).to_be_visible()
    expect(box).not_to_be_checked()
    assert_accessible(axe, page)

    box.check()
    page.get_by_label("For how long?").fill("Since September")
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/support")
    expect(page.get_by_role("heading", name="What would you like from the Virtual School?")
           ).to_be_visible()

    page.get_by_role("link", name="Back").click()
    page.wait_for_url("**/tried")
    # Saved with the request: the answer passes as it is, with nothing more to tick.
    expect(page.get_by_label("What has been tried so far?")).to_have_value(NAMED)
    page.get_by_label("What has been tried so far?").press("End")
    page.get_by_label("What has been tried so far?").type(" Twice a week.")
    page.get_by_label("For how long?").focus()
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/support")
    assert page.problems.errors == []
