"""Every page each role uses passes axe-core and loads without a console or CSP error."""

import pytest

from tests.browser.conftest import assert_accessible, sign_in_as

PAGES = {
    "admin@convene.test": ["/admin/users", "/admin/users/new", "/admin/schools",
                           "/admin/schools/new", "/admin/schools/import", "/admin/themes",
                           "/admin/themes/new", "/admin/signposting", "/admin/never-names",
                           "/admin/never-names/1/remove", "/triage", "/sessions",
                           "/sessions/new", "/sessions/series", "/sessions/1",
                           "/sessions/1/edit", "/sessions/2/cancel", "/admin/booking-rules",
                           "/bookings", "/bookings/1", "/calendar", "/admin/outbox",
                           "/dashboard", "/accessibility", "/admin/audit",
                           "/admin/audit?action=signed_in", "/admin/retention"],
    "advisor@convene.test": ["/triage", "/triage?status=accepted", "/sessions", "/bookings",
                             "/bookings/1"],
    "ep@convene.test": ["/sessions", "/sessions/1", "/bookings", "/bookings/1", "/outcomes",
                        "/calendar"],
    "senco@convene.test": ["/requests", "/requests/new", "/children", "/children/new",
                           "/children/C-7F3K2Q", "/children/C-7F3K2Q/edit", "/my-school",
                           "/slots", "/slots?mode=in_person", "/slots/2/book", "/bookings",
                           "/bookings/1", "/bookings/1/move", "/bookings/1/cancel",
                           "/children/C-7F3K2Q/profile", "/children/C-7F3K2Q/profile/edit",
                           "/children/C-7F3K2Q/tac", "/children/C-7F3K2Q/tac/new",
                           "/children/C-7F3K2Q/actions", "/actions", "/calendar",
                           "/my-school/record-views"],
    "socialworker@convene.test": ["/bookings", "/bookings/1", "/calendar"],
}


@pytest.mark.parametrize("email", PAGES, ids=lambda e: e.split("@")[0])
def test_pages_pass_axe(page, axe, email):
    sign_in_as(page, email)
    page.wait_for_url("**/")
    for path in PAGES[email]:
        response = page.goto(path)
        assert response.status == 200, path
        assert page.locator("h1").count() == 1, path
        for legend in page.locator("legend").all():
            # text_content, not inner_text: a legend inside a closed <details> has no
            # rendered text but must still have words.
            assert legend.text_content().strip(), (path, "a fieldset with an empty legend")
        assert_accessible(axe, page)
    assert page.problems.errors == []
