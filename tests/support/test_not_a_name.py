"""TAC notes, actions and invitees' roles refuse identifying text with the GOV.UK error
summary; a flagged name can be confirmed, and the meeting's page lists what was confirmed."""

from app.extensions import db
from app.models import AuditEvent, NameConfirmation, TacMeeting
from app.privacy import upn_check_letter
from tests.name_checks import not_a_name_boxes
from tests.support.conftest import make_meeting, schedule_data
from tests.support.test_tac_notes import PEOPLE, notes_data

NAMED = "Loves being Jack Smith in the class assembly play"
UPN = upn_check_letter("801200005001") + "801200005001"


def _confirmations():
    return db.session.scalars(db.select(NameConfirmation).order_by(NameConfirmation.id)).all()


def test_a_note_with_a_name_is_refused_then_saved_once_confirmed(client, child, staff):
    meeting = make_meeting(child, attendees=PEOPLE)
    refused = client.post(f"/tac/{meeting.id}/notes",
                          data=notes_data(meeting, belonging=NAMED))
    assert refused.status_code == 400
    assert "govuk-error-summary" in refused.text
    assert 'href="#belonging"' in refused.text and "‘Jack Smith’" in refused.text
    assert NAMED in refused.text
    assert not_a_name_boxes(refused.text) == ["belonging:Jack Smith"]

    saved = client.post(f"/tac/{meeting.id}/notes", data=notes_data(
        meeting, belonging=NAMED, not_a_name="belonging:Jack Smith"))
    assert saved.status_code == 302, saved.text
    meeting = db.session.get(TacMeeting, meeting.id)
    assert meeting.belonging == NAMED
    (confirmation,) = _confirmations()
    assert (confirmation.record_type, confirmation.record_id, confirmation.field,
            confirmation.phrase, confirmation.confirmed_by_id) == (
        "TacMeeting", str(meeting.id), "belonging", "Jack Smith", staff.id)
    assert db.session.scalar(db.select(AuditEvent.detail).where(
        AuditEvent.action == "name_not_a_name")) == f"{confirmation.field_label}: Jack Smith"

    # Changing the notes later, the confirmed phrase still passes without a new tick.
    again = client.post(f"/tac/{meeting.id}/notes", data=notes_data(meeting, belonging=NAMED))
    assert again.status_code == 302, again.text
    assert len(_confirmations()) == 1

    page = client.get(f"/tac/{meeting.id}")
    section = page.text.split("Phrases confirmed not to be names", 1)[1]
    assert "‘Jack Smith’" in section and staff.name in section


def test_an_action_with_a_upn_is_refused_whatever_is_ticked(client, child):
    meeting = make_meeting(child, attendees=PEOPLE)
    what = f"Ask the last school for the file of {UPN}"
    response = client.post(f"/tac/{meeting.id}/notes", data=notes_data(
        meeting, **{"actions-0-what": what}, not_a_name=[f"actions-0-what:{what}",
                                                          f"actions-0-what:{UPN}"]))
    assert response.status_code == 400
    assert 'href="#actions-0-what"' in response.text and UPN in response.text
    assert not_a_name_boxes(response.text) == []
    assert db.session.get(TacMeeting, meeting.id).status.value == "scheduled"
    assert _confirmations() == []


def test_an_action_role_with_a_name_can_be_confirmed(client, child):
    meeting = make_meeting(child, attendees=PEOPLE)
    role = "Mrs Patel is the link worker"
    refused = client.post(f"/tac/{meeting.id}/notes",
                          data=notes_data(meeting, **{"actions-1-who_role": role}))
    assert refused.status_code == 400
    assert 'href="#actions-1-who_role"' in refused.text
    assert not_a_name_boxes(refused.text) == ["actions-1-who_role:Mrs Patel"]
    saved = client.post(f"/tac/{meeting.id}/notes", data=notes_data(
        meeting, **{"actions-1-who_role": role}, not_a_name="actions-1-who_role:Mrs Patel"))
    assert saved.status_code == 302, saved.text
    (confirmation,) = _confirmations()
    assert confirmation.field_label == "Who: their role (row 2)"


def test_an_invitees_role_is_guarded_when_scheduling(client, child, staff):
    phone = "Aunt, call 07700 900123"
    refused = client.post(f"/children/{child.reference}/tac/new",
                          data=schedule_data(**{"attendees-2-job_role": phone}))
    assert refused.status_code == 400
    assert 'href="#attendees-2-job_role"' in refused.text and "07700 900123" in refused.text
    assert f'value="{phone}"' in refused.text
    assert not_a_name_boxes(refused.text) == []

    role = "Mrs Patel is her kinship carer"
    named = client.post(f"/children/{child.reference}/tac/new",
                        data=schedule_data(**{"attendees-2-job_role": role}))
    assert named.status_code == 400
    assert not_a_name_boxes(named.text) == ["attendees-2-job_role:Mrs Patel"]
    saved = client.post(f"/children/{child.reference}/tac/new", data=schedule_data(
        **{"attendees-2-job_role": role}, not_a_name="attendees-2-job_role:Mrs Patel"))
    assert saved.status_code == 302, saved.text
    meeting = db.session.scalars(db.select(TacMeeting)).one()
    (confirmation,) = _confirmations()
    assert (confirmation.record_type, confirmation.record_id, confirmation.phrase) == (
        "TacMeeting", str(meeting.id), "Mrs Patel")
