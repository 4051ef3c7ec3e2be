"""What changed between two versions of a profile, word by word, for showing side by side."""

import difflib
import re
from dataclasses import dataclass

from app.london import long_date
from app.models import PROFILE_SECTIONS, ProfileVersion
from app.profiles.versions import completed_with_text

# Words, punctuation and the spaces between them, so that the text rebuilds exactly (line
# breaks too) and "Lego." -> "Lego and trains." adds " and trains", not a whole new word.
_TOKENS = re.compile(r"\s+|\w+|[^\w\s]")


@dataclass(frozen=True)
class Piece:
    """A run of text: kind is 'same', 'added' or 'removed'."""

    kind: str
    text: str


@dataclass(frozen=True)
class Change:
    """One part of the profile in two versions: the earlier with what was removed marked,
    the later with what was added marked."""

    label: str
    before: list[Piece]
    after: list[Piece]

    @property
    def changed(self) -> bool:
        return any(piece.kind != "same" for piece in self.before + self.after)


def word_changes(label: str, before: str, after: str) -> Change:
    old, new = _TOKENS.findall(before or ""), _TOKENS.findall(after or "")
    # No autojunk: a profile is short, and its common words ("I", "me") are real changes too.
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    earlier, later = [], []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            earlier.append(Piece("same", "".join(old[i1:i2])))
            later.append(Piece("same", "".join(new[j1:j2])))
            continue
        if i2 > i1:
            earlier.append(Piece("removed", "".join(old[i1:i2])))
        if j2 > j1:
            later.append(Piece("added", "".join(new[j1:j2])))
    return Change(label, _merged(earlier), _merged(later))


def _merged(pieces: list[Piece]) -> list[Piece]:
    """Join neighbours of the same kind, and fold a bare space between two changed runs
    into them, so that a screen reader hears one "added" per phrase, not one per word."""
    pieces = [piece for piece in pieces if piece.text]
    merged: list[Piece] = []
    for index, piece in enumerate(pieces):
        following = pieces[index + 1] if index + 1 < len(pieces) else None
        if (piece.kind == "same" and not piece.text.strip() and merged and following
                and merged[-1].kind != "same" and following.kind == merged[-1].kind):
            piece = Piece(merged[-1].kind, piece.text)
        if merged and merged[-1].kind == piece.kind:
            merged[-1] = Piece(piece.kind, merged[-1].text + piece.text)
        else:
            merged.append(piece)
    return merged


def compare_versions(before: ProfileVersion, after: ProfileVersion) -> list[Change]:
    """Each part of the profile, then who completed it, with whom and when."""
    changes = [word_changes(heading, getattr(before, column), getattr(after, column))
               for column, heading in PROFILE_SECTIONS]
    details = [("Completed by", lambda version: version.completed_by),
               ("Completed with", completed_with_text),
               ("Completed on", lambda version: long_date(version.completed_on))]
    return changes + [word_changes(label, read(before), read(after)) for label, read in details]
