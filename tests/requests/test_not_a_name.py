"""A name the guard flags can be confirmed as not a person's name, on that field alone; a
number or an address never can. The Virtual School sees each confirmation on the request."""

from app.extensions import db
from app.models import (
    AdviceRequest,
    AuditEvent,
    ChildRecord,
    NameConfirmation,
    RequestStatus,
    Role,
    Route,
)
from app.privacy import upn_check_letter
from tests.conftest import make_child, make_request, make_school
from tests.name_checks import not_a_name_boxes as _boxes

NAMED = "Weekly sessions with Jack Smith, the reading programme's mascot."
UPN = upn_check_letter("801200005001") + "801200005001"


def _draft(sign_in):
    school = make_school()
    staff = sign_in(Role.SCHOOL_STAFF, school=school)
    return make_request(make_child(school), sent=False), staff


def test_a_flagged_name_offers_a_checkbox_under_the_field(client, sign_in):
    draft, _staff = _draft(sign_in)
    response = client.post(f"/requests/{draft.id}/tried",
                           data={"tried": NAMED, "tried_for": "6 weeks"})
    assert response.status_code == 400
    assert "‘Jack Smith’" in response.text
    assert _boxes(response.text) == ["tried:Jack Smith"]
    assert "‘Jack Smith’ is not a person’s name" in response.text


def test_a_phone_number_offers_no_checkbox(client, sign_in):
    draft, _staff = _draft(sign_in)
    response = client.post(f"/requests/{draft.id}/tried",
                           data={"tried": "Mum is on 07700 900123.", "tried_for": "6 weeks"})
    assert response.status_code == 400
    assert "07700 900123" in response.text
    assert _boxes(response.text) == []


def test_a_name_beside_a_phone_number_offers_no_checkbox_until_the_number_goes(
        client, sign_in):
    draft, _staff = _draft(sign_in)
    response = client.post(f"/requests/{draft.id}/tried",
                           data={"tried": NAMED + " Ring 07700 900123.", "tried_for": "6 weeks"})
    assert response.status_code == 400
    assert _boxes(response.text) == []


def test_ticking_the_box_saves_the_answer_a_confirmation_and_an_audit_event(client, sign_in):
    draft, staff = _draft(sign_in)
    response = client.post(f"/requests/{draft.id}/tried", data={
        "tried": NAMED, "tried_for": "6 weeks", "not_a_name": "tried:Jack Smith"})
    assert response.status_code == 302, response.text
    db.session.refresh(draft)
    assert draft.tried == NAMED
    confirmation = db.session.scalars(db.select(NameConfirmation)).one()
    assert (confirmation.record_type, confirmation.record_id) == ("AdviceRequest", str(draft.id))
    assert (confirmation.field, confirmation.phrase) == ("tried", "Jack Smith")
    assert confirmation.field_label == "What has been tried so far?"
    assert confirmation.confirmed_by_id == staff.id
    event = db.session.scalars(db.select(AuditEvent)
                               .where(AuditEvent.action == "name_not_a_name")).one()
    assert (event.record_type, event.record_id) == ("AdviceRequest", str(draft.id))
    assert event.actor_id == staff.id
    assert event.detail == "What has been tried so far?: Jack Smith"


def test_the_confirmation_holds_when_the_request_is_checked_changed_and_sent(client, sign_in):
    draft, _staff = _draft(sign_in)
    client.post(f"/requests/{draft.id}/tried", data={
        "tried": NAMED, "tried_for": "6 weeks", "not_a_name": "tried:Jack Smith"})
    check = client.get(f"/requests/{draft.id}/check")
    assert "You cannot send this request yet" not in check.text
    # Saving the question again, without ticking again, still passes: it was confirmed.
    again = client.post(f"/requests/{draft.id}/tried", data={"tried": NAMED + " Twice a week.",
                                                              "tried_for": "6 weeks"})
    assert again.status_code == 302, again.text
    sent = client.post(f"/requests/{draft.id}/send")
    assert sent.status_code == 302
    db.session.refresh(draft)
    assert draft.status == RequestStatus.SUBMITTED
    assert db.session.scalar(db.select(db.func.count(NameConfirmation.id))) == 1


def test_a_confirmation_is_for_its_own_field_only(client, sign_in):
    draft, _staff = _draft(sign_in)
    client.post(f"/requests/{draft.id}/tried", data={
        "tried": NAMED, "tried_for": "6 weeks", "not_a_name": "tried:Jack Smith"})
    response = client.post(f"/requests/{draft.id}/question", data={
        "question": "Could Jack Smith help?", "not_a_name": "tried:Jack Smith"})
    assert response.status_code == 400
    assert _boxes(response.text) == ["question:Jack Smith"]


def test_a_crafted_not_a_name_lets_no_phone_number_upn_or_email_through(client, sign_in):
    draft, _staff = _draft(sign_in)
    for typed in ("Mum is on 07700 900123.", f"The UPN is {UPN}.",
                  "Email mum at jo.bloggs@example.com"):
        response = client.post(f"/requests/{draft.id}/tried", data={
            "tried": typed, "tried_for": "6 weeks",
            "not_a_name": [f"tried:{typed}", "tried:07700 900123", f"tried:{UPN}",
                           "tried:jo.bloggs@example.com"]})
        assert response.status_code == 400, typed
        assert typed in response.text  # kept, to be fixed
    db.session.refresh(draft)
    assert draft.tried != "Mum is on 07700 900123."
    assert db.session.scalars(db.select(NameConfirmation)).all() == []


def test_a_tick_does_not_let_a_number_through_beside_the_name(client, sign_in):
    draft, _staff = _draft(sign_in)
    typed = NAMED + " Ring 07700 900123."
    response = client.post(f"/requests/{draft.id}/tried", data={
        "tried": typed, "tried_for": "6 weeks", "not_a_name": "tried:Jack Smith"})
    assert response.status_code == 400
    assert "07700 900123" in response.text
    assert _boxes(response.text) == ["ticked tried:Jack Smith"]  # the tick is kept
    assert db.session.scalars(db.select(NameConfirmation)).all() == []


def test_the_htmx_check_shows_the_checkbox_and_keeps_it_ticked(client, sign_in):
    draft, _staff = _draft(sign_in)
    htmx = {"HX-Request": "true", "HX-Trigger-Name": "tried"}
    flagged = client.post(f"/requests/{draft.id}/tried", data={"tried": NAMED}, headers=htmx)
    assert flagged.status_code == 200 and "<html" not in flagged.text
    assert "govuk-error-message" in flagged.text
    assert _boxes(flagged.text) == ["tried:Jack Smith"]
    ticked = client.post(f"/requests/{draft.id}/tried", headers=htmx,
                         data={"tried": NAMED, "not_a_name": "tried:Jack Smith"})
    assert "govuk-error-message" not in ticked.text
    assert _boxes(ticked.text) == ["ticked tried:Jack Smith"]
    assert db.session.scalars(db.select(NameConfirmation)).all() == []  # checking never saves


def test_the_virtual_school_sees_the_confirmation_on_the_request(client, sign_in):
    draft, staff = _draft(sign_in)
    client.post(f"/requests/{draft.id}/tried", data={
        "tried": NAMED, "tried_for": "6 weeks", "not_a_name": "tried:Jack Smith"})
    client.post(f"/requests/{draft.id}/send")
    for role in (Role.VS_ADMIN, Role.VS_ADVISOR):
        client.post("/sign-out")
        sign_in(role)
        page = client.get(f"/requests/{draft.id}")
        assert page.status_code == 200
        section = page.text.split("Phrases confirmed not to be names", 1)[1]
        assert "‘Jack Smith’" in section
        assert "What has been tried so far?" in section
        assert staff.name in section


def test_a_request_with_no_confirmation_shows_no_such_section(client, sign_in):
    request_ = make_request()
    sign_in(Role.VS_ADMIN)
    page = client.get(f"/requests/{request_.id}")
    assert page.status_code == 200
    assert "Phrases confirmed not to be names" not in page.text


def test_written_advice_can_confirm_a_name_too(client, sign_in):
    request_ = make_request()
    request_.status, request_.route = RequestStatus.ACCEPTED, Route.WRITTEN_ADVICE
    db.session.commit()
    adviser = sign_in(Role.VS_ADVISOR)
    advice = "Mrs Patel could meet the child at the gate each morning."
    refused = client.post(f"/requests/{request_.id}/advice", data={"advice": advice})
    assert refused.status_code == 400
    assert 'href="#advice"' in refused.text and "‘Mrs Patel’" in refused.text
    assert _boxes(refused.text) == ["advice:Mrs Patel"]
    assert advice in refused.text
    done = client.post(f"/requests/{request_.id}/advice",
                       data={"advice": advice, "not_a_name": "advice:Mrs Patel"})
    assert done.status_code == 302, done.text
    request_ = db.session.get(AdviceRequest, request_.id)
    assert request_.status == RequestStatus.CLOSED
    confirmation = db.session.scalars(db.select(NameConfirmation)).one()
    assert (confirmation.field, confirmation.phrase, confirmation.confirmed_by_id) == (
        "advice", "Mrs Patel", adviser.id)
    page = client.get(f"/requests/{request_.id}")
    assert "Phrases confirmed not to be names" in page.text and "Written advice" in page.text


def test_a_child_records_note_can_confirm_a_name_and_refuses_a_upn(client, sign_in):
    staff = sign_in(Role.SCHOOL_STAFF)
    data = {"initials": "AB", "year_group": "year_5", "cohort": "child_in_care",
            "sen_status": "ehcp"}
    upn = client.post("/children/new", data={**data, "school_note": f"UPN {UPN}",
                                             "not_a_name": f"school_note:UPN {UPN}"})
    assert upn.status_code == 400
    assert 'href="#school_note"' in upn.text and UPN in upn.text
    assert _boxes(upn.text) == []
    note = "MIS group Mrs Patel"
    named = client.post("/children/new", data={**data, "school_note": note})
    assert named.status_code == 400 and _boxes(named.text) == ["school_note:Mrs Patel"]
    saved = client.post("/children/new", data={**data, "school_note": note,
                                               "not_a_name": "school_note:Mrs Patel"})
    assert saved.status_code == 302, saved.text
    child = db.session.scalars(db.select(ChildRecord)).one()
    assert child.school_note == note
    (confirmation,) = db.session.scalars(db.select(NameConfirmation)).all()
    assert (confirmation.record_type, confirmation.record_id, confirmation.confirmed_by_id) == (
        "ChildRecord", str(child.id), staff.id)
    changed = client.post(f"/children/{child.reference}/edit",
                          data={**data, "school_note": note + " and Mr Jones"})
    assert changed.status_code == 400
    assert _boxes(changed.text) == ["school_note:Mr Jones"]  # Mrs Patel was confirmed before


def test_a_decline_reason_offers_the_checkbox_in_the_region_htmx_swaps(client, sign_in):
    request_ = make_request()
    sign_in(Role.VS_ADMIN)
    reason = "Mrs Patel from the local offer team is better placed to help."
    htmx = {"HX-Request": "true"}
    refused = client.post(f"/requests/{request_.id}/decline", data={"reason": reason},
                          headers=htmx)
    assert refused.status_code == 200 and "<html" not in refused.text
    assert 'href="#reason"' in refused.text and "‘Mrs Patel’" in refused.text
    assert _boxes(refused.text) == ["reason:Mrs Patel"]
    done = client.post(f"/requests/{request_.id}/decline", headers=htmx,
                       data={"reason": reason, "not_a_name": "reason:Mrs Patel"})
    assert done.status_code == 200 and "declined" in done.text
    assert db.session.get(AdviceRequest, request_.id).status == RequestStatus.DECLINED
    assert "Phrases confirmed not to be names" in done.text


def test_a_tick_counts_only_for_a_phrase_flagged_as_a_name(client, sign_in):
    draft, _staff = _draft(sign_in)
    typed = "Jack Smith met Mrs Patel at the gate."
    response = client.post(f"/requests/{draft.id}/tried", data={
        "tried": typed, "tried_for": "6 weeks",
        "not_a_name": ["tried:Jack Smith met Mrs Patel", "tried:Mrs Patel at the gate"]})
    assert response.status_code == 400
    assert _boxes(response.text) == ["tried:Jack Smith", "tried:Mrs Patel"]
    both = client.post(f"/requests/{draft.id}/tried", data={
        "tried": typed, "tried_for": "6 weeks",
        "not_a_name": ["tried:jack  smith", "tried:Mrs Patel"]})
    assert both.status_code == 302, both.text
    assert sorted(c.phrase for c in db.session.scalars(db.select(NameConfirmation))) == [
        "Jack Smith", "Mrs Patel"]
