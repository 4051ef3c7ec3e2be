"""The cache of built documents: bounded, least recently used out, keyed by what is shown."""

import io
from datetime import UTC, date, datetime

import pytest
from pypdf import PdfReader

from app.services.document_cache import DocumentCache, fingerprint
from app.services.pdfs import Section, render_document


def kept(cache: DocumentCache, key) -> bool:
    return cache.get_or_build(key, lambda: b"built again") != b"built again"


def test_a_document_is_built_once_and_then_served_from_the_cache():
    cache = DocumentCache()
    built = []

    def build():
        built.append(1)
        return b"%PDF one"

    assert cache.get_or_build("a", build) == b"%PDF one"
    assert cache.get_or_build("a", build) == b"%PDF one"
    assert len(built) == 1


def test_the_cache_keeps_at_most_its_count_dropping_the_least_recently_used():
    cache = DocumentCache(max_documents=3)
    for key in "abc":
        cache.get_or_build(key, lambda key=key: key.encode())
    cache.get_or_build("a", lambda: b"unused")  # "a" is now the most recently used
    cache.get_or_build("d", lambda: b"d")

    assert len(cache) == 3
    assert not kept(cache, "b")


def test_the_cache_keeps_at_most_its_byte_budget():
    cache = DocumentCache(max_documents=100, max_bytes=250)
    for n in range(10):
        cache.get_or_build(n, lambda: b"x" * 100)

    assert len(cache) == 2
    assert cache.size == 200
    assert kept(cache, 9)
    assert not kept(cache, 0)


def test_a_document_bigger_than_the_budget_is_served_but_not_kept():
    cache = DocumentCache(max_bytes=10)

    assert cache.get_or_build("big", lambda: b"y" * 11) == b"y" * 11
    assert len(cache) == 0


def test_the_fingerprint_changes_with_anything_shown_and_only_then():
    sections = [Section("Notes", paragraphs=["Short."], rows=[("School", "Hill Primary")])]
    same = [Section("Notes", paragraphs=["Short."], rows=[("School", "Hill Primary")])]
    renamed = [Section("Notes", paragraphs=["Short."], rows=[("School", "Hill Academy")])]
    empty_changed = [Section("Notes", paragraphs=["Short."], rows=[("School", "Hill Primary")],
                             empty="None")]

    base = fingerprint("Title", date(2026, 3, 3), sections)
    assert fingerprint("Title", date(2026, 3, 3), same) == base
    assert fingerprint("Title", date(2026, 3, 3), renamed) != base
    assert fingerprint("Title", date(2026, 3, 3), empty_changed) != base
    assert fingerprint("Title", date(2026, 3, 4), sections) != base
    assert fingerprint("Title", datetime(2026, 3, 3, tzinfo=UTC), sections) != base
    assert fingerprint(date(2026, 3, 3)) != fingerprint("2026-03-03")


def test_the_fingerprint_refuses_what_it_cannot_put_in_canonical_form():
    with pytest.raises(TypeError):
        fingerprint(object())


def document(**changes) -> bytes:
    values = {"title": "Team Around the Child meeting", "reference": "TAC-2026-0007",
              "dated": date(2026, 3, 3), "sections": [Section("Notes", paragraphs=["Short."])]}
    values.update(changes)
    return render_document(**values)


def test_the_same_document_is_built_once(builds):
    assert document() == document()
    assert len(builds) == 1


@pytest.mark.parametrize(("change", "shown"), [
    ({"sections": [Section("Notes", paragraphs=["Longer now."])]}, "Longer now."),
    ({"subtitle": "Child record CR-0001 · Held"}, "Child record CR-0001 · Held"),
    ({"dated": date(2026, 3, 4)}, "TAC-2026-0007 · 4 March 2026"),
    ({"one_page": True}, "Short."),
])
def test_a_change_to_anything_shown_builds_a_new_document_showing_it(builds, change, shown):
    first = document()
    changed = document(**change)

    assert changed != first
    assert len(builds) == 2
    assert shown in PdfReader(io.BytesIO(changed)).pages[0].extract_text()
