"""Validators shared by the forms of several areas."""

from dataclasses import dataclass

from flask import g, has_request_context, request
from wtforms.validators import ValidationError

from app.models.name_check import phrase_key, tidy_phrase
from app.privacy import describe_findings, find_identifiers
from app.services import never_names

# The checkboxes under a field refused for names alone: each ticked one posts
# "<field name>:<phrase>" (app/templates/_macros/not_a_name.html).
NOT_A_NAME = "not_a_name"
CONFIRMED_PHRASE_MAX = 200


@dataclass(frozen=True)
class NameCheck:
    """What the guard found of names in a field, for the checkboxes under it."""

    # Flagged as names, when names are all that is left: each may be confirmed.
    offered: tuple[str, ...] = ()
    # Ticked as not a person's name, and needed for the text to pass: kept ticked, and
    # saved with the record (app.services.name_confirmations).
    confirmed: tuple[str, ...] = ()

    @property
    def choices(self) -> list[tuple[str, bool]]:
        """(phrase, ticked) for each checkbox to show."""
        return [(phrase, False) for phrase in self.offered] + [
            (phrase, True) for phrase in self.confirmed]


def ticked_not_names(field_name: str) -> list[str]:
    """The phrases the user ticked as not a person's name under this field."""
    if not has_request_context():
        return []
    prefix = f"{field_name}:"
    phrases = []
    for value in request.form.getlist(NOT_A_NAME):
        if value.startswith(prefix):
            phrase = tidy_phrase(value[len(prefix):])
            if phrase and len(phrase) <= CONFIRMED_PHRASE_MAX:
                phrases.append(phrase)
    return _unique(phrases)


def listed_never_names() -> tuple[str, ...]:
    """The Virtual School's phrases that are never names, read once per request however
    many fields a form checks (app.services.never_names keeps them between requests)."""
    if not has_request_context():
        return never_names.phrases()
    if "never_names" not in g:
        g.never_names = never_names.phrases()
    return g.never_names


def saved_not_names(field_name: str) -> list[str]:
    """Phrases confirmed on this field of the record being edited, in an earlier save
    (app.services.name_confirmations.accept_saved puts them on g for the request)."""
    return g.get("saved_not_names", {}).get(field_name, []) if has_request_context() else []


class NoIdentifiers:
    """Refuse free text that carries anything the identifier guard (app.privacy) finds: a
    name, a date of birth, a UPN, a phone number, an address..., saying what and where.

    A name inside a phrase on the Virtual School's list of phrases that are never names is
    not reported, nor a name the user ticked as not a person's name under this field (or
    confirmed on this field of the record before). A tick counts only for a phrase the guard
    flagged as a name, exactly: nothing else can be waved through. The field is given a
    `name_check` for the checkboxes."""

    field_flags = {"no_identifiers": True}

    def __call__(self, form, field):
        text = field.data or ""
        accepted = [*listed_never_names(), *saved_not_names(field.name)]
        findings = find_identifiers(text, not_names=accepted)
        # Only the ticks of names flagged here count, as the text has them; they are kept
        # ticked, and saved.
        ticked = {phrase_key(phrase) for phrase in ticked_not_names(field.name)}
        confirmed = [phrase for phrase in _unique(f.text for f in findings if f.overridable)
                     if phrase_key(phrase) in ticked]
        if confirmed:
            findings = find_identifiers(text, not_names=[*accepted, *confirmed])
        names_only = bool(findings) and all(finding.overridable for finding in findings)
        offered = _unique(f.text for f in findings) if names_only else []
        field.name_check = NameCheck(tuple(offered), tuple(confirmed))
        if findings:
            raise ValidationError(describe_findings(findings))


def _unique(phrases) -> list[str]:
    seen, unique = set(), []
    for phrase in phrases:
        phrase = tidy_phrase(phrase)
        if phrase_key(phrase) not in seen:
            seen.add(phrase_key(phrase))
            unique.append(phrase)
    return unique
