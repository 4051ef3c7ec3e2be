"""The guard on notes as people write them: names in every form, the kinds added for issue
12, and the field's words that are not identifiers. Examples of our own, one per rule."""

import pytest

from app.privacy import describe_findings, find_identifiers


def found(text: str) -> list[tuple[str, str]]:
    return [(finding.kind, finding.text) for finding in find_identifiers(text)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the subject of a verb of people
        ("Tyrese shouted at the lunchtime supervisor.", "Tyrese"),
        ("Oluwaseun has been late every day this week.", "Oluwaseun"),
        ("Zainab barely speaks in class.", "Zainab"),
        # a possessive before a family or role word
        ("Kayden's stepdad collected him.", "Kayden"),
        ("Rahma's older sister translates.", "Rahma"),
        # after a greeting, a title or a word that says a name follows
        ("Hiya Shaz, can you ring me?", "Shaz"),
        ("her cousin Tomasz is in Year 9", "Tomasz"),
        # before a year group or cohort, or a role in brackets
        ("Wiktoria (Y3) is settling.", "Wiktoria"),
        ("Dawn (kinship carer) will attend.", "Dawn"),
        # lower case where a name stands
        ("mihaela was upset after contact", "mihaela"),
        # names that are words too, where a name stands
        ("Blessing told her teacher about the flat.", "Blessing"),
        ("Phoenix has refused to go in.", "Phoenix"),
        # names from the communities of English schools, mid-sentence
        ("We met with Abdiwali and his carer.", "Abdiwali"),
        ("The EP observed Thanh in maths.", "Thanh"),
        ("Spoke to Yonatan about lunchtimes.", "Yonatan"),
        # a family, and a surname with a title
        ("The Kowalczyks have moved away.", "Kowalczyks"),
        ("Mrs Oyelaran will chair.", "Mrs Oyelaran"),
        # hyphenated, accented, in capitals
        ("Lacey-Mae Wilkinson was excluded.", "Lacey-Mae Wilkinson"),
        ("Zoë has a new social worker.", "Zoë"),
        ("FW: TYSON BRADLEY - core group", "TYSON BRADLEY"),
    ],
)
def test_names_as_people_write_them(text, name):
    assert ("name", name) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "He will attend the review and may need a part-time timetable.",
        "There is hope that the plan steps down at the next conference.",
        "Behaviour is amber on the RAG rating this half term.",
        "Grace period for the uniform ends in May.",
        "Thrive, ELSA and Lego Therapy sessions continue on Tuesdays.",
        "Boxall Profile and SDQ completed; WISC-V indices to follow.",
        "Read Write Inc group moved to Oak class after Easter.",
        "Studying Macbeth and An Inspector Calls for GCSE.",
        "Essex, Thurrock and Southend all run the programme.",
        "The family speak Tigrinya and Amharic at home.",
        "Storm Bert closed the school, so the TAC moved to Friday.",
        "Mum and Nan came to the review with the DSL.",
        "Next review 14 June 2026 at 3.30pm; TAC on the fifth of May.",
        "Reading age 8y 4m, standardised score 87, attendance 91%.",
        "Ref SFC-2026-0042 for child C-7KQ2MX, request AR-2026-0107.",
        "Kensuke's Kingdom is the class reader this term.",
        "August is always hard for her; the anniversary is then.",
        "Sunshine class have a new teaching assistant.",
    ],
)
def test_the_fields_own_words_are_not_identifiers(text):
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Family now live at 14 Larch Avenue.", "address", "14 Larch Avenue"),
        ("flat 6, Beacon House is too small", "address", "flat 6, Beacon House"),
        ("She lives on Cowslip Crescent with her aunt.", "address", "Cowslip Crescent"),
        ("Ivy Cottage, Back Lane is the kinship carers' house.", "address",
         "Ivy Cottage, Back Lane"),
        ("The family are on pitch 9 at the council site.", "address", "pitch 9"),
        ("moved to 22 sycamore road last month", "address", "22 sycamore road"),
        ("Her TikTok is @lilmiss.k_09 and it is public.", "handle", "@lilmiss.k_09"),
        ("his snap is dazza_2012", "handle", "dazza_2012"),
        ("Roblox username TurboFox77", "handle", "TurboFox77"),
        ("Mum's NI number is JT 48 21 90 B.", "nino", "JT 48 21 90 B"),
        ("ni no: pk482190c", "nino", "pk482190c"),
        ("Liquidlogic ID 5529018 on the referral.", "case_id", "5529018"),
        ("Police log 11/30456/25 refers.", "case_id", "11/30456/25"),
        ("Care proceedings, case number BS26C00451.", "case_id", "BS26C00451"),
        ("EHCP ref EH-2025-3311 is being amended.", "case_id", "EH-2025-3311"),
        ("Email her on kerry dot ann dot b at yahoo dot co dot uk", "email",
         "kerry dot ann dot b at yahoo dot co dot uk"),
        ("contact: j.walsh(at)outlook(dot)com", "email", "j.walsh(at)outlook(dot)com"),
        ("DOB the twelfth of March twenty fifteen", "dob",
         "the twelfth of March twenty fifteen"),
        ("Born 17-Nov-14 at the General.", "dob", "17-Nov-14"),
        ("he turns 9 on 2 October and is dreading it", "dob", "2 October"),
        ("birthday is New Year's Eve", "dob", "New Year's Eve"),
        ("Dad's mobile in Romania 0040 723 456 789", "phone", "0040 723 456 789"),
        ("Gran in Dublin on +353 86 123 4567", "phone", "+353 86 123 4567"),
    ],
)
def test_the_new_kinds(text, kind, value):
    assert (kind, value) in found(text)


def test_a_upn_typed_in_groups_is_found_by_its_check_letter():
    from stdnum.gb import upn

    body = "801200005001"
    valid = upn.calc_check_digit(body) + body
    spaced = f"{valid[:4]} {valid[4:8]} {valid[8:12]} {valid[12]}"
    assert found(f"UPN {spaced} on the form") == [("upn", spaced)]
    wrong = ("A" if valid[0] != "A" else "B") + valid[1:]
    assert found(f"UPN {wrong[:4]} {wrong[4:8]} {wrong[8:12]} {wrong[12]}") == []


def test_a_date_after_a_name_is_a_date_of_birth_but_a_meeting_date_is_not():
    assert found("Kieran Walsh, 12/03/2015, Year 5") == [
        ("name", "Kieran Walsh"), ("dob", "12/03/2015")]
    assert found("Review on 12/03/2026 with the EP.") == []


def test_the_message_says_what_to_write_instead():
    message = describe_findings(find_identifiers("Tyrese said he lives at 4 Elm Road."))
    assert "‘Tyrese’" in message and "‘4 Elm Road’" in message
    assert "initials" in message and "reference" in message
