"""The outcome form and amendments refuse identifying text with the GOV.UK error summary;
a flagged name can be confirmed as not a person's name, and the outcome's page lists it."""

from app.extensions import db
from app.models import AuditEvent, NameConfirmation, Role
from tests.name_checks import not_a_name_boxes
from tests.outcomes.factories import form_data, held_booking, outcome_of

NAMED = "Jack Smith has been a hit as the puppet in reading lessons"


def _confirmations():
    return db.session.scalars(db.select(NameConfirmation).order_by(NameConfirmation.id)).all()


def test_identifying_text_is_refused_with_a_summary_linked_to_the_field(client, sign_in):
    ep = sign_in(Role.EDUCATIONAL_PSYCHOLOGIST)
    booking = held_booking(ep)
    response = client.post(f"/bookings/{booking.id}/outcome/edit",
                           data=form_data(booking, strengths=NAMED))
    assert response.status_code == 400
    assert "govuk-error-summary" in response.text
    assert 'href="#strengths"' in response.text and "‘Jack Smith’" in response.text
    assert NAMED in response.text
    assert not_a_name_boxes(response.text) == ["strengths:Jack Smith"]
    assert outcome_of(booking) is None


def test_an_attendee_role_with_a_phone_number_is_refused_and_cannot_be_confirmed(
        client, sign_in):
    ep = sign_in(Role.EDUCATIONAL_PSYCHOLOGIST)
    booking = held_booking(ep)
    role = "Aunt, on 07700 900123"
    response = client.post(f"/bookings/{booking.id}/outcome/edit", data=form_data(
        booking, **{"extra-0-name": "Ms Rivers", "extra-0-job_role": role,
                    "not_a_name": f"extra-0-job_role:{role}"}))
    assert response.status_code == 400
    assert 'href="#extra-0-job_role"' in response.text and "07700 900123" in response.text
    assert f'value="{role}"' in response.text
    assert not_a_name_boxes(response.text) == []
    assert outcome_of(booking) is None


def test_ticking_saves_the_outcome_its_confirmations_and_the_audit(client, sign_in):
    ep = sign_in(Role.EDUCATIONAL_PSYCHOLOGIST)
    booking = held_booking(ep)
    response = client.post(f"/bookings/{booking.id}/outcome/edit", data=form_data(
        booking, strengths=NAMED, **{"actions-0-who_role": "Mrs Patel's assistant"},
        not_a_name=["strengths:Jack Smith", "actions-0-who_role:Mrs Patel"]))
    assert response.status_code == 302, response.text
    outcome = outcome_of(booking)
    assert outcome.strengths == NAMED
    assert outcome.actions[0].who_role == "Mrs Patel's assistant"
    rows = [(c.record_type, c.record_id, c.field, c.field_label, c.phrase, c.confirmed_by_id)
            for c in _confirmations()]
    assert rows == [
        ("ConsultationOutcome", str(outcome.id), "strengths", "Strengths", "Jack Smith", ep.id),
        ("ConsultationOutcome", str(outcome.id), "actions-0-who_role",
         "Who will do it: their role (row 1)", "Mrs Patel", ep.id)]
    details = sorted(db.session.scalars(db.select(AuditEvent.detail)
                                        .where(AuditEvent.action == "name_not_a_name")))
    assert details == ["Strengths: Jack Smith", "Who will do it: their role (row 1): Mrs Patel"]

    # Saved again without ticking: the confirmations on this outcome still hold.
    again = client.post(f"/bookings/{booking.id}/outcome/edit", data=form_data(
        booking, strengths=NAMED, finalise=True,
        **{"actions-0-who_role": "Mrs Patel's assistant"}))
    assert again.status_code == 302, again.text
    assert len(_confirmations()) == 2

    page = client.get(f"/bookings/{booking.id}/outcome")
    section = page.text.split("Phrases confirmed not to be names", 1)[1]
    assert "‘Jack Smith’" in section and "Strengths" in section and ep.name in section


def test_an_amendment_refuses_a_name_until_it_is_confirmed(client, sign_in):
    ep = sign_in(Role.EDUCATIONAL_PSYCHOLOGIST)
    booking = held_booking(ep)
    client.post(f"/bookings/{booking.id}/outcome/edit", data=form_data(booking, finalise=True))
    refused = client.post(f"/bookings/{booking.id}/outcome/amend", data={"text": NAMED})
    assert refused.status_code == 400
    assert 'href="#text"' in refused.text and "‘Jack Smith’" in refused.text
    assert NAMED in refused.text
    assert not_a_name_boxes(refused.text) == ["text:Jack Smith"]
    done = client.post(f"/bookings/{booking.id}/outcome/amend",
                       data={"text": NAMED, "not_a_name": "text:Jack Smith"})
    assert done.status_code == 302, done.text
    assert [each.text for each in outcome_of(booking).amendments] == [NAMED]
    (confirmation,) = _confirmations()
    assert (confirmation.field_label, confirmation.phrase) == ("Amendment", "Jack Smith")
