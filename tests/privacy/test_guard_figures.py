"""The guard's figures on the labelled corpora, held at their floors (`make guard-report`
prints them). The notes corpus is the one the rules were tuned on; the held-out corpus
was written by someone who never saw the guard, and is only measured. The practice corpus
and the casework corpus (mostly clean lines full of near-misses) were written blind too,
then tuned on."""

import time

import pytest

from app.privacy import lexicon
from tests.privacy.casework_corpus import CASEWORK
from tests.privacy.corpus import ALL as EARLIER
from tests.privacy.heldout_corpus import HELDOUT
from tests.privacy.notes_corpus import NOTES
from tests.privacy.practice_corpus import PRACTICE
from tests.privacy.report import measure

# (corpus, names recall, other kinds' recall, false positives on clean lines)
FLOORS = {
    "notes": (NOTES, 0.95, 0.98, 0.02),
    "practice": (PRACTICE, 0.94, 0.97, 0.02),
    "casework": (CASEWORK, 0.94, 0.98, 0.02),
    "earlier": (EARLIER, 0.95, 0.98, 0.02),
    "held out": (HELDOUT, 0.94, 0.96, 0.045),
}


@pytest.fixture(scope="module")
def figures():
    return {name: measure(corpus, repeat=1) for name, (corpus, *_) in FLOORS.items()}


@pytest.mark.parametrize("name", FLOORS)
def test_recall_and_false_positives_hold_their_floors(figures, name):
    _, names, others, false_positives = FLOORS[name]
    measured = figures[name]
    assert measured.recall("name") >= names, measured.misses
    assert measured.other_recall >= others, measured.misses
    assert measured.false_positive_rate <= false_positives, measured.false_positives


def test_every_kind_is_in_the_corpora():
    kinds = set()
    for _, labels in NOTES + HELDOUT:
        kinds.update(kind for kind, _ in labels)
    assert kinds == {"name", "dob", "upn", "nhs", "nino", "postcode", "phone", "email",
                     "address", "handle", "case_id"}


def test_a_line_takes_under_two_milliseconds_on_average():
    from app.privacy import find_identifiers

    lines = [line for line, _ in NOTES + HELDOUT]
    for line in lines:  # the first pass fills the per-word cache, as a running app has
        find_identifiers(line)
    started = time.process_time()
    for line in lines:
        find_identifiers(line)
    assert (time.process_time() - started) * 1000 / len(lines) < 2


def test_the_lexicon_loads_in_under_two_seconds(monkeypatch):
    monkeypatch.setattr(lexicon, "_loaded", None)
    started = time.process_time()
    loaded = lexicon.load()
    assert time.process_time() - started < 2
    assert loaded.first_rank("abdirahman") and loaded.zipf("storm") > 3
