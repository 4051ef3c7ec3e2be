"""The casework corpus is well formed: every label points into its line,
uses a known kind, and identifiers with check digits are genuinely valid."""

import re

from tests.privacy.casework_corpus import CASEWORK

# Ofcom's ranges reserved for drama, so no real person's number is in the corpus.
DRAMA_PHONE = re.compile(r"^(?:\+44|0)(?:7700900\d{3}|1632960\d{3}|2079460\d{3})$")


def _compact(value: str) -> str:
    return value.replace(" ", "").replace("-", "").upper()


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
