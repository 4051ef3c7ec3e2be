"""The VS admin's audit trail: searching by person, record, school, action and dates, paging
newest first, and exporting what was found as CSV (the export audited too)."""

import csv
import io
from datetime import UTC, datetime, timedelta

import pytest

from app.extensions import db
from app.models import AuditEvent, Role
from tests.conftest import make_child, make_school, make_user


def event(action="child_record_viewed", *, at=datetime(2026, 10, 5, 9, 30, tzinfo=UTC),
          actor=None, record=None, school=None, **fields) -> AuditEvent:
    values = {"action": action, "at": at, "actor_id": actor.id if actor else None,
              "school_id": school.id if school else None}
    if record is not None:
        values |= {"record_type": type(record).__name__, "record_id": str(record.id),
                   "record_reference": getattr(record, "reference", None),
                   "school_id": getattr(record, "school_id", values["school_id"])}
    values.update(fields)
    made = AuditEvent(**values)
    db.session.add(made)
    db.session.commit()
    return made


def rows_of(page: str) -> list[str]:
    """The table's rows on the page, as the text of each."""
    body = page.split('<tbody class="govuk-table__body">', 1)[1].split("</tbody>", 1)[0]
    return [" ".join(row.split()) for row in body.split("<tr")[1:]]


def read_csv(response) -> list[list[str]]:
    text = response.data.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


@pytest.fixture
def admin(sign_in):
    return sign_in(Role.VS_ADMIN, name="Ada Admin")


@pytest.fixture
def world():
    """Two schools, a child at each, and events about them by two people."""
    ashford, brook = make_school(name="Ashford Primary"), make_school(name="Brook Academy")
    kim = make_user(Role.VS_ADVISOR, name="Kim Lee", email="kim.lee@county.example.test")
    jo = make_user(Role.SCHOOL_STAFF, school=ashford, name="Jo Brown")
    child_a, child_b = make_child(ashford), make_child(brook)
    return {"ashford": ashford, "brook": brook, "kim": kim, "jo": jo, "a": child_a, "b": child_b}


def test_the_trail_lists_events_newest_first_with_who_what_record_and_school(client, admin,
                                                                            world):
    event(actor=world["kim"], record=world["a"], at=datetime(2026, 10, 5, 9, tzinfo=UTC),
          detail=world["a"].reference)
    event("child_record_updated", actor=world["jo"], record=world["a"],
          at=datetime(2026, 10, 6, 14, 5, tzinfo=UTC), detail="Changed year group")
    response = client.get("/admin/audit")
    assert response.status_code == 200
    rows = rows_of(response.text)
    mine = [row for row in rows if world["a"].reference in row]
    assert "6 October 2026, 3:05pm" in mine[0]  # London summer time
    assert "Jo Brown" in mine[0] and "School staff" in mine[0]
    assert "Child record changed" in mine[0] and "Changed year group" in mine[0]
    assert "Ashford Primary" in mine[0]
    assert "Kim Lee" in mine[1] and "Child record viewed" in mine[1]


def test_search_by_person_matches_part_of_a_name_or_email(client, admin, world):
    event(actor=world["kim"], record=world["a"])
    event(actor=world["jo"], record=world["b"])
    by_name = rows_of(client.get("/admin/audit?person=kim").text)
    by_email = rows_of(client.get("/admin/audit?person=county.example").text)
    assert len(by_name) == len(by_email) == 1
    assert "Kim Lee" in by_name[0]


def test_search_by_record_reference_or_type_and_number(client, admin, world):
    event(actor=world["kim"], record=world["a"])
    event(actor=world["kim"], record=world["b"])
    found = rows_of(client.get(f"/admin/audit?record={world['b'].reference.lower()}").text)
    assert len(found) == 1 and world["b"].reference in found[0]
    found = rows_of(client.get(
        f"/admin/audit?record_type=ChildRecord&record={world['a'].id}").text)
    assert len(found) == 1 and world["a"].reference in found[0]


def test_search_by_school_and_action(client, admin, world):
    event(actor=world["kim"], record=world["a"])
    event("child_record_updated", actor=world["jo"], record=world["a"])
    event(actor=world["kim"], record=world["b"])
    page = client.get(f"/admin/audit?school={world['ashford'].id}"
                      "&action=child_record_viewed").text
    [found] = rows_of(page)
    assert world["a"].reference in found and "Kim Lee" in found


def test_search_by_dates_takes_whole_days_on_the_london_clock(client, admin, world):
    # 11:30pm UTC on 4 October is 12:30am on 5 October in London.
    event(actor=world["kim"], record=world["a"], at=datetime(2026, 10, 4, 23, 30, tzinfo=UTC))
    event(actor=world["kim"], record=world["b"], at=datetime(2026, 10, 6, 22, 59, tzinfo=UTC))
    event(actor=world["kim"], record=world["b"], at=datetime(2026, 10, 6, 23, 0, tzinfo=UTC))
    page = client.get("/admin/audit?from_date=5&from_date=10&from_date=2026"
                      "&to_date=6&to_date=10&to_date=2026").text
    found = rows_of(page)
    assert len(found) == 2
    assert "5 October 2026, 12:30am" in found[1]
    assert "6 October 2026, 11:59pm" in found[0]


@pytest.mark.parametrize("query, message", [
    ("from_date=31&from_date=2&from_date=2026", "Enter a real date"),
    ("from_date=1", "Enter a real date"),
    ("to_date=1&to_date=2&to_date=3&to_date=4", "Enter a real date"),
    ("from_date=9&from_date=10&from_date=2026&to_date=1&to_date=10&to_date=2026",
     "The last day must be the same as or after the first day"),
])
def test_wrong_dates_are_a_400_with_the_error_and_what_was_typed(client, admin, query,
                                                                 message):
    response = client.get(f"/admin/audit?person=kim&{query}")
    assert response.status_code == 400
    assert "There is a problem" in response.text and message in response.text
    assert 'value="kim"' in response.text


def test_the_trail_pages_fifty_at_a_time_and_links_keep_the_filters(client, admin, world):
    start = datetime(2026, 10, 1, tzinfo=UTC)
    for n in range(55):
        event(actor=world["kim"], record=world["a"], at=start + timedelta(minutes=n),
              detail=f"view {n}")
    first = client.get("/admin/audit?person=kim").text
    assert "Showing 1 to 50 of 55 events" in first
    assert "view 54" in rows_of(first)[0]
    assert 'href="/admin/audit?page=2&amp;person=kim"' in first
    second = client.get("/admin/audit?page=2&person=kim").text
    assert [row.split("view ")[1].split("<")[0] for row in rows_of(second)] == [
        "4", "3", "2", "1", "0"]


def test_the_export_is_the_events_found_as_csv_and_is_itself_audited(client, admin, world):
    event(actor=world["kim"], record=world["a"], at=datetime(2026, 10, 5, 9, tzinfo=UTC),
          detail="=HYPERLINK(\"http://evil.test\")", ip_address="10.0.0.7")
    event(actor=world["jo"], record=world["b"])
    response = client.get("/admin/audit.csv?person=kim")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="convene-audit-trail.csv"' in response.headers["Content-Disposition"]
    head, *rows = read_csv(response)
    assert head[:4] == ["When (UK time)", "What happened", "Action code", "Person"]
    assert rows == [["2026-10-05 10:00:00", "Child record viewed", "child_record_viewed",
                     "Kim Lee", "kim.lee@county.example.test", "Virtual School advisor",
                     "Child record", str(world["a"].id), world["a"].reference,
                     "Ashford Primary", "'=HYPERLINK(\"http://evil.test\")", "10.0.0.7"]]
    [exported] = db.session.scalars(db.select(AuditEvent).filter_by(action="audit_exported"))
    assert exported.actor_id == admin.id
    assert exported.detail == "1 events; person: kim"


@pytest.mark.parametrize("role", [Role.VS_ADVISOR, Role.EDUCATIONAL_PSYCHOLOGIST,
                                  Role.SCHOOL_STAFF, Role.SOCIAL_WORKER])
def test_only_the_vs_admin_sees_or_exports_the_trail(client, sign_in, role):
    sign_in(role)
    assert client.get("/admin/audit").status_code == 403
    assert client.get("/admin/audit.csv").status_code == 403


def test_no_route_changes_or_deletes_an_event(app, client, admin):
    """The trail's only routes read it; anything else at its addresses is refused."""
    for rule in app.url_map.iter_rules():
        if "audit" in rule.rule:
            assert rule.methods <= {"GET", "HEAD", "OPTIONS"}, rule
    for method in ("post", "put", "patch", "delete"):
        assert getattr(client, method)("/admin/audit").status_code == 405


def test_wrong_dates_from_htmx_load_the_whole_page_with_the_error(client, admin):
    response = client.get("/admin/audit?from_date=1", headers={"HX-Request": "true"})
    assert response.status_code == 400
    assert response.headers["HX-Redirect"] == "/admin/audit?from_date=1"


def test_with_htmx_the_search_answers_with_the_results_alone(client, admin, world):
    event(actor=world["kim"], record=world["a"])
    response = client.get("/admin/audit?person=kim", headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "<html" not in response.text
    assert world["a"].reference in response.text
    assert "HX-Request" in response.headers["Vary"]
