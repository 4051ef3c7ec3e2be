"""The themes dashboard: each figure against the hand-counted requests of 2024 to 2025
(tests/dashboard/conftest.py), the filters, htmx, suppression and who may see it."""

import re
from datetime import date

import pytest

from app.dashboard import filters as dashboard_filters
from app.dashboard.suppression import FEWER_THAN_5, TOO_FEW, WITHHELD
from app.models import Role
from tests.dashboard.conftest import YEAR
from tests.dashboard.reading import as_dict, small_counts, tables

F5, W = FEWER_THAN_5, WITHHELD


def dashboard(client, **args):
    response = client.get("/dashboard", query_string={**YEAR, **args})
    assert response.status_code == 200, response.text
    return tables(response.text)


@pytest.fixture
def admin(sign_in):
    return sign_in(Role.VS_ADMIN)


def test_requests_by_theme_indicator_cohort_year_group_and_phase(requests_2024, admin, client):
    shown = dashboard(client)
    assert as_dict(shown["Requests by theme"]) == {
        "Anxiety": W, "Attendance": "14", "Transitions": F5, "Requests sent": "17"}
    assert as_dict(shown["Requests by key educational indicator"]) == {
        "Health and emotional wellbeing": W, "Attendance": "14",
        "Attainment and progress": "0", "Behaviour": F5, "Engagement": "0",
        "Requests sent": "17"}
    cohorts = as_dict(shown["Requests by cohort"])
    assert cohorts["Child with a social worker: Child in Need plan"] == "8"
    assert cohorts["Child in care"] == W  # 6, withheld: else 17 - 8 - 6 gives the 3 away
    assert cohorts["Child in kinship care"] == F5
    assert cohorts["Child with a social worker: Child Protection plan"] == "0"
    assert cohorts["Total"] == "17"
    years = as_dict(shown["Requests by year group"])
    assert (years["Year 3"], years["Year 8"], years["Year 10"], years["Year 1"]) == (
        "8", W, F5, "0")
    phases = as_dict(shown["Requests by school phase"])
    assert (phases["Primary"], phases["Secondary"], phases["Special"], phases["Total"]) == (
        "8", "9", "0", "17")


def test_drafts_and_requests_outside_the_period_never_count(requests_2024, admin, client):
    shown = dashboard(client)
    # 17: not the 2 drafts, nor the 3 sent before September 2024.
    assert as_dict(shown["Requests by cohort"])["Total"] == "17"
    summary = client.get("/dashboard", query_string=YEAR).text
    assert re.search(r"Requests sent\s*</dt>\s*<dd[^>]*>\s*17\s*</dd>", summary)


def test_each_themes_share_term_by_term_over_three_years(requests_2024, admin, client):
    trend = dashboard(client)["Share of each term's requests raising each theme"]
    assert trend[0] == ["Theme", "Autumn term 2022", "Spring term 2023", "Summer term 2023",
                        "Autumn term 2023", "Spring term 2024", "Summer term 2024",
                        "Autumn term 2024", "Spring term 2025", "Summer term 2025"]
    rows = {row[0]: row[1:] for row in trend[1:]}
    # Requests sent each term: 1 in autumn 2023 and 2 in summer 2024 (before the year),
    # then 8, 6 and 3. The 6 is withheld, or February's could be worked out from it.
    assert rows["Requests sent"] == ["0", "0", "0", F5, "0", F5, "8", W, F5]
    assert rows["Anxiety"][6:] == ["0%", W, TOO_FEW]
    assert rows["Transitions"][6:] == ["0%", W, TOO_FEW]
    # 8 of 8 in the autumn: withheld with its neighbour, or the theme's 14 would give away
    # the 2 of summer 2024 through the spring's share.
    assert rows["Attendance"][6:] == [W, W, TOO_FEW]
    assert set(rows["Attendance"][:6]) == {TOO_FEW}


def test_a_term_is_shown_after_the_terms_before_it(requests_2024, admin, client):
    trend = dashboard(client, term="spring")["Share of each term's requests raising each theme"]
    assert trend[0][1] == "Autumn term 2022" and trend[0][-1] == "Spring term 2025"
    assert len(trend[0]) == 1 + 8


def test_requests_and_consultations_month_by_month(requests_2024, admin, client):
    months = dashboard(client)["Requests and consultations by month"]
    assert months[0] == ["Month", "Requests sent", "Consultations held"]
    by_month = {row[0]: row[1:] for row in months[1:]}
    assert list(by_month)[:3] == ["September 2024", "October 2024", "November 2024"]
    assert by_month["October 2024"] == ["8", "0"]
    # 5 consultations in November; 1 each in December, January and March (and the
    # cancelled booking in March does not count).
    assert by_month["November 2024"] == ["0", "5"]
    assert by_month["December 2024"] == ["0", F5]
    assert by_month["March 2025"] == ["0", F5]
    assert by_month["February 2025"] == [W, "0"]
    assert by_month["May 2025"] == [F5, "0"]
    assert by_month["Total"] == ["17", "8"]
    assert len(by_month) == 12 + 1


def test_time_from_request_to_consultation(requests_2024, admin, client):
    waits = as_dict(dashboard(client)["Time from request to consultation"])
    # 22, 26, 30, 31, 41, 46, 52, 92 days: the median is (31 + 41) / 2, the 90th percentile
    # (the nearest rank: the 8th of 8) 92.
    assert waits == {"Consultations held": "8",
                     "Median time from request to consultation": "36 days",
                     "90th percentile: 9 in 10 consultations were held within": "92 days"}


def test_waiting_times_of_fewer_than_5_consultations_are_not_shown(requests_2024, admin,
                                                                    client):
    waits = as_dict(dashboard(client, school=str(requests_2024.brook.id))[
        "Time from request to consultation"])
    assert waits["Consultations held"] == F5
    assert waits["Median time from request to consultation"] == TOO_FEW


def test_schools_that_have_never_sent_a_request(requests_2024, admin, client):
    schools = dashboard(client)["Schools that have not sent a request"]
    # Cedar Primary has only drafts; Dale has nothing.
    assert [row[0] for row in schools[1:]] == ["Cedar Primary", "Dale Special School"]
    special = dashboard(client, phase="special")["Schools that have not sent a request"]
    assert [row[0] for row in special[1:]] == ["Dale Special School"]


def test_filters_narrow_every_figure(requests_2024, admin, client):
    primary = dashboard(client, phase="primary")
    # Attendance's 8 is withheld: term by term it sits beside the hidden 2 of summer 2024,
    # so it is withheld there, and here too, as the period's terms add up to it.
    assert as_dict(primary["Requests by theme"]) == {
        "Anxiety": "0", "Attendance": W, "Transitions": "0", "Requests sent": "8"}
    assert as_dict(primary["Requests by cohort"])["Total"] == "8"
    assert as_dict(primary["Requests by school phase"]) == {"Primary": "8", "Total": "8"}
    assert as_dict(primary["Time from request to consultation"])["Consultations held"] == "7"

    in_care = dashboard(client, cohort="child_in_care")
    assert as_dict(in_care["Requests by cohort"]) == {"Child in care": "6", "Total": "6"}
    assert as_dict(in_care["Requests by theme"])["Anxiety"] == "6"

    key_stage_3 = dashboard(client, band="ks3")
    assert as_dict(key_stage_3["Requests by year group"]) == {
        "Year 7": "0", "Year 8": "6", "Year 9": "0", "Total": "6"}

    brook = dashboard(client, school=str(requests_2024.brook.id))
    assert as_dict(brook["Requests by cohort"])["Total"] == "9"
    assert as_dict(brook["Requests by cohort"])["Child in care"] == W


def test_custom_dates_choose_the_period(requests_2024, admin, client):
    response = client.get("/dashboard", query_string={
        "from_date": ["1", "10", "2024"], "to_date": ["28", "2", "2025"]})
    assert response.status_code == 200
    assert "1 October 2024 to 28 February 2025" in response.text
    shown = tables(response.text)
    assert as_dict(shown["Requests by theme"])["Requests sent"] == "14"
    trend = shown["Share of each term's requests raising each theme"]
    assert trend[0][1:] == ["Autumn term 2024", "Spring term 2025"]
    assert ("/exports/requests.csv?from_date=1&amp;from_date=10&amp;from_date=2024"
            "&amp;to_date=28&amp;to_date=2&amp;to_date=2025") in response.text
    months = [row[0] for row in shown["Requests and consultations by month"][1:]]
    assert months == ["October 2024", "November 2024", "December 2024", "January 2025",
                      "February 2025", "Total"]


@pytest.mark.parametrize(("dates", "message"), [
    ({"from_date": ["31", "2", "2025"], "to_date": ["1", "3", "2025"]}, "Enter a real date"),
    ({"from_date": ["1", "3", "2025"]}, "Enter the last day of the period"),
    ({"from_date": ["1", "3", "2025"], "to_date": ["1", "2", "2025"]},
     "The last day must be the same as or after the first day"),
    ({"from_date": ["1", "3", "2000"], "to_date": ["1", "2", "2025"]},
     "no more than 6 years apart"),
])
def test_wrong_dates_are_refused_with_the_typing_kept(admin, client, dates, message):
    response = client.get("/dashboard", query_string=dates)
    assert response.status_code == 400
    assert "govuk-error-summary" in response.text and message in response.text
    assert response.text.startswith("<!DOCTYPE html>") or "<title>Error:" in response.text
    assert 'value="1"' in response.text and 'value="3"' in response.text
    assert "Requests by theme" not in response.text


def test_wrong_dates_from_htmx_load_the_whole_page_to_show_the_errors(admin, client):
    query = {"from_date": ["31", "2", "2025"], "to_date": ["1", "3", "2025"]}
    response = client.get("/dashboard", query_string=query, headers={"HX-Request": "true"})
    assert response.status_code == 400
    assert response.headers["HX-Redirect"].startswith("/dashboard?from_date=31")


def test_the_default_period_is_the_current_academic_year(admin, client, monkeypatch):
    monkeypatch.setattr(dashboard_filters, "london_now",
                        lambda: dashboard_filters.moment(date(2026, 3, 14)))
    response = client.get("/dashboard")
    assert response.status_code == 200
    assert "Academic year 2025 to 2026" in response.text
    assert "1 September 2025 to 31 August 2026" in response.text
    assert 'option value="2025" selected' in response.text


def test_htmx_gets_only_the_figures(requests_2024, admin, client):
    response = client.get("/dashboard", query_string={**YEAR, "phase": "primary"},
                          headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "HX-Request" in response.headers["Vary"]
    assert "<html" not in response.text and "<form" not in response.text
    assert "data-focus-after-swap" in response.text
    assert as_dict(tables(response.text)["Requests by theme"])["Requests sent"] == "8"


def test_the_filters_are_a_plain_get_form_that_htmx_enhances(admin, client):
    page = client.get("/dashboard").text
    form = page[page.index("<form method=\"get\" action=\"/dashboard\""):]
    form = form[:form.index("</form>")]
    assert 'hx-get="/dashboard"' in form and 'hx-push-url="true"' in form
    assert 'hx-target="#dashboard-results"' in form
    for name in ("year", "term", "from_date", "to_date", "phase", "cohort", "band", "school"):
        assert f'name="{name}"' in form
    for legend in ("Period", "Filters", "From", "To (the last day of the period)"):
        assert re.search(rf"<legend[^>]*>\s*{re.escape(legend)}\s*</legend>", form)


def test_no_count_from_1_to_4_appears_anywhere(requests_2024, admin, client):
    for args in ({}, {"phase": "secondary"}, {"term": "summer"}, {"cohort": "kinship_care"},
                 {"school": str(requests_2024.ashford.id)}):
        response = client.get("/dashboard", query_string={**YEAR, **args})
        for caption, rows in tables(response.text).items():
            assert small_counts(cell for row in rows for cell in row) == [], (args, caption)
        # Nor in the charts: their words, and the values their descriptions list.
        for chart in re.findall(r"<svg.*?</svg>", response.text, re.S):
            words = re.findall(r"<text[^>]*>([^<]*)</text>", chart)
            desc = re.search(r"<desc[^>]*>([^<]*)</desc>", chart).group(1)
            values = [part.split(": ", 1)[1] for part in desc.rstrip(".").split("; ")
                      if ": " in part]
            firsts = [text.split(" ")[0] for text in [*words, *values] if text]
            assert small_counts(firsts) == [], (args, desc)


def test_charts_are_accessible_svg_without_style_or_script(requests_2024, admin, client):
    page = client.get("/dashboard", query_string=YEAR).text
    charts = re.findall(r"<svg.*?</svg>", page, re.S)
    assert len(charts) >= 9
    for chart in charts:
        ident = re.search(r'aria-labelledby="([^"]+)-title \1-desc"', chart).group(1)
        assert 'role="img"' in chart
        assert f'<title id="{ident}-title">' in chart and f'<desc id="{ident}-desc">' in chart
        assert "style=" not in chart and "<script" not in chart
    theme_chart = next(c for c in charts if "chart-themes-title" in c)
    assert "Attendance: 14; Transitions: fewer than 5" in theme_chart
    assert '<link rel="stylesheet" href="/static/dashboard.css">' in page


@pytest.mark.parametrize("role", [Role.SCHOOL_STAFF, Role.EDUCATIONAL_PSYCHOLOGIST,
                                  Role.SOCIAL_WORKER])
def test_other_roles_are_refused(sign_in, client, role):
    sign_in(role)
    assert client.get("/dashboard").status_code == 403


def test_an_advisor_sees_the_dashboard_without_downloads(requests_2024, sign_in, client):
    sign_in(Role.VS_ADVISOR)
    response = client.get("/dashboard", query_string=YEAR)
    assert response.status_code == 200
    assert as_dict(tables(response.text)["Requests by theme"])["Attendance"] == "14"
    assert ".csv" not in response.text


def test_an_admin_gets_downloads_that_keep_the_filters(requests_2024, admin, client):
    page = client.get("/dashboard", query_string={**YEAR, "phase": "primary"}).text
    assert "/dashboard/export/themes.csv?year=2024&amp;phase=primary" in page
    assert "/exports/requests.csv?year=2024&amp;phase=primary" in page
    assert "/exports/outcomes.csv?year=2024&amp;phase=primary" in page


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get("/dashboard")
    assert response.status_code == 302 and response.headers["Location"].startswith("/sign-in")
