"""The VS admin resets someone's two-factor sign-in: confirmed, audited, and set up again."""

import re

import pytest

from app import create_app
from app.extensions import db
from app.models import AuditEvent, RecoveryCode, RememberedDevice, Role
from app.services import two_factor
from tests.conftest import (
    PASSWORD,
    FreshContextClient,
    config_for_tests,
    enter_code,
    make_user,
    set_up_two_factor,
    sign_in_with,
)


def remembered_ep(app):
    """An EP with two-factor sign-in, recovery codes and a remembered device."""
    ep = make_user(Role.EDUCATIONAL_PSYCHOLOGIST, name="Dr Ada Lane")
    set_up_two_factor(ep)
    two_factor.regenerate_recovery_codes(ep)
    theirs = app.test_client()
    theirs.post("/sign-in", data={"email": ep.email, "password": PASSWORD})
    assert enter_code(theirs, ep, remember="y").location == "/"
    return ep


def test_the_admin_resets_an_eps_second_factor_and_they_set_it_up_again(app, client, sign_in):
    ep = remembered_ep(app)
    admin = sign_in(Role.VS_ADMIN)
    page = client.get(f"/admin/users/{ep.id}").text
    assert "Two-factor sign-in" in page and "Reset two-factor sign-in" in page

    confirm = client.get(f"/admin/users/{ep.id}/reset-two-factor")
    assert confirm.status_code == 200
    assert "Reset two-factor sign-in?" in confirm.text
    assert "They must set up two-factor sign-in again" in confirm.text
    assert two_factor.is_set_up(ep)  # asking is not doing

    response = client.post(f"/admin/users/{ep.id}/reset-two-factor")
    assert response.location == f"/admin/users/{ep.id}"
    assert "They must set it up again when they next sign in" in client.get(response.location).text
    assert not two_factor.is_set_up(ep)
    for model in (RecoveryCode, RememberedDevice):
        assert db.session.scalar(db.select(model).filter_by(user_id=ep.id)) is None
    event = db.session.scalar(db.select(AuditEvent).filter_by(action="two_factor_reset"))
    assert event.actor_id == admin.id and event.record_id == str(ep.id)

    theirs = app.test_client()
    assert theirs.post("/sign-in", data={"email": ep.email, "password": PASSWORD}).location == "/"
    assert theirs.get("/").location == "/two-factor/set-up"


@pytest.mark.parametrize("role", [Role.SCHOOL_STAFF, Role.VS_ADVISOR,
                                  Role.EDUCATIONAL_PSYCHOLOGIST, Role.SOCIAL_WORKER])
def test_only_the_vs_admin_can_reset_someone_elses_second_factor(app, client, sign_in, role):
    ep = remembered_ep(app)
    sign_in(role)
    assert client.get(f"/admin/users/{ep.id}/reset-two-factor").status_code == 403
    assert client.post(f"/admin/users/{ep.id}/reset-two-factor").status_code == 403
    assert two_factor.is_set_up(ep)
    assert db.session.scalar(db.select(AuditEvent).filter_by(action="two_factor_reset")) is None


def test_resetting_an_unknown_user_is_a_404(client, sign_in):
    sign_in(Role.VS_ADMIN)
    assert client.post("/admin/users/999999/reset-two-factor").status_code == 404


CSRF_FIELD = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')


def test_the_reset_needs_the_forms_csrf_token(tmp_path):
    app = create_app(config_for_tests(tmp_path, WTF_CSRF_ENABLED=True))
    app.test_client_class = FreshContextClient
    with app.app_context():
        db.create_all()
        admin, ep = make_user(Role.VS_ADMIN), make_user(Role.EDUCATIONAL_PSYCHOLOGIST)
        set_up_two_factor(admin)
        set_up_two_factor(ep)
        client = app.test_client()

        def token(path):
            return CSRF_FIELD.search(client.get(path).text).group(1)

        client.post("/sign-in", data={"email": admin.email, "password": PASSWORD,
                                      "csrf_token": token("/sign-in")})
        enter_code(client, admin, csrf_token=token("/sign-in/code"))
        assert client.get("/").status_code == 200

        forged = client.post(f"/admin/users/{ep.id}/reset-two-factor")
        assert forged.status_code == 400
        assert two_factor.is_set_up(ep)
        confirm = token(f"/admin/users/{ep.id}/reset-two-factor")
        response = client.post(f"/admin/users/{ep.id}/reset-two-factor",
                               data={"csrf_token": confirm})
        assert response.status_code == 302
        assert not two_factor.is_set_up(ep)
        db.session.remove()
        db.drop_all()


def test_a_school_staff_member_reset_is_simply_off(app, client, sign_in):
    staff = make_user(Role.SCHOOL_STAFF, name="Kim Lee")
    set_up_two_factor(staff)
    sign_in(Role.VS_ADMIN)
    client.post(f"/admin/users/{staff.id}/reset-two-factor")
    theirs = app.test_client()
    assert sign_in_with(theirs, staff).location == "/"
    assert theirs.get("/").status_code == 200
