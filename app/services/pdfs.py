"""PDF documents (reportlab): consultation summaries, TAC meeting records, One Page Profiles.

Every document is A4 with the app's GOV.UK-like typography (Helvetica, the GOV.UK fallback
for GDS Transport; black #0b0c0c text; bold headings), a header with the title, reference
and date, "Page N of M" and an OFFICIAL-SENSITIVE marking at the top and bottom of every
page, and metadata: title, subject and author "Convene".

Everything people typed is escaped before reportlab reads it: its paragraphs are a markup
language (<b>, <a href>, <img src>, <font>), and a note that says "<img src=...>" must be
printed as typed, never fetched or drawn.
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from html import escape
from io import BytesIO

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    KeepInFrame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from app.london import long_date
from app.services.document_cache import documents, fingerprint

AUTHOR = "Convene"
MARKING = "OFFICIAL-SENSITIVE"
TEXT = colors.HexColor("#0b0c0c")
SECONDARY = colors.HexColor("#505a5f")
BORDER = colors.HexColor("#b1b4b6")
MARGIN = 18 * mm
HEADER_SPACE = 16 * mm

_BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=10.5, leading=14, textColor=TEXT,
                       spaceAfter=6)
_STYLES = {
    "title": ParagraphStyle("title", parent=_BODY, fontName="Helvetica-Bold", fontSize=20,
                            leading=24, spaceAfter=4),
    "caption": ParagraphStyle("caption", parent=_BODY, fontSize=11, textColor=SECONDARY,
                              spaceAfter=10),
    "heading": ParagraphStyle("heading", parent=_BODY, fontName="Helvetica-Bold", fontSize=13,
                              leading=17, spaceBefore=8, spaceAfter=4),
    "body": _BODY,
    "cell": ParagraphStyle("cell", parent=_BODY, fontSize=9.5, leading=12, spaceAfter=0),
    "cell_head": ParagraphStyle("cell_head", parent=_BODY, fontName="Helvetica-Bold",
                                fontSize=9.5, leading=12, spaceAfter=0),
}


@dataclass
class Section:
    """One heading and what goes under it: paragraphs of text, a list of key/value rows, or a
    table whose first row is its header. All of it is plain text, as people typed it."""

    heading: str
    paragraphs: list[str] = field(default_factory=list)
    rows: list[tuple[str, str]] = field(default_factory=list)
    table: list[list[str]] = field(default_factory=list)
    empty: str = "Not recorded"


def text(value: str | None) -> str:
    """Plain text as reportlab paragraph markup that shows exactly those characters."""
    lines = (value or "").replace("\r\n", "\n").replace("\r", "\n")
    return escape(lines, quote=False).replace("\n", "<br/>")


def render_document(*, title: str, reference: str, dated: date | datetime, subtitle: str = "",
                    sections: list[Section], one_page: bool = False) -> bytes:
    """The PDF's bytes. `one_page` shrinks the whole content to fit a single page (the One
    Page Profile), rather than letting it run on.

    What it prints depends on nothing but these arguments (the date in the header is the
    record's own, never today's), so a document built lately from the same ones is served
    again from the cache rather than built again; see document_cache for why that is safe.
    The key covers every argument: anything printed that changes is a new key. The one thing
    that differs between two builds, the creation time in the metadata, then says when this
    process first built that content.
    """
    content = fingerprint(title, reference, dated, subtitle, sections, one_page)
    return documents.get_or_build((title, reference, content), lambda: _build(
        title=title, reference=reference, dated=dated, subtitle=subtitle, sections=sections,
        one_page=one_page))


def _build(*, title: str, reference: str, dated: date | datetime, subtitle: str,
           sections: list[Section], one_page: bool) -> bytes:
    buffer = BytesIO()
    header = f"{reference} · {long_date(dated)}"
    # BaseDocTemplate, not SimpleDocTemplate: Simple's build() adds its own "Later" page
    # template and moves to it after the first page, which would drop the header and marking
    # from every later page.
    document = BaseDocTemplate(
        buffer, pagesize=A4, title=f"{title} — {reference}", author=AUTHOR, creator=AUTHOR,
        subject=title, leftMargin=MARGIN, rightMargin=MARGIN,
        topMargin=MARGIN + HEADER_SPACE, bottomMargin=MARGIN + 8 * mm)
    story = [Paragraph(text(title), _STYLES["title"])]
    if subtitle:
        story.append(Paragraph(text(subtitle), _STYLES["caption"]))
    for section in sections:
        story += _section(section, document.width)
    if one_page:
        story = [KeepInFrame(document.width, document.height, story, mode="shrink")]
    frame = Frame(document.leftMargin, document.bottomMargin, document.width, document.height,
                  id="body", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    document.addPageTemplates([PageTemplate(
        id="page", frames=[frame], onPage=lambda canvas, doc: _furniture(canvas, title, header))])
    document.build(story, canvasmaker=_NumberedCanvas)
    return buffer.getvalue()


def _section(section: Section, width: float) -> list:
    flowables = [Paragraph(text(section.heading), _STYLES["heading"])]
    if section.rows:
        flowables.append(_table([[key, value] for key, value in section.rows], width,
                                header=False, widths=(0.32, 0.68)))
    if section.table:
        flowables.append(_table(section.table, width, header=True))
    for paragraph in section.paragraphs:
        flowables.append(Paragraph(text(paragraph), _STYLES["body"]))
    if not (section.rows or section.table or any(section.paragraphs)):
        flowables.append(Paragraph(text(section.empty), _STYLES["caption"]))
    flowables.append(Spacer(0, 2 * mm))
    return flowables


def _table(rows: list[list[str]], width: float, *, header: bool,
           widths: tuple[float, ...] | None = None) -> Table:
    columns = len(rows[0])
    widths = widths or tuple(1 / columns for _ in range(columns))
    cells = [[Paragraph(text(value), _STYLES["cell_head"] if (header and r == 0) or
                        (not header and c == 0) else _STYLES["cell"])
              for c, value in enumerate(row)] for r, row in enumerate(rows)]
    # splitInRow: a cell taller than a page (a long note) runs on to the next page, rather
    # than failing the whole document with a LayoutError.
    table = Table(cells, colWidths=[width * share for share in widths], repeatRows=int(header),
                  splitInRow=1)
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.5, BORDER),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    return table


def _furniture(canvas: Canvas, title: str, header: str) -> None:
    """The header and the marking on every page; the page numbers come at the end."""
    width, height = A4
    canvas.saveState()
    canvas.setFillColor(TEXT)
    canvas.setFont("Helvetica-Bold", 9)
    canvas.drawCentredString(width / 2, height - 10 * mm, MARKING)
    canvas.setFont("Helvetica-Bold", 10)
    canvas.drawString(MARGIN, height - MARGIN - 4 * mm, f"Convene · {title}")
    canvas.setFont("Helvetica", 10)
    canvas.drawRightString(width - MARGIN, height - MARGIN - 4 * mm, header)
    canvas.setStrokeColor(TEXT)
    canvas.setLineWidth(1.5)
    canvas.line(MARGIN, height - MARGIN - 7 * mm, width - MARGIN, height - MARGIN - 7 * mm)
    canvas.setFont("Helvetica-Bold", 9)
    canvas.drawCentredString(width / 2, 8 * mm, MARKING)
    canvas.restoreState()


class _NumberedCanvas(Canvas):
    """Holds each page back until the end, so that every page can say "Page N of M"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._pages = []

    def showPage(self):  # noqa: N802 (reportlab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self.setFont("Helvetica", 9)
            self.setFillColor(SECONDARY)
            self.drawRightString(A4[0] - MARGIN, 8 * mm, f"Page {number} of {total}")
            super().showPage()
        super().save()


__all__ = ["Section", "render_document", "text"]
