"""Schools and other education settings in the local authority."""

import enum

from sqlalchemy import CheckConstraint, Enum, String
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db


class Phase(enum.StrEnum):
    EARLY_YEARS = "early_years"
    PRIMARY = "primary"
    SECONDARY = "secondary"
    ALL_THROUGH = "all_through"
    SPECIAL = "special"
    ALTERNATIVE_PROVISION = "alternative_provision"
    POST_16 = "post_16"

    @property
    def label(self) -> str:
        return PHASE_LABELS[self]

    @classmethod
    def from_label(cls, text: str) -> "Phase | None":
        """The phase a person typed, by its label or its value, in any case."""
        wanted = " ".join(text.replace("_", " ").replace("-", " ").lower().split())
        for phase in cls:
            if wanted in (phase.label.lower().replace("-", " "), phase.value.replace("_", " ")):
                return phase
        return None


PHASE_LABELS = {
    Phase.EARLY_YEARS: "Early years",
    Phase.PRIMARY: "Primary",
    Phase.SECONDARY: "Secondary",
    Phase.ALL_THROUGH: "All-through",
    Phase.SPECIAL: "Special",
    Phase.ALTERNATIVE_PROVISION: "Alternative provision",
    Phase.POST_16: "Post-16",
}


class School(db.Model):
    __tablename__ = "school"
    __table_args__ = (CheckConstraint("length(urn) = 6", name="urn_six_digits"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    # The Department for Education's unique reference number, six digits.
    urn: Mapped[str] = mapped_column(String(6), unique=True)
    phase: Mapped[Phase] = mapped_column(
        Enum(Phase, name="phase", native_enum=False, length=30, create_constraint=True,
             values_callable=lambda e: [m.value for m in e], validate_strings=True)
    )
    local_authority: Mapped[str] = mapped_column(String(120))

    def __repr__(self) -> str:
        return f"<School {self.urn} {self.name}>"
