"""Numbers that other agencies give a child or family: National Insurance numbers, and
case numbers from social care, police, courts, youth justice, the MASH and EHCP teams.

Convene's own references (``AR-2026-0042``, ``SFC-2026-0042``, ``TAC-2026-0007`` and a
child's ``C-7KQ2MX``) name nobody outside Convene and are never reported.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

# HMRC's rules: the first letter is not D, F, I, Q, U or V; the second not D, F, I, O, Q,
# U or V; BG, GB, KN, NK, NT, TN and ZZ are never issued; the suffix is A to D.
_NINO_RE = re.compile(
    r"(?<![\w])(?P<prefix>[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])[ \-.]?"
    r"(?P<digits>\d{2}[ \-.]?\d{2}[ \-.]?\d{2})[ \-.]?(?P<suffix>[A-D])?(?![\w])",
    re.IGNORECASE,
)
_NINO_NEVER = frozenset({"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"})
_NINO_CUE_RE = re.compile(r"(?:\bni\b|\bnino\b|n\.i\.|national\s+insurance)[^.\n]{0,25}$",
                          re.IGNORECASE)


def find_ninos(text: str) -> Iterator[tuple[str, int, int]]:
    for match in _NINO_RE.finditer(text):
        if match.group("prefix").upper() in _NINO_NEVER:
            continue
        if match.group("suffix") is None and not _NINO_CUE_RE.search(
                text, max(0, match.start() - 40), match.start()):
            continue  # "AB123456" alone could be many things; after "NI number" it is one
        yield "nino", match.start(), match.end()


# Convene's own references.
OWN_REFERENCE_RE = re.compile(r"(?:AR|SFC|TAC)-\d{4}-\d{4}|C-[0-9A-HJKMNP-TV-Z]{6}",
                              re.IGNORECASE)

# Words that say a case number follows: the systems social care and the police use, and
# plain "ref", "case number".
_CASE_CUE = (
    r"mosaic|lcs|liquid\s?logic|eclipse|ehm|carefirst|care\s?first|frameworki|azeus|"
    r"capita|synergy|protocol|athena|niche|storm|cpoms|myconcern|"
    r"crime|incident|occurrence|cad|police|court|case|claim|mash|ehcp|ehc\s?plan|yot|yjs|"
    r"youth\s+justice|referral|cp|cin|cla|lac|plan|log|file|client|person|child|social\s+care|"
    r"s47|section\s+47|strategy|lado|ref|reference|id|no|num|number|#"
)
_CASE_CUE_RE = re.compile(
    rf"(?<![\w])(?:{_CASE_CUE})\b\.?(?:\s*(?:ref(?:erence)?|no|num(?:ber)?|id|is|was|:|#|"
    r"=|-|–|\(|\.)\s*){0,3}\s*$",
    re.IGNORECASE,
)
# A code with at least four digits: 1234567, 46/12345/26, CP-2026-0099, YJ/4471, 2026-11873.
_CODE_RE = re.compile(
    r"(?<![\w/\-])(?:[A-Z]{1,4}[\-/]?)?\d[\dA-Z]*(?:[\-/][\dA-Z]+)*(?![\w/\-])",
    re.IGNORECASE,
)
# Shapes that are case numbers wherever they stand: a family court case (ME26C00123) and
# a police crime reference (46/12345/26).
_COURT_RE = re.compile(r"(?<![\w])[A-Z]{2}\d{2}[A-Z]\d{5}(?![\w])")
_CRIME_RE = re.compile(r"(?<![\w/])\d{2}/\d{4,7}/\d{2}(?![\w/])")
_YEAR_RE = re.compile(r"(?:19|20)\d{2}")
_PUBLIC_NUMBER_RE = re.compile(
    r"\b(?:company|charity|registered|vat|urn|dfe|ukprn|laestab|ofsted|course|invoice|po|"
    r"order|room|bus|route|page|isbn)\b[^.;\n]{0,12}$", re.IGNORECASE)
# The systems and agencies whose numbers these are: a few words may stand between
# ("LAC number for Deshawn is 90071653", "MASH enquiry 24-08812").
_SYSTEM_NEAR_RE = re.compile(
    r"\b(?:mosaic|lcs|liquid\s?logic|eclipse|ehm|carefirst|frameworki|azeus|mash|lac|cla|"
    r"police|crime|incident|court|yot|yjs|ehcp|cin|cp|lado|s47|niche|athena|cpoms|myconcern|"
    r"probation|nrm|marac|mappa|cafcass|youth\s+justice|youth\s+offending)\b"
    r"[^.;\n]{0,30}$", re.IGNORECASE)
_NOT_A_CASE_RE = re.compile(
    r"\d{3}/\d{4}|\d{1,2}/(?:19|20)\d{2}|\d{1,2}/\d{1,2}|(?:19|20)\d{2}[-/]\d{2}")
_HAS_FOUR_DIGITS_RE = re.compile(r"\d(?:[\-/]?[\dA-Z]){3}", re.IGNORECASE)


def _digits(code: str) -> int:
    return sum(char.isdigit() for char in code)


def find_case_ids(text: str, blocked: list[tuple[int, int]]) -> Iterator[tuple[str, int, int]]:
    """``blocked`` spans (dates, times, phone numbers, other identifiers) are not codes."""
    taken = sorted(blocked + [match.span() for match in OWN_REFERENCE_RE.finditer(text)])

    def free(start: int, end: int) -> bool:
        index = bisect_left(taken, (end,))
        return not any(s < end and start < e for s, e in taken[max(0, index - 8):index])

    for pattern in (_COURT_RE, _CRIME_RE):
        for match in pattern.finditer(text):
            if free(*match.span()):
                yield "case_id", match.start(), match.end()
    if not _HAS_FOUR_DIGITS_RE.search(text):
        return
    for match in _CODE_RE.finditer(text):
        start, end = match.span()
        code = match.group()
        if _digits(code) < 4 or not free(start, end):
            continue
        if _YEAR_RE.fullmatch(code) or re.fullmatch(r"\d{1,3}(?:,\d{3})+", code):
            continue  # a year, or a sum of money
        if _NOT_A_CASE_RE.fullmatch(code):
            continue  # a school's DfE number (LA/establishment), a day and month, years
        before = text[max(0, start - 40):start]
        if _PUBLIC_NUMBER_RE.search(before):
            continue  # a company, charity or school's number is public
        system = _SYSTEM_NEAR_RE.search(before)
        # After a plain "ref" or "number", four digits are too short to be another
        # service's case number ("MIS ref 4471" is the school's own); five or more are.
        if not system and not (_CASE_CUE_RE.search(before) and _digits(code) >= 5):
            continue
        yield "case_id", start, end
