"""The VS admin's page on how long records are kept: the periods from configuration, what a
child's last activity is, and what is due now."""

from datetime import UTC, datetime

import pytest

from app.extensions import db
from app.models import AuditEvent, Role
from app.services import retention
from tests.conftest import make_child

NOW = datetime(2026, 6, 1, 9, tzinfo=UTC)


@pytest.fixture(autouse=True)
def fixed_now(monkeypatch):
    monkeypatch.setattr(retention, "utcnow", lambda: NOW)


def test_the_page_says_the_periods_what_activity_is_and_what_is_due(client, sign_in):
    sign_in(Role.VS_ADMIN)
    make_child(created_at=datetime(2018, 1, 1, tzinfo=UTC))
    make_child(created_at=datetime(2025, 1, 1, tzinfo=UTC))
    db.session.add(AuditEvent(action="child_record_purged", at=datetime(2026, 5, 3, 1,
                                                                          tzinfo=UTC)))
    db.session.commit()
    response = client.get("/admin/retention")
    assert response.status_code == 200
    page = " ".join(response.text.split())
    assert "7 years after the child&#39;s last activity" in page
    assert "8 years after they happened" in page
    assert "a version of the One Page Profile was saved" in page
    assert "Looking at a record, or downloading it, is not activity" in page
    assert "if their last activity was before 1 June 2019" in page
    assert "if they happened before 1 June 2018" in page
    assert "1 child&#39;s records are due now." in page
    assert "The last purge ran on 3 May 2026, 2am." in page


def test_the_periods_shown_are_the_configured_ones(app, client, sign_in):
    app.config.update(RETENTION_RECORD_YEARS=10, RETENTION_AUDIT_YEARS=12)
    sign_in(Role.VS_ADMIN)
    page = " ".join(client.get("/admin/retention").text.split())
    assert "10 years after the child&#39;s last activity" in page
    assert "12 years after they happened" in page
    assert "No child's records are due now." in page
    assert "No purge has run yet." in page


def test_the_audit_trail_links_to_it(client, sign_in):
    sign_in(Role.VS_ADMIN)
    assert 'href="/admin/retention"' in client.get("/admin/audit").text


@pytest.mark.parametrize("role", [Role.VS_ADVISOR, Role.EDUCATIONAL_PSYCHOLOGIST,
                                  Role.SCHOOL_STAFF, Role.SOCIAL_WORKER])
def test_the_page_is_for_the_vs_admin(client, sign_in, role):
    sign_in(role)
    assert client.get("/admin/retention").status_code == 403
