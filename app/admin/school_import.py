"""Importing schools from a CSV spreadsheet: our own columns or a GIAS download as it is.

Parsing checks every row and says what is wrong with each, in the row numbers a person
sees in their spreadsheet; applying saves all the rows in one transaction, or none.
"""

import csv
import io
from dataclasses import dataclass, field

from app.extensions import db
from app.models import Phase, School
from app.services import audit

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5000
NAME_MAX = 200
LA_MAX = 120

# Header names, compared with case, spaces and underscores taken out: ours, and those of a
# download from Get Information about Schools (GIAS), such as "EstablishmentName".
COLUMNS = {
    "urn": ("urn",),
    "name": ("name", "schoolname", "establishmentname"),
    "phase": ("phase", "phaseofeducation(name)", "phaseofeducation"),
    "local_authority": ("localauthority", "la", "la(name)"),
    # GIAS only: they tell special schools and PRUs apart when the phase is "Not applicable",
    # and which establishments have closed.
    "type": ("typeofestablishment(name)",),
    "type_group": ("establishmenttypegroup(name)",),
    "status": ("establishmentstatus(name)",),
}
REQUIRED = {"urn": "URN", "name": "name", "phase": "phase"}

GIAS_PHASES = {
    "nursery": Phase.EARLY_YEARS,
    "primary": Phase.PRIMARY,
    "middle deemed primary": Phase.PRIMARY,
    "secondary": Phase.SECONDARY,
    "middle deemed secondary": Phase.SECONDARY,
    "all-through": Phase.ALL_THROUGH,
    "all through": Phase.ALL_THROUGH,
    "16 plus": Phase.POST_16,
}
GIAS_NO_PHASE = "not applicable"

FIELD_LABELS = {"name": "name", "urn": "URN", "phase": "phase",
                "local_authority": "local authority"}


class FileProblem(Exception):
    """The whole file cannot be imported; the message says why, for the person uploading."""


@dataclass
class SchoolRow:
    row_number: int
    urn: str
    name: str
    phase: Phase
    local_authority: str

    def values(self) -> dict:
        return {"name": self.name, "phase": self.phase, "local_authority": self.local_authority}


@dataclass
class RejectedRow:
    row_number: int
    urn: str
    problems: list[str]


@dataclass
class ImportReport:
    rows: list[SchoolRow] = field(default_factory=list)
    rejected: list[RejectedRow] = field(default_factory=list)
    file_errors: list[str] = field(default_factory=list)
    skipped_closed: int = 0

    @property
    def ok(self) -> bool:
        return not self.file_errors and not self.rejected

    @property
    def problem_summary(self) -> str:
        count = len(self.rejected)
        if count == 1:
            return ("1 row has a problem. Nothing has been imported. Correct it and upload the "
                    "file again.")
        return (f"{count:,} rows have problems. Nothing has been imported. Correct them and "
                "upload the file again.")


@dataclass
class ImportedSchool:
    """What the result page shows of a school, read before the commit expires the objects."""

    id: int
    urn: str
    name: str
    changes: list[str]


@dataclass
class ImportResult:
    added: list[ImportedSchool] = field(default_factory=list)
    updated: list[ImportedSchool] = field(default_factory=list)
    unchanged: int = 0
    skipped_closed: int = 0

    @property
    def summary(self) -> str:
        added, updated = how_many_schools(len(self.added)), how_many_schools(len(self.updated))
        return f"{added} added, {updated} updated"


def how_many_schools(count: int) -> str:
    return f"{count:,} school" if count == 1 else f"{count:,} schools"


def normalise_urn(text: str) -> str:
    # People paste URNs as "123 456" as often as "123456"; both mean the same school.
    return "".join((text or "").split())


def is_urn(text: str) -> bool:
    return len(text) == 6 and text.isascii() and text.isdigit()


def apply_fields(school: School, values: dict) -> list[str]:
    """Set the school's fields; return the labels of those that changed, for the audit log."""
    changed = []
    for name, value in values.items():
        if getattr(school, name) != value:
            setattr(school, name, value)
            changed.append(FIELD_LABELS[name])
    return changed


# Parsing ---------------------------------------------------------------------------------


def parse_schools_csv(data: bytes, default_la: str) -> ImportReport:
    """Read and check every row of the file; nothing is saved."""
    try:
        records = _records(_decode(data))
        columns = _columns(next(records, None))
        report = _read_rows(records, columns, default_la)
    except FileProblem as problem:
        return ImportReport(file_errors=[str(problem)])
    if not report.rows and not report.rejected:
        report.file_errors.append(
            "The selected file has no schools in it: add a row for each school under the "
            "row of column names"
        )
    return report


def _decode(data: bytes) -> str:
    if not data:
        raise FileProblem("The selected file is empty")
    if len(data) > MAX_BYTES:
        raise FileProblem(
            "The selected file must be smaller than 2 MB. Split it into smaller files, or "
            "download fewer fields from GIAS"
        )
    if data.startswith(b"PK\x03\x04"):
        # A zip: an Excel workbook renamed .csv, or a GIAS download not yet unzipped.
        raise FileProblem(
            "The selected file is an Excel workbook or a ZIP file, not a CSV. In Excel, "
            "choose Save as and then CSV UTF-8; unzip a GIAS download and upload the CSV in it"
        )
    if b"\x00" in data:
        raise FileProblem("The selected file is not a CSV: in Excel, save it as CSV UTF-8")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        # Excel on Windows saves "CSV (Comma delimited)" in Windows-1252.
        return data.decode("cp1252")
    except UnicodeDecodeError as error:
        raise FileProblem(
            "The selected file has characters we cannot read: in Excel, save it as CSV UTF-8"
        ) from error


def _records(text: str):
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        yield from reader
    except csv.Error as error:
        raise FileProblem(
            f"Row {reader.line_num} of the selected file could not be read as CSV: {error}"
        ) from error


def _header_key(text: str) -> str:
    return "".join(text.lower().split()).replace("_", "")


def _columns(header: list[str] | None) -> dict[str, int]:
    """Which column holds each field, from the header row."""
    if header is None or not any(cell.strip() for cell in header):
        raise FileProblem("The first row of the file must give the column names: URN, name, "
                          "phase and local authority")
    keys = [_header_key(cell) for cell in header]
    found = {}
    for name, aliases in COLUMNS.items():
        index = next((i for i, key in enumerate(keys) if key in aliases), None)
        if index is not None:
            found[name] = index
    missing = [label for name, label in REQUIRED.items() if name not in found]
    if missing:
        listed = missing[0] if len(missing) == 1 else (
            ", ".join(missing[:-1]) + " or " + missing[-1])
        raise FileProblem(
            f"The file has no {listed} column. The first row must give the column names: "
            "URN, name, phase and local authority"
        )
    return found


def _read_rows(records, columns: dict[str, int], default_la: str) -> ImportReport:
    report = ImportReport()
    first_seen: dict[str, int] = {}
    counted = 0
    # The header is row 1 in the spreadsheet, so the first school is row 2.
    for number, cells in enumerate(records, start=2):
        values = _cells(cells, columns)
        if not any(values.values()):
            continue
        counted += 1
        if counted > MAX_ROWS:
            raise FileProblem(f"The selected file has more than {MAX_ROWS:,} schools in it. "
                              "Split it into smaller files and upload each one")
        if values["status"].lower() == "closed":
            report.skipped_closed += 1
            continue
        row = _check_row(number, values, default_la, first_seen)
        (report.rows if isinstance(row, SchoolRow) else report.rejected).append(row)
    return report


def _cells(cells: list[str], columns: dict[str, int]) -> dict[str, str]:
    """Every field of the row, stripped; "" for a column the file lacks or a short row."""
    return {
        name: cells[columns[name]].strip() if name in columns and columns[name] < len(cells)
        else ""
        for name in COLUMNS
    }


def _check_row(number, values, default_la, first_seen) -> SchoolRow | RejectedRow:
    urn, urn_problem = _check_urn(values["urn"], number, first_seen)
    phase, phase_problem = _check_phase(values)
    problems = [urn_problem, _check_name(values["name"]), phase_problem,
                _check_local_authority(values["local_authority"])]
    problems = [problem for problem in problems if problem]
    if problems:
        return RejectedRow(number, values["urn"], problems)
    return SchoolRow(number, urn, values["name"], phase,
                     values["local_authority"] or default_la)


def _check_urn(text: str, number: int, first_seen: dict[str, int]):
    urn = normalise_urn(text)
    if not urn:
        return urn, "URN is missing"
    if not is_urn(urn):
        return urn, f"URN '{text}' is not 6 digits, like 123456"
    if urn in first_seen:
        return urn, f"URN {urn} is already on row {first_seen[urn]}"
    first_seen[urn] = number
    return urn, None


def _check_name(name: str) -> str | None:
    if not name:
        return "name is missing"
    if len(name) > NAME_MAX:
        return f"name is longer than {NAME_MAX} characters"
    return None


def _check_local_authority(text: str) -> str | None:
    if len(text) > LA_MAX:
        return f"local authority is longer than {LA_MAX} characters"
    return None


def _check_phase(values: dict[str, str]):
    text = values["phase"]
    phase = Phase.from_label(text) if text else None
    phase = phase or GIAS_PHASES.get(" ".join(text.lower().split()))
    if phase is not None:
        return phase, None
    if not text or text.lower() == GIAS_NO_PHASE:
        # GIAS gives special schools and PRUs no phase; their type says what they are.
        phase = _phase_from_type(values["type"] + " " + values["type_group"])
        if phase is not None:
            return phase, None
    if not text:
        return None, "phase is missing"
    if text.lower() == GIAS_NO_PHASE:
        return None, f"phase '{text}' is not one we know: use Special or Alternative provision"
    labels = [phase.label for phase in Phase]
    return None, (f"phase '{text}' is not one we know: use "
                  f"{', '.join(labels[:-1])} or {labels[-1]}")


def _phase_from_type(text: str) -> Phase | None:
    text = text.lower()
    if "special" in text:
        return Phase.SPECIAL
    if "pupil referral unit" in text or "alternative provision" in text:
        return Phase.ALTERNATIVE_PROVISION
    return None


# Applying --------------------------------------------------------------------------------


def apply_import(report: ImportReport, *, actor=None, source: str | None = None
                 ) -> ImportResult:
    """Add or update every school in the report, and audit it, in one transaction."""
    if not report.ok:
        raise ValueError("a report with problems cannot be imported")
    result = ImportResult(skipped_closed=report.skipped_closed)
    try:
        existing = _schools_by_urn([row.urn for row in report.rows])
        touched = [_apply_row(row, existing.get(row.urn)) for row in report.rows]
        db.session.flush()  # gives the new schools their ids
        _summarise(touched, result)
        detail = f"{result.summary}, {how_many_schools(result.unchanged)} unchanged"
        audit.record("schools_imported", actor=actor,
                     detail=f"{detail} from {source}" if source else detail)
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return result


def _apply_row(row: SchoolRow, school: School | None) -> tuple[School, list[str] | None]:
    """The school and its changed fields; None for a school that is new."""
    if school is None:
        school = School(urn=row.urn, **row.values())
        db.session.add(school)
        return school, None
    return school, apply_fields(school, row.values())


def _summarise(touched: list[tuple[School, list[str] | None]], result: ImportResult) -> None:
    for school, changes in touched:
        seen = ImportedSchool(school.id, school.urn, school.name, changes or [])
        if changes is None:
            result.added.append(seen)
        elif changes:
            result.updated.append(seen)
        else:
            result.unchanged += 1


def _schools_by_urn(urns: list[str]) -> dict[str, School]:
    found = {}
    # In slices: SQLite allows only so many parameters in one statement.
    for start in range(0, len(urns), 500):
        chunk = urns[start:start + 500]
        for school in db.session.scalars(db.select(School).where(School.urn.in_(chunk))):
            found[school.urn] = school
    return found
