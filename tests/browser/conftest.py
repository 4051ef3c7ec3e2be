"""Browser journeys: Convene served on 127.0.0.1 by a real server, driven by Debian's Chromium."""

import threading

import pyotp
import pytest
from axe_playwright_python.sync_playwright import Axe
from flask_migrate import upgrade
from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

from app import create_app
from app.demo import DEMO_PASSWORD, DEMO_TOTP_SECRET, load_demo_data
from app.extensions import db
from tests.conftest import config_for_tests

CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium tries to reach Google and is refused.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]


@pytest.fixture(scope="session")
def live_app(tmp_path_factory):
    folder = tmp_path_factory.mktemp("browser")
    app = create_app(config_for_tests(folder, WTF_CSRF_ENABLED=True))
    with app.app_context():
        # The real migrations, as `make run` applies them: the seeded themes come from there.
        db.drop_all()
        with db.engine.begin() as connection:
            connection.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
        upgrade()
        load_demo_data()
    return app


@pytest.fixture(scope="session")
def live_server(live_app):
    server = make_server("127.0.0.1", 0, live_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.port}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                             args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class PageProblems:
    """Console errors and failed requests: a CSP refusal shows up here."""

    def __init__(self, page):
        self.errors = []
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("requestfailed", self._failed)

    def _failed(self, request):
        # A request the browser itself dropped because the page moved on is not a fault.
        if "ERR_ABORTED" not in (request.failure or ""):
            self.errors.append(f"failed: {request.url} {request.failure}")


def _new_page(browser, live_server, javascript: bool):
    context = browser.new_context(base_url=live_server, java_script_enabled=javascript)
    page = context.new_page()
    page.problems = PageProblems(page)
    return context, page


@pytest.fixture
def page(browser, live_server):
    context, page = _new_page(browser, live_server, javascript=True)
    yield page
    context.close()


@pytest.fixture
def page_without_js(browser, live_server):
    context, page = _new_page(browser, live_server, javascript=False)
    yield page
    context.close()


@pytest.fixture(scope="session")
def axe():
    return Axe()


def assert_accessible(axe, page):
    """axe-core on the page as it is now. axe runs as JavaScript in the page, so with
    JavaScript off (axe=None there) the same pages are checked by the journeys with it on."""
    if axe is None:
        return
    results = axe.run(page)
    assert results.violations_count == 0, results.generate_report()


# Each demo user's remembered-device cookie, from their first sign-in with a code: a code
# works once, and the journeys sign the same people in many times a minute.
_REMEMBERED = {}


def sign_in_as(page, email, password=DEMO_PASSWORD):
    """Sign in through the form; the demo's VS staff and EP also through the code step, with
    the code their authenticator app would show (after the first time, from a remembered
    device)."""
    if email in _REMEMBERED:
        page.context.add_cookies([_REMEMBERED[email]])
    page.goto("/sign-in")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()
    if "/sign-in/code" in page.url:
        page.get_by_label("Code from your authenticator app").fill(
            pyotp.TOTP(DEMO_TOTP_SECRET).now())
        page.get_by_label("Remember this device for 30 days").check()
        with page.expect_navigation():
            page.get_by_role("button", name="Continue").click()
        _REMEMBERED[email] = next(cookie for cookie in page.context.cookies()
                                  if cookie["name"] == "convene_device")
