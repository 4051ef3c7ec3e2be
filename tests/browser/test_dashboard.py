"""The themes dashboard in a real browser: axe-core on the demo data's figures, filters
applied by htmx (the figures swapped, the address updated) and without JavaScript."""

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, sign_in_as


def _open_dashboard(page, email="admin@convene.test"):
    sign_in_as(page, email)
    page.wait_for_url("**/")
    response = page.goto("/dashboard")
    assert response.status == 200
    assert page.locator("h1").count() == 1
    for legend in page.locator("legend").all():
        # text_content: the date legends sit in a closed details element, so render no text.
        assert legend.text_content().strip(), "a fieldset with an empty legend"


def test_dashboard_passes_axe_and_filters_with_htmx(page, axe):
    _open_dashboard(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Themes dashboard")
    expect(page.get_by_role("img", name="Requests by theme")).to_be_visible()
    assert_accessible(axe, page)

    page.evaluate("window.convenePageMarker = 'not reloaded'")
    page.get_by_label("School phase", exact=True).select_option("primary")
    page.get_by_label("Cohort", exact=True).select_option("child_in_need")
    page.get_by_role("button", name="Show figures").click()
    page.wait_for_url("**/dashboard?*phase=primary*")
    results = page.locator("#dashboard-results")
    expect(results).to_contain_text("Only phase: Primary")
    # htmx swapped the figures in: the same page, its focus on the new figures' heading.
    assert page.evaluate("window.convenePageMarker") == "not reloaded"
    expect(page.locator("#dashboard-results h2").first).to_be_focused()
    assert_accessible(axe, page)

    page.get_by_text("Choose your own dates instead").click()
    page.locator("#from_date-day").fill("1")
    page.locator("#from_date-month").fill("9")
    page.locator("#from_date-year").fill("2025")
    page.locator("#to_date-day").fill("31")
    page.locator("#to_date-month").fill("12")
    page.locator("#to_date-year").fill("2025")
    page.get_by_role("button", name="Show figures").click()
    expect(results).to_contain_text("1 September 2025 to 31 December 2025")
    assert "from_date=1" in page.url
    assert_accessible(axe, page)
    assert page.problems.errors == []


def test_an_advisor_sees_the_dashboard(page, axe):
    _open_dashboard(page, "advisor@convene.test")
    expect(page.get_by_text("Download this table (CSV)")).to_have_count(0)
    assert_accessible(axe, page)
    assert page.problems.errors == []


def test_dashboard_filters_work_without_javascript(page_without_js):
    page = page_without_js
    _open_dashboard(page)
    page.get_by_label("School phase", exact=True).select_option("secondary")
    page.get_by_role("button", name="Show figures").click()
    page.wait_for_url("**/dashboard?*phase=secondary*")
    expect(page.locator("#dashboard-results")).to_contain_text("Only phase: Secondary")
    expect(page.get_by_role("table", name="Requests by theme")).to_be_visible()
    assert page.problems.errors == []
