"""The VS admin's themes (add, rename, retire, restore, reorder, delete an unused one) and the
signposting text schools see for a child outside the Virtual School's duty."""

import re

import pytest

from app.extensions import db
from app.models import AuditEvent, Cohort, Role, ServiceSetting, Theme
from app.models.theme import DEFAULT_SIGNPOSTING, SIGNPOSTING_KEY
from tests.conftest import PASSWORD, make_child, make_request, make_theme, make_user


def audit_events(action: str) -> list[AuditEvent]:
    return db.session.scalars(db.select(AuditEvent).filter_by(action=action)).all()


def ours(names: list[str]) -> list[str]:
    """Leave out the themes make_request adds of its own ("Theme 12")."""
    return [name for name in names if not re.fullmatch(r"Theme \d+", name)]


def listed_names(page: str) -> list[str]:
    return ours(re.findall(r'<th scope="row" class="govuk-table__header">([^<]+)</th>', page))


def listed_counts(page: str) -> dict[str, int]:
    rows = re.findall(r'<th scope="row" class="govuk-table__header">([^<]+)</th>.*?'
                      r'govuk-table__cell--numeric">(\d+)<', page, re.S)
    return {name: int(count) for name, count in rows}


def themes_offered_to(client, draft) -> list[str]:
    """The theme choices on the request form's themes page, as the school sees them."""
    page = client.get(f"/requests/{draft.id}/themes").text
    return ours(re.findall(
        r'class="govuk-label govuk-checkboxes__label"[^>]*>\s*([^<]+?)\s*<', page))


def theme_named(name: str) -> Theme:
    return db.session.scalar(db.select(Theme).filter_by(name=name))


# The list --------------------------------------------------------------------------------------


def test_list_shows_themes_in_order_with_status_and_request_counts(client, sign_in):
    sign_in(Role.VS_ADMIN)
    attendance = make_theme("Attendance", position=1)
    belonging = make_theme("Belonging", position=2, active=False)
    make_theme("Transitions", position=3)
    make_request(themes=[attendance, belonging])
    make_request(themes=[attendance])
    make_request(themes=[attendance], sent=False)

    response = client.get("/admin/themes")

    assert response.status_code == 200
    page = response.text
    assert listed_names(page) == ["Attendance", "Belonging", "Transitions"]
    counts = listed_counts(page)
    assert [counts["Attendance"], counts["Belonging"], counts["Transitions"]] == [3, 1, 0]
    assert "Retired" in page and "Active" in page
    assert f'action="/admin/themes/{belonging.id}/restore"' in page
    assert f'action="/admin/themes/{attendance.id}/retire"' in page
    assert f'href="/admin/themes/{attendance.id}/edit"' in page
    assert 'name="csrf_token"' in page
    assert 'href="/admin/themes/new"' in page
    assert 'href="/admin/signposting"' in page and "Change the signposting text" in page


def test_the_counts_take_one_query_however_many_themes(app, client, sign_in):
    from sqlalchemy import event

    sign_in(Role.VS_ADMIN)
    for n in range(6):
        make_request(themes=[make_theme(f"Theme {n}")])
    statements = []

    def count(conn, cursor, statement, *args):
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        client.get("/admin/themes")
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    touching_links = [s for s in statements if "advice_request_theme" in s]
    assert len(touching_links) == 1


# Adding and renaming ---------------------------------------------------------------------------


def test_adding_a_theme_puts_it_at_the_end_and_audits(client, sign_in):
    sign_in(Role.VS_ADMIN)
    make_theme("Attendance", position=4)

    response = client.post("/admin/themes/new", data={"name": "  Emotionally  based school "
                                                               "avoidance "})

    assert response.status_code == 302
    theme = theme_named("Emotionally based school avoidance")
    assert theme.active and theme.position == 5
    [event] = audit_events("theme_created")
    assert event.record_id == str(theme.id)
    page = client.get("/admin/themes").text
    assert listed_names(page)[-1] == "Emotionally based school avoidance"
    assert "Theme ‘Emotionally based school avoidance’ added" in page


@pytest.mark.parametrize(("name", "message"), [
    ("", "Enter the theme&#39;s name"),
    ("x" * 81, "The name must be 80 characters or fewer"),
    ("ATTENDANCE", "There is already a theme called Attendance"),
])
def test_a_bad_or_duplicate_name_is_refused(client, sign_in, name, message):
    sign_in(Role.VS_ADMIN)
    make_theme("Attendance")

    response = client.post("/admin/themes/new", data={"name": name})

    assert response.status_code == 400
    assert "There is a problem" in response.text and message in response.text
    assert f'value="{name}"' in response.text or not name
    assert db.session.scalar(db.select(db.func.count(Theme.id))) == 1
    assert audit_events("theme_created") == []


def test_renaming_a_theme_keeps_it_on_requests_and_audits(client, sign_in):
    sign_in(Role.VS_ADMIN)
    theme = make_theme("Atendance")
    request_ = make_request(themes=[theme])
    assert 'value="Atendance"' in client.get(f"/admin/themes/{theme.id}/edit").text

    response = client.post(f"/admin/themes/{theme.id}/edit", data={"name": "Attendance"})

    assert response.status_code == 302
    db.session.refresh(request_)
    assert [t.name for t in request_.themes] == ["Attendance"]
    [event] = audit_events("theme_renamed")
    assert event.detail == "Atendance → Attendance"


def test_renaming_to_another_themes_name_is_refused_but_a_change_of_case_is_not(
        client, sign_in):
    sign_in(Role.VS_ADMIN)
    make_theme("Attendance")
    theme = make_theme("belonging")

    refused = client.post(f"/admin/themes/{theme.id}/edit", data={"name": "attendance"})
    assert refused.status_code == 400
    assert "There is already a theme called Attendance" in refused.text

    allowed = client.post(f"/admin/themes/{theme.id}/edit", data={"name": "Belonging"})
    assert allowed.status_code == 302
    db.session.refresh(theme)
    assert theme.name == "Belonging"


# Retiring and restoring ------------------------------------------------------------------------


def test_retiring_hides_a_theme_from_schools_and_restoring_brings_it_back(client, sign_in):
    staff = make_user(Role.SCHOOL_STAFF)
    attendance = make_theme("Attendance", position=1)
    make_theme("Belonging", position=2)
    draft = make_request(make_child(school=staff.school), sent=False, by=staff, themes=[])
    used = make_request(themes=[attendance])

    sign_in(Role.VS_ADMIN)
    response = client.post(f"/admin/themes/{attendance.id}/retire")
    assert response.status_code == 302
    assert "retired" in client.get("/admin/themes").text
    db.session.refresh(attendance)
    db.session.refresh(used)
    assert not attendance.active
    assert [t.name for t in used.themes] == ["Attendance"]  # old requests keep it
    assert len(audit_events("theme_retired")) == 1

    client.post("/sign-out")
    client.post("/sign-in", data={"email": staff.email, "password": PASSWORD})
    assert themes_offered_to(client, draft) == ["Belonging"]

    client.post("/sign-out")
    sign_in(Role.VS_ADMIN)
    client.post(f"/admin/themes/{attendance.id}/restore")
    db.session.refresh(attendance)
    assert attendance.active
    assert len(audit_events("theme_restored")) == 1

    client.post("/sign-out")
    client.post("/sign-in", data={"email": staff.email, "password": PASSWORD})
    assert themes_offered_to(client, draft) == ["Attendance", "Belonging"]


# Reordering ------------------------------------------------------------------------------------


def test_moving_a_theme_swaps_it_with_its_neighbour(client, sign_in):
    sign_in(Role.VS_ADMIN)
    # Themes added elsewhere may share a position: the list's order is still clear.
    make_theme("Attendance")
    make_theme("Belonging")
    transitions = make_theme("Transitions")

    client.post(f"/admin/themes/{transitions.id}/move", data={"direction": "up"})
    assert listed_names(client.get("/admin/themes").text) == [
        "Attendance", "Transitions", "Belonging"]

    client.post(f"/admin/themes/{transitions.id}/move", data={"direction": "up"})
    client.post(f"/admin/themes/{transitions.id}/move", data={"direction": "up"})  # at the top
    assert listed_names(client.get("/admin/themes").text) == [
        "Transitions", "Attendance", "Belonging"]

    client.post(f"/admin/themes/{transitions.id}/move", data={"direction": "down"})
    assert listed_names(client.get("/admin/themes").text) == [
        "Attendance", "Transitions", "Belonging"]
    assert len(audit_events("theme_moved")) == 3

    assert client.post(f"/admin/themes/{transitions.id}/move",
                       data={"direction": "sideways"}).status_code == 400


# Deleting --------------------------------------------------------------------------------------


def test_an_unused_theme_can_be_deleted_but_one_in_use_cannot(client, sign_in):
    sign_in(Role.VS_ADMIN)
    unused = make_theme("Typo")
    in_use = make_theme("Attendance")
    make_request(themes=[in_use], sent=False)

    page = client.get("/admin/themes").text
    assert f'href="/admin/themes/{unused.id}/delete"' in page
    assert f'href="/admin/themes/{in_use.id}/delete"' not in page

    refused = client.post(f"/admin/themes/{in_use.id}/delete")
    assert refused.status_code == 409
    assert "You cannot delete ‘Attendance’" in refused.text
    assert theme_named("Attendance") is not None

    assert "Are you sure" in client.get(f"/admin/themes/{unused.id}/delete").text
    assert client.post(f"/admin/themes/{unused.id}/delete").status_code == 302
    assert theme_named("Typo") is None
    assert [e.detail for e in audit_events("theme_deleted")] == ["Typo"]


# The signposting text --------------------------------------------------------------------------


def test_signposting_edit_shows_on_the_check_page_for_a_child_outside_the_duty(
        client, sign_in):
    staff = make_user(Role.SCHOOL_STAFF)
    child = make_child(school=staff.school, cohort=Cohort.NONE_OF_THESE)
    draft = make_request(child, sent=False, by=staff)
    admin = sign_in(Role.VS_ADMIN)
    form = client.get("/admin/signposting")
    assert form.status_code == 200
    assert "Change the signposting text" in form.text
    assert DEFAULT_SIGNPOSTING.replace("'", "&#39;") in form.text

    new_text = "Ring the SEND team on the number in the Local Offer."
    response = client.post("/admin/signposting", data={"text": new_text})

    assert response.status_code == 302
    setting = db.session.get(ServiceSetting, SIGNPOSTING_KEY)
    assert setting.value == new_text and setting.updated_by_id == admin.id
    assert len(audit_events("signposting_updated")) == 1
    assert "The signposting text has been saved" in client.get(response.headers["Location"]).text

    client.post("/sign-out")
    client.post("/sign-in", data={"email": staff.email, "password": PASSWORD})
    check = client.get(f"/requests/{draft.id}/check")
    assert check.status_code == 200
    assert new_text in check.text


@pytest.mark.parametrize(("text", "message"), [
    ("   ", "Enter the signposting text"),
    ("x" * 2001, "The signposting text must be 2,000 characters or fewer"),
])
def test_bad_signposting_text_is_refused_and_nothing_saved(client, sign_in, text, message):
    sign_in(Role.VS_ADMIN)

    response = client.post("/admin/signposting", data={"text": text})

    assert response.status_code == 400
    assert message in response.text
    assert db.session.get(ServiceSetting, SIGNPOSTING_KEY) is None
    assert audit_events("signposting_updated") == []


# Who may ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.VS_ADVISOR, Role.EDUCATIONAL_PSYCHOLOGIST,
                                  Role.SCHOOL_STAFF, Role.SOCIAL_WORKER])
def test_only_vs_admins_may_manage_themes(client, sign_in, role):
    sign_in(role)
    theme = make_theme("Attendance")
    for path in ("/admin/themes", "/admin/themes/new", f"/admin/themes/{theme.id}/edit",
                 f"/admin/themes/{theme.id}/delete", "/admin/signposting"):
        assert client.get(path).status_code == 403, path
    for path in (f"/admin/themes/{theme.id}/retire", f"/admin/themes/{theme.id}/move",
                 "/admin/signposting", "/admin/themes/new"):
        assert client.post(path, data={"name": "X", "text": "X", "direction": "up"}
                           ).status_code == 403, path
    db.session.refresh(theme)
    assert theme.active and theme.name == "Attendance"
    assert db.session.get(ServiceSetting, SIGNPOSTING_KEY) is None


def test_an_unknown_theme_is_not_found(client, sign_in):
    sign_in(Role.VS_ADMIN)
    assert client.get("/admin/themes/999/edit").status_code == 404
    assert client.post("/admin/themes/999/retire").status_code == 404
