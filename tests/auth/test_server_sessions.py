"""Sessions held on the server: the cookie is only a random id, and an ended session stays
ended even for someone holding a copy of the cookie."""

import base64
import contextlib
import hashlib
import zlib
from datetime import timedelta

from app.auth.tokens import make_set_password_token
from app.extensions import db
from app.models import Role, WebSession
from app.models.types import utcnow
from app.services import housekeeping
from tests.conftest import (
    PASSWORD,
    config_for_tests,
    make_child,
    make_request,
    make_school,
    make_user,
)

COOKIE = "convene_session"


def _cookie(client) -> str:
    cookie = client.get_cookie(COOKIE)
    assert cookie is not None, "no session cookie"
    return cookie.value


def _copy_of(app, client):
    """A second browser holding a copy of the first one's session cookie."""
    thief = app.test_client()
    thief.set_cookie(COOKIE, _cookie(client))
    return thief


def _signed_in(client) -> bool:
    return client.get("/").status_code == 200


def _rows() -> int:
    return db.session.scalar(db.select(db.func.count()).select_from(WebSession))


def test_a_copied_cookie_is_refused_after_sign_out(app, client, sign_in):
    sign_in(Role.VS_ADVISOR)
    copy = _copy_of(app, client)
    assert _signed_in(copy)
    client.post("/sign-out")
    assert not _signed_in(client)
    response = copy.get("/")
    assert response.status_code == 302
    assert "/sign-in" in response.headers["Location"]


def test_a_copied_cookie_is_refused_after_a_new_password(app, client, sign_in):
    user = sign_in(Role.SCHOOL_STAFF)
    copy = _copy_of(app, client)
    new_password = "plum tractor lantern"
    link = f"/set-password/{make_set_password_token(user)}"
    response = app.test_client().post(link, data={"password": new_password,
                                                  "confirm": new_password})
    assert response.status_code == 302
    assert not _signed_in(copy)
    assert not _signed_in(client)
    assert db.session.scalar(db.select(db.func.count()).select_from(WebSession)
                             .where(WebSession.user_id == user.id)) == 0


def test_a_copied_cookie_is_refused_after_deactivation(app, client, sign_in):
    person = make_user(Role.SOCIAL_WORKER)
    theirs = app.test_client()
    assert theirs.post("/sign-in", data={"email": person.email,
                                         "password": PASSWORD}).status_code == 302
    copy = _copy_of(app, theirs)
    assert _signed_in(copy)
    sign_in(Role.VS_ADMIN)
    assert client.post(f"/admin/users/{person.id}/deactivate").status_code == 302
    assert not _signed_in(copy)
    assert not _signed_in(theirs)
    assert db.session.scalar(db.select(db.func.count()).select_from(WebSession)
                             .where(WebSession.user_id == person.id)) == 0


def test_a_copied_cookie_is_refused_after_an_admin_resets_the_password(app, client, sign_in):
    person = make_user(Role.EDUCATIONAL_PSYCHOLOGIST)
    theirs = app.test_client()
    theirs.post("/sign-in", data={"email": person.email, "password": PASSWORD})
    copy = _copy_of(app, theirs)
    sign_in(Role.VS_ADMIN)
    assert client.post(f"/admin/users/{person.id}/reset-password").status_code == 200
    assert not _signed_in(copy)


def test_signing_out_elsewhere_leaves_other_sessions_alone(app, client, sign_in):
    user = sign_in(Role.VS_ADVISOR)
    laptop = app.test_client()
    laptop.post("/sign-in", data={"email": user.email, "password": PASSWORD})
    laptop.post("/sign-out")
    assert _signed_in(client)


def _readings(value: str):
    """Whatever the cookie could be read as: each dot-separated part base64-decoded, and
    inflated too where it is zlib-compressed (as a signed Flask cookie's payload is)."""
    for part in value.lstrip(".").split("."):
        try:
            decoded = base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))
        except ValueError:
            continue
        yield decoded
        with contextlib.suppress(zlib.error):
            yield zlib.decompress(decoded)


def test_the_cookie_carries_no_message_and_no_user(client, sign_in):
    school = make_school()
    user = sign_in(Role.SCHOOL_STAFF, school=school)
    draft = make_request(make_child(school), sent=False, question=None, by=user)
    response = client.post(f"/requests/{draft.id}/question",
                           data={"question": "What next?", "save_later": "y"})
    assert response.status_code == 302
    message = f"Your draft request for {draft.child.reference} has been saved"
    value = _cookie(client)
    assert message not in value and draft.child.reference not in value
    for readable in _readings(value):
        assert message.encode() not in readable and b"_user_id" not in readable
    # The message is still shown, on the next page.
    assert message in client.get(response.headers["Location"]).text


def test_the_database_keeps_only_a_hash_of_the_id(client, sign_in):
    sign_in(Role.VS_ADMIN)
    value = _cookie(client)
    hashes = db.session.scalars(db.select(WebSession.id_hash)).all()
    assert hashlib.sha256(value.encode()).hexdigest() in hashes
    assert value not in hashes


def test_the_cookie_ends_with_the_browser(client):
    user = make_user()
    response = client.post("/sign-in", data={"email": user.email, "password": PASSWORD})
    cookie = next(h for h in response.headers.getlist("Set-Cookie") if h.startswith(COOKIE))
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie
    assert "Expires=" not in cookie
    assert "Max-Age=" not in cookie
    assert "Secure" not in cookie  # development: http://127.0.0.1 must work


def test_the_cookie_is_secure_in_production(tmp_path):
    from app import create_app

    app = create_app(config_for_tests(tmp_path, ENV_NAME="production"))
    with app.app_context():
        db.create_all()
        user = make_user()
        response = app.test_client().post("/sign-in", data={"email": user.email,
                                                             "password": PASSWORD})
        cookie = next(h for h in response.headers.getlist("Set-Cookie") if h.startswith(COOKIE))
        assert "; Secure" in cookie
        db.session.remove()
        db.drop_all()
        db.engine.dispose()


def test_signing_in_gives_a_new_id(app, client):
    user = make_user()
    with client.session_transaction() as session:
        session["planted"] = "before sign-in"
    before = _cookie(client)
    client.post("/sign-in", data={"email": user.email, "password": PASSWORD})
    assert _cookie(client) != before
    assert _rows() == 1  # the one from before sign-in is gone
    assert not _signed_in(_copy_of_value(app, before))


def _copy_of_value(app, value):
    other = app.test_client()
    other.set_cookie(COOKIE, value)
    return other


def test_a_visitor_reading_pages_stores_nothing(client):
    for path in ("/accessibility", "/healthz", "/static/app.css", "/accessibility"):
        response = client.get(path)
        assert response.status_code == 200
        assert COOKIE not in response.headers.get("Set-Cookie", "")
    assert _rows() == 0


def test_a_form_page_keeps_one_session_for_its_token(app, tmp_path):
    from app import create_app

    with_csrf = create_app(config_for_tests(tmp_path, WTF_CSRF_ENABLED=True))
    with with_csrf.app_context():
        browser = with_csrf.test_client()
        for _ in range(3):
            assert browser.get("/sign-in").status_code == 200
        assert _rows() == 1
        db.session.remove()
        db.engine.dispose()


def test_a_made_up_or_old_style_cookie_is_signed_out_and_replaced(app):
    for value in ("x" * 43, "eyJfdXNlcl9pZCI6IjE6MSJ9.Zz.sig", "a b", "\u00e9" * 10):
        stranger = app.test_client()
        stranger.set_cookie(COOKIE, value)
        response = stranger.get("/")
        assert response.status_code == 302
        assert "/sign-in" in response.headers["Location"]
        assert _cookie(stranger) != value


def test_housekeeping_purges_sessions_too_old_to_use(app, client, sign_in):
    sign_in(Role.VS_ADVISOR)
    assert _rows() == 1
    soon = utcnow() + timedelta(hours=app.config["SESSION_MAX_HOURS"])
    housekeeping.run(soon)
    assert _rows() == 1  # within its lifetime (and the hour's grace): kept
    housekeeping.run(soon + timedelta(hours=2))
    assert _rows() == 0


def test_an_expired_row_is_not_used_even_before_it_is_purged(app, client, sign_in):
    sign_in(Role.VS_ADVISOR)
    db.session.execute(db.update(WebSession).values(
        created_at=utcnow() - timedelta(hours=app.config["SESSION_MAX_HOURS"] + 2)))
    db.session.commit()
    assert not _signed_in(client)
