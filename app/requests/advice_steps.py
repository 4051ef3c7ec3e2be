"""The advice request form's pages, in order: each reads its answers from the request and
writes them back. The views walk this list; nothing else knows the order."""

from dataclasses import dataclass, field

from flask import url_for
from markupsafe import Markup

from app.extensions import db
from app.london import long_date
from app.models import (
    AdviceRequest,
    ConsentGiver,
    Indicator,
    SocialWorker,
    SupportWanted,
    Theme,
)
from app.requests import advice_forms as forms


@dataclass(frozen=True)
class Step:
    slug: str
    title: str
    form_class: type
    fields: tuple[str, ...]
    # How each field is shown: e.g. its label as the page heading.
    params: dict = field(default_factory=dict)
    # A page asking several things has a heading of its own.
    heading: str | None = None
    lead: str | None = None

    def params_for(self, form_field) -> dict:
        """The GOV.UK params for a field; a fieldset's legend needs the label's text given
        again, since govuk-frontend-wtf only fills it in when no fieldset is passed."""
        params = dict(self.params.get(form_field.name, {}))
        if "fieldset" in params:
            legend = dict(params["fieldset"]["legend"], text=form_field.label.text)
            params["fieldset"] = dict(params["fieldset"], legend=legend)
        return params


HEADING_LABEL = {"label": {"isPageHeading": True, "classes": "govuk-label--l"}}
HEADING_LEGEND = {"fieldset": {"legend": {"isPageHeading": True,
                                          "classes": "govuk-fieldset__legend--l"}}}
LEGEND_M = {"fieldset": {"legend": {"classes": "govuk-fieldset__legend--m"}}}
LABEL_M = {"label": {"classes": "govuk-label--m"}}

STEPS = [
    Step("indicators", "Key educational indicators", forms.IndicatorsForm, ("indicators",),
         {"indicators": HEADING_LEGEND}),
    Step("themes", "Themes", forms.ThemesForm, ("themes",), {"themes": HEADING_LEGEND}),
    Step("attendance", "Attendance", forms.AttendanceForm, ("attendance_percent",),
         {"attendance_percent": HEADING_LABEL | {
             "classes": "govuk-input--width-4", "suffix": {"text": "%"},
             "inputmode": "decimal", "spellcheck": False}}),
    Step("tried", "What has been tried", forms.TriedForm, ("tried", "tried_for"),
         {"tried": HEADING_LABEL | {"rows": 8}, "tried_for": LABEL_M}),
    Step("support", "What you would like", forms.SupportForm, ("support_wanted",),
         {"support_wanted": HEADING_LEGEND}),
    Step("question", "Your question", forms.QuestionForm, ("question",),
         {"question": HEADING_LABEL | {"rows": 6}}),
    Step("social-worker", "Social worker", forms.SocialWorkerForm, ("social_worker",),
         {"social_worker": HEADING_LEGEND}),
    Step("consent", "Consent", forms.ConsentForm,
         ("consent_given_by", "consent_date", "consent_scope", "consent_confirmed"),
         {"consent_given_by": LEGEND_M, "consent_date": LEGEND_M, "consent_scope": LABEL_M},
         heading="The parent's or carer's consent",
         lead="The Virtual School can only advise on a child with the consent of someone with "
              "parental responsibility. You cannot send the request without it."),
]
BY_SLUG = {step.slug: step for step in STEPS}


def next_slug(step: Step) -> str | None:
    index = STEPS.index(step)
    return STEPS[index + 1].slug if index + 1 < len(STEPS) else None


def previous_slug(step: Step) -> str | None:
    index = STEPS.index(step)
    return STEPS[index - 1].slug if index > 0 else None


def theme_choices(request_: AdviceRequest) -> list[tuple[int, str]]:
    """Active themes, plus any retired one this request already has."""
    themes = db.session.scalars(db.select(Theme).where(Theme.active).order_by(Theme.position,
                                                                             Theme.name)).all()
    extra = [t for t in request_.themes if t not in themes]
    return [(t.id, t.name) for t in themes + extra]


def load_answers(step: Step, request_: AdviceRequest) -> dict:
    """The request's current answers for the step, as form data."""
    answers = {}
    for name in step.fields:
        if name == "themes":
            answers[name] = [t.id for t in request_.themes]
        elif name == "indicators":
            answers[name] = [i.value for i in request_.indicators]
        else:
            value = getattr(request_, name)
            answers[name] = value.value if hasattr(value, "value") else value
    return answers


_ENUMS = {"support_wanted": SupportWanted, "social_worker": SocialWorker,
          "consent_given_by": ConsentGiver}


def save_answers(step: Step, form, request_: AdviceRequest) -> None:
    for name in step.fields:
        value = form[name].data
        if name == "themes":
            request_.themes = list(db.session.scalars(db.select(Theme).where(Theme.id.in_(value))))
        elif name == "indicators":
            request_.indicators = value
        elif name in _ENUMS:
            setattr(request_, name, _ENUMS[name](value))
        elif isinstance(value, str):
            setattr(request_, name, value.strip())
        else:
            setattr(request_, name, value)


def _text(value: str | None) -> dict:
    if not value:
        return {"text": "Not answered yet"}
    return {"html": Markup('<span class="convene-pre-line">{}</span>').format(value)}


def answer_rows(r: AdviceRequest, change: bool = False, indicators: list[Indicator] | None = None,
                theme_names: list[str] | None = None) -> list[dict]:
    """The request's answers for a GOV.UK summary list; with `change`, each row links back
    to its question (check your answers). A page that has read the indicators and the
    themes' names already passes them; otherwise the request's own are used."""
    missing = "Not answered yet"
    child = r.child
    if indicators is None:
        indicators = r.indicators
    if theme_names is None:
        theme_names = [t.name for t in r.themes]
    rows = [
        ("Child", {"text": f"{child.reference}: {child.initials}, {child.year_group.label}, "
                           f"{child.cohort.label}, {child.sen_status.label}"}, None),
        ("Key educational indicators",
         {"text": ", ".join(i.label for i in indicators) or missing}, "indicators"),
        ("Themes", {"text": ", ".join(theme_names) or missing}, "themes"),
        ("Attendance this term", {"text": f"{r.attendance_percent}%"
                                  if r.attendance_percent is not None else "Not known"},
         "attendance"),
        ("What has been tried", _text(r.tried), "tried"),
        ("For how long", {"text": r.tried_for or missing}, "tried"),
        ("What you would like", {"text": r.support_wanted.label if r.support_wanted
                                 else missing}, "support"),
        ("Question", _text(r.question), "question"),
        ("Social worker", {"text": r.social_worker.label if r.social_worker else missing},
         "social-worker"),
        ("Consent given by", {"text": r.consent_given_by.label if r.consent_given_by
                              else missing}, "consent"),
        ("Consent given on", {"text": long_date(r.consent_date) if r.consent_date
                              else missing}, "consent"),
        ("Consent covers", _text(r.consent_scope), "consent"),
    ]
    return [_row(r, key, value, slug if change else None) for key, value, slug in rows]


def _row(r: AdviceRequest, key: str, value: dict, slug: str | None) -> dict:
    row = {"key": {"text": key}, "value": value}
    if slug:
        href = url_for("requests.step", request_id=r.id, slug=slug, change=1)
        row["actions"] = {"items": [{"href": href, "text": "Change",
                                     "visuallyHiddenText": key.lower()}]}
    return row


_PROBLEM_SLUGS = {"indicators": "indicators", "themes": "themes", "tried": "tried",
                  "tried_for": "tried", "support": "support", "question": "question",
                  "social_worker": "social-worker", "consent": "consent",
                  "consent_scope": "consent"}


def problem_links(r: AdviceRequest, problems: dict[str, str]) -> list[dict]:
    """The error summary's list: each problem links to the question that fixes it."""
    return [{"text": message,
             "href": url_for("requests.step", request_id=r.id, slug=_PROBLEM_SLUGS[key],
                             change=1)}
            for key, message in problems.items() if key in _PROBLEM_SLUGS]
