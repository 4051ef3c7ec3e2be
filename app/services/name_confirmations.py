"""Confirmations that a phrase the guard took for a name is not a person's name: saved with
the record they were made on and audited, read back for the record's pages, and counted
again when the same field of the same record is edited."""

import re
from typing import NamedTuple

from flask import g
from flask_login import current_user
from wtforms import FieldList, FormField

from app.extensions import db
from app.models import NameConfirmation, User
from app.models.name_check import phrase_key
from app.services import audit

_ROW = re.compile(r"-(\d+)-[^-]+$")  # "actions-1-what": the second action's "what"


class Shown(NamedTuple):
    """A confirmation as a record's page lists it."""

    phrase: str
    field_label: str
    confirmed_by: str
    confirmed_at: object  # a UTC datetime


def save_confirmations(form, record, *, by: User | None = None) -> list[NameConfirmation]:
    """Save, with `record` and in the caller's transaction, the phrases the user confirmed
    were not names on the form's fields (app.validators.NoIdentifiers notes them as it
    checks), each once per field, and write each to the audit log."""
    ticked = [(field, phrase) for field in _fields(form)
              for phrase in getattr(getattr(field, "name_check", None), "confirmed", ())]
    if not ticked:
        return []
    by = by or current_user
    if record.id is None:
        db.session.flush()
    record_type, record_id = _names(record)
    saved = {(field, phrase_key(phrase)) for field, phrase in db.session.execute(
        db.select(NameConfirmation.field, NameConfirmation.phrase)
        .where(NameConfirmation.record_type == record_type,
               NameConfirmation.record_id == record_id))}
    added = []
    for field, phrase in ticked:
        if (field.name, phrase_key(phrase)) in saved:
            continue
        saved.add((field.name, phrase_key(phrase)))
        label = field_label(field)
        confirmation = NameConfirmation(record_type=record_type, record_id=record_id,
                                        field=field.name[:120], field_label=label[:200],
                                        phrase=phrase, confirmed_by_id=by.id)
        db.session.add(confirmation)
        audit.record("name_not_a_name", record, actor=by, detail=f"{label}: {phrase}")
        added.append(confirmation)
    return added


def accept_saved(record) -> None:
    """Before a form editing `record` is checked: the phrases confirmed on its fields before
    count as confirmed again, field by field (app.validators reads them from g, which lives
    for this request alone)."""
    g.saved_not_names = confirmed_by_field(record) if record is not None else {}


def confirmed_by_field(record) -> dict[str, list[str]]:
    """The phrases confirmed not to be names on each field of a record."""
    record_type, record_id = _names(record)
    phrases: dict[str, list[str]] = {}
    for field, phrase in db.session.execute(
            db.select(NameConfirmation.field, NameConfirmation.phrase)
            .where(NameConfirmation.record_type == record_type,
                   NameConfirmation.record_id == record_id)):
        phrases.setdefault(field, []).append(phrase)
    return phrases


def shown_for(record, fields: tuple[str, ...] | None = None) -> list[Shown]:
    """A record's confirmations (on some of its fields only, if given), oldest first."""
    record_type, record_id = _names(record)
    stmt = (db.select(NameConfirmation.phrase, NameConfirmation.field_label, User.name,
                      NameConfirmation.confirmed_at)
            .join(User, User.id == NameConfirmation.confirmed_by_id)
            .where(NameConfirmation.record_type == record_type,
                   NameConfirmation.record_id == record_id)
            .order_by(NameConfirmation.confirmed_at, NameConfirmation.id))
    if fields is not None:
        stmt = stmt.where(NameConfirmation.field.in_(fields))
    return [Shown(*row) for row in db.session.execute(stmt)]


def field_label(field) -> str:
    """The field's label as people read it; a row's field says which row."""
    label = field.label.text
    row = _ROW.search(field.name)
    return f"{label} (row {int(row[1]) + 1})" if row else label


def _names(record) -> tuple[str, str]:
    """The record as the audit log names it."""
    return type(record).__name__, str(record.id)


def _fields(container):
    """Every field of a form, the fields of its rows included."""
    for field in container:
        if isinstance(field, FieldList | FormField):
            yield from _fields(field)
        else:
            yield field
