"""The practice corpus is well formed, so that the false alarms it counts can be trusted."""

import re
from collections import Counter

from tests.privacy.practice_corpus import PRACTICE

TITLES = {"mr", "mrs", "ms", "miss", "dr", "rev"}


def labels_of(kind: str) -> list[str]:
    return [text for _, labels in PRACTICE for k, text in labels if k == kind]


def test_every_label_is_a_trimmed_substring_of_its_line():
    for line, labels in PRACTICE:
        for kind, text in labels:
            assert text and text.strip() == text, (line, kind, text)
            assert text in line, (line, kind, text)


def test_no_line_is_labelled_twice_with_the_same_span():
    for line, labels in PRACTICE:
        assert len(labels) == len(set(labels)), line


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
