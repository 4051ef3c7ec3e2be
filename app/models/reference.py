"""Sequential references per year (AR-2026-0042), unique when many people submit at once."""

from sqlalchemy import Integer, String, insert, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db


class ReferenceCounter(db.Model):
    __tablename__ = "reference_counter"

    prefix: Mapped[str] = mapped_column(String(10), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last: Mapped[int] = mapped_column(Integer, default=0)


def next_reference(prefix: str, year: int) -> str:
    """The next number, taken by one atomic UPDATE ... RETURNING inside the caller's
    transaction: two submissions can never read the same value, and a rolled-back
    submission gives its number back."""
    number = _increment(prefix, year)
    if number is None:
        try:
            with db.session.begin_nested():
                db.session.execute(insert(ReferenceCounter).values(prefix=prefix, year=year,
                                                                   last=0))
        except IntegrityError:
            pass  # another submission created this year's counter first
        number = _increment(prefix, year)
    return f"{prefix}-{year}-{number:04d}"


def _increment(prefix: str, year: int) -> int | None:
    stmt = (
        update(ReferenceCounter)
        .where(ReferenceCounter.prefix == prefix, ReferenceCounter.year == year)
        .values(last=ReferenceCounter.last + 1)
        .returning(ReferenceCounter.last)
    )
    return db.session.execute(stmt).scalar_one_or_none()
