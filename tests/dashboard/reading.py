"""Reading the dashboard as a person does: its tables by caption, and its CSV downloads."""

import csv
import io
import re
from html.parser import HTMLParser


class _Tables(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self._caption = self._row = self._cell = None
        self._rows = None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self._rows = []
        elif tag == "caption":
            self._caption = ""
        elif tag == "tr" and self._rows is not None:
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = ""

    def handle_endtag(self, tag):
        if tag == "caption":
            self._caption = self._caption.strip()
            self._current_caption = self._caption
            self._caption = None
        elif tag in ("td", "th") and self._cell is not None:
            self._row.append(" ".join(self._cell.split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self._rows.append(self._row)
            self._row = None
        elif tag == "table" and self._rows is not None:
            self.tables[self._current_caption] = self._rows
            self._rows = None

    def handle_data(self, data):
        if self._caption is not None:
            self._caption += data
        elif self._cell is not None:
            self._cell += data


def tables(html: str) -> dict[str, list[list[str]]]:
    """Every table on the page by its caption: the head row first, then the body rows."""
    parser = _Tables()
    parser.feed(html)
    return parser.tables


def as_dict(rows: list[list[str]]) -> dict[str, str]:
    """A two-column table's body as {label: value}."""
    return {row[0]: row[1] for row in rows[1:]}


def csv_rows(response) -> list[list[str]]:
    text = response.data.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def small_counts(cells) -> list[str]:
    """Any cell that is a bare count from 1 to 4: what suppression must never let through."""
    return [cell for cell in cells if re.fullmatch(r"[1-4]", cell.strip())]

