"""School staff see who has viewed their school's records: who, in what role and where,
which record, and when; their own school's only."""

from datetime import UTC, datetime, timedelta

import pytest

from app.models import Role
from tests.admin.test_audit_trail import event, rows_of
from tests.conftest import make_child, make_school, make_user


@pytest.fixture
def school():
    return make_school(name="Ashford Primary")


def test_staff_see_each_view_of_their_schools_records_with_who_and_when(client, sign_in,
                                                                       school):
    sign_in(Role.SCHOOL_STAFF, school=school)
    child = make_child(school)
    advisor = make_user(Role.VS_ADVISOR, name="Kim Lee", job_title="Advisory teacher")
    colleague = make_user(Role.SCHOOL_STAFF, school=school, name="Jo Brown", job_title="DSL")
    event(actor=advisor, record=child, at=datetime(2026, 10, 5, 9, tzinfo=UTC),
          detail=child.reference)
    event("profile_pdf_downloaded", actor=colleague, record=child,
          at=datetime(2026, 10, 6, 13, tzinfo=UTC),
          detail=f"{child.reference}: One Page Profile version 2")
    response = client.get("/my-school/record-views")
    assert response.status_code == 200
    newest, older = rows_of(response.text)
    assert "6 October 2026, 2pm" in newest
    assert "Jo Brown" in newest and "DSL, Ashford Primary" in newest
    assert child.reference in newest
    assert "One Page Profile PDF downloaded" in newest and "version 2" in newest
    assert "Kim Lee" in older
    assert "Advisory teacher, Convene County Council Virtual School" in older
    assert "Child record viewed" in older


def test_other_schools_records_and_changes_are_not_listed(client, sign_in, school):
    sign_in(Role.SCHOOL_STAFF, school=school)
    ours, theirs = make_child(school), make_child(make_school())
    advisor = make_user(Role.VS_ADVISOR, name="Kim Lee")
    event(actor=advisor, record=theirs)
    event("child_record_updated", actor=advisor, record=ours)
    page = client.get("/my-school/record-views").text
    assert "Nobody has viewed your school's records yet." in page
    assert theirs.reference not in page


def test_the_list_pages_fifty_at_a_time(client, sign_in, school):
    sign_in(Role.SCHOOL_STAFF, school=school)
    child = make_child(school)
    advisor = make_user(Role.VS_ADVISOR)
    for n in range(51):
        event(actor=advisor, record=child,
              at=datetime(2026, 10, 1, tzinfo=UTC) + timedelta(minutes=n))
    first = client.get("/my-school/record-views").text
    assert "Showing 1 to 50 of 51 views" in first
    assert 'href="/my-school/record-views?page=2"' in first
    assert len(rows_of(client.get("/my-school/record-views?page=2").text)) == 1


def test_a_real_view_shows_up_for_the_school(client, sign_in, school):
    staff = sign_in(Role.SCHOOL_STAFF, school=school, name="Dee Teacher")
    child = make_child(school)
    assert client.get(f"/children/{child.reference}").status_code == 200
    [row] = [row for row in rows_of(client.get("/my-school/record-views").text)
             if child.reference in row]
    assert staff.name in row and "Child record viewed" in row


def test_my_school_links_to_the_list(client, sign_in, school):
    sign_in(Role.SCHOOL_STAFF, school=school)
    assert 'href="/my-school/record-views"' in client.get("/my-school").text


@pytest.mark.parametrize("role", [Role.VS_ADMIN, Role.VS_ADVISOR,
                                  Role.EDUCATIONAL_PSYCHOLOGIST, Role.SOCIAL_WORKER])
def test_the_list_is_for_school_staff_only(client, sign_in, role):
    sign_in(role)
    assert client.get("/my-school/record-views").status_code == 403
