"""A school's list of its requests, the page of one request, and the Virtual School's
decisions on it: who may see and do what, what each decision records, and the htmx region."""

import re
from datetime import UTC, datetime, timedelta

import pytest

from app.extensions import db
from app.london import long_datetime as london_time
from app.models import AdviceRequest, AuditEvent, RequestEvent, RequestStatus, Role, Route
from app.services import request_workflow as workflow
from tests.conftest import make_child, make_request, make_school, make_user

HTMX = {"HX-Request": "true"}
S = RequestStatus


def audit_events(action: str) -> list[AuditEvent]:
    return db.session.scalars(db.select(AuditEvent).filter_by(action=action)).all()


def reload(request_: AdviceRequest) -> AdviceRequest:
    db.session.expire_all()
    return db.session.get(AdviceRequest, request_.id)


def events_of(request_: AdviceRequest) -> list[RequestEvent]:
    return db.session.scalars(db.select(RequestEvent).filter_by(request_id=request_.id)
                              .order_by(RequestEvent.id)).all()


@pytest.fixture
def sign_in(client, sign_in):
    """conftest's sign_in, signing out first, so that a test can switch people."""

    def _sign_in(role=Role.VS_ADMIN, school=None, **fields):
        client.post("/sign-out")
        return sign_in(role, school, **fields)

    return _sign_in


@pytest.fixture
def school():
    return make_school(name="Oakfield Primary")


@pytest.fixture
def sent(school):
    child = make_child(school, initials="AB", school_note="MIS 4471, Mrs Oak's class")
    return make_request(child)


def as_vs(sign_in, role=Role.VS_ADVISOR):
    return sign_in(role, name="Vera Advisor")


# The school's list ------------------------------------------------------------------------


def test_school_list_shows_drafts_first_then_sent_requests_newest_first(client, sign_in, school):
    staff = sign_in(Role.SCHOOL_STAFF, school=school)
    child = make_child(school, initials="CD")
    older = make_request(child, by=staff)
    older.submitted_at = datetime.now(UTC) - timedelta(days=3)
    db.session.commit()
    newer = make_request(child, by=staff)
    draft = make_request(child, sent=False, by=staff)

    page = client.get("/requests").text

    assert "Advice requests" in page
    assert 'href="/requests/new"' in page and "Ask for advice" in page
    continue_at = page.index(f'href="/requests/{draft.id}/check"')
    assert continue_at < page.index(newer.reference) < page.index(older.reference)
    assert f'href="/requests/{newer.id}"' in page
    assert f"{child.reference} (CD)" in page
    assert "govuk-tag--blue" in page and "Submitted" in page


def test_school_list_shows_the_route_once_accepted(client, sign_in, school):
    staff = sign_in(Role.SCHOOL_STAFF, school=school)
    request_ = make_request(make_child(school), by=staff)
    workflow.accept(request_, Route.WRITTEN_ADVICE, by=make_user(Role.VS_ADMIN))
    db.session.commit()
    page = client.get("/requests").text
    assert "Accepted" in page and "Written advice" in page


def test_school_list_is_empty_at_first_and_never_shows_another_schools(client, sign_in, school):
    sign_in(Role.SCHOOL_STAFF, school=school)
    other = make_request()  # another school's
    page = client.get("/requests").text
    assert "No requests yet" in page
    assert other.reference not in page


@pytest.mark.parametrize("role", [Role.VS_ADMIN, Role.EDUCATIONAL_PSYCHOLOGIST,
                                  Role.SOCIAL_WORKER])
def test_school_list_is_for_school_staff_only(client, sign_in, role):
    sign_in(role)
    assert client.get("/requests").status_code == 403


# Who sees a request ----------------------------------------------------------------------


def test_another_schools_staff_get_404(client, sign_in, sent):
    sign_in(Role.SCHOOL_STAFF, school=make_school())
    assert client.get(f"/requests/{sent.id}").status_code == 404


def test_the_virtual_school_cannot_see_a_draft(client, sign_in, school):
    draft = make_request(make_child(school), sent=False)
    as_vs(sign_in)
    assert client.get(f"/requests/{draft.id}").status_code == 404
    assert audit_events("advice_request_viewed") == []


@pytest.mark.parametrize("role, status", [(Role.SOCIAL_WORKER, 403),
                                          (Role.EDUCATIONAL_PSYCHOLOGIST, 404)])
def test_social_workers_and_eps_cannot_see_or_triage_a_request(client, sign_in, sent, role,
                                                              status):
    # An EP sees only requests booked into their own sessions (tests/booking); not this one.
    sign_in(role)
    assert client.get(f"/requests/{sent.id}").status_code == status
    response = client.post(f"/requests/{sent.id}/accept", data={"route": "consultation"})
    assert response.status_code == 403
    assert reload(sent).status == S.SUBMITTED


def test_the_school_sees_its_note_and_the_virtual_school_never_does(client, sign_in, sent,
                                                                    school):
    sign_in(Role.SCHOOL_STAFF, school=school)
    school_page = client.get(f"/requests/{sent.id}").text
    assert "MIS 4471" in school_page

    as_vs(sign_in)
    vs_page = client.get(f"/requests/{sent.id}").text
    assert "MIS 4471" not in vs_page
    assert "Your school's note" not in vs_page


def test_the_virtual_school_sees_school_child_answers_and_timeline_and_it_is_audited(
        client, sign_in, sent):
    vs = as_vs(sign_in)
    response = client.get(f"/requests/{sent.id}")
    assert response.status_code == 200
    page = response.text
    assert f"<title>{sent.reference} – Advice request" in page
    assert "Oakfield Primary (Primary)" in page
    for text in (sent.child.reference, "AB", "Year 7", "Child in Need plan", "SEN support",
                 "How can we help with arriving at school each morning?",
                 "Timeline", "Status changed from Draft to Submitted", "(School staff)"):
        assert text in page, text
    views = audit_events("advice_request_viewed")
    assert [(v.actor_id, v.record_id, v.detail) for v in views] == [
        (vs.id, str(sent.id), sent.reference)]


def test_the_timeline_shows_each_change_newest_first_with_who_made_it(client, sign_in, sent):
    vs = as_vs(sign_in)
    submitted = events_of(sent)[0].at
    workflow.accept(sent, Route.CONSULTATION, by=vs, note="Book a slot soon.")
    db.session.flush()
    events_of(sent)[-1].at = submitted + timedelta(hours=1)
    # A change no one signed in made (Convene's own), an hour after that.
    sent.events.append(RequestEvent(from_status=S.ACCEPTED, to_status=S.BOOKED,
                                    at=submitted + timedelta(hours=2)))
    sent.status = S.BOOKED
    db.session.commit()

    page = govuk_markup(client.get(f"/requests/{sent.id}").text)

    booked = page.index("Status changed from Accepted to Booked")
    accepted = page.index("Status changed from Submitted to Accepted")
    assert booked < accepted < page.index("Status changed from Draft to Submitted")
    assert "by Convene" in page[:booked]
    assert "by Vera Advisor (Virtual School advisor)" in page[booked:accepted]
    assert "Route: Consultation. Book a slot soon." in page[accepted:]
    assert london_time(submitted + timedelta(hours=2)) in page[:booked]


def test_the_answers_list_the_indicators_and_the_themes_in_their_order(client, sign_in,
                                                                       school):
    from app.models import Indicator
    from tests.conftest import make_theme

    themes = [make_theme("Transitions", position=2), make_theme("Attachment", position=1)]
    child = make_child(school)
    answered = make_request(child, themes=themes,
                            indicators=[Indicator.WELLBEING, Indicator.ATTENDANCE])
    blank = make_request(child, sent=False, themes=[], indicators=[])

    as_vs(sign_in)
    page = govuk_markup(client.get(f"/requests/{answered.id}").text)
    assert ('Key educational indicators</dt><dd class="govuk-summary-list__value">'
            "Attendance, Health and emotional wellbeing</dd>") in page
    assert 'Themes</dt><dd class="govuk-summary-list__value">Attachment, Transitions</dd>' in page

    sign_in(Role.SCHOOL_STAFF, school=school)
    page = govuk_markup(client.get(f"/requests/{blank.id}").text)
    assert ('Key educational indicators</dt><dd class="govuk-summary-list__value">'
            "Not answered yet</dd>") in page
    assert 'Themes</dt><dd class="govuk-summary-list__value">Not answered yet</dd>' in page


def test_every_view_is_audited_the_schools_own_staffs_too(client, sign_in, sent, school):
    staff = sign_in(Role.SCHOOL_STAFF, school=school)
    client.get(f"/requests/{sent.id}")
    [view] = audit_events("advice_request_viewed")
    assert (view.actor_id, view.school_id) == (staff.id, school.id)
    assert view.record_reference == sent.reference
    as_vs(sign_in)
    client.get(f"/requests/{sent.id}")
    client.get(f"/requests/{sent.id}")
    assert len(audit_events("advice_request_viewed")) == 3


def test_times_are_shown_in_london_in_govuk_style():
    assert london_time(datetime(2026, 11, 25, 14, 5, tzinfo=UTC)) == "25 November 2026, 2:05pm"
    assert london_time(datetime(2026, 7, 1, 11, 0, tzinfo=UTC)) == "1 July 2026, midday"
    assert london_time(datetime(2026, 7, 1, 8, 30, tzinfo=UTC)) == "1 July 2026, 9:30am"
    assert london_time(datetime(2026, 1, 1, 0, 0, tzinfo=UTC)) == "1 January 2026, midnight"


# The forms each status offers ------------------------------------------------------------


def forms_on(page: str) -> set[str]:
    return set(re.findall(r'action="/requests/\d+/(accept|decline|advice|close)"', page))


def test_a_submitted_request_offers_the_virtual_school_accept_and_decline(client, sign_in,
                                                                         sent, school):
    as_vs(sign_in)
    assert forms_on(client.get(f"/requests/{sent.id}").text) == {"accept", "decline"}
    sign_in(Role.SCHOOL_STAFF, school=school)
    assert forms_on(client.get(f"/requests/{sent.id}").text) == set()


def test_an_advice_route_offers_written_advice_and_a_consultation_says_to_book(client,
                                                                               sign_in, sent):
    vs = as_vs(sign_in)
    workflow.accept(sent, Route.SIGNPOST, by=vs)
    db.session.commit()
    assert forms_on(client.get(f"/requests/{sent.id}").text) == {"advice"}

    other = make_request()
    workflow.accept(other, Route.CONSULTATION, by=vs)
    db.session.commit()
    page = client.get(f"/requests/{other.id}").text
    assert forms_on(page) == set()
    assert "The school can now book a consultation slot" in page
    assert "not available yet" not in page


def test_a_booked_request_offers_no_decision_and_refuses_one(client, sign_in):
    from app.models import BookingStatus
    from tests.booking.factories import make_booking

    booking = make_booking()
    as_vs(sign_in, role=Role.VS_ADMIN)
    assert forms_on(client.get(f"/requests/{booking.request_id}").text) == set()
    response = client.post(f"/requests/{booking.request_id}/accept",
                           data={"route": "written_advice"})
    assert response.status_code in (403, 409)
    assert reload(booking.request).status == S.BOOKED
    assert db.session.get(type(booking), booking.id).status == BookingStatus.BOOKED


def test_a_consulted_request_offers_close_and_a_closed_one_nothing(client, sign_in, sent):
    as_vs(sign_in)
    sent.status = S.CONSULTED
    db.session.commit()
    assert forms_on(client.get(f"/requests/{sent.id}").text) == {"close"}
    sent.status = S.CLOSED
    db.session.commit()
    assert forms_on(client.get(f"/requests/{sent.id}").text) == set()


def govuk_markup(html: str) -> str:
    """HTML with the whitespace that does not change the page taken out."""
    html = re.sub(r"\s+", " ", html)
    return re.sub(r"\s*(<|>|\")\s*", r"\1", html).strip()


def test_a_plain_view_writes_the_govuk_markup_the_macros_and_widgets_write(app, client,
                                                                          sign_in, sent):
    """The page writes its summary lists and empty decision forms out itself (it is one of
    the busiest); they must stay what govukSummaryList and the WTForms widgets write."""
    from app.requests.advice_steps import answer_rows
    from app.requests.triage_forms import AcceptForm, DeclineForm, WrittenAdviceForm

    vs = as_vs(sign_in)
    page = govuk_markup(client.get(f"/requests/{sent.id}").text)
    advice_route = make_request()
    workflow.accept(advice_route, Route.WRITTEN_ADVICE, by=vs)
    db.session.commit()
    advice_page = govuk_markup(client.get(f"/requests/{advice_route.id}").text)

    summary_list = app.jinja_env.from_string(
        '{% from "govuk_frontend_jinja/components/summary-list/macro.html" import '
        'govukSummaryList %}{{ govukSummaryList({"rows": rows}) }}')
    assert govuk_markup(summary_list.render(rows=answer_rows(sent))) in page
    with app.test_request_context():
        accept, decline = AcceptForm(formdata=None), DeclineForm(formdata=None)
        small = {"label": {"classes": "govuk-label--s"}}
        widgets = [
            accept.route(params={"fieldset": {"legend": {
                "text": accept.route.label.text, "classes": "govuk-fieldset__legend--s"}}}),
            accept.accept_note(params={"rows": 3} | small),
            decline.reason(params={"rows": 4} | small),
        ]
        advice = WrittenAdviceForm(formdata=None).advice(params={"rows": 12} | small)
    for widget in widgets:
        assert govuk_markup(widget) in page
    assert govuk_markup(advice) in advice_page


# Accept ----------------------------------------------------------------------------------


def test_accepting_stores_the_route_and_stamps_the_timeline(client, sign_in, sent):
    vs = as_vs(sign_in)
    before = datetime.now(UTC)
    response = client.post(f"/requests/{sent.id}/accept",
                           data={"route": "written_advice", "accept_note": "We will write."})
    assert response.status_code == 302
    assert response.headers["Location"] == f"/requests/{sent.id}"

    request_ = reload(sent)
    assert request_.status == S.ACCEPTED and request_.route == Route.WRITTEN_ADVICE
    event = events_of(request_)[-1]
    assert (event.actor_id, event.from_status, event.to_status) == (vs.id, S.SUBMITTED,
                                                                    S.ACCEPTED)
    assert event.note == "Route: Written advice. We will write."
    assert before - timedelta(seconds=1) <= event.at <= datetime.now(UTC)
    [accepted] = audit_events("advice_request_accepted")
    assert (accepted.actor_id, accepted.record_id) == (vs.id, str(sent.id))

    page = client.get(f"/requests/{sent.id}").text
    assert f"Request {sent.reference} accepted" in page
    assert "Vera Advisor (Virtual School advisor)" in page
    assert london_time(event.at) in page
    assert "Status changed from Submitted to Accepted" in page


def test_school_staff_cannot_accept_even_their_own_request(client, sign_in, sent, school):
    sign_in(Role.SCHOOL_STAFF, school=school)
    response = client.post(f"/requests/{sent.id}/accept", data={"route": "consultation"})
    assert response.status_code == 403
    assert reload(sent).status == S.SUBMITTED


def test_accepting_a_declined_request_is_refused_and_changes_nothing(client, sign_in, sent):
    as_vs(sign_in)
    workflow.decline(sent, "Outside our remit", by=make_user(Role.VS_ADMIN))
    db.session.commit()
    events_before = len(events_of(sent))

    response = client.post(f"/requests/{sent.id}/accept", data={"route": "consultation"})

    assert response.status_code == 409
    assert "This request has moved on" in response.text
    assert "You cannot accept this request: it is now declined" in response.text
    assert "<title>Error:" in response.text
    request_ = reload(sent)
    assert request_.status == S.DECLINED and request_.route is None
    assert len(events_of(request_)) == events_before
    assert audit_events("advice_request_accepted") == []


def test_the_second_of_two_acceptances_is_told_someone_else_got_there(client, sign_in, sent):
    as_vs(sign_in)
    assert client.post(f"/requests/{sent.id}/accept",
                       data={"route": "consultation"}).status_code == 302
    response = client.post(f"/requests/{sent.id}/accept", data={"route": "signpost"})
    assert response.status_code == 409
    assert "it is now accepted" in response.text
    assert reload(sent).route == Route.CONSULTATION


def test_accept_without_a_route_is_refused_and_keeps_the_note(client, sign_in, sent):
    as_vs(sign_in)
    response = client.post(f"/requests/{sent.id}/accept",
                           data={"accept_note": "Happy to help with mornings"})
    assert response.status_code == 400
    assert "<title>Error:" in response.text
    assert "There is a problem" in response.text
    assert 'href="#route"' in response.text
    assert "Select how the Virtual School will help" in response.text
    assert "Happy to help with mornings" in response.text
    assert reload(sent).status == S.SUBMITTED


# Decline ---------------------------------------------------------------------------------


def test_declining_needs_a_reason(client, sign_in, sent):
    as_vs(sign_in)
    response = client.post(f"/requests/{sent.id}/decline", data={"reason": "   "})
    assert response.status_code == 400
    assert "Enter why the request is declined" in response.text
    assert reload(sent).status == S.SUBMITTED
    assert audit_events("advice_request_declined") == []


def test_a_reason_that_identifies_someone_is_refused_and_kept(client, sign_in, sent):
    as_vs(sign_in)
    reason = "Please speak to Mrs Patel about this"
    response = client.post(f"/requests/{sent.id}/decline", data={"reason": reason})
    assert response.status_code == 400
    assert "Mrs Patel" in response.text  # kept in the box, and named in the error
    assert "looks like it contains" in response.text
    assert reload(sent).status == S.SUBMITTED


def test_declining_records_the_reason_and_the_school_sees_it(client, sign_in, sent, school):
    vs = as_vs(sign_in)
    response = client.post(f"/requests/{sent.id}/decline",
                           data={"reason": "Outside the duty: contact the SEND team."})
    assert response.status_code == 302
    request_ = reload(sent)
    assert request_.status == S.DECLINED
    assert request_.decline_reason == "Outside the duty: contact the SEND team."
    assert events_of(request_)[-1].actor_id == vs.id
    assert len(audit_events("advice_request_declined")) == 1

    sign_in(Role.SCHOOL_STAFF, school=school)
    page = client.get(f"/requests/{sent.id}").text
    assert "Why the request was declined" in page
    assert "Outside the duty: contact the SEND team." in page


# Written advice and closing --------------------------------------------------------------


def test_written_advice_closes_the_request_and_the_school_reads_it(client, sign_in, sent,
                                                                   school):
    vs = as_vs(sign_in)
    workflow.accept(sent, Route.WRITTEN_ADVICE, by=vs)
    db.session.commit()
    advice = "Try a soft start: ten minutes with the key adult before the bell.\nReview in May."
    response = client.post(f"/requests/{sent.id}/advice", data={"advice": advice})
    assert response.status_code == 302

    request_ = reload(sent)
    assert request_.status == S.CLOSED
    assert request_.written_advice == advice and request_.written_advice_by_id == vs.id
    assert events_of(request_)[-1].note == "Written advice given"
    assert len(audit_events("advice_request_advice_given")) == 1

    sign_in(Role.SCHOOL_STAFF, school=school)
    page = client.get(f"/requests/{sent.id}").text
    assert "Written advice from the Virtual School" in page
    assert "ten minutes with the key adult before the bell." in page
    assert "Given by Vera Advisor" in page
    assert "govuk-tag--green" in page


def test_written_advice_that_identifies_the_child_is_refused(client, sign_in, sent):
    vs = as_vs(sign_in)
    workflow.accept(sent, Route.WRITTEN_ADVICE, by=vs)
    db.session.commit()
    advice = "Jack Smith should sit near the door. Call 07700 900123."
    response = client.post(f"/requests/{sent.id}/advice", data={"advice": advice})
    assert response.status_code == 400
    assert "looks like it contains" in response.text
    assert "Jack Smith should sit near the door" in response.text
    request_ = reload(sent)
    assert request_.status == S.ACCEPTED and request_.written_advice is None
    assert audit_events("advice_request_advice_given") == []


def test_written_advice_is_refused_on_a_consultation_route(client, sign_in, sent):
    vs = as_vs(sign_in)
    workflow.accept(sent, Route.CONSULTATION, by=vs)
    db.session.commit()
    response = client.post(f"/requests/{sent.id}/advice", data={"advice": "Some advice"})
    assert response.status_code == 409
    assert reload(sent).status == S.ACCEPTED


def test_written_advice_may_be_at_most_6000_characters(client, sign_in, sent):
    vs = as_vs(sign_in)
    workflow.accept(sent, Route.WRITTEN_ADVICE, by=vs)
    db.session.commit()
    response = client.post(f"/requests/{sent.id}/advice", data={"advice": "a " * 3001})
    assert response.status_code == 400
    assert "6,000 characters or fewer" in response.text


def test_closing_a_consulted_request(client, sign_in, sent):
    vs = as_vs(sign_in)
    sent.status = S.CONSULTED
    db.session.commit()
    assert client.post(f"/requests/{sent.id}/close").status_code == 302
    request_ = reload(sent)
    assert request_.status == S.CLOSED
    assert events_of(request_)[-1].actor_id == vs.id
    assert len(audit_events("advice_request_closed")) == 1


def test_a_submitted_request_cannot_be_closed(client, sign_in, sent):
    as_vs(sign_in)
    assert client.post(f"/requests/{sent.id}/close").status_code == 409
    assert reload(sent).status == S.SUBMITTED


def test_decisions_on_another_schools_draft_are_404(client, sign_in, school):
    draft = make_request(make_child(school), sent=False)
    as_vs(sign_in)
    assert client.post(f"/requests/{draft.id}/decline",
                       data={"reason": "No"}).status_code == 404


# With htmx -------------------------------------------------------------------------------


def test_with_htmx_a_decision_returns_the_region_alone(client, sign_in, sent):
    as_vs(sign_in)
    page = client.get(f"/requests/{sent.id}").text
    assert f'hx-post="/requests/{sent.id}/accept"' in page
    assert 'hx-target="#request-region"' in page and 'id="request-region"' in page

    response = client.post(f"/requests/{sent.id}/accept", data={"route": "consultation"},
                           headers=HTMX)
    assert response.status_code == 200
    assert "HX-Request" in response.headers["Vary"]
    assert "<html" not in response.text
    assert f"Request {sent.reference} accepted" in response.text
    assert "Status changed from Submitted to Accepted" in response.text
    assert reload(sent).status == S.ACCEPTED


def test_with_htmx_a_refusal_comes_back_in_the_region_for_htmx_to_swap(client, sign_in, sent):
    as_vs(sign_in)
    response = client.post(f"/requests/{sent.id}/decline", data={"reason": ""}, headers=HTMX)
    # htmx 2 does not swap 4xx responses, so the error summary comes as a 200.
    assert response.status_code == 200
    assert "<html" not in response.text
    assert "HX-Request" in response.headers["Vary"]
    assert "Enter why the request is declined" in response.text
    assert "data-focus-after-swap" in response.text
    assert reload(sent).status == S.SUBMITTED
