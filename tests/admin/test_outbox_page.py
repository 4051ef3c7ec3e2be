"""The outbox page (VS admin): counts, failed emails first, trying one again; never a body."""

import html
from datetime import timedelta

import pytest

from app.extensions import db
from app.models import AuditEvent, OutboxMessage, OutboxStatus, Role
from app.models.types import utcnow
from app.services import mail, outbox
from tests.services.test_outbox import LateServer

SECRET_LINK = "https://convene.example/set-password/SECRET-TOKEN-123"


def queue(subject: str, to: str = "senco@school.example.test", **fields) -> OutboxMessage:
    """A message in the outbox, with the body it would have, and any fields set directly."""
    entry = outbox.queue(mail.build_message(to, subject, f"Set your password: {SECRET_LINK}"),
                         "password_link")
    for name, value in fields.items():
        setattr(entry, name, value)
    db.session.commit()
    return entry


def fresh(entry: OutboxMessage) -> OutboxMessage:
    db.session.commit()
    return db.session.get(OutboxMessage, entry.id)


def failed_after_every_try(app) -> OutboxMessage:
    """A message that really failed: the server was down for every one of its tries."""
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=LateServer().port, MAIL_MAX_ATTEMPTS=2)
    entry = queue("Your Convene account", to="kim@school.example.test")
    now = utcnow()
    outbox.send_due("worker-a", now=now)
    outbox.send_due("worker-a", now=now + timedelta(minutes=1))
    assert fresh(entry).status == OutboxStatus.FAILED
    return entry


def test_a_message_that_ran_out_of_tries_is_shown_failed_with_its_error(app, client, sign_in):
    entry = failed_after_every_try(app)
    sign_in(Role.VS_ADMIN)
    response = client.get("/admin/outbox")
    assert response.status_code == 200
    row = response.text.split(f'id="message-{entry.id}"')[1].split("</tr>")[0]
    assert "Failed" in row and "kim@school.example.test" in row
    assert "Your Convene account" in row and "ConnectionRefusedError" in row
    assert "Try again" in row


def test_the_page_counts_by_status_and_lists_failed_then_waiting_then_sent(client, sign_in):
    queue("Sent one", status=OutboxStatus.SENT, sent_at=utcnow(), attempts=1)
    queue("Failed one", status=OutboxStatus.FAILED, attempts=8, last_error="SMTPDataError: 554")
    queue("Waiting one")
    queue("Another sent", status=OutboxStatus.SENT, sent_at=utcnow(), attempts=1)
    sign_in(Role.VS_ADMIN)
    page = html.unescape(client.get("/admin/outbox").text)
    positions = [page.index(subject) for subject in ("Failed one", "Waiting one", "Sent one")]
    assert positions == sorted(positions)
    counts = page.split('id="outbox-counts"')[1].split("</dl>")[0]
    for label, count in (("Failed", "1 email"), ("Waiting", "1 email"),
                         ("Sending", "0 emails"), ("Sent", "2 emails")):
        assert f"{label}</dt>" in counts
        assert count in counts.split(f"{label}</dt>")[1].split("</div>")[0]


def test_no_message_body_or_link_is_ever_shown(app, client, sign_in):
    failed_after_every_try(app)
    queue("Waiting one")
    sign_in(Role.VS_ADMIN)
    page = client.get("/admin/outbox").text
    assert "Waiting one" in page
    assert "SECRET-TOKEN" not in page and "Set your password" not in page


def test_fifty_a_page(client, sign_in):
    for n in range(51):
        queue(f"Message {n}")
    sign_in(Role.VS_ADMIN)
    first = client.get("/admin/outbox")
    assert first.text.count('id="message-') == 50
    assert "Showing 1 to 50 of 51 emails" in first.text
    second = client.get("/admin/outbox?page=2")
    assert second.text.count('id="message-') == 1
    assert client.get("/admin/outbox?page=99").text.count('id="message-') == 1  # the last page


def test_try_again_puts_a_failed_message_back_with_its_tries_kept(app, client, sign_in, smtp):
    working_port = app.config["MAIL_PORT"]
    entry = failed_after_every_try(app)
    sign_in(Role.VS_ADMIN)
    response = client.post(f"/admin/outbox/{entry.id}/try-again")
    assert response.status_code == 302
    assert response.headers["Location"] == "/admin/outbox"
    again = fresh(entry)
    assert again.status == OutboxStatus.PENDING and again.attempts == 2
    assert again.next_attempt_at <= utcnow()
    [event] = db.session.scalars(db.select(AuditEvent).filter_by(action="outbox_retry"))
    assert (event.record_type, event.record_id) == ("OutboxMessage", str(entry.id))
    assert "will be sent again" in html.unescape(client.get("/admin/outbox").text)

    app.config["MAIL_PORT"] = working_port  # the server is back
    assert outbox.send_due("worker-a").sent == 1
    assert [m["Subject"] for m in smtp.messages] == ["Your Convene account"]


def test_one_more_failure_after_try_again_marks_it_failed_again(app, client, sign_in):
    entry = failed_after_every_try(app)
    sign_in(Role.VS_ADMIN)
    client.post(f"/admin/outbox/{entry.id}/try-again")
    report = outbox.send_due("worker-a")
    assert report.failed == 1
    assert fresh(entry).status == OutboxStatus.FAILED and fresh(entry).attempts == 3


def test_try_again_changes_nothing_for_a_message_that_has_not_failed(client, sign_in):
    entry = queue("Waiting one")
    sign_in(Role.VS_ADMIN)
    response = client.post(f"/admin/outbox/{entry.id}/try-again", follow_redirects=True)
    assert "had not failed" in html.unescape(response.text)
    assert fresh(entry).attempts == 0
    assert db.session.scalar(db.select(db.func.count(AuditEvent.id))
                             .filter_by(action="outbox_retry")) == 0


def test_try_again_for_a_missing_message_is_404(client, sign_in):
    sign_in(Role.VS_ADMIN)
    assert client.post("/admin/outbox/999/try-again").status_code == 404


@pytest.mark.parametrize("role", [r for r in Role if r != Role.VS_ADMIN])
def test_only_the_vs_admin_may_see_the_outbox_or_retry(client, sign_in, role):
    entry = queue("Failed one", status=OutboxStatus.FAILED, attempts=8)
    sign_in(role)
    assert client.get("/admin/outbox").status_code == 403
    assert client.post(f"/admin/outbox/{entry.id}/try-again").status_code == 403
    assert fresh(entry).status == OutboxStatus.FAILED
    assert 'href="/admin/outbox"' not in client.get("/").text


def test_the_vs_admin_finds_the_outbox_in_the_menu(client, sign_in):
    sign_in(Role.VS_ADMIN)
    page = client.get("/admin/outbox").text
    assert 'href="/admin/outbox"' in page
    current = page.split('govuk-service-navigation__item--active')[1].split("</li>")[0]
    assert "Outbox" in current
