"""The dashboard's hand-computed fixtures."""

from datetime import date
from types import SimpleNamespace

import pytest

from app.extensions import db
from app.models import (
    BookingStatus,
    Cohort,
    Indicator,
    NextStep,
    Phase,
    RequestStatus,
    YearGroup,
)
from tests.conftest import make_school, make_theme
from tests.dashboard.factories import (
    followed_up,
    make_action,
    make_child_record,
    make_consultation,
    make_outcome,
    make_requests,
    make_sent_request,
    utc,
)

# The academic year 2024 to 2025: /dashboard?year=2024
YEAR = {"year": "2024"}


@pytest.fixture
def requests_2024(app):
    """Requests in the academic year 2024 to 2025, counted by hand:

    - 8 from Ashford Primary (child in need, year 3; theme Attendance; indicator attendance),
      sent 10 October 2024 (autumn term);
    - 6 from Brook Academy, secondary (child in care, year 8; Attendance and Anxiety;
      attendance and wellbeing), sent 5 February 2025 (spring);
    - 3 from Brook Academy (kinship care, year 10; Transitions; behaviour), sent 20 May 2025
      (summer);
    and around them, not in the year: 2 drafts at Cedar Primary (never count), 2 sent on
    20 August 2024 (summer term 2024) and 1 on 15 November 2023 (autumn term 2023), which
    only the term-by-term trend shows. Dale Special School has never sent a request.

    Consultations (bookings whose slot started in the year): 8 for Ashford's requests and
    one for Brook's, waiting 22, 26, 31, 41, 46, 52, 92 and 30 days; one cancelled booking.
    """
    ashford = make_school(name="Ashford Primary", phase=Phase.PRIMARY)
    brook = make_school(name="Brook Academy", phase=Phase.SECONDARY)
    cedar = make_school(name="Cedar Primary", phase=Phase.PRIMARY)
    dale = make_school(name="Dale Special School", phase=Phase.SPECIAL)
    attendance, anxiety = make_theme("Attendance"), make_theme("Anxiety")
    transitions = make_theme("Transitions")
    make_theme("Belonging", active=False)  # retired and never raised: not shown

    g1 = make_requests(8, ashford, utc(2024, 10, 10, 12), themes=[attendance],
                       indicators=[Indicator.ATTENDANCE], cohort=Cohort.CHILD_IN_NEED,
                       year_group=YearGroup.YEAR_3)
    g2 = make_requests(6, brook, utc(2025, 2, 5, 12), themes=[attendance, anxiety],
                       indicators=[Indicator.ATTENDANCE, Indicator.WELLBEING],
                       cohort=Cohort.CHILD_IN_CARE, year_group=YearGroup.YEAR_8)
    make_requests(3, brook, utc(2025, 5, 20, 12), themes=[transitions],
                  indicators=[Indicator.BEHAVIOUR], cohort=Cohort.KINSHIP_CARE,
                  year_group=YearGroup.YEAR_10)
    make_requests(2, cedar, None, themes=[attendance], status=RequestStatus.DRAFT)
    make_requests(2, ashford, utc(2024, 8, 20, 12), themes=[attendance])
    make_sent_request(ashford, utc(2023, 11, 15, 12), themes=[anxiety])

    for request_, day in zip(g1, [(2024, 11, 1), (2024, 11, 5), (2024, 11, 10), (2024, 11, 20),
                                  (2024, 11, 25), (2024, 12, 1), (2025, 1, 10)], strict=False):
        make_consultation(request_, utc(*day, 12))
    make_consultation(g2[0], utc(2025, 3, 7, 12))
    make_consultation(g2[1], utc(2025, 3, 9, 12), status=BookingStatus.CANCELLED)
    db.session.commit()
    return SimpleNamespace(ashford=ashford, brook=brook, cedar=cedar, dale=dale,
                           themes=(attendance, anxiety, transitions))


@pytest.fixture
def outcomes_2024(app):
    """Finalised outcomes and actions in the academic year 2024 to 2025, counted by hand.

    Seven children had a consultation finalised on 15 October 2024 with a follow-up as its
    next step (the social worker attended each), and the follow-up finalised on 20 January
    2025 (the social worker did not attend): scales 2->5, 3->6, 4->4, 5->7, 6->3, 2->8, 1->6.
    Averages 23/7 = 3.3 before and 39/7 = 5.6 after; 5 moved up, 1 stayed, 1 moved down.

    Not pairs: the first child's follow-up had a follow-up itself, finalised in October 2025,
    after the year; a follow-up whose next outcome is still a draft; a "close" followed by
    another consultation; a pair finalised before the year; a follow-up with no scale.
    Finalised in the year: 14 + 1 + 2 + 2 = 19 outcomes, the social worker at 7.

    Actions agreed in the year: 6 done on time, 2 done late, 5 open (due in 2099) and 3
    overdue; one more agreed in August 2024.
    """

    school = make_school(name="Elm Primary", phase=Phase.PRIMARY)
    pairs = [followed_up(school, before, after, utc(2024, 10, 15, 12), utc(2025, 1, 20, 12))
             for before, after in ((2, 5), (3, 6), (4, 4), (5, 7), (6, 3), (2, 8), (1, 6))]
    for first, _second in pairs:
        first.social_worker_attended = True

    def consultation_of(child, finalised_at, **fields):
        request_ = make_sent_request(school, utc(2024, 6, 1, 12), child=child)
        return make_outcome(make_consultation(request_, utc(2024, 6, 20, 12)), finalised_at,
                            **fields)

    first_child_second = pairs[0][1]
    first_child_second.next_step = NextStep.FOLLOW_UP
    consultation_of(first_child_second.booking.request.child, utc(2025, 10, 1, 12), scale=9)

    waiting = make_child_record(school)
    consultation_of(waiting, utc(2024, 11, 1, 12), scale=3, next_step=NextStep.FOLLOW_UP)
    consultation_of(waiting, None, scale=6)
    closed = make_child_record(school)
    consultation_of(closed, utc(2024, 11, 1, 12), scale=2, next_step=NextStep.CLOSE)
    consultation_of(closed, utc(2025, 2, 1, 12), scale=7)
    earlier = make_child_record(school)
    consultation_of(earlier, utc(2024, 3, 1, 12), scale=2, next_step=NextStep.FOLLOW_UP)
    consultation_of(earlier, utc(2024, 6, 1, 12), scale=9)
    unscaled = make_child_record(school)
    consultation_of(unscaled, utc(2024, 12, 1, 12), scale=None, next_step=NextStep.FOLLOW_UP)
    consultation_of(unscaled, utc(2025, 2, 1, 12), scale=5)

    outcome = pairs[0][0]
    agreed = utc(2024, 10, 16, 12)
    for _ in range(6):
        make_action(outcome, agreed, date(2024, 11, 30), done_on=date(2024, 11, 20))
    for _ in range(2):
        make_action(outcome, agreed, date(2024, 11, 30), done_on=date(2024, 12, 10))
    for _ in range(5):
        make_action(outcome, agreed, date(2099, 12, 31))
    for _ in range(3):
        make_action(outcome, agreed, date(2025, 3, 1))
    make_action(outcome, utc(2024, 8, 1, 12), date(2024, 9, 1))
    db.session.commit()
    return SimpleNamespace(school=school, pairs=pairs)
