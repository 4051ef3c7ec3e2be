"""The summary: the email that says it is ready (and nothing more), and the PDF."""

from email.utils import getaddresses
from io import BytesIO

import pytest
from pypdf import PdfReader

from app.extensions import db
from app.models import Role
from tests.booking.factories import outbox_rows, parse_email
from tests.conftest import make_user
from tests.outcomes.factories import (
    ACTION,
    ALREADY_WORKING,
    BEST_HOPES,
    ONE_POINT_HIGHER,
    SAM,
    STRENGTHS,
    audit_actions,
    form_data,
    held_booking,
    outcome_of,
    sign_in_as,
)


def url(booking, action=""):
    return f"/bookings/{booking.id}/outcome{action}"


@pytest.fixture
def ep(sign_in):
    return sign_in(Role.EDUCATIONAL_PSYCHOLOGIST, name="Dr Ada Lane")


@pytest.fixture
def booking(ep):
    return held_booking(ep, advisor=make_user(Role.VS_ADVISOR, name="Ria Advisor"))


@pytest.fixture
def final(client, booking):
    data = form_data(booking, finalise=True, **{
        "extra-0-name": "Kai Doe", "extra-0-job_role": "Family support worker",
        "extra-0-email": "kai.doe@family.example.test"})
    assert client.post(url(booking, "/edit"), data=data).status_code == 302
    return outcome_of(booking)


def summaries():
    return [parse_email(row) for row in outbox_rows("outcome_summary")]


def to(message) -> str:
    return getaddresses([message["To"]])[0][1]


# The email ------------------------------------------------------------------------------------

def test_one_email_per_person_with_a_link_and_nothing_about_the_child(client, booking, final):
    response = client.post(url(booking, "/send"))
    assert response.status_code == 302
    # (Followed separately: the outcome page writes its audit event, so in one test-client
    # call it would wait on the post's own still-open transaction.)
    assert "The summary has been sent to 5 people" in client.get(response.location).text
    messages = summaries()
    session = booking.slot.session
    assert sorted(to(each) for each in messages) == sorted([
        session.educational_psychologist.email, session.advisor.email, SAM,
        booking.booked_by.email, "kai.doe@family.example.test"])
    child = booking.request.child
    for message, row in zip(messages, outbox_rows("outcome_summary"), strict=True):
        body = message.get_body(("plain",)).get_content()
        assert booking.reference in message["Subject"] and booking.reference in body
        assert f"http://127.0.0.1:5000/bookings/{booking.id}/outcome" in body
        everything = f"{message['Subject']}\n{body}"
        assert child.initials not in everything
        assert child.reference not in everything
        raw = row.message.decode("utf-8", "replace")
        for text in ("calmly", ALREADY_WORKING, STRENGTHS, ONE_POINT_HIGHER, ACTION,
                     "Ms Rivers", "Attendance", child.reference):
            assert text not in raw and text not in body
    assert outcome_of(booking).summary_sent_at is not None
    assert audit_actions("outcome_summary_sent")[0].detail.endswith("sent to 5 people")


def test_sending_again_is_allowed_and_says_so(client, booking, final):
    client.post(url(booking, "/send"))
    first = outcome_of(booking).summary_sent_at
    page = client.get(url(booking)).text
    assert "Send the summary again" in page
    response = client.post(url(booking, "/send"))
    assert "The summary has been sent again to 5 people" in client.get(response.location).text
    assert len(summaries()) == 10
    assert outcome_of(booking).summary_sent_at >= first
    assert "sent again" in audit_actions("outcome_summary_sent")[-1].detail


def test_a_draft_summary_is_not_sent(client, booking):
    client.post(url(booking, "/edit"), data=form_data(booking))
    response = client.post(url(booking, "/send"))
    assert response.status_code == 409
    assert "Finalise the outcome before sending its summary" in response.text
    assert summaries() == []
    assert outcome_of(booking).summary_sent_at is None


# The PDF --------------------------------------------------------------------------------------

def read(response) -> tuple[PdfReader, str]:
    reader = PdfReader(BytesIO(response.data))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def test_the_pdf_holds_the_outcome_verbatim(client, booking, final):
    client.post(url(booking, "/amend"), data={"text": "Review moved to <i>Thursday</i> & noted"})
    response = client.get(url(booking, ".pdf"))
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/pdf"
    assert response.headers["Content-Disposition"] == (
        f'attachment; filename="{booking.reference}.pdf"')
    reader, text = read(response)
    assert reader.metadata.title == f"Consultation summary — {booking.reference}"
    assert reader.metadata.author == "Convene"
    for heading in ("Consultation summary", "Consultation", "Who attended", "Best hopes",
                    "What is already working", "Strengths", "Scaling", "Agreed actions",
                    "Themes discussed", "Next step", "Amendments"):
        assert heading in text
    flat = " ".join(text.split())
    for typed in (BEST_HOPES, ALREADY_WORKING, STRENGTHS, "4 out of 10", "Ms Rivers, SENCO",
                  "Attendance", "Follow-up consultation", "Kai Doe", "Dr Ada Lane",
                  booking.reference, booking.request.reference, booking.request.school.name,
                  "Review moved to <i>Thursday</i> & noted", "Added by Dr Ada Lane"):
        assert typed in flat, typed
    assert "Share the morning plan with home" in flat
    assert booking.request.child.reference not in flat
    assert len(reader.pages) >= 1


def test_a_long_outcome_runs_on_to_more_pages(client, booking):
    long = " ".join(["The key adult meets the child at the gate and walks in together."] * 60)
    data = form_data(booking, finalise=True, best_hopes=long, already_working=long,
                     strengths=long)
    assert client.post(url(booking, "/edit"), data=data).status_code == 302
    reader, text = read(client.get(url(booking, ".pdf")))
    assert len(reader.pages) > 1
    assert f"Page 1 of {len(reader.pages)}" in text


def test_each_download_is_audited(client, booking, final, sign_in):
    client.get(url(booking, ".pdf"))
    client.post("/sign-out")
    staff = sign_in(Role.SCHOOL_STAFF, school=booking.request.school)
    assert client.get(url(booking, ".pdf")).status_code == 200
    events = audit_actions("outcome_pdf_downloaded")
    ep_id = booking.slot.session.educational_psychologist_id
    assert [event.actor_id for event in events] == [ep_id, staff.id]
    assert all(event.record_id == str(final.id) for event in events)


def test_the_social_worker_downloads_what_was_sent(client, booking, final):
    ep_user = booking.slot.session.educational_psychologist
    sam = make_user(Role.SOCIAL_WORKER, email=SAM)
    sign_in_as(client, sam)
    assert client.get(url(booking, ".pdf")).status_code == 404
    sign_in_as(client, ep_user)
    client.post(url(booking, "/send"))
    client.post(url(booking, "/amend"), data={"text": "A later note for the school"})
    sign_in_as(client, sam)
    response = client.get(url(booking, ".pdf"))
    assert response.status_code == 200
    _, text = read(response)
    assert "A later note" not in text
    assert BEST_HOPES in " ".join(text.split())


# The PDF, built once and served again ---------------------------------------------------------

def test_a_second_download_is_the_same_pdf_not_built_again_and_audited_again(
        client, booking, final, builds):
    first = client.get(url(booking, ".pdf"))
    second = client.get(url(booking, ".pdf"))

    assert second.status_code == 200
    assert second.data == first.data
    assert len(builds) == 1
    assert second.headers["Content-Type"] == "application/pdf"
    assert second.headers["Content-Disposition"] == (
        f'attachment; filename="{booking.reference}.pdf"')
    assert second.headers["Cache-Control"] == first.headers["Cache-Control"]
    assert len(audit_actions("outcome_pdf_downloaded")) == 2


def test_an_amendment_is_in_the_next_download(client, booking, final, builds):
    client.get(url(booking, ".pdf"))
    client.post(url(booking, "/amend"), data={"text": "The review is now on Thursday"})

    _, text = read(client.get(url(booking, ".pdf")))

    assert "The review is now on Thursday" in text
    assert len(builds) == 2


def test_a_renamed_school_and_ep_are_in_the_next_download(client, booking, final, builds):
    client.get(url(booking, ".pdf"))
    booking.request.school.name = "Riverside Academy"
    booking.slot.session.educational_psychologist.name = "Dr Ada Lane-Hughes"
    db.session.commit()

    _, text = read(client.get(url(booking, ".pdf")))

    assert "Riverside Academy" in text
    assert "Dr Ada Lane-Hughes" in text


def test_another_school_gets_404_and_its_own_school_the_pdf_with_the_cache_warm(
        client, booking, final, builds, sign_in):
    warm = client.get(url(booking, ".pdf"))
    client.post("/sign-out")
    other = sign_in(Role.SCHOOL_STAFF)
    assert client.get(url(booking, ".pdf")).status_code == 404
    client.post("/sign-out")
    staff = sign_in(Role.SCHOOL_STAFF, school=booking.request.school)

    response = client.get(url(booking, ".pdf"))

    assert response.data == warm.data
    assert len(builds) == 1
    actors = [event.actor_id for event in audit_actions("outcome_pdf_downloaded")]
    assert other.id not in actors
    assert actors[-1] == staff.id


def test_the_social_worker_gets_what_was_sent_when_the_fuller_pdf_is_cached(
        client, booking, final, builds):
    ep_user = booking.slot.session.educational_psychologist
    client.post(url(booking, "/send"))
    client.post(url(booking, "/amend"), data={"text": "A later note for the school"})
    assert "A later note" in read(client.get(url(booking, ".pdf")))[1]
    sign_in_as(client, make_user(Role.SOCIAL_WORKER, email=SAM))

    _, text = read(client.get(url(booking, ".pdf")))

    assert "A later note" not in text
    assert BEST_HOPES in " ".join(text.split())
    assert ep_user.name in text
