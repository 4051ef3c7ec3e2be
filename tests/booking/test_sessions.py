"""Publishing, listing, showing, changing and cancelling consultation sessions."""

from datetime import UTC, datetime, timedelta

import pytest

from app.extensions import db
from app.models import AuditEvent, ConsultationSession, Role, SessionStatus, Slot
from tests.conftest import make_user


def utc(*parts):
    return datetime(*parts, tzinfo=UTC)


def session_form(ep, **overrides):
    data = {"day": ["17", "11", "2027"], "start_time": "2pm", "end_time": "17:00",
            "mode": "online", "meeting_url": "https://teams.example.test/meet/123",
            "venue": "", "educational_psychologist_id": str(ep.id), "advisor_id": "",
            "slot_minutes": "50", "gap_minutes": "10"}
    data.update(overrides)
    return data


def series_form(ep, **overrides):
    data = session_form(ep)
    del data["day"]
    data.update({"first_date": ["5", "1", "2027"], "last_date": ["30", "3", "2027"],
                 "weekday": "1", "every_weeks": "2"})
    data.update(overrides)
    return data


NOVEMBER_2027 = datetime(2027, 11, 17, 14, tzinfo=UTC)


def make_session(ep, starts_at=NOVEMBER_2027, **fields):
    values = {"starts_at": starts_at, "ends_at": starts_at + timedelta(hours=3),
              "mode": "online", "meeting_url": "https://teams.example.test/x",
              "educational_psychologist_id": ep.id, "slot_minutes": 50, "gap_minutes": 10,
              "created_by_id": ep.id}
    values.update(fields)
    session = ConsultationSession(**values)
    session.slots = [Slot(starts_at=starts_at, ends_at=starts_at + timedelta(minutes=50),
                          position=1)]
    db.session.add(session)
    db.session.commit()
    return session


def audit_actions():
    return [event.action for event in db.session.scalars(db.select(AuditEvent))]


def test_vs_admin_publishes_a_session_with_its_slots_in_utc(client, sign_in):
    admin = sign_in(Role.VS_ADMIN)
    ep = make_user(Role.EDUCATIONAL_PSYCHOLOGIST, name="Dr Ada Lane")
    response = client.post("/sessions/new", data=session_form(ep))
    assert response.status_code == 302
    session = db.session.scalar(db.select(ConsultationSession))
    assert response.location.endswith(f"/sessions/{session.id}")
    assert (session.starts_at, session.ends_at) == (utc(2027, 11, 17, 14), utc(2027, 11, 17, 17))
    assert [(slot.position, slot.starts_at, slot.ends_at) for slot in session.slots] == [
        (1, utc(2027, 11, 17, 14), utc(2027, 11, 17, 14, 50)),
        (2, utc(2027, 11, 17, 15), utc(2027, 11, 17, 15, 50)),
        (3, utc(2027, 11, 17, 16), utc(2027, 11, 17, 16, 50))]
    assert session.created_by_id == admin.id and session.status == SessionStatus.PUBLISHED
    assert audit_actions()[-1] == "session_published"
    page = client.get(response.location)
    assert "Wednesday 17 November 2027, 2pm to 5pm" in page.text
    assert "2pm to 2:50pm" in page.text and "4pm to 4:50pm" in page.text


def test_a_summer_session_is_stored_an_hour_earlier_in_utc(client, sign_in):
    sign_in(Role.VS_ADMIN)
    ep = make_user(Role.EDUCATIONAL_PSYCHOLOGIST)
    client.post("/sessions/new", data=session_form(ep, day=["15", "6", "2027"],
                                                   mode="in_person", meeting_url="",
                                                   venue="County Hall, room 2"))
    session = db.session.scalar(db.select(ConsultationSession))
    assert session.starts_at == utc(2027, 6, 15, 13)
    assert session.venue == "County Hall, room 2" and session.meeting_url is None


@pytest.mark.parametrize(("overrides", "message"), [
    ({"start_time": "teatime"}, "Enter a start time, like 2pm or 14:00"),
    ({"end_time": ""}, "Enter an end time, like 2pm or 14:00"),
    ({"slot_minutes": "200"}, "No 200-minute slot fits between 14:00 and 17:00"),
    ({"meeting_url": "teams link"}, "Enter the meeting link starting https://"),
    ({"mode": "in_person", "meeting_url": ""}, "Enter the venue"),
    ({"educational_psychologist_id": ""}, "Select the educational psychologist"),
    ({"day": ["31", "2", "2027"]}, "Enter a real date"),
])
def test_bad_input_is_shown_again_with_the_typing_kept_and_nothing_saved(
        client, sign_in, overrides, message):
    sign_in(Role.VS_ADMIN)
    ep = make_user(Role.EDUCATIONAL_PSYCHOLOGIST)
    response = client.post("/sessions/new", data=session_form(ep, **overrides))
    assert response.status_code == 400
    assert message in response.text
    assert "govuk-error-summary" in response.text
    assert 'value="17:00"' in response.text or overrides.get("end_time") == ""
    assert db.session.scalar(db.select(db.func.count()).select_from(ConsultationSession)) == 0
    assert db.session.scalar(db.select(db.func.count()).select_from(Slot)) == 0


def test_the_form_offers_active_eps_and_advisors_only(client, sign_in):
    sign_in(Role.VS_ADMIN)
    make_user(Role.EDUCATIONAL_PSYCHOLOGIST, name="Dr Active")
    make_user(Role.EDUCATIONAL_PSYCHOLOGIST, name="Dr Gone", active=False)
    make_user(Role.VS_ADVISOR, name="Advisor Amy")
    page = client.get("/sessions/new").text
    assert "Dr Active" in page and "Advisor Amy" in page and "Dr Gone" not in page


def test_a_series_is_previewed_then_published_without_the_unticked_date(client, sign_in):
    sign_in(Role.VS_ADMIN)
    ep = make_user(Role.EDUCATIONAL_PSYCHOLOGIST)
    preview = client.post("/sessions/series", data={**series_form(ep), "step": "details"})
    assert preview.status_code == 200
    # Every other Tuesday from 5 January to 30 March 2027: 7 dates, all ticked.
    assert preview.text.count('name="dates"') == preview.text.count(" checked") == 7
    assert "Tuesday 16 February 2027" in preview.text
    dates = ["2027-01-05", "2027-01-19", "2027-02-02", "2027-03-02", "2027-03-16",
             "2027-03-30"]  # 16 February (half term) unticked
    check = client.post("/sessions/series",
                        data={**series_form(ep), "dates": dates, "step": "check"})
    assert "Publish 6 sessions" in check.text and "16 February" not in check.text
    assert db.session.scalar(db.select(db.func.count()).select_from(ConsultationSession)) == 0
    done = client.post("/sessions/series",
                       data={**series_form(ep), "dates": dates, "step": "publish"})
    assert done.status_code == 302
    sessions = db.session.scalars(
        db.select(ConsultationSession).order_by(ConsultationSession.starts_at)).all()
    assert len(sessions) == 6 and len({each.series_key for each in sessions}) == 1
    assert sessions[0].series_key is not None
    # Either side of the clock change on 28 March 2027, 2pm London time.
    assert sessions[4].starts_at == utc(2027, 3, 16, 14)
    assert sessions[5].starts_at == utc(2027, 3, 30, 13)
    assert all(len(each.slots) == 3 for each in sessions)
    assert audit_actions().count("session_series_published") == 1


def test_a_series_with_no_dates_ticked_is_refused(client, sign_in):
    sign_in(Role.VS_ADMIN)
    ep = make_user(Role.EDUCATIONAL_PSYCHOLOGIST)
    response = client.post("/sessions/series", data={**series_form(ep), "step": "publish"})
    assert response.status_code == 400 and "Select at least one date" in response.text
    assert db.session.scalar(db.select(db.func.count()).select_from(ConsultationSession)) == 0


def test_a_series_with_bad_details_is_shown_again(client, sign_in):
    sign_in(Role.VS_ADMIN)
    ep = make_user(Role.EDUCATIONAL_PSYCHOLOGIST)
    response = client.post("/sessions/series", data={
        **series_form(ep, last_date=["1", "1", "2027"]), "step": "details"})
    assert response.status_code == 400
    assert "The last date must be on or after the first date" in response.text


def test_an_ep_sees_only_their_own_sessions(client, sign_in):
    ep = sign_in(Role.EDUCATIONAL_PSYCHOLOGIST)
    other = make_user(Role.EDUCATIONAL_PSYCHOLOGIST)
    mine = make_session(ep)
    theirs = make_session(other, starts_at=utc(2027, 12, 1, 14))
    page = client.get("/sessions").text
    assert "Wednesday 17 November 2027, 2pm to 5pm" in page
    assert "Wednesday 1 December 2027" not in page
    assert "Publish a session" not in page
    assert client.get(f"/sessions/{mine.id}").status_code == 200
    assert client.get(f"/sessions/{theirs.id}").status_code == 404


def test_an_advisor_sees_every_session_grouped_by_month(client, sign_in):
    sign_in(Role.VS_ADVISOR)
    make_session(make_user(Role.EDUCATIONAL_PSYCHOLOGIST))
    make_session(make_user(Role.EDUCATIONAL_PSYCHOLOGIST), starts_at=utc(2027, 12, 1, 14))
    page = client.get("/sessions").text
    assert "November 2027" in page and "December 2027" in page
    assert page.index("November 2027") < page.index("December 2027")


def test_past_sessions_are_not_listed(client, sign_in):
    sign_in(Role.VS_ADMIN)
    make_session(make_user(Role.EDUCATIONAL_PSYCHOLOGIST), starts_at=utc(2020, 1, 7, 14))
    assert "There are no upcoming sessions" in client.get("/sessions").text


@pytest.mark.parametrize("role", [Role.SCHOOL_STAFF, Role.SOCIAL_WORKER])
def test_school_staff_and_social_workers_are_refused(client, sign_in, role):
    sign_in(role)
    session = make_session(make_user(Role.EDUCATIONAL_PSYCHOLOGIST))
    for url in ("/sessions", "/sessions/new", "/sessions/series", f"/sessions/{session.id}",
                f"/sessions/{session.id}/cancel"):
        assert client.get(url).status_code == 403, url


@pytest.mark.parametrize("role", [Role.VS_ADVISOR, Role.EDUCATIONAL_PSYCHOLOGIST])
def test_only_the_vs_admin_publishes_and_cancels(client, sign_in, role):
    sign_in(role)
    session = make_session(make_user(Role.EDUCATIONAL_PSYCHOLOGIST))
    assert client.get("/sessions/new").status_code == 403
    assert client.post("/sessions/series").status_code == 403
    assert client.post(f"/sessions/{session.id}/cancel",
                       data={"reason": "x"}).status_code == 403


def test_cancelling_needs_a_reason(client, sign_in):
    sign_in(Role.VS_ADMIN)
    session = make_session(make_user(Role.EDUCATIONAL_PSYCHOLOGIST))
    response = client.post(f"/sessions/{session.id}/cancel", data={"reason": "  "})
    assert response.status_code == 400
    assert "Enter why the session is cancelled" in response.text
    db.session.refresh(session)
    assert session.status == SessionStatus.PUBLISHED
    assert "session_cancelled" not in audit_actions()


def test_vs_admin_cancels_a_session_with_a_reason(client, sign_in):
    sign_in(Role.VS_ADMIN)
    session = make_session(make_user(Role.EDUCATIONAL_PSYCHOLOGIST))
    response = client.post(f"/sessions/{session.id}/cancel",
                           data={"reason": "The educational psychologist is unwell"})
    assert response.status_code == 302
    db.session.refresh(session)
    assert session.status == SessionStatus.CANCELLED
    assert session.cancel_reason == "The educational psychologist is unwell"
    event = db.session.scalar(db.select(AuditEvent).where(
        AuditEvent.action == "session_cancelled"))
    assert event.record_id == str(session.id)
    page = client.get(f"/sessions/{session.id}").text
    assert "This session is cancelled" in page and "Cancel this session" not in page


def test_the_database_refuses_an_online_session_without_a_link(app):
    from sqlalchemy.exc import IntegrityError

    ep = make_user(Role.EDUCATIONAL_PSYCHOLOGIST)
    with pytest.raises(IntegrityError):
        make_session(ep, meeting_url=None)


def test_the_publishing_and_cancelling_pages_show(client, sign_in):
    sign_in(Role.VS_ADMIN)
    session = make_session(make_user(Role.EDUCATIONAL_PSYCHOLOGIST))
    assert "Publish a term of sessions" in client.get("/sessions/series").text
    assert 'value="50"' in client.get("/sessions/new").text
    assert "Why is the session cancelled?" in client.get(f"/sessions/{session.id}/cancel").text
    listing = client.get("/sessions").text
    assert "Publish a session" in listing and "govuk-service-navigation__item--active" in listing


def test_a_time_the_clocks_skip_is_refused_on_the_form(client, sign_in):
    sign_in(Role.VS_ADMIN)
    ep = make_user(Role.EDUCATIONAL_PSYCHOLOGIST)
    response = client.post("/sessions/new", data=session_form(
        ep, day=["28", "3", "2027"], start_time="1:30am", end_time="4am", slot_minutes="30"))
    assert response.status_code == 400
    assert "01:30 does not exist on 28 March 2027" in response.text


def test_going_back_from_the_series_check_keeps_the_unticked_dates(client, sign_in):
    sign_in(Role.VS_ADMIN)
    ep = make_user(Role.EDUCATIONAL_PSYCHOLOGIST)
    back = client.post("/sessions/series", data={
        **series_form(ep), "dates": ["2027-01-05", "2027-01-19"], "step": "details"})
    assert back.text.count(" checked") == 2
    edit = client.post("/sessions/series", data={**series_form(ep), "step": "edit"})
    assert edit.status_code == 200 and 'value="https://teams.example.test/meet/123"' in edit.text


@pytest.mark.parametrize(("typed", "expected"), [
    ("14:00", (14, 0)), ("2pm", (14, 0)), ("2:30 pm", (14, 30)), ("9.15am", (9, 15)),
    ("12pm", (12, 0)), ("midday", (12, 0)), ("12am", (0, 0)), ("09:05", (9, 5)),
    ("14", None), ("25:00", None), ("13pm", None), ("2:75pm", None), ("teatime", None),
])
def test_times_are_read_as_typed_in_either_style(typed, expected):
    from datetime import time

    from app.booking.session_forms import parse_time

    assert parse_time(typed) == (time(*expected) if expected else None)


# Changing a session (more in test_session_bookings.py) ---------------------------------------

def test_the_change_page_is_filled_in_from_the_session(client, sign_in):
    sign_in(Role.VS_ADMIN)
    ep = make_user(Role.EDUCATIONAL_PSYCHOLOGIST, name="Dr Ada Lane")
    # 2pm London on 15 June 2027 is 1pm UTC.
    session = make_session(ep, starts_at=utc(2027, 6, 15, 13), mode="in_person",
                           meeting_url=None, venue="County Hall, room 2")
    page = client.get(f"/sessions/{session.id}/edit").text
    assert "Save changes" in page and "can still change" in page
    assert 'value="15"' in page and 'value="06"' in page and 'value="2027"' in page
    assert 'value="14:00"' in page and 'value="17:00"' in page
    assert "County Hall, room 2</textarea>" in page
    assert 'value="in_person" checked' in page and 'value="online" checked' not in page


def test_a_change_that_drops_a_slot_with_a_cancelled_booking_is_refused(client, sign_in):
    from app.services import bookings
    from tests.booking.factories import make_bookable_session, make_booking

    sign_in(Role.VS_ADMIN)
    session = make_bookable_session()  # three slots, 2pm to 5pm
    booking = make_booking(slot=session.slots[2])
    bookings.cancel(booking, "Not needed", booking.booked_by)
    db.session.commit()
    data = session_form(session.educational_psychologist, end_time="4pm",
                        meeting_url=session.meeting_url)
    response = client.post(f"/sessions/{session.id}/edit", data=data)
    assert response.status_code == 400
    assert "a slot that would go has a cancelled booking" in response.text
    db.session.refresh(session)
    assert len(session.slots) == 3 and session.ends_at == utc(2027, 11, 17, 17)
    # Keeping all three slots, the same session can still move.
    moved = client.post(f"/sessions/{session.id}/edit",
                        data={**data, "start_time": "1pm", "end_time": "4pm"})
    assert moved.status_code == 302
    db.session.refresh(session)
    assert [slot.starts_at.hour for slot in session.slots] == [13, 14, 15]


def test_a_cancel_reason_too_long_to_keep_on_each_booking_is_refused(client, sign_in):
    sign_in(Role.VS_ADMIN)
    session = make_session(make_user(Role.EDUCATIONAL_PSYCHOLOGIST))
    response = client.post(f"/sessions/{session.id}/cancel", data={"reason": "x" * 451})
    assert response.status_code == 400
    assert "The reason must be 450 characters or fewer" in response.text
    db.session.refresh(session)
    assert session.status == SessionStatus.PUBLISHED
