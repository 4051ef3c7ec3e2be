"""CSV downloads: each dashboard table (suppressed as on the page) and the anonymised
request and outcome records; BOM, formula neutralising, the audit log and who may have them."""

import pytest

from app.dashboard.csv_files import csv_text, neutralise
from app.dashboard.figures import TABLE_SLUGS
from app.dashboard.suppression import FEWER_THAN_5, WITHHELD
from app.extensions import db
from app.models import AuditEvent, Phase, Role
from tests.conftest import make_school, make_theme
from tests.dashboard.conftest import YEAR
from tests.dashboard.factories import (
    SECRET_INITIALS,
    SECRET_NOTE,
    SECRET_QUESTION,
    SECRET_TRIED,
    make_sent_request,
    utc,
)
from tests.dashboard.reading import csv_rows, small_counts, tables


@pytest.fixture
def admin(sign_in):
    return sign_in(Role.VS_ADMIN)


def audit_events(action):
    return list(db.session.scalars(db.select(AuditEvent).filter_by(action=action)
                                   .order_by(AuditEvent.id)))


def test_a_table_downloads_as_on_the_page(requests_2024, admin, client):
    response = client.get("/dashboard/export/themes.csv", query_string=YEAR)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert response.headers["Content-Disposition"] == (
        'attachment; filename="convene-themes-2024-09-01-to-2025-08-31.csv"')
    assert response.data.startswith(b"\xef\xbb\xbf")
    assert csv_rows(response) == [["Theme", "Requests"], ["Anxiety", WITHHELD],
                                  ["Attendance", "14"], ["Transitions", FEWER_THAN_5],
                                  ["Requests sent", "17"]]
    page = tables(client.get("/dashboard", query_string=YEAR).text)
    assert csv_rows(response) == page["Requests by theme"]


def test_every_table_downloads_with_the_filters_and_no_small_count(requests_2024,
                                                                   outcomes_2024, admin,
                                                                   client):
    for slug in TABLE_SLUGS:
        response = client.get(f"/dashboard/export/{slug}.csv",
                              query_string={**YEAR, "phase": "secondary"})
        assert response.status_code == 200, slug
        rows = csv_rows(response)
        assert len(rows) >= 2 or slug == "schools-without-requests", slug
        assert small_counts(cell for row in rows for cell in row) == [], slug
    months = csv_rows(client.get("/dashboard/export/months.csv",
                                 query_string={**YEAR, "phase": "secondary"}))
    assert months[-1] == ["Total", "9", FEWER_THAN_5]


def test_table_downloads_are_audited(requests_2024, admin, client):
    client.get("/dashboard/export/cohorts.csv",
               query_string={**YEAR, "school": str(requests_2024.brook.id)})
    [event] = audit_events("export_dashboard_table")
    assert event.actor_id == admin.id
    assert event.detail == "cohorts: Academic year 2024 to 2025; school: Brook Academy"


def test_an_unknown_table_is_not_found(admin, client):
    assert client.get("/dashboard/export/children.csv").status_code == 404
    assert audit_events("export_dashboard_table") == []


def test_requests_export_is_anonymised_records(requests_2024, admin, client):
    response = client.get("/exports/requests.csv", query_string=YEAR)
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == (
        'attachment; filename="convene-requests-2024-09-01-to-2025-08-31.csv"')
    rows = csv_rows(response)
    assert rows[0] == ["Reference", "Submitted", "Status", "School URN", "School phase",
                       "Year group", "Cohort", "SEN status", "Key educational indicators",
                       "Themes", "Route"]
    assert len(rows) == 1 + 17  # not the drafts, nor the requests of other years
    first = rows[1]
    assert first[1:] == ["2024-10-10", "Submitted", requests_2024.ashford.urn, "Primary",
                         "Year 3", "Child with a social worker: Child in Need plan",
                         "SEN support", "Attendance", "Attendance", ""]
    brook = next(row for row in rows if row[1] == "2025-02-05")
    assert brook[8] == "Health and emotional wellbeing; Attendance"
    assert brook[9] == "Attendance; Anxiety" or brook[9] == "Anxiety; Attendance"
    text = response.data.decode()
    for secret in (SECRET_INITIALS, SECRET_NOTE, SECRET_QUESTION, SECRET_TRIED, "C-QZ"):
        assert secret not in text


def test_requests_export_keeps_the_filters_and_is_audited(requests_2024, admin, client):
    response = client.get("/exports/requests.csv", query_string={**YEAR, "phase": "primary"})
    assert len(csv_rows(response)) == 1 + 8
    [event] = audit_events("export_requests")
    assert event.actor_id == admin.id
    assert event.detail == "8 rows; Academic year 2024 to 2025; phase: Primary"


def test_outcomes_export(outcomes_2024, admin, client):
    response = client.get("/exports/outcomes.csv", query_string=YEAR)
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == (
        'attachment; filename="convene-outcomes-2024-09-01-to-2025-08-31.csv"')
    rows = csv_rows(response)
    assert rows[0] == ["Booking reference", "Request reference", "Consultation date",
                       "Finalised date", "Scale", "Next step", "Follow-up date", "Themes",
                       "Social worker attended", "Number of actions"]
    assert len(rows) == 1 + 19
    first_outcome = outcomes_2024.pairs[0][0]
    row = next(r for r in rows if r[0] == first_outcome.booking.reference)
    assert row == [first_outcome.booking.reference, first_outcome.booking.request.reference,
                   "2024-10-13", "2024-10-15", "2", "Follow-up consultation", "", "", "Yes",
                   "17"]
    text = response.data.decode()
    for secret in (SECRET_INITIALS, SECRET_NOTE, SECRET_QUESTION, "HYPERLINK", "C-QZ"):
        assert secret not in text
    [event] = audit_events("export_outcomes")
    assert event.detail == "19 rows; Academic year 2024 to 2025"


def test_cells_that_a_spreadsheet_would_run_are_neutralised(admin, client):
    school = make_school(name="=HYPERLINK(\"http://evil.example\")", phase=Phase.SPECIAL)
    make_school(name="+Plus School"), make_school(name="-Minus School")
    make_school(name="@At School"), make_school(name="\tTab School")
    theme = make_theme("=1+2")
    make_sent_request(school, utc(2025, 1, 10, 12), themes=[theme, make_theme("@SUM(A1)")])
    db.session.commit()

    rows = csv_rows(client.get("/exports/requests.csv", query_string=YEAR))
    assert rows[1][9] in ("'=1+2; @SUM(A1)", "'@SUM(A1); =1+2")
    themes = csv_rows(client.get("/dashboard/export/themes.csv", query_string=YEAR))
    assert themes[1:3] == [["'=1+2", FEWER_THAN_5], ["'@SUM(A1)", FEWER_THAN_5]]
    schools = csv_rows(client.get("/dashboard/export/schools-without-requests.csv",
                                  query_string=YEAR))
    names = [row[0] for row in schools[1:]]
    assert set(names) == {"'+Plus School", "'-Minus School", "'@At School", "'\tTab School"}


def test_neutralise_each_formula_start():
    for start in ("=", "+", "-", "@", "\t", "\r"):
        assert neutralise(f"{start}cmd") == f"'{start}cmd"
    assert neutralise("Attendance") == "Attendance"
    assert neutralise(12) == "12"
    assert neutralise(None) == ""
    text = csv_text(["a", "b"], [["=x", "y, z"]])
    assert text == "\ufeffa,b\r\n'=x,\"y, z\"\r\n"


@pytest.mark.parametrize("path", ["/dashboard/export/themes.csv", "/exports/requests.csv",
                                  "/exports/outcomes.csv"])
@pytest.mark.parametrize("role", [Role.VS_ADVISOR, Role.SCHOOL_STAFF,
                                  Role.EDUCATIONAL_PSYCHOLOGIST, Role.SOCIAL_WORKER])
def test_only_the_vs_admin_may_download(sign_in, client, role, path):
    sign_in(role)
    assert client.get(path).status_code == 403
    assert db.session.scalar(db.select(AuditEvent.id).where(
        AuditEvent.action.like("export_%"))) is None


def test_wrong_dates_refuse_a_download(admin, client):
    response = client.get("/exports/requests.csv",
                          query_string={"from_date": ["40", "1", "2025"],
                                        "to_date": ["1", "2", "2025"]})
    assert response.status_code == 400
    assert "Enter a real date" in response.text
    assert audit_events("export_requests") == []
