"""Advice request references: AR-YYYY-NNNN, one sequence per year, with no gaps and no
duplicates even when many schools send requests at the same moment."""

import threading
from datetime import UTC, datetime

import pytest
from flask import g

from app.extensions import db
from app.models import AdviceRequest, Role, User
from app.models.types import utcnow
from app.services import request_workflow as workflow
from tests.conftest import make_child, make_request, make_school, make_theme, make_user

THREADS = 8
EACH = 5


@pytest.fixture
def drafts(app):
    """make(n): n complete drafts from one school, and the member of staff who sends them."""
    school = make_school()
    staff = make_user(Role.SCHOOL_STAFF, school=school)
    child = make_child(school)
    theme = make_theme()

    def make(count: int) -> tuple[User, list[AdviceRequest]]:
        return staff, [make_request(child, sent=False, by=staff, themes=[theme])
                       for _ in range(count)]

    return make


def send(request_, by, now):
    workflow.submit(request_, by=by, now=now)
    db.session.commit()
    return request_.reference


def test_references_run_in_sequence_within_a_year(drafts):
    staff, three = drafts(3)
    march = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
    assert [send(r, staff, march) for r in three] == [
        "AR-2026-0001", "AR-2026-0002", "AR-2026-0003"]


def test_a_new_year_starts_again_at_0001(drafts):
    staff, (a, b, c, d) = drafts(4)
    assert send(a, staff, datetime(2026, 12, 31, 23, 59, tzinfo=UTC)) == "AR-2026-0001"
    assert send(b, staff, datetime(2026, 12, 31, 23, 59, 59, tzinfo=UTC)) == "AR-2026-0002"
    assert send(c, staff, datetime(2027, 1, 1, 0, 0, 1, tzinfo=UTC)) == "AR-2027-0001"
    assert send(d, staff, datetime(2027, 1, 1, 9, 0, tzinfo=UTC)) == "AR-2027-0002"


def test_a_submission_rolled_back_gives_its_number_back(drafts):
    staff, (a, b) = drafts(2)
    now = datetime(2026, 5, 5, 12, 0, tzinfo=UTC)
    workflow.submit(a, by=staff, now=now)
    assert a.reference == "AR-2026-0001"
    db.session.rollback()
    assert send(b, staff, now) == "AR-2026-0001"


def test_a_request_not_ready_to_send_takes_no_number(drafts):
    staff, (incomplete, complete) = drafts(2)
    incomplete.question = ""
    now = datetime(2026, 5, 5, 12, 0, tzinfo=UTC)
    with pytest.raises(workflow.NotReady):
        workflow.submit(incomplete, by=staff, now=now)
    db.session.rollback()
    assert send(complete, staff, now) == "AR-2026-0001"


def test_simultaneous_submissions_get_unique_consecutive_references(app, drafts):
    staff, many = drafts(THREADS * EACH)
    staff_id = staff.id
    ids = [r.id for r in many]
    batches = [ids[n::THREADS] for n in range(THREADS)]
    start = threading.Barrier(THREADS)
    errors = []

    def send_batch(batch):
        try:
            # Each thread is its own worker: its own app context, session and connection.
            with app.app_context():
                g.writes = True  # take the write lock at BEGIN, as a POST request does
                by = db.session.get(User, staff_id)
                db.session.commit()
                start.wait(timeout=30)
                for request_id in batch:
                    workflow.submit(db.session.get(AdviceRequest, request_id), by=by)
                    db.session.commit()
        except Exception as error:  # noqa: BLE001 (reported below, with the thread's batch)
            errors.append(f"{batch}: {error!r}")

    threads = [threading.Thread(target=send_batch, args=(batch,)) for batch in batches]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert not any(thread.is_alive() for thread in threads)
    assert errors == []
    db.session.rollback()
    references = db.session.scalars(
        db.select(AdviceRequest.reference).where(AdviceRequest.id.in_(ids))).all()
    year = utcnow().astimezone(workflow.LONDON).year
    assert all(ref.startswith(f"AR-{year}-") for ref in references)
    numbers = sorted(int(ref.rsplit("-", 1)[1]) for ref in references)
    assert numbers == list(range(1, THREADS * EACH + 1))
