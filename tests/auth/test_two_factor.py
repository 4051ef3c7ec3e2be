"""Two-factor sign-in: who must set it up, the code step, recovery codes and remembered devices."""

import re
import time
from datetime import timedelta

import pyotp
import pytest

from app.extensions import db
from app.models import AuditEvent, RecoveryCode, RememberedDevice, Role, TwoFactorCredential
from app.models.types import utcnow
from app.services import two_factor
from tests.conftest import PASSWORD, enter_code, make_user, set_up_two_factor, sign_in_with

REQUIRED = [Role.VS_ADMIN, Role.VS_ADVISOR, Role.EDUCATIONAL_PSYCHOLOGIST]
OPTIONAL = [Role.SCHOOL_STAFF, Role.SOCIAL_WORKER]


def password_step(client, user, password=PASSWORD):
    return client.post("/sign-in", data={"email": user.email, "password": password})


def actions(action: str) -> list[AuditEvent]:
    db.session.expire_all()
    return db.session.scalars(db.select(AuditEvent).filter_by(action=action)).all()


def code_at(secret: str, steps_from_now: int = 0) -> str:
    return pyotp.TOTP(secret).at(time.time() + steps_from_now * 30)


def is_signed_in(client) -> bool:
    return client.get("/").status_code == 200


@pytest.fixture
def later(monkeypatch):
    """later(days): the service's clock moved on."""

    def move(**delta):
        moved = utcnow() + timedelta(**delta)
        monkeypatch.setattr("app.services.two_factor.utcnow", lambda: moved)

    return move


# Who must set it up -------------------------------------------------------------------------

@pytest.mark.parametrize("role", REQUIRED)
def test_required_roles_set_it_up_before_any_other_page(client, role):
    user = make_user(role)
    assert password_step(client, user).status_code == 302
    for page in ("/", "/account", "/bookings"):
        response = client.get(page)
        assert response.status_code == 302, page
        assert response.location == "/two-factor/set-up"
    set_up = client.get("/two-factor/set-up")
    assert set_up.status_code == 200
    assert "Set up two-factor sign-in" in set_up.text
    assert 'src="data:image/svg+xml' in set_up.text
    secret = two_factor.secret_of(two_factor.credential_for(user))
    assert " ".join(re.findall(".{4}", secret)) in set_up.text
    # Signing out still works.
    assert client.post("/sign-out").location == "/sign-in"


@pytest.mark.parametrize("role", OPTIONAL)
def test_optional_roles_are_not_made_to_set_it_up(client, role):
    user = make_user(role)
    assert password_step(client, user).location == "/"
    assert is_signed_in(client)
    account = client.get("/account").text
    assert "Two-factor sign-in is off" in account
    assert 'href="/two-factor/set-up"' in account


def test_setting_it_up_with_a_right_code_shows_ten_recovery_codes_once(client):
    user = make_user(Role.EDUCATIONAL_PSYCHOLOGIST)
    password_step(client, user)
    client.get("/two-factor/set-up")
    secret = two_factor.secret_of(two_factor.credential_for(user))
    assert client.get("/two-factor/set-up").text.count(" ".join(re.findall(".{4}", secret))) == 1

    wrong = client.post("/two-factor/set-up", data={"code": "000000"})
    assert wrong.status_code == 400
    assert "There is a problem" in wrong.text and "The code is not right" in wrong.text
    assert client.get("/").location == "/two-factor/set-up"

    done = client.post("/two-factor/set-up", data={"code": code_at(secret)})
    assert done.status_code == 200
    assert "Save your recovery codes" in done.text
    codes = re.findall(r"<code>([0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4})</code>", done.text)
    assert len(set(codes)) == 10
    stored = db.session.scalars(db.select(RecoveryCode.code_hash).filter_by(user_id=user.id)).all()
    assert len(stored) == 10 and not set(codes) & set(stored)
    assert actions("two_factor_set_up")
    assert is_signed_in(client)
    # The secret is never shown again.
    assert client.get("/two-factor/set-up").location == "/account"
    assert secret not in client.get("/account").text
    assert "Recovery codes left" in client.get("/account").text


def test_the_secret_is_kept_encrypted_with_the_apps_key(app):
    user = make_user()
    secret = set_up_two_factor(user)
    credential = db.session.scalar(db.select(TwoFactorCredential).filter_by(user_id=user.id))
    assert secret not in credential.secret_encrypted
    assert two_factor.secret_of(credential) == secret
    app.config["SECRET_KEY"] = "another key"
    assert two_factor.secret_of(credential) is None


# The code step --------------------------------------------------------------------------------

def test_after_the_password_the_code_is_asked_for_before_anything_else(client):
    user = make_user(Role.VS_ADVISOR)
    secret = set_up_two_factor(user)
    response = password_step(client, user)
    assert response.location == "/sign-in/code"
    page = client.get("/sign-in/code")
    assert "Enter the code from your authenticator app" in page.text
    assert "Remember this device for 30 days" in page.text
    assert client.get("/").location.startswith("/sign-in")  # not signed in yet

    wrong = client.post("/sign-in/code", data={"code": "123 456"
                                               if code_at(secret) != "123456" else "654321"})
    assert wrong.status_code == 400
    assert "There is a problem" in wrong.text
    assert actions("two_factor_code_failed")

    code = code_at(secret)
    right = client.post("/sign-in/code", data={"code": f" {code[:3]} {code[3:]} "})
    assert right.location == "/"
    assert is_signed_in(client)
    assert actions("two_factor_code_used") and actions("signed_in")


def test_the_code_step_takes_the_page_asked_for_before_signing_in(client):
    user = make_user(Role.VS_ADMIN)
    secret = set_up_two_factor(user)
    client.post("/sign-in?next=/admin/users", data={"email": user.email, "password": PASSWORD})
    assert client.post("/sign-in/code", data={"code": code_at(secret)}).location == "/admin/users"


def test_a_code_is_refused_the_second_time(app, client):
    user = make_user(Role.VS_ADMIN)
    secret = set_up_two_factor(user)
    code = code_at(secret)
    password_step(client, user)
    assert client.post("/sign-in/code", data={"code": code}).location == "/"
    client.post("/sign-out")

    password_step(client, user)
    replay = client.post("/sign-in/code", data={"code": code})
    assert replay.status_code == 400
    assert "has been used already" in replay.text
    assert not is_signed_in(client)


def test_a_code_one_step_either_side_is_accepted_but_not_two(client):
    user = make_user(Role.VS_ADMIN)
    secret = set_up_two_factor(user)
    password_step(client, user)
    assert client.post("/sign-in/code", data={"code": code_at(secret, -2)}).status_code == 400
    assert client.post("/sign-in/code", data={"code": code_at(secret, +2)}).status_code == 400
    assert client.post("/sign-in/code", data={"code": code_at(secret, -1)}).location == "/"


@pytest.mark.parametrize("typed", ["", "12345", "1234567", "abcdef", "12 34 5", "１２３４５６"])
def test_anything_but_six_digits_is_refused_with_an_error(client, typed):
    user = make_user(Role.VS_ADMIN)
    set_up_two_factor(user)
    password_step(client, user)
    response = client.post("/sign-in/code", data={"code": typed})
    assert response.status_code == 400
    assert "Enter the 6-digit code from your authenticator app" in response.text


def test_five_wrong_codes_send_you_back_to_sign_in(client):
    user = make_user(Role.VS_ADMIN)
    set_up_two_factor(user)
    password_step(client, user)
    wrong = "000000" if code_at(two_factor.secret_of(two_factor.credential_for(user))) != \
        "000000" else "111111"
    for _ in range(4):
        assert client.post("/sign-in/code", data={"code": wrong}).status_code == 400
    fifth = client.post("/sign-in/code", data={"code": wrong})
    assert fifth.location == "/sign-in"
    assert "too many wrong codes" in client.get("/sign-in").text
    assert client.get("/sign-in/code").location == "/sign-in"
    assert len(actions("two_factor_code_failed")) == 5


def test_ten_wrong_codes_in_a_row_close_the_code_step_for_fifteen_minutes(client, later):
    user = make_user(Role.VS_ADMIN)
    secret = set_up_two_factor(user)
    for _ in range(2):
        password_step(client, user)
        for _ in range(5):
            client.post("/sign-in/code", data={"code": "99999" + str(int(code_at(secret)[5]) ^ 1)})
    password_step(client, user)
    refused = client.post("/sign-in/code", data={"code": code_at(secret)})
    assert refused.location == "/sign-in"
    assert "Wait 15 minutes" in client.get("/sign-in").text
    later(minutes=16)
    password_step(client, user)
    sixteen_minutes_on = code_at(secret, 32)
    assert client.post("/sign-in/code", data={"code": sixteen_minutes_on}).location == "/"


def test_a_reset_while_on_the_code_page_sends_you_back_to_sign_in(client):
    user = make_user(Role.VS_ADMIN)
    set_up_two_factor(user)
    password_step(client, user)
    two_factor.reset(user, by=None)
    assert client.post("/sign-in/code", data={"code": "123456"}).location == "/sign-in"


def test_the_code_page_without_a_password_first_goes_to_sign_in(client):
    assert client.get("/sign-in/code").location == "/sign-in"
    assert client.post("/sign-in/code", data={"code": "123456"}).location == "/sign-in"
    assert client.get("/sign-in/recovery-code").location == "/sign-in"


# Recovery codes ---------------------------------------------------------------------------

def test_a_recovery_code_signs_in_once(client):
    user = make_user(Role.EDUCATIONAL_PSYCHOLOGIST)
    set_up_two_factor(user)
    codes = two_factor.regenerate_recovery_codes(user)
    password_step(client, user)
    assert "use a recovery code" in client.get("/sign-in/code").text
    typed = codes[3].replace("-", "").upper()
    response = client.post("/sign-in/recovery-code", data={"code": typed})
    assert response.location == "/"
    assert "You have 9 left" in client.get("/").text
    assert actions("two_factor_recovery_code_used")
    client.post("/sign-out")

    password_step(client, user)
    again = client.post("/sign-in/recovery-code", data={"code": codes[3]})
    assert again.status_code == 400
    assert "not right, or has been used already" in again.text
    assert client.post("/sign-in/recovery-code", data={"code": codes[4]}).location == "/"


def test_new_recovery_codes_replace_the_old_ones(client):
    user = make_user(Role.SCHOOL_STAFF)
    set_up_two_factor(user)
    old = two_factor.regenerate_recovery_codes(user)
    sign_in_with(client, user)
    page = client.post("/account/recovery-codes")
    new = re.findall(r"<code>([0-9a-z-]{14})</code>", page.text)
    assert len(new) == 10 and "Your old recovery codes no longer work" in page.text
    client.post("/sign-out")
    password_step(client, user)
    assert client.post("/sign-in/recovery-code", data={"code": old[0]}).status_code == 400
    assert client.post("/sign-in/recovery-code", data={"code": new[0]}).location == "/"


# Remembered devices -----------------------------------------------------------------------

def sign_in_remembering(client, user):
    password_step(client, user)
    response = enter_code(client, user, remember="y")
    assert response.location == "/"
    return response


def test_a_remembered_device_skips_the_code_for_30_days(client, later):
    user = make_user(Role.VS_ADMIN)
    set_up_two_factor(user)
    response = sign_in_remembering(client, user)
    cookie = next(value for value in response.headers.getlist("Set-Cookie")
                  if value.startswith("convene_device="))
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert f"Max-Age={30 * 86400}" in cookie
    assert actions("two_factor_device_remembered")
    client.post("/sign-out")

    assert password_step(client, user).location == "/"
    assert is_signed_in(client)
    client.post("/sign-out")

    later(days=30, minutes=1)
    assert password_step(client, user).location == "/sign-in/code"


def test_a_remembered_device_does_not_skip_the_code_for_someone_else(client):
    first, second = make_user(Role.VS_ADMIN), make_user(Role.VS_ADMIN)
    set_up_two_factor(first)
    set_up_two_factor(second)
    sign_in_remembering(client, first)
    client.post("/sign-out")
    assert password_step(client, second).location == "/sign-in/code"


def test_a_forged_or_copied_device_cookie_is_not_enough(client):
    user = make_user(Role.VS_ADMIN)
    set_up_two_factor(user)
    client.set_cookie("convene_device", "x.y.z")
    assert password_step(client, user).location == "/sign-in/code"


def test_forgetting_all_devices_from_the_account_page(client):
    user = make_user(Role.VS_ADMIN)
    set_up_two_factor(user)
    sign_in_remembering(client, user)
    assert "Remembered devices" in client.get("/account").text
    response = client.post("/account/forget-devices")
    assert response.location == "/account"
    assert "will be asked for a code" in client.get("/account").text
    assert actions("two_factor_devices_forgotten")
    client.post("/sign-out")
    assert password_step(client, user).location == "/sign-in/code"


def test_a_new_password_forgets_remembered_devices(app, client):
    from app.auth.tokens import make_set_password_token

    user = make_user(Role.VS_ADVISOR)
    set_up_two_factor(user)
    sign_in_remembering(client, user)
    client.post("/sign-out")
    link = f"/set-password/{make_set_password_token(user)}"
    new_password = "a brand new long password"
    assert client.post(link, data={"password": new_password,
                                   "confirm": new_password}).status_code == 302
    assert db.session.scalar(db.select(RememberedDevice).filter_by(user_id=user.id)) is None
    assert password_step(client, user, new_password).location == "/sign-in/code"


def test_deactivation_forgets_remembered_devices(client):
    from app.admin.users import set_active

    admin, user = make_user(Role.VS_ADMIN), make_user(Role.VS_ADVISOR)
    set_up_two_factor(user)
    sign_in_remembering(client, user)
    set_active(user, False, by=admin)
    assert db.session.scalar(db.select(RememberedDevice).filter_by(user_id=user.id)) is None


def test_a_rehashed_password_keeps_remembered_devices(client, monkeypatch):
    user = make_user(Role.VS_ADMIN)
    set_up_two_factor(user)
    sign_in_remembering(client, user)
    client.post("/sign-out")
    monkeypatch.setattr("app.auth.views.needs_rehash", lambda _hash: True)
    assert password_step(client, user).location == "/"


# Turning it off (only where the role lets you choose) -------------------------------------------

def test_school_staff_can_turn_it_off_but_an_ep_cannot(client):
    staff = make_user(Role.SCHOOL_STAFF)
    set_up_two_factor(staff)
    sign_in_with(client, staff)
    assert "Turn off two-factor sign-in" in client.get("/account").text
    assert "Turn off two-factor sign-in?" in client.get("/account/turn-off-two-factor").text
    assert client.post("/account/turn-off-two-factor").location == "/account"
    assert not two_factor.is_set_up(staff)
    assert actions("two_factor_turned_off")
    client.post("/sign-out")

    ep = make_user(Role.EDUCATIONAL_PSYCHOLOGIST)
    sign_in_with(client, ep)
    assert "Turn off" not in client.get("/account").text
    assert client.post("/account/turn-off-two-factor").location == "/account"
    assert two_factor.is_set_up(ep)
