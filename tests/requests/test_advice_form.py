"""School staff fill in an advice request page by page, check it and send it."""

from datetime import datetime
from zoneinfo import ZoneInfo

from app.extensions import db
from app.models import AdviceRequest, AuditEvent, Cohort, RequestStatus, Role
from tests.conftest import make_child, make_request, make_school, make_theme

ANSWERS = {
    "indicators": {"indicators": ["attendance", "wellbeing"]},
    "attendance": {"attendance_percent": "72.5"},
    "tried": {"tried": "A meet and greet with the key adult each morning.\nA quiet space at lunch.",
              "tried_for": "Since September"},
    "support": {"support_wanted": "consultation"},
    "question": {"question": "How can we help with arriving at school each morning?"},
    "social-worker": {"social_worker": "allocated_involved"},
    "consent": {"consent_given_by": "parent", "consent_date": ["2", "11", "2026"],
                "consent_scope": "Advice from the Virtual School and a consultation.",
                "consent_confirmed": "y"},
}


def _start(client, child):
    response = client.post("/requests/new", data={"child": child.reference})
    assert response.status_code == 302
    return response.headers["Location"].split("/")[2]


def _answer_everything(client, request_id, theme):
    answers = dict(ANSWERS, themes={"themes": [str(theme.id)]})
    for slug in ["indicators", "themes", "attendance", "tried", "support", "question",
                 "social-worker", "consent"]:
        response = client.post(f"/requests/{request_id}/{slug}", data=answers[slug])
        assert response.status_code == 302, (slug, response.text[:3000])
    return response


def test_the_whole_form_sends_a_request_with_a_reference(client, sign_in):
    school = make_school()
    staff = sign_in(Role.SCHOOL_STAFF, school=school)
    child = make_child(school, initials="AB")
    theme = make_theme("Emotionally based school avoidance")
    request_id = _start(client, child)
    last = _answer_everything(client, request_id, theme)
    assert last.headers["Location"] == f"/requests/{request_id}/check"
    check = client.get(f"/requests/{request_id}/check")
    assert "Check your answers before sending your request" in check.text
    assert "72.5%" in check.text and "Emotionally based school avoidance" in check.text
    assert "2 November 2026" in check.text
    sent = client.post(f"/requests/{request_id}/send")
    assert sent.status_code == 302
    request_ = db.session.get(AdviceRequest, int(request_id))
    assert request_.status == RequestStatus.SUBMITTED
    this_year = datetime.now(ZoneInfo("Europe/London")).year
    assert request_.reference == f"AR-{this_year}-0001"
    assert request_.created_by_id == staff.id
    assert [e.to_status for e in request_.events] == [RequestStatus.SUBMITTED]
    page = client.get(sent.headers["Location"])
    assert "Request sent" in page.text and request_.reference in page.text
    actions = set(db.session.scalars(db.select(AuditEvent.action)))
    assert {"request_started", "request_sent"} <= actions


def test_each_page_keeps_what_was_typed_when_it_is_wrong(client, sign_in):
    school = make_school()
    sign_in(Role.SCHOOL_STAFF, school=school)
    draft = make_request(make_child(school), sent=False, tried=None)
    response = client.post(f"/requests/{draft.id}/attendance",
                           data={"attendance_percent": "120"})
    assert response.status_code == 400
    assert "Attendance must be between 0 and 100%" in response.text
    assert 'value="120"' in response.text
    db.session.refresh(draft)
    assert draft.attendance_percent is None


def test_identifying_text_is_refused_with_what_and_where(client, sign_in):
    school = make_school()
    sign_in(Role.SCHOOL_STAFF, school=school)
    draft = make_request(make_child(school), sent=False)
    typed = "Jack Smith has been late every day; mum is on 07700 900123."
    response = client.post(f"/requests/{draft.id}/question", data={"question": typed})
    assert response.status_code == 400
    assert "There is a problem" in response.text
    assert "Jack Smith" in response.text and "07700 900123" in response.text
    assert typed in response.text  # kept, to be fixed rather than retyped
    db.session.refresh(draft)
    assert draft.question != typed


def test_htmx_checks_one_field_as_the_user_leaves_it(client, sign_in):
    school = make_school()
    sign_in(Role.SCHOOL_STAFF, school=school)
    draft = make_request(make_child(school), sent=False)
    response = client.post(f"/requests/{draft.id}/question",
                           data={"question": "Contact Mrs Patel about this."},
                           headers={"HX-Request": "true", "HX-Trigger-Name": "question"})
    assert response.status_code == 200
    assert "<html" not in response.text
    assert "govuk-error-message" in response.text and "Mrs Patel" in response.text
    assert "HX-Request" in response.headers["Vary"]
    clean = client.post(f"/requests/{draft.id}/question",
                        data={"question": "How can we support mornings?"},
                        headers={"HX-Request": "true", "HX-Trigger-Name": "question"})
    assert "govuk-error-message" not in clean.text
    db.session.refresh(draft)
    assert draft.question != "How can we support mornings?"  # checking never saves


def test_consent_is_required_before_sending(client, sign_in):
    school = make_school()
    sign_in(Role.SCHOOL_STAFF, school=school)
    draft = make_request(make_child(school), sent=False, consent_confirmed=False)
    response = client.post(f"/requests/{draft.id}/send")
    assert response.status_code == 400
    assert "Record the parent&#39;s or carer&#39;s consent" in response.text
    db.session.refresh(draft)
    assert draft.status == RequestStatus.DRAFT and draft.reference is None


def test_consent_page_needs_every_part(client, sign_in):
    school = make_school()
    sign_in(Role.SCHOOL_STAFF, school=school)
    draft = make_request(make_child(school), sent=False, consent_confirmed=False)
    response = client.post(f"/requests/{draft.id}/consent", data={
        "consent_given_by": "parent", "consent_date": ["31", "2", "2026"],
        "consent_scope": "Advice"})
    assert response.status_code == 400
    assert "Enter a real date, like 27 3 2026" in response.text
    assert "Confirm that consent has been given" in response.text


def test_a_child_outside_the_duty_is_explained_not_refused_silently(client, sign_in):
    school = make_school()
    sign_in(Role.SCHOOL_STAFF, school=school)
    draft = make_request(make_child(school, cohort=Cohort.NONE_OF_THESE), sent=False)
    check = client.get(f"/requests/{draft.id}/check")
    assert "the Virtual School cannot take this request" in check.text
    assert "SEND team" in check.text  # the signposting text
    assert "Send request" not in check.text
    assert client.post(f"/requests/{draft.id}/send").status_code == 400


def test_save_and_come_back_later_keeps_the_draft(client, sign_in):
    school = make_school()
    sign_in(Role.SCHOOL_STAFF, school=school)
    draft = make_request(make_child(school), sent=False, question=None)
    response = client.post(f"/requests/{draft.id}/question",
                           data={"question": "What next?", "save_later": "y"})
    assert response.status_code == 302
    db.session.refresh(draft)
    assert draft.question == "What next?" and draft.status == RequestStatus.DRAFT


def test_another_schools_draft_is_404(client, sign_in):
    draft = make_request(sent=False)
    sign_in(Role.SCHOOL_STAFF)
    for path in ("indicators", "check", "delete"):
        assert client.get(f"/requests/{draft.id}/{path}").status_code == 404
    assert client.post(f"/requests/{draft.id}/send").status_code == 404


def test_another_schools_child_cannot_be_chosen(client, sign_in):
    other_child = make_child()
    sign_in(Role.SCHOOL_STAFF)
    response = client.post("/requests/new", data={"child": other_child.reference})
    assert response.status_code == 400
    assert db.session.scalar(db.select(db.func.count(AdviceRequest.id))) == 0


def test_a_sent_request_can_no_longer_be_edited(client, sign_in):
    school = make_school()
    sign_in(Role.SCHOOL_STAFF, school=school)
    sent = make_request(make_child(school))
    assert client.get(f"/requests/{sent.id}/question").status_code == 404


def test_a_draft_can_be_deleted(client, sign_in):
    school = make_school()
    sign_in(Role.SCHOOL_STAFF, school=school)
    draft_id = make_request(make_child(school), sent=False).id
    assert "Are you sure" in client.get(f"/requests/{draft_id}/delete").text
    client.post(f"/requests/{draft_id}/delete")
    db.session.expunge_all()
    assert db.session.get(AdviceRequest, draft_id) is None


def test_every_question_page_has_its_question_as_the_heading(client, sign_in):
    import re

    from app.requests.advice_steps import STEPS

    school = make_school()
    sign_in(Role.SCHOOL_STAFF, school=school)
    draft = make_request(make_child(school), sent=False)
    for step in STEPS:
        page = client.get(f"/requests/{draft.id}/{step.slug}").text
        headings = re.findall(r"<h1[^>]*>(.*?)</h1>", page, re.S)
        assert len(headings) == 1, step.slug
        assert re.sub(r"<[^>]+>", "", headings[0]).strip(), step.slug
        for legend in re.findall(r"<legend[^>]*>(.*?)</legend>", page, re.S):
            assert re.sub(r"<[^>]+>", "", legend).strip(), (step.slug, "empty legend")
