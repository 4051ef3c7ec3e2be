"""The notes corpus is well formed, so that what it measures can be trusted."""

import re
from collections import Counter

from app.privacy import KINDS
from tests.privacy.notes_corpus import NOTES

TITLES = {"Mr", "Mrs", "Ms", "Miss", "Dr"}


def labelled_lines(kind: str) -> list[str]:
    return [line for line, labels in NOTES if any(k == kind for k, _ in labels)]


def labels_of(kind: str) -> list[str]:
    return [text for _, labels in NOTES for k, text in labels if k == kind]


def whole_occurrences(text: str, line: str) -> int:
    return len(re.findall(r"(?<!\w)" + re.escape(text) + r"(?!\w)", line))


def test_a_label_is_given_once_for_each_time_its_text_occurs_as_a_whole():
    for line, labels in NOTES:
        for text, times in Counter(text for _, text in labels).items():
            assert whole_occurrences(text, line) == times, (text, line)


def test_names_are_in_at_least_150_lines():
    assert len(labelled_lines("name")) >= 150


def test_each_other_kind_is_in_at_least_20_lines():
    for kind in sorted(set(KINDS) - {"name"}):
        assert len(labelled_lines(kind)) >= 20, kind


def test_no_name_is_used_more_than_twice():
    words = Counter(
        word.lower() for text in labels_of("name") for word in text.split() if word not in TITLES
    )
    assert [word for word, count in words.items() if count > 2] == []
