"""The Virtual School's list of phrases that are never names (programmes, places, services):
adding and removing them, and the copy of the list each process keeps for the guard."""

import uuid
from typing import NamedTuple

from flask import current_app
from sqlalchemy import update
from sqlalchemy.exc import IntegrityError

from app.extensions import db
from app.models import NeverAName, ServiceSetting, User
from app.models.name_check import phrase_key, tidy_phrase
from app.models.types import utcnow
from app.services import audit

# The list's version: a new random token written by every change to the list.
VERSION_KEY = "never_names_version"
_KEPT = "never_names"


class AlreadyListed(Exception):
    """The phrase is on the list already (in some case or spacing)."""


class _Kept(NamedTuple):
    version: str | None
    phrases: tuple[str, ...]


def phrases() -> tuple[str, ...]:
    """The phrases, as the guard passes them to find_identifiers(not_names=...).

    Kept per process (in the app's extensions, so a test's fresh app starts empty) and read
    again only when the version stored beside the list has changed: one small query per check.
    What keeps the copy correct: every change to the list goes through add() or remove(),
    which write a new random version in the same transaction as the change, so any process
    sees a version it has not read on its next check and reads the list again. The version is
    read before the list, so a change in between leaves a newer list under an older version
    (read again next time), never an older list under the newer version.
    """
    version = db.session.scalar(
        db.select(ServiceSetting.value).where(ServiceSetting.key == VERSION_KEY))
    kept = current_app.extensions.get(_KEPT)
    if kept is None or kept.version != version:
        listed = db.session.scalars(db.select(NeverAName.phrase).order_by(NeverAName.key))
        kept = _Kept(version, tuple(listed))
        current_app.extensions[_KEPT] = kept
    return kept.phrases


def listed() -> list[NeverAName]:
    """The list as the VS admin's page shows it, alphabetically."""
    return db.session.scalars(db.select(NeverAName).order_by(NeverAName.key)).all()


def is_listed(phrase: str) -> bool:
    return db.session.scalar(
        db.select(NeverAName.id).where(NeverAName.key == phrase_key(phrase))) is not None


def add(phrase: str, by: User | None) -> NeverAName:
    """Put a phrase on the list (in the caller's transaction), or raise AlreadyListed."""
    phrase = tidy_phrase(phrase)
    entry = NeverAName(phrase=phrase, key=phrase_key(phrase),
                       added_by_id=by.id if by else None, added_at=utcnow())
    try:
        with db.session.begin_nested():  # the unique key settles two adds at once
            db.session.add(entry)
    except IntegrityError as clash:
        raise AlreadyListed(phrase) from clash
    _new_version(by)
    audit.record("never_a_name_added", entry, actor=by, detail=phrase)
    return entry


def remove(entry: NeverAName, by: User) -> None:
    audit.record("never_a_name_removed", entry, actor=by, detail=entry.phrase)
    db.session.delete(entry)
    _new_version(by)


def _new_version(by: User | None) -> None:
    values = {"value": uuid.uuid4().hex, "updated_at": utcnow(),
              "updated_by_id": by.id if by else None}
    changed = db.session.execute(
        update(ServiceSetting).where(ServiceSetting.key == VERSION_KEY).values(**values))
    if changed.rowcount:
        return
    try:
        with db.session.begin_nested():
            db.session.add(ServiceSetting(key=VERSION_KEY, **values))
    except IntegrityError:  # another process wrote the first version meanwhile
        db.session.execute(
            update(ServiceSetting).where(ServiceSetting.key == VERSION_KEY).values(**values))
