"""The EP records the outcome of the demo consultation held a week ago: a draft first, then
finalised, the summary sent and an amendment added. The school sees the final outcome and
downloads its PDF; the invited social worker sees it only once the summary was sent."""

import io
import re
from datetime import date, timedelta

from playwright.sync_api import expect
from pypdf import PdfReader

from tests.browser.conftest import PageProblems, assert_accessible, sign_in_as

BEST_HOPES = "Calm mornings & a settled start to lessons after lunch."
WORKING = "The key adult's check-in at the gate works on most days."
STRENGTHS = "Kind to younger pupils; enjoys art and building models."
ONE_HIGHER = "Coming into class after lunch without needing a movement break."
ACTION = "Share a visual timetable for the afternoon with home."
AMENDMENT = "Correction: the check-in works on four days out of five, not most days."


def fill_date(page, legend: str, day: date) -> None:
    group = page.get_by_role("group", name=legend, exact=True)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def signed_in(browser, live_server, email):
    context = browser.new_context(base_url=live_server)
    page = context.new_page()
    page.problems = PageProblems(page)
    sign_in_as(page, email)
    page.wait_for_url(f"{live_server}/")
    return context, page


def open_past_booking(page, reference):
    page.goto("/bookings?show=past")
    page.get_by_role("link", name=reference).first.click()
    page.wait_for_url(re.compile(r".*/bookings/\d+$"))


def record_a_draft(page, axe) -> str:
    """From the Outcomes list to a saved draft; returns the consultation's reference."""
    page.get_by_role("link", name="Outcomes").first.click()
    page.wait_for_url("**/outcomes")
    assert_accessible(axe, page)
    record = page.get_by_role("link", name=re.compile(r"^Record the outcome of SFC-")).first
    reference = re.search(r"SFC-\d{4}-\d{4}", record.inner_text()).group(0)
    record.click()
    page.wait_for_url("**/outcome/edit")
    expect(page.get_by_role("heading", level=1)).to_have_text("Record the outcome")
    assert_accessible(axe, page)

    attended = page.get_by_role("group", name="Who on the invite attended?")
    expect(attended.get_by_label("Taylor Reid")).to_be_checked()
    attended.get_by_label("Sam Patel").uncheck()  # the advisor could not come
    page.get_by_label("Best hopes").fill(BEST_HOPES)
    page.get_by_label("What is already working").fill(WORKING)
    page.get_by_label("Strengths").fill(STRENGTHS)
    page.get_by_role("group", name=re.compile("Where are things now")).get_by_label(
        "4", exact=True).check()
    page.get_by_label("What would one point higher look like?").fill(ONE_HIGHER)
    action = page.get_by_role("group", name="Action 1", exact=True)
    action.get_by_label("What will be done").fill(ACTION)
    action.get_by_label("Who will do it: their role").fill("Class teacher")
    action.get_by_label("Who will do it: their name").fill("Mr Hughes")
    fill_date(action, "By when", date.today() + timedelta(days=14))
    page.get_by_role("group", name="Themes discussed").get_by_role("checkbox").first.check()
    page.get_by_label("Follow-up consultation").check()
    fill_date(page, "Follow-up date", date.today() + timedelta(days=42))
    page.get_by_role("button", name="Save as draft").click()
    page.wait_for_url("**/outcome")
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        f"Draft outcome of {reference} saved")
    expect(page.locator("main")).to_contain_text(BEST_HOPES)
    assert_accessible(axe, page)
    return reference


def test_the_ep_records_finalises_sends_and_amends_an_outcome(page, axe, browser, live_server):
    sign_in_as(page, "ep@convene.test")
    reference = record_a_draft(page, axe)

    # Back later: the draft is on the list, and its form keeps what was typed.
    page.get_by_role("link", name="Outcomes").first.click()
    page.wait_for_url("**/outcomes")
    expect(page.locator("main")).to_contain_text("Draft")
    page.get_by_role("link", name=f"Continue the draft for {reference}").click()
    page.wait_for_url("**/outcome/edit")
    expect(page.get_by_label("Best hopes")).to_have_value(BEST_HOPES)
    expect(page.get_by_role("group", name="Who on the invite attended?").get_by_label(
        "Sam Patel")).not_to_be_checked()
    expect(page.get_by_role("group", name="Action 1", exact=True).get_by_label(
        "What will be done")).to_have_value(ACTION)
    assert_accessible(axe, page)
    page.get_by_role("button", name="Save and finalise").click()
    page.wait_for_url("**/outcome")
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        f"The outcome of {reference} is finalised")
    expect(page.locator("main")).to_contain_text("Finalised")
    expect(page.get_by_role("link", name="Continue the draft")).to_have_count(0)
    assert_accessible(axe, page)
    outcome_url = page.url

    # Final, but not sent: the social worker cannot see it yet.
    social_context, social = signed_in(browser, live_server, "socialworker@convene.test")
    open_past_booking(social, reference)
    expect(social.get_by_role("link", name="See the outcome")).to_have_count(0)
    assert social.goto(outcome_url).status == 404
    # The browser reports the 404 it was sent: that one is expected.
    assert [each for each in social.problems.errors if "404" not in each] == []
    social.problems.errors.clear()

    page.get_by_role("button", name="Send the summary").click()
    page.wait_for_url("**/outcome")
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "The summary has been sent to")
    expect(page.get_by_role("button", name="Send the summary again")).to_be_visible()
    assert_accessible(axe, page)

    page.get_by_role("button", name="Add an amendment").click()
    page.wait_for_url("**/outcome/amend")
    assert_accessible(axe, page)
    page.get_by_label("Amendment").fill(AMENDMENT)
    page.get_by_role("button", name="Add the amendment").click()
    page.wait_for_url("**/outcome#amendments")
    expect(page.locator("#amendments")).to_contain_text(AMENDMENT)
    expect(page.locator("main")).to_contain_text(WORKING)  # the original, unchanged
    assert_accessible(axe, page)
    assert page.problems.errors == []

    # Sent: now the social worker sees it (without the amendment made after sending).
    open_past_booking(social, reference)
    social.get_by_role("link", name="See the outcome").click()
    social.wait_for_url("**/outcome")
    expect(social.locator("main")).to_contain_text(BEST_HOPES)
    expect(social.locator("main")).not_to_contain_text(AMENDMENT)
    assert_accessible(axe, social)
    assert social.problems.errors == []
    social_context.close()

    school_sees_the_outcome_and_downloads_it(browser, live_server, axe, reference)


def school_sees_the_outcome_and_downloads_it(browser, live_server, axe, reference):
    context, school = signed_in(browser, live_server, "senco@convene.test")
    open_past_booking(school, reference)
    assert_accessible(axe, school)
    school.get_by_role("link", name="See the outcome").click()
    school.wait_for_url("**/outcome")
    main = school.locator("main")
    expect(main).to_contain_text("Finalised")
    for text in (BEST_HOPES, WORKING, STRENGTHS, ONE_HIGHER, ACTION, "4 out of 10",
                 "Follow-up consultation"):
        expect(main).to_contain_text(text)
    expect(school.locator("#amendments")).to_contain_text(AMENDMENT)
    assert_accessible(axe, school)

    link = school.get_by_role("link", name="Download the summary (PDF)")
    with school.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == f"{reference}.pdf"
    response = school.request.get(link.get_attribute("href"))
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    pdf = PdfReader(io.BytesIO(response.body()))
    text = " ".join(each.extract_text() for each in pdf.pages)
    assert reference in text and "Best hopes" in text
    assert BEST_HOPES in text  # the & as typed
    assert pdf.metadata["/Author"] == "Convene"
    assert school.problems.errors == []
    context.close()
