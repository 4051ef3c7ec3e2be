"""The Virtual School's triage queue: what it lists, each filter, its pages, the htmx
partial, and a query count that does not grow with the number of requests."""

import re
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import event

from app.extensions import db
from app.models import Cohort, Phase, Role, Route, YearGroup
from app.services import request_workflow as workflow
from tests.conftest import make_child, make_request, make_school, make_theme, make_user

HTMX = {"HX-Request": "true"}


def references(page: str) -> list[str]:
    return re.findall(r'href="/requests/\d+">(AR-\d{4}-\d{4})</a>', page)


def waiting(request_, days: float):
    """Make the request look as if it was sent `days` ago."""
    request_.submitted_at = datetime.now(UTC) - timedelta(days=days)
    db.session.commit()
    return request_


@pytest.fixture
def vs(sign_in):
    return sign_in(Role.VS_ADVISOR)


@pytest.fixture
def staff():
    """One school, its member of staff and a child, for requests whose details do not matter."""
    school = make_school(name="Elm Primary")
    return make_user(Role.SCHOOL_STAFF, school=school), make_child(school)


def quick_request(staff, **fields):
    user, child = staff
    return make_request(fields.pop("child", child), by=user, **fields)


def test_the_queue_lists_submitted_requests_oldest_first_with_their_details(client, vs):
    theme = make_theme("Attendance and punctuality")
    school = make_school(name="Birch Academy", phase=Phase.SECONDARY)
    child = make_child(school, initials="PQ", year_group=YearGroup.YEAR_9,
                       cohort=Cohort.KINSHIP_CARE)
    old = waiting(make_request(child, themes=[theme]), 12)
    new = waiting(make_request(make_child()), 1)
    make_request(make_child(), sent=False)  # a draft: never in the queue

    response = client.get("/triage")
    assert response.status_code == 200
    page = response.text
    assert "<title>Triage" in page
    assert references(page) == [old.reference, new.reference]
    assert "2 requests" in page
    for text in ("Birch Academy", "Secondary", f"{child.reference} (PQ), Year 9",
                 "Child in kinship care", "Attendance and punctuality", "12 days",
                 "1 day<", "govuk-tag--blue"):
        assert text in page, text


def test_the_queue_shows_submitted_requests_unless_another_status_is_chosen(client, vs, staff):
    waiting_ = quick_request(staff)
    accepted = quick_request(staff)
    workflow.accept(accepted, Route.CONSULTATION, by=vs)
    db.session.commit()

    assert references(client.get("/triage").text) == [waiting_.reference]
    assert references(client.get("/triage?status=accepted").text) == [accepted.reference]
    assert references(client.get("/triage?status=all").text) == [waiting_.reference,
                                                                 accepted.reference]
    # Something not offered (a draft, say) counts as the default.
    assert references(client.get("/triage?status=draft").text) == [waiting_.reference]


def test_filter_by_school(client, vs):
    oak, ash = make_school(name="Oak"), make_school(name="Ash")
    at_oak = make_request(make_child(oak))
    make_request(make_child(ash))
    page = client.get(f"/triage?school={oak.id}").text
    assert references(page) == [at_oak.reference]
    assert f'<option value="{oak.id}" selected>Oak</option>' in page


def test_filter_by_phase(client, vs):
    secondary = make_request(make_child(make_school(phase=Phase.SECONDARY)))
    make_request(make_child(make_school(phase=Phase.PRIMARY)))
    assert references(client.get("/triage?phase=secondary").text) == [secondary.reference]


def test_filter_by_cohort(client, vs, staff):
    user, _child = staff
    in_care = quick_request(staff, child=make_child(user.school, cohort=Cohort.CHILD_IN_CARE))
    quick_request(staff)
    assert references(client.get("/triage?cohort=child_in_care").text) == [in_care.reference]


def test_filter_by_theme(client, vs, staff):
    sleep, anxiety = make_theme("Sleep"), make_theme("Anxiety")
    about_sleep = quick_request(staff, themes=[sleep, anxiety])
    quick_request(staff, themes=[anxiety])
    assert references(client.get(f"/triage?theme={sleep.id}").text) == [about_sleep.reference]
    assert len(references(client.get(f"/triage?theme={anxiety.id}").text)) == 2


def test_filter_by_time_in_the_queue(client, vs, staff):
    three = waiting(quick_request(staff), 3)
    seven = waiting(quick_request(staff), 7)
    twelve = waiting(quick_request(staff), 12)
    thirty = waiting(quick_request(staff), 30)
    assert references(client.get("/triage?age=5").text) == [thirty.reference,
                                                            twelve.reference, seven.reference]
    assert references(client.get("/triage?age=10").text) == [thirty.reference,
                                                             twelve.reference]
    assert references(client.get("/triage?age=20").text) == [thirty.reference]
    assert references(client.get("/triage").text)[-1] == three.reference


def test_filters_combine_and_an_empty_result_says_so(client, vs, staff):
    quick_request(staff)
    page = client.get("/triage?phase=special&age=20").text
    assert references(page) == []
    assert "0 requests" in page and "No requests match these filters" in page


def test_an_empty_queue_says_nothing_is_waiting(client, vs):
    page = client.get("/triage").text
    assert "0 requests" in page
    assert "No requests are waiting for a decision" in page


def test_unknown_filter_values_are_ignored(client, vs, staff):
    request_ = quick_request(staff)
    page = client.get("/triage?school=nope&phase=moon&cohort=x&theme=999999&age=3&page=x")
    assert page.status_code == 200
    assert references(page.text) == [request_.reference]


def test_the_queue_has_pages_of_50_that_keep_the_filters(client, vs, staff):
    theme = make_theme("Belonging")
    made = [waiting(quick_request(staff, themes=[theme]), 60 - n / 10) for n in range(51)]
    page = client.get(f"/triage?theme={theme.id}").text
    assert len(references(page)) == 50 and "51 requests" in page
    assert "Showing 1 to 50 of 51" in page
    assert f'href="/triage?page=2&amp;status=submitted&amp;theme={theme.id}"' in page
    second = client.get(f"/triage?page=2&status=submitted&theme={theme.id}").text
    assert references(second) == [made[-1].reference]


def test_htmx_gets_the_results_alone_and_the_form_asks_for_them(client, vs, staff):
    request_ = quick_request(staff)
    page = client.get("/triage").text
    assert 'hx-get="/triage"' in page and 'hx-push-url="true"' in page
    assert 'hx-target="#triage-results"' in page and 'id="triage-results"' in page
    assert 'hx-trigger="submit, change"' in page

    response = client.get("/triage?status=submitted", headers=HTMX)
    assert response.status_code == 200
    assert "<html" not in response.text and "<form" not in response.text
    assert references(response.text) == [request_.reference]
    assert "HX-Request" in response.headers["Vary"]
    assert "HX-Request" in client.get("/triage").headers["Vary"]


@pytest.mark.parametrize("role", [Role.SCHOOL_STAFF, Role.EDUCATIONAL_PSYCHOLOGIST,
                                  Role.SOCIAL_WORKER])
def test_the_queue_is_for_the_virtual_school_only(client, sign_in, role):
    sign_in(role)
    assert client.get("/triage").status_code == 403


@contextmanager
def counting_statements():
    statements = []

    def count(conn, cursor, statement, parameters, context, executemany):
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", count)


def _requests_from_different_schools(count: int):
    """Each from its own school, child and theme, so lazy loading would show per row."""
    for _ in range(count):
        school = make_school()
        staff = make_user(Role.SCHOOL_STAFF, school=school)
        make_request(make_child(school), by=staff)


def _statements_for_the_queue(client) -> int:
    with counting_statements() as statements:
        response = client.get("/triage?status=all")
    assert response.status_code == 200
    return len(statements), response.text


def test_the_number_of_queries_does_not_grow_with_the_rows(client, vs):
    _requests_from_different_schools(5)
    few, page = _statements_for_the_queue(client)
    assert len(references(page)) == 5
    _requests_from_different_schools(25)
    many, page = _statements_for_the_queue(client)
    assert len(references(page)) == 30
    assert few == many
    print(f"\nstatements for the triage page: {few} for 5 requests, {many} for 30")
