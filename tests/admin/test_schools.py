"""The VS admin's school pages: the list with its filters and pages, adding and editing."""

import re

import pytest

from app.extensions import db
from app.models import AuditEvent, Phase, Role, School
from tests.conftest import make_school, make_user

HTMX = {"HX-Request": "true"}


def good_form(**changes) -> dict:
    data = {"name": "Riverside Primary", "urn": "123456", "phase": "primary",
            "local_authority": "Testshire"}
    data.update(changes)
    return data


def school_names(page: str) -> list[str]:
    return re.findall(r'href="/admin/schools/\d+/edit">([^<]+)</a>', page)


def audit_events(action: str) -> list[AuditEvent]:
    return db.session.scalars(db.select(AuditEvent).filter_by(action=action)).all()


# The list --------------------------------------------------------------------------------


def test_list_shows_each_school_with_a_count_and_the_ways_to_add(client, sign_in):
    sign_in(Role.VS_ADMIN)
    oak = make_school(name="Oak Primary", urn="111111", phase=Phase.PRIMARY)
    make_school(name="Ash Academy", urn="222222", phase=Phase.SECONDARY)
    response = client.get("/admin/schools")
    assert response.status_code == 200
    page = response.text
    assert "<html" in page
    assert "2 schools" in page
    assert school_names(page) == ["Ash Academy", "Oak Primary"]
    assert f'href="/admin/schools/{oak.id}/edit"' in page
    assert "111111" in page and "Secondary" in page and "Testshire" in page
    assert "Add a school" in page
    assert "Import schools from a spreadsheet (CSV)" in page
    assert 'hx-get="/admin/schools"' in page and 'hx-push-url="true"' in page


def test_search_matches_part_of_a_name_in_any_case_or_a_urn(client, sign_in):
    sign_in(Role.VS_ADMIN)
    make_school(name="St Mary's Primary", urn="111111")
    make_school(name="Marybank Academy", urn="222222")
    make_school(name="Oak School", urn="333333")
    assert school_names(client.get("/admin/schools?search=MARY").text) == [
        "Marybank Academy", "St Mary&#39;s Primary"]
    page = client.get("/admin/schools?search=+333333+").text
    assert school_names(page) == ["Oak School"]
    assert "1 school found" in page
    assert 'value="333333"' in page


def test_search_treats_wildcards_as_plain_characters(client, sign_in):
    sign_in(Role.VS_ADMIN)
    make_school(name="Oak School")
    assert school_names(client.get("/admin/schools?search=%25").text) == []


def test_phase_filter_shows_only_that_phase(client, sign_in):
    sign_in(Role.VS_ADMIN)
    make_school(name="Oak Primary", phase=Phase.PRIMARY)
    make_school(name="Elm Special", phase=Phase.SPECIAL)
    page = client.get("/admin/schools?phase=special").text
    assert school_names(page) == ["Elm Special"]
    assert '<option value="special" selected' in page
    # An unknown phase in a hand-edited address shows them all rather than failing.
    assert len(school_names(client.get("/admin/schools?phase=nonsense").text)) == 2


def test_no_matches_says_so(client, sign_in):
    sign_in(Role.VS_ADMIN)
    make_school(name="Oak Primary")
    page = client.get("/admin/schools?search=zebra").text
    assert "0 schools found" in page
    assert "No schools match" in page


def test_htmx_gets_just_the_results_and_every_response_varies_on_hx_request(client, sign_in):
    sign_in(Role.VS_ADMIN)
    make_school(name="Oak Primary")
    response = client.get("/admin/schools?search=oak", headers=HTMX)
    assert response.status_code == 200
    assert "<html" not in response.text
    assert "<form" not in response.text
    assert school_names(response.text) == ["Oak Primary"]
    assert "HX-Request" in response.headers["Vary"]
    assert "HX-Request" in client.get("/admin/schools").headers["Vary"]


def test_htmx_history_restore_gets_the_whole_page(client, sign_in):
    sign_in(Role.VS_ADMIN)
    headers = {**HTMX, "HX-History-Restore-Request": "true"}
    assert "<html" in client.get("/admin/schools?search=oak", headers=headers).text


def test_sixty_schools_are_shown_fifty_to_a_page_keeping_the_filters(client, sign_in):
    sign_in(Role.VS_ADMIN)
    for n in range(60):
        make_school(name=f"Primary {n:02}", urn=f"{200000 + n}", phase=Phase.PRIMARY)
    make_school(name="Secondary 1", urn="300000", phase=Phase.SECONDARY)
    first = client.get("/admin/schools?search=primary&phase=primary").text
    assert "60 schools found" in first
    assert len(school_names(first)) == 50
    assert school_names(first)[0] == "Primary 00"
    assert 'class="govuk-pagination' in first
    assert "/admin/schools?page=2&amp;search=primary&amp;phase=primary" in first
    second = client.get("/admin/schools?page=2&search=primary&phase=primary").text
    assert school_names(second) == [f"Primary {n}" for n in range(50, 60)]
    assert "Showing 51 to 60 of 60" in second
    assert 'aria-current="page"' in second


@pytest.mark.parametrize("page", ["9", "0", "-3", "abc", "99999999999999999999999"])
def test_page_numbers_out_of_range_show_a_real_page(client, sign_in, page):
    sign_in(Role.VS_ADMIN)
    make_school(name="Oak Primary")
    response = client.get(f"/admin/schools?page={page}")
    assert response.status_code == 200
    assert school_names(response.text) == ["Oak Primary"]


def test_a_short_list_has_no_pagination(client, sign_in):
    sign_in(Role.VS_ADMIN)
    make_school()
    assert "govuk-pagination" not in client.get("/admin/schools").text


# Adding ----------------------------------------------------------------------------------


def test_add_form_offers_the_phases_and_our_local_authority(client, sign_in, app):
    sign_in(Role.VS_ADMIN)
    page = client.get("/admin/schools/new").text
    assert "Add a school" in page
    for phase in Phase:
        assert f'value="{phase.value}"' in page and phase.label in page
    assert f'value="{app.config["LOCAL_AUTHORITY"]}"' in page


def test_adding_a_school_saves_audits_and_returns_to_the_list(client, sign_in):
    admin = sign_in(Role.VS_ADMIN)
    response = client.post("/admin/schools/new", data=good_form(urn=" 123 456 ", name=" Oak "))
    assert response.status_code == 302
    assert response.headers["Location"] == "/admin/schools"
    school = db.session.scalars(db.select(School)).one()
    assert (school.name, school.urn, school.phase) == ("Oak", "123456", Phase.PRIMARY)
    [event] = audit_events("school_created")
    assert event.actor_id == admin.id and event.record_id == str(school.id)
    assert "Oak added" in client.get("/admin/schools").text


def test_a_blank_local_authority_is_ours(client, sign_in, app):
    sign_in(Role.VS_ADMIN)
    client.post("/admin/schools/new", data=good_form(local_authority="  "))
    school = db.session.scalars(db.select(School)).one()
    assert school.local_authority == app.config["LOCAL_AUTHORITY"]


@pytest.mark.parametrize(("changes", "message"), [
    ({"urn": ""}, "Enter the school&#39;s URN"),
    ({"urn": "12345"}, "URN must be 6 digits, like 123456"),
    ({"urn": "12345a"}, "URN must be 6 digits, like 123456"),
    ({"urn": "１２３４５６"}, "URN must be 6 digits, like 123456"),
    ({"name": " "}, "Enter the school&#39;s name"),
    ({"name": "x" * 201}, "Name must be 200 characters or fewer"),
    ({"phase": ""}, "Select the school&#39;s phase"),
    ({"phase": "university"}, "Select the school&#39;s phase"),
    ({"local_authority": "x" * 121}, "Local authority must be 120 characters or fewer"),
])
def test_bad_input_is_refused_with_a_message_keeping_what_was_typed(
        client, sign_in, changes, message):
    sign_in(Role.VS_ADMIN)
    data = good_form(**{"name": "Riverside Primary", **changes})
    response = client.post("/admin/schools/new", data=data)
    assert response.status_code == 400
    page = response.text
    assert "<title>Error: " in page
    assert "There is a problem" in page
    assert message in page
    if "name" not in changes:
        assert 'value="Riverside Primary"' in page
    assert db.session.scalars(db.select(School)).all() == []
    assert audit_events("school_created") == []


def test_a_urn_already_used_is_refused(client, sign_in):
    sign_in(Role.VS_ADMIN)
    make_school(urn="123456", name="Oak")
    response = client.post("/admin/schools/new", data=good_form(urn="123456"))
    assert response.status_code == 400
    assert "A school with URN 123456 already exists" in response.text
    assert db.session.scalar(db.select(db.func.count(School.id))) == 1


# Editing ---------------------------------------------------------------------------------


def test_edit_form_shows_the_school_and_how_many_people_have_accounts(client, sign_in):
    sign_in(Role.VS_ADMIN)
    school = make_school(name="Oak Primary", urn="123456", phase=Phase.SECONDARY)
    make_user(Role.SCHOOL_STAFF, school=school)
    make_user(Role.SCHOOL_STAFF, school=school)
    page = client.get(f"/admin/schools/{school.id}/edit").text
    assert 'value="Oak Primary"' in page and 'value="123456"' in page
    assert re.search(r'value="secondary"\s+checked', page)
    assert "2 people have a Convene account at this school" in page
    assert f'href="/schools/{school.id}"' in page


def test_editing_saves_the_changes_and_audits_which_fields(client, sign_in):
    sign_in(Role.VS_ADMIN)
    school = make_school(name="Oak Primary", urn="123456", phase=Phase.PRIMARY,
                         local_authority="Testshire")
    response = client.post(f"/admin/schools/{school.id}/edit",
                           data=good_form(name="Oak Academy", urn="123456", phase="all_through"))
    assert response.status_code == 302
    db.session.refresh(school)
    assert (school.name, school.phase) == ("Oak Academy", Phase.ALL_THROUGH)
    [event] = audit_events("school_updated")
    assert event.record_id == str(school.id)
    assert event.detail == "Changed name, phase"
    assert "Oak Academy updated" in client.get("/admin/schools").text


def test_saving_with_no_changes_is_not_audited(client, sign_in):
    sign_in(Role.VS_ADMIN)
    school = make_school(name="Oak", urn="123456", phase=Phase.PRIMARY, local_authority="Testshire")
    response = client.post(f"/admin/schools/{school.id}/edit", data=good_form(name="Oak"))
    assert response.status_code == 302
    assert audit_events("school_updated") == []


def test_editing_to_another_schools_urn_is_refused_and_nothing_changes(client, sign_in):
    sign_in(Role.VS_ADMIN)
    make_school(urn="111111", name="Ash")
    school = make_school(urn="222222", name="Oak")
    response = client.post(f"/admin/schools/{school.id}/edit",
                           data=good_form(urn="111111", name="Oak Renamed"))
    assert response.status_code == 400
    assert "A school with URN 111111 already exists" in response.text
    assert 'value="Oak Renamed"' in response.text
    db.session.refresh(school)
    assert (school.urn, school.name) == ("222222", "Oak")
    assert audit_events("school_updated") == []


def test_editing_an_unknown_school_is_not_found(client, sign_in):
    sign_in(Role.VS_ADMIN)
    assert client.get("/admin/schools/999/edit").status_code == 404
    assert client.post("/admin/schools/999/edit", data=good_form()).status_code == 404


# Who may --------------------------------------------------------------------------------


@pytest.mark.parametrize("role", [r for r in Role if r != Role.VS_ADMIN])
def test_other_roles_are_refused_every_school_page(client, sign_in, role):
    sign_in(role)
    school = make_school(name="Oak")
    for url in ["/admin/schools", "/admin/schools/new", f"/admin/schools/{school.id}/edit"]:
        assert client.get(url).status_code == 403
    assert client.post("/admin/schools/new", data=good_form()).status_code == 403
    assert client.post(f"/admin/schools/{school.id}/edit",
                       data=good_form(name="Hacked")).status_code == 403
    db.session.refresh(school)
    assert school.name == "Oak"


def test_signed_out_visitors_are_sent_to_sign_in(client):
    response = client.get("/admin/schools")
    assert response.status_code == 302
    assert "/sign-in" in response.headers["Location"]
