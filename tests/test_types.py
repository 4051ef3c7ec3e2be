"""Times are stored in UTC and always read back aware, in UTC, on every database."""

from datetime import UTC, datetime, timedelta, timezone

import pytest

from app import create_app
from app.extensions import db
from app.models import AuditEvent
from app.models.types import UTCDateTime


def test_a_time_given_in_another_zone_reads_back_as_the_same_instant_in_utc(app):
    paris = timezone(timedelta(hours=1))
    event = AuditEvent(action="test", at=datetime(2026, 11, 24, 10, 30, 15, 250, tzinfo=paris))
    db.session.add(event)
    db.session.commit()
    db.session.expire_all()

    read = db.session.get(AuditEvent, event.id).at
    assert read == datetime(2026, 11, 24, 9, 30, 15, 250, tzinfo=UTC)
    assert read.tzinfo == UTC


def test_a_naive_time_is_refused(app):
    db.session.add(AuditEvent(action="test", at=datetime(2026, 11, 24, 9, 30)))
    with pytest.raises(Exception, match="naive datetime"):
        db.session.flush()
    db.session.rollback()


@pytest.mark.parametrize(("stored", "instant"), [
    ("2026-11-24 09:30:00.000250", datetime(2026, 11, 24, 9, 30, 0, 250, tzinfo=UTC)),
    ("2026-11-24 09:30:00", datetime(2026, 11, 24, 9, 30, tzinfo=UTC)),
    # Text with an offset (not what Convene writes) is still read as the right instant.
    ("2026-11-24 10:30:00.000000+01:00", datetime(2026, 11, 24, 9, 30, tzinfo=UTC)),
])
def test_sqlite_text_is_read_as_an_aware_utc_time(tmp_path, stored, instant):
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'types.db'}",
                      "SECRET_KEY": "test"})
    with app.app_context():
        query = db.text(f"SELECT '{stored}' AS at, NULL AS never").columns(
            at=UTCDateTime(), never=UTCDateTime())
        at, never = db.session.execute(query).one()
        db.engine.dispose()
    assert (at, at.tzinfo, never) == (instant, UTC, None)
