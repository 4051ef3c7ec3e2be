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
KINDS: tuple[str, ...] = ("upn", "nhs", "email", "postcode", "dob", "phone", "name")
_PRIORITY = {kind: rank for rank, kind in enumerate(KINDS)}

_SINGULAR = {
    "name": "a name",
    "dob": "a date of birth",
    "upn": "a unique pupil number (UPN)",
    "nhs": "an NHS number",
    "postcode": "a postcode",
    "phone": "a phone number",
    "email": "an email address",
}
_PLURAL = {
    "name": "names",
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
    character 1) and a postcode (‘SW1A 1AA’ at character 21). Remove them so that the
    Virtual School cannot identify the child." Characters are counted from 1, as people
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
    return (
        f"This looks like it contains {_join(parts)}. "
        f"Remove {pronoun} so that the Virtual School cannot identify the child."
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
UPN_SHAPE = r"[A-HJ-NPR-Z]\d{11}[0-9A-HJ-NPR-Z]"
_UPN_RE = re.compile(rf"(?<![^\W_])(?:{UPN_SHAPE})(?![^\W_])", re.IGNORECASE)


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
    for match in _UPN_RE.finditer(text):
        if is_valid_upn(match.group()):
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
_DATE_RE = re.compile(
    r"(?<![\w/.\-])(?:"
    # 12/03/2015, 12-03-2015, 12.03.15, 1/9/2016
    rf"{_DAY}(?P<sep>[/.\-]){_MM}(?P=sep)(?:{_YEAR4}|\d{{2}})"
    # 2015-03-12
    rf"|{_YEAR4}(?P<isep>[\-/.]){_MM}(?P=isep){_DAY}"
    # 12 March 2015, 12th March 2015, 2nd of February 2012, 21 September
    rf"|{_DAY}{_ORD}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR4})?"
    # March 12 2015, March 12th, 2015
    rf"|{_MONTH}\s+{_DAY}{_ORD}(?:,?\s+{_YEAR4})?"
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
    r"(?:d\.?\s?o\.?\s?b\b\.?|date\s+of\s+birth|birth\s*date|birthday|b'?day"
    r"|born(?:\s+on)?)"
)
# What may come between a cue and its date: a colon, "is", "was", "on the", "of"...
_DOB_BEFORE_RE = re.compile(
    rf"(?<!\w){_DOB_CUE}"
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


def _find_dobs(text: str, dates: list[tuple[int, int]]) -> Iterator[tuple[str, int, int]]:
    for start, end in dates:
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
_INTERNATIONAL_START_RE = re.compile(r"(?<![\w+])\+\d")


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
        matcher = phonenumbers.PhoneNumberMatcher(
            window, "GB", leniency=phonenumbers.Leniency.POSSIBLE
        )
        for match in matcher:
            if match.start != 0:
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


# --------------------------------------------------------------------------- names

_TITLES = frozenset({"Mr", "Mrs", "Ms", "Mx", "Miss", "Dr", "MR", "MRS", "MX", "DR", "MISS"})

# Words after which a capitalised forename is the name of a saint, a monarch or a
# building, not of a person in the notes: "St Mary Redcliffe", "Queen Elizabeth Hospital".
_NOT_A_PERSON_BEFORE = _words(
    """
    St Saint Sir Dame Lady Lord King Queen Prince Princess Duke Duchess Cardinal Bishop
    Archbishop Pope Blessed Fr Reverend Rev Canon Archdeacon
    """
)

# Famous people whose names turn up in advice about children, and characters: not the child.
_KNOWN_PUBLIC_NAMES = frozenset(
    name.casefold()
    for name in (
        "Anna Freud",
        "Sigmund Freud",
        "Louise Bomber",
        "Dan Hughes",
        "Daniel Hughes",
        "Dan Siegel",
        "Daniel Siegel",
        "Bruce Perry",
        "Karen Treisman",
        "Paul Dix",
        "Heather Geddes",
        "Kim Golding",
        "Marjorie Boxall",
        "Carol Dweck",
        "John Bowlby",
        "Mary Ainsworth",
        "Stuart Shanker",
        "Ross Greene",
        "Mona Delahooke",
        "Stephen Porges",
        "Bessel van der Kolk",
        "Brené Brown",
        "Brene Brown",
        "Maria Montessori",
        "Jean Piaget",
        "Lev Vygotsky",
        "Abraham Maslow",
        "Carol Gray",
        "Leah Kuypers",
        "Jack Petchey",
        "Sue Ryder",
        "Marie Curie",
        "Florence Nightingale",
        "Mary Seacole",
        "Ronald McDonald",
        "Roald Dahl",
        "Julia Donaldson",
        "Michael Morpurgo",
        "David Walliams",
        "Jacqueline Wilson",
        "Harry Potter",
        "Peppa Pig",
        "Martin Luther King",
        "Nelson Mandela",
        "Winston Churchill",
        "Mr Tumble",
        "Mr Men",
        "Mr Bean",
        "Dr Seuss",
        "Dr Who",
        "Dr Martens",
        "Dolly Parton",
        "Joe Wicks",
        "Marcus Rashford",
        "Greta Thunberg",
        "Jamie Oliver",
        "Ada Lovelace",
        "Rosa Parks",
        "Anne Frank",
        "Malala Yousafzai",
        "Ms Rachel",
        "Miss Rachel",
        "Ben Nevis",
        "Percy Jackson",
        "Tom Gates",
        "Greg Heffley",
        "Peter Rabbit",
        "Peter Pan",
        "Lewis Carroll",
        "Enid Blyton",
        "Dr Barnardo",
        "Jack Russell",
    )
)

_PARTICLES = _words("van von der den de da di du del della le la bin binti bint ibn al el ap ben")

# Forenames that are also ordinary words or places ("Grace", "Hope", "Summer", "Victoria"):
# a weak place word after them ("Victoria Park", "Rose Hill") is not a surname.
_WORD_FORENAMES = _words(
    """
    Amber Angel Autumn Blessing Bobby Crystal Daisy Dawn Destiny Devon Drew Eve Faith Favour
    Florence Frank Georgia Grace Grant Harmony Hazel Heather Holly Hope Hunter India Iris Ivy
    Jade Jasmine Jay Jordan Joy Lily Lincoln Mark Mason Mercy Miles Olive Paris Patience
    Pearl Poppy Precious Robin Rose Rowan Ruby Sky Skye Sonny Star Summer Sydney Violet
    Willow Winter Victoria Alexandra Albert Elizabeth Mary George Charlotte Anne Chelsea
    Austin Will May Bill Pat Rob Sue Ray Dean Max Rocky Teddy Peace Carter Taylor
    April June Cairo Honey Liberty Penny Parker Zion Cruz Dakota Bailey
    """
)
# Forenames that are also modal verbs: at the start of a sentence they are the verb
# ("Will Mum attend?", "May Social Care ...").
_MODAL_FORENAMES = frozenset({"Will", "May"})

# Capitalised words that are never the surname after a forename in these notes: roles,
# family words, programmes, services, institutions, places, months, days, subjects.
_NON_SURNAME_WORDS = _words(
    """
    The A An And Or But Nor So Yet If Then Than As At By For From In Into Of On Onto To
    With Without About After Before Since Until During Over Under Between Through Via Per
    He She They We I It You His Her Their Our My Your Its Him Them Us Me This That These
    Those There Here Who Whom Whose What Which When Where Why How All Any Some Each Every
    Both Either Neither None No Not Yes Is Are Was Were Be Been Being Has Have Had Do Does
    Did Will Would Can Could Should Shall May Might Must Said Says Told Asked Also Only Just
    Still Very Really Please Thanks Thank Dear Regards Kind Best Hopes Next Last First
    Second Third New Old Little Big Great Good Well Better Other Another Same Such Many Much
    More Most Less Few Several Own

    Mum Mummy Mam Mom Mother Dad Daddy Father Nan Nana Nanny Gran Granny Grandma Grandmother
    Grandad Granddad Grandpa Grandfather Grandparent Grandparents Aunt Auntie Aunty Uncle
    Cousin Brother Sister Siblings Sibling Stepdad Stepmum Stepfather Stepmother Parent
    Parents Carer Carers Guardian Guardians Family Families Baby Child Children Childrens
    Kinship Birth Foster Fostering Adoptive Adopted Adoption Special Guardianship

    Pupil Pupils Student Students Learner Learners Teacher Teachers Teaching Assistant
    Assistants Head Headteacher Headteachers Deputy Principal Senco SENCo SENDCo Sendco
    Worker Workers Social Mentor Mentors Lead Leads Leader Leaders Officer Officers Manager
    Coordinator Co-ordinator Adviser Advisor Advisory Practitioner Practitioners Nurse Nurses
    Doctor Paediatrician Psychologist Psychologists Psychiatrist Therapist Therapists
    Counsellor Counsellors Governor Governors Chair Clerk Receptionist Staff Supervisor
    Supervisors Keyworker Key Adult Adults Designated Safeguarding Inclusion Pastoral
    Attendance Behaviour Behavior Learning Support Team Teams Group Groups Class Classes
    Year Years Reception Nursery Stage Stages Form Tutor Tutors Tutoring Tuition
    Virtual Local Authority Authorities Council Councils County City Borough Town Village
    District Region Regional National Service Services Care Health Mental Wellbeing
    Education Educational Psychology Emotional Emotion Coaching Speech Language Therapy
    Therapies Occupational Physiotherapy Profile Profiles Plan Plans Protection Need Needs
    Premium Plus Around Zones Zone Regulation Approach Help Early Offending Youth Justice
    Forest Nurture Drawing Talking Talk Time Thrive Boxall Lego Sensory Circuit Circuits
    Precision Intervention Interventions Programme Programmes Program Project Scheme Pathway
    Partnership Partnerships Network Panel Forum Board Hub Base Unit Room Rooms Centre
    Centres Center Provision Alternative Referral Referrals Assessment Assessments Review
    Reviews Meeting Meetings Consultation Consultations Report Reports Passport Passports
    Summary Notes Note Minutes Update Updates Action Actions Agreed Outcome Outcomes Present
    Apologies Attendees Background Strengths Concerns Steps Date Dates Name Names Reference
    Cohort Indicators Themes Theme Consent Signed Total Score Scores Scale Scaling Level
    Levels Age Ages Target Targets Data Points Point Mark Marks Test Tests Exam Exams Mock
    Mocks Result Results Grade Grades Award Awards Prize Fund Funding Grant Budget

    School Schools Academy Academies College Colleges Primary Secondary Infant Infants
    Junior Juniors Sixth Trust Trusts Federation Foundation Institute University Library
    Hospital Hospice Clinic Surgery Practice Medical Ward Church Chapel Cathedral Mosque
    Temple Gurdwara Synagogue Station Line Road Rd Street St Avenue Ave Drive Crescent
    Terrace Place Square Gardens Garden Estate Building Buildings Block Wing Site Campus
    Playground Hall Halls Field Fields Pitch Canteen Dining Toilets Corridor Office Gate
    Gates Entrance Car Bus Taxi Train

    January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday
    Friday Saturday Sunday Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun Autumn Spring Summer
    Winter Term Terms Half Holiday Holidays Christmas Easter Whitsun Eid Diwali Ramadan
    Hanukkah Vaisakhi Week Weeks Weekend Day Days Morning Mornings Afternoon Afternoons
    Evening Evenings Night Nights Today Tomorrow Yesterday Lunch Lunchtime Lunchtimes
    Breakfast Break Playtime Assembly Registration Club Clubs Camp Fair Fayre Show Concert
    Festival Trip Visit Period Session Sessions Lesson Lessons

    English Maths Mathematics Math Science Sciences History Geography Art Arts Music Drama
    French Spanish German Polish Urdu Arabic Punjabi Bengali Somali Romanian Computing PE
    RE PSHE RSE Phonics Reading Writing Spelling Handwriting Literacy Numeracy Design
    Technology Food Dance Sport Sports Swimming Football Choir Gym Cooking Gardening
    Outdoor Forest Beach

    England English British Britain Wales Welsh Scotland Scottish Ireland Irish UK
    Poland Romania Lithuania Somalia Nigeria Ghana Pakistan India Bangladesh Afghanistan
    Syria Ukraine Eritrea Sudan Iraq Iran Turkey Kurdistan Jamaica Europe European Africa
    African Asia Asian Caribbean Muslim Christian Catholic Jewish Hindu Sikh Buddhist
    Traveller Travellers Roma Gypsy Romany

    Ofsted Google Microsoft YouTube TikTok Snapchat Instagram Roblox Fortnite Minecraft Xbox
    Palace Dock Tower Appeal Warning Union Aid Rovers United FC Town City Bear Bears Class
    Period Fields Parade Heights Mews View Rise Walk Row Lane Close Way Grove Court Park
    Wood Woods Green Hill Bridge Cross Brook Mount Vale Dale Bank Heath Common Cottage Lodge
    Farm Mill House Lea Fool Fools
    """
)

# Of the words above, these are also common surnames (Emma Hall, Tyler Green, Jack Wood):
# they only stop a name after a forename that is itself a word or a place.
_PLACE_SURNAMES = _words(
    """
    Hall Halls Field Fields Park Wood Woods Green Hill Bridge Cross Brook Mount Vale Dale Bank
    Heath Common Lodge Farm Mill House Lea Lane Close Way Grove Court Gate Gates Row Walk View
    Rise Church Chapel Temple Tower Palace Dock Parade Heights Mews Cottage Garden Gardens
    Little Young Day Best Little Good Day Ward Grant Mark Marks Christmas Winter Summer English
    French Welsh Scott Little Law Foster
    """
)

# Words that, after a full name, make it the name of a place or an award:
# "Thomas Tallis School", "Jack Petchey Award".
_INSTITUTION_AFTER = _words(
    """
    School Schools Academy College Primary Secondary Infants Infant Junior Juniors Nursery
    Centre Center Hospital Hospice Trust Foundation Federation Award Awards Prize Fund
    Library Institute University Building Ward Clinic Surgery Practice Church Chapel
    Road Street Avenue Drive Lane Close Way Gardens Estate Station Memorial Stadium
    Theatre Museum Gallery House Hall Court Park Method Model Approach Programme Scale
    Profile Test Scheme Bequest Lecture Room Unit Wing Block Campus
    """
)

# Capitalised acronyms that are never surnames ("Will SALT be involved?").
_ACRONYMS = _words(
    """
    SENCO SENDCO SEN SEND SEMH EHCP EHC CAMHS CYPMHS ELSA ELSAS TAC SFC DSL DDSL DT SMHL
    CIN CIC CP LAC PLAC CWSW PEP OPP EP EPS SALT SLT OT CAF EHA MASH LADO PRU AP KS EYFS
    NHS GP ADHD ASD ASC ODD PDA PTSD DLD SPLD MLD SLD PMLD SDQ RWI RE PE PSHE RSE ICT ELKLAN
    MHST CEOP NSPCC NCFC FSW IRO YOT YJS PCSO TA HLTA SENDIASS IPSEA DFE LA VS MAT
    EBSA CME GCSE GCSES SATS SATs KS1 KS2 KS3 KS4 RSHE PACE DDP TIS AAS
    """
)

# Several hundred given names common in English schools and among the adults around them:
# boys and girls, across English, Welsh, Scottish, Irish, South Asian, Arabic and Muslim,
# Somali, West African, Caribbean, Polish, Romanian, Lithuanian, Portuguese, Turkish,
# Kurdish, Ukrainian, Chinese, Vietnamese and other communities, with common spellings.
_FORENAMES_TEXT = """
Aaron Abdi Abdirahman Abdul Abdullah Abdullahi Abel Abraham Adam Adan Adebayo Adeel
Adnan Adrian Ahmad Ahmed Aidan Aiden Ajay Akash Alan Alasdair Albert Albie Aleksander
Aleksandr Alessandro Alex Alexander Alexandru Alfie Alfred Ali Alistair Amaan Amar Amir Amit
Amrit Anas Andre Andrei Andrew Andrzej Andy Angus Anthony Antoni Antonio Anwar Archie Ari
Arjun Arlo Arman Arnav Aron Arran Arthur Arun Aryan Asad Ashley Ashton Austin Ayaan Ayan
Ayden Ayman Ayodele Azaan Bailey Barnaby Barry Bartosz Ben Benjamin Benji Bertie Bilal
Billy Blake Bobby Bogdan Bradley Brandon Brian Brody Bruno Caleb Callum Calum Calvin
Cameron Carl Carlos Carter Casey Cassius Cathal Cian Ciaran Ciarán Cillian Charles Charley
Charlie Chidi Chinedu Chris Christian Christopher Cody Colin Conor Connor Corey Craig
Cristian Cristiano Curtis Dafydd Damian Damien Daniel Danny Dante Darius Darragh Darren
Dave David Dawid Dawud Declan Dev Dexter Diego Dimitri Dominic Dominik Dominykas Douglas
Dylan Eddie Edward Edwin Efe Eli Elias Elijah Elis Elliot Elliott Ellis Emeka Emil Emmanuel
Emre Emrys Enzo Eoin Eric Ernie Ethan Euan Evan Ewan Ezra Faisal Farhan Fawaz Felix Femi
Filip Finlay Finley Finn Fionn Francesco Francis Frank Frankie Fraser Freddie Freddy
Frederick Gabriel Gareth Gary Gavin George Gethin Graham Gregory Gurpreet Hadi Hamish Hamza
Haris Harjit Harley Harold Harri Harris Harrison Harry Harvey Hasan Hassan Hayden Hector
Henry Hugo Hussain Hussein Iain Ian Ibrahim Idris Ieuan Igor Ilyas Imran Ioan Ionut Isaac
Isa Isaiah Ishaan Ismail Ivan Iwan Jack Jackson Jacob Jake Jakub James Jamie Jan Jared Jason
Jasper Jaxon Jay Jayden Jaydon Jenson Jeremiah Jeremy Jermaine Jesse Jim Jimmy Joe Joel
Joey John Johnny Jokubas Jon Jonah Jonathan Jordan Jose Joseph Josh Joshua Josiah Juan Jude
Julian Junaid Justin Kabir Kacper Kai Kamil Kane Karim Karol Karan Karl Kayden Keaton Keegan
Keith Kemar Kenneth Kerem Kevin Khalid Kian Kieran Kirk Kobe Kofi Konrad Krish Krishna
Krzysztof Kuba Kwabena Kwame Kyle Kyrie Lachlan Lamar Laurence Lawrence Layton Leighton Leo
Leon Leonardo Leonard Lewis Lewys Liam Logan Louie Louis Luca Lucas Lukas Lukasz Łukasz Luke
Luqman Lyle Macaulay Maciej Mackenzie Maksymilian Malachi Malcolm Manpreet Marcel Marcin
Marco Marcus Mario Marius Mark Martin Mason Mateo Mateusz Matas Matei Matteo Matthew Matthias
Max Maxwell Mehmet Michael Michal Michał Mihai Mikey Miles Milo Mohamed Mohammad Mohammed
Mohamud Morgan Moses Muhammad Muhammed Musa Mustafa Nasir Nathan Nathaniel Ned Neil Nicholas
Nick Nikita Niall Nicolas Noah Nojus Oakley Obinna Oisin Oisín Olamide Oliver Ollie Olly
Omar Oscar Oskar Osian Otis Owain Owen Paddy Padraig Patrick Paul Pawel Paweł Pedro Peter
Phil Philip Phillip Piotr Preston Rafael Rahul Rajan Ramon Ranveer Rares Ravi Ravinder
Rayan Rayyan Reece Reggie Reuben Rhys Ricardo Richard Ricky Riley Robbie Robert Robin Rohan
Roman Ronan Ronnie Rory Ross Rowan Roy Ruairi Ruben Rudy Rufus Russell Ryan Ryley Sahil
Saif Salman Sam Sami Samir Samuel Sandeep Sanjay Scott Sean Seán Sebastian Segun Seth
Shane Shaun Shay Shayan Sid Simon Sonny Stan Stanley Stefan Stephen Steve Steven Stuart
Sufyan Sukhdeep Sulaiman Sultan Syed Szymon Tadhg Tahir Tariq Taylor Teddy Terrence Terry
Theo Theodore Thomas Tiago Timothy Tobi Tobias Toby Tom Tomas Tomasz Tommy Tony Travis
Trevor Tristan Tunde Ty Tyler Tyreke Tyrese Tyrone Umar Usman Uzair Vihaan Viktor Vincent
Vlad Wayne Wiktor Will William Willow Wojciech Xavier Yahya Yasin Yaseen Yousef Yusuf
Zac Zach Zachary Zack Zaid Zain Zak Zakaria Zakariya Zane Zayd Zayn Zayan

Aaliyah Abbie Abby Abena Abigail Ada Adaeze Adriana Agata Agnieszka Aimee Aine Aisha Aiza
Akosua Alana Aleena Aleksandra Alesha Alexa Alexandra Alexis Alice Alicia Alicja Alina
Alisha Alison Allegra Alya Alyssa Amal Amalia Amanda Amani Amara Amaya Amber Amelia Amelie
Amina Aminah Amira Amy Ana Anastasia Andreea Angel Angela Angelina Anika Anisa Anita Anjali
Ann Anna Annabel Annabelle Anne Annie Anya Anaya Aoife April Arabella Aria Ariana Arianna
Asha Ashleigh Asiya Aurora Ava Ayesha Bella Beatrice Beatrix Beth Bethan Bethany Betsy
Beverley Bianca Blessing Bonnie Bridget Brooke Bushra Caitlin Caitlyn Callie Cara Carla
Carly Carmen Carol Caroline Carys Cassie Catherine Catrin Cerys Chanel Chantelle Charlene
Charlie Charlotte Chelsea Chidinma Chioma Chloe Chloé Christina Christine Ciara Claire
Clara Clare Cleo Connie Courtney Daisy Dalia Dana Danielle Daria Darcey Darcie Darcy Dawn
Debbie Deborah Demi Denisa Denise Destiny Diana Diane Divya Diya Dolly Dominika Donna
Dorothy Edie Eden Efua Eilidh Eira Elaine Eleanor Elena Eleni Eliana Elif Elin Elisa
Eliza Elizabeth Ella Elle Ellen Ellie Eloise Elsa Elsie Emilia Emily Emma Erin Esme
Esmé Esther Eva Evelyn Evie Ewa Faith Fatima Fatimah Fatma Favour Felicity Ffion Fiona
Florence Folake Frances Francesca Freya Funmi Gabriela Gabriella Gabrielle Gemma Georgia
Georgie Georgina Gillian Gloria Grace Gracie Gurleen Hafsa Hailey Halima Hallie Hana Hania
Hanna Hannah Harleen Harlow Harper Harriet Hayley Hazel Heather Heidi Helen Helena Hermione
Hira Hodan Holly Honey Hope Ida Ife Ifeoma Iman Imani Imogen Inaya India Ines Iqra Irene
Iris Isabel Isabella Isabelle Isha Isla Isobel Ivy Jade Jamila Jana Jane Janet Jannat
Jasleen Jasmine Jayne Jemima Jenna Jennifer Jenny Jess Jessica Jessie Jo Joanna Joanne
Jodie Josephine Joy Julia Julie Juliet June Kaitlyn Karen Karina Karolina Kasia Kate
Katarzyna Katelyn Katharine Katherine Kathryn Katie Katy Kavya Kaya Kayla Keira Keisha
Kelly Kerry Khadija Khadijah Kiera Kim Kimberley Kinga Kiran Kirsty Kitty Kseniya Lacey
Laila Lana Lara Larisa Laura Lauren Layla Leah Leanne Leila Lena Lexi Lexie Leyla Lia Liberty
Lila Lilly Lily Lina Linda Lisa Livia Liz Lizzie Lois Lola Lorna Lottie Louisa Louise
Lowri Lucia Lucie Lucy Luna Lydia Lyla Macie Madeleine Madison Maddison Magda Magdalena
Maisie Maisy Maja Malaika Mali Mandy Manon Mara Margaret Maria Mariam Marie Marina Marta
Martha Mary Maryam Matilda Maya Megan Meera Melissa Mercy Mia Michaela Michelle Mila
Millie Mina Mirela Miriam Misha Molly Morgan Myla Nadia Nancy Naomi Natalia Natalie Natasha
Navneet Neha Nell Nellie Nevaeh Ngozi Nia Nicola Nicole Niamh Nikita Nikola Nina Noor Nora
Nour Nur Nyla Olive Olivia Oliwia Orla Paige Pamela Patience Patricia Paula Paulina Pauline
Pearl Penelope Penny Phoebe Pippa Pooja Poppy Precious Priya Rabia Rachel Rebecca Reem
Rhiannon Riya Robyn Roisin Róisín Rosa Rosalie Rose Rosie Ruby Rukhsana Ruth Sabrina Sadia
Safa Safiya Sally Samantha Samina Sana Sandra Sara Sarah Saoirse Scarlett Selin Serena
Seren Shabana Shakira Shania Shanice Shannon Sharon Shauna Shona Siân Sian Sienna Simone
Simran Siobhan Sofia Sofija Sophia Sophie Stacey Stella Stephanie Sumaya Summer Sunita
Susan Suzanne Sylvia Tahlia Tamara Tanya Tara Taylor Temi Tess Tessa Thea Tia Tiana Tilly
Tina Titilayo Tolu Toni Tracey Tracy Valentina Vanessa Victoria Vicky Violet Wendy Weronika
Wiktoria Willa Yasmin Yasmine Yetunde Yusra Zahra Zainab Zara Zaynab Zeynep Zoe Zoë Zofia
Zoya Zuzanna

Aarav Reyansh Vivaan Advik Atharv Aditya Ishan Yash Dhruv Neel Veer Sai Ayush Harman
Amandeep Mandeep Ramandeep Jaspreet Harpreet Rajinder Baljit Jagjit Kulwinder Balwinder
Taranjit Aadhya Saanvi Anvi Myra Kiara Navya Aarna Ananya Avni Ishani Jiya Prisha Tanvi
Shreya Sneha Harsimran Parveen Bartek Marek Grzegorz Gabija Emilija Joao João Goncalo
Gonçalo Beatriz Leonor Inês Hamdi Ilhan Ifrah Hamid Farid Rebin Dilan Shilan Yonas Filmon
Semhar Oleksandr Mykola Dmytro Taras Sofiia Anastasiia Oksana Olena Iryna Shanelle Doreen
Brenda Maureen Sheila Derek Clive Geoff Roger Lynne Lynn Jackie Lorraine Yvonne Marian Kath
Gail Janice Carole Sue Pat Bill Bob Dennis Gordon Raymond Ray Dean Lee Glen Glenn

Hao Jun Mei Ling Wei Xin Ying Minh Linh Thanh Huong Anh
"""

_MORE_FORENAMES_TEXT = """
Aadam Aariz Abdirizak Abdikarim Abdulrahman Abubakar Adewale Ahmet Akeem Alby Alfie-James
Alijah Amari Ashraf Atticus Axel Ayo Ayodeji Babajide Bayley Beau Bodhi Bradlee Brodie
Bryn Cairo Callan Carson Casper Chukwuemeka Cohen Colby Conan Cruz Dakota Dalton
Damilare Dariusz Darnell Deacon Demetri Denzel Deniz Desmond Dominick Duncan Ebenezer Eden
Emmett Ennis Ezekiel Fabian Fahad Faizan Farouk Fletcher Florin Gideon Gino Grayson Habib
Haider Hakeem Hudson Ifeanyi Ikechukwu Imtiaz Ismael Jaden Jadon Jago Jakob Jamal Jaxson
Jayce Jensen Jevon Jibril Jobe Kacey Kaden Kaiden Kaleb Kareem Kasim Kayde Kaydon Keanu
Kenzie Kenan Kenny Killian Kingsley Kobi Kodi Kojo Korey Kristian Kyran Lennon Lennox
Leland Levi Lincoln Lorcan Lucian Lyndon Maddox Mahir Malik Marley Marshall Mateus Mattias
Maxim Mehdi Micah Miguel Mikail Mikolaj Mohsin Montel Montgomery Moshe Mubarak Murray
Nabil Naeem Nana Nate Nathanael Nico Niko Nkosi Noel Nuh Obi Olumide Oluwadamilare
Oluwaseun Oluwatobi Olusegun Orion Ossian Ozzy Pablo Parker Percy Peyton Quentin Quinn
Rafi Rahim Raheem Rashid Reon Rhett Rian Rico Rio Riyad Rocco Rohit Rolf Romeo Ronaldo
Ryder Saad Sabir Sacha Salah Samson Santiago Sasha Seb Shakil Shamim Shiloh Silas Sol
Solomon Sufian Tahmid Tamim Tanvir Tayyab Teodor Thiago Tobenna Tomos Tremaine Tye Uriel
Valentin Victor Vinnie Waleed Wesley Wilf Wilfred Xander Yahir Yannick Yasir Yonatan Yosef
Zachariah Zander Zeeshan Zeke Ziggy Zion

Aaminah Abiola Adaora Adenike Adunni Aisling Alaya Alissa Aliyah Alize Amberley Amna Anais
Aneesa Anoushka Antonia Arooj Aryana Asma Astrid Athena Aya Ayana Aylin Azra Bea Bobbi
Bobbie Bronte Busola Cali Camila Carmel Cecilia Celine Chanelle Charis Chiamaka Chinenye
Clemmie Cora Coral Dalila Danica Darya Delilah Dionne Dua Ebony Ela Elana Elodie
Emmanuella Esi Eshal Etta Evangeline Ezinne Fatoumata Fern Filipa Gia Hajra Haleema Hamida
Harlie Hawa Hiba Hollie Honor Huda Ikra Ilinca Ilona Imaan Inara Ioana Ionela Isadora Isra
Jaya Jazmin Jazmine Jorja Josie Kacie Kadie Kaira Kali Kamila Kamsi Karis Kayleigh Keeley
Kehlani Kemi Kezia Kiki Kinsley Kirra Kyra Laiba Lailah Layan Leia Lilia Lillie Livvy
Lorelei Lyra Madina Maeve Mahnoor Maira Maisha Marwa Mehwish Melek Mercedes Milana Minnie
Mirabel Mollie Monika Mya Nadine Naila Nala Nawal Neve Nikol Nisa Nusrat Nyah Odessa Ola
Ottilie Ozioma Paris Patrycja Perrie Philippa Pixie Primrose Rahma Raya Remi Renee Rhea
Rihanna Roksana Romy Rosalind Rosanna Ruqayyah Ruta Saara Sabina Safia Sahar Saira Sakina
Salma Samira Sanaa Saskia Selena Serenity Shayla Sidra Sinead Sumaiya Suri Tallulah
Tamanna Tanisha Teagan Temitope Thalia Tiegan Tiffany Tolulope Tulsi Ugne Una Valerie Vera
Viktoria Yara Yasmeen Yolanda Zaina Zehra Zelda Zhara Zuri
"""

# Added after measuring names the lists above missed: Ghanaian day names, Yoruba, Igbo,
# Somali, Punjabi, Gujarati, Arabic, Kurdish, Italian, Welsh and Caribbean given names.
_EVEN_MORE_FORENAMES_TEXT = """
Kwaku Kwesi Yaw Kwadwo Kobina Ekow Akua Adwoa Afua Ama Yaa Esi Araba Ekua Ade Adebola
Babatunde Bolaji Damilola Folasade Funmilayo Ifeoluwa Oluwafemi Oluwatosin Oyinda Shola
Temidayo Tobiloba Tosin Yewande Kehinde Taiwo Idowu Adanna Chidera Chiemela Chinonso
Chukwudi Ebuka Ikenna Nnamdi Somto Uchenna Ugochi Zikora Abdiaziz Abdikadir Abdiwali
Hibo Istahil Nasra Sagal Sahra Ubah Faduma Fadumo Deeqa Ayanle Guled Liban Mahad
Simranjeet Manveer Gurveer Harveer Jasveer Gurdeep Jasdeep Navdeep Rajveer Arjan Ekam
Sehaj Fateh Gurnoor Harnoor Jasnoor Prabhjot Amanjot Manjot Gurleen Harjot Japneet
Shanaya Krisha Mahi Hetal Nirav Pranav Rishi Tejas Jinal Khushi Bhavya Dhruvi Hiral
Rania Hala Rana Malak Maram Karam Yazan Laith Ziad Tamer Nadir Walid Youssef Yousif
Dilshad Rebaz Karwan Shwan Soran Hawre Hemin Rozh Nazdar Lana Avan Zhino Rezan
Riccardo Alessandro Lorenzo Giulia Chiara Giorgia Federico Gabriele Davide Andrea
Bartłomiej Mikołaj Jędrzej Stanisław Wojtek Ignacy Tymon Nikodem Julian Lena
Tyreek Tianna Malakai Keziah Jaheim Kymani Kairo Nyla Jahmai Khalil Tahj Jahmal Shaquille
Gruffydd Cai Deio Guto Llew Macsen Elis Ianto Gwion Efa Alys Mabli Nel Lili Begw
Gwenllian Elan Gwen Cadi Wen Hui Jing Ming
Kelsey Marnie Arian Vasile Chisom Tamsin Morwenna Ruaridh Mirza Hasnain Aditi Vikram
Thulani Luka Milena Nikolai Yulia Oana Christos Ahanu Habiba Mariatu Prabhdeep Jaskirat
Andreas Aleksandar Alexei Anton Artem Bogdana Ciprian Costel Cosmin Daniela Diana-Maria
Dragos Elena-Maria Eduard Florentina Gheorghe Ilie Ionel Iulia Larisa-Maria Madalina Mihaela
Nicoleta Petru Radu Raluca Roxana Sorin Teodora Valentin Vasilica Viorel Adela Alin Andra
Arjana Besnik Blerim Dritan Egzon Erion Fatjon Granit Ilir Kujtim Leutrim Valon Arbnora
Dorina Elira Gresa Lirie Vlora Zamira Dimitrios Georgios Konstantinos Nikos Yiannis
Eleftheria Katerina Sotiria Ana-Maria Aylin Baran Berat Burak Cem Efe Emir Eren Hakan Kaan
Mert Ozan Serkan Umut Yigit Ayse Ayşe Buse Damla Ebru Ece Esra Hatice Irem Merve
Sude Tugba Yagmur Zeynep Arash Babak Dariush Farhad Kian Kourosh Mehran Navid Reza Saman
Shirin Tara Ali-Reza Farzana Fahima Jasmin Kulsum Mumtaz Nasima Nazia Rehana Rubina Ruksana
Shahana Shamima Shirin Sufia Taslima Yasmina Abu Akram Anwar Asif Azhar Faisal Habib Jahid
Jamal Kabir Mahbub Masud Rakib Sabbir Shafiq Shahid Shamim Sohel Tanvir Zubair Amir-Ali
Ayub Bashir Faruk Ibrahim Iqbal Kamal Liaquat Majid Nadeem Naveed Qasim Rizwan Shakeel
Shoaib Tanveer Waqar Waseem Zaheer Zulfiqar Aanya Anushka Devika Ishita Kavita Lakshmi
Mehak Nisha Pallavi Radhika Rekha Sanjana Shruti Smita Sonia Swati Trisha Vaishnavi
Abhishek Akshay Aman Anand Aniket Anirudh Ankit Ashwin Deepak Gaurav Harish Hemant Kunal
Manish Mohit Nikhil Nitin Pradeep Prakash Rajesh Rakesh Ramesh Ritesh Sachin Sameer Suresh
Tarun Varun Vivek Yogesh Thandiwe Sipho Themba Nomvula Zanele Lindiwe Bongani Kagiso
Tatenda Rutendo Farai Tinashe Chipo Nyasha Kudzai Tafadzwa Simbarashe
Abimbola Adeola Adesola Bisola Bukola Ebunoluwa Iyanu Oyindamola Titilope Wuraola Ayomide
Ayomikun Demilade Eniola Inioluwa Mayowa Morenike Oreoluwa Temiloluwa Feyi Jide Kunle Lanre
Seun Toyin Wale Amaka Chiamaka Chinwe Ngozika Nneka Obiageli Adaobi Chibuzo Chidubem
Chimamanda Kelechi Nkem Obinna Onyeka Uzoma Ebere
"""

_FORENAMES = _words(_FORENAMES_TEXT + _MORE_FORENAMES_TEXT + _EVEN_MORE_FORENAMES_TEXT)

# Several hundred common surnames in England, across communities. After a capitalised word
# that is not at the start of a sentence, one of these makes a name even when the forename
# is not in the lists above ("... about Keeley Barton"). Surnames that are also ordinary
# words, places or forenames (Brown, Green, White, Young, Hall, Hill, Wood, King, Rose,
# Preston, Sutton, Thomas, Grant ...) are left out: they would turn "White Rose Maths",
# "Forest Green" or "Jack Thomas" into surnames on their own evidence.
_SURNAMES = _words(
    """
    Smith Jones Williams Taylor Davies Evans Johnson Roberts Robinson Thompson Wright Walker
    Wilson Edwards Hughes Clarke Clark Jackson Harris Turner Lee Cooper Morris Ward Harrison
    Allen Scott Baker Phillips Bennett Watson Adams Mitchell Davis Campbell Richardson
    Anderson Collins Shaw Stewart Rogers Marshall Murray Simpson Ellis Griffiths Russell
    Matthews Lloyd Murphy Kelly Wilkinson Cox Palmer Graham Barker Webb Chapman Dixon Barnes
    Richards Lawson Hayes Fisher Reynolds Jenkins Stevens Gibson Butler Payne Pearson
    Elliott Watts Kennedy Ross Hudson Hawkins Atkinson Andrews Powell Spencer Bailey Howard
    Newton Gardner Saunders Bradley Lowe Hargreaves Nicholson Pearce Bates Dawson Hamilton
    Fletcher Henderson Wallace Reid Armstrong Lambert Burns Walsh Warren Byrne Ryan Doyle
    McCarthy Brennan Gallagher Connolly Kavanagh Lynch Duffy Nolan Fitzgerald Kane Hogan
    Kerr Robertson Fraser Mackay McKenzie McDonald MacDonald McLean Stuart Thomson Paterson
    Sinclair Hale Booth Kirby Whitfield Whitehead Sanderson Cartwright Lowther Pritchard
    Rees Price Vaughan Parry Bevan Howells Llewellyn Pugh Tucker Holt Hopkins Doherty
    Farrell Maguire Cunningham Cassidy Keane Dunne Foley Sweeney Daly Regan

    Patel Khan Begum Hussain Ali Ahmed Ahmad Shah Akhtar Bibi Kaur Singh Miah Uddin Islam
    Rahman Hossain Hussein Chowdhury Choudhury Iqbal Mahmood Mahmud Rashid Butt Malik
    Qureshi Siddiqui Mirza Sheikh Raja Mohammed Mohamed Sharma Kumar Gill Sandhu Dhillon
    Sidhu Bains Mistry Chauhan Parmar Solanki Desai Joshi Mehta Verma Gupta Chaudhry
    Chaudhary Bhatti Javed Aslam Anwar Haq Haque Karim Latif Nawaz Riaz Saeed Shafiq Tahir
    Yousaf Zaman Akter Khatun Sultana Ahmadi Karimi Haidari Rezaei Hosseini Mohammadi

    Okafor Okonkwo Adeyemi Adebayo Okoro Eze Mensah Asante Boateng Osei Owusu Appiah Bello
    Bakare Adeleke Ogunleye Olawale Oyelaran Ncube Moyo Dube Banda Phiri Mohamud Abdi
    Warsame Farah Jama Abdullahi Okeke Nwosu Okoye Adewale Afolabi Akinola Ogunbiyi Oladipo
    Onyango Otieno Kamara Sesay Conteh Diallo Toure Traore Kone

    Nowak Kowalski Kowalska Wisniewski Wiśniewski Wisniewska Wiśniewska Wojcik Wójcik
    Kowalczyk Kaminski Kamiński Lewandowski Lewandowska Zielinski Zieliński Zielinska
    Szymanski Szymański Wozniak Woźniak Dabrowski Dąbrowski Kozlowski Kozłowski Jankowski
    Mazur Kwiatkowski Krawczyk Piotrowski Grabowski Nowakowski Pawlak Michalski Wieczorek
    Popescu Ionescu Popa Dumitru Stoica Gheorghe Rusu Munteanu Constantin Lungu Florea
    Moldovan Kazlauskas Kazlauskaite Jankauskas Petrauskas Stankevicius Ivanov Petrov
    Horvath Novak Yilmaz Kaya Demir Sahin Şahin Celik Çelik Yildiz Aydin Ozturk Öztürk Arslan
    Dogan Kilic Wang Zhang Liu Chen Yang Huang Zhao Zhou Nguyen Tran Pham Hoang Phan Rossi
    Russo Ferrari Esposito Bianchi Romano Ricci Conti Ferreira Silva Santos Pereira Costa
    Oliveira Rodrigues Fernandes Gomes Martins Sousa Garcia Lopez Martinez Sanchez Perez
    Gonzalez Hernandez Romero Alvarez Moreno

    Whitaker Whittaker Hodgson Holloway Horton Houghton Ingram Jarvis Lyons Manning Metcalfe
    Norris Osborne Parsons Peacock Perkins Pickering Pollard Randall Rowley Sharpe Slater
    Sykes Thornton Tomlinson Townsend Walton Watkins Weston Whelan Wilkins Wilcox Woodward
    Wyatt Yates Abbott Ashton Atherton Bentley Blackburn Bradshaw Briggs Brooks Burgess
    Burrows Cairns Carroll Charlton Coates Coleman Conway Crawford Crossley Dobson Donnelly
    Eaton Fenton Fuller Garner Gibbs Goodwin Hammond Hancock Harding Hartley Haynes Hewitt
    Hicks Higgins Hodges Holden Humphreys Hutchinson Jennings Kershaw Leach Mellor Naylor
    Rhodes Robson Sheridan Stevenson Walters Warner Webster Wheeler Wiggins Worthington
    Harrington Ogden Pickles Pascoe Trevithick Penrose Nance Tregear Gunn Munro Mackintosh
    MacLeod McLeod Sutherland Macrae Matheson Morrison Ferguson Gillespie Kehoe Keogh Mulligan
    Rahimi Baig Raza Rao Nair Reddy Iyer Pillai Menon Naidu Bhogal Sahota Bhatt Rafiq Ebrahim
    Bashir Hakimi Mansour Haddad Amrani Bouzid Georgiou Papadopoulos Christodoulou Ciobanu
    Nwachukwu Dlamini Nkomo Ofori Boakye Adeyinka Egal Dualeh Horvat Jovanovic Jovanović
    Petrenko Kovalenko Sobczak Wrona Dvorak Dvořák Cheung Wong Chan Leung Lau Ho Ng Tang Yip
    Hersi Agyeman Darko Sikora Lombardi Carvalho Oduya Dunmore Whitworth Tait Ashworth
    Pilkington Fairbrother Dawes Baird Pryce Marinescu Radu Nagy Haddad Ajayi Samuels Boothe
    Beardsley Cranfield Skelton Wragg Stokes Sterling
    """
)

_TOKEN_RE = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*\.?")
_SPACE_RE = re.compile(r"[ \t\u00a0]{1,3}")
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?:;•\n\"“(\[]|\s[\-–—])\s*$")
_POSSESSIVE = ("'s", "’s")


@dataclass(slots=True)
class _Token:
    start: int
    end: int
    word: str  # without a trailing full stop or possessive 's
    dot: bool  # followed directly by a full stop ("Dr.")
    possessive: bool


def _tokens(text: str) -> list[_Token]:
    tokens = []
    for match in _TOKEN_RE.finditer(text):
        word = match.group()
        start, end = match.span()
        dot = word.endswith(".")
        if dot:
            word = word[:-1]
            end -= 1
        possessive = word.endswith(_POSSESSIVE) and len(word) > 2
        if possessive:
            word = word[:-2]
            end -= 2
        tokens.append(_Token(start, end, word, dot, possessive))
    return tokens


def _normal(word: str) -> str:
    """The word to look up in the forename list: JACK as Jack, Lily-Mae as Lily."""
    first = word.split("-", 1)[0]
    if first.isupper() and len(first) > 1:
        first = first.capitalize()
    return first


def _is_forename(word: str) -> bool:
    if not word[:1].isupper():
        return False
    if "-" in word:  # Lily-Mae, Ellie-May, Mary-Jane: each part capitalised
        parts = word.split("-")
        return all(part[:1].isupper() for part in parts) and _normal(parts[0]) in _FORENAMES
    return _normal(word) in _FORENAMES


def _is_surname_shaped(word: str) -> bool:
    """Smith, O'Brien, McKenzie, Hughes-Jones, al-Hassan: capitalised, two letters or more."""
    if len(word) < 2:
        return False
    if word[0].isupper():
        return True
    particle, _, rest = word.partition("-")
    return particle in _PARTICLES and rest[:1].isupper()


def _gap_ok(text: str, left: _Token, right: _Token) -> bool:
    """Whether two tokens of one name sit side by side: only a space or two between them,
    after a full stop only if the left one is an initial or a title ("J. Smith", "Dr. Eze")."""
    if left.possessive:
        return False  # a name ends at its possessive: "Jack Smith's Boxall Profile"
    gap_start = left.end
    if left.dot:
        if len(left.word) != 1 and left.word not in _TITLES:
            return False
        gap_start += 1
    return bool(_SPACE_RE.fullmatch(text, gap_start, right.start))


def _sentence_start(text: str, token: _Token) -> bool:
    return bool(_SENTENCE_START_RE.search(text[max(0, token.start - 4) : token.start]))


def _non_surname(word: str) -> bool:
    return (
        word in _NON_SURNAME_WORDS
        or word.title() in _NON_SURNAME_WORDS
        or (word.isupper() and word in _ACRONYMS)
    )


def _surname_ok(word: str, forename: _Token | None) -> bool:
    """Whether ``word`` can be a (middle or) surname after a title (``forename`` is None)
    or after the forename token ``forename``."""
    if not _is_surname_shaped(word) or word in _TITLES:
        return False
    if forename is None:
        return word.title() not in _TITLE_STOP and not (word.isupper() and word in _ACRONYMS)
    first = _normal(forename.word)
    if _non_surname(word) and (word not in _PLACE_SURNAMES or first in _WORD_FORENAMES):
        return False
    if word.isupper() and not forename.word.isupper():
        # "Jack SMITH" is a name; "Will SALT", "Grace PE" are not.
        return len(word) >= 3 and first not in _WORD_FORENAMES
    return True


def _collect_surnames(
    text: str, tokens: list[_Token], first: int, forename: _Token | None
) -> int | None:
    """The index of the last token of the name that continues at ``first``, or None.

    Up to three more names (middle names and the surname), with initials ("Jack R. Smith")
    and particles ("Sophie van der Berg") between them.
    """
    last = None
    index = first
    previous = tokens[first - 1]
    names = 0
    while index < len(tokens) and names < 3:
        token = tokens[index]
        if not _gap_ok(text, previous, token):
            break
        word = token.word
        has_next = index + 1 < len(tokens) and _gap_ok(text, token, tokens[index + 1])
        if word in _PARTICLES or (len(word) == 1 and word.isupper()):
            following = tokens[index + 1].word if has_next else ""
            if following in _PARTICLES or _is_surname_shaped(following):
                previous = token
                index += 1
                continue
            break
        if not _surname_ok(word, forename):
            break
        last = index
        names += 1
        previous = token
        index += 1
        if token.possessive:
            break
    return last


# Words that cannot follow a title as a surname ("Mr and Mrs ...").
_TITLE_STOP = _words(
    """
    The A An And Or But Of In On At To For With From By Is Was Will Would Can Could Should
    He She They It His Her Their Mum Dad Nan Carer Teacher Head Senco Mr Mrs Ms Mx Miss Dr
    Year Class Reception Nursery Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    January February March April June July August September October November December
    """
)


def _name_span_allowed(text: str, tokens: list[_Token], first: int, last: int) -> bool:
    """False for the names of famous people and of institutions named after people."""
    if first > 0:
        before = tokens[first - 1]
        if before.word.lower() in _DETERMINERS and _gap_ok(text, before, tokens[first]):
            return False  # "the Connor Ward", "a Jack Frost costume": a thing, not a person
    words = [token.word for token in tokens[first : last + 1]]
    for end in range(2, len(words) + 1):
        if " ".join(words[:end]).casefold() in _KNOWN_PUBLIC_NAMES:
            return False
    if last + 1 < len(tokens):
        after = tokens[last + 1]
        if _gap_ok(text, tokens[last], after) and after.word in _INSTITUTION_AFTER:
            return False  # "Thomas Tallis School", "Jack Petchey Award"
    return True


_DETERMINERS = frozenset({"the", "a", "an"})

# Capitalised words that open sentences and are not forenames, for the rule that lets a
# common surname make a name with an unlisted forename at the start of a sentence.
_SENTENCE_OPENERS = _words(
    """
    However Although Though Unfortunately Sadly Thankfully Hopefully Currently Recently
    Previously Initially Finally Overall Additionally Again Today Yesterday Tomorrow Now
    Then Later Meanwhile Otherwise Instead Perhaps Maybe Apparently Generally Usually Often
    Sometimes Occasionally Luckily Fortunately Clearly Obviously Importantly Interestingly
    Notably Similarly Likewise Furthermore Moreover Consequently Therefore Thus Hence Ask
    Call Contact Email Tell Invite See Meet Speak Send Copy Ring Phone Text Message Remind
    Inform Share Discuss Check Confirm Book Note Update Refer Chase Follow Let Thank Welcome
    Congratulations Hello Hi Re Subject Regarding Concerning Following Ref Cc Bcc Attending
    Attended Absent Sent Spoke Met Visited Saw Called Emailed Rang Texted Told Asked
    """
)

# Words just before a name that say it is one: "her brother Tyrese ...", "named ...".
_NAME_CUE_RE = re.compile(
    r"(?<!\w)(?:called|named|name\s+is|name\s*:|pupil|child|student|brother|sister|cousin"
    r"|friend|mum|mother|dad|father|nan|aunt|auntie|aunty|uncle|carer|worker|teacher|senco"
    r"|grandma|grandad|grandmother|grandfather|stepdad|stepmum|son|daughter|partner"
    r"|boyfriend|girlfriend|sibling|twin|cyp|yp)\s*[,:]?\s+$",
    re.IGNORECASE,
)
_CELTIC_SURNAME_RE = re.compile(r"(?:O['’]|Mc|Mac)[^\W\d_]")


# Endings that mark a surname in the languages of many families in English schools:
# Polish, Romanian, Lithuanian, Ukrainian, Greek, Georgian, Turkish, Balkan.
_SURNAME_ENDING_RE = re.compile(
    r"[^\W\d_]{2,}(?:ski|ska|cki|cka|wicz|escu|eanu|enko|chuk|czuk|opoulos|opoulou|idis"
    r"|shvili|dze|oglu|oğlu|ović|ovic|evic|ević|auskas|auskienė|auskaite|aitė|aite|ytė|yte"
    r"|ienė|iene|ovas)"
)


def _known_surname(word: str) -> bool:
    if word in _SURNAMES or _CELTIC_SURNAME_RE.match(word):
        return True
    if _SURNAME_ENDING_RE.fullmatch(word):
        return True
    return "-" in word and any(part in _SURNAMES for part in word.split("-"))


def _plain_capitalised(word: str) -> bool:
    """A capitalised word that could be an unlisted forename: not a title, not a known
    non-name word, not an acronym, not a particle."""
    return (
        _is_surname_shaped(word)
        and word[0].isupper()
        and not word.isupper()
        and word not in _TITLES
        and word.title() not in _TITLE_STOP
        and word not in _NOT_A_PERSON_BEFORE
        and not _non_surname(word)
    )


def _name_from(text: str, tokens: list[_Token], index: int) -> int | None:
    """The index of the last token of a name starting at ``tokens[index]``, or None."""
    token = tokens[index]
    word = token.word
    if not word[:1].isupper():
        return None
    if word in _TITLES:
        return _collect_surnames(text, tokens, index + 1, None)
    before = tokens[index - 1] if index > 0 else None
    if before is not None and (
        _gap_ok(text, before, token) or (before.dot and before.word in {"St", "Fr"})
    ):
        if before.word in _TITLES or before.word in _NOT_A_PERSON_BEFORE:
            return None  # "Mrs Jane Smith" is found from the title; "St Mary ..."
        if _is_forename(before.word) and not _sentence_start(text, before):
            return None  # a middle name, already part of the name before it
    if _is_forename(word):
        first = _normal(word)
        if first in _MODAL_FORENAMES and _sentence_start(text, token):
            return None  # "Will Mum attend?", "May Social Care ..."
        last = _collect_surnames(text, tokens, index + 1, token)
        if (
            last is not None
            and first in _WORD_FORENAMES
            and last == index + 1
            and _is_forename(tokens[last].word)
            and _sentence_start(text, token)
        ):
            return None  # "Grace Amelia ...": read it from the second word
        return last
    if not _plain_capitalised(word):
        return None
    # An unlisted forename: after a word that says a name follows ("her brother Kofi
    # Asante"), or, away from the start of a sentence, before a common surname.
    cued = bool(_NAME_CUE_RE.search(text, max(0, token.start - 24), token.start))
    if not cued:
        following = tokens[index + 1]
        if not (_gap_ok(text, token, following) and _known_surname(following.word)):
            return None
        if word in _SENTENCE_OPENERS and _sentence_start(text, token):
            return None  # "Contact Patel ...", "Sadly Khan ..."
    return _collect_surnames(text, tokens, index + 1, token)


def _find_names(text: str) -> Iterator[tuple[str, int, int]]:
    tokens = _tokens(text)
    for index in range(len(tokens) - 1):
        last = _name_from(text, tokens, index)
        if last is not None and _name_span_allowed(text, tokens, index, last):
            yield "name", tokens[index].start, tokens[last].end


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
    raw.extend(_find_emails(text))
    raw.extend(_find_postcodes(text))
    dates = _find_dates(text)
    raw.extend(_find_dobs(text, dates))
    blocked = [(start, end) for kind, start, end in raw if kind in ("upn", "nhs")]
    blocked.extend(dates)
    blocked.extend(match.span() for match in _TIME_RE.finditer(text))
    raw.extend(_find_phones(text, blocked))
    raw.extend(_find_names(text))
    return _merge(text, raw)


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
