"""Comparing two versions of a One Page Profile: side by side, what changed marked."""

import re
from datetime import date

from app.models import Role
from app.profiles.compare import Piece, word_changes
from tests.conftest import make_child
from tests.profiles.factories import audit_events, make_version

ADDED = ('<ins class="convene-diff convene-diff--added"><span class="govuk-visually-hidden">'
         '[added: </span>{}<span class="govuk-visually-hidden">]</span></ins>')
REMOVED = ('<del class="convene-diff convene-diff--removed"><span class="govuk-visually-hidden">'
           '[removed: </span>{}<span class="govuk-visually-hidden">]</span></del>')


def compare_url(child, **args) -> str:
    query = "&".join(f"{key}={value}" for key, value in args.items())
    return f"/children/{child.reference}/profile/compare" + (f"?{query}" if query else "")


def row_for(page: str, label: str) -> str:
    """The table row of one part of the profile."""
    match = re.search(r'<tr class="govuk-table__row">\s*<th scope="row"[^>]*>\s*'
                      + re.escape(label) + r".*?</tr>", page, re.S)
    assert match, label
    return match.group(0)


def test_two_versions_side_by_side_with_words_added_and_removed_marked(client, sign_in):
    user = sign_in(Role.SCHOOL_STAFF)
    child = make_child(school=user.school)
    make_version(child, user, calming="I like the calm room and Lego.",
                 completed_by="SENCO", completed_on=date(2026, 1, 5))
    make_version(child, user, calming="Something in between.")
    make_version(child, user, calming="I like the calm room, music and trains.",
                 completed_by="SENCO", completed_on=date(2026, 3, 9))

    response = client.get(compare_url(child, **{"from": 1, "to": 3}))

    assert response.status_code == 200
    page = response.text
    assert "Version 1 compared with version 3" in page
    calming = row_for(page, "What helps me to calm and co-regulate")
    assert "Changed" in calming
    assert REMOVED.format("Lego") in calming
    assert ADDED.format(", music") in calming and ADDED.format("trains") in calming
    assert "I like the calm room" in calming and "Something in between" not in calming
    admire = row_for(page, "What people like and admire about me")
    assert "Not changed" in admire and "<ins" not in admire and "<del" not in admire
    completed_on = row_for(page, "Completed on")
    assert REMOVED.format("5 January") in completed_on
    assert ADDED.format("9 March") in completed_on
    assert "Not changed" in row_for(page, "Completed by")
    assert "2 of 9 parts changed" in page
    assert ".convene-diff--added" in client.get("/static/app.css").text
    [event] = audit_events("profile_compared")
    assert event.detail == f"{child.reference}: One Page Profile versions 1 and 3"


def test_without_a_choice_the_latest_two_versions_are_compared(client, sign_in):
    user = sign_in(Role.SCHOOL_STAFF)
    child = make_child(school=user.school)
    for words in ("first words", "second words", "third words"):
        make_version(child, user, support=words)

    page = client.get(compare_url(child)).text

    assert "Version 2 compared with version 3" in page
    assert REMOVED.format("second") in page and ADDED.format("third") in page
    assert re.search(r'id="from" name="from".*?<option value="2" selected>', page, re.S)
    assert re.search(r'id="to" name="to".*?<option value="3" selected>', page, re.S)
    assert 'method="get"' in page


def test_typed_markup_is_shown_as_text_in_the_comparison(client, sign_in):
    user = sign_in(Role.SCHOOL_STAFF)
    child = make_child(school=user.school)
    make_version(child, user, important="Drawing & <b>dragons</b>")
    make_version(child, user, important="Drawing & <script>alert(1)</script>")

    page = client.get(compare_url(child, **{"from": 1, "to": 2})).text

    assert "<script>alert" not in page and "<b>" not in page
    assert "Drawing &amp; &lt;" in page
    assert REMOVED.format("dragons") in page and ADDED.format("alert(1)") in page


def test_choosing_the_same_or_a_missing_version_is_refused(client, sign_in):
    user = sign_in(Role.SCHOOL_STAFF)
    child = make_child(school=user.school)
    make_version(child, user)
    make_version(child, user)

    same = client.get(compare_url(child, **{"from": 2, "to": 2}))
    assert same.status_code == 400
    assert "There is a problem" in same.text
    assert "Choose two different versions to compare" in same.text

    missing = client.get(compare_url(child, **{"from": 1, "to": 7}))
    assert missing.status_code == 400
    assert "Choose a version to compare with from the list" in missing.text

    garbled = client.get(compare_url(child, **{"from": "one", "to": 2}))
    assert garbled.status_code == 400
    assert "Choose a version to compare from the list" in garbled.text
    assert 'href="#from"' in garbled.text
    assert audit_events("profile_compared") == []


def test_with_one_version_there_is_nothing_to_compare(client, sign_in):
    user = sign_in(Role.SCHOOL_STAFF)
    child = make_child(school=user.school)
    make_version(child, user)

    response = client.get(compare_url(child))

    assert response.status_code == 200
    assert "only one version of the profile so far" in response.text
    assert "<table" not in response.text


def test_word_changes_mark_phrases_and_rebuild_both_texts_exactly():
    before = "I like Lego.\nI go quiet when it is loud."
    after = "I like Lego and trains.\nI go very quiet when it is loud!"

    change = word_changes("Part", before, after)

    assert "".join(piece.text for piece in change.before) == before
    assert "".join(piece.text for piece in change.after) == after
    assert [p for p in change.after if p.kind == "added"] == [
        Piece("added", " and trains"), Piece("added", " very"), Piece("added", "!")]
    assert [p for p in change.before if p.kind == "removed"] == [Piece("removed", ".")]
    assert change.changed
    assert not word_changes("Part", "Same words.", "Same words.").changed
    assert word_changes("Part", "", "New").after == [Piece("added", "New")]
