"""The VS admin's list of phrases that are never names: adding, refusing duplicates,
removing after a confirmation, who may use it, and that the guard follows it at once."""

import pytest

from app.extensions import db
from app.models import AuditEvent, NeverAName, Role
from app.services import never_names
from tests.conftest import make_child, make_request, make_school

# A text the guard refuses for the name in it, and the phrase around that name, which the
# Virtual School knows is a club and never anyone's name.
CLUB_TEXT = "He goes to Jack Smith Dance Club on Fridays."
CLUB = "Jack Smith Dance Club"
PAGE = "/admin/never-names"


def listed() -> list[str]:
    return list(db.session.scalars(db.select(NeverAName.phrase).order_by(NeverAName.key)))


def audit_events(action: str) -> list[AuditEvent]:
    return db.session.scalars(db.select(AuditEvent).filter_by(action=action)).all()


def test_the_vs_admin_adds_a_phrase_and_it_is_audited(client, sign_in):
    admin = sign_in(Role.VS_ADMIN)
    page = client.get(PAGE)
    assert page.status_code == 200
    assert "Phrases that are never names" in page.text
    added = client.post(PAGE, data={"phrase": "  Read   Write Inc "}, follow_redirects=True)
    assert added.status_code == 200
    assert "‘Read Write Inc’ added" in added.text
    assert "Read Write Inc" in added.text.split("<table", 1)[1]
    assert admin.name in added.text.split("<table", 1)[1]
    assert listed() == ["Read Write Inc"]
    (event,) = audit_events("never_a_name_added")
    assert (event.actor_id, event.detail) == (admin.id, "Read Write Inc")


@pytest.mark.parametrize("typed, message", [
    ("", "Enter the phrase"),
    ("   ", "Enter the phrase"),
    ("x" * 121, "The phrase must be between 2 and 120 characters"),
    ("READ write inc", "‘READ write inc’ is already on the list"),
])
def test_a_blank_long_or_listed_phrase_is_refused_with_the_typing_kept(client, sign_in, typed,
                                                                       message):
    admin = sign_in(Role.VS_ADMIN)
    never_names.add("Read Write Inc", by=admin)
    db.session.commit()
    response = client.post(PAGE, data={"phrase": typed})
    assert response.status_code == 400
    assert "There is a problem" in response.text
    assert 'href="#phrase"' in response.text and message in response.text
    if typed.strip():
        assert f'value="{typed}"' in response.text
    assert listed() == ["Read Write Inc"]
    assert len(audit_events("never_a_name_added")) == 1


def test_removing_asks_first_then_removes_and_is_audited(client, sign_in):
    admin = sign_in(Role.VS_ADMIN)
    entry = never_names.add("Lego Therapy", by=admin)
    db.session.commit()
    remove = f"{PAGE}/{entry.id}/remove"
    assert f'href="{remove}"' in client.get(PAGE).text
    asking = client.get(remove)
    assert asking.status_code == 200
    assert "Are you sure you want to remove ‘Lego Therapy’?" in asking.text
    assert listed() == ["Lego Therapy"]
    done = client.post(remove, follow_redirects=True)
    assert "‘Lego Therapy’ removed" in done.text
    assert listed() == []
    (event,) = audit_events("never_a_name_removed")
    assert (event.actor_id, event.detail) == (admin.id, "Lego Therapy")
    assert client.post(remove).status_code == 404


@pytest.mark.parametrize("role", [Role.SCHOOL_STAFF, Role.VS_ADVISOR,
                                  Role.EDUCATIONAL_PSYCHOLOGIST, Role.SOCIAL_WORKER])
def test_only_the_vs_admin_may_see_or_change_the_list(client, sign_in, role):
    entry = never_names.add("Lego Therapy", by=None)
    db.session.commit()
    sign_in(role)
    remove = f"{PAGE}/{entry.id}/remove"
    assert client.get(PAGE).status_code == 403
    assert client.post(PAGE, data={"phrase": "Read Write Inc"}).status_code == 403
    assert client.get(remove).status_code == 403
    assert client.post(remove).status_code == 403
    assert listed() == ["Lego Therapy"]


def test_the_admin_navigation_and_home_link_to_the_list(client, sign_in):
    sign_in(Role.VS_ADMIN)
    assert f'href="{PAGE}"' in client.get("/").text
    assert f'href="{PAGE}"' in client.get("/admin/themes").text


def _ask(client, draft):
    return client.post(f"/requests/{draft.id}/question", data={"question": CLUB_TEXT})


def test_a_phrase_added_is_not_flagged_at_once_and_is_again_once_removed(client, sign_in):
    school = make_school()
    staff = sign_in(Role.SCHOOL_STAFF, school=school)
    draft = make_request(make_child(school), sent=False, by=staff)
    refused = _ask(client, draft)
    assert refused.status_code == 400 and "‘Jack Smith’" in refused.text  # the guard flags it

    client.post("/sign-out")
    sign_in(Role.VS_ADMIN)
    client.post(PAGE, data={"phrase": CLUB.lower()})
    client.post("/sign-out")
    sign_in(Role.SCHOOL_STAFF, school=school)
    accepted = _ask(client, draft)
    assert accepted.status_code == 302, accepted.text

    client.post("/sign-out")
    sign_in(Role.VS_ADMIN)
    entry = db.session.scalars(db.select(NeverAName)).one()
    client.post(f"{PAGE}/{entry.id}/remove")
    client.post("/sign-out")
    sign_in(Role.SCHOOL_STAFF, school=school)
    again = _ask(client, draft)
    assert again.status_code == 400 and "‘Jack Smith’" in again.text
