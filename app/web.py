"""What every request shares: permissions, session expiry, headers, errors, the layout's context."""

import base64
import hashlib
import re
from pathlib import Path

import govuk_frontend_jinja
from flask import Flask, make_response, render_template, request, send_from_directory
from flask_login import current_user
from werkzeug.exceptions import HTTPException

from app.auth.permissions import enforce_permissions, public
from app.auth.sessions import expire_stale_session
from app.auth.two_factor import require_set_up
from app.input_limits import refuse_nul_characters
from app.london import long_date, long_datetime, time_range
from app.navigation import navigation_for

VENDOR = Path(__file__).resolve().parent / "static" / "vendor"
# Our CSS and JavaScript, and the GOV.UK fonts and images.
FILE_ENDPOINTS = frozenset({"static", "assets"})


def init_app(app: Flask) -> None:
    app.before_request(refuse_nul_characters)
    app.before_request(expire_stale_session)
    app.before_request(enforce_permissions)
    # After the permission check: someone who must set up two-factor sign-in does that first.
    app.before_request(require_set_up)
    csp = content_security_policy()
    app.after_request(lambda response: secure_headers(response, csp))
    app.register_error_handler(HTTPException, render_error)
    app.context_processor(layout_context)
    app.add_template_filter(lambda a, b: {**(a or {}), **(b or {})}, "merge")
    app.add_template_filter(long_date, "london_date")
    app.add_template_filter(long_datetime, "london_datetime")
    # "Tuesday 17 November 2027, 2pm to 2:50pm": a consultation's when, on any page.
    app.add_template_global(time_range, "london_time_range")
    app.add_url_rule("/assets/<path:filename>", "assets", public(govuk_assets))


def govuk_assets(filename):
    """The GOV.UK fonts and images, at the /assets/ path the GOV.UK stylesheet asks for."""
    return send_from_directory(VENDOR / "govuk" / "assets", filename, max_age=86400)


def _template_script_hash() -> str:
    """The hash of the one inline script in the GOV.UK page template (it marks js-enabled)."""
    template = Path(govuk_frontend_jinja.__file__).parent / "templates" / "template.html"
    match = re.search(r"<script[^>]*>(.*?)</script>", template.read_text(), re.S)
    if match is None:
        raise RuntimeError("GOV.UK template has no inline script to hash")
    digest = hashlib.sha256(match.group(1).encode()).digest()
    return "'sha256-" + base64.b64encode(digest).decode() + "'"


def content_security_policy() -> str:
    return "; ".join([
        "default-src 'self'",
        f"script-src 'self' {_template_script_hash()}",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
    ])


def secure_headers(response, csp: str):
    headers = response.headers
    headers.setdefault("Content-Security-Policy", csp)
    headers["X-Content-Type-Options"] = "nosniff"
    headers["X-Frame-Options"] = "DENY"
    headers["Referrer-Policy"] = "same-origin"
    headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
    if request.is_secure:
        headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
    if request.endpoint in FILE_ENDPOINTS:
        return response  # the same for everyone: browsers may keep them
    if current_user.is_authenticated or "Cache-Control" not in headers:
        # Pages about children, and pages carrying a sign-in or set-password token, must not
        # linger in browser, shared or proxy caches. A public response that says otherwise
        # for itself (a calendar feed) keeps what it says.
        headers["Cache-Control"] = "no-store"
    return response


def render_error(error: HTTPException):
    code = error.code or 500
    known = {400, 403, 404, 405, 413, 429, 500}
    template = f"errors/{code}.html" if code in known else "errors/generic.html"
    response = make_response(render_template(template, error=error), code)
    if code == 429:
        response.headers["Retry-After"] = str(getattr(error, "retry_after", 900) or 900)
    return response


def layout_context():
    return {"navigation": navigation_for(current_user, request.endpoint)}
