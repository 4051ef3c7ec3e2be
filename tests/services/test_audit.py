"""The audit log: what each event says about its record, that every view and download of a
school's records is written, words for every action, and that events are never changed."""

import ast
import pathlib
from datetime import timedelta

import pytest
from sqlalchemy import event as sql_event
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from app.extensions import db
from app.models import AdviceRequest, AuditEvent, Booking, Role, TacMeeting
from app.models.types import utcnow
from app.services import audit
from tests.conftest import PASSWORD, make_child, make_request, make_school, make_user
from tests.services.test_retention import child_with_everything

APP = pathlib.Path(__file__).resolve().parents[2] / "app"


def latest_event() -> AuditEvent:
    db.session.rollback()
    return db.session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()


# What an event records -------------------------------------------------------------------------

def test_an_event_names_its_records_school_and_reference(app):
    child = make_child()
    made = audit.record("child_record_viewed", child)
    assert (made.record_type, made.record_id) == ("ChildRecord", str(child.id))
    assert (made.school_id, made.record_reference) == (child.school_id, child.reference)


def test_an_event_about_a_school_is_that_schools(app):
    school = make_school()
    assert audit.record("school_updated", school).school_id == school.id


def test_the_reference_and_school_can_be_given_for_a_record_without_them(app):
    school = make_school()
    made = audit.record("outcome_viewed", None, reference="SFC-2026-0042", school_id=school.id)
    assert (made.record_reference, made.school_id) == ("SFC-2026-0042", school.id)
    assert audit.record("signed_out").school_id is None


# Every view and download of a school's records is written --------------------------------------

@pytest.fixture
def records(client):
    """A child of a school with a record of every kind, and one of its staff signed in."""
    child = child_with_everything(utcnow() - timedelta(days=2))
    staff = make_user(Role.SCHOOL_STAFF, school=child.school, name="Dee Teacher")
    assert client.post("/sign-in", data={"email": staff.email,
                                         "password": PASSWORD}).status_code == 302
    draft = make_request(child, sent=False, by=staff)
    return {
        "staff": staff, "child": child, "draft": draft,
        "request": db.session.scalar(select(AdviceRequest).where(
            AdviceRequest.child_id == child.id, AdviceRequest.reference.is_not(None))),
        "booking": db.session.scalar(select(Booking).join(AdviceRequest)
                                     .where(AdviceRequest.child_id == child.id)),
        "meeting": db.session.scalar(select(TacMeeting).where(TacMeeting.child_id == child.id)),
    }


# (address, the action written, which record's reference it names)
VIEWS = [
    ("/children/{child.reference}", "child_record_viewed", "child"),
    ("/children/{child.reference}/edit", "child_record_viewed", "child"),
    ("/requests/{request.id}", "advice_request_viewed", "request"),
    ("/requests/{draft.id}/check", "advice_request_viewed", None),
    ("/bookings/{booking.id}/outcome", "outcome_viewed", "booking"),
    ("/bookings/{booking.id}/outcome.pdf", "outcome_pdf_downloaded", "booking"),
    ("/children/{child.reference}/tac", "tac_meetings_viewed", "child"),
    ("/tac/{meeting.id}", "tac_meeting_viewed", "meeting"),
    ("/tac/{meeting.id}/notes", "tac_meeting_viewed", "meeting"),
    ("/tac/{meeting.id}.pdf", "tac_record_downloaded", "meeting"),
    ("/children/{child.reference}/actions", "child_actions_viewed", "child"),
    ("/actions", "school_actions_viewed", None),
    ("/children/{child.reference}/profile", "profile_viewed", "child"),
    ("/children/{child.reference}/profile/versions", "profile_versions_viewed", "child"),
    ("/children/{child.reference}/profile/versions/1", "profile_viewed", "child"),
    ("/children/{child.reference}/profile/compare", "profile_compared", "child"),
    ("/children/{child.reference}/profile.pdf", "profile_pdf_downloaded", "child"),
    ("/children/{child.reference}/profile/edit", "profile_viewed", "child"),
]


@pytest.mark.parametrize("address, action, named", VIEWS)
def test_every_view_and_download_of_a_schools_records_is_written(client, records, address,
                                                                 action, named):
    response = client.get(address.format(**records))
    assert response.status_code == 200
    written = latest_event()
    assert written.action == action
    assert written.actor_id == records["staff"].id
    assert written.school_id == records["child"].school_id
    if named:
        assert written.record_reference == records[named].reference
    assert action in audit.VIEW_ACTIONS


def test_saving_a_draft_request_page_is_written(client, records):
    draft = records["draft"]
    response = client.post(f"/requests/{draft.id}/support",
                           data={"support_wanted": "written_advice"})
    assert response.status_code == 302
    saved = latest_event()
    assert (saved.action, saved.record_id) == ("request_draft_saved", str(draft.id))
    assert saved.detail == f"{records['child'].reference}: What you would like"


# Words for every action ----------------------------------------------------------------------

def _actions_written_in_the_code() -> dict[str, str]:
    """Every action named as a literal in an audit.record(...) or audit.record_view(...)."""
    found = {}
    for path in APP.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in ("record", "record_view")
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "audit"
                    and node.args):
                first = node.args[0]
                for each in ([first.body, first.orelse] if isinstance(first, ast.IfExp)
                             else [first]):
                    if isinstance(each, ast.Constant):
                        found[each.value] = str(path.relative_to(APP.parent))
    return found


def test_every_action_has_words_for_the_search():
    from app.dashboard.exports import _export  # noqa: F401  (export_requests, export_outcomes)
    from app.requests.request_page import DECISIONS

    written = _actions_written_in_the_code()
    written |= {d.audit_action: "app/requests/request_page.py" for d in DECISIONS.values()}
    written |= {"export_requests": "app/dashboard/exports.py",
                "export_outcomes": "app/dashboard/exports.py",
                "profile_viewed": "app/profiles/views.py",
                "profile_compared": "app/profiles/views.py",
                "profile_pdf_downloaded": "app/profiles/views.py"}
    missing = {action: where for action, where in written.items() if action not in audit.ACTIONS}
    assert not missing, f"add words for these to ACTIONS in app/services/audit.py: {missing}"


def test_every_view_or_download_is_listed_for_the_school():
    looked = {action for action in _actions_written_in_the_code()
              if action.endswith(("_viewed", "_downloaded", "_compared"))}
    assert looked <= set(audit.VIEW_ACTIONS)


# Events are never changed ----------------------------------------------------------------------

def test_events_can_be_neither_changed_nor_deleted(app, client, sign_in):
    """On every database the service itself never changes or deletes an event (the purge
    aside, tests/services/test_retention.py); on PostgreSQL the database refuses to."""
    statements = []

    def capture(_conn, _cursor, statement, *_args):
        statements.append(" ".join(statement.split()).upper())

    sql_event.listen(db.engine, "before_cursor_execute", capture)
    try:
        client.post("/sign-in", data={"email": "nobody@example.test", "password": "wrong"})
        sign_in(Role.VS_ADMIN)
        child = make_child()
        client.get("/admin/audit")
        client.get("/admin/audit.csv")
        client.get(f"/admin/audit?record={child.reference}")
        client.post("/sign-out")
    finally:
        sql_event.remove(db.engine, "before_cursor_execute", capture)
    assert any(each.startswith("INSERT INTO AUDIT_EVENT") for each in statements)
    assert not [each for each in statements
                if each.startswith(("UPDATE AUDIT_EVENT", "DELETE FROM AUDIT_EVENT"))]

    if db.engine.dialect.name == "postgresql":
        changes = ["UPDATE audit_event SET detail = 'changed'", "DELETE FROM audit_event"]
        for change in changes:
            with (db.engine.connect() as connection, connection.begin(),
                  pytest.raises(DBAPIError, match="audit events cannot be changed")):
                connection.execute(text(change))
        # The purge's setting lets a DELETE through, for its own transaction alone...
        with db.engine.connect() as connection, connection.begin():
            connection.execute(text("SET LOCAL convene.purge = 'on'"))
            with pytest.raises(DBAPIError, match="audit events cannot be changed"):
                connection.execute(text(changes[0]))
        with db.engine.connect() as connection:
            with connection.begin():
                connection.execute(text("SET LOCAL convene.purge = 'on'"))
                assert connection.execute(text(
                    "DELETE FROM audit_event WHERE action = 'sign_in_failed'")).rowcount == 1
            with connection.begin(), pytest.raises(DBAPIError):
                connection.execute(text("DELETE FROM audit_event"))
    else:
        assert db.engine.dialect.name == "sqlite"
        # SQLite has no such trigger: the routes are the protection (test_audit_trail.py).
        assert not [rule for rule in app.url_map.iter_rules()
                    if "audit" in rule.rule and rule.methods - {"GET", "HEAD", "OPTIONS"}]
