"""The EP records the outcome: a draft, then final and locked, then amendments beside it."""

import re
from datetime import timedelta

import pytest

from app.extensions import db
from app.models import Action, NextStep, OutcomeStatus, RequestStatus, Role
from app.services import bookings
from tests.booking.factories import make_bookable_session, make_booking
from tests.conftest import make_theme, make_user
from tests.outcomes.factories import (
    ACTION,
    ALREADY_WORKING,
    BEST_HOPES,
    SAM,
    audit_actions,
    form_data,
    held_booking,
    on_day,
    outcome_of,
)


def edit(booking):
    return f"/bookings/{booking.id}/outcome/edit"


@pytest.fixture
def ep(sign_in):
    return sign_in(Role.EDUCATIONAL_PSYCHOLOGIST, name="Dr Ada Lane")


@pytest.fixture
def booking(ep):
    return held_booking(ep, advisor=make_user(Role.VS_ADVISOR, name="Ria Advisor"))


def test_the_form_lists_everyone_invited_ticked(client, booking):
    page = client.get(edit(booking))
    assert page.status_code == 200
    for name in ("Dr Ada Lane", "Ria Advisor", "Sam Okafor", booking.booked_by.name):
        assert name in page.text
    assert "The child&#39;s social worker" in page.text  # Sam's hint
    present = re.findall(r'<input[^>]*name="present"[^>]*>', page.text)
    assert len(present) == 4 and all(" checked" in each for each in present)
    assert "Save as draft" in page.text and "Save and finalise" in page.text


def test_first_save_creates_the_draft_and_its_actions(client, booking):
    theme = make_theme("Belonging")
    response = client.post(edit(booking), data=form_data(booking, themes=[theme]))
    assert response.status_code == 302
    outcome = outcome_of(booking)
    assert outcome.status == OutcomeStatus.DRAFT and outcome.finalised_at is None
    assert outcome.best_hopes == BEST_HOPES
    assert outcome.already_working == ALREADY_WORKING
    assert outcome.scale_now == 4 and outcome.next_step == NextStep.FOLLOW_UP
    assert [each.name for each in outcome.themes] == ["Belonging"]
    assert {each.email for each in outcome.attendees} >= {SAM}
    assert outcome.social_worker_attended is True
    (action,) = db.session.scalars(db.select(Action)).all()
    assert (action.what, action.who_role, action.who_name) == (ACTION, "SENCO", "Ms Rivers")
    assert action.outcome_id == outcome.id
    assert action.child_id == booking.request.child_id
    assert action.school_id == booking.school_id
    assert booking.request.status == RequestStatus.BOOKED
    assert audit_actions("outcome_draft_saved")


def test_a_draft_reopens_with_what_was_saved(client, booking):
    data = form_data(booking, **{"extra-0-name": "Kai Doe", "extra-0-job_role": "Family worker",
                                 "extra-0-email": "kai@family.example.test"})
    data["present"] = [booking.slot.session.educational_psychologist.email]
    client.post(edit(booking), data=data)
    page = client.get(edit(booking))
    assert "Kai Doe" in page.text and "Family worker" in page.text
    (sam,) = re.findall(rf'<input[^>]*name="present"[^>]*value="{SAM}"[^>]*>', page.text)
    assert " checked" not in sam
    assert "Arriving &lt;b&gt;calmly&lt;/b&gt; &amp; ready" in page.text
    assert ACTION.replace("&", "&amp;") in page.text
    outcome = outcome_of(booking)
    assert {each.name for each in outcome.attendees} == {"Dr Ada Lane", "Kai Doe"}
    assert outcome.social_worker_attended is False


def test_saving_the_draft_again_changes_the_actions_in_place(client, booking):
    client.post(edit(booking), data=form_data(booking))
    first = db.session.scalar(db.select(Action.id))
    client.post(edit(booking), data=form_data(booking, **{
        "actions-0-what": "Share the plan weekly", "actions-1-what": "Review the plan",
        "actions-1-who_role": "Class teacher", "actions-1-who_name": "Mr Hale",
        "actions-1-due_on": ["1", "3", str(on_day(60).year + 1)]}))
    rows = db.session.scalars(db.select(Action).order_by(Action.id)).all()
    assert [row.what for row in rows] == ["Share the plan weekly", "Review the plan"]
    assert rows[0].id == first
    client.post(edit(booking), data=form_data(booking, **{"actions-0-what": "",
                "actions-0-who_role": "", "actions-0-who_name": "",
                "actions-0-due_on": ["", "", ""]}))
    assert db.session.scalar(db.select(db.func.count(Action.id))) == 0


def test_finalising_locks_the_outcome_and_marks_the_request_consulted(client, booking):
    response = client.post(edit(booking), data=form_data(booking, finalise=True))
    assert response.status_code == 302
    outcome = outcome_of(booking)
    assert outcome.status == OutcomeStatus.FINAL and outcome.finalised_at is not None
    assert booking.request.status == RequestStatus.CONSULTED
    assert booking.request.events[-1].to_status == RequestStatus.CONSULTED
    assert audit_actions("outcome_finalised")

    again = client.post(edit(booking), data=form_data(booking, best_hopes="Something else"))
    assert again.status_code == 409
    assert "cannot be changed" in again.text
    assert outcome_of(booking).best_hopes == BEST_HOPES
    looking = client.get(edit(booking))
    assert looking.status_code == 302
    assert "cannot be changed" in client.get(looking.location).text


@pytest.mark.parametrize("missing, message", [
    ({"best_hopes": ""}, "Enter the best hopes"),
    ({"scale_now": None}, "Select where things are now, from 0 to 10"),
    ({"next_step": None}, "Select the recommended next step"),
    ({"follow_up_on": ["", "", ""]}, "Enter the date of the follow-up consultation"),
])
def test_finalising_needs_the_essentials(client, booking, missing, message):
    response = client.post(edit(booking), data=form_data(booking, finalise=True, **missing))
    assert response.status_code == 400
    assert message in response.text
    assert "There is a problem" in response.text
    assert outcome_of(booking) is None
    assert booking.request.status == RequestStatus.BOOKED


def test_a_draft_may_be_saved_without_the_essentials(client, booking):
    response = client.post(edit(booking), data=form_data(
        booking, best_hopes="", scale_now=None, next_step=None, follow_up_on=["", "", ""]))
    assert response.status_code == 302
    assert outcome_of(booking).status == OutcomeStatus.DRAFT


def test_a_follow_up_date_is_not_needed_for_another_next_step(client, booking):
    response = client.post(edit(booking), data=form_data(
        booking, finalise=True, next_step="close", follow_up_on=["", "", ""]))
    assert response.status_code == 302
    assert outcome_of(booking).next_step == NextStep.CLOSE


def test_identifiers_are_refused_and_the_typing_kept(client, booking):
    response = client.post(edit(booking), data=form_data(
        booking, strengths="Jack Smith is great at football",
        **{"actions-1-what": "Call on 07700 900123"}))
    assert response.status_code == 400
    assert "Jack Smith" in response.text and "a name" in response.text
    assert "a phone number" in response.text
    assert "Loves drawing" not in response.text  # the typed value replaced it
    assert ALREADY_WORKING in response.text
    assert outcome_of(booking) is None


def test_a_half_filled_action_or_person_is_refused(client, booking):
    response = client.post(edit(booking), data=form_data(booking, **{
        "actions-1-what": "Review the plan", "extra-0-name": "Kai Doe",
        "extra-0-email": "not-an-email"}))
    assert response.status_code == 400
    for message in ("Enter the role of who will do it", "Enter the name of who will do it",
                    "Enter the date it is to be done by",
                    "Enter the role of the person who attended",
                    "Enter an email address in the correct format"):
        assert message in response.text
    assert 'href="#actions-1-who_role"' in response.text
    assert outcome_of(booking) is None


def test_a_follow_up_must_come_after_the_consultation(client, booking):
    day = booking.slot.starts_at.date()
    response = client.post(edit(booking), data=form_data(
        booking, follow_up_on=[str(day.day), str(day.month), str(day.year)]))
    assert response.status_code == 400
    assert "The follow-up date must be after the consultation" in response.text


def test_the_outcome_is_recorded_from_the_day_of_the_consultation(client, ep):
    today = held_booking(ep, day=0, hour=23)
    assert client.get(edit(today)).status_code == 200
    tomorrow = held_booking(ep, day=1)
    response = client.post(edit(tomorrow), data=form_data(tomorrow))
    assert response.status_code == 409
    assert "from the day of the consultation" in response.text
    assert outcome_of(tomorrow) is None
    assert client.get(edit(tomorrow)).status_code == 302


def test_a_cancelled_booking_has_no_outcome_to_record(client, ep):
    starts = on_day(5)
    session = make_bookable_session(starts, slots=1, ep=ep)
    booking = make_booking(slot=session.slots[0], now=starts - timedelta(days=40))
    bookings.cancel(booking, "Illness", by=booking.booked_by)
    db.session.commit()
    response = client.post(edit(booking), data=form_data(booking))
    assert response.status_code == 409
    assert "was cancelled" in response.text


def test_amendments_sit_beside_the_unchanged_original(client, booking):
    client.post(edit(booking), data=form_data(booking, finalise=True))
    amend = f"/bookings/{booking.id}/outcome/amend"
    page = client.get(amend)
    assert page.status_code == 200
    assert "Arriving &lt;b&gt;calmly&lt;/b&gt;" in page.text
    assert client.post(amend, data={"text": ""}).status_code == 400
    refused = client.post(amend, data={"text": "Mia Hughes will join next time"})
    assert refused.status_code == 400 and "a name" in refused.text
    response = client.post(amend, data={"text": "The review is in the second week, not the first"})
    assert response.status_code == 302
    client.post(amend, data={"text": "Scaling agreed again by phone: still 4"})

    outcome = outcome_of(booking)
    assert outcome.best_hopes == BEST_HOPES
    assert [each.text for each in outcome.amendments] == [
        "The review is in the second week, not the first", "Scaling agreed again by phone: still 4"]
    assert all(each.by.name == "Dr Ada Lane" for each in outcome.amendments)
    shown = client.get(f"/bookings/{booking.id}/outcome").text
    assert "Arriving &lt;b&gt;calmly&lt;/b&gt; &amp; ready" in shown
    assert "The review is in the second week, not the first" in shown
    assert "Added by Dr Ada Lane" in shown
    assert len(audit_actions("outcome_amended")) == 2


def test_a_draft_cannot_be_amended(client, booking):
    client.post(edit(booking), data=form_data(booking))
    response = client.post(f"/bookings/{booking.id}/outcome/amend", data={"text": "More"})
    assert response.status_code == 409
    assert outcome_of(booking).amendments == []


def test_a_retired_theme_chosen_before_stays_on_offer(client, booking):
    old = make_theme("Old theme")
    client.post(edit(booking), data=form_data(booking, themes=[old]))
    old.active = False
    db.session.commit()
    page = client.get(edit(booking))
    assert "Old theme" in page.text


def test_no_themes_or_actions_are_needed(client, booking):
    response = client.post(edit(booking), data=form_data(
        booking, themes=[], finalise=True, **{"actions-0-what": "", "actions-0-who_role": "",
                                              "actions-0-who_name": "",
                                              "actions-0-due_on": ["", "", ""]}))
    assert response.status_code == 302
    outcome = outcome_of(booking)
    assert outcome.themes == [] and outcome.actions == []
