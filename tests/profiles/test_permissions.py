"""Only staff of the child's school see or change its One Page Profile."""

import pytest

from app.models import Role
from tests.conftest import make_child, make_school, make_user
from tests.profiles.factories import audit_events, form_data, make_version, versions_of

PAGES = ["/profile", "/profile/edit", "/profile/versions", "/profile/versions/1",
         "/profile/compare?from=1&to=2", "/profile.pdf", "/profile.pdf?version=1"]


@pytest.fixture
def their_child(app):
    """Another school's child, with two versions of its profile."""
    child = make_child(school=make_school())
    staff = make_user(Role.SCHOOL_STAFF, school=child.school)
    make_version(child, staff, admire="Their child's words.")
    make_version(child, staff)
    return child


def test_another_schools_profile_is_not_found_and_cannot_be_changed(
        client, sign_in, their_child):
    sign_in(Role.SCHOOL_STAFF)

    for page in PAGES:
        response = client.get(f"/children/{their_child.reference}{page}")
        assert response.status_code == 404, page
        assert "Their child" not in response.text
    posted = client.post(f"/children/{their_child.reference}/profile/edit",
                         data=form_data(based_on=2))
    assert posted.status_code == 404
    assert len(versions_of(their_child)) == 2
    assert audit_events("profile_viewed") == [] and audit_events("profile_compared") == []


@pytest.mark.parametrize("role", [Role.VS_ADMIN, Role.VS_ADVISOR, Role.EDUCATIONAL_PSYCHOLOGIST,
                                  Role.SOCIAL_WORKER])
def test_the_virtual_school_eps_and_social_workers_are_refused(client, sign_in, their_child,
                                                               role):
    sign_in(role)

    for page in PAGES:
        response = client.get(f"/children/{their_child.reference}{page}")
        assert response.status_code == 403, page
        assert "Their child" not in response.text
    posted = client.post(f"/children/{their_child.reference}/profile/edit",
                         data=form_data(based_on=2))
    assert posted.status_code == 403
    assert len(versions_of(their_child)) == 2
    assert audit_events("profile_viewed") == []


def test_signed_out_visitors_are_sent_to_sign_in(client, their_child):
    for page in PAGES:
        response = client.get(f"/children/{their_child.reference}{page}")
        assert response.status_code == 302, page
        assert "/sign-in" in response.location


def test_staff_of_the_childs_own_school_may_use_every_page(client, sign_in, their_child):
    sign_in(Role.SCHOOL_STAFF, school=their_child.school)

    for page in PAGES:
        assert client.get(f"/children/{their_child.reference}{page}").status_code == 200, page
