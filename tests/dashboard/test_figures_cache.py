"""The dashboard's figures are counted once for each set of filters every few minutes, and the
page says when; a fresh app (each test's) keeps none."""

from datetime import timedelta

import pytest

from app.extensions import db
from app.models import Phase, Role
from tests.conftest import make_school
from tests.dashboard.conftest import YEAR
from tests.dashboard.factories import make_requests, utc
from tests.dashboard.reading import as_dict, tables

T = utc(2025, 3, 10, 14, 5)


@pytest.fixture
def clock(monkeypatch):
    """The time the dashboard reads: `clock.now`, moved by the test."""

    class Clock:
        now = T

    monkeypatch.setattr("app.dashboard.cache.utcnow", lambda: Clock.now)
    return Clock


def requests_sent(client, **args):
    response = client.get("/dashboard", query_string={**YEAR, **args})
    assert response.status_code == 200, response.text
    return as_dict(tables(response.text)["Requests by cohort"])["Total"], response.text


def add_requests(school, count=5):
    make_requests(count, school, utc(2024, 10, 10, 12))
    db.session.commit()


def test_the_page_says_when_its_figures_were_counted(requests_2024, sign_in, client, clock):
    sign_in(Role.VS_ADMIN)
    _total, page = requests_sent(client)
    assert "Figures as at 10 March 2025, 2:05pm." in page


def test_figures_are_kept_for_a_few_minutes_then_counted_again(requests_2024, sign_in, client,
                                                               clock):
    sign_in(Role.VS_ADMIN)
    assert requests_sent(client)[0] == "17"
    add_requests(requests_2024.ashford)

    clock.now = T + timedelta(minutes=4)
    total, page = requests_sent(client)
    assert total == "17"
    assert "Figures as at 10 March 2025, 2:05pm." in page

    clock.now = T + timedelta(minutes=5)
    total, page = requests_sent(client)
    assert total == "22"
    assert "Figures as at 10 March 2025, 2:10pm." in page


def test_each_set_of_filters_is_counted_on_its_own(requests_2024, sign_in, client, clock):
    sign_in(Role.VS_ADVISOR)
    assert requests_sent(client)[0] == "17"
    assert requests_sent(client, phase="primary")[0] == "8"
    add_requests(requests_2024.ashford)
    clock.now = T + timedelta(minutes=1)

    # Filters not seen before are counted now; those seen keep their figures.
    assert requests_sent(client, phase="primary", cohort="")[0] == "8"  # the same filters
    assert requests_sent(client, school=str(requests_2024.ashford.id))[0] == "13"
    assert requests_sent(client, term="autumn")[0] == "13"
    assert requests_sent(client)[0] == "17"


def test_no_figures_are_kept_when_the_setting_is_0(app, requests_2024, sign_in, client, clock):
    app.config["DASHBOARD_CACHE_SECONDS"] = 0
    sign_in(Role.VS_ADMIN)
    assert requests_sent(client)[0] == "17"
    add_requests(requests_2024.ashford)
    assert requests_sent(client)[0] == "22"


def never_asked(client, path="/dashboard"):
    response = client.get(path, query_string=YEAR)
    assert response.status_code == 200, response.text
    return response.text


def test_the_school_list_is_kept_with_the_figures(requests_2024, sign_in, client, clock):
    # The 600-school list (the school filter, and "schools that have not sent a request") is
    # one of the figures: kept as long as they are, then read again.
    sign_in(Role.VS_ADMIN)
    assert "Elm Junior" not in never_asked(client)
    make_school(name="Elm Junior", phase=Phase.PRIMARY)
    db.session.commit()

    clock.now = T + timedelta(minutes=4)
    assert "Elm Junior" not in never_asked(client)

    clock.now = T + timedelta(minutes=5)
    page = never_asked(client)
    assert page.count("Elm Junior") == 2  # in the school filter, and among those never asked


def test_an_export_reads_the_school_list_afresh(requests_2024, sign_in, client, clock):
    sign_in(Role.VS_ADMIN)
    never_asked(client)
    make_school(name="Elm Junior", phase=Phase.PRIMARY)
    db.session.commit()
    export = never_asked(client, "/dashboard/export/schools-without-requests.csv")
    assert "Elm Junior" in export
