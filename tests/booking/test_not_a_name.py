"""Booking's free text (attendees' roles, cancellation reasons) refuses identifying text
with the GOV.UK error summary; a flagged name can be confirmed, and the booking page lists it."""

import pytest

from app.extensions import db
from app.models import Booking, BookingStatus, NameConfirmation, Role, SessionStatus
from tests.booking.factories import (
    FUTURE,
    make_accepted_request,
    make_bookable_session,
    make_booking,
)
from tests.booking.test_sessions import make_session
from tests.conftest import make_user
from tests.name_checks import not_a_name_boxes

NAMED_REASON = "Jack Smith, the visiting author, is in school that afternoon"
PHONE_ROLE = "Aunt, ring 07700 900123"


def _confirmations():
    return db.session.scalars(db.select(NameConfirmation).order_by(NameConfirmation.id)).all()


@pytest.fixture
def booking(app):
    session = make_bookable_session(advisor=make_user(Role.VS_ADVISOR))
    return make_booking(slot=session.slots[0])


def test_a_cancellation_reason_with_a_name_is_refused_then_confirmed(client, sign_in, booking):
    staff = sign_in(Role.SCHOOL_STAFF, school=booking.request.school)
    refused = client.post(f"/bookings/{booking.id}/cancel", data={"reason": NAMED_REASON})
    assert refused.status_code == 400
    assert "govuk-error-summary" in refused.text
    assert 'href="#reason"' in refused.text and "‘Jack Smith’" in refused.text
    assert NAMED_REASON in refused.text
    assert not_a_name_boxes(refused.text) == ["reason:Jack Smith"]
    done = client.post(f"/bookings/{booking.id}/cancel",
                       data={"reason": NAMED_REASON, "not_a_name": "reason:Jack Smith"})
    assert done.status_code == 302, done.text
    booking = db.session.get(Booking, booking.id)
    assert booking.status == BookingStatus.CANCELLED and booking.cancel_reason == NAMED_REASON
    (confirmation,) = _confirmations()
    assert (confirmation.record_type, confirmation.record_id, confirmation.phrase,
            confirmation.confirmed_by_id) == ("Booking", str(booking.id), "Jack Smith", staff.id)
    page = client.get(f"/bookings/{booking.id}").text
    section = page.split("Phrases confirmed not to be names", 1)[1]
    assert "‘Jack Smith’" in section and staff.name in section


def test_an_attendee_role_with_a_phone_number_is_refused_whatever_is_ticked(
        client, sign_in, booking):
    sign_in(Role.SCHOOL_STAFF, school=booking.request.school)
    before = len(booking.attendees)
    response = client.post(f"/bookings/{booking.id}/attendees", data={
        "attendee-name": "Kim Lee", "attendee-job_role": PHONE_ROLE,
        "attendee-email": "kim.lee@example.test", "attendee-kind": "other",
        "not_a_name": [f"attendee-job_role:{PHONE_ROLE}", "attendee-job_role:07700 900123"]})
    assert response.status_code == 400
    assert 'href="#attendee-job_role"' in response.text and "07700 900123" in response.text
    assert f'value="{PHONE_ROLE}"' in response.text
    assert not_a_name_boxes(response.text) == []
    assert len(db.session.get(Booking, booking.id).attendees) == before


def test_an_attendee_role_with_a_name_can_be_confirmed_with_htmx_too(client, sign_in, booking):
    sign_in(Role.SCHOOL_STAFF, school=booking.request.school)
    data = {"attendee-name": "Kim Lee", "attendee-job_role": "Mrs Patel is her key worker",
            "attendee-email": "kim.lee@example.test", "attendee-kind": "other"}
    htmx = {"HX-Request": "true"}
    refused = client.post(f"/bookings/{booking.id}/attendees", data=data, headers=htmx)
    assert "<html" not in refused.text and 'href="#attendee-job_role"' in refused.text
    assert not_a_name_boxes(refused.text) == ["attendee-job_role:Mrs Patel"]
    added = client.post(f"/bookings/{booking.id}/attendees", headers=htmx,
                        data={**data, "not_a_name": "attendee-job_role:Mrs Patel"})
    assert added.status_code == 200 and "Kim Lee has been added" in added.text
    (confirmation,) = _confirmations()
    assert (confirmation.record_type, confirmation.field_label) == ("Booking", "Role")


def test_booking_a_slot_guards_the_other_peoples_roles(client, sign_in):
    me = sign_in(Role.SCHOOL_STAFF)
    accepted = make_accepted_request(me.school, by=me)
    slot = make_bookable_session(FUTURE, slots=1).slots[0]
    data = {"request_id": str(accepted.id), "school_staff": [str(me.id)],
            "other_1_name": "Lee Hart", "other_1_role": "Mrs Patel is her kinship carer",
            "other_1_email": "lee.hart@family.example.test"}
    refused = client.post(f"/slots/{slot.id}/book", data=data)
    assert refused.status_code == 400
    assert 'href="#other_1_role"' in refused.text
    assert not_a_name_boxes(refused.text) == ["other_1_role:Mrs Patel"]
    booked = client.post(f"/slots/{slot.id}/book",
                         data={**data, "not_a_name": "other_1_role:Mrs Patel"})
    assert booked.status_code == 302, booked.text
    booking = db.session.scalars(db.select(Booking)).one()
    (confirmation,) = _confirmations()
    assert (confirmation.record_type, confirmation.record_id) == ("Booking", str(booking.id))


def test_a_session_cancellation_reason_is_guarded(client, sign_in):
    admin = sign_in(Role.VS_ADMIN)
    session = make_session(make_user(Role.EDUCATIONAL_PSYCHOLOGIST))
    refused = client.post(f"/sessions/{session.id}/cancel", data={"reason": NAMED_REASON})
    assert refused.status_code == 400
    assert 'href="#reason"' in refused.text and NAMED_REASON in refused.text
    assert not_a_name_boxes(refused.text) == ["reason:Jack Smith"]
    done = client.post(f"/sessions/{session.id}/cancel",
                       data={"reason": NAMED_REASON, "not_a_name": "reason:Jack Smith"})
    assert done.status_code == 302, done.text
    db.session.refresh(session)
    assert session.status == SessionStatus.CANCELLED
    (confirmation,) = _confirmations()
    assert (confirmation.record_type, confirmation.record_id, confirmation.confirmed_by_id) == (
        "ConsultationSession", str(session.id), admin.id)
