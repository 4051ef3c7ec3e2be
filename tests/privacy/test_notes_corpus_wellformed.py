"""The notes corpus is well formed, so that what it measures can be trusted."""

import re
from collections import Counter

from stdnum.gb import nhs, upn

from tests.privacy.notes_corpus import NOTES

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
TITLES = {"Mr", "Mrs", "Ms", "Miss", "Dr"}
NINO = re.compile(r"(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]")
CONVENE_REFERENCE = re.compile(r"SFC-\d{4}-\d{4}|C-[A-Z0-9]{5}")


def labelled_lines(kind: str) -> list[str]:
    return [line for line, labels in NOTES if any(k == kind for k, _ in labels)]


def labels_of(kind: str) -> list[str]:
    return [text for _, labels in NOTES for k, text in labels if k == kind]


def whole_occurrences(text: str, line: str) -> int:
    return len(re.findall(r"(?<!\w)" + re.escape(text) + r"(?!\w)", line))


def test_every_entry_is_a_line_and_a_list_of_kind_and_text_pairs():
    for entry in NOTES:
        line, labels = entry
        assert isinstance(line, str) and line.strip(), entry
        assert isinstance(labels, list), entry
        for label in labels:
            assert isinstance(label, tuple) and len(label) == 2, entry
            assert all(isinstance(part, str) and part for part in label), entry


def test_every_kind_is_one_the_guard_reports():
    used = {kind for _, labels in NOTES for kind, _ in labels}
    assert used <= KINDS, used - KINDS


def test_every_label_is_text_of_its_line():
    for line, labels in NOTES:
        for kind, text in labels:
            assert text in line, (kind, text, line)


def test_a_label_is_given_once_for_each_time_its_text_occurs_as_a_whole():
    for line, labels in NOTES:
        for text, times in Counter(text for _, text in labels).items():
            assert whole_occurrences(text, line) == times, (text, line)


def test_no_line_is_there_twice():
    repeated = [line for line, count in Counter(line for line, _ in NOTES).items() if count > 1]
    assert repeated == []


def test_there_are_at_least_480_lines_and_at_least_45_percent_are_clean():
    clean = sum(1 for _, labels in NOTES if not labels)
    assert len(NOTES) >= 480
    assert clean / len(NOTES) >= 0.45


def test_names_are_in_at_least_150_lines():
    assert len(labelled_lines("name")) >= 150


def test_each_other_kind_is_in_at_least_20_lines():
    for kind in sorted(KINDS - {"name"}):
        assert len(labelled_lines(kind)) >= 20, kind


def test_no_name_is_used_more_than_twice():
    words = Counter(
        word.lower() for text in labels_of("name") for word in text.split() if word not in TITLES
    )
    assert [word for word, count in words.items() if count > 2] == []


def test_pupil_numbers_carry_valid_check_letters():
    for text in labels_of("upn"):
        assert upn.is_valid(text.replace(" ", "").upper()), text


def test_nhs_numbers_carry_valid_check_digits():
    for text in labels_of("nhs"):
        assert nhs.is_valid(text), text


def test_national_insurance_numbers_are_in_hmrc_format():
    for text in labels_of("nino"):
        assert NINO.fullmatch(re.sub(r"[\s-]", "", text).upper()), text


def test_convenes_own_references_are_never_labelled():
    assert any(CONVENE_REFERENCE.search(line) for line, labels in NOTES if not labels)
    for _, labels in NOTES:
        for kind, text in labels:
            assert not CONVENE_REFERENCE.fullmatch(text), (kind, text)
