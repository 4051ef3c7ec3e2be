"""Who sees an outcome: the EP always; the VS and the school once final; a social worker
only what was sent to them. Everyone else: 404. Each view is audited."""

import pytest

from app.extensions import db
from app.models import AuditEvent, Role
from tests.conftest import make_school, make_user
from tests.outcomes.factories import (
    BEST_HOPES,
    SAM,
    audit_actions,
    form_data,
    held_booking,
    make_ep,
    outcome_of,
    sign_in_as,
)

SHOWN = "Arriving &lt;b&gt;calmly&lt;/b&gt; &amp; ready"


def page(booking):
    return f"/bookings/{booking.id}/outcome"


@pytest.fixture
def ep():
    return make_ep()


@pytest.fixture
def booking(ep):
    return held_booking(ep)


def record(client, booking, *, finalise=True, send=False):
    sign_in_as(client, booking.slot.session.educational_psychologist)
    response = client.post(f"{page(booking)}/edit", data=form_data(booking, finalise=finalise))
    assert response.status_code == 302
    if send:
        assert client.post(f"{page(booking)}/send").status_code == 302
    client.post("/sign-out")


def test_the_ep_sees_the_draft_and_nobody_else_does(client, booking, sign_in):
    record(client, booking, finalise=False)
    sign_in_as(client, booking.slot.session.educational_psychologist)
    response = client.get(page(booking))
    assert response.status_code == 200
    assert SHOWN in response.text and "This is a draft" in response.text
    for role, fields in [(Role.VS_ADMIN, {}), (Role.VS_ADVISOR, {}),
                         (Role.SCHOOL_STAFF, {"school": booking.request.school}),
                         (Role.SOCIAL_WORKER, {"email": SAM})]:
        client.post("/sign-out")
        sign_in(role, **fields)
        assert client.get(page(booking)).status_code == 404, role
        assert client.get(f"{page(booking)}.pdf").status_code == 404, role


def test_the_ep_sees_a_page_before_there_is_an_outcome(client, booking):
    sign_in_as(client, booking.slot.session.educational_psychologist)
    response = client.get(page(booking))
    assert response.status_code == 200
    assert "No outcome has been recorded yet" in response.text
    assert "Record the outcome" in response.text
    assert client.get(f"{page(booking)}.pdf").status_code == 404


@pytest.mark.parametrize("role", [Role.VS_ADMIN, Role.VS_ADVISOR])
def test_the_virtual_school_sees_a_final_outcome(client, booking, sign_in, role):
    record(client, booking)
    sign_in(role)
    response = client.get(page(booking))
    assert response.status_code == 200
    assert SHOWN in response.text
    assert "Add an amendment" not in response.text and "Send the summary" not in response.text


def test_school_staff_see_their_schools_final_outcome_only(client, booking, sign_in):
    record(client, booking)
    sign_in(Role.SCHOOL_STAFF, school=booking.request.school)
    assert client.get(page(booking)).status_code == 200
    client.post("/sign-out")
    sign_in(Role.SCHOOL_STAFF, school=make_school())
    assert client.get(page(booking)).status_code == 404
    assert client.get(f"{page(booking)}.pdf").status_code == 404


def test_a_social_worker_sees_it_only_once_the_summary_was_sent(client, booking, sign_in):
    record(client, booking)
    sam = make_user(Role.SOCIAL_WORKER, email=SAM)
    sign_in_as(client, sam)
    assert client.get(page(booking)).status_code == 404

    sign_in_as(client, booking.slot.session.educational_psychologist)
    assert client.post(f"{page(booking)}/send").status_code == 302
    sign_in_as(client, sam)
    response = client.get(page(booking))
    assert response.status_code == 200 and SHOWN in response.text
    # Not invited to this booking: nothing.
    client.post("/sign-out")
    sign_in(Role.SOCIAL_WORKER)
    assert client.get(page(booking)).status_code == 404


def test_a_social_worker_sees_only_the_amendments_that_were_sent(client, booking):
    record(client, booking, send=True)
    ep_user = booking.slot.session.educational_psychologist
    sign_in_as(client, ep_user)
    client.post(f"{page(booking)}/amend", data={"text": "Added after sending"})
    sam = make_user(Role.SOCIAL_WORKER, email=SAM)
    sign_in_as(client, sam)
    assert "Added after sending" not in client.get(page(booking)).text
    sign_in_as(client, ep_user)
    client.post(f"{page(booking)}/send")
    sign_in_as(client, sam)
    assert "Added after sending" in client.get(page(booking)).text


def test_a_removed_social_worker_no_longer_sees_it(client, booking):
    record(client, booking, send=True)
    attendee = next(each for each in booking.live_attendees if each.email == SAM)
    attendee.removed_at = attendee.added_at
    db.session.commit()
    sign_in_as(client, make_user(Role.SOCIAL_WORKER, email=SAM))
    assert client.get(page(booking)).status_code == 404


def test_another_ep_cannot_see_or_record(client, booking, sign_in):
    record(client, booking, finalise=False)
    sign_in(Role.EDUCATIONAL_PSYCHOLOGIST)
    assert client.get(page(booking)).status_code == 404
    assert client.get(f"{page(booking)}/edit").status_code == 404
    response = client.post(f"{page(booking)}/edit", data=form_data(booking, finalise=True,
                                                                    best_hopes="Taken over"))
    assert response.status_code == 404
    assert outcome_of(booking).best_hopes == BEST_HOPES


@pytest.mark.parametrize("role", [Role.VS_ADMIN, Role.VS_ADVISOR, Role.SCHOOL_STAFF,
                                  Role.SOCIAL_WORKER])
def test_only_an_ep_records_amends_or_sends(client, booking, sign_in, role):
    record(client, booking)
    sign_in(role, school=booking.request.school if role == Role.SCHOOL_STAFF else None)
    assert client.get(f"{page(booking)}/edit").status_code == 403
    assert client.post(f"{page(booking)}/amend", data={"text": "Mine"}).status_code == 403
    assert client.post(f"{page(booking)}/send").status_code == 403
    assert client.get("/outcomes").status_code == 403
    assert outcome_of(booking).amendments == []


def test_viewing_is_audited(client, booking, sign_in):
    record(client, booking)
    viewer = sign_in(Role.VS_ADVISOR)
    client.get(page(booking))
    (event,) = [each for each in audit_actions("outcome_viewed") if each.actor_id == viewer.id]
    assert event.record_type == "ConsultationOutcome"
    assert event.record_id == str(outcome_of(booking).id)
    assert event.detail == booking.reference


def test_signed_out_visitors_are_sent_to_sign_in(client, booking):
    record(client, booking)
    response = client.get(page(booking))
    assert response.status_code == 302 and "/sign-in" in response.location
    assert db.session.scalar(db.select(db.func.count(AuditEvent.id))
                             .where(AuditEvent.action == "outcome_viewed")) == 0
