"""One Page Profile sections refuse identifying text with the GOV.UK error summary; a flagged
name can be confirmed, is kept with the child's record for later versions, and is listed on
the profile."""

from app.extensions import db
from app.models import NameConfirmation, Role
from tests.conftest import make_child
from tests.name_checks import not_a_name_boxes
from tests.profiles.factories import audit_events, form_data, versions_of

NAMED = "I love being Jack Smith in our class assembly play."
HTMX = {"HX-Request": "true"}


def _edit_url(child) -> str:
    return f"/children/{child.reference}/profile/edit"


def test_a_section_with_a_name_is_refused_then_saved_once_confirmed(client, sign_in):
    user = sign_in(Role.SCHOOL_STAFF)
    child = make_child(school=user.school)
    refused = client.post(_edit_url(child), data=form_data(important=NAMED))
    assert refused.status_code == 400
    assert "govuk-error-summary" in refused.text
    assert 'href="#important"' in refused.text and "‘Jack Smith’" in refused.text
    assert NAMED in refused.text
    assert not_a_name_boxes(refused.text) == ["important:Jack Smith"]

    saved = client.post(_edit_url(child), data=form_data(
        important=NAMED, not_a_name="important:Jack Smith"))
    assert saved.status_code == 302, saved.text
    assert versions_of(child)[0].important == NAMED
    (confirmation,) = db.session.scalars(db.select(NameConfirmation)).all()
    assert (confirmation.record_type, confirmation.record_id, confirmation.field,
            confirmation.phrase, confirmation.confirmed_by_id) == (
        "ChildRecord", str(child.id), "important", "Jack Smith", user.id)
    assert [event.detail for event in audit_events("name_not_a_name")] == [
        "What is important to me: Jack Smith"]

    # The next version starts from this one: the confirmed phrase passes without a tick.
    next_one = client.post(_edit_url(child), data=form_data(
        based_on=1, important=NAMED, calming="A quiet corner and a drawing pad."))
    assert next_one.status_code == 302, next_one.text
    assert len(versions_of(child)) == 2

    page = client.get(f"/children/{child.reference}/profile")
    section = page.text.split("Phrases confirmed not to be names", 1)[1]
    assert "‘Jack Smith’" in section and "What is important to me" in section


def test_the_check_as_the_user_leaves_a_section_offers_the_checkbox(client, sign_in):
    user = sign_in(Role.SCHOOL_STAFF)
    child = make_child(school=user.school)
    response = client.post(_edit_url(child), data={"admire": NAMED},
                           headers={**HTMX, "HX-Trigger-Name": "admire"})
    assert response.status_code == 200 and "<html" not in response.text
    assert not_a_name_boxes(response.text) == ["admire:Jack Smith"]
    phone = client.post(_edit_url(child), data={"admire": "Ring home on 07700 900123"},
                        headers={**HTMX, "HX-Trigger-Name": "admire"})
    assert "07700 900123" in phone.text and not_a_name_boxes(phone.text) == []


def test_a_crafted_tick_lets_no_phone_number_into_a_section(client, sign_in):
    user = sign_in(Role.SCHOOL_STAFF)
    child = make_child(school=user.school)
    typed = "Ring home on 07700 900123"
    response = client.post(_edit_url(child), data=form_data(
        calming=typed, not_a_name=[f"calming:{typed}", "calming:07700 900123"]))
    assert response.status_code == 400
    assert 'href="#calming"' in response.text and typed in response.text
    assert versions_of(child) == []
