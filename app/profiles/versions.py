"""Saving and finding the versions of a child's One Page Profile.

A save never changes a version: it adds the next one. Two people saving at once both
compute the same next number; the database's unique (child, version) constraint refuses
the second insert, which then takes the number after inside a savepoint.
"""

from dataclasses import dataclass
from datetime import date

from flask import abort
from sqlalchemy import func
from sqlalchemy.exc import IntegrityError

from app.extensions import db
from app.models import PROFILE_SECTIONS, ChildRecord, ProfileVersion, User
from app.services import audit

SECTION_COLUMNS = tuple(column for column, _ in PROFILE_SECTIONS)
# Who it was completed with: (column, form value, how the profile's pages say it).
COMPLETED_WITH = (
    ("with_child", "child", "the child (their own voice)"),
    ("with_home", "home", "home"),
    ("with_social_care", "social_care", "social care"),
)
SAVE_ATTEMPTS = 5


class ProfileBusy(Exception):
    """Others kept taking the next version number: the user is asked to save again."""


@dataclass(frozen=True)
class ProfileValues:
    """What a person writes in a version of the profile (the rest is who saved it, when)."""

    sections: dict[str, str]
    completed_by: str
    completed_with: frozenset[str]  # form values from COMPLETED_WITH
    completed_on: date

    @classmethod
    def of(cls, version: ProfileVersion) -> "ProfileValues":
        return cls(
            sections={column: getattr(version, column) or "" for column in SECTION_COLUMNS},
            completed_by=version.completed_by,
            completed_with=frozenset(value for column, value, _ in COMPLETED_WITH
                                     if getattr(version, column)),
            completed_on=version.completed_on)

    def columns(self) -> dict:
        return {**self.sections, "completed_by": self.completed_by,
                "completed_on": self.completed_on,
                **{column: value in self.completed_with for column, value, _ in COMPLETED_WITH}}


def latest_version(child: ChildRecord) -> ProfileVersion | None:
    return db.session.scalar(db.select(ProfileVersion).where(ProfileVersion.child_id == child.id)
                             .order_by(ProfileVersion.version.desc()).limit(1))


def all_versions(child: ChildRecord) -> list[ProfileVersion]:
    """Newest first."""
    return list(db.session.scalars(
        db.select(ProfileVersion).where(ProfileVersion.child_id == child.id)
        .order_by(ProfileVersion.version.desc())))


def get_version_or_404(child: ChildRecord, number: int) -> ProfileVersion:
    return db.first_or_404(db.select(ProfileVersion).where(
        ProfileVersion.child_id == child.id, ProfileVersion.version == number))


def latest_or_404(child: ChildRecord) -> ProfileVersion:
    version = latest_version(child)
    if version is None:
        abort(404)
    return version


def next_version_number(child: ChildRecord) -> int:
    highest = db.session.scalar(db.select(func.max(ProfileVersion.version))
                                .where(ProfileVersion.child_id == child.id))
    return (highest or 0) + 1


def save_version(child: ChildRecord, values: ProfileValues, by: User) -> ProfileVersion:
    """Add the next version (not committed: the caller commits). Raises ProfileBusy if the
    next number was taken SAVE_ATTEMPTS times in a row."""
    # Saves of one child's profile queue on its row (PostgreSQL; SQLite writes one at a
    # time already), so each reads the number the one before it took.
    db.session.execute(db.select(ChildRecord.id).where(ChildRecord.id == child.id)
                       .with_for_update())
    for _ in range(SAVE_ATTEMPTS):
        version = ProfileVersion(child_id=child.id, version=next_version_number(child),
                                 saved_by_id=by.id, **values.columns())
        try:
            with db.session.begin_nested():
                db.session.add(version)
        except IntegrityError:
            continue  # someone else saved that number first: take the one after
        audit.record("profile_saved", child, actor=by,
                     detail=f"One Page Profile version {version.version}")
        return version
    raise ProfileBusy(child.reference)


def completed_with_text(version: ProfileVersion) -> str:
    """'The child (their own voice), home and social care', or 'Nobody else recorded'."""
    people = [words for column, _, words in COMPLETED_WITH if getattr(version, column)]
    if not people:
        return "Nobody else recorded"
    joined = people[0] if len(people) == 1 else ", ".join(people[:-1]) + " and " + people[-1]
    return joined[0].upper() + joined[1:]
