"""Hostile values, realistic ones bent out of shape, for the fields and query parameters of
every form: over-long text, control characters, CR/LF and NUL, markup, right-to-left and
zero-width characters, astral characters, wrong types, missing fields, impossible dates and
huge numbers."""

import functools
import operator

from hypothesis import strategies as st

from tests.fuzz.pages import Form

# Markup that must come back escaped wherever it is shown; each long enough to be found.
MARKUP = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>',
          "<b onmouseover='x'>bold</b>", "</textarea><h1>out</h1>", "{{ 7*7 }}{% raw %}",
          "&amp;&lt;&#0;", "<![CDATA[x]]>", "javascript:alert(1)"]
TRICKS = ["\r\n", "\n", "\r", "\t", "\x0b", "\x0c", "\x1b[31m", "\x7f", "\x85", "\u2028",
          "\u2029", "\u202e", "\u202d", "\u2066", "\u200b", "\u200d", "\u200e", "\ufeff",
          "\u00a0", "\u3000", "e\u0301", "\U0001f600", "\U0001d54f", "\U0001f469\u200d\U0001f467",
          "\ufdfa", "\u0130", "\u00df", "\uffff", "\U0010fffd", "'", '"', "\\", "%", "%00",
          "%0d%0a", "../", ";", "--", "' OR '1'='1", "=HYPERLINK(\"x\")", "@SUM(1)", "+1", "-1"]
NUMBERS = ["0", "-1", "-0", "+1", "1.5", "1e3", "1e309", "NaN", "inf", "0x10", "\u0663",
           "\uff11", str(2**31 - 1), str(2**31), str(2**63 - 1), str(2**63), str(2**64),
           "9" * 40, "-" + "9" * 40, "00000000001", " 7 ", "1,000", "\u00bd"]
DATE_PARTS = ["1", "31", "30", "29", "2", "13", "0", "00", "-1", "2027", "2026", "1899",
              "0001", "9999", "99999", "2200", "\u0661\u0662", " ", "", "1.5", "Feb",
              "\uff12\uff10\uff12\uff17", str(2**63)]
NUL = "\x00"

any_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
astral = st.text(st.characters(min_codepoint=0x10000, max_codepoint=0x10FFFF,
                               exclude_categories=("Cs", "Cn")), min_size=1, max_size=8)
# Strategies are built once here and reused: building them afresh for every example cost
# Hypothesis more time than the requests themselves.
LONG_TEXT = st.builds(operator.mul,
                      st.sampled_from(["x", "word ", "\u00e9", "\U0001f600", "<b>", "\r\n", "9"]),
                      st.sampled_from([121, 255, 256, 1001, 4001, 5001, 20_000, 70_000]))
_ONE = st.one_of(st.sampled_from(MARKUP), st.sampled_from(TRICKS), st.sampled_from(NUMBERS),
                 any_text, astral, LONG_TEXT, st.just(""), st.just("   "))
# One bad value, or a few joined.
HOSTILE_TEXT = st.one_of(_ONE, st.lists(_ONE, min_size=2, max_size=4).map("".join))


def _add_nul(value: str) -> str:
    return value + NUL


def with_a_rare_nul(strategy: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    # NUL is refused for every route at once (app/input_limits.py), so it is sent seldom:
    # the other values get through to the views.
    return st.one_of(*[strategy] * 19, strategy.map(_add_nul))


_RARE_NUL_TEXT = with_a_rare_nul(HOSTILE_TEXT)
_NUMBER_VALUES = st.lists(st.sampled_from(NUMBERS), min_size=1, max_size=2)
_DATE_VALUES = st.one_of(
    st.lists(st.sampled_from(DATE_PARTS), min_size=0, max_size=4),
    st.lists(st.one_of(st.sampled_from(DATE_PARTS), HOSTILE_TEXT), min_size=3, max_size=3))


def _insert(original: str, bad: str, at: int) -> str:
    return original[:at] + bad + original[at:]


@functools.lru_cache(maxsize=4096)
def bent(original: str) -> st.SearchStrategy[str]:
    """The value the page offered, with something hostile before, inside or after it."""
    return st.builds(functools.partial(_insert, original), HOSTILE_TEXT,
                     st.integers(0, len(original)))


def value_for(field) -> st.SearchStrategy[list[str]]:
    """The values to send for one field: as offered, bent, another type, or several."""
    return _value_for(field.kind, field.count, tuple(field.values or [""]),
                      tuple(choice for choice in field.choices if choice is not None))


@functools.lru_cache(maxsize=4096)
def _value_for(kind: str, count: int, offered: tuple, choices: tuple):
    options = [st.just(list(offered))]
    if choices:
        options.append(st.lists(st.sampled_from(choices), max_size=3))
    if count == 3 or kind == "date":
        options.append(_DATE_VALUES)
    options.extend([
        st.lists(with_a_rare_nul(bent(offered[0])), min_size=1, max_size=1),
        st.lists(_RARE_NUL_TEXT, min_size=1, max_size=2),
        _NUMBER_VALUES,
        st.just([]),
    ])
    return st.one_of(*options)


# What a person would type into an empty field, by the end of its name: so that a form can
# get through its validation with one field bent, and the bent value reaches the code behind.
_TYPED = {
    "email": "kim.lee@example.test", "name": "Kim Lee", "who_name": "Mrs Green",
    "role": "Family support worker", "job_role": "Family support worker",
    "who_role": "Key adult", "job_title": "Teacher", "agency": "Early help",
    "initials": "KL", "urn": "123456", "local_authority": "Convene County Council",
    "location": "Meeting room 2", "meeting_url": "https://teams.example.test/meet/1",
    "key_adult": "Mrs Green, teaching assistant", "phrase": "Forest School",
    "start_time": "2pm", "end_time": "5pm", "slot_minutes": "50", "gap_minutes": "10",
    "min_notice_days": "5", "offer_hours": "48", "reminder_days": "2", "term_limit": "3",
    "search": "Ash", "q": "Ash", "person": "Sam", "record": "C-", "code": "123456",
    "completed_by": "SENCO and key adult", "school_note": "Year 7 form group",
}
_PAST_DATES = ("consent_date", "completed_on", "from_date")
_TEXT = "Meet and greet at the side gate each morning, with a quiet start in the library."


def typed_value(item) -> list[str]:
    """A good value for a field the page left empty."""
    from datetime import date, timedelta

    if item.values and any(value.strip() for value in item.values):
        return list(item.values)
    if item.kind in ("radio", "select", "select-multiple") and item.choices:
        chosen = [choice for choice in item.choices if choice] or item.choices
        return chosen[:1]
    if item.kind == "checkbox":
        return list(item.choices[:1])
    short = item.name.split("-")[-1]
    if item.count == 3:
        today = date.today()
        day = (today - timedelta(days=30) if short in _PAST_DATES else today
               if short == "to_date" else today + timedelta(days=100)
               if short == "last_date" else today + timedelta(days=40))
        return [str(day.day), str(day.month), str(day.year)]
    if short in _TYPED:
        return [_TYPED[short]]
    if item.kind == "textarea":
        return [_TEXT]
    return list(item.values) or [""]


@st.composite
def form_data(draw, form: Form) -> tuple[list[tuple[str, str]], dict]:
    """(name, value) pairs for the form, and headers. Most often the form is filled in as a
    person would and one field is bent (or left out); sometimes two; sometimes every one.
    One submit button is pressed (or none), sometimes a field the form does not have is
    added, and sometimes it is sent as htmx sends it."""
    fields = [item for item in form.fields.values() if item.kind != "submit"]
    how_many = draw(st.sampled_from([1] * 7 + [2] * 2 + [len(fields)]), label="fields bent")
    bent_names = set(draw(st.lists(st.sampled_from([f.name for f in fields]), min_size=min(
        how_many, len(fields)), max_size=min(how_many, len(fields)), unique=True))
        if fields else [])
    pairs = []
    for item in fields:
        values = draw(value_for(item)) if item.name in bent_names else typed_value(item)
        pairs.extend((item.name, value) for value in values)
    buttons = [(item.name, choice) for item in form.fields.values() if item.kind == "submit"
               for choice in (item.choices or [""])]
    if buttons and draw(st.integers(0, 3)):
        pairs.append(draw(st.sampled_from(buttons)))
    if draw(st.integers(0, 9)) == 0:
        pairs.append((draw(st.sampled_from(["id", "user_id", "school_id", "role", "_method",
                                            "csrf_token", "page", "next"])),
                      draw(HOSTILE_TEXT)))
    headers = {}
    if draw(st.integers(0, 4)) == 0:
        headers["HX-Request"] = "true"
        if fields:
            headers["HX-Trigger-Name"] = draw(st.sampled_from([f.name for f in fields]))
    return pairs, headers


_QUERY_VALUES = st.one_of(
    st.lists(st.sampled_from(NUMBERS + DATE_PARTS), min_size=1, max_size=3),
    st.lists(_RARE_NUL_TEXT, min_size=1, max_size=2))


@st.composite
def query(draw, names: list[str]) -> list[tuple[str, str]]:
    """A query string from the parameters the page is reached with, each bent or missing."""
    pairs = []
    for name in names:
        if draw(st.booleans()):
            pairs.extend((name, value) for value in draw(_QUERY_VALUES))
    return pairs


def _fits_a_path(value: str) -> bool:
    return "/" not in value and bool(value.strip())


_PATH_VALUES = {
    "int": st.sampled_from([str(2**31), str(2**63), "9" * 30, "0", "00", "1" * 11]),
    "str": st.one_of(HOSTILE_TEXT.filter(_fits_a_path), st.sampled_from(NUMBERS)),
}


def path_value(kind: str) -> st.SearchStrategy[str]:
    """A hostile value for a part of the path (an id, a reference, a token)."""
    return _PATH_VALUES[kind]
