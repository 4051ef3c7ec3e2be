"""What every response carries: security headers, CSRF, GOV.UK error pages, htmx wiring."""

import re

from app import create_app
from app.models import Role
from tests.conftest import PASSWORD, config_for_tests, make_user


def test_security_headers(client):
    response = client.get("/sign-in")
    csp = response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp
    assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp
    assert re.search(r"script-src 'self' 'sha256-[A-Za-z0-9+/=]+'", csp)
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"


def test_the_csp_hash_matches_the_one_inline_script(client):
    import base64
    import hashlib

    response = client.get("/sign-in")
    scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", response.text, re.S)
    assert len(scripts) == 1
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode()).digest()).decode()
    assert f"'sha256-{digest}'" in response.headers["Content-Security-Policy"]


def test_signed_in_pages_are_not_cached(client, sign_in):
    sign_in(Role.VS_ADMIN)
    assert client.get("/").headers["Cache-Control"] == "no-store"


def test_post_without_csrf_token_is_refused(tmp_path):
    app = create_app(config_for_tests(tmp_path, WTF_CSRF_ENABLED=True))
    with app.app_context():
        from app.extensions import db

        db.create_all()
        user = make_user()
        response = app.test_client().post("/sign-in", data={"email": user.email,
                                                             "password": PASSWORD})
        assert response.status_code == 400
        assert "nothing was saved" in response.text


def test_htmx_post_with_token_header_is_accepted(tmp_path):
    app = create_app(config_for_tests(tmp_path, WTF_CSRF_ENABLED=True))
    with app.app_context():
        from app.extensions import db

        db.create_all()
        client = app.test_client()
        page = client.get("/sign-in").text
        token = re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)
        refused = client.post("/sign-out", headers={"HX-Request": "true"})
        assert refused.status_code == 400
        accepted = client.post("/sign-out", headers={"HX-Request": "true", "X-CSRFToken": token})
        assert accepted.status_code == 302


def test_htmx_is_configured_for_own_server_only(client):
    page = client.get("/sign-in").text
    assert '"selfRequestsOnly": true' in page
    assert "vendor/htmx/htmx.min.js" in page


def test_unknown_page_is_a_gov_uk_404(client):
    response = client.get("/no-such-page")
    assert response.status_code == 404
    assert "Page not found" in response.text
    assert "govuk-template" in response.text


def test_forbidden_is_a_gov_uk_403(client, sign_in):
    sign_in(Role.SOCIAL_WORKER)
    response = client.get("/admin/users")
    assert response.status_code == 403
    assert "You do not have permission to see this page" in response.text


def test_server_error_is_a_gov_uk_500(app, client, sign_in):
    app.config["PROPAGATE_EXCEPTIONS"] = False

    def broken():
        raise RuntimeError("boom")

    from app.auth.permissions import public

    app.add_url_rule("/broken", "broken", public(broken))
    response = client.get("/broken")
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.text


def test_govuk_assets_are_served_where_the_stylesheet_asks(client):
    assert client.get("/assets/fonts/bold-b542beb274-v2.woff2").status_code == 200
    assert client.get("/static/vendor/govuk/govuk-frontend.min.css").status_code == 200


def test_an_oversized_upload_is_refused_before_it_is_read(client, sign_in):
    sign_in(Role.VS_ADMIN)
    big = b"urn,name,phase\n" + b"x" * (3 * 1024 * 1024 + 10)
    import io

    response = client.post("/admin/schools/import", data={"csv_file": (io.BytesIO(big), "big.csv")},
                           content_type="multipart/form-data")
    assert response.status_code == 413
    assert "The file is too large" in response.text
