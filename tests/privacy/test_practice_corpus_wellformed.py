"""The practice corpus is well formed, so that the false alarms it counts can be trusted."""

import re
from collections import Counter

from stdnum.gb import nhs, upn

from tests.privacy.practice_corpus import PRACTICE

KINDS = {
    "name",
    "dob",
    "upn",
    "nhs",
    "nino",
    "postcode",
    "phone",
    "email",
    "address",
    "handle",
    "case_id",
}
TITLES = {"mr", "mrs", "ms", "miss", "dr", "rev"}
NINO = re.compile(r"(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]")


def labels_of(kind: str) -> list[str]:
    return [text for _, labels in PRACTICE for k, text in labels if k == kind]


def test_every_entry_is_a_line_and_a_list_of_kind_and_text_pairs():
    for line, labels in PRACTICE:
        assert isinstance(line, str) and line.strip() == line and line, line
        assert isinstance(labels, list), line
        for label in labels:
            assert isinstance(label, tuple) and len(label) == 2, (line, label)
            assert all(isinstance(part, str) for part in label), (line, label)


def test_every_label_has_a_known_kind():
    unknown = {kind for _, labels in PRACTICE for kind, _ in labels} - KINDS
    assert not unknown


def test_every_label_is_a_trimmed_substring_of_its_line():
    for line, labels in PRACTICE:
        for kind, text in labels:
            assert text and text.strip() == text, (line, kind, text)
            assert text in line, (line, kind, text)


def test_no_line_is_labelled_twice_with_the_same_span():
    for line, labels in PRACTICE:
        assert len(labels) == len(set(labels)), line


def test_there_are_at_least_450_lines():
    assert len(PRACTICE) >= 450


def test_at_least_65_percent_of_lines_are_clean():
    clean = sum(1 for _, labels in PRACTICE if not labels)
    assert clean / len(PRACTICE) >= 0.65, (clean, len(PRACTICE))


def test_no_line_appears_twice():
    repeated = [line for line, n in Counter(line for line, _ in PRACTICE).items() if n > 1]
    assert not repeated


def test_every_labelled_upn_has_a_valid_check_letter():
    upns = labels_of("upn")
    assert upns
    for text in upns:
        assert upn.is_valid(text.replace(" ", "").upper()), text


def test_every_labelled_nhs_number_has_a_valid_check_digit():
    numbers = labels_of("nhs")
    assert numbers
    for text in numbers:
        assert nhs.is_valid(text.replace(" ", "")), text


def test_every_labelled_national_insurance_number_has_a_valid_format():
    ninos = labels_of("nino")
    assert ninos
    for text in ninos:
        assert NINO.fullmatch(text.replace(" ", "").upper()), text


def test_no_name_is_used_in_more_than_two_lines():
    lines_per_word: Counter[str] = Counter()
    for _, labels in PRACTICE:
        words = {
            word.strip(".").lower()
            for kind, text in labels
            if kind == "name"
            for word in re.split(r"[\s-]+", text)
        }
        lines_per_word.update(w for w in words if len(w) > 1 and w not in TITLES)
    assert not [word for word, n in lines_per_word.items() if n > 2]
