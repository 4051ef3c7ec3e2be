"""A SENCO books a consultation slot, changes who comes, moves it and cancels it; the EP
and the invited social worker see the demo booking. With JavaScript and without."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, sign_in_as

# The demo data's request accepted for a consultation and not yet booked.
BOOKABLE = re.compile(r"AR-\d{4}-0003")
BOOK_A_SLOT = re.compile(r"^Book \d")


def choose_a_free_slot(page, axe=None):
    page.get_by_role("link", name="Book a consultation").first.click()
    page.wait_for_url("**/slots**")
    assert_accessible(axe, page)
    page.get_by_role("link", name=BOOK_A_SLOT).first.click()
    page.wait_for_url("**/slots/*/book**")
    assert_accessible(axe, page)


def fill_in_the_booking(page):
    page.get_by_label(BOOKABLE).check()
    page.locator("input[name=social_worker_name]").fill("Taylor Reid")
    page.locator("input[name=social_worker_email]").fill("socialworker@convene.test")
    page.get_by_role("button", name="Book this consultation").click()
    page.wait_for_url(re.compile(r".*/bookings/\d+$"))
    expect(page.get_by_text(re.compile(r"Consultation booked: SFC-\d{4}-\d{4}"))).to_be_visible()


def cancel_the_booking(page, axe=None):
    page.get_by_role("button", name="Cancel this booking").click()
    page.wait_for_url("**/cancel")
    assert_accessible(axe, page)
    page.get_by_label("Why is the consultation cancelled?").fill(
        "The school has arranged the support with its own link psychologist.")
    page.get_by_role("button", name="Cancel the booking").click()
    page.wait_for_url(re.compile(r".*/bookings/\d+$"))
    expect(page.locator("main")).to_contain_text("Cancelled")


def test_senco_books_changes_moves_and_cancels_a_consultation(page, axe):
    sign_in_as(page, "senco@convene.test")
    choose_a_free_slot(page, axe)
    fill_in_the_booking(page)
    assert_accessible(axe, page)
    when = page.locator("main").inner_text()

    attendees = page.locator("#attendees")
    page.get_by_label("Full name").fill("Jordan Blake")
    page.get_by_label("Role", exact=True).fill("Class teacher")
    page.get_by_label("Email address").last.fill("jordan.blake@school.example.test")
    page.get_by_label("School staff").last.check()
    page.get_by_role("button", name="Add to the invite").click()
    expect(attendees).to_contain_text("Jordan Blake")
    assert_accessible(axe, page)

    page.get_by_role("button", name="Move to another slot").click()
    page.wait_for_url("**/move")
    assert_accessible(axe, page)
    page.locator("input[name=slot_id]").last.check()
    page.get_by_role("button", name="Move the booking").click()
    page.wait_for_url(re.compile(r".*/bookings/\d+$"))
    expect(page.get_by_text(re.compile("Moved to"))).to_be_visible()
    assert page.locator("main").inner_text() != when

    cancel_the_booking(page, axe)
    assert page.problems.errors == []


def test_without_javascript_a_booking_is_made_and_cancelled_with_plain_forms(
        page_without_js):
    page = page_without_js
    sign_in_as(page, "senco@convene.test")
    choose_a_free_slot(page)
    page.get_by_label(BOOKABLE).check()
    page.locator("input[name=social_worker_email]").fill("not an email address")
    page.get_by_role("button", name="Book this consultation").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    expect(page.locator("input[name=social_worker_email]")).to_have_value("not an email address")
    page.locator("input[name=social_worker_email]").fill("")
    page.get_by_role("button", name="Book this consultation").click()
    page.wait_for_url(re.compile(r".*/bookings/\d+$"))
    cancel_the_booking(page)


def test_the_ep_and_the_invited_social_worker_see_the_demo_booking(page, axe, browser,
                                                                   live_server):
    sign_in_as(page, "ep@convene.test")
    page.get_by_role("link", name="Consultations").first.click()
    page.wait_for_url("**/bookings**")
    assert_accessible(axe, page)
    page.get_by_role("link", name=re.compile(r"SFC-\d{4}-0001")).first.click()
    expect(page.locator("main")).to_contain_text("Taylor Reid")
    assert_accessible(axe, page)

    context = browser.new_context(base_url=live_server)
    social = context.new_page()
    sign_in_as(social, "socialworker@convene.test")
    social.get_by_role("link", name=re.compile(r"SFC-\d{4}-0001")).first.click()
    social.wait_for_url(re.compile(r".*/bookings/\d+$"))
    expect(social.locator("main")).to_contain_text("Solution Focused Consultation")
    expect(social.get_by_role("link", name=re.compile(r"AR-\d{4}"))).to_have_count(0)
    assert_accessible(axe, social)
    context.close()
