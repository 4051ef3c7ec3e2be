"""The accessibility statement is public and keeps the service's layout."""

from app.models import Role


def test_anyone_can_read_the_accessibility_statement(client):
    response = client.get("/accessibility")
    assert response.status_code == 200
    assert "Accessibility statement for Convene" in response.text
    assert "Reporting accessibility problems with this service" in response.text
    assert "Sign out" not in response.text


def test_signed_in_people_see_it_with_their_navigation(client, sign_in):
    sign_in(Role.SCHOOL_STAFF)
    response = client.get("/accessibility")
    assert response.status_code == 200
    assert "Accessibility statement for Convene" in response.text
    assert "Sign out" in response.text
    assert 'href="/slots"' in response.text
