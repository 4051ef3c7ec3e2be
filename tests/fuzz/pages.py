"""Reading Convene's own pages as a browser would: the forms on a page (where they post, and
their fields with the values and choices offered) and the links (for the query parameters
each page is reached with)."""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urljoin, urlsplit


@dataclass
class Field:
    name: str
    kind: str  # text, textarea, select, radio, checkbox, hidden, submit, file, password...
    values: list[str] = field(default_factory=list)  # what the page filled in
    choices: list[str] = field(default_factory=list)  # select options, radio/checkbox values
    count: int = 1  # inputs of this name (a GOV.UK date is three)


@dataclass
class Form:
    page: str  # the page it was found on
    action: str  # path and query it sends to
    method: str
    fields: dict[str, Field] = field(default_factory=dict)
    enctype: str = ""

    def add(self, name: str, kind: str, value: str | None, checked: bool = False) -> None:
        known = self.fields.get(name)
        if known is None:
            known = self.fields[name] = Field(name, kind, count=0)
        known.count += 1
        if kind in ("radio", "checkbox"):
            if value is not None:
                known.choices.append(value)
                if checked:
                    known.values.append(value)
        elif kind == "submit":
            if value is not None:
                known.choices.append(value)
        elif value is not None:
            known.values.append(value)

    def filled(self) -> list[tuple[str, str]]:
        """What the browser would send as the page stands (the first submit button)."""
        pairs = []
        for item in self.fields.values():
            if item.kind == "submit":
                continue
            pairs.extend((item.name, value) for value in item.values)
        return pairs


class _Reader(HTMLParser):
    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.page = page
        self.forms: list[Form] = []
        self.links: list[str] = []
        self._form: Form | None = None
        self._select: Field | None = None
        self._chosen: list[str] = []
        self._option: tuple[str | None, bool] | None = None
        self._option_text: list[str] = []
        self._textarea: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = {key: (value if value is not None else "") for key, value in attrs}
        if tag == "a" and a.get("href"):
            self.links.append(urljoin(self.page, a["href"]))
        elif tag == "form":
            action = urljoin(self.page, a.get("action") or self.page)
            self._form = Form(self.page, action, (a.get("method") or "get").upper(),
                              enctype=a.get("enctype", ""))
            self.forms.append(self._form)
        elif self._form is None:
            return
        elif tag == "option" and self._select is not None:
            self._option, self._option_text = (a.get("value"), "selected" in a), []
        elif "name" not in a:
            return
        elif tag == "input":
            kind = (a.get("type") or "text").lower()
            default = "on" if kind in ("radio", "checkbox") else ""
            self._form.add(a["name"], kind, a.get("value", default), "checked" in a)
        elif tag == "button" and a.get("type", "submit") == "submit":
            self._form.add(a["name"], "submit", a.get("value", ""))
        elif tag == "textarea":
            self._textarea, self._text = a["name"], []
        elif tag == "select":
            kind = "select-multiple" if "multiple" in a else "select"
            self._select = self._form.fields.setdefault(a["name"], Field(a["name"], kind,
                                                                         count=0))
            self._select.count += 1
            self._chosen = []

    def handle_data(self, data):
        if self._textarea is not None:
            self._text.append(data)
        if self._option is not None:
            self._option_text.append(data)

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "textarea" and self._textarea is not None and self._form is not None:
            self._form.add(self._textarea, "textarea", "".join(self._text).removeprefix("\n"))
            self._textarea = None
        elif tag == "option" and self._option is not None and self._select is not None:
            value, selected = self._option
            value = value if value is not None else "".join(self._option_text).strip()
            self._select.choices.append(value)
            if selected:
                self._chosen.append(value)
            self._option = None
        elif tag == "select" and self._select is not None:
            self._select.values = self._chosen or self._select.choices[:1]
            self._select = None


def read(page: str, html: str) -> tuple[list[Form], list[str]]:
    """The forms and the links (absolute paths with their queries) on a page."""
    reader = _Reader(page)
    reader.feed(html)
    links = []
    for link in reader.links:
        parts = urlsplit(link)
        if parts.netloc in ("", "localhost"):
            links.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    for form in reader.forms:
        parts = urlsplit(form.action)
        form.action = parts.path + (f"?{parts.query}" if parts.query else "")
    return reader.forms, links


def query_names(url: str) -> list[str]:
    return [name for name, _value in parse_qsl(urlsplit(url).query, keep_blank_values=True)]
