"""The VS admin's user pages: the list, adding and changing people, deactivating them,
and one-time links to set a password."""

import html
import re
import socket
from datetime import UTC, datetime
from urllib.parse import urlparse

import pytest
from sqlalchemy import event

from app.extensions import db
from app.london import long_date as london_date
from app.london import long_datetime as london_datetime
from app.models import AuditEvent, Role, User
from app.models.outbox import OutboxMessage, OutboxStatus
from app.services import outbox
from tests.conftest import PASSWORD, make_school, make_user, sign_in_with

NEW_PASSWORD = "kettle orchard lantern 42"
HTMX = {"HX-Request": "true"}


def fresh(user: User) -> User:
    """The user as the database has it now (each request saved in its own session)."""
    db.session.expire_all()
    return db.session.get(User, user.id)


def actions() -> list[str]:
    db.session.expire_all()
    return db.session.scalars(db.select(AuditEvent.action).order_by(AuditEvent.id)).all()


def signed_in_client(app, user: User, password: str = PASSWORD):
    other = app.test_client()
    response = sign_in_with(other, user, password)
    assert response.status_code == 302, response.text
    return other


def is_signed_in(client) -> bool:
    return client.get("/").status_code == 200


def new_user_form(**fields) -> dict:
    form = {"name": "Sam Patel", "email": "sam.patel@school.example", "role": "vs_advisor",
            "job_title": "", "school_id": ""}
    form.update(fields)
    return form


def link_in(message) -> str:
    match = re.search(r"https?://\S+/set-password/\S+", message.get_content())
    assert match, message.get_content()
    return match.group(0)


def free_port() -> int:
    """A port nothing listens on (the OS picked it and we let it go)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def text(response) -> str:
    """The page with its HTML escapes undone, so messages with apostrophes can be looked for."""
    return html.unescape(response.text)


# The list ------------------------------------------------------------------------------------

def test_list_shows_each_users_details(client, sign_in):
    sign_in(Role.VS_ADMIN)
    school = make_school(name="Ashford Primary School")
    make_user(Role.SCHOOL_STAFF, school, name="Jo Brown", email="jo.brown@ashford.example",
              last_signed_in_at=datetime(2026, 7, 1, 23, 30, tzinfo=UTC))
    make_user(Role.VS_ADVISOR, name="Kim Lee")
    response = client.get("/admin/users")
    assert response.status_code == 200
    page = response.text
    assert "Jo Brown" in page and "jo.brown@ashford.example" in page
    assert "School staff" in page and "Ashford Primary School" in page
    # 23:30 UTC on 1 July is past midnight in London (BST).
    assert "2 July 2026" in page
    assert "Kim Lee" in page and "Never" in page
    assert "Active" in page
    assert "Add a user" in page
    jo = db.session.scalar(db.select(User).filter_by(name="Jo Brown"))
    assert f'href="/admin/users/{jo.id}"' in page


def test_list_leaves_out_deactivated_users_unless_asked(client, sign_in):
    sign_in()
    make_user(Role.VS_ADVISOR, name="Gone Away", active=False)
    assert "Gone Away" not in client.get("/admin/users").text
    page = client.get("/admin/users?include_deactivated=y").text
    assert "Gone Away" in page and "Deactivated" in page


def test_list_filters_by_role(client, sign_in):
    sign_in(name="Ada Admin")
    make_user(Role.EDUCATIONAL_PSYCHOLOGIST, name="Eve Psychologist")
    make_user(Role.SOCIAL_WORKER, name="Sol Worker")
    page = client.get("/admin/users?role=educational_psychologist").text
    assert "Eve Psychologist" in page
    assert "Sol Worker" not in page and "Ada Admin" not in page


def test_list_searches_name_and_email_ignoring_case(client, sign_in):
    sign_in(name="Ada Admin")
    make_user(Role.VS_ADVISOR, name="Priya Shah", email="p.shah@county.example")
    make_user(Role.VS_ADVISOR, name="Tom Green", email="tom.green@county.example")
    by_name = client.get("/admin/users?q=SHAH").text
    assert "Priya Shah" in by_name and "Tom Green" not in by_name
    by_email = client.get("/admin/users?q=Tom.Green@").text
    assert "Tom Green" in by_email and "Priya Shah" not in by_email
    nothing = client.get("/admin/users?q=100%25").text
    assert "No users match these filters" in nothing


def test_htmx_filter_returns_only_the_results(client, sign_in):
    sign_in()
    make_user(Role.VS_ADVISOR, name="Priya Shah")
    response = client.get("/admin/users?q=priya", headers=HTMX)
    assert response.status_code == 200
    assert "<html" not in response.text
    assert "Priya Shah" in response.text
    assert "HX-Request" in response.headers["Vary"]
    full = client.get("/admin/users?q=priya")
    assert "<html" in full.text
    assert "HX-Request" in full.headers["Vary"]


def test_list_has_fifty_a_page_and_page_links_keep_the_filters(client, sign_in):
    sign_in(Role.VS_ADMIN, name="Zed Admin")
    db.session.add_all([User(name=f"Advisor {n:02d}", email=f"advisor{n}@county.example",
                             role=Role.VS_ADVISOR) for n in range(1, 56)])
    db.session.commit()
    first = client.get("/admin/users?role=vs_advisor").text
    assert "Showing 1 to 50 of 55 users" in first
    assert "Advisor 50" in first and "Advisor 51" not in first
    assert 'href="/admin/users?page=2&amp;role=vs_advisor"' in first
    second = client.get("/admin/users?role=vs_advisor&page=2").text
    assert "Showing 51 to 55 of 55 users" in second
    assert "Advisor 51" in second and "Advisor 50" not in second
    assert "Zed Admin" not in second


def test_list_loads_schools_with_the_users_not_one_by_one(client, sign_in):
    sign_in()
    for n in range(12):
        make_user(Role.SCHOOL_STAFF, make_school(name=f"School number {n}"), password_hash=None)
    statements = []

    def count(*_args):
        statements.append(1)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        page = client.get("/admin/users").text
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    assert "School number 11" in page
    assert len(statements) < 10  # one per school would be a dozen or more


@pytest.mark.parametrize("number", ["0", "abc", "7", "99999999999999999999999"])
def test_page_numbers_out_of_range_show_a_real_page(client, sign_in, number):
    sign_in(name="Ada Admin")
    response = client.get(f"/admin/users?page={number}")
    assert response.status_code == 200
    assert "Ada Admin" in response.text


# Adding a user -------------------------------------------------------------------------------

def test_add_user_page_is_a_gov_uk_form(client, sign_in):
    sign_in()
    make_school(name="Brookfield Academy")
    page = client.get("/admin/users/new").text
    assert "Add a user" in page
    assert 'class="govuk-radios__input"' in page and "Virtual School advisor" in page
    assert "For example, SENCO, DSL or Designated Teacher" in page
    assert "Brookfield Academy" in page


def test_adding_a_user_saves_them_without_a_password_and_emails_a_working_link(
        app, client, sign_in, smtp):
    admin = sign_in()
    school = make_school(name="Castleton Primary School")
    response = client.post("/admin/users/new", data=new_user_form(
        role="school_staff", school_id=str(school.id), email="Sam.Patel@School.Example",
        job_title="SENCO"))
    assert response.status_code == 200
    assert "User added" in response.text
    assert "We have emailed sam.patel@school.example" in response.text

    user = db.session.scalar(db.select(User).filter_by(email="sam.patel@school.example"))
    assert (user.name, user.role, user.school_id, user.job_title) == (
        "Sam Patel", Role.SCHOOL_STAFF, school.id, "SENCO")
    assert user.password_hash is None
    event = db.session.scalar(db.select(AuditEvent).filter_by(action="user_created"))
    assert (event.record_id, event.actor_id) == (str(user.id), admin.id)

    assert smtp.messages == []  # nothing is sent inside the request: the outbox sends it
    outbox.send_due("test-worker")
    [message] = smtp.messages
    assert message["To"] == "sam.patel@school.example"
    assert message["Subject"] == "Your Convene account"
    body = message.get_content()
    assert "Convene" in body and "3 days" in body
    link = link_in(message)
    assert link not in response.text  # it went by email, so it need not sit on the screen

    newcomer = app.test_client()
    path = urlparse(link).path
    assert "Set your password" in newcomer.get(path).text
    set_response = newcomer.post(path, data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert set_response.status_code == 302
    signed_in = newcomer.post("/sign-in", data={"email": user.email, "password": NEW_PASSWORD})
    assert signed_in.status_code == 302
    assert is_signed_in(newcomer)


def test_email_in_use_in_another_case_is_refused_and_the_typing_kept(client, sign_in):
    sign_in()
    make_user(Role.VS_ADVISOR, email="taken@county.example")
    response = client.post("/admin/users/new", data=new_user_form(
        name="Second Person", email="TAKEN@County.Example", job_title="Advisory teacher"))
    assert response.status_code == 400
    assert "There is a problem" in response.text
    assert "A user with this email address already exists" in response.text
    assert 'value="Second Person"' in response.text
    assert 'value="Advisory teacher"' in response.text
    assert db.session.scalar(db.select(db.func.count(User.id))) == 2
    assert "user_created" not in actions()


def test_school_staff_must_have_a_school(client, sign_in):
    sign_in()
    make_school()
    response = client.post("/admin/users/new", data=new_user_form(role="school_staff"))
    assert response.status_code == 400
    assert "Select the school this person works at" in response.text
    assert 'value="sam.patel@school.example"' in response.text
    assert re.search(r'value="school_staff"\s+checked', response.text)
    assert db.session.scalar(db.select(User).filter_by(email="sam.patel@school.example")) is None


def test_a_school_chosen_for_another_role_is_not_kept(client, sign_in):
    sign_in()
    school = make_school()
    response = client.post("/admin/users/new", data=new_user_form(school_id=str(school.id)))
    assert response.status_code == 200
    user = db.session.scalar(db.select(User).filter_by(email="sam.patel@school.example"))
    assert user.role == Role.VS_ADVISOR and user.school_id is None


def test_empty_form_says_what_is_missing(client, sign_in):
    sign_in()
    response = client.post("/admin/users/new", data={})
    assert response.status_code == 400
    for message in ("Enter the person's full name", "Enter an email address",
                    "Select the person's role"):
        assert message in text(response)


def test_badly_formed_email_is_refused(client, sign_in):
    sign_in()
    response = client.post("/admin/users/new", data=new_user_form(email="not an email"))
    assert response.status_code == 400
    assert "Enter an email address in the correct format" in response.text


def test_when_the_mail_server_is_down_the_link_waits_in_the_outbox(app, client, sign_in):
    sign_in()
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=free_port())
    response = client.post("/admin/users/new", data=new_user_form())
    assert response.status_code == 200
    assert "User added" in response.text
    user = db.session.scalar(db.select(User).filter_by(email="sam.patel@school.example"))
    assert user is not None
    outbox.send_due("test-worker")
    message = db.session.scalar(db.select(OutboxMessage))
    assert message.to_address == "sam.patel@school.example"
    assert message.status == OutboxStatus.PENDING and message.last_error  # to be retried


def test_without_mail_set_up_the_link_is_shown(client, sign_in):
    sign_in()
    response = client.post("/admin/users/new", data=new_user_form())
    assert "Email is not set up" in response.text
    assert "/set-password/" in response.text


# A user's page -------------------------------------------------------------------------------

def test_user_page_shows_details_actions_and_recent_activity(client, sign_in):
    admin = sign_in(name="Ada Admin")
    school = make_school(name="Dunmore Special School")
    user = make_user(Role.SCHOOL_STAFF, school, name="Jo Brown", job_title="DSL",
                     created_at=datetime(2026, 11, 25, 14, 5, tzinfo=UTC))
    client.post(f"/admin/users/{user.id}/edit", data=new_user_form(
        name="Jo Browne", email=user.email, role="school_staff", school_id=str(school.id),
        job_title="DSL"))
    page = client.get(f"/admin/users/{user.id}").text
    for text in ("Jo Browne", user.email, "School staff", "DSL", "Dunmore Special School",
                 "Active", "Never", "25 November 2026, 2:05pm", "Deactivate",
                 "Send a new password link", "Recent activity", "Details changed",
                 "Changed name", "Ada Admin"):
        assert text in page, text
    assert f'href="/admin/users/{user.id}/edit#name"' in page
    assert 'name="csrf_token"' in page
    # The admin's own page lists what they did to others, too.
    own = client.get(f"/admin/users/{admin.id}").text
    assert "Details changed" in own and f'href="/admin/users/{user.id}"' in own


def test_unknown_user_is_not_found(client, sign_in):
    sign_in()
    assert client.get("/admin/users/9999").status_code == 404
    assert client.post("/admin/users/9999/deactivate").status_code == 404


# Changing a user -----------------------------------------------------------------------------

def test_edit_form_starts_with_their_details(client, sign_in):
    sign_in()
    user = make_user(Role.EDUCATIONAL_PSYCHOLOGIST, name="Eve Stone", job_title="Senior EP")
    page = client.get(f"/admin/users/{user.id}/edit").text
    assert 'value="Eve Stone"' in page and 'value="Senior EP"' in page
    assert re.search(r'value="educational_psychologist"\s+checked', page)


def test_changing_role_ends_their_sessions(app, client, sign_in):
    sign_in()
    school = make_school()
    user = make_user(Role.SCHOOL_STAFF, school, name="Jo Brown")
    theirs = signed_in_client(app, user)
    response = client.post(f"/admin/users/{user.id}/edit", data=new_user_form(
        name="Jo Brown", email=user.email, role="vs_advisor", school_id=str(school.id)))
    assert response.status_code == 302
    assert response.headers["Location"] == f"/admin/users/{user.id}"
    assert "signed out" in client.get(response.headers["Location"]).text
    user = fresh(user)
    assert user.role == Role.VS_ADVISOR and user.school_id is None
    assert user.session_version == 2
    assert not is_signed_in(theirs)
    event = db.session.scalar(db.select(AuditEvent).filter_by(action="user_updated"))
    assert event.detail == "Changed role, school"
    assert "password" not in event.detail


def test_changing_only_the_name_keeps_their_sessions(app, client, sign_in):
    sign_in()
    user = make_user(Role.VS_ADVISOR, name="Kim Lee")
    theirs = signed_in_client(app, user)
    client.post(f"/admin/users/{user.id}/edit", data=new_user_form(
        name="Kim Lee-Smith", email=user.email))
    assert fresh(user).name == "Kim Lee-Smith"
    assert is_signed_in(theirs)


def test_email_must_stay_unique_but_may_be_kept(client, sign_in):
    sign_in()
    make_user(Role.VS_ADVISOR, email="taken@county.example")
    user = make_user(Role.VS_ADVISOR, email="mine@county.example")
    refused = client.post(f"/admin/users/{user.id}/edit", data=new_user_form(
        email="Taken@county.example"))
    assert refused.status_code == 400
    assert "A user with this email address already exists" in refused.text
    kept = client.post(f"/admin/users/{user.id}/edit", data=new_user_form(
        email="MINE@county.example", name="New Name"))
    assert kept.status_code == 302
    assert fresh(user).email == "mine@county.example"


def test_admin_cannot_remove_their_own_admin_role(client, sign_in):
    admin = sign_in()
    response = client.post(f"/admin/users/{admin.id}/edit", data=new_user_form(
        name=admin.name, email=admin.email, role="vs_advisor"))
    assert response.status_code == 400
    assert "You cannot remove your own admin role" in response.text
    assert fresh(admin).role == Role.VS_ADMIN


# Deactivating and reactivating ---------------------------------------------------------------

def test_deactivating_stops_sign_in_and_ends_sessions(app, client, sign_in):
    sign_in()
    user = make_user(Role.VS_ADVISOR, name="Kim Lee")
    theirs = signed_in_client(app, user)
    response = client.post(f"/admin/users/{user.id}/deactivate")
    assert response.status_code == 302
    assert response.headers["Location"] == f"/admin/users/{user.id}"
    page = client.get(f"/admin/users/{user.id}").text
    assert "Kim Lee has been deactivated" in page
    assert "Reactivate" in page
    assert not fresh(user).active
    assert not is_signed_in(theirs)
    refused = app.test_client().post("/sign-in", data={"email": user.email,
                                                       "password": PASSWORD})
    assert refused.status_code == 400
    assert "user_deactivated" in actions()


def test_reactivating_lets_them_sign_in_again(app, client, sign_in):
    sign_in()
    user = make_user(Role.VS_ADVISOR, name="Kim Lee", active=False)
    response = client.post(f"/admin/users/{user.id}/reactivate")
    assert response.status_code == 302
    assert "Kim Lee has been reactivated" in client.get(response.headers["Location"]).text
    assert fresh(user).active
    assert is_signed_in(signed_in_client(app, user))
    assert "user_reactivated" in actions()


def test_deactivate_and_reactivate_with_htmx_swap_the_account_in_place(client, sign_in):
    sign_in()
    user = make_user(Role.VS_ADVISOR, name="Kim Lee")
    response = client.post(f"/admin/users/{user.id}/deactivate", headers=HTMX)
    assert response.status_code == 200
    assert "HX-Request" in response.headers["Vary"]
    assert "<html" not in response.text
    assert 'id="user-account"' in response.text
    assert "Kim Lee has been deactivated" in response.text
    assert "Reactivate" in response.text
    assert 'hx-swap-oob="true"' in response.text and "Deactivated" in response.text
    assert not fresh(user).active

    response = client.post(f"/admin/users/{user.id}/reactivate", headers=HTMX)
    assert response.status_code == 200
    assert "Kim Lee has been reactivated" in response.text
    assert f'hx-post="/admin/users/{user.id}/deactivate"' in response.text
    assert fresh(user).active
    # Told in place, so nothing is left waiting to show on the next page.
    assert "has been" not in client.get(f"/admin/users/{user.id}").text


def test_admin_cannot_deactivate_themselves(client, sign_in):
    admin = sign_in()
    assert "Deactivate" not in client.get(f"/admin/users/{admin.id}").text
    response = client.post(f"/admin/users/{admin.id}/deactivate")
    assert response.status_code == 400
    assert "You cannot deactivate your own account" in response.text
    assert fresh(admin).active
    assert client.post(f"/admin/users/{admin.id}/deactivate", headers=HTMX).status_code == 400


# New password links --------------------------------------------------------------------------

def test_password_reset_stops_the_old_password_and_emails_a_new_link(app, client, sign_in, smtp):
    sign_in()
    user = make_user(Role.VS_ADVISOR, name="Kim Lee")
    theirs = signed_in_client(app, user)
    response = client.post(f"/admin/users/{user.id}/reset-password")
    assert response.status_code == 200
    assert "Password reset" in response.text
    assert f"We have emailed {user.email}" in response.text
    assert fresh(user).password_hash is None
    assert not is_signed_in(theirs)
    old = app.test_client().post("/sign-in", data={"email": user.email, "password": PASSWORD})
    assert old.status_code == 400
    assert "password_reset" in actions()

    outbox.send_due("test-worker")
    [message] = smtp.messages
    assert message["To"] == user.email
    assert "Set a new password" in message["Subject"]
    path = urlparse(link_in(message)).path
    visitor = app.test_client()
    assert "Set your password" in visitor.get(path).text
    visitor.post(path, data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    new = visitor.post("/sign-in", data={"email": user.email, "password": NEW_PASSWORD})
    assert new.status_code == 302


def test_a_new_link_replaces_the_last_one(app, client, sign_in, smtp):
    sign_in()
    user = make_user(Role.VS_ADVISOR)
    client.post(f"/admin/users/{user.id}/reset-password")
    client.post(f"/admin/users/{user.id}/reset-password")
    outbox.send_due("test-worker")
    first, second = (urlparse(link_in(m)).path for m in smtp.messages)
    visitor = app.test_client()
    assert visitor.get(first).status_code == 404
    assert visitor.get(second).status_code == 200


def test_no_password_link_for_a_deactivated_user(client, sign_in, smtp):
    sign_in()
    user = make_user(Role.VS_ADVISOR, name="Kim Lee", active=False)
    response = client.post(f"/admin/users/{user.id}/reset-password")
    assert response.status_code == 400
    assert "Reactivate Kim Lee before sending a password link" in response.text
    assert fresh(user).password_hash is not None
    assert smtp.messages == []


# Who may use these pages ---------------------------------------------------------------------

PAGES = [("get", "/admin/users"), ("get", "/admin/users/new"), ("post", "/admin/users/new"),
         ("get", "/admin/users/{id}"), ("get", "/admin/users/{id}/edit"),
         ("post", "/admin/users/{id}/edit"), ("post", "/admin/users/{id}/deactivate"),
         ("post", "/admin/users/{id}/reactivate"), ("post", "/admin/users/{id}/reset-password")]


@pytest.mark.parametrize("role", [Role.VS_ADVISOR, Role.EDUCATIONAL_PSYCHOLOGIST,
                                  Role.SCHOOL_STAFF, Role.SOCIAL_WORKER])
def test_only_vs_admins_may_manage_users(client, sign_in, role):
    sign_in(role)
    user = make_user(Role.VS_ADVISOR)
    for method, url in PAGES:
        response = getattr(client, method)(url.format(id=user.id), data=new_user_form())
        assert response.status_code == 403, (method, url)
    assert fresh(user).active and fresh(user).password_hash is not None


def test_signed_out_visitors_are_sent_to_sign_in(client):
    response = client.get("/admin/users")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/sign-in")


# Times ---------------------------------------------------------------------------------------

def test_times_are_shown_in_london_time():
    assert london_datetime(datetime(2026, 11, 25, 14, 5, tzinfo=UTC)) == "25 November 2026, 2:05pm"
    assert london_datetime(datetime(2026, 7, 1, 8, 0, tzinfo=UTC)) == "1 July 2026, 9am"
    assert london_datetime(datetime(2026, 1, 5, 12, 0, tzinfo=UTC)) == "5 January 2026, midday"
    assert london_date(datetime(2026, 3, 28, 23, 59, tzinfo=UTC)) == "28 March 2026"
    assert london_date(None) == ""
