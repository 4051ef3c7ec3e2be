"""The casework corpus is well formed: every label points into its line,
uses a known kind, and identifiers with check digits are genuinely valid."""

import re

from stdnum.gb import nhs, upn

from tests.privacy.casework_corpus import CASEWORK

KINDS = {
    "name", "dob", "upn", "nhs", "nino", "postcode",
    "phone", "email", "address", "handle", "case_id",
}
# Ofcom's ranges reserved for drama, so no real person's number is in the corpus.
DRAMA_PHONE = re.compile(r"^(?:\+44|0)(?:7700900\d{3}|1632960\d{3}|2079460\d{3})$")
NINO = re.compile(r"^(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]$")


def _compact(value: str) -> str:
    return value.replace(" ", "").replace("-", "").upper()


def test_corpus_has_at_least_320_lines():
    assert len(CASEWORK) >= 320


def test_at_least_70_percent_of_lines_are_clean():
    clean = sum(1 for _, labels in CASEWORK if not labels)
    assert clean / len(CASEWORK) >= 0.70


def test_every_label_is_a_substring_of_its_line():
    bad = [(line, text) for line, labels in CASEWORK for _, text in labels if text not in line]
    assert bad == []


def test_every_label_uses_a_known_kind():
    bad = [(line, kind) for line, labels in CASEWORK for kind, _ in labels if kind not in KINDS]
    assert bad == []


def test_labelled_upns_are_valid():
    upns = [text for _, labels in CASEWORK for kind, text in labels if kind == "upn"]
    assert upns
    assert [u for u in upns if not upn.is_valid(_compact(u))] == []


def test_labelled_nhs_numbers_are_valid():
    numbers = [text for _, labels in CASEWORK for kind, text in labels if kind == "nhs"]
    assert numbers
    assert [n for n in numbers if not nhs.is_valid(_compact(n))] == []


def test_no_line_appears_twice():
    lines = [line for line, _ in CASEWORK]
    assert len(lines) == len(set(lines))


def test_no_name_is_used_more_than_twice():
    seen: dict[str, int] = {}
    for _, labels in CASEWORK:
        for kind, text in labels:
            if kind == "name":
                seen[text.lower()] = seen.get(text.lower(), 0) + 1
    assert {name: n for name, n in seen.items() if n > 2} == {}


def test_labelled_phone_numbers_are_in_ofcom_drama_ranges():
    phones = [text for _, labels in CASEWORK for kind, text in labels if kind == "phone"]
    assert phones
    assert [p for p in phones if not DRAMA_PHONE.match(_compact(p))] == []


def test_labelled_ni_numbers_have_a_valid_format():
    ninos = [text for _, labels in CASEWORK for kind, text in labels if kind == "nino"]
    assert ninos
    assert [n for n in ninos if not NINO.match(_compact(n))] == []
