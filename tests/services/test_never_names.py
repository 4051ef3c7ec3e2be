"""The guard's copy of the never-names list: read once, and read again whenever the list is
saved, by this process or by any other."""

from sqlalchemy import event

from app import create_app
from app.extensions import db
from app.models import NeverAName, User
from app.services import never_names
from tests.conftest import make_user


def _statements():
    """The SQL statements run on the app's engine from now on, as a list that fills up."""
    seen = []
    event.listen(db.engine, "before_cursor_execute", lambda *args: seen.append(args[2]))
    return seen


def test_the_list_is_read_once_and_then_only_its_version(app):
    never_names.add("Read Write Inc", by=None)
    db.session.commit()
    assert never_names.phrases() == ("Read Write Inc",)
    seen = _statements()
    assert never_names.phrases() == ("Read Write Inc",)
    assert len(seen) == 1 and "service_setting" in seen[0]


def test_a_change_saved_by_another_process_is_seen_on_the_next_check(app, app_config):
    never_names.add("Read Write Inc", by=None)
    db.session.commit()
    assert never_names.phrases() == ("Read Write Inc",)

    admin_id = make_user().id
    other = create_app(app_config)  # another worker: its own app, its own copy of the list
    try:
        with other.app_context():
            assert never_names.phrases() == ("Read Write Inc",)
            never_names.add("Lego Therapy", by=db.session.get(User, admin_id))
            db.session.commit()
        db.session.rollback()  # this process's next request starts a new transaction
        assert never_names.phrases() == ("Lego Therapy", "Read Write Inc")

        with other.app_context():
            entry = db.session.scalars(db.select(NeverAName).filter_by(phrase="Lego Therapy")).one()
            never_names.remove(entry, by=db.session.get(User, admin_id))
            db.session.commit()
        db.session.rollback()
        assert never_names.phrases() == ("Read Write Inc",)
    finally:
        with other.app_context():
            db.session.remove()
            for engine in db.engines.values():
                engine.dispose()


def test_a_change_rolled_back_changes_nothing(app):
    never_names.add("Read Write Inc", by=None)
    db.session.commit()
    assert never_names.phrases() == ("Read Write Inc",)
    never_names.add("Lego Therapy", by=None)
    db.session.rollback()
    assert never_names.phrases() == ("Read Write Inc",)
