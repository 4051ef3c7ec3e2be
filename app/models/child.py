"""Pseudonymous child records: a reference, initials, year group, cohort. Never a name."""

import enum
import secrets
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from app.models.enums import LabelledEnum, enum_column_type
from app.models.school import School
from app.models.types import UTCDateTime, utcnow

# Crockford's base 32 without I, L, O, U: nothing to misread on a phone call.
_REFERENCE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_child_reference() -> str:
    """Random, not guessable, and derived from nothing about the child."""
    return "C-" + "".join(secrets.choice(_REFERENCE_ALPHABET) for _ in range(6))


class YearGroup(LabelledEnum, enum.StrEnum):
    NURSERY = "nursery"
    RECEPTION = "reception"
    YEAR_1 = "year_1"
    YEAR_2 = "year_2"
    YEAR_3 = "year_3"
    YEAR_4 = "year_4"
    YEAR_5 = "year_5"
    YEAR_6 = "year_6"
    YEAR_7 = "year_7"
    YEAR_8 = "year_8"
    YEAR_9 = "year_9"
    YEAR_10 = "year_10"
    YEAR_11 = "year_11"
    YEAR_12 = "year_12"
    YEAR_13 = "year_13"
    YEAR_14 = "year_14"


YearGroup.LABELS = {"nursery": "Nursery", "reception": "Reception"} | {
    f"year_{n}": f"Year {n}" for n in range(1, 15)
}


class Cohort(LabelledEnum, enum.StrEnum):
    CHILD_IN_NEED = "child_in_need"
    CHILD_PROTECTION = "child_protection"
    PREVIOUSLY_HAD_SOCIAL_WORKER = "previously_had_social_worker"
    CHILD_IN_CARE = "child_in_care"
    PREVIOUSLY_LOOKED_AFTER = "previously_looked_after"
    KINSHIP_CARE = "kinship_care"
    NONE_OF_THESE = "none_of_these"

    @property
    def eligible(self) -> bool:
        """Within the Virtual School's duty (CWSW, CiC, PLAC, kinship care)."""
        return self is not Cohort.NONE_OF_THESE


Cohort.LABELS = {
    "child_in_need": "Child with a social worker: Child in Need plan",
    "child_protection": "Child with a social worker: Child Protection plan",
    "previously_had_social_worker": "Had a social worker in the past six years",
    "child_in_care": "Child in care",
    "previously_looked_after": "Previously looked-after child",
    "kinship_care": "Child in kinship care",
    "none_of_these": "None of these (for example, SEND only)",
}


class SenStatus(LabelledEnum, enum.StrEnum):
    NONE = "none"
    SEN_SUPPORT = "sen_support"
    EHCP = "ehcp"


SenStatus.LABELS = {"none": "No SEN", "sen_support": "SEN support", "ehcp": "EHC plan"}


class ChildRecord(db.Model):
    __tablename__ = "child_record"
    __table_args__ = (
        CheckConstraint("length(initials) BETWEEN 1 AND 3", name="initials_length"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(8), unique=True, default=new_child_reference)
    school_id: Mapped[int] = mapped_column(ForeignKey("school.id"), index=True)
    school: Mapped[School] = relationship()
    initials: Mapped[str] = mapped_column(String(3))
    year_group: Mapped[YearGroup] = mapped_column(enum_column_type(YearGroup, "year_group"))
    cohort: Mapped[Cohort] = mapped_column(enum_column_type(Cohort, "cohort"))
    sen_status: Mapped[SenStatus] = mapped_column(enum_column_type(SenStatus, "sen_status"))
    # Seen only by staff of the child's school: the school's own MIS reference, say.
    school_note: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))

    def __repr__(self) -> str:
        return f"<ChildRecord {self.reference}>"
