"""The EP's list of consultations and their outcomes, and the pages' markup."""

import re
from collections import Counter

import pytest

from app.models import Role
from tests.outcomes.factories import form_data, held_booking, make_ep


@pytest.fixture
def ep(sign_in):
    return sign_in(Role.EDUCATIONAL_PSYCHOLOGIST, name="Dr Ada Lane")


def row(page: str, booking) -> str:
    match = re.search(rf'<tr class="govuk-table__row" id="booking-{booking.id}">(.*?)</tr>',
                      page, re.S)
    assert match, f"no row for {booking.reference}"
    return match.group(1)


def test_the_list_shows_each_consultation_with_its_outcome_status(client, ep):
    none = held_booking(ep, day=-3)
    draft = held_booking(ep, day=-2)
    final = held_booking(ep, day=-1)
    today = held_booking(ep, day=0, hour=9)
    later = held_booking(ep, day=2)
    someone_elses = held_booking(make_ep("Dr Other"), day=-1)
    client.post(f"/bookings/{draft.id}/outcome/edit", data=form_data(draft))
    client.post(f"/bookings/{final.id}/outcome/edit", data=form_data(final, finalise=True))

    page = client.get("/outcomes")
    assert page.status_code == 200
    assert "Not started" in row(page.text, none) and "Record the outcome" in row(page.text, none)
    assert "Draft" in row(page.text, draft) and "Continue the draft" in row(page.text, draft)
    assert "Finalised" in row(page.text, final) and "See the outcome" in row(page.text, final)
    assert "Record the outcome" in row(page.text, today)
    assert later.reference not in page.text
    assert someone_elses.reference not in page.text
    # Latest first.
    order = [page.text.index(f'id="booking-{each.id}"') for each in (today, final, draft, none)]
    assert order == sorted(order)
    assert "3 consultations on this page have no finalised outcome yet" in page.text


def test_the_list_says_when_there_is_nothing_yet(client, ep):
    held_booking(ep, day=3)
    page = client.get("/outcomes")
    assert "There are no consultations in your sessions yet" in page.text


def test_a_text_box_is_checked_for_identifiers_as_the_ep_leaves_it(client, ep):
    booking = held_booking(ep)
    response = client.post(f"/bookings/{booking.id}/outcome/edit",
                           data={"strengths": "Olivia Brown is kind"},
                           headers={"HX-Request": "true", "HX-Trigger-Name": "strengths"})
    assert response.status_code == 200
    assert "a name" in response.text and "Olivia Brown" in response.text
    assert "<html" not in response.text
    assert client.get(f"/bookings/{booking.id}/outcome").text.count("Olivia") == 0


@pytest.mark.parametrize("path", ["", "/edit", "/amend"])
def test_pages_have_no_duplicate_ids(client, ep, path):
    booking = held_booking(ep)
    client.post(f"/bookings/{booking.id}/outcome/edit",
                data=form_data(booking, finalise=path != "/edit"))
    page = client.get(f"/bookings/{booking.id}/outcome{path}")
    assert page.status_code == 200
    ids = Counter(re.findall(r'\sid="([^"]+)"', page.text))
    assert [each for each, count in ids.items() if count > 1] == []
    # Every fieldset has a legend with words.
    assert page.text.count("<fieldset") == len(
        re.findall(r"<legend[^>]*>\s*\S", page.text))


def test_an_invalid_post_keeps_every_row_and_shows_errors_by_field(client, ep):
    booking = held_booking(ep)
    data = form_data(booking, finalise=True, best_hopes="", **{
        "actions-1-what": "Review", "extra-0-name": "Kai Doe",
        "extra-0-job_role": "Family worker"})
    page = client.post(f"/bookings/{booking.id}/outcome/edit", data=data)
    assert page.status_code == 400
    assert page.text.startswith("<!DOCTYPE html>") or "<title>Error:" in page.text
    assert "<title>Error:" in page.text
    assert 'href="#best_hopes"' in page.text
    assert 'value="Kai Doe"' in page.text and ">Review</textarea>" in page.text


def test_the_booking_page_links_to_the_outcome_for_those_who_may_see_it(client, sign_in):
    from app.models import Role
    from tests.booking.factories import make_booking
    from tests.conftest import sign_in_with

    booking = make_booking()
    ep = booking.slot.session.educational_psychologist
    sign_in_with(client, ep)
    assert "Record or see the outcome" in client.get(f"/bookings/{booking.id}").text
    client.post("/sign-out")
    sign_in(Role.SCHOOL_STAFF, school=booking.request.school)
    page = client.get(f"/bookings/{booking.id}").text
    assert "outcome" not in page.lower()  # nothing final to see yet
