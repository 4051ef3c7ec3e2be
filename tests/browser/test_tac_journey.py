"""The SENCO schedules a Team Around the Child meeting for C-7F3K2Q, writes up the demo
meeting held three days ago with an action, and ticks the action off on the tracker (in
place, with htmx); the school's tracker shows it done."""

import re
from datetime import date, timedelta

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, sign_in_as

CHILD = "C-7F3K2Q"
ACADEMIC = "Reading age up six months since the summer; maths on track."
WELLBEING = "Happier at lunchtimes since joining the gardening club."
ACTION = "Set up a lunchtime gardening club place for the spring term."


def fill_date(scope, legend: str, day: date) -> None:
    group = scope.get_by_role("group", name=legend, exact=True)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def open_the_childs_meetings(page, axe):
    page.get_by_role("link", name="Child records").first.click()
    page.wait_for_url("**/children")
    page.get_by_role("link", name=CHILD).first.click()
    page.wait_for_url(f"**/children/{CHILD}")
    assert_accessible(axe, page)
    page.get_by_role("link", name="Team Around the Child meetings").click()
    page.wait_for_url(f"**/children/{CHILD}/tac")
    assert_accessible(axe, page)


def schedule_a_meeting(page, axe):
    page.get_by_role("button", name="Schedule a meeting").click()
    page.wait_for_url(f"**/children/{CHILD}/tac/new")
    assert_accessible(axe, page)
    day = date.today() + timedelta(days=10)
    fill_date(page, "Date", day)
    page.get_by_label("Start time").fill("10:00")
    page.get_by_label("End time").fill("11:00")
    page.get_by_label("Where (optional if there is a meeting link)").fill(
        "School meeting room")
    attendee = page.get_by_role("group", name="Attendee 1", exact=True)
    attendee.get_by_label("Name").fill("Jordan Blake")
    attendee.get_by_label("Role").fill("Family support worker")
    attendee.get_by_label("Agency").fill("Early help")
    attendee.get_by_label("Email address (optional)").fill("jordan.blake@example.test")
    page.get_by_role("button", name="Schedule the meeting").click()
    page.wait_for_url(re.compile(r".*/tac/\d+$"))
    banner = page.locator(".govuk-notification-banner")
    expect(banner).to_contain_text("1 person has been sent a calendar invite")
    reference = re.search(r"TAC-\d{4}-\d{4}", banner.inner_text()).group(0)
    expect(page.locator("main")).to_contain_text("Jordan Blake")
    expect(page.locator("main")).to_contain_text("Scheduled")
    assert_accessible(axe, page)
    return reference


def write_up_the_demo_meeting(page, axe):
    past = page.locator("table", has=page.locator("caption", has_text="Past and cancelled"))
    row = past.get_by_role("row").filter(has_text="Not written up").first
    row.get_by_role("link").click()
    page.wait_for_url(re.compile(r".*/tac/\d+$"))
    assert_accessible(axe, page)
    page.get_by_role("button", name="Write up the meeting").click()
    page.wait_for_url("**/notes")
    assert_accessible(axe, page)
    # Who was invited is there already: the class teacher could not come.
    expect(page.get_by_role("group", name="Attendee 3", exact=True).get_by_label("Name")
           ).to_have_value("Mr Hughes")
    for field in page.get_by_role("group", name="Attendee 3", exact=True).get_by_role(
            "textbox").all():
        field.fill("")
    page.get_by_label("Academic progress").fill(ACADEMIC)
    page.get_by_label("Wellbeing").fill(WELLBEING)
    page.get_by_label("Attendance", exact=True).fill("96% this half term.")
    action = page.get_by_role("group", name="Action 1", exact=True)
    action.get_by_label("What will be done").fill(ACTION)
    action.get_by_label("Who: their role").fill("Learning mentor")
    action.get_by_label("Who: their name").fill("Ms Ward")
    fill_date(action, "By when", date.today() + timedelta(days=21))
    fill_date(page, "Next review date (optional)", date.today() + timedelta(days=60))
    page.get_by_role("button", name="Save the notes").click()
    page.wait_for_url(re.compile(r".*/tac/\d+$"))
    expect(page.locator(".govuk-notification-banner")).to_contain_text("is marked as held")
    main = page.locator("main")
    for text in (ACADEMIC, WELLBEING, ACTION, "Learning mentor, Ms Ward", "Held"):
        expect(main).to_contain_text(text)
    attended = page.locator("table", has=page.locator("caption", has_text="Attendees"))
    expect(attended).to_contain_text("Taylor Reid")
    expect(attended).not_to_contain_text("Mr Hughes")
    assert_accessible(axe, page)


def test_senco_schedules_and_writes_up_tac_meetings_and_ticks_off_an_action(page, axe):
    sign_in_as(page, "senco@convene.test")
    open_the_childs_meetings(page, axe)
    reference = schedule_a_meeting(page, axe)
    page.get_by_role("link", name="Back to TAC meetings").click()
    page.wait_for_url(f"**/children/{CHILD}/tac")
    upcoming = page.locator("table", has=page.locator("caption", has_text="Upcoming"))
    expect(upcoming.get_by_role("row").filter(has_text=reference)).to_contain_text("Scheduled")

    write_up_the_demo_meeting(page, axe)

    page.get_by_role("link", name="Tick off or reassign this child's actions").click()
    page.wait_for_url(f"**/children/{CHILD}/actions")
    assert_accessible(axe, page)
    page.evaluate("window.convenePageKept = true")
    row = page.get_by_role("row").filter(has_text=ACTION)
    expect(row).to_contain_text("Open")
    row.get_by_role("button", name=re.compile("^Mark as done")).click()
    expect(row).to_contain_text("Done")
    expect(row.get_by_role("button", name=re.compile("^Reopen"))).to_be_visible()
    assert page.evaluate("window.convenePageKept") is True  # swapped in place: no reload
    assert_accessible(axe, page)

    page.get_by_role("link", name="Actions", exact=True).click()
    page.wait_for_url("**/actions")
    page.get_by_role("link", name=re.compile(r"^Done \(\d+\)")).click()
    page.wait_for_url("**/actions?show=done")
    done = page.get_by_role("row").filter(has_text=ACTION)
    expect(done).to_contain_text("Done")
    expect(done).to_contain_text(CHILD)
    assert_accessible(axe, page)
    assert page.problems.errors == []
