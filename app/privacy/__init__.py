"""The identifier guard: find what in a piece of free text could identify a child.

Schools write to the Virtual School about children anonymously. Every free-text field is
checked with :func:`find_identifiers` as the user leaves it and again on submit; anything it
finds is refused with the message from :func:`describe_findings`.

It looks for seven kinds of identifier:

``name``
    A forename from the module's lists of common given names followed by a surname ("Jack
    Smith", "Olivia O'Brien", "Mia Hughes-Jones", "Harvey Thomas Wilson"); a title with a
    surname ("Mrs Patel", "Dr. Okafor"); and a capitalised word that is not a known
    non-name word followed by a surname, when a word just before says a name follows ("her
    brother, Zephyr Quill", "Child's name: ...") or, away from the start of a sentence, when
    the surname is a common one or has a typical ending ("... about Tendai Moyo",
    "... Sorin Marinescu"). Programmes, services, roles, months, places, saints,
    institutions named after people ("Thomas Tallis School") and a short list of famous
    people (Louise Bomber, Dan Hughes, Harry Potter) are not names.

    A forename on its own ("Jack said he ...") is **not** reported: many forenames are also
    ordinary words (Grace, Will, May, Hope), staff are routinely named by first name, and
    the issue asks for forename with surname; reporting every "Jack" would cry wolf on
    ordinary notes. Nor are initials ("JS"), which are how records name children here.
``dob``
    A date written next to words that say it is a date of birth ("DOB", "D.O.B.", "date of
    birth", "born", "born on", "birthday"). Dates of meetings, reviews and terms are not.
``upn``
    A unique pupil number with a correct check letter (DfE algorithm: weights 2 to 13 over
    characters 2 to 13, sum mod 23, letters ``ABCDEFGHJKLMNPQRTUVWXYZ``; the final letter of
    a temporary UPN counts as its index in that alphabet). A string of the same shape whose
    check letter is wrong is **not** reported: see :data:`UPN_SHAPE` for the reasoning.
``nhs``
    An NHS number with a valid mod-11 check digit (``stdnum.gb.nhs``): 10 digits, or 3-3-4
    separated by spaces or hyphens.
``postcode``
    A full UK postcode in any case, with or without the space, whose area is a real postcode
    area (so "Y5 1st" and "KS2 3rd" are not postcodes); also GIR 0AA. An outward code on its
    own ("the BS16 area") is not reported.
``phone``
    A UK number as people type it (0..., (0...), +44, +44 (0), 0044; spaces, hyphens or
    dots), read digit by digit and checked with ``phonenumbers``; and an international
    number (+33 ...) found by ``phonenumbers``' matcher. Scores, percentages, years, dates,
    times, references and numbers already found as NHS numbers or UPNs are never phone
    numbers.
``email``
    An email address.

Overlapping findings are merged into one, keeping the more specific kind (UPN, then NHS
number, email, postcode, date of birth, phone, name).

This module is pure Python (no Flask) and precompiles everything at import, so checking a
2,000-character field takes a few milliseconds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import phonenumbers
from stdnum.gb import nhs as _stdnum_nhs

from app.privacy.addresses import find_addresses
from app.privacy.lexicon import load as load_lexicon
from app.privacy.names import ACRONYMS as NAME_ACRONYMS
from app.privacy.names import find_names
from app.privacy.online import find_handles, find_obfuscated_emails
from app.privacy.references import find_case_ids, find_ninos

__all__ = [
    "KINDS",
    "UPN_SHAPE",
    "Finding",
    "describe_findings",
    "find_identifiers",
    "is_valid_upn",
    "upn_check_letter",
]

#: The kinds of identifier, most specific first: when two findings overlap, the one whose
#: kind comes first in this tuple wins.
KINDS: tuple[str, ...] = ("upn", "nhs", "nino", "email", "handle", "postcode", "case_id",
                          "address", "dob", "phone", "name")
_PRIORITY = {kind: rank for rank, kind in enumerate(KINDS)}

_SINGULAR = {
    "name": "a name",
    "address": "an address",
    "nino": "a National Insurance number",
    "handle": "a social media or game username",
    "case_id": "a case or reference number from another service",
    "dob": "a date of birth",
    "upn": "a unique pupil number (UPN)",
    "nhs": "an NHS number",
    "postcode": "a postcode",
    "phone": "a phone number",
    "email": "an email address",
}
_PLURAL = {
    "name": "names",
    "address": "addresses",
    "nino": "National Insurance numbers",
    "handle": "social media or game usernames",
    "case_id": "case or reference numbers from other services",
    "dob": "dates of birth",
    "upn": "unique pupil numbers (UPNs)",
    "nhs": "NHS numbers",
    "postcode": "postcodes",
    "phone": "phone numbers",
    "email": "email addresses",
}


@dataclass(frozen=True, slots=True)
class Finding:
    """One identifier found in a text: ``text[start:end] == finding.text``."""

    kind: str
    start: int
    end: int
    text: str

    @property
    def overridable(self) -> bool:
        """Whether a person may confirm that this is not what it looks like: only a name
        can be; a number or an address with a valid shape cannot."""
        return self.kind == "name"

    def describe(self) -> str:
        """Plain words for an error message, e.g. "a name (‘Jack Smith’)"."""
        return f"{_SINGULAR[self.kind]} ({_quote(self.text)})"


def _quote(text: str) -> str:
    return f"‘{' '.join(text.split())}’"


def _join(items: list[str]) -> str:
    """Join with commas and a final "and", GOV.UK style (no serial comma)."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def describe_findings(
    findings: Iterable[Finding], *, positions: bool = True, most_per_kind: int = 3
) -> str:
    """One sentence for a GOV.UK error message about everything found, or "" if nothing was.

    For "Jack Smith lives at SW1A 1AA": "This looks like it contains a name (‘Jack Smith’ at
    character 1) and a postcode (‘SW1A 1AA’ at character 21). Remove them so that no one can
    identify the child: write the child's initials or reference instead of a name."
    Characters are counted from 1, as people
    count them; ``positions=False`` leaves them out (for a short, one-line field). Kinds come
    in the order they first appear; a repeated text is quoted once, where it first appears;
    after ``most_per_kind`` quotes of one kind the rest are counted ("and 2 more").
    """
    by_kind: dict[str, list[Finding]] = {}
    seen: set[tuple[str, str]] = set()
    for finding in sorted(findings, key=lambda f: f.start):
        key = (finding.kind, " ".join(finding.text.split()).casefold())
        if key in seen:
            continue
        seen.add(key)
        by_kind.setdefault(finding.kind, []).append(finding)
    if not by_kind:
        return ""
    parts = []
    total = 0
    for kind, found in by_kind.items():
        total += len(found)
        quoted = [
            f"{_quote(f.text)} at character {f.start + 1}" if positions else _quote(f.text)
            for f in found[:most_per_kind]
        ]
        if len(found) > most_per_kind:
            quoted.append(f"{len(found) - most_per_kind} more")
        label = _SINGULAR[kind] if len(found) == 1 else _PLURAL[kind]
        parts.append(f"{label} ({_join(quoted)})")
    pronoun = "it" if total == 1 else "them"
    instead = ""
    if "name" in by_kind:
        instead = (": write the child's initials or reference instead" if len(by_kind) == 1
                   else ": write the child's initials or reference instead of a name")
    return (
        f"This looks like it contains {_join(parts)}. "
        f"Remove {pronoun} so that no one can identify the child{instead}."
    )


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --------------------------------------------------------------------------- UPN

_UPN_ALPHABET = "ABCDEFGHJKLMNPQRTUVWXYZ"
_UPN_VALUES = {letter: value for value, letter in enumerate(_UPN_ALPHABET)}
_UPN_VALUES.update({str(digit): digit for digit in range(10)})

#: The shape of a UPN: a check letter, 11 digits, and a digit (permanent) or a letter
#: (temporary). Only a string of this shape **with the right check letter** is reported.
#:
#: A string of this shape with a wrong check letter is deliberately not reported: the issue
#: says it is not a UPN, the check letter is what lets the guard be sure, and the kinds a
#: finding may have are fixed. In practice UPNs are copied from the school's MIS rather
#: than retyped, so their check letters are right; a one-character typo slips through. If
#: that risk is judged worth a warning, report ``_UPN_RE`` matches that fail the check too.
UPN_SHAPE = r"[A-HJ-NP-RT-Z]\d{11}[0-9A-HJ-NP-RT-Z]"
_UPN_RE = re.compile(rf"(?<![^\W_])(?:{UPN_SHAPE})(?![^\W_])", re.IGNORECASE)
# The same typed in groups, as people copy it from a letter: "A801 2000 0500 1".
_SPACED_UPN_RE = re.compile(
    r"(?<![^\W_])[A-HJ-NP-RT-Z](?:[ \-]?\d){11}[ \-]?[0-9A-HJ-NP-RT-Z](?![^\W_])", re.IGNORECASE
)


def upn_check_letter(body: str) -> str:
    """The check letter for the last 12 characters of a UPN (11 digits, then a digit or a
    letter for a temporary UPN), by the DfE's algorithm.

    >>> upn_check_letter("801200005001")
    'B'
    """
    body = body.upper()
    if len(body) != 12 or not body[:11].isdigit() or body[11] not in _UPN_VALUES:
        raise ValueError(f"not the body of a UPN: {body!r}")
    total = sum(weight * _UPN_VALUES[char] for weight, char in enumerate(body, start=2))
    return _UPN_ALPHABET[total % 23]


def is_valid_upn(text: str) -> bool:
    """Whether ``text`` is a well-formed UPN with the right check letter (any case)."""
    text = text.strip().upper()
    if not re.fullmatch(UPN_SHAPE, text):
        return False
    return upn_check_letter(text[1:]) == text[0]


def _find_upns(text: str) -> Iterator[tuple[str, int, int]]:
    for match in _SPACED_UPN_RE.finditer(text):
        if is_valid_upn(re.sub(r"[ \-]", "", match.group())):
            yield "upn", match.start(), match.end()


# --------------------------------------------------------------------------- NHS number

_NHS_RE = re.compile(r"(?<![\d+])(\d{3})([ \-]?)(\d{3})\2(\d{4})(?![\d])")
_INTERNATIONAL_PREFIX_RE = re.compile(r"\+\d{1,3}[ \-]?$")


def _find_nhs_numbers(text: str) -> Iterator[tuple[str, int, int]]:
    for match in _NHS_RE.finditer(text):
        digits = match.group(1) + match.group(3) + match.group(4)
        if len(set(digits)) == 1:  # 0000000000 passes mod 11 but is never an NHS number
            continue
        if _INTERNATIONAL_PREFIX_RE.search(text, max(0, match.start() - 5), match.start()):
            continue  # +44 770 090 0123 is a phone number
        if _stdnum_nhs.is_valid(digits):
            yield "nhs", match.start(), match.end()


# --------------------------------------------------------------------------- postcode

# The 124 postcode areas of the UK and Crown dependencies, and BF (British Forces) and
# BX (non-geographic). A postcode must start with one of these.
_POSTCODE_AREAS = _words(
    """
    AB AL B BA BB BD BF BH BL BN BR BS BT BX CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL
    DN DT DY E EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW
    KY L LA LD LE LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH
    RM S SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF
    WN WR WS WV YO ZE
    """
)
_POSTCODE_RE = re.compile(
    r"(?<![^\W_])"
    r"(?P<outward>GIR|[A-Z]{1,2}\d[A-Z\d]?)"
    r"[ \u00a0]?"
    r"(?P<inward>\d[ABD-HJLNP-UW-Z]{2})"
    r"(?![^\W_])",
    re.IGNORECASE,
)
_OUTWARD_RE = re.compile(
    r"[A-PR-UWYZ]\d{1,2}|[A-PR-UWYZ]\d[A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y]\d{1,2}"
    r"|[A-PR-UWYZ][A-HK-Y]\d[ABEHMNPRVWXY]"
)
_ORDINAL_RE = re.compile(r"\d(?:st|nd|rd|th)", re.IGNORECASE)


def _find_postcodes(text: str) -> Iterator[tuple[str, int, int]]:
    for match in _POSTCODE_RE.finditer(text):
        outward = match.group("outward").upper()
        inward = match.group("inward")
        if outward == "GIR":
            if inward.upper() == "0AA":
                yield "postcode", match.start(), match.end()
            continue
        if not _OUTWARD_RE.fullmatch(outward):
            continue
        area = outward[:2] if outward[1].isalpha() else outward[:1]
        if area not in _POSTCODE_AREAS:
            continue
        if _ORDINAL_RE.fullmatch(inward) and not inward.isupper():
            continue  # "S1 2nd", "M6 3rd": a set and an ordinal, not a postcode
        yield "postcode", match.start(), match.end()


# --------------------------------------------------------------------------- email

_EMAIL_RE = re.compile(
    r"(?<![\w.%+'\-])"
    r"[\w%+'\-]+(?:\.[\w%+'\-]+)*"
    r"@"
    r"(?:[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}"
    r"(?![\w\-])"
)


def _find_emails(text: str) -> Iterator[tuple[str, int, int]]:
    for match in _EMAIL_RE.finditer(text):
        yield "email", match.start(), match.end()


# --------------------------------------------------------------------------- dates

_MONTH = (
    r"(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?"
    r"|aug(?:ust|\.)?|sep(?:t(?:ember)?)?\.?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)"
)
_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
_ORD = r"(?:st|nd|rd|th)?"
_YEAR4 = r"(?:19|20)\d{2}"
_MM = r"(?:1[0-2]|0?[1-9])"
_UNITS = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_ORDINAL_WORD = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth"
    r"|twenty[\s\-](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|thirtieth"
    r"|thirty[\s\-]first)"
)
# twenty sixteen, twenty-twelve, two thousand and fifteen, two thousand fifteen
_YEAR_WORDS = (
    rf"(?:twenty[\s\-](?:{_TEENS}|twenty(?:[\s\-]{_UNITS})?|o[\s\-]?{_UNITS})"
    rf"|two\s+thousand(?:\s+and)?(?:\s+{_TEENS}|\s+twenty(?:[\s\-]{_UNITS})?|\s+{_UNITS})?)"
)
_ANY_YEAR = rf"(?:{_YEAR4}|{_YEAR_WORDS}|'?\d{{2}})"
_FESTIVE = (
    r"(?:christmas\s+eve|new\s+year['’]?s\s+eve|boxing|christmas|new\s+year['’]?s"
    r"|valentine['’]?s|st\.?\s+patrick['’]?s|st\.?\s+david['’]?s|st\.?\s+george['’]?s"
    r"|halloween|bonfire\s+night|guy\s+fawkes)(?:\s+day)?"
)
_DATE_RE = re.compile(
    r"(?<![\w/.\-])(?:"
    # 12/03/2015, 12-03-2015, 12.03.15, 1/9/2016
    rf"{_DAY}(?P<sep>[/.\-]){_MM}(?P=sep)(?:{_YEAR4}|\d{{2}})"
    # 2015-03-12
    rf"|{_YEAR4}(?P<isep>[\-/.]){_MM}(?P=isep){_DAY}"
    # 03-Jun-16, 3/June/2016, 3.jun.16
    rf"|{_DAY}(?P<msep>[\-/.]){_MONTH}(?P=msep)(?:{_YEAR4}|\d{{2}})"
    # 12 March 2015, 12th March 2015, 2nd of February 2012, 21 September, 3 Jun 16
    rf"|{_DAY}{_ORD}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_ANY_YEAR})?"
    # the fifth of June twenty sixteen, fifth June 2016
    rf"|(?:the\s+)?{_ORDINAL_WORD}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_ANY_YEAR})?"
    # March 12 2015, March 12th, 2015, June the fifth twenty sixteen
    rf"|{_MONTH}\s+(?:the\s+)?(?:{_DAY}{_ORD}|{_ORDINAL_WORD})(?:,?\s+{_ANY_YEAR})?"
    # Boxing Day 2015, Christmas Eve twenty fourteen; a birthday on Christmas Eve
    rf"|{_FESTIVE}(?:,?\s+{_ANY_YEAR})?"
    # March 2015 (only ever a date of birth with a cue right before it)
    rf"|{_MONTH},?\s+{_YEAR4}"
    r")(?![\w/\-]|\.\d)",
    re.IGNORECASE,
)
_TIME_RE = re.compile(
    r"(?<![\w.:])(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?\s?(?:am|pm|a\.m\.|p\.m\.)(?!\w)"
    r"|(?<![\w.:])(?:[01]?\d|2[0-3]):[0-5]\d(?!\w)",
    re.IGNORECASE,
)
_DOB_CUE = (
    r"(?:d\.?\s?o\.?\s?b\b\.?|date\s+of\s+birth|birth\s*date|birthday|b['’]?day|bday"
    r"|born(?:\s+on)?|\bb\.|\bb\s*:|(?:turns?|turning|will\s+be|is|be)\s+\d{1,2}\s+on"
    r"|\d{1,2}(?:st|nd|rd|th)\s+birthday(?:\s+party)?)"
)
# What may come between a cue and its date: a colon, "is", "was", "on the", "of"...
_DOB_BEFORE_RE = re.compile(
    rf"(?<!\w){_DOB_CUE}(?:['’]s)?(?:\s*\([^()]{{0,20}}\))?"
    r"(?:\s*[:=\-–(]\s*|\s+)"
    r"(?:(?:is|was|on|the|of|in|approx\.?|approximately|his|her|their)\s+)*$",
    re.IGNORECASE,
)
# "born in Poland on 3 May 2015", "born in hospital on ...": a few words, no punctuation.
_BORN_BEFORE_RE = re.compile(
    r"(?<!\w)born\s+(?:in|at)(?:\s+[^\s\d.,;:!?()\[\]]+){1,3}\s+on(?:\s+the)?\s+$",
    re.IGNORECASE,
)
_DOB_AFTER_RE = re.compile(
    r"^\s*(?:[(\-–,:]\s*)?(?:(?:is|was)\s+)?(?:(?:his|her|their|the\s+child's)\s+)?"
    rf"{_DOB_CUE}(?!\w)",
    re.IGNORECASE,
)
_DOB_WINDOW = 60


def _find_dates(text: str) -> list[tuple[int, int]]:
    return [match.span() for match in _DATE_RE.finditer(text)]


# A date straight after a name or a child's initials is that person's date of birth:
# "Jack Smith, 12/03/2015", "JS (12.03.15)".
_AFTER_PERSON_RE = re.compile(r"\s*(?:[,(\-–:]\s*|\s)(?:d\.?o\.?b\.?\s*:?\s*)?$", re.IGNORECASE)
_INITIALS_RE = re.compile(r"(?<![\w])[A-Z]\.?[A-Z]\.?(?:[A-Z]\.?)?$")


def _after_person(text: str, start: int, names: list[tuple[str, int, int]]) -> bool:
    gap = _AFTER_PERSON_RE.search(text, max(0, start - 8), start)
    if gap is None:
        return False
    before = gap.start()
    if any(end == before for _, _, end in names):
        return True
    initials = _INITIALS_RE.search(text, max(0, before - 6), before)
    return initials is not None and initials.group().replace(".", "") not in NAME_ACRONYMS


def _find_dobs(
    text: str, dates: list[tuple[int, int]], names: list[tuple[str, int, int]]
) -> Iterator[tuple[str, int, int]]:
    for start, end in dates:
        if _after_person(text, start, names):
            yield "dob", start, end
            continue
        before = text[max(0, start - _DOB_WINDOW) : start]
        after = text[end : end + _DOB_WINDOW]
        if (
            _DOB_BEFORE_RE.search(before)
            or _BORN_BEFORE_RE.search(before)
            or _DOB_AFTER_RE.match(after)
        ):
            yield "dob", start, end


# --------------------------------------------------------------------------- phone

_PHONE_HINT_RE = re.compile(r"(?:\+|\(?0)\d[\d \-().\u00a0]{6,}\d")
# The start of a UK number as typed: 0, (0, +44, +44 (0), 0044.
_UK_PHONE_START_RE = re.compile(
    r"(?<![\w+/.])(?:(?:\+|00)44[ \-\u00a0]?(?:\(0\)[ \-\u00a0]?)?|\(0|0)(?=\d)"
)
# Between two groups of digits: a space, a hyphen or a dot, after a closing bracket or not.
_PHONE_SEPARATOR_RE = re.compile(r"\)?[ \-.\u00a0]?(?=\d)")
_GB_FIRST_DIGITS = frozenset("1235789")
# "+353 ...", and "00 40 ...", "0040 ...": the international prefix dialled from the UK.
_INTERNATIONAL_START_RE = re.compile(r"(?<![\w+])(?:\+|00[ \-]?(?=[1-9]))\d")


def _uk_phone_spans(text: str) -> Iterator[tuple[int, int]]:
    """UK numbers in the formats people type, read digit by digit so that a number after
    the phone number ("ring 0117 496 0123 2 or 3 times") does not spoil it."""
    for match in _UK_PHONE_START_RE.finditer(text):
        position = match.end()
        national = ""
        while len(national) < 10 and position < len(text):
            if text[position].isdigit():
                national += text[position]
                position += 1
                continue
            separator = _PHONE_SEPARATOR_RE.match(text, position)
            if not separator or separator.end() == position:
                break
            position = separator.end()
        end = position
        while not text[end - 1].isdigit():
            end -= 1
        if end < len(text) and text[end].isdigit():
            continue  # a longer run of digits: not a phone number
        if len(national) not in (9, 10) or national[0] not in _GB_FIRST_DIGITS:
            continue
        number = phonenumbers.parse("0" + national, "GB")
        if phonenumbers.is_possible_number(number):
            yield match.start(), end


def _find_phones(text: str, blocked: list[tuple[int, int]]) -> Iterator[tuple[str, int, int]]:
    if not _PHONE_HINT_RE.search(text):
        return

    def allowed(start: int, end: int) -> bool:
        if any(start < b_end and b_start < end for b_start, b_end in blocked):
            return False  # a date, a time, an NHS number or a UPN
        return text[end : end + 1] != "%" and text[end : end + 2] != " %"

    found = [span for span in _uk_phone_spans(text) if allowed(*span)]
    yield from (("phone", start, end) for start, end in found)
    # Then international numbers ("+33 1 23 45 67 89"), through phonenumbers, one short
    # window at a time: running its matcher over a whole field of numbers is slow.
    for plus in _INTERNATIONAL_START_RE.finditer(text):
        start = plus.start()
        if any(f_start <= start < f_end for f_start, f_end in found):
            continue
        window = text[start : start + 32]
        lead = 0
        if window.startswith("00"):
            # "0040 7..." read as "+40 7...", written over the same characters so that
            # positions in the window stay positions in the text
            lead = len(re.match(r"00[ \-]?", window).group()) - 1
            window = " " * lead + "+" + window[lead + 1 :]
        matcher = phonenumbers.PhoneNumberMatcher(
            window, "GB", leniency=phonenumbers.Leniency.POSSIBLE
        )
        for match in matcher:
            if match.start != lead:
                break
            end = start + match.end
            if not allowed(start, end):
                break
            number = match.number
            national = phonenumbers.national_significant_number(number)
            if phonenumbers.is_valid_number(number) or len(national) >= 8:
                found.append((start, end))
                yield "phone", start, end
            break


# --------------------------------------------------------------------------- all together


def find_identifiers(text: str, *, not_names: Iterable[str] = ()) -> list[Finding]:
    """Everything in ``text`` that could identify a child, sorted by position.

    Overlapping findings are merged into one, with the more specific kind. ``not_names``
    are phrases confirmed not to be anyone's name (the Virtual School's list, or a user's
    confirmation on one field): a name found inside one of them is not reported.
    """
    if not text:
        return []
    findings = _find_all(text)
    phrases = [" ".join(p.split()).casefold() for p in not_names if p and p.strip()]
    if phrases:
        findings = [f for f in findings if not (f.overridable and _inside_phrase(text, f, phrases))]
    return findings


def _inside_phrase(text: str, finding: Finding, phrases: list[str]) -> bool:
    """Whether the finding lies within an occurrence of one of ``phrases`` in ``text``."""
    for phrase in phrases:
        pattern = r"\s+".join(re.escape(word) for word in phrase.split())
        for match in re.finditer(pattern, text, re.IGNORECASE):
            if match.start() <= finding.start and finding.end <= match.end():
                return True
    return False


def _find_all(text: str) -> list[Finding]:
    raw: list[tuple[str, int, int]] = []
    raw.extend(_find_upns(text))
    raw.extend(_find_nhs_numbers(text))
    raw.extend(find_ninos(text))
    raw.extend(_find_emails(text))
    raw.extend(find_obfuscated_emails(text))
    raw.extend(find_handles(text, _is_word))
    raw.extend(_find_postcodes(text))
    raw.extend(find_addresses(text))
    dates = _find_dates(text)
    names = list(find_names(text))
    raw.extend(_find_dobs(text, dates, names))
    blocked = [(start, end) for kind, start, end in raw if kind in ("upn", "nhs", "nino")]
    blocked.extend(dates)
    blocked.extend(match.span() for match in _TIME_RE.finditer(text))
    phones = list(_find_phones(text, blocked))
    raw.extend(phones)
    blocked.extend((start, end) for _, start, end in raw)
    raw.extend(find_case_ids(text, blocked))
    raw.extend(names)
    return _merge(text, raw)


def _is_word(word: str) -> bool:
    return load_lexicon().zipf(word) >= 2


def _merge(text: str, raw: list[tuple[str, int, int]]) -> list[Finding]:
    raw.sort(key=lambda item: (item[1], _PRIORITY[item[0]]))
    merged: list[list] = []
    for kind, start, end in raw:
        if merged and start < merged[-1][2]:
            current = merged[-1]
            current[2] = max(current[2], end)
            if _PRIORITY[kind] < _PRIORITY[current[0]]:
                current[0] = kind
        else:
            merged.append([kind, start, end])
    return [Finding(kind, start, end, text[start:end]) for kind, start, end in merged]
