"""The action tracker: one list of actions from TAC meetings and finalised outcomes, what is
overdue by a fixed clock, and ticking off, reopening and reassigning with and without htmx."""

import re
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import event

from app.extensions import db
from app.models import Action, AuditEvent, ConsultationOutcome, OutcomeStatus, Role, TacStatus
from tests.booking.factories import make_accepted_request, make_booking
from tests.conftest import make_child, make_school
from tests.support.conftest import HTMX, NOW, TODAY, make_action, make_meeting

YESTERDAY, TOMORROW = TODAY - timedelta(days=1), TODAY + timedelta(days=1)


def row_of(page: str, action: Action) -> str:
    match = re.search(rf'<tr class="govuk-table__row" id="action-row-{action.id}">(.*?)</tr>',
                      page, re.S)
    assert match, f"no row for action {action.id}"
    return match[1]


def listed(page: str) -> list[int]:
    return [int(each) for each in re.findall(r'id="action-row-(\d+)"', page)]


def is_overdue(row: str) -> bool:
    return bool(re.search(r'govuk-tag--red">\s*Overdue', row)) and "<strong" in row


@pytest.fixture
def three(child):
    """Due yesterday and open; due today and open; due yesterday and done."""
    meeting = make_meeting(child, status=TacStatus.HELD)
    late = make_action(child, meeting=meeting, due_on=YESTERDAY, what="Late one")
    today = make_action(child, meeting=meeting, due_on=TODAY, what="Due today")
    done = make_action(child, meeting=meeting, due_on=YESTERDAY - timedelta(days=3),
                       done_on=YESTERDAY, what="Done one")
    return late, today, done


def make_outcome_action(school, *, status=OutcomeStatus.FINAL, what="Outcome action",
                        due_on=TOMORROW) -> Action:
    request_ = make_accepted_request(school)
    booking = make_booking(request_)
    ep = booking.slot.session.educational_psychologist
    outcome = ConsultationOutcome(
        booking_id=booking.id, request_id=request_.id, child_id=request_.child_id,
        school_id=request_.school_id, status=status, recorded_by_id=ep.id,
        finalised_at=NOW if status == OutcomeStatus.FINAL else None)
    outcome.actions = [Action(child_id=request_.child_id, school_id=request_.school_id,
                              what=what, who_role="SENCO", who_name="Ms Rivers",
                              due_on=due_on)]
    db.session.add(outcome)
    db.session.commit()
    return outcome.actions[0]


# What is overdue ------------------------------------------------------------------------------

def test_due_yesterday_and_open_is_overdue_due_today_and_done_are_not(client, child, three):
    late, today, done = three
    page = client.get(f"/children/{child.reference}/actions?show=all").text

    assert listed(page) == [done.id, late.id, today.id]  # soonest due first
    assert is_overdue(row_of(page, late))
    assert "<strong" in row_of(page, late) and "9 March 2027</strong>" in row_of(page, late)
    assert not is_overdue(row_of(page, today)) and "Open" in row_of(page, today)
    assert not is_overdue(row_of(page, done)) and "Done" in row_of(page, done)
    assert "govuk-tag--red" not in row_of(page, today) + row_of(page, done)


def test_the_filters_show_open_overdue_done_or_all(client, child, three):
    late, today, done = three
    base = f"/children/{child.reference}/actions"

    assert listed(client.get(base).text) == [late.id, today.id]  # open is the default
    assert listed(client.get(f"{base}?show=open").text) == [late.id, today.id]
    assert listed(client.get(f"{base}?show=overdue").text) == [late.id]
    assert listed(client.get(f"{base}?show=done").text) == [done.id]
    assert listed(client.get(f"{base}?show=nonsense").text) == [late.id, today.id]
    page = client.get(f"{base}?show=overdue").text
    assert "Open (2)" in page and "Overdue (1)" in page and "Done (1)" in page
    assert "All (3)" in page
    assert re.search(r'aria-current="page">Overdue \(1\)', page)


def test_tomorrow_what_was_due_today_is_overdue(client, child, three, fixed_clock):
    late, today, _done = three
    fixed_clock(NOW + timedelta(days=1))
    page = client.get(f"/children/{child.reference}/actions?show=overdue").text
    assert listed(page) == [late.id, today.id]


def test_the_day_turns_on_the_london_clock(client, child, fixed_clock):
    """00:30 on 1 July in London is still 30 June in UTC: the London date counts."""
    due = make_action(child, due_on=date(2027, 6, 30))
    fixed_clock(datetime(2027, 6, 30, 23, 30, tzinfo=UTC))
    page = client.get(f"/children/{child.reference}/actions?show=overdue").text
    assert listed(page) == [due.id]


# One list for both kinds ----------------------------------------------------------------------

def test_the_school_list_has_every_childs_actions_and_finalised_outcomes(client, staff, child,
                                                                        three):
    late, today, _done = three
    other_child = make_child(school=staff.school, initials="ZZ")
    theirs = make_action(other_child, due_on=TOMORROW, what="Other child's action")
    from_outcome = make_outcome_action(staff.school, due_on=TODAY + timedelta(days=2))
    draft = make_outcome_action(staff.school, status=OutcomeStatus.DRAFT, what="Draft action")
    elsewhere = make_action(make_child(school=make_school()), what="Another school's")

    page = client.get("/actions").text

    assert listed(page) == [late.id, today.id, theirs.id, from_outcome.id]
    assert draft.id not in listed(page) and elsewhere.id not in listed(page)
    assert "Draft action" not in page and "Another school's" not in page
    meeting = late.tac_meeting
    assert f'href="/tac/{meeting.id}">TAC meeting {meeting.reference}</a>' in page
    outcome_row = row_of(page, from_outcome)
    booking = from_outcome.outcome.booking
    assert f"Consultation {booking.reference}" in outcome_row
    if "outcomes.outcome" in client.application.view_functions:
        assert f'href="/bookings/{booking.id}/outcome"' in outcome_row
    assert f'href="/children/{other_child.reference}"' in row_of(page, theirs)
    assert "ZZ" in row_of(page, theirs)


def test_the_child_list_has_only_that_childs_actions(client, staff, child, three):
    make_action(make_child(school=staff.school), what="Someone else's")
    page = client.get(f"/children/{child.reference}/actions?show=all").text
    assert len(listed(page)) == 3 and "Someone else's" not in page
    assert db.session.scalars(db.select(AuditEvent).filter_by(
        action="child_actions_viewed")).one().detail == child.reference


def test_the_child_list_links_back_to_the_child_record(client, child):
    page = client.get(f"/children/{child.reference}/actions").text
    assert (f'<a href="/children/{child.reference}" class="govuk-back-link">'
            f"Back to child record {child.reference}</a>") in page
    assert "govuk-back-link" not in client.get("/actions").text


def test_a_long_action_is_cut_short_only_in_the_controls_hidden_text(client, child):
    what = "Meet the family to agree a reading plan " * 4
    action = make_action(child, what=what.strip())
    row = row_of(client.get(f"/children/{child.reference}/actions").text, action)

    assert f'convene-pre-line">{what.strip()}</td>' in row
    hidden = re.findall(r'govuk-visually-hidden">: (.*?)</span>', row)
    assert len(hidden) == 2 and hidden[0] == hidden[1]
    assert hidden[0].endswith("...") and len(hidden[0]) <= 80


def test_the_list_does_not_ask_the_database_once_per_row(client, staff):
    def statements_for_page() -> int:
        count = []
        listener = lambda *_args: count.append(1)  # noqa: E731
        event.listen(db.engine, "before_cursor_execute", listener)
        try:
            page = client.get("/actions?show=all").text
        finally:
            event.remove(db.engine, "before_cursor_execute", listener)
        return len(count), page

    make_action(make_child(school=staff.school))
    make_outcome_action(staff.school)
    # The first page after signing in also writes the session row (held on the server);
    # what is counted here is what grows with the rows.
    statements_for_page()
    few, _ = statements_for_page()
    for _ in range(4):  # a school may book six consultations a term
        make_action(make_child(school=staff.school))
        make_outcome_action(staff.school)
    many, page = statements_for_page()
    assert len(listed(page)) == 10
    assert many == few


# Ticking off and reopening --------------------------------------------------------------------

def test_ticking_off_without_javascript_comes_back_to_the_list(client, staff, child, three):
    late, _today, _done = three
    response = client.post(f"/actions/{late.id}/done",
                           data={"back": "child", "show": "overdue"})

    assert response.status_code == 302
    assert response.headers["Location"] == (
        f"/children/{child.reference}/actions?show=overdue")
    db.session.refresh(late)
    assert late.done_on == TODAY and late.done_by_id == staff.id
    page = client.get(response.headers["Location"]).text
    assert "Action marked as done: Late one" in page
    assert listed(page) == []
    assert db.session.scalars(db.select(AuditEvent).filter_by(
        action="action_completed")).one().record_id == str(late.id)


def test_ticking_off_with_htmx_swaps_the_row(client, child, three):
    late, _today, _done = three
    response = client.post(f"/actions/{late.id}/done", data={"back": "school", "show": "open"},
                           headers=HTMX)

    assert response.status_code == 200
    assert "HX-Request" in response.headers["Vary"]
    body = response.text.strip()
    assert body.startswith("<tr") and "<html" not in body
    assert f'id="action-row-{late.id}"' in body
    assert "Done" in body and "Reopen" in body and not is_overdue(body)
    assert "10 March 2027" in body  # the day it was done
    assert f'href="/children/{child.reference}"' in body  # the school list's child column
    db.session.refresh(late)
    assert late.done_on == TODAY


def test_an_outcome_action_swapped_by_htmx_keeps_its_consultation(client, staff):
    action = make_outcome_action(staff.school, due_on=YESTERDAY)
    booking = action.outcome.booking
    body = client.post(f"/actions/{action.id}/done", data={"back": "school", "show": "all"},
                       headers=HTMX).text

    assert f"Consultation {booking.reference}" in body and "Done" in body
    if "outcomes.outcome" in client.application.view_functions:
        assert f'href="/bookings/{booking.id}/outcome"' in body
    assert f'href="/children/{action.child.reference}"' in body
    assert "show=all" in body and 'value="school"' in body


def test_reopening_undoes_it_both_ways(client, child, three):
    _late, _today, done = three
    response = client.post(f"/actions/{done.id}/reopen", data={"back": "school",
                                                               "show": "done"})
    assert response.headers["Location"] == "/actions?show=done"
    db.session.refresh(done)
    assert done.done_on is None and done.done_by_id is None

    client.post(f"/actions/{done.id}/done")
    row = client.post(f"/actions/{done.id}/reopen", data={"back": "child"}, headers=HTMX).text
    assert is_overdue(row) and "Mark as done" in row
    assert 'href="/children/' not in row  # the child's own list has no child column
    db.session.refresh(done)
    assert done.done_on is None


def test_ticking_off_twice_changes_nothing_more(client, three):
    late, _today, _done = three
    client.post(f"/actions/{late.id}/done")
    client.post(f"/actions/{late.id}/done")
    assert len(db.session.scalars(db.select(AuditEvent).filter_by(
        action="action_completed")).all()) == 1


# Reassigning ----------------------------------------------------------------------------------

def test_the_reassign_page_is_filled_in_from_the_action(client, three):
    late, _today, _done = three
    page = client.get(f"/actions/{late.id}/reassign?back=child&show=all").text
    assert "Change who or when" in page and "<html" in page
    assert f'name="action-{late.id}-who_role"' in page and 'value="SENCO"' in page
    assert 'value="Ms Reed"' in page and 'value="09"' in page


def test_reassigning_without_javascript(client, child, three):
    late, _today, _done = three
    response = client.post(f"/actions/{late.id}/reassign", data={
        f"action-{late.id}-who_role": "Head of Year", f"action-{late.id}-who_name": "Mr Bell",
        f"action-{late.id}-due_on": ["20", "3", "2027"], "back": "child", "show": "all"})

    assert response.status_code == 302
    assert response.headers["Location"] == f"/children/{child.reference}/actions?show=all"
    db.session.refresh(late)
    assert (late.who_role, late.who_name, late.due_on) == ("Head of Year", "Mr Bell",
                                                           date(2027, 3, 20))
    page = client.get(response.headers["Location"]).text
    assert "Action given to Head of Year, Mr Bell" in page
    assert not is_overdue(row_of(page, late))
    assert db.session.scalars(db.select(AuditEvent).filter_by(
        action="action_reassigned")).one().record_id == str(late.id)


def test_reassigning_with_a_problem_keeps_the_typing(client, three):
    late, _today, _done = three
    response = client.post(f"/actions/{late.id}/reassign", data={
        f"action-{late.id}-who_role": "Head of Year", f"action-{late.id}-who_name": "",
        f"action-{late.id}-due_on": ["31", "2", "2027"]})

    assert response.status_code == 400
    assert "There is a problem" in response.text
    assert "Enter the name of who will do it" in response.text
    assert "Enter a real date" in response.text
    assert 'value="Head of Year"' in response.text
    db.session.refresh(late)
    assert late.who_role == "SENCO" and late.due_on == YESTERDAY


def test_reassigning_with_htmx_swaps_the_row_in_place(client, three):
    late, _today, _done = three
    form_row = client.get(f"/actions/{late.id}/reassign?back=school&show=open",
                          headers=HTMX)
    assert form_row.status_code == 200 and "HX-Request" in form_row.headers["Vary"]
    assert form_row.text.strip().startswith("<tr")
    assert "<html" not in form_row.text and 'colspan="7"' in form_row.text
    assert f'hx-post="/actions/{late.id}/reassign"' in form_row.text

    refused = client.post(f"/actions/{late.id}/reassign", headers=HTMX, data={
        f"action-{late.id}-who_role": "", f"action-{late.id}-who_name": "Mr Bell",
        f"action-{late.id}-due_on": ["20", "3", "2027"], "back": "school", "show": "open"})
    assert refused.status_code == 200  # htmx swaps only 2xx responses in
    assert "Enter the role of who will do it" in refused.text and 'value="Mr Bell"' in refused.text
    assert "<html" not in refused.text

    saved = client.post(f"/actions/{late.id}/reassign", headers=HTMX, data={
        f"action-{late.id}-who_role": "Head of Year", f"action-{late.id}-who_name": "Mr Bell",
        f"action-{late.id}-due_on": ["20", "3", "2027"], "back": "school", "show": "open"})
    assert saved.status_code == 200 and "<html" not in saved.text
    assert "Head of Year, Mr Bell" in saved.text and "20 March 2027" in saved.text
    assert not is_overdue(saved.text)


# Who may --------------------------------------------------------------------------------------

def test_another_schools_actions_are_not_found(client, staff):
    theirs = make_action(make_child(school=make_school()))
    draft = make_outcome_action(staff.school, status=OutcomeStatus.DRAFT)
    for action in (theirs, draft):
        assert client.post(f"/actions/{action.id}/done").status_code == 404
        assert client.post(f"/actions/{action.id}/reopen").status_code == 404
        assert client.get(f"/actions/{action.id}/reassign").status_code == 404
        assert client.post(f"/actions/{action.id}/reassign").status_code == 404
        db.session.refresh(action)
        assert action.done_on is None
    assert client.get(f"/children/{theirs.child.reference}/actions").status_code == 404


@pytest.mark.parametrize("role", [Role.VS_ADMIN, Role.VS_ADVISOR, Role.EDUCATIONAL_PSYCHOLOGIST,
                                  Role.SOCIAL_WORKER])
def test_the_tracker_is_for_school_staff_only(client, sign_in, role):
    action = make_action(make_child(), what="Private action")
    sign_in(role)
    for path in ("/actions", f"/children/{action.child.reference}/actions",
                 f"/actions/{action.id}/reassign"):
        response = client.get(path)
        assert response.status_code == 403 and "Private action" not in response.text
    assert client.post(f"/actions/{action.id}/done").status_code == 403
    db.session.refresh(action)
    assert action.done_on is None


def test_the_child_record_page_links_to_support(client, child):
    page = client.get(f"/children/{child.reference}").text
    assert f'href="/children/{child.reference}/tac"' in page
    assert f'href="/children/{child.reference}/actions"' in page
    assert f'href="/children/{child.reference}/profile"' in page
