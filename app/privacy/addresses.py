"""Where a family lives: a house number and street, a flat in a named building, a house
name on a lane, a plot or pitch on a Traveller site, or a street named as where someone
lives. A street named for anything else ("Harvey Road Primary", "the Station Road
surgery") is not an address."""

from __future__ import annotations

import re
from collections.abc import Iterator

_STREET = (
    r"Road|Rd|Street|St|Avenue|Ave|Drive|Dr|Lane|Ln|Close|Cl|Crescent|Cres|Way|Grove|Gardens|"
    r"Gdns|Place|Pl|Court|Ct|Terrace|Tce|Walk|Row|Mews|Rise|View|Hill|Park|Square|Sq|Parade|"
    r"Green|Vale|Mead|Meadow|Meadows|Fields|Chase|Gate|End|Wharf|Quay|Boulevard|Bank|Croft|"
    r"Dale|Glade|Hollow|Approach|Circus|Passage|Yard|Heights|Brow|Wynd|Loke|Twitten|Path|"
    r"Lea|Leys|Orchard|Copse|Spinney|Paddock|Garth|Fold|Nook|Cottages|Villas|Buildings"
)
_BUILDING = (
    r"House|Court|Lodge|Mansions|Tower|Point|Heights|Building|Block|Apartments|Flats|Hall|"
    r"Place|Centre|Estate|Gardens|Cottages|Villas|Buildings|Wharf|Quay|Works|Mill"
)
_HOUSE = r"Cottage|Farm|House|Lodge|Barn|Villa|Bungalow|Manor|Hall|Farmhouse|Croft|Grange"
_WORD = r"[A-Z][\w'’\-]*"
_NAME_WORDS = rf"(?:{_WORD}\s+){{0,3}}"
# 7 Maple Drive, 42b Station Road, 3 St John's Close, 7, Maple Drive
_NUMBERED_RE = re.compile(
    rf"(?<![\w£$/.:,-])\d{{1,4}}[a-zA-Z]?(?:\s*[-–]\s*\d{{1,4}})?,?\s+{_NAME_WORDS}"
    rf"{_WORD}\s+(?:{_STREET})\b(?:(?<=Rd|St|Dr|Cl|Pl|Ct|Sq)\.|(?<=Ave|Tce)\.)?",
)
# 2B Marlowe Tower, 14 Kestrel House: a flat or house number and a named building
_NUMBERED_BUILDING_RE = re.compile(
    rf"(?<![\w£$/.:,-])\d{{1,4}}[A-Za-z]?,?\s+{_NAME_WORDS}{_WORD}\s+"
    r"(?:Tower|House|Court|Heights|Point|Lodge|Mansions|Apartments|Buildings)\b"
)
# 3 The Paddocks, 12 The Maltings, 61 Broadway
_NUMBERED_NAMED_RE = re.compile(
    r"(?<![\w£$/.:,-])\d{1,4}[a-zA-Z]?,?\s+(?:The\s+[A-Z][\w'’\-]*s\b(?:\s+[A-Z]\w*)?"
    r"|Broadway|Kingsway|Parkway|Highway|Promenade|Esplanade|Causeway|Boulevard)"
)
# 4 darwin close: typed in lower case, with a street word no sentence uses that way
_LOWER_STREET_RE = re.compile(
    r"(?<![\w£$/.:,-])\d{1,4}[a-z]?,?\s+(?:[a-z][a-z'’\-]+\s+){1,2}"
    r"(?:close|drive|road|street|avenue|crescent|lane|gardens|terrace|grove|mews|rd|st|ave)\b"
)
# the same typed in lower case, after words that say it is where someone lives
_LIVES = (
    r"lives?|living|lived|moved|moving|move|staying|stays|stay|stopping|address|resides|"
    r"residing|home\s+is|house\s+is|based|relocated|rehoused|placed|placement|at|site|"
    r"pitch|plot"
)
_LOWER_NUMBERED_RE = re.compile(
    rf"(?:{_LIVES})\s+(?:(?:at|in|on|to)\s+)?(?:is\s+)?"
    rf"(?P<address>\d{{1,4}}[a-z]?,?\s+(?:[a-z][\w'’\-]*\s+){{1,3}}(?:{_STREET})\b)",
    re.IGNORECASE,
)
# Flat 2, Orchard House; flat 3b Kestrel Court; Apartment 12, The Maltings
_FLAT_RE = re.compile(
    r"(?<![\w])(?i:flat|apartment|apt|maisonette)\s+\d{1,4}[a-zA-Z]?\b"
    rf"(?:,?\s+(?:The\s+)?{_NAME_WORDS}{_WORD}\s+(?:{_BUILDING}|{_STREET})\b)?",
)
# Rose Cottage, Mill Lane; Holly Farm, Church Road
_HOUSE_NAME_RE = re.compile(
    rf"(?<![\w])(?:(?:{_WORD}\s+){{1,2}}(?:{_HOUSE})|The\s+(?:{_WORD}\s+)?{_WORD}),?\s+"
    rf"{_NAME_WORDS}{_WORD}\s+(?:{_STREET})\b"
)
# lives on Maple Drive; moved to Orchard Close
_STREET_AFTER_LIVES_RE = re.compile(
    rf"(?:{_LIVES})\s+(?:at|in|on|to|off)\s+(?:the\s+)?"
    rf"(?P<address>{_NAME_WORDS}{_WORD}\s+(?:{_STREET})\b)(?!\s+(?:Primary|School|Academy|"
    rf"Surgery|Practice|Centre|Clinic|Library|Station|Hospital|Nursery|Church|Mosque)\b)",
    re.IGNORECASE,
)
# plot 14 on the Traveller site; pitch 3, Oak Lane site; bay 6 at the caravan park
_PLOT_RE = re.compile(
    r"(?<![\w])(?:plot|pitch|bay|van|caravan|chalet|mobile\s+home)\s+(?:no\.?\s*|number\s+)?"
    r"\d{1,4}[a-zA-Z]?\b",
    re.IGNORECASE,
)
_SITE_RE = re.compile(r"\bsite\b|travell?er|caravan|park\s+home|gypsy|showm[ae]n|yard",
                      re.IGNORECASE)


# Every pattern but flats and plots needs one of these words: without one, the costlier
# patterns (tried at every number in the text) cannot match.
_PLACE_WORD_RE = re.compile(
    rf"\b(?:{_STREET}|{_BUILDING}|{_HOUSE}|Broadway|Kingsway|Parkway|Highway|Promenade|"
    r"Esplanade|Causeway|Boulevard)\b|\bThe\s+[A-Z]",
    re.IGNORECASE,
)


def find_addresses(text: str) -> Iterator[tuple[str, int, int]]:
    for match in _FLAT_RE.finditer(text):
        yield "address", match.start(), match.end()
    for match in _PLOT_RE.finditer(text):
        window = text[max(0, match.start() - 60):match.end() + 60]
        if _SITE_RE.search(window):
            yield "address", match.start(), match.end()
    if not _PLACE_WORD_RE.search(text):
        return
    for pattern in (_NUMBERED_RE, _NUMBERED_BUILDING_RE, _NUMBERED_NAMED_RE, _LOWER_STREET_RE,
                    _HOUSE_NAME_RE):
        for match in pattern.finditer(text):
            yield "address", match.start(), match.end()
    for pattern in (_LOWER_NUMBERED_RE, _STREET_AFTER_LIVES_RE):
        for match in pattern.finditer(text):
            if _words_ok(match.group("address")):
                yield "address", match.start("address"), match.end("address")


def _words_ok(address: str) -> bool:
    """Not "the same road", "his own way": a street is named, not described."""
    first = address.split()[0].lower()
    return first not in {"the", "a", "his", "her", "their", "same", "own", "main", "wrong",
                         "right", "other", "long", "hard", "easy", "high", "this", "that"}
