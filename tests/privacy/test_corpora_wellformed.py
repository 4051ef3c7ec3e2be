"""Every labelled corpus is well formed, so that what the guard's figures say can be trusted.

The checks all corpora share live here; each corpus's own file keeps what only its writer
asked of it (names used at most twice, phone numbers in Ofcom's drama ranges, ...)."""

import re

import pytest
from stdnum.gb import nhs, upn

from app.privacy import KINDS
from tests.privacy.casework_corpus import CASEWORK
from tests.privacy.corpus import ALL as EARLIER
from tests.privacy.heldout_corpus import HELDOUT
from tests.privacy.notes_corpus import NOTES
from tests.privacy.practice_corpus import PRACTICE

# corpus, at least this many lines, at least this share of them clean
CORPORA = {
    "notes": (NOTES, 480, 0.45),
    "held out": (HELDOUT, 300, 0.45),
    "practice": (PRACTICE, 450, 0.65),
    "casework": (CASEWORK, 320, 0.70),
    "earlier": (EARLIER, 200, 0.40),
}
NINO = re.compile(r"(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]")
CONVENE_REFERENCE = re.compile(r"\b(?:AR|SFC|TAC)-\d{4}-\d{4}\b|\bC-[0-9A-Z]{5,6}\b")

each_corpus = pytest.mark.parametrize("name", CORPORA)


def labels_of(corpus, kind: str) -> list[str]:
    return [text for _, labels in corpus for each, text in labels if each == kind]


def compact(value: str) -> str:
    return re.sub(r"[\s\-]", "", value).upper()


@each_corpus
def test_every_entry_is_a_line_and_labels_of_known_kinds_found_in_it(name):
    corpus, _, _ = CORPORA[name]
    for line, labels in corpus:
        assert isinstance(line, str) and line.strip(), line
        assert isinstance(labels, list), line
        for kind, text in labels:
            assert kind in KINDS, (kind, line)
            assert text and text in line, (text, line)


@each_corpus
def test_it_is_large_enough_and_clean_enough_and_no_line_is_there_twice(name):
    corpus, most_lines, clean_share = CORPORA[name]
    lines = [line for line, _ in corpus]
    assert len(lines) >= most_lines
    assert sum(1 for _, labels in corpus if not labels) >= clean_share * len(lines)
    assert len(set(lines)) == len(lines)


@each_corpus
def test_numbers_with_check_characters_are_real_ones(name):
    corpus, _, _ = CORPORA[name]
    for value in labels_of(corpus, "upn"):
        assert upn.is_valid(compact(value)), value
    for value in labels_of(corpus, "nhs"):
        assert nhs.is_valid(compact(value)), value
    for value in labels_of(corpus, "nino"):
        assert NINO.fullmatch(compact(value)), value


@each_corpus
def test_convenes_own_references_are_never_labelled(name):
    corpus, _, _ = CORPORA[name]
    for _, labels in corpus:
        for _, text in labels:
            assert not CONVENE_REFERENCE.search(text), text
