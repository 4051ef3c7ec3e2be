"""The booking rules page (VS admin): the four numbers, their ranges, and who may change them."""

import re

import pytest

from app.extensions import db
from app.models import AuditEvent, Role
from app.services.booking_rules import BookingRules, current_rules

GOOD = {"min_notice_days": "3", "term_limit": "0", "offer_hours": "48", "reminder_days": "2"}


def test_the_page_shows_the_rules_in_force(client, sign_in):
    sign_in(Role.VS_ADMIN)
    page = client.get("/admin/booking-rules")
    assert page.status_code == 200
    for label, value in (("Minimum notice, in working days", 2),
                         ("Bookings per school per term", 6),
                         ("Hours a waiting-list offer is held", 24),
                         ("Days before a consultation to send reminders", 1)):
        assert label in page.text
        assert f'value="{value}"' in page.text
    assert "0 means no limit" in page.text and 'inputmode="numeric"' in page.text


def test_the_vs_admin_saves_the_rules(client, sign_in):
    admin = sign_in(Role.VS_ADMIN)
    response = client.post("/admin/booking-rules", data=GOOD)
    assert response.status_code == 302
    assert response.location.endswith("/admin/booking-rules")
    assert current_rules() == BookingRules(min_notice_days=3, term_limit=0, offer_hours=48,
                                           reminder_days=2)
    event = db.session.scalar(db.select(AuditEvent).where(
        AuditEvent.action == "booking_rules_changed"))
    assert event.actor_id == admin.id
    assert "minimum notice 3 working days" in event.detail
    assert "offers held 48 hours" in event.detail and "reminders 2 days" in event.detail
    page = client.get(response.location).text
    assert "Booking rules saved" in page and 'value="48"' in page


@pytest.mark.parametrize(("field", "typed", "message"), [
    ("min_notice_days", "31", "The minimum notice must be between 0 and 30"),
    ("term_limit", "-1", "The bookings per term must be between 0 and 100"),
    ("offer_hours", "0", "The hours an offer is held must be between 1 and 168"),
    ("reminder_days", "15", "The days before must be between 0 and 14"),
    ("offer_hours", "a day", "The hours an offer is held must be a whole number, like 24"),
    ("min_notice_days", "2.5", "The minimum notice must be a whole number, like 2"),
    ("term_limit", "  ", "Enter the bookings per term, like 6"),
])
def test_numbers_out_of_range_are_refused_with_the_typing_kept(client, sign_in, field, typed,
                                                               message):
    sign_in(Role.VS_ADMIN)
    response = client.post("/admin/booking-rules", data={**GOOD, field: typed})
    assert response.status_code == 400
    assert "govuk-error-summary" in response.text and message in response.text
    assert f'value="{typed}"' in response.text or not typed.strip()
    for other, value in GOOD.items():  # the other answers are kept too
        if other != field:
            [box] = re.findall(rf'<input[^>]*name="{other}"[^>]*>', response.text)
            assert f'value="{value}"' in box
    assert current_rules() == BookingRules()
    assert db.session.scalar(db.select(AuditEvent.id).where(
        AuditEvent.action == "booking_rules_changed")) is None


@pytest.mark.parametrize("role", [Role.VS_ADVISOR, Role.EDUCATIONAL_PSYCHOLOGIST,
                                  Role.SCHOOL_STAFF, Role.SOCIAL_WORKER])
def test_only_the_vs_admin_sees_or_changes_the_rules(client, sign_in, role):
    sign_in(role)
    assert client.get("/admin/booking-rules").status_code == 403
    assert client.post("/admin/booking-rules", data=GOOD).status_code == 403
    assert current_rules() == BookingRules()
