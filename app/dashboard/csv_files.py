"""CSV downloads: UTF-8 with a byte order mark (so Excel reads it as UTF-8), and no cell a
spreadsheet could take for a formula."""

import csv
import io

from flask import Response, stream_with_context

# A spreadsheet runs a cell starting with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"


def neutralise(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_text(head: list[str], rows) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([neutralise(cell) for cell in head])
    for row in rows:
        writer.writerow([neutralise(cell) for cell in row])
    return BOM + buffer.getvalue()


def csv_download(filename: str, head: list[str], rows) -> Response:
    response = Response(csv_text(head, rows).encode("utf-8"),
                        content_type="text/csv; charset=utf-8")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_stream(filename: str, head: list[str], rows, rows_per_chunk: int = 500) -> Response:
    """The same file as csv_download, sent as the rows are read: for an export too long to
    hold in memory at once (the audit trail)."""

    def chunks():
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        buffer.write(BOM)
        writer.writerow([neutralise(cell) for cell in head])
        for number, row in enumerate(rows, 1):
            writer.writerow([neutralise(cell) for cell in row])
            if number % rows_per_chunk == 0:
                yield buffer.getvalue().encode("utf-8")
                buffer.seek(0)
                buffer.truncate()
        yield buffer.getvalue().encode("utf-8")

    response = Response(stream_with_context(chunks()), content_type="text/csv; charset=utf-8")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
