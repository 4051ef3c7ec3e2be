"""The One Page Profile PDF: one page whatever is written, the words exactly as typed."""

from datetime import date

from app.models import PROFILE_SECTIONS, Role
from tests.conftest import make_child, make_school, make_user
from tests.profiles.factories import audit_events, make_version, read_pdf, words

MARKUP = {
    "admire": "I am <b>brilliant</b> at drawing & building.",
    "important": "My nan's dog <img src=x> and football.",
    "support": "Use <font color=red>short steps</font> and pictures.",
    "triggers": 'Links like <a href="https://example.org/?a=1&b=2">this</a> & loud noise.',
    "distress_signs": "I go quiet </para> then 5 < 6 > 4 &amp; &#169;",
    "calming": "A walk & a drink <br/> of water.\nThen the calm room.",
}


def pdf_url(child, **args) -> str:
    query = "&".join(f"{key}={value}" for key, value in args.items())
    return f"/children/{child.reference}/profile.pdf" + (f"?{query}" if query else "")


def test_the_pdf_is_the_latest_version_on_one_page_with_every_word_as_typed(client, sign_in):
    user = sign_in(Role.SCHOOL_STAFF)
    child = make_child(school=user.school)
    make_version(child, user, admire="Old words from version 1.")
    make_version(child, user, **MARKUP, completed_by="SENCO & key adult", with_child=True,
                 with_home=True, completed_on=date(2026, 3, 2))

    response = client.get(pdf_url(child))

    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/pdf"
    assert (response.headers["Content-Disposition"]
            == f'attachment; filename="{child.reference}.pdf"')
    pdf = read_pdf(response.data)
    assert len(pdf.pages) == 1
    assert pdf.metadata["/Title"] == f"One Page Profile — {child.reference}"
    assert pdf.metadata["/Author"] == "Convene"
    text = pdf.pages[0].extract_text()
    flat = words(text)
    assert "One Page Profile" in text and child.reference in text
    assert f"{child.reference} · 2 March 2026" in text
    assert "OFFICIAL-SENSITIVE" in text and "Page 1 of 1" in text
    for _, heading in PROFILE_SECTIONS:
        assert heading in text
    for typed in MARKUP.values():
        assert words(typed) in flat
    assert "A walk & a drink <br/> of water.\nThen the calm room." in text
    assert "Old words from version 1." not in flat
    assert "Completed by SENCO & key adult on 2 March 2026" in flat
    assert "the child (their own voice) and home" in flat
    assert "Version 2." in flat


def test_very_long_answers_still_fit_on_exactly_one_page(client, sign_in):
    user = sign_in(Role.SCHOOL_STAFF)
    child = make_child(school=user.school)
    sentence = "I like it when adults tell me what is happening next & why it matters. "
    long = {column: (f"{column} starts. " + sentence * 25)[:1490] + f" {column} ends."
            for column, _ in PROFILE_SECTIONS}
    assert all(len(answer) > 1500 for answer in long.values())
    make_version(child, user, **long)

    pdf = read_pdf(client.get(pdf_url(child)).data)

    assert len(pdf.pages) == 1
    flat = words(pdf.pages[0].extract_text())
    for column, _ in PROFILE_SECTIONS:  # nothing cut off: each answer's first and last words
        assert f"{column} starts." in flat and f"{column} ends." in flat
    assert "Page 1 of 1" in flat


def test_an_earlier_version_can_be_downloaded_and_an_empty_part_says_so(client, sign_in):
    user = sign_in(Role.SCHOOL_STAFF)
    child = make_child(school=user.school)
    make_version(child, user, triggers="Version one triggers.", calming="",
                 completed_on=date(2026, 1, 10))
    make_version(child, user, triggers="Version two triggers.")

    response = client.get(pdf_url(child, version=1))

    flat = words(read_pdf(response.data).pages[0].extract_text())
    assert "Version one triggers." in flat and "Version two triggers." not in flat
    assert "10 January 2026" in flat and "Version 1." in flat
    assert "What helps me to calm and co-regulate Not written yet" in flat
    assert client.get(pdf_url(child, version=3)).status_code == 404


def test_there_is_no_pdf_before_there_is_a_profile(client, sign_in):
    user = sign_in(Role.SCHOOL_STAFF)
    child = make_child(school=user.school)

    assert client.get(pdf_url(child)).status_code == 404
    assert audit_events("profile_pdf_downloaded") == []


def test_each_download_is_audited(client, sign_in):
    user = sign_in(Role.SCHOOL_STAFF)
    child = make_child(school=user.school)
    make_version(child, user)
    make_version(child, user)

    client.get(pdf_url(child))
    client.get(pdf_url(child, version=1))

    events = audit_events("profile_pdf_downloaded")
    assert [event.detail for event in events] == [
        f"{child.reference}: One Page Profile version 2",
        f"{child.reference}: One Page Profile version 1"]
    assert all(event.actor_id == user.id and event.record_type == "ChildRecord"
               and event.record_id == str(child.id) for event in events)


def test_another_schools_pdf_is_not_found_and_not_audited(client, sign_in):
    sign_in(Role.SCHOOL_STAFF)
    theirs = make_child(school=make_school())
    make_version(theirs, make_user(Role.SCHOOL_STAFF, school=theirs.school))

    response = client.get(pdf_url(theirs))

    assert response.status_code == 404
    assert response.headers["Content-Type"].startswith("text/html")
    assert audit_events("profile_pdf_downloaded") == []
