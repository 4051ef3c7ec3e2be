"""Validators shared by the forms of several areas."""

from wtforms.validators import ValidationError

from app.privacy import describe_findings, find_identifiers


class NoIdentifiers:
    """Refuse free text that carries a name, date of birth, UPN, NHS number, postcode,
    phone number or email address, saying what was found and where."""

    field_flags = {"no_identifiers": True}

    def __call__(self, form, field):
        findings = find_identifiers(field.data or "")
        if findings:
            raise ValidationError(describe_findings(findings))
