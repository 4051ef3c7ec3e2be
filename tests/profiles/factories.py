"""Profile versions and form posts for the One Page Profile tests."""

import io
from datetime import date

from pypdf import PdfReader

from app.extensions import db
from app.models import AuditEvent, ProfileVersion

SECTIONS = {
    "admire": "I am kind and funny, and I am brilliant at drawing dragons.",
    "important": "My dog, football on Saturdays and knowing what happens next.",
    "support": "Tell me what is coming up. I learn best with pictures and short steps.",
    "triggers": "Loud corridors, supply teachers and surprises.",
    "distress_signs": "I go quiet, pull my hood up and tap the table.",
    "calming": "Time in the calm room with my key adult and a drawing pad.",
}


def form_data(based_on=0, **changes) -> dict:
    """What the edit form posts for a complete, good version."""
    data = {**SECTIONS, "completed_by": "SENCO and key adult",
            "completed_with": ["child", "home"], "completed_on": ["2", "3", "2026"],
            "based_on": str(based_on)}
    data.update(changes)
    return data


def make_version(child, by, number=None, **fields) -> ProfileVersion:
    """A saved version, straight into the database (number: the next one if not given)."""
    if number is None:
        number = 1 + (db.session.scalar(db.select(db.func.max(ProfileVersion.version))
                                        .where(ProfileVersion.child_id == child.id)) or 0)
    values = {**SECTIONS, "completed_by": "SENCO", "with_child": True,
              "completed_on": date(2026, 3, 2)}
    values.update(fields)
    version = ProfileVersion(child_id=child.id, version=number, saved_by_id=by.id, **values)
    db.session.add(version)
    db.session.commit()
    return version


def versions_of(child) -> list[ProfileVersion]:
    return db.session.scalars(db.select(ProfileVersion).where(ProfileVersion.child_id == child.id)
                              .order_by(ProfileVersion.version)).all()


def audit_events(action: str) -> list[AuditEvent]:
    return db.session.scalars(db.select(AuditEvent).filter_by(action=action)
                              .order_by(AuditEvent.id)).all()


def read_pdf(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def words(text: str) -> str:
    """Text with its line breaks and runs of spaces made single spaces (PDF lines wrap)."""
    return " ".join(text.split())
