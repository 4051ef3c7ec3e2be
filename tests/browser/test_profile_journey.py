"""The SENCO creates C-9HX4MB's One Page Profile, changes one answer, compares the two
versions and downloads the one-page PDF. Without JavaScript, another child's profile is
saved with the plain form, after the identifier guard refuses a name."""

import io
from datetime import date

from playwright.sync_api import expect
from pypdf import PdfReader

from tests.browser.conftest import assert_accessible, sign_in_as

CHILD = "C-9HX4MB"
ANSWERS = {
    "What people like and admire about me": "I am funny & I always help my friends.",
    "What is important to me": "My gran, my dog and football on Saturdays.",
    "How best to support me": "Tell me what is happening next, and give me time to answer.",
    "My triggers and stressors": "Loud rooms and changes to the plan I did not know about.",
    "Signs that I am becoming distressed": "I go quiet and pull my sleeves over my hands.",
    "What helps me to calm and co-regulate": "A walk with my key adult.",
}
CALMING = "What helps me to calm and co-regulate"
CALMING_NOW = "A walk with my key adult, or drawing in the library corner."


def fill_date(page, legend: str, day: date) -> None:
    group = page.get_by_role("group", name=legend, exact=True)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def open_the_profile(page, child, axe=None):
    page.get_by_role("link", name="Child records").first.click()
    page.wait_for_url("**/children")
    page.get_by_role("link", name=child).first.click()
    page.wait_for_url(f"**/children/{child}")
    page.get_by_role("link", name="One Page Profile").click()
    page.wait_for_url(f"**/children/{child}/profile")
    assert_accessible(axe, page)


def test_senco_creates_changes_compares_and_downloads_a_profile(page, axe):
    sign_in_as(page, "senco@convene.test")
    open_the_profile(page, CHILD, axe)
    expect(page.locator("main")).to_contain_text(f"There is no One Page Profile for {CHILD}")
    page.get_by_role("button", name="Create the profile").click()
    page.wait_for_url(f"**/children/{CHILD}/profile/edit")
    assert_accessible(axe, page)
    for label, answer in ANSWERS.items():
        page.get_by_label(label, exact=True).fill(answer)
    page.get_by_label("Who completed the profile?").fill("SENCO and key adult")
    page.get_by_label("The child (their own voice)").check()
    fill_date(page, "When was it completed?", date.today())
    page.get_by_role("button", name="Save the profile").click()
    page.wait_for_url(f"**/children/{CHILD}/profile")
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Version 1 saved")
    for answer in ANSWERS.values():
        expect(page.locator("main")).to_contain_text(answer)
    assert_accessible(axe, page)

    page.get_by_role("button", name="Change the profile").click()
    page.wait_for_url(f"**/children/{CHILD}/profile/edit")
    calming = page.get_by_label(CALMING, exact=True)
    expect(calming).to_have_value(ANSWERS[CALMING])
    calming.fill(CALMING_NOW)
    page.get_by_role("button", name="Save the profile").click()
    page.wait_for_url(f"**/children/{CHILD}/profile")
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Version 2 saved")
    expect(page.locator("main")).to_contain_text(CALMING_NOW)

    page.get_by_role("link", name="Compare versions").click()
    page.wait_for_url(f"**/children/{CHILD}/profile/compare")
    expect(page.locator("main")).to_contain_text("Version 1 compared with version 2")
    changed = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name=CALMING))
    expect(changed).to_contain_text("Changed")
    expect(changed.locator("ins")).to_contain_text("or drawing in the library corner")
    unchanged = page.get_by_role("row").filter(
        has=page.get_by_role("rowheader", name="What is important to me"))
    expect(unchanged).to_contain_text("Not changed")
    expect(unchanged.locator("ins, del")).to_have_count(0)
    assert_accessible(axe, page)

    page.get_by_role("link", name="Back to the profile").click()
    page.wait_for_url(f"**/children/{CHILD}/profile")
    link = page.get_by_role("button", name="Download the profile (PDF, one page)")
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == f"{CHILD}.pdf"
    response = page.request.get(link.get_attribute("href"))
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    pdf = PdfReader(io.BytesIO(response.body()))
    assert len(pdf.pages) == 1
    text = pdf.pages[0].extract_text()
    assert CALMING in text and "Version 2" in text
    assert ANSWERS["What people like and admire about me"] in text  # the & as typed
    assert pdf.metadata["/Author"] == "Convene"
    assert page.problems.errors == []


def test_without_javascript_a_profile_is_saved_with_the_plain_form(page_without_js):
    page = page_without_js
    child = "C-2RWD8N"
    sign_in_as(page, "senco@convene.test")
    page.goto(f"/children/{child}/profile/edit")
    important = page.get_by_label("What is important to me", exact=True)
    important.fill("Visiting Olivia Brown at the weekend.")
    page.get_by_label("Who completed the profile?").fill("Designated teacher")
    fill_date(page, "When was it completed?", date.today())
    page.get_by_role("button", name="Save the profile").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("a name")
    expect(important).to_have_value("Visiting Olivia Brown at the weekend.")
    expect(page.get_by_label("Who completed the profile?")).to_have_value("Designated teacher")

    important.fill("Visiting my aunt at the weekend.")
    page.get_by_role("button", name="Save the profile").click()
    page.wait_for_url(f"**/children/{child}/profile")
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Version 1 saved")
    expect(page.locator("main")).to_contain_text("Visiting my aunt at the weekend.")
