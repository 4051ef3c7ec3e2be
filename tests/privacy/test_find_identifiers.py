"""The identifier guard: each kind on its own, merging, messages, speed, and the corpus.

Run with ``pytest -s tests/privacy`` to see the corpus figures.
"""

import random
import statistics
import time
from dataclasses import FrozenInstanceError

import pytest
from stdnum.gb import nhs as stdnum_nhs
from stdnum.gb import upn as stdnum_upn

from app.privacy import (
    KINDS,
    Finding,
    describe_findings,
    find_identifiers,
    is_valid_upn,
    upn_check_letter,
)
from tests.privacy.corpus import ALL


def found(text: str) -> list[tuple[str, str]]:
    """(kind, text) of every finding, checking the positions on the way."""
    findings = find_identifiers(text)
    for finding in findings:
        assert text[finding.start : finding.end] == finding.text
    assert [f.start for f in findings] == sorted(f.start for f in findings)
    for left, right in zip(findings, findings[1:], strict=False):
        assert left.end <= right.start, "findings must not overlap"
    return [(finding.kind, finding.text) for finding in findings]


# --------------------------------------------------------------------------- Finding


def test_finding_is_a_small_frozen_dataclass():
    finding = Finding("name", 12, 22, "Jack Smith")
    assert (finding.kind, finding.start, finding.end, finding.text) == (
        "name",
        12,
        22,
        "Jack Smith",
    )
    with pytest.raises(FrozenInstanceError):
        finding.kind = "email"  # type: ignore[misc]
    assert finding == Finding("name", 12, 22, "Jack Smith")


def test_positions_point_at_the_text():
    text = "Notes: Jack Smith (DOB 12/03/2015) lives at BS1 4DJ."
    findings = find_identifiers(text)
    assert [(f.kind, f.start, f.end, f.text) for f in findings] == [
        ("name", 7, 17, "Jack Smith"),
        ("dob", 23, 33, "12/03/2015"),
        ("postcode", 44, 51, "BS1 4DJ"),
    ]


def test_empty_and_clean_text():
    assert find_identifiers("") == []
    assert find_identifiers("   \n ") == []
    assert find_identifiers("He is settling well and attendance is 96%.") == []


def test_kinds_are_the_eleven_of_the_issues():
    assert set(KINDS) == {"name", "dob", "upn", "nhs", "postcode", "phone", "email",
                          "address", "nino", "handle", "case_id"}


# --------------------------------------------------------------------------- UPN


@pytest.mark.parametrize(
    ("body", "letter"),
    [
        # Worked by hand: weights 2..13 over characters 2..13, sum mod 23, then the letter.
        # 8*2 + 1*4 + 2*5 + 5*10 + 1*13 = 93; 93 mod 23 = 1 -> B
        ("801200005001", "B"),
        # 2*2 + 7*4 + 1*9 + 6*10 + 4*12 + 9*13 = 266; 266 mod 23 = 13 -> P
        # (a supplier's help page works this example to "Q", slipping 266 to 267).
        ("207000016049", "P"),
        # Temporary UPNs: the final letter counts as its place in the alphabet (A = 0).
        # 8*2 + 1*4 + 2*5 + 5*10 + A(0)*13 = 80; 80 mod 23 = 11 -> M
        ("80120000500A", "M"),
        # ... + Z(22)*13 = 80 + 286 = 366; 366 mod 23 = 21 -> Y
        ("80120000500Z", "Y"),
        # All zeros: 0 -> A
        ("000000000000", "A"),
        # 9 at weight 13 only: 117 mod 23 = 2 -> C
        ("000000000009", "C"),
    ],
)
def test_upn_check_letter_hand_computed(body, letter):
    assert upn_check_letter(body) == letter
    assert is_valid_upn(letter + body)


def test_upn_check_letter_agrees_with_python_stdnum():
    rng = random.Random(2026)
    alphabet = "ABCDEFGHJKLMNPQRTUVWXYZ"
    for _ in range(2000):
        last = rng.choice("0123456789" + alphabet)
        body = "".join(rng.choice("0123456789") for _ in range(11)) + last
        assert upn_check_letter(body) == stdnum_upn.calc_check_digit(body)


@pytest.mark.parametrize(
    "bad", ["80120000500", "8012000050011", "80120000500I", "8012A0005001", "80120000500O"]
)
def test_upn_check_letter_refuses_what_is_not_a_body(bad):
    with pytest.raises(ValueError):
        upn_check_letter(bad)


def test_is_valid_upn():
    assert is_valid_upn("B801200005001")
    assert is_valid_upn("b801200005001")
    assert is_valid_upn("M80120000500A")
    assert not is_valid_upn("A801200005001")  # wrong check letter
    assert not is_valid_upn("I801200005001")  # I, O and S are never check letters
    assert not is_valid_upn("B80120000500")  # 12 characters
    assert not is_valid_upn("B80120000500O")  # O is not used for temporary UPNs either
    assert not is_valid_upn("")


@pytest.mark.parametrize(
    ("text", "upn"),
    [
        ("UPN B801200005001 on file", "B801200005001"),
        ("upn: b801200005001", "b801200005001"),
        ("Temporary UPN M80120000500A issued", "M80120000500A"),
        ("(P207000016049)", "P207000016049"),
    ],
)
def test_finds_upns(text, upn):
    assert found(text) == [("upn", upn)]


@pytest.mark.parametrize(
    "text",
    [
        "UPN A801200005001",  # the right shape, the wrong check letter
        "Q207000016049",  # ditto
        "XB801200005001",  # part of a longer code
        "B8012000050012",  # ditto
        "B80120000500",  # too short
        "Reference SFC-2026-0042",
    ],
)
def test_upn_shaped_strings_without_the_right_check_letter_are_not_upns(text):
    assert "upn" not in {kind for kind, _ in found(text)}


# --------------------------------------------------------------------------- NHS number


@pytest.mark.parametrize("number", ["9434765919", "943 476 5919", "943-476-5919", "4857773457"])
def test_finds_nhs_numbers(number):
    assert stdnum_nhs.is_valid(number)
    assert found(f"NHS number {number}.") == [("nhs", number)]


@pytest.mark.parametrize(
    "text",
    [
        "9434765918",  # wrong check digit
        "943 476 5910",
        "943-476 5919",  # mixed separators
        "94347659190",  # 11 digits
        "0000000000",  # passes mod 11, never issued
    ],
)
def test_nhs_numbers_need_the_check_digit_and_the_format(text):
    assert "nhs" not in {kind for kind, _ in found(text)}


def test_an_nhs_number_is_not_also_a_phone_number():
    assert found("NHS 9434765919 and 943 476 5919") == [
        ("nhs", "9434765919"),
        ("nhs", "943 476 5919"),
    ]


# --------------------------------------------------------------------------- postcode


@pytest.mark.parametrize(
    "postcode",
    [
        "SW1A 1AA",
        "sw1a 1aa",
        "SW1A1AA",
        "BS1 4DJ",
        "M1 1AE",
        "B33 8TH",
        "CR2 6XH",
        "DN55 1PT",
        "W1A 0AX",
        "EC1A 1BB",
        "LS1 4AP",
        "ne17ru",
        "GIR 0AA",
        "gir0aa",
    ],
)
def test_finds_postcodes(postcode):
    assert found(f"They live at {postcode} now.") == [("postcode", postcode)]


@pytest.mark.parametrize(
    "text",
    [
        "She lives in the BS16 area.",  # outward code alone
        "SW1A",
        "In Y5 1st term",  # Y is not a postcode area
        "KS2 3rd attempt",  # nor is KS
        "S1 2nd floor",  # an ordinal, not an inward code
        "QQ1 1AA",  # no area QQ
        "AB1 1CI",  # C and I never end a postcode
        "Year 6 2pm",
        "room B12 on floor 3AB",
    ],
)
def test_not_postcodes(text):
    assert "postcode" not in {kind for kind, _ in found(text)}


# --------------------------------------------------------------------------- phone


@pytest.mark.parametrize(
    "number",
    [
        "07700 900123",
        "07700900123",
        "+44 7700 900123",
        "+44 (0)7700 900123",
        "0044 7700 900123",
        "0117 496 0123",
        "(01632) 960 001",
        "01632 960001",
        "020 7946 0123",
        "07700-900-555",
        "0117.496.0123",
        "+33 1 23 45 67 89",
    ],
)
def test_finds_phone_numbers(number):
    assert found(f"Call {number} after school.") == [("phone", number)]


def test_a_number_after_a_phone_number_does_not_spoil_it():
    assert found("Ring 0117 496 0123 2 or 3 times.") == [("phone", "0117 496 0123")]
    assert found("Ring 0117 496 0123 12/03/2025") == [("phone", "0117 496 0123")]


@pytest.mark.parametrize(
    "text",
    [
        "Attendance 87% (87.5 %), up from 81.25%.",
        "Scores: 3/10, 28/40, 4 out of 10, 1 2 3 4 5 6 7 8 9 10.",
        "In 2024 2025 and 2025/26 and 2025–2026.",
        "Met on 12/03/2025, 01/09/2025, 01.09.2025, 2025-03-12 and 12.03.25.",
        "At 2pm, 14:30, 2–5 pm, 09:00-12:00, 10.30am.",
        "References SFC-2026-0042, AR-2026-0042, C-7F3K2Q.",
        "Ofsted URN 123456, LA code 801, room 101.",
        "UPN B801200005001",
        "NHS 943 476 5919",
        "07700 9001234 has too many digits",
    ],
)
def test_not_phone_numbers(text):
    assert "phone" not in {kind for kind, _ in found(text)}


# --------------------------------------------------------------------------- email


@pytest.mark.parametrize(
    "email",
    [
        "jess.smith84@gmail.com",
        "s.patel@bristol.gov.uk",
        "SENCO@stannes.bristol.sch.uk",
        "dwayne_r@hotmail.co.uk",
        "first.o'neill+tac@example.org",
    ],
)
def test_finds_email_addresses(email):
    assert found(f"Email {email}.") == [("email", email)]


def test_not_email_addresses():
    assert found("Email the SENCO @ school, or use name@domain.") == []


def test_a_name_inside_an_email_address_is_one_email_finding():
    assert found("Write to Jack.Smith@example.com") == [("email", "Jack.Smith@example.com")]


# --------------------------------------------------------------------------- date of birth


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("DOB 12/03/2015", "12/03/2015"),
        ("D.O.B. 12-03-2015", "12-03-2015"),
        ("d.o.b: 12.03.15", "12.03.15"),
        ("DoB: 1/9/2016", "1/9/2016"),
        ("Date of birth: 12 March 2015", "12 March 2015"),
        ("date of birth 12th March 2015", "12th March 2015"),
        ("born on March 12 2015", "March 12 2015"),
        ("Born: March 12th, 2015", "March 12th, 2015"),
        ("born 2015-03-12", "2015-03-12"),
        ("She was born on the 2nd of February 2012", "2nd of February 2012"),
        ("born in Poland on 3 May 2015", "3 May 2015"),
        ("born 17 Nov 2013", "17 Nov 2013"),
        ("born in March 2015", "March 2015"),
        ("Her birthday is 21 September", "21 September"),
        ("12/03/2015 (DOB)", "12/03/2015"),
        ("12 March 2015 is her date of birth", "12 March 2015"),
    ],
)
def test_finds_dates_of_birth(text, date):
    assert found(text) == [("dob", date)]


@pytest.mark.parametrize(
    "text",
    [
        "We met on 12/03/2025.",
        "The review is on 3 March.",
        "Review on 12 March 2025 at 2pm.",
        "Half term starts 17/02/2025; the TAC is on 24.02.25.",
        "DOB not recorded; review 12/03/2025.",
        "Since the baby was born in May, we met on 12 June.",
        "Since he was born we have met on 12 June.",
        "His birthday party is on 3 May.",
        "He is stubborn on 12 March mornings.",
        "Newborn sibling arrived 12/03/2025.",
        "Born in Poland; on 3 May 2025 we met.",
    ],
)
def test_dates_that_are_not_dates_of_birth(text):
    assert found(text) == []


# --------------------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Jack Smith has not attended.", "Jack Smith"),
        ("We spoke to Olivia O'Brien today.", "Olivia O'Brien"),
        ("We spoke to Olivia O’Brien today.", "Olivia O’Brien"),
        ("Mia Hughes-Jones was suspended.", "Mia Hughes-Jones"),
        ("Mrs Patel is the class teacher.", "Mrs Patel"),
        ("Dr. Okafor suggested Emotion Coaching.", "Dr. Okafor"),
        ("Dr Okafor suggested it.", "Dr Okafor"),
        ("Ask Mr Kowalski.", "Mr Kowalski"),
        ("Ask Ms Begum.", "Ms Begum"),
        ("Ask Miss Jones.", "Miss Jones"),
        ("Ask Mx Taylor.", "Mx Taylor"),
        ("Ask Mrs Jane Smith.", "Mrs Jane Smith"),
        ("Ask Mrs J. Smith.", "Mrs J. Smith"),
        ("The child is Harvey Thomas Wilson, Year 4.", "Harvey Thomas Wilson"),
        ("Lily-Mae Brown finds lunch hard.", "Lily-Mae Brown"),
        ("Sophie van der Berg is anxious.", "Sophie van der Berg"),
        ("JACK SMITH – Year 9", "JACK SMITH"),
        ("Jack SMITH – Year 9", "Jack SMITH"),
        ("Freddie McKenzie's foster carer", "Freddie McKenzie"),
        ("Łukasz Wiśniewski joined in Year 5.", "Łukasz Wiśniewski"),
        ("Grace Okoro works with the ELSA.", "Grace Okoro"),
        ("Emma Hall chaired it.", "Emma Hall"),
        ("Will Jack Smith attend?", "Jack Smith"),
    ],
)
def test_finds_names(text, name):
    assert found(text) == [("name", name)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # An unlisted forename after a word that says a name follows.
        ("Her brother, Zephyr Quill, was excluded.", "Zephyr Quill"),
        ("Child's name: Zephyr Quill", "Zephyr Quill"),
        ("Social worker: Zephyr Quill", "Zephyr Quill"),
        # ... or before a common surname, or a surname with a typical ending, mid-sentence.
        ("We are worried about Tendai Moyo in Year 7.", "Tendai Moyo"),
        ("We are worried about Sorin Marinescu in Year 7.", "Sorin Marinescu"),
        ("We are worried about Zephyr O'Dowd in Year 7.", "Zephyr O'Dowd"),
        # At the start of a sentence a common surname is the evidence: not "by itself".
        ("Zephyr Moyo has not attended.", "Zephyr Moyo"),
        # Two capitalised words that are no English words, before "has": a person.
        ("Tendai Quill has not attended.", "Tendai Quill"),
    ],
)
def test_finds_names_with_unlisted_forenames(text, name):
    assert found(text) == [("name", name)]


@pytest.mark.parametrize(
    "text",
    [
        # An opening word before a surname is not a name.
        "Sadly Khan Academy videos did not help.",
        # Surnames that are also words or places are not evidence on their own.
        "We visited Forest Green and used White Rose Maths.",
        "She moved to Milton Keynes, near Barton Hill Academy.",
        "He watches the Khan Academy videos.",
    ],
)
def test_unlisted_forenames_need_evidence(text):
    assert found(text) == []


def test_two_names_in_one_sentence():
    assert found("Riya Patel and Mrs Chaudhry get on well; Mr and Mrs Robinson agree.") == [
        ("name", "Riya Patel"),
        ("name", "Mrs Chaudhry"),
        ("name", "Mrs Robinson"),
    ]


PROGRAMMES_AND_ROLES = [
    "Boxall Profile",
    "Emotion Coaching",
    "Child Protection plan",
    "Child in Need plan",
    "Virtual School",
    "Pupil Premium Plus",
    "Team Around the Child",
    "Designated Teacher",
    "Zones of Regulation",
    "Lego Therapy",
    "Thrive Approach",
    "Early Help",
    "Youth Offending Team",
    "Speech and Language Therapy",
    "Educational Psychologist",
    "Head of Year",
    "Year 6",
    "Key Stage 2",
    "CAMHS",
    "SENCO",
    "Forest School",
    "Nurture Group",
    "Drawing and Talking",
    "ELSA",
    "Social Care",
    "Children's Services",
    "Local Authority",
    "Mental Health Support Team",
    "Designated Safeguarding Lead",
    "Precision Teaching",
    "Time to Talk",
    "Family Support Worker",
    "Learning Mentor",
    "Foster Carer",
    "Social Worker",
    "Monday",
    "Reception",
    "Summer Term",
    "May Half Term",
    "Mum",
    "Dad",
    "Nan",
    "Carer",
]


@pytest.mark.parametrize("words", PROGRAMMES_AND_ROLES)
def test_programmes_services_and_roles_are_not_names(words):
    assert found(f"{words} has helped a lot this term.") == []
    assert found(f"Since March, {words} Review notes were shared with Mum.") == []


@pytest.mark.parametrize(
    "text",
    [
        # Forenames that are words, months or places, or modal verbs.
        "Will Mum attend the review?",
        "Will Social Care be there?",
        "May Half Term is when it started.",
        "Grace under pressure is hard for him.",
        "Hope Street Nursery referred her.",
        "Victoria Park was the venue.",
        "Holly Class and Willow Class share a TA.",
        "Summer Holidays are a long gap.",
        # Saints, royals, institutions and famous people.
        "St Mary's Primary shared their notes.",
        "St. John Fisher Catholic School",
        "Queen Elizabeth Hospital discharged him.",
        "Thomas Tallis School has a place.",
        "The Jack Petchey Award was a boost.",
        "Louise Bomber's strategies and Dan Hughes's PACE approach.",
        "Anna Freud Centre resources.",
        "He loves Harry Potter and Mr Men books.",
        # Months, days, initials, titles without a surname.
        "Monday mornings and Friday afternoons; June and July.",
        "Mrs B has been brilliant.",
        "Mr and Mrs are both at work.",
        "MS Teams link to follow.",
        "Key adult JS, Year 6, CP plan.",
    ],
)
def test_not_names(text):
    assert found(text) == []


# --------------------------------------------------------------------------- merging


def test_overlapping_findings_keep_the_more_specific_kind():
    # The phone matcher alone would read an international NHS-looking number as a phone;
    # a plain NHS number is never a phone number as well.
    assert found("NHS 943 476 5919") == [("nhs", "943 476 5919")]
    # An email that contains a capitalised name is one email finding.
    assert found("Olivia.Ahmed@example.com") == [("email", "Olivia.Ahmed@example.com")]


def test_findings_are_sorted_by_position():
    text = "SW1A 1AA, then jack@example.com, then 07700 900123, then Mrs Patel, then B801200005001"
    assert [kind for kind, _ in found(text)] == ["postcode", "email", "phone", "name", "upn"]


# --------------------------------------------------------------------------- messages


def test_describe():
    assert Finding("name", 0, 10, "Jack Smith").describe() == "a name (‘Jack Smith’)"
    assert Finding("upn", 0, 13, "B801200005001").describe() == (
        "a unique pupil number (UPN) (‘B801200005001’)"
    )
    assert Finding("nhs", 0, 10, "9434765919").describe() == "an NHS number (‘9434765919’)"
    assert Finding("email", 0, 5, "a@b.co").describe() == "an email address (‘a@b.co’)"


def test_describe_findings_one():
    assert describe_findings(find_identifiers("DOB 12/03/2015")) == (
        "This looks like it contains a date of birth (‘12/03/2015’ at character 5). "
        "Remove it so that no one can identify the child."
    )


def test_describe_findings_several():
    findings = find_identifiers("Jack Smith lives at SW1A 1AA. Jack Smith's carer is Mrs Patel.")
    assert describe_findings(findings) == (
        "This looks like it contains names (‘Jack Smith’ at character 1 and ‘Mrs Patel’ at "
        "character 53) and a postcode (‘SW1A 1AA’ at character 21). Remove them so that no "
        "one can identify the child: write the child's initials or reference instead of a name."
    )


def test_describe_findings_without_positions():
    findings = find_identifiers("Jack Smith lives at SW1A 1AA")
    assert describe_findings(findings, positions=False) == (
        "This looks like it contains a name (‘Jack Smith’) and a postcode (‘SW1A 1AA’). "
        "Remove them so that no one can identify the child: write the child's initials or "
        "reference instead of a name."
    )


def test_describe_findings_counts_the_rest():
    text = "Call 07700 900121, 07700 900122, 07700 900123 or 07700 900124."
    message = describe_findings(find_identifiers(text), positions=False)
    assert "phone numbers (‘07700 900121’, ‘07700 900122’, ‘07700 900123’ and 1 more)" in message


def test_describe_findings_of_nothing_is_empty():
    assert describe_findings([]) == ""


# --------------------------------------------------------------------------- speed


def _field_of(length: int, entries, seed: int) -> str:
    rng = random.Random(seed)
    text = ""
    while len(text) < length:
        text += rng.choice(entries)[0] + " "
    return text[:length]


def test_a_2000_character_field_takes_well_under_20_ms():
    fields = {
        "clean": _field_of(2000, [e for e in ALL if not e[1]], 1),
        "mixed": _field_of(2000, ALL, 2),
        "numbers": ("0117 496 0123, 12/03/2025, 87%, 3/10, SFC-2026-0042. " * 40)[:2000],
        "names": ("Jack Smith and Mrs Patel at Victoria Park in Summer Term. " * 40)[:2000],
    }
    timings = {}
    for label, text in fields.items():
        find_identifiers(text)
        runs = []
        for _ in range(30):
            started = time.process_time()  # this process's own time: others may be busy
            find_identifiers(text)
            runs.append((time.process_time() - started) * 1000)
        timings[label] = statistics.median(runs)
    print("\nfind_identifiers on 2,000 characters (median of 30, ms):")
    for label, ms in timings.items():
        print(f"  {label:8} {ms:6.2f}")
    assert max(timings.values()) < 20


