"""People who sign in to Convene, and the role each has."""

import enum
from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import Boolean, CheckConstraint, Enum, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from app.extensions import db
from app.models.school import School
from app.models.types import UTCDateTime, utcnow


class Role(enum.StrEnum):
    VS_ADMIN = "vs_admin"
    VS_ADVISOR = "vs_advisor"
    EDUCATIONAL_PSYCHOLOGIST = "educational_psychologist"
    SCHOOL_STAFF = "school_staff"
    SOCIAL_WORKER = "social_worker"

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


ROLE_LABELS = {
    Role.VS_ADMIN: "Virtual School admin",
    Role.VS_ADVISOR: "Virtual School advisor",
    Role.EDUCATIONAL_PSYCHOLOGIST: "Educational psychologist",
    Role.SCHOOL_STAFF: "School staff",
    Role.SOCIAL_WORKER: "Social worker",
}

VIRTUAL_SCHOOL_ROLES = (Role.VS_ADMIN, Role.VS_ADVISOR)


class User(UserMixin, db.Model):
    __tablename__ = "user_account"
    __table_args__ = (
        # Stored lower-case so that uniqueness is case-insensitive on every backend.
        CheckConstraint("email = lower(email)", name="email_lower_case"),
        CheckConstraint(
            "(role = 'school_staff') = (school_id IS NOT NULL)",
            name="school_staff_have_a_school",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    role: Mapped[Role] = mapped_column(
        Enum(Role, name="role", native_enum=False, length=30, create_constraint=True,
             values_callable=lambda e: [m.value for m in e], validate_strings=True)
    )
    job_title: Mapped[str | None] = mapped_column(String(120))
    school_id: Mapped[int | None] = mapped_column(ForeignKey("school.id"), index=True)
    school: Mapped[School | None] = relationship()
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # None until the person sets a password from their link.
    password_hash: Mapped[str | None] = mapped_column(String(255))
    last_signed_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # Raised on password reset or deactivation: every session signed in before ends.
    session_version: Mapped[int] = mapped_column(Integer, default=1)

    @validates("email")
    def _normalise_email(self, _key, value: str) -> str:
        return normalise_email(value)

    @property
    def is_active(self) -> bool:
        return self.active

    def get_id(self) -> str:
        return f"{self.id}:{self.session_version}"

    def has_role(self, *roles: Role) -> bool:
        return self.role in roles

    @property
    def is_virtual_school(self) -> bool:
        return self.role in VIRTUAL_SCHOOL_ROLES

    def __repr__(self) -> str:
        return f"<User {self.email} {self.role}>"


def normalise_email(value: str) -> str:
    return value.strip().lower()
