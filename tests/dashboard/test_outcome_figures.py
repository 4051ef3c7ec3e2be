"""The dashboard's figures from consultation outcomes and actions, against the hand-counted
outcomes of 2024 to 2025 (tests/dashboard/conftest.py), and the page's fixed number of SQL
statements whatever the data."""

import pytest
from sqlalchemy import event

from app.dashboard.cache import figures_cache
from app.dashboard.suppression import FEWER_THAN_5, TOO_FEW
from app.extensions import db
from app.models import Role
from tests.conftest import make_school
from tests.dashboard.conftest import YEAR
from tests.dashboard.factories import make_consultation, make_requests, utc
from tests.dashboard.reading import as_dict, tables

F5 = FEWER_THAN_5


@pytest.fixture
def admin(sign_in):
    return sign_in(Role.VS_ADMIN)


def figures(client, **args):
    response = client.get("/dashboard", query_string={**YEAR, **args})
    assert response.status_code == 200, response.text
    return tables(response.text)


def test_scaling_before_and_after_a_follow_up(outcomes_2024, admin, client):
    scaling = as_dict(figures(client)["Scaling before and after a follow-up"])
    assert scaling == {
        "Follow-up consultations with a scale before and after": "7",
        "Average scale before (0 to 10)": "3.3",
        "Average scale after (0 to 10)": "5.6",
        "Moved up the scale": "5",
        "Stayed the same": F5,
        "Moved down the scale": F5,
    }


def test_scaling_of_fewer_than_5_pairs_shows_no_averages(outcomes_2024, admin, client):
    # The autumn term 2024 has first outcomes but no follow-up finalised in it.
    scaling = as_dict(figures(client, term="autumn")["Scaling before and after a follow-up"])
    assert scaling["Follow-up consultations with a scale before and after"] == "0"
    assert scaling["Average scale before (0 to 10)"] == TOO_FEW


def test_share_of_consultations_where_the_social_worker_attended(outcomes_2024, admin,
                                                                 client):
    attended = as_dict(figures(client)["Social worker at consultations"])
    assert attended == {
        "Consultations with a finalised outcome": "19",
        "The social worker attended": "7",
        "The social worker did not attend": "12",
        "Share where the social worker attended": "37%",  # 7 of 19
    }


def test_actions_agreed_by_where_they_stand(outcomes_2024, admin, client):
    agreed = as_dict(figures(client)["Actions agreed"])
    assert agreed == {"Completed on time": "6", "Completed late": F5,
                      "Open, not yet due": "5", "Overdue": F5, "Total agreed": "16"}
    summary = client.get("/dashboard", query_string=YEAR).text
    assert "Actions agreed" in summary and "Consultation outcomes finalised" in summary


def test_filters_apply_to_outcomes_and_actions(outcomes_2024, admin, client):
    other = make_school(name="Oak Academy")
    shown = figures(client, school=str(other.id))
    assert as_dict(shown["Actions agreed"])["Total agreed"] == "0"
    assert as_dict(shown["Social worker at consultations"])[
        "Consultations with a finalised outcome"] == "0"
    secondary = figures(client, phase="secondary")
    assert as_dict(secondary["Scaling before and after a follow-up"])[
        "Follow-up consultations with a scale before and after"] == "0"
    in_need = figures(client, cohort="child_in_need", band="ks2")  # the factory's child
    assert as_dict(in_need["Actions agreed"])["Total agreed"] == "16"


def _statements_for(client, path, *, counted_afresh=True):
    if counted_afresh:
        figures_cache().clear()  # not the figures kept from the last look
    statements = []

    def count(_connection, _cursor, statement, *_args):
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        response = client.get(path)
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    assert response.status_code == 200
    # The session store's own reads and writes (web_session, and the write transaction the
    # first page after signing in opens for it) are not the page's.
    return [s for s in statements if "web_session" not in s and s != "BEGIN IMMEDIATE"]


def test_the_page_runs_the_same_few_statements_whatever_the_data(requests_2024, admin, client,
                                                                 outcomes_2024):
    path = "/dashboard?year=2024&phase=primary&cohort=child_in_need&band=ks2"
    small = _statements_for(client, path)

    school = requests_2024.ashford
    theme = requests_2024.themes[0]
    for month in range(1, 9):
        made = make_requests(12, school, utc(2025, month, 3, 12), themes=[theme])
        for request_ in made[:6]:
            make_consultation(request_, utc(2025, month, 20, 12))
    db.session.commit()
    larger = _statements_for(client, path)
    assert len(larger) == len(small) <= 12, larger
    # The user load is one of them; nothing is fetched row by row.
    assert sum("FROM user_account" in s for s in larger) == 1
    # Looked at again within minutes: the figures and the school list kept, only the user
    # loaded (and, for the Virtual School's staff, whether their second factor is set up).
    again = [s for s in _statements_for(client, path, counted_afresh=False) if s != "BEGIN"]
    assert len(again) == 2 and "FROM user_account" in again[0], again
    assert "FROM two_factor_credential" in again[1], again
