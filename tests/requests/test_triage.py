"""The Virtual School's triage queue: what it lists, each filter, its pages, the htmx
partial, and a query count that does not grow with the number of requests."""

import re
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import event

from app.extensions import db
from app.models import Cohort, Phase, Role, Route, School, YearGroup
from app.requests import triage
from app.services import request_workflow as workflow
from tests.conftest import make_child, make_request, make_school, make_theme, make_user

HTMX = {"HX-Request": "true"}


def references(page: str) -> list[str]:
    return re.findall(r'href="/requests/\d+">(AR-\d{4}-\d{4})</a>', page)


def filter_options(page: str, name: str) -> list[str]:
    """The labels a filter's select offers."""
    select = re.search(rf'<select class="govuk-select" id="{name}".*?</select>', page, re.S)
    return re.findall(r"<option [^>]*>([^<]*)</option>", select.group(0))


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


def test_the_pages_links_say_which_page_is_shown_and_lead_back_and_on(client, vs, staff):
    for n in range(101):
        waiting(quick_request(staff), 200 - n)
    page = client.get("/triage?page=2").text
    assert "Showing 51 to 100 of 101" in page
    assert ('<a class="govuk-link govuk-pagination__link" '
            'href="/triage?page=2&amp;status=submitted" aria-label="Page 2" '
            'aria-current="page">') in page
    assert 'href="/triage?status=submitted" rel="prev"' in page
    assert 'href="/triage?page=3&amp;status=submitted" rel="next"' in page
    assert "Previous<span class=\"govuk-visually-hidden\"> page</span>" in page


def test_a_school_an_admin_adds_or_renames_is_in_the_school_filter_at_once(client, sign_in):
    sign_in(Role.VS_ADMIN)
    oak = make_school(name="Oak Primary", urn="123456")
    assert filter_options(client.get("/triage").text, "school") == ["All schools",
                                                                      "Oak Primary"]
    school = {"urn": "123456", "phase": "primary", "local_authority": "Testshire"}
    assert client.post(f"/admin/schools/{oak.id}/edit",
                       data={**school, "name": "Oak Academy"}).status_code == 302
    assert client.post("/admin/schools/new", data={**school, "name": "Ash Primary",
                                                   "urn": "654321"}).status_code == 302
    assert filter_options(client.get("/triage").text, "school") == [
        "All schools", "Ash Primary", "Oak Academy"]


def test_a_theme_an_admin_adds_is_in_the_theme_filter_at_once(client, sign_in):
    sign_in(Role.VS_ADMIN)
    make_theme("Sleep")
    assert filter_options(client.get("/triage").text, "theme") == ["All themes", "Sleep"]
    assert client.post("/admin/themes/new", data={"name": "Anxiety"}).status_code == 302
    assert "Anxiety" in filter_options(client.get("/triage").text, "theme")


def test_a_school_renamed_by_another_server_process_shows_within_a_minute(client, vs,
                                                                          monkeypatch):
    oak = make_school(name="Oak Primary")
    assert "Oak Primary" in filter_options(client.get("/triage").text, "school")
    # A bulk update, as another process's save looks from here: nothing tells this one.
    db.session.execute(db.update(School).where(School.id == oak.id).values(name="Oak Academy"))
    db.session.commit()
    assert "Oak Primary" in filter_options(client.get("/triage").text, "school")

    a_minute_on = triage.monotonic() + triage.CHOICES_SECONDS
    monkeypatch.setattr(triage, "monotonic", lambda: a_minute_on)
    options = filter_options(client.get("/triage").text, "school")
    assert "Oak Academy" in options and "Oak Primary" not in options


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
    # The session store's own reads and writes (web_session, and the write transaction the
    # first page after signing in opens for it) are not the page's.
    page_statements = [s for s in statements
                       if "web_session" not in str(s) and str(s) != "BEGIN IMMEDIATE"]
    return len(page_statements), response.text


def test_the_number_of_queries_does_not_grow_with_the_rows(client, vs):
    _requests_from_different_schools(5)
    few, page = _statements_for_the_queue(client)
    assert len(references(page)) == 5
    _requests_from_different_schools(25)
    many, page = _statements_for_the_queue(client)
    assert len(references(page)) == 30
    assert few == many
    print(f"\nstatements for the triage page: {few} for 5 requests, {many} for 30")
