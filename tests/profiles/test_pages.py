"""Reading the One Page Profile: the latest version, the list of versions, an earlier one."""

import re
from datetime import date

from markupsafe import escape

from app.models import PROFILE_SECTIONS, Role
from tests.conftest import make_child, make_user
from tests.profiles.factories import SECTIONS, audit_events, make_version


def test_without_a_profile_the_page_offers_to_create_one(client, sign_in):
    user = sign_in(Role.SCHOOL_STAFF)
    child = make_child(school=user.school)

    response = client.get(f"/children/{child.reference}/profile")

    assert response.status_code == 200
    assert f"There is no One Page Profile for {child.reference} yet" in response.text
    assert "Create the profile" in response.text
    assert f'href="/children/{child.reference}/profile/edit"' in response.text
    assert ".pdf" not in response.text
    [event] = audit_events("profile_viewed")
    assert event.actor_id == user.id and event.record_id == str(child.id)
    assert event.detail == f"{child.reference}: No profile yet"


def test_the_page_shows_the_latest_version_under_the_six_headings(client, sign_in):
    user = sign_in(Role.SCHOOL_STAFF)
    child = make_child(school=user.school)
    make_version(child, user, calming="Old calming words.")
    saver = make_user(Role.SCHOOL_STAFF, school=user.school, name="Ada Saver")
    make_version(child, saver, admire="I'm kind & <b>funny</b>.\nI draw dragons.",
                 completed_by="SENCO and key adult", with_child=True, with_home=False,
                 with_social_care=True, completed_on=date(2026, 2, 14))

    response = client.get(f"/children/{child.reference}/profile")

    page = response.text
    assert response.status_code == 200
    positions = [page.index(str(escape(heading))) for _, heading in PROFILE_SECTIONS]
    assert positions == sorted(positions)
    assert str(escape("I'm kind & <b>funny</b>.\nI draw dragons.")) in page
    assert "<b>funny</b>" not in page
    assert str(escape(SECTIONS["calming"])) in page and "Old calming words." not in page
    assert "SENCO and key adult" in page
    assert "The child (their own voice) and social care" in page
    assert "14 February 2026" in page
    assert "Version 2, saved by Ada Saver on " in page
    for link in ("/profile/edit", "/profile/versions", "/profile/compare", "/profile.pdf"):
        assert f'href="/children/{child.reference}{link}"' in page
    assert "Change the profile" in page
    [event] = audit_events("profile_viewed")
    assert event.detail == f"{child.reference}: One Page Profile version 2"


def test_the_versions_list_shows_every_version_newest_first(client, sign_in):
    user = sign_in(Role.SCHOOL_STAFF)
    child = make_child(school=user.school)
    for completed_by in ("SENCO", "Key adult", "Designated Teacher"):
        make_version(child, user, completed_by=completed_by)

    page = client.get(f"/children/{child.reference}/profile/versions").text

    assert re.findall(r">Version (\d)</a>", page) == ["3", "2", "1"]
    assert page.index("Designated Teacher") < page.index("Key adult") < page.index("SENCO")
    assert "Latest" in page
    assert f'href="/children/{child.reference}/profile/compare?from=2&amp;to=3"' in page
    assert f'href="/children/{child.reference}/profile/compare?from=1&amp;to=2"' in page
    assert "First version" in page


def test_an_earlier_version_shows_its_own_words_and_links_to_the_latest(client, sign_in):
    user = sign_in(Role.SCHOOL_STAFF)
    child = make_child(school=user.school)
    make_version(child, user, triggers="Version one triggers.")
    make_version(child, user, triggers="Version two triggers.")

    response = client.get(f"/children/{child.reference}/profile/versions/1")

    page = response.text
    assert response.status_code == 200
    assert "One Page Profile: version 1" in page
    assert "Version one triggers." in page and "Version two triggers." not in page
    assert "This is an earlier version" in page
    assert f'href="/children/{child.reference}/profile"' in page
    assert f'href="/children/{child.reference}/profile.pdf?version=1"' in page
    assert "Change the profile" not in page  # changes start from the latest
    [event] = audit_events("profile_viewed")
    assert event.detail == f"{child.reference}: One Page Profile version 1"


def test_a_version_that_does_not_exist_is_not_found(client, sign_in):
    user = sign_in(Role.SCHOOL_STAFF)
    child = make_child(school=user.school)
    make_version(child, user)

    assert client.get(f"/children/{child.reference}/profile/versions/2").status_code == 404
    assert client.get(f"/children/{child.reference}/profile/versions/0").status_code == 404
    assert client.get("/children/C-000000/profile").status_code == 404
