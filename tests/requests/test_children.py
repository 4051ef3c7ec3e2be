"""A school's child records: the list, adding one, its page, changing it, and who may."""

import re

import pytest
from markupsafe import escape

from app.extensions import db
from app.models import AuditEvent, ChildRecord, Cohort, Role, SenStatus, YearGroup
from app.privacy import describe_findings, find_identifiers, upn_check_letter
from tests.conftest import make_child, make_request, make_school

HTMX = {"HX-Request": "true"}
CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def good_form(**changes) -> dict:
    data = {"initials": "J. s", "year_group": "year_5", "cohort": "child_in_care",
            "sen_status": "ehcp", "school_note": "MIS ref 4471"}
    data.update(changes)
    return data


def children_in_db() -> list[ChildRecord]:
    return db.session.scalars(db.select(ChildRecord).order_by(ChildRecord.id)).all()


def audit_events(action: str) -> list[AuditEvent]:
    return db.session.scalars(db.select(AuditEvent).filter_by(action=action)).all()


def references_listed(page: str) -> list[str]:
    return re.findall(r'href="/children/(C-[0-9A-Z]{6})"', page)


# The list --------------------------------------------------------------------------------


def test_list_shows_only_the_schools_own_children_with_their_details(client, sign_in):
    user = sign_in(Role.SCHOOL_STAFF)
    ours = make_child(school=user.school, initials="AB", school_note="MIS 123",
                      year_group=YearGroup.YEAR_3, cohort=Cohort.KINSHIP_CARE,
                      sen_status=SenStatus.EHCP)
    make_request(ours)
    make_request(ours, sent=False)
    theirs = make_child(school=make_school(), initials="ZZ", school_note="Their note")

    response = client.get("/children")

    assert response.status_code == 200
    page = response.text
    assert references_listed(page) == [ours.reference]
    assert theirs.reference not in page and "Their note" not in page
    assert "AB" in page and "Year 3" in page and "Child in kinship care" in page
    assert "EHC plan" in page and "MIS 123" in page
    assert re.search(r'govuk-table__cell--numeric">\s*2\s*<', page)
    assert "1 child record" in page
    assert 'href="/children/new"' in page and "Add a child record" in page


def test_list_filter_finds_by_reference_or_initials_and_htmx_gets_only_the_results(
        client, sign_in):
    user = sign_in(Role.SCHOOL_STAFF)
    alpha = make_child(school=user.school, initials="AB")
    beta = make_child(school=user.school, initials="CD")

    assert references_listed(client.get("/children?search=c.d").text) == [beta.reference]
    by_reference = client.get(f"/children?search={alpha.reference[2:].lower()}").text
    assert references_listed(by_reference) == [alpha.reference]
    assert "1 child record found" in by_reference

    # "uu": Crockford references have no U, and the initials are AB and CD
    partial = client.get("/children?search=uu", headers=HTMX)
    assert "<html" not in partial.text
    assert "No child records match" in partial.text
    assert "HX-Request" in partial.headers["Vary"]


# Adding a record ------------------------------------------------------------------------------


def test_adding_a_record_saves_it_for_the_users_school_and_audits(client, sign_in):
    user = sign_in(Role.SCHOOL_STAFF)
    other = make_school()

    response = client.post("/children/new", data=good_form(school_id=other.id))

    [child] = children_in_db()
    assert response.status_code == 302
    assert response.headers["Location"] == f"/children/{child.reference}"
    assert child.school_id == user.school_id  # never from the form
    assert child.initials == "JS"
    assert child.year_group == YearGroup.YEAR_5
    assert child.cohort == Cohort.CHILD_IN_CARE
    assert child.sen_status == SenStatus.EHCP
    assert child.school_note == "MIS ref 4471"
    assert child.created_by_id == user.id
    [event] = audit_events("child_record_created")
    assert event.actor_id == user.id and event.record_id == str(child.id)

    page = client.get(response.headers["Location"]).text
    assert f"Child record {child.reference} added" in page


def test_the_reference_is_random_in_the_crockford_alphabet(client, sign_in):
    sign_in(Role.SCHOOL_STAFF)
    client.post("/children/new", data=good_form())
    client.post("/children/new", data=good_form())

    first, second = (child.reference for child in children_in_db())
    for reference in (first, second):
        assert re.fullmatch(f"C-[{CROCKFORD}]{{6}}", reference)
    assert first != second


def test_a_reference_clash_draws_again(client, sign_in, monkeypatch):
    user = sign_in(Role.SCHOOL_STAFF)
    taken = make_child(school=user.school).reference
    draws = iter([taken, "C-NEW000"])
    monkeypatch.setattr("app.requests.children.new_child_reference", lambda: next(draws))

    response = client.post("/children/new", data=good_form())

    assert response.status_code == 302
    assert sorted(child.reference for child in children_in_db()) == sorted([taken, "C-NEW000"])


@pytest.mark.parametrize(("changes", "message"), [
    ({"initials": ""}, "Enter the child&#39;s initials"),
    ({"initials": " . "}, "Enter the child&#39;s initials"),
    ({"initials": "ABCD"}, "Initials must be 1 to 3 letters, like JS"),
    ({"initials": "J5"}, "Initials must be 1 to 3 letters, like JS"),
    ({"year_group": ""}, "Select the child&#39;s year group"),
    ({"year_group": "year_99"}, "Select the child&#39;s year group"),
    ({"cohort": ""}, "Select the child&#39;s cohort"),
    ({"sen_status": "lots"}, "Select the child&#39;s SEN status"),
    ({"school_note": "x" * 201}, "The note must be 200 characters or fewer"),
])
def test_bad_input_is_refused_keeping_what_was_typed(client, sign_in, changes, message):
    sign_in(Role.SCHOOL_STAFF)
    data = good_form(**changes)

    response = client.post("/children/new", data=data)

    assert response.status_code == 400
    assert "There is a problem" in response.text
    assert message in response.text
    assert "<title>Error: " in response.text
    assert 'value="child_in_care" checked' in response.text or "cohort" in changes
    assert children_in_db() == []


@pytest.mark.parametrize("note", [
    "UPN {upn}",
    "Jack Smith in 5B",
    "DOB 12/03/2015",
])
def test_identifying_notes_are_refused_with_the_guards_message(client, sign_in, note):
    sign_in(Role.SCHOOL_STAFF)
    body = "820200101001"
    note = note.format(upn=upn_check_letter(body) + body)

    response = client.post("/children/new", data=good_form(school_note=note))

    assert response.status_code == 400
    expected = describe_findings(find_identifiers(note))
    assert expected
    assert str(escape(expected)) in response.text
    assert str(escape(note)) in response.text  # kept, so they can correct it
    assert children_in_db() == []


def test_next_request_continues_to_the_advice_request_form(client, sign_in):
    sign_in(Role.SCHOOL_STAFF)
    form_page = client.get("/children/new?next=request").text
    assert 'href="/requests/new"' in form_page  # the back link returns to the request

    response = client.post("/children/new?next=request", data=good_form())

    [child] = children_in_db()
    assert response.status_code == 302
    assert response.headers["Location"] == f"/requests/new?child={child.reference}"
    page = client.get(response.headers["Location"]).text
    assert f'value="{child.reference}" checked' in page


# The record's page --------------------------------------------------------------------------


def test_record_page_shows_the_record_its_requests_and_audits_the_view(client, sign_in):
    user = sign_in(Role.SCHOOL_STAFF)
    child = make_child(school=user.school, initials="KT", school_note="MIS 77")
    sent = make_request(child)
    draft = make_request(child, sent=False)

    response = client.get(f"/children/{child.reference}")

    assert response.status_code == 200
    page = response.text
    assert f"<h1 class=\"govuk-heading-l\">{child.reference}</h1>" in page
    assert "KT" in page and "Year 7" in page and "MIS 77" in page
    assert f'href="/children/{child.reference}/edit#cohort"' in page
    assert f'href="/requests/{sent.id}"' in page and sent.reference in page
    assert f'href="/requests/{draft.id}/check"' in page and "Draft" in page
    assert "Submitted" in page
    assert f'href="/requests/new?child={child.reference}"' in page
    assert "Ask the Virtual School for advice about this child" in page
    [event] = audit_events("child_record_viewed")
    assert event.actor_id == user.id and event.record_id == str(child.id)


# Changing a record ---------------------------------------------------------------------------


def test_editing_changes_the_record_and_audits_which_fields(client, sign_in):
    user = sign_in(Role.SCHOOL_STAFF)
    child = make_child(school=user.school, initials="JS", school_note="Old secret note")
    form_page = client.get(f"/children/{child.reference}/edit").text
    assert 'value="JS"' in form_page and 'value="Old secret note"' in form_page

    response = client.post(f"/children/{child.reference}/edit", data=good_form(
        initials="js", year_group="year_7", cohort="none_of_these", sen_status="sen_support",
        school_note="New secret note"))

    assert response.status_code == 302
    assert response.headers["Location"] == f"/children/{child.reference}"
    db.session.refresh(child)
    assert child.cohort == Cohort.NONE_OF_THESE
    assert child.school_note == "New secret note"
    assert child.school_id == user.school_id
    [event] = audit_events("child_record_updated")
    assert event.detail == "Changed cohort, school-only note"
    assert "secret" not in event.detail
    assert f"Child record {child.reference} updated" in client.get(
        response.headers["Location"]).text


def test_editing_with_bad_input_changes_nothing(client, sign_in):
    user = sign_in(Role.SCHOOL_STAFF)
    child = make_child(school=user.school, initials="JS")

    response = client.post(f"/children/{child.reference}/edit",
                           data=good_form(initials="TOOLONG"))

    assert response.status_code == 400
    assert 'value="TOOLONG"' in response.text
    db.session.refresh(child)
    assert child.initials == "JS"
    assert audit_events("child_record_updated") == []


# Who may ------------------------------------------------------------------------------------


def test_another_schools_child_is_not_found_to_see_or_change(client, sign_in):
    sign_in(Role.SCHOOL_STAFF)
    theirs = make_child(school=make_school(), initials="ZZ")

    assert client.get(f"/children/{theirs.reference}").status_code == 404
    assert client.get(f"/children/{theirs.reference}/edit").status_code == 404
    response = client.post(f"/children/{theirs.reference}/edit", data=good_form())

    assert response.status_code == 404
    db.session.refresh(theirs)
    assert theirs.initials == "ZZ"
    assert audit_events("child_record_viewed") == []
    assert audit_events("child_record_updated") == []


@pytest.mark.parametrize("role", [Role.VS_ADMIN, Role.VS_ADVISOR,
                                  Role.EDUCATIONAL_PSYCHOLOGIST, Role.SOCIAL_WORKER])
def test_other_roles_are_refused(client, sign_in, role):
    sign_in(role)
    child = make_child()
    for path in ("/children", "/children/new", f"/children/{child.reference}",
                 f"/children/{child.reference}/edit"):
        assert client.get(path).status_code == 403, path
    assert client.post("/children/new", data=good_form()).status_code == 403
    assert len(children_in_db()) == 1


def test_signed_out_visitors_are_sent_to_sign_in(client):
    response = client.get("/children")
    assert response.status_code == 302
    assert "/sign-in" in response.headers["Location"]
