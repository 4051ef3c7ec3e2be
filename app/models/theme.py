"""The controlled list of themes schools bring to the Virtual School, and editable settings."""

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from app.models.types import UTCDateTime, utcnow


class Theme(db.Model):
    __tablename__ = "theme"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    # Retired themes stay on old requests but are no longer offered.
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    def __repr__(self) -> str:
        return f"<Theme {self.name}>"


class ServiceSetting(db.Model):
    """Texts the VS admin edits, such as the signposting for requests outside the duty."""

    __tablename__ = "service_setting"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))


SIGNPOSTING_KEY = "eligibility_signposting"
DEFAULT_SIGNPOSTING = (
    "The Virtual School's duty covers children who have or had a social worker in the past "
    "six years, children in care, previously looked-after children and children in kinship "
    "care. For a child outside these groups, such as a child with special educational needs "
    "only, contact the local authority's SEND team or the Local Offer, your school's link "
    "educational psychologist, or the Early Help team."
)


def get_setting(key: str, default: str) -> str:
    setting = db.session.get(ServiceSetting, key)
    return setting.value if setting is not None else default
