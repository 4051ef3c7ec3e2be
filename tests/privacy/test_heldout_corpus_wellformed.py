"""The held-out corpus is well formed, so that figures measured on it mean something."""

import re
from collections import Counter

import pytest

from app.privacy import KINDS
from tests.privacy.heldout_corpus import HELDOUT

MINIMUM_LINES = {kind: 12 for kind in KINDS if kind != "name"} | {"name": 90}
TITLES = {"mr", "mrs", "ms", "miss", "dr", "ds", "pastor"}
NINO = re.compile(r"[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]")
NINO_PREFIXES_NEVER_ISSUED = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}
UK_DRAMA_RANGES = ("01632960", "02079460", "07700900")
CONVENE_REFERENCE = re.compile(r"\bSFC-\d{4}-\d{4}\b|\bC-[0-9A-Z]{5}\b")


def labelled(kind: str) -> list[str]:
    return [value for _, labels in HELDOUT for k, value in labels if k == kind]


def lines_with(kind: str) -> list[str]:
    return [text for text, labels in HELDOUT if any(k == kind for k, _ in labels)]


def standalone(text: str, value: str) -> list[int]:
    """Where value is written in text, not as part of a longer word."""
    starts = []
    for match in re.finditer(re.escape(value), text):
        before = text[match.start() - 1] if match.start() else " "
        after = text[match.end()] if match.end() < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            starts.append(match.start())
    return starts


def test_every_label_is_trimmed():
    untrimmed = [value for _, labels in HELDOUT for _, value in labels if value != value.strip()]
    assert untrimmed == []


def test_a_text_written_twice_is_labelled_twice():
    """Labels and standalone occurrences match one to one, longest labels placed first."""
    problems = []
    for text, labels in HELDOUT:
        taken: list[tuple[int, int]] = []
        for _, value in sorted(labels, key=lambda label: -len(label[1])):
            free = [
                start
                for start in standalone(text, value)
                if all(start + len(value) <= a or b <= start for a, b in taken)
            ]
            if not free:
                problems.append((text, value, "labelled more often than written"))
                continue
            taken.append((free[0], free[0] + len(value)))
        for value in {value for _, value in labels}:
            for start in standalone(text, value):
                if not any(a <= start < b for a, b in taken):
                    problems.append((text, value, "written more often than labelled"))
    assert problems == []


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_kind_is_labelled_in_enough_lines(kind):
    assert len(lines_with(kind)) >= MINIMUM_LINES[kind]


def test_every_national_insurance_number_has_a_valid_form():
    ninos = labelled("nino")
    assert ninos
    invalid = [
        value
        for value in ninos
        if not NINO.fullmatch(value.replace(" ", "").upper())
        or value.replace(" ", "").upper()[:2] in NINO_PREFIXES_NEVER_ISSUED
    ]
    assert invalid == []


def test_every_uk_phone_number_is_in_an_ofcom_drama_range():
    not_drama = []
    for value in labelled("phone"):
        digits = re.sub(r"\D", "", value)
        if value.startswith("+44"):
            digits = "0" + digits[2:]
        elif value.startswith(("+", "00")):
            continue  # an overseas family number
        if not digits.startswith(UK_DRAMA_RANGES):
            not_drama.append(value)
    assert not_drama == []


def test_no_name_is_used_more_than_twice():
    words = Counter(
        word.lower()
        for value in labelled("name")
        for word in re.split(r"[\s-]+", value)
        if word.lower() not in TITLES
    )
    assert {word: count for word, count in words.items() if count > 2} == {}


def test_convenes_own_references_appear_and_are_never_labelled():
    assert any(CONVENE_REFERENCE.search(text) and not labels for text, labels in HELDOUT)
    assert [
        value for _, labels in HELDOUT for _, value in labels if CONVENE_REFERENCE.search(value)
    ] == []
