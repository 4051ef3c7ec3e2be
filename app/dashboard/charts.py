"""Bar charts drawn on the server as SVG: shapes and words only, no script and no style
attribute (the CSP forbids both; app/static/dashboard.css colours them by class).

A chart is an image with a title and a description (role="img", aria-labelledby); the
numbers themselves are in the GOV.UK table printed with every chart. A count that is
suppressed draws no bar: its words ("fewer than 5") stand where the bar would end.
"""

from dataclasses import dataclass, field

from app.dashboard.suppression import Shown

WIDTH = 640
LABEL_HEIGHT = 20
BAR_HEIGHT = 18
BAR_GAP = 4
ROW_GAP = 12
# Room to the right of the longest bar for its words, "fewer than 5 consultations".
VALUE_ROOM = 190


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float
    css: str


@dataclass(frozen=True)
class Text:
    x: float
    y: float
    text: str
    css: str
    anchor: str | None = None


@dataclass
class Chart:
    ident: str
    title: str
    desc: str
    width: int = WIDTH
    height: int = 0
    rects: list[Rect] = field(default_factory=list)
    texts: list[Text] = field(default_factory=list)


def bar_chart(ident: str, title: str, rows: list[tuple[str, list[Shown]]],
              series: list[str] | None = None) -> Chart:
    """Horizontal bars: a label on its own line above each row's bar (or bars, one for each
    series), the count written at the end of the bar."""
    series = series or []
    several = len(series) > 1
    chart = Chart(ident, title, "")
    y = 0
    if several:
        x = 0
        for index, name in enumerate(series):
            chart.rects.append(Rect(x, y + 2, 14, 14, f"convene-chart__bar--{index}"))
            chart.texts.append(Text(x + 20, y + 14, name, "convene-chart__value"))
            x += 20 + 9 * len(name) + 24
        y += LABEL_HEIGHT + 8
    largest = max((v.number for _label, values in rows for v in values if v.number), default=0)
    scale = (WIDTH - VALUE_ROOM) / largest if largest else 0
    for label, values in rows:
        chart.texts.append(Text(0, y + 14, label, "convene-chart__label"))
        y += LABEL_HEIGHT
        for index, value in enumerate(values):
            length = round((value.number or 0) * scale, 1)
            if length:
                chart.rects.append(Rect(0, y, length, BAR_HEIGHT,
                                        f"convene-chart__bar--{index}"))
            words = f"{value.text} {series[index].lower()}" if several else value.text
            chart.texts.append(Text(length + 6, y + 14, words, "convene-chart__value"))
            y += BAR_HEIGHT + BAR_GAP
        y += ROW_GAP
    chart.height = max(y, 1)
    chart.desc = "; ".join(
        f"{label}: " + ", ".join(
            f"{value.text} {series[i].lower()}" if several else value.text
            for i, value in enumerate(values))
        for label, values in rows) + "."
    return chart


TERM_COLUMN = 72
STRIP_HEIGHT = 48


def trend_chart(ident: str, title: str, desc: str, terms: list[str],
                rows: list[tuple[str, list[float | None]]]) -> Chart:
    """Small multiples: for each theme, one column per term, as tall as the theme's share
    of that term's requests (None: too few to draw)."""
    width = max(WIDTH, TERM_COLUMN * len(terms))
    column = width / max(len(terms), 1)
    chart = Chart(ident, title, desc, width=width)
    for index, term in enumerate(terms):
        chart.texts.append(Text(round(column * (index + 0.5), 1), 14, _short(term),
                                "convene-chart__axis", "middle"))
    y = LABEL_HEIGHT + 8
    largest = max((share for _label, shares in rows for share in shares if share), default=0)
    for label, shares in rows:
        chart.texts.append(Text(0, y + 14, label, "convene-chart__label"))
        y += LABEL_HEIGHT + 4
        bottom = y + STRIP_HEIGHT
        for index, share in enumerate(shares):
            height = round(share / largest * STRIP_HEIGHT, 1) if share and largest else 0
            if height:
                chart.rects.append(Rect(round(column * index + 6, 1), bottom - height,
                                        round(column - 12, 1), height, "convene-chart__bar--0"))
        chart.rects.append(Rect(0, bottom, width, 1, "convene-chart__axis-line"))
        y = bottom + ROW_GAP
    chart.height = y
    return chart


def _short(term: str) -> str:
    """Autumn term 2025 -> Aut 2025."""
    words = term.split()
    return f"{words[0][:3]} {words[-1]}" if len(words) >= 2 else term
