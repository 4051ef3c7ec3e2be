"""The guard's figures on the labelled corpora: recall by kind, false positives on clean
lines, and time per line. `make guard-report` prints them; the tests hold them."""

from __future__ import annotations

import sys
import time
from collections import Counter
from dataclasses import dataclass, field

from app.privacy import find_identifiers
from app.privacy.lexicon import load

Label = tuple[str, str]
Entry = tuple[str, list[Label]]


@dataclass
class Figures:
    lines: int = 0
    clean: int = 0
    false_positive_lines: int = 0
    labels: Counter = field(default_factory=Counter)
    caught: Counter = field(default_factory=Counter)
    seconds: float = 0.0
    misses: list[tuple[str, str, str]] = field(default_factory=list)
    false_positives: list[tuple[str, list[str]]] = field(default_factory=list)

    def recall(self, kind: str) -> float:
        return self.caught[kind] / self.labels[kind] if self.labels[kind] else 1.0

    @property
    def other_recall(self) -> float:
        labels = sum(n for kind, n in self.labels.items() if kind != "name")
        caught = sum(n for kind, n in self.caught.items() if kind != "name")
        return caught / labels if labels else 1.0

    @property
    def false_positive_rate(self) -> float:
        return self.false_positives_count / self.clean if self.clean else 0.0

    @property
    def false_positives_count(self) -> int:
        return self.false_positive_lines

    @property
    def ms_per_line(self) -> float:
        return 1000 * self.seconds / self.lines if self.lines else 0.0


def _spans(line: str, labels: list[Label]) -> list[tuple[str, int, int]]:
    """Where each label stands in the line: repeated labels take successive occurrences."""
    spans, taken = [], Counter()
    for kind, text in labels:
        start = -1
        for _ in range(taken[text] + 1):
            start = line.find(text, start + 1)
        taken[text] += 1
        spans.append((kind, start, start + len(text)))
    return spans


def measure(corpus: list[Entry], repeat: int = 3) -> Figures:
    """A label counts as caught when some finding covers part of it: the guard then
    refuses the line and points at it, whatever kind it says it is."""
    load()  # the lexicon's one-off load is not part of the time per line
    figures = Figures()
    started = time.perf_counter()
    for _ in range(repeat):
        for line, _labels in corpus:
            find_identifiers(line)
    figures.seconds = (time.perf_counter() - started) / repeat
    for line, labels in corpus:
        findings = find_identifiers(line)
        figures.lines += 1
        if not labels:
            figures.clean += 1
            if findings:
                figures.false_positive_lines += 1
                figures.false_positives.append((line, [f"{f.kind}:{f.text}" for f in findings]))
            continue
        for kind, start, end in _spans(line, labels):
            figures.labels[kind] += 1
            if any(f.start < end and start < f.end for f in findings):
                figures.caught[kind] += 1
            else:
                figures.misses.append((kind, line[start:end], line))
    return figures


def corpora() -> dict[str, list[Entry]]:
    from tests.privacy.casework_corpus import CASEWORK
    from tests.privacy.corpus import ALL
    from tests.privacy.heldout_corpus import HELDOUT
    from tests.privacy.notes_corpus import NOTES
    from tests.privacy.practice_corpus import PRACTICE

    return {"notes (tuned on)": NOTES, "practice (tuned on)": PRACTICE,
            "casework (tuned on)": CASEWORK, "earlier (tuned on)": ALL,
            "held out (measured only)": HELDOUT}


def table(name: str, figures: Figures) -> str:
    rows = [f"{name}: {figures.lines} lines, {figures.clean} clean"]
    for kind in sorted(figures.labels, key=lambda k: (k != "name", k)):
        rows.append(f"  {kind:<10} recall {figures.recall(kind):6.1%}"
                    f"  ({figures.caught[kind]}/{figures.labels[kind]})")
    rows.append(f"  {'other kinds':<10} recall {figures.other_recall:6.1%}")
    rows.append(f"  false positives on clean lines {figures.false_positive_rate:6.1%}"
                f"  ({figures.false_positive_lines}/{figures.clean})")
    rows.append(f"  {figures.ms_per_line:.3f} ms a line")
    return "\n".join(rows)


def main(argv: list[str]) -> int:
    started = time.perf_counter()
    load()
    print(f"lexicon loaded in {time.perf_counter() - started:.2f} s")
    verbose = "-v" in argv
    for name, corpus in corpora().items():
        figures = measure(corpus)
        print(table(name, figures))
        if verbose:
            for kind, text, line in figures.misses:
                print(f"    MISS {kind}: {text!r} in {line!r}")
            for line, found in figures.false_positives:
                print(f"    FALSE {found} in {line!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
