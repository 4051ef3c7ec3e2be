"""Importing schools from a CSV: the parsing rules, and the upload page end to end."""

import io

import pytest

from app.admin.school_import import MAX_BYTES, MAX_ROWS, apply_import, parse_schools_csv
from app.extensions import db
from app.models import AuditEvent, Phase, Role, School
from tests.conftest import make_school

LA = "Convene County Council"
GIAS_HEADER = ("URN,LA (code),LA (name),EstablishmentNumber,EstablishmentName,"
               "TypeOfEstablishment (name),EstablishmentTypeGroup (name),"
               "EstablishmentStatus (name),PhaseOfEducation (name)\n")


def csv_bytes(*lines: str, encoding: str = "utf-8") -> bytes:
    return "\n".join(lines).encode(encoding)


def parse(*lines: str) -> "object":
    return parse_schools_csv(csv_bytes(*lines), LA)


def schools_by_urn() -> dict[str, School]:
    return {school.urn: school for school in db.session.scalars(db.select(School))}


# Parsing ---------------------------------------------------------------------------------


def test_good_rows_are_read_with_our_column_names(app):
    report = parse("urn,name,phase,local authority",
                   "123456,St Mary's Primary,Primary,Testshire",
                   "234567, Riverside Academy ,secondary,")
    assert report.ok
    assert [(r.row_number, r.urn, r.name, r.phase, r.local_authority) for r in report.rows] == [
        (2, "123456", "St Mary's Primary", Phase.PRIMARY, "Testshire"),
        (3, "234567", "Riverside Academy", Phase.SECONDARY, LA),
    ]


def test_header_names_ignore_case_spaces_and_order(app):
    report = parse("  Phase ,SCHOOL NAME,Local_Authority,U R N", "Special,Oak School,,345678")
    assert report.ok
    assert report.rows[0].urn == "345678"
    assert report.rows[0].phase == Phase.SPECIAL


def test_la_column_is_optional_and_blank_means_the_default(app):
    report = parse("URN,Name,Phase", "123456,Oak,All-through")
    assert report.rows[0].local_authority == LA
    assert report.rows[0].phase == Phase.ALL_THROUGH
    assert parse("urn,name,phase,LA", "123456,Oak,Post-16, ").rows[0].local_authority == LA


def test_every_problem_in_a_row_is_reported_with_its_spreadsheet_row_number(app):
    report = parse("urn,name,phase",
                   "123456,Good School,Primary",
                   "12345,,Middle",
                   ",Nameless URN,Primary",
                   "abcdef," + "x" * 201 + ",")
    assert not report.ok
    problems = {row.row_number: (row.urn, row.problems) for row in report.rejected}
    assert problems[3] == ("12345", [
        "URN '12345' is not 6 digits, like 123456",
        "name is missing",
        "phase 'Middle' is not one we know: use Early years, Primary, Secondary, "
        "All-through, Special, Alternative provision or Post-16",
    ])
    assert problems[4] == ("", ["URN is missing"])
    assert problems[5][1] == ["URN 'abcdef' is not 6 digits, like 123456",
                              "name is longer than 200 characters", "phase is missing"]
    assert report.problem_summary == (
        "3 rows have problems. Nothing has been imported. Correct them and upload the file "
        "again.")


def test_a_urn_repeated_in_the_file_names_the_row_that_had_it_first(app):
    report = parse("urn,name,phase", "123456,Oak,Primary", "234567,Ash,Primary",
                   "123456,Oak again,Primary")
    assert [(row.row_number, row.problems) for row in report.rejected] == [
        (4, ["URN 123456 is already on row 2"])]
    assert report.problem_summary.startswith("1 row has a problem. Nothing has been imported")


def test_blank_rows_are_skipped_but_keep_the_numbering(app):
    report = parse("urn,name,phase", "123456,Oak,Primary", ",,", "", "  , ,", "bad,Ash,Primary")
    assert len(report.rows) == 1
    assert [row.row_number for row in report.rejected] == [6]


@pytest.mark.parametrize(("header", "missing"), [
    ("name,phase", "URN"),
    ("urn,school,phase", "name"),
    ("urn,name,stage", "phase"),
    ("urn,title,stage", "name or phase"),
])
def test_a_missing_required_column_is_one_error_naming_it(app, header, missing):
    report = parse(header, "123456,Oak,Primary")
    assert report.rows == [] and report.rejected == []
    assert len(report.file_errors) == 1
    assert report.file_errors[0].startswith(f"The file has no {missing} column.")


def test_gias_headers_and_phase_names_are_understood(app):
    report = parse(
        GIAS_HEADER.strip(),
        "100001,886,Kent,2001,Little Acorns Nursery,Local authority nursery school,"
        "Local authority maintained schools,Open,Nursery",
        "100002,886,Kent,2002,Hill Middle,Community school,Local authority maintained schools,"
        "Open,Middle deemed primary",
        "100003,886,Kent,4001,Dale Middle,Academy converter,Academies,Open,"
        "Middle deemed secondary",
        "100004,886,Kent,4002,Vale School,Academy sponsor led,Academies,Open,All-through",
        "100005,886,Kent,4003,Sixth Form Centre,Free schools 16 to 19,Free Schools,Open,16 plus",
        "100006,886,Kent,7001,Oak Special,Community special school,Special schools,Open,"
        "Not applicable",
        "100007,886,Kent,1101,Harbour PRU,Pupil referral unit,Local authority maintained schools,"
        "Open,Not applicable",
        "100008,886,Kent,1102,Bridge AP Academy,Academy alternative provision converter,"
        "Academies,\"Open, but proposed to close\",Not applicable",
    )
    assert report.ok, report.rejected
    phases = {row.name: row.phase for row in report.rows}
    assert phases == {
        "Little Acorns Nursery": Phase.EARLY_YEARS,
        "Hill Middle": Phase.PRIMARY,
        "Dale Middle": Phase.SECONDARY,
        "Vale School": Phase.ALL_THROUGH,
        "Sixth Form Centre": Phase.POST_16,
        "Oak Special": Phase.SPECIAL,
        "Harbour PRU": Phase.ALTERNATIVE_PROVISION,
        "Bridge AP Academy": Phase.ALTERNATIVE_PROVISION,
    }
    assert {row.local_authority for row in report.rows} == {"Kent"}


def test_gias_not_applicable_phase_without_a_clue_is_refused(app):
    report = parse(GIAS_HEADER.strip(),
                   "100009,886,Kent,6001,Some Independent School,Other independent school,"
                   "Independent schools,Open,Not applicable")
    assert report.rejected[0].problems == [
        "phase 'Not applicable' is not one we know: use Special or Alternative provision"]


def test_closed_gias_establishments_are_left_out(app):
    report = parse(GIAS_HEADER.strip(),
                   "100010,886,Kent,2010,Old School,Community school,"
                   "Local authority maintained schools,Closed,Not applicable",
                   "100011,886,Kent,2011,New School,Community school,"
                   "Local authority maintained schools,Open,Primary")
    assert report.ok
    assert [row.urn for row in report.rows] == ["100011"]
    assert report.skipped_closed == 1


def test_utf8_with_a_byte_order_mark_decodes(app):
    data = "\ufeffURN,Name,Phase\n123456,St Mary’s Catholic Primary,Primary\n".encode()
    report = parse_schools_csv(data, LA)
    assert report.ok
    assert report.rows[0].name == "St Mary’s Catholic Primary"


def test_excel_windows_1252_decodes(app):
    data = csv_bytes("URN,Name,Phase", "123456,St Mary’s Primary,Primary",
                     "234567,École Française Jacqueline,Secondary", encoding="cp1252")
    report = parse_schools_csv(data, LA)
    assert report.ok
    assert [row.name for row in report.rows] == ["St Mary’s Primary",
                                                 "École Française Jacqueline"]


def test_quoted_fields_with_commas_and_line_breaks_keep_row_numbers(app):
    report = parse('urn,name,phase', '123456,"Oak, Ash and Elm Federation",Primary',
                   '234567,"Two\nLines",Primary', "bad,Ash,Primary")
    assert report.rows[0].name == "Oak, Ash and Elm Federation"
    assert report.rejected[0].row_number == 4


def test_too_large_a_file_is_refused(app):
    data = b"urn,name,phase\n" + b"123456,Oak,Primary\n" * (MAX_BYTES // 19 + 1)
    report = parse_schools_csv(data, LA)
    assert report.file_errors == [
        "The selected file must be smaller than 2 MB. Split it into smaller files, or download "
        "fewer fields from GIAS"]


def test_too_many_rows_are_refused(app):
    lines = [f"{100000 + n},School {n},Primary" for n in range(MAX_ROWS + 1)]
    report = parse("urn,name,phase", *lines)
    assert report.file_errors[0].startswith("The selected file has more than 5,000 schools")


@pytest.mark.parametrize(("data", "message"), [
    (b"", "The selected file is empty"),
    (b"PK\x03\x04rest-of-a-workbook", "The selected file is an Excel workbook or a ZIP file"),
    ("urn,name,phase".encode("utf-16"), "The selected file is not a CSV"),
    (b"urn,name,phase\n", "The selected file has no schools in it"),
])
def test_files_that_are_not_usable_say_why(app, data, message):
    report = parse_schools_csv(data, LA)
    assert report.file_errors[0].startswith(message)


# Applying --------------------------------------------------------------------------------


def test_apply_adds_new_schools_and_updates_known_ones_in_one_go(app):
    make_school(urn="123456", name="Old Name", phase=Phase.PRIMARY, local_authority=LA)
    make_school(urn="234567", name="Ash School", phase=Phase.SECONDARY, local_authority=LA)
    report = parse("urn,name,phase", "123456,New Name,All-through", "234567,Ash School,Secondary",
                   "345678,Elm School,Special")
    result = apply_import(report)
    assert result.summary == "1 school added, 1 school updated"
    assert result.unchanged == 1
    assert result.updated[0].changes == ["name", "phase"]
    schools = schools_by_urn()
    assert schools["123456"].name == "New Name"
    assert schools["123456"].phase == Phase.ALL_THROUGH
    assert schools["345678"].phase == Phase.SPECIAL
    event = db.session.scalars(db.select(AuditEvent)).one()
    assert event.action == "schools_imported"
    assert event.detail == "1 school added, 1 school updated, 1 school unchanged"


def test_a_report_with_problems_cannot_be_applied(app):
    report = parse("urn,name,phase", "123456,Oak,Primary", "bad,Ash,Primary")
    with pytest.raises(ValueError):
        apply_import(report)
    assert schools_by_urn() == {}


# Through the page ------------------------------------------------------------------------


def upload(client, data: bytes, filename: str = "schools.csv"):
    return client.post("/admin/schools/import", data={"csv_file": (io.BytesIO(data), filename)},
                       content_type="multipart/form-data")


def test_import_page_explains_the_columns_and_gias(client, sign_in):
    sign_in(Role.VS_ADMIN)
    response = client.get("/admin/schools/import")
    assert response.status_code == 200
    page = response.text
    assert 'enctype="multipart/form-data"' in page
    assert 'type="file"' in page
    assert "Get Information about Schools" in page
    assert "All-through" in page
    assert "St Mary&#39;s CE Primary School" in page


def test_uploading_a_good_file_adds_and_updates_and_is_audited(client, sign_in):
    admin = sign_in(Role.VS_ADMIN)
    make_school(urn="123456", name="Old Name", phase=Phase.PRIMARY)
    data = csv_bytes("URN,Name,Phase,Local authority", "123456,New Name,Primary,Testshire",
                     "234567,Ash School,Secondary,", "345678,Elm School,Special,")
    response = upload(client, data)
    assert response.status_code == 200
    assert "2 schools added, 1 school updated" in response.text
    assert "Ash School" in response.text and "New Name" in response.text
    schools = schools_by_urn()
    assert set(schools) == {"123456", "234567", "345678"}
    assert schools["234567"].local_authority == LA
    event = db.session.scalars(db.select(AuditEvent).filter_by(action="schools_imported")).one()
    assert event.actor_id == admin.id
    assert "2 schools added, 1 school updated" in event.detail
    assert "schools.csv" in event.detail


def test_uploading_a_file_with_bad_rows_imports_nothing_and_lists_them(client, sign_in):
    sign_in(Role.VS_ADMIN)
    make_school(urn="123456", name="Keep Me", phase=Phase.PRIMARY)
    data = csv_bytes("urn,name,phase", "123456,Changed,Primary", "234567,Ash,Primary",
                     "99,Bad URN,Primary", "345678,,Middle", "234567,Ash again,Primary")
    response = upload(client, data)
    assert response.status_code == 400
    page = response.text
    assert "<title>Error: " in page
    assert ("3 rows have problems. Nothing has been imported. Correct them and upload the "
            "file again.") in page
    assert 'href="#rejected-rows"' in page
    for text in ["URN &#39;99&#39; is not 6 digits, like 123456", "name is missing",
                 "phase &#39;Middle&#39; is not one we know",
                 "URN 234567 is already on row 3"]:
        assert text in page
    for row in ("4", "5", "6"):
        assert f'<th scope="row" class="govuk-table__header">{row}</th>' in page
    schools = schools_by_urn()
    assert set(schools) == {"123456"}
    assert schools["123456"].name == "Keep Me"
    assert db.session.scalar(db.select(AuditEvent).filter_by(action="schools_imported")) is None


def test_uploading_a_gias_download_in_windows_1252_works(client, sign_in):
    sign_in(Role.VS_ADMIN)
    data = (GIAS_HEADER + "100001,886,Kent,2001,Ysgol Gymraeg Llanfair Caereinion,"
            "Community school,Local authority maintained schools,Open,Primary\n"
            "100002,886,Kent,2002,St Mary’s Special School,Community special school,"
            "Special schools,Open,Not applicable\n").encode("cp1252")
    response = upload(client, data, "edubasealldata.csv")
    assert response.status_code == 200
    schools = schools_by_urn()
    assert schools["100002"].name == "St Mary’s Special School"
    assert schools["100002"].phase == Phase.SPECIAL


def test_a_missing_column_is_shown_against_the_file_field(client, sign_in):
    sign_in(Role.VS_ADMIN)
    response = upload(client, csv_bytes("urn,name", "123456,Oak"))
    assert response.status_code == 400
    assert "The file has no phase column" in response.text
    assert 'href="#csv_file"' in response.text
    assert schools_by_urn() == {}


def test_no_file_chosen_says_select_a_csv(client, sign_in):
    sign_in(Role.VS_ADMIN)
    response = client.post("/admin/schools/import", data={}, content_type="multipart/form-data")
    assert response.status_code == 400
    assert "Select a CSV file" in response.text


def test_a_file_that_is_not_a_csv_is_refused(client, sign_in):
    sign_in(Role.VS_ADMIN)
    response = upload(client, b"PK\x03\x04", "schools.xlsx")
    assert response.status_code == 400
    assert "The selected file must be a CSV" in response.text


def test_too_large_an_upload_is_refused(client, sign_in):
    sign_in(Role.VS_ADMIN)
    data = b"urn,name,phase\n" + b"123456,Oak,Primary\n" * (MAX_BYTES // 19 + 1)
    response = upload(client, data)
    assert response.status_code == 400
    assert "The selected file must be smaller than 2 MB" in response.text
    assert schools_by_urn() == {}


@pytest.mark.parametrize("role", [r for r in Role if r != Role.VS_ADMIN])
def test_only_vs_admins_may_import(client, sign_in, role):
    sign_in(role)
    assert client.get("/admin/schools/import").status_code == 403
    response = upload(client, csv_bytes("urn,name,phase", "123456,Oak,Primary"))
    assert response.status_code == 403
    assert "123456" not in schools_by_urn()
