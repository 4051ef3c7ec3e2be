"""People's names as notes really carry them: full names, first names alone, surnames,
families, nicknames; in lower case, in capitals, hyphenated, accented.

A word is judged by what it is and where it stands:

- what it is, from the lexicon: a first name or surname and how popular (names-dataset),
  whether it is also an ordinary English word ("Storm", "Hope", "Will"), or a place;
- where it stands: the subject of "said", "told", "is", "has"...; before a possessive and
  a family or role word ("Tayla's nan"); joined to a name by "and"; before a year group or
  cohort ("Ioana (Y4)"); after a greeting, a title or a subject line ("Hi Baz", "RE:");
  after a word that says a name follows ("her brother ...", "named ...").

A name that is not an English word is a name wherever it is written with a capital
("spoke to Abdirahman today"). One that is also a word, or a capitalised word that is no
name we know (a nickname), is a name only where a name stands. Lower-case names are names
only where a name stands. The field's own words (roles, programmes, services, subjects,
months, places, acronyms: ``vocabulary.py``) are never names, except where nothing but a
person could stand ("May said").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from app.privacy import vocabulary as v
from app.privacy.lexicon import Lexicon, load

# A first name is "popular" in this rank or better in some country; rarer entries in the
# data set are too often noise (words people typed as their names).
FIRST_RANK = 3000
LAST_RANK = 1500
# A dictionary word at least this common (Zipf) is a word first and a name second.
WORDLIKE_ZIPF = 2.8

_TOKEN_RE = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?:;•\n\"“(\[*>]|\s[\-–—])\s*$")
_POSSESSIVE = ("'s", "’s", "s'", "s’")

CLOSED = v.words(
    """
    a an the and or but nor so yet if then than as at by for from in into of on onto to with
    without about after before since until during over under between through via per up
    down out off near like unlike he she they we i it you his her hers their theirs our ours
    my mine your yours its him them us me this that these those there here who whom whose
    what which when where why how all any some each every both either neither none no not
    yes is are was were be been being has have had do does did will would can could should
    shall may might must said says told asked also only just still very really please thanks
    thank dear regards kind best everyone everybody anyone anybody someone somebody nobody
    nothing something anything everything myself yourself himself herself itself ourselves
    themselves one ones other others another same such many much more most less few several
    own today tomorrow yesterday tonight now later soon again ok okay yeah hi hello hey
    mon tue tues wed weds thu thur thurs fri sat sun jan feb mar apr jun jul aug sep sept oct
    nov dec am pm eng lit sci geog hist re fwd fw let im ive dont cant wont doesnt didnt isnt
    wasnt u ur ya yh lol omg pls plz thx tbh idk bc cos coz gonna wanna lb lbs oz kg let's
    it's that's what's there's here's who's he's she's
    """
)

# The field's words that are also popular names: a name only where nothing but a person
# could stand ("May said", "Summer told").
SOFT = v.words(
    """
    May June April August Autumn Summer Will Mark Grant Drew
    Dawn Hope Faith Grace Joy Angel Star Sky Rose Lily Ruby Jade Amber Holly Ivy Violet
    Hunter Mason Carter Taylor Parker Cooper Jordan Chelsea Paris India Sydney Devon Georgia
    Florence Victoria Austin Dakota Brooklyn Eden Harmony Destiny Storm River Blessing Mercy
    Patience Precious Favour Gift Goodluck Miracle Princess Prince King Duke Major Rocky Sonny
    Bill Pat Ray Max Guy Frank Earl Don Bob Rob Sue Ken Nick Pearl Dolly Poppy Daisy
    Penny Sunny Rusty Misty Lucky Chase Page Heath Dean Miles Gene Iris Sapphire Emerald
    Crystal Diamond Ash Willow Hazel Rowan Heather Robin Wren Jay Lark Autumn Rain Sunshine
    """
)
HARD = (v.NON_SURNAME_WORDS | v.INSTITUTION_AFTER) - SOFT
MODALS = v.words("Will May Can Shall Must")
MONTHS = v.words("January February March April May June July August September October "
                 "November December")
SPEECH_VERBS = v.words("said says told tells asked asks explained shared disclosed reported "
                       "stated mentioned replied answered shouted screamed whispered cried")
EXTRA_HARD = v.words(
    """
    Thrive Boxall ELSA Elsa Lego Zones Nessy Lexia Numicon Twinkl Seesaw Dojo ClassDojo Tapestry
    Arbor SIMS Sims CPOMS MyConcern Mosaic Liquidlogic Eclipse Capita Ofsted Kooth Childline
    Barnardo Barnardos NSPCC Place2Be Relate Mind Nurture Macbeth Gruffalo Matilda Wonder
    Holes TikTok Snapchat Snap Instagram Insta WhatsApp YouTube Roblox Fortnite Minecraft
    Discord PlayStation PSN Xbox Nintendo Facebook Messenger Teams Zoom Google Tesco Asda Aldi
    Lidl Greggs Primark Argos Amazon Netflix Disney Lego Marvel Pokemon Pokémon Sainsbury
    Sainsburys Morrisons Costa Subway Nando Nandos KFC McDonald McDonalds Uber Deliveroo
    Boots Halfords Iceland Tango Haribo Oreo Stitch Sonic Mario Peppa Elmo Shrek Moana
    Frozen Bluey Paw Patrol Spiderman Batman Superman Hulk Thor Loki Yoda Pikachu
    Makaton Widgit Colourful Semantics Attention Autism Bucket SCERTS PECS Intensive
    Interaction Sensory Integration Theraplay Nessy Toe Dyslexia Gold Clicker Accelerated
    Reader Bedrock Sparx Hegarty Mathletics TTRockstars Rockstars Oxford Reading Tree
    Bug Club Phonics Bug Letters Sounds Sounds-Write Jolly RWI Ruth Miskin Talk Boost
    Boost Welcomm NELI Speech Link Language Link Lexia Wellcomm Hamish Milo Kidscape
    Stonewall Mencap Scope Barnardo's Action Aid Unicef UNICEF Oxfam Samaritans Shelter
    Refuge Women's Aid Kinship Grandparents Plus Adoption UK PAC-UK Coram BAAF CoramBAAF
    Essex Kent Medway Thurrock Southend Surrey Sussex Norfolk Suffolk Devon Cornwall
    Dorset Somerset Wiltshire Hampshire Berkshire Yorkshire Lancashire Cumbria Durham
    Northumberland Cheshire Derbyshire Nottinghamshire Leicestershire Lincolnshire
    Eng Lit Sci Geog Hist High Teach Churchill Darwin Shakespeare Dickens Einstein Newton
    Hitler Gandhi Obama Trump Biden Romeo Juliet Lennie Kensuke Skellig Gatsby Scrooge
    Macbeth Hamlet Othello Lear Frankenstein Dracula Gruffalo Paddington Tracy Beaker
    """
)
# Famous people, writers and characters that schools' notes name: a first name before
# one of these is theirs ("poems by Benjamin Zephaniah"), not a child's.
FAMOUS = v.words(
    """
    Churchill Darwin Shakespeare Dickens Einstein Newton Hitler Gandhi Obama Trump Biden
    Brunel Curie Seacole Nightingale Pankhurst Turing Hawking Lovelace Attenborough Tull
    King-Smith Dahl Rowling Blyton Tolkien
    Aslan Trunchbull Wonka Tumnus Hermione Dumbledore Voldemort Olaf Addams Stink Heffley
    Sachar Palacio Zephaniah Walliams Morpurgo Donaldson Rowling Blackman Horowitz Pullman
    Kinney Pichon Cowell Pilkey Carle Kerr DiCamillo Steinbeck Priestley Orwell Armitage
    Heaney Owen Duffy Gogh Kahlo Picasso Monet Warhol Banksy Lowry Hockney Mozart Beethoven
    Tudor Tudors Stuarts Victorians Romans Vikings Saxons Normans Egyptians Greeks Aztecs
    Mayans Celts Thames Severn Trent Mersey Tyne Avon Ouse Tees Humber Clyde Tay Colne Exe
    """
)
EXTRA_HARD = EXTRA_HARD | FAMOUS | v.words(
    "Uno Charanga Home-Start Homestart Marconi Hilton Premier Travelodge Holiday Inn "
    "Audi BMW Mercedes Vauxhall Toyota Nissan Honda Peugeot Renault Volkswagen Skoda Kia "
    "Hyundai Tesla Citroen Fiat Mazda Volvo")
ACRONYMS = v.ACRONYMS | v.words(
    """
    CIN CP LAC CLA CIC CWSW PLAC SGO CAO RO PEP EHCP EHC SEN SEND SEMH ASD ASC ADHD ADD ODD
    PDA FASD DCD DLD SPLD MLD SLD PMLD VI HI MSI PD SALT SLT OT EP EPS CAMHS CYPMHS MHST
    MHSL SMHL ELSA TAC TAF SFC DSL DDSL DT SENCO SENDCO DHT HT AHT HOY KS EYFS FSM PP PPG
    PP+ YOT YJS YOS MASH LADO CSE CCE NRM PRU AP SATS SATs GCSE GCSES BTEC NVQ RAG TA HLTA
    MARAC MAPPA MACE CAIT IDVA ISVA DASH ABE CP-IS CPIS DVPN DVPO CAFCASS PLO ICO EPO
    FGC ADHD CAMHS EWMHS DHT PAMS RUI NFA PACE DBS ASB CRO YRO
    LSA NQT ECT SLT SMT GP NHS A&E SW FSW EHW EHA IRO PA OK ASAP FYI NB PS TBC TBD ETA RE
    FW FWD URGENT UPDATE CONFIDENTIAL OFFICIAL SENSITIVE ACTION ACTIONS MEETING NOTES
    """
)
FAMILY_OR_ROLE = v.words(
    """
    mum mummy mam mom mother dad daddy father nan nana nanny gran granny grandma grandmother
    grandad granddad grandpa grandfather grandparents grandparent aunt auntie aunty uncle
    cousin cousins brother brothers sister sisters sibling siblings stepdad stepmum
    stepfather stepmother parent parents carer carers foster guardian family boyfriend
    girlfriend partner friend friends mate mates baby son daughter twin twins ex kids
    children child teacher ta key worker social sw keyworker mentor class school case
    behaviour attendance needs plan ehcp file phone house home room bedroom birthday
    support presentation progress mood anxiety reading writing place name postcode upn
    address number details dob birthday nhs email phone mobile key hair coat bag shoes
    grandfather great-grandmother great-grandfather great-nan nanaji nani nana dadi dada
    abba ammi ammu amma appa baba mama tata babcia dziadek bunica bunicul abuela abuelo avo
    avó nonna nonno yaya teta khala chacha phupho mamu
    """
)
FAMILY_ADJECTIVES = v.words("older younger elder little big baby new old step half birth "
                            "foster biological real")
# Words after a name that say a person went before: "Kieran said", "Tayla has".
PERSON_VERBS = v.words(
    """
    said says told tells is was has had have isn't wasn't hasn't hadn't doesn't didn't
    won't can't cannot couldn't wouldn't shouldn't will would can could should did does
    do don't likes loves hates wants needs enjoys struggles seems seemed appears appeared
    went goes came comes got gets ran runs hit hits kicked punched threw swore swears
    left leaves arrived arrives attends attended lives lived lived stays stayed moved
    joined started starts stopped stops continues continued remains remained became
    becomes refused refuses disclosed discloses reported reports shared shares explained
    explains mentioned mentions asked asks stated states spoke speaks talked talks cried
    cries laughed smiled sat sits slept sleeps ate eats walked walks presented presents
    responded responds managed manages engaged engages settled settles tried tries
    enjoyed wanted needed made makes took takes gave gives found finds felt feels thinks
    thought knows knew keeps kept called calls rang rings texted messaged emailed wrote
    writes drew draws played plays scored scores completed completes missed misses
    are were both share live lived absconded ran shouted screamed hid hides avoids avoided
    used uses worked works
    continues struggled coped copes loved hated needs lashed kicked bit bites spat spits
    came returned returns turned turns told won lost scored wore wears brought brings
    asked answered agreed disagreed admitted denied alleged claimed claims reports
    appeared joined transferred moves moved transitions transitioned got gets has
    """
)
# Words before a name that say one follows.
CUE_BEFORE = v.words(
    """
    hi hello hey hiya dear morning afternoon evening thanks thank cheers sorry ta ask it's
    im i'm
    named called aka nicknamed brother sister cousin friend mum mother dad father nan
    nana gran grandma grandad aunt auntie aunty uncle carer stepdad stepmum son daughter
    partner boyfriend girlfriend sibling twin pupil child student learner yp cyp baby
    """
)
GREETINGS = v.words("hi hello hey hiya dear morning thanks cheers sorry")
# After "RE:", "Subject:", "FAO": a name, or the subject of an email ("RE: Updated invite").
SUBJECT_CUES = v.words("re fw fwd subject fao attn attention regarding")
ROLE_COLON = v.words(
    """
    name names worker sw senco dsl teacher ta carer mum dad parent parents child pupil
    student yp cyp contact from to cc attendees present apologies chair minutes by author
    officer lead head manager ep advisor adviser therapist nurse lado iro pa keyworker
    """
)
# Verbs and prepositions after which a capitalised word-like name is the person spoken
# to or about ("spoke to Destiny", "told Storm").
OBJECT_CUES = v.words(
    """
    to with told asked saw met called phoned rang texted emailed collected supported helped
    reminded thanked praised warned visited observed watched
    """
)
YEAR_AFTER_RE = re.compile(
    r"\s*\(\s*\d{1,2}\s*\)|\s*(?:[(,\-–]\s*)?(?:\d[\w/.\-]{4,9}\s*(?:\(d\.?o\.?b\.?\))?\s*[,\-–]\s*)?(?:(?:is\s+)?(?:in|from)\s+)?(?:y(?:ea)?r\.?\s?\d{1,2}|y\d{1,2}|reception|rec|nursery|"
    r"cic|cin|cp|lac|plac|cla|kinship|sgo|ks\d|year\s+(?:one|two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven)|aged?\s+\d{1,2}|\d{1,2}\s?(?:yrs?|years?\s+old|y/?o))\b",
    re.IGNORECASE,
)
ADVERBS = v.words("often always never still also just really usually sometimes then now "
                  "rarely seldom hardly already even again finally")
CONTRACTED = v.words("been got gone not going doing had always never just still really very "
                     "now back a an so")


@dataclass(slots=True)
class Token:
    start: int
    end: int
    word: str
    possessive: bool
    shape: str  # "title", "upper", "lower", "initial" or "mixed"
    key: str = ""
    titled: str = ""
    first: int = 0
    last: int = 0
    zipf: float = 0.0
    place: bool = False
    hard: bool = False
    soft: bool = False


_NAME_PREFIX_RE = re.compile(r"(?:Mc|Mac|O['’]|D['’]|De|Di|La|Le)[A-Z]")


def _shape(word: str, shouting: bool) -> str:
    letters = word.replace("'", "").replace("’", "").replace("-", "")
    if letters[:2].isupper() and letters.endswith("s") and letters[:-1].isupper():
        return "upper"  # SATs, GCSEs, EHCPs: acronyms in the plural
    capitals = sum(char.isupper() for char in letters)
    if capitals >= 2 and len(letters) <= 5 and not _NAME_PREFIX_RE.match(word):
        return "upper"  # CiN, HoY, TAs, PhD: acronyms in mixed case
    if len(letters) == 1:
        return "initial" if letters.isupper() else "lower"
    if letters.isupper():
        return "title" if shouting else "upper"
    if letters.islower():
        return "lower"
    if word[0].isupper():
        return "title"
    # al-Hassan, van der Berg, de Souza, McDonald: a particle, then a capital
    return "title" if "-" in word and word.split("-", 1)[1][:1].isupper() else "mixed"


def _shouting(text: str) -> bool:
    """Whether the text is written in capitals (a subject line, a heading)."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 8 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def tokens(text: str, lexicon: Lexicon) -> list[Token]:
    found = []
    line_start = 0
    shouting = False
    for match in _TOKEN_RE.finditer(text):
        start, end = match.span()
        if start >= line_start:
            line_end = text.find("\n", start)
            line_end = len(text) if line_end < 0 else line_end
            line_begin = text.rfind("\n", 0, start) + 1
            shouting = _shouting(text[line_begin:line_end])
            line_start = line_end
        word = match.group()
        possessive = (word.endswith(_POSSESSIVE) and len(word) > 3
                      and word[:-2].casefold() not in CLOSED)  # "it's", "that's"
        if possessive:
            cut = 1 if word[-1] in "'’" else 2
            word = word[:-cut]
            end -= cut
        token = Token(start, end, word, possessive, _shape(word, shouting))
        _describe(token, lexicon)
        found.append(token)
    _capitals_runs(text, found, lexicon)
    return found


def _capitals_runs(text: str, tokens_: list[Token], lexicon: Lexicon) -> None:
    """"RE: JACK SMITH – Year 9": two or more words in capitals side by side, none of them
    an acronym of the field, are read as if written with initial capitals."""
    index = 0
    while index < len(tokens_):
        end = index
        while (end < len(tokens_) and tokens_[end].shape == "upper"
               and (end == index or _adjacent(text, tokens_[end - 1], tokens_[end]))):
            end += 1
        run = tokens_[index:end]
        if len(run) >= 2 and not any(t.word.upper() in ACRONYMS or len(t.word) < 2
                                     or not t.word.isupper() for t in run):
            for token in run:
                token.shape = "title"
                _describe(token, lexicon)
        index = max(end, index + 1)


@lru_cache(maxsize=65536)
def _look_up(word: str) -> tuple[str, int, int, float, bool]:
    """What the lexicon says of a word as written: kept, since most words recur."""
    lexicon = load()
    key = word.casefold().replace("’", "'")
    if key in CLOSED and not (word[:1].isupper() and word.title() in SOFT):
        return key, 0, 0, 7.0, False  # "will", "may": words; "Will", "May": maybe names
    parts = key.split("-")
    head = parts[0] if parts[0] not in v.PARTICLES or len(parts) == 1 else parts[1]
    # Lily-Mae, Hughes-Jones: read by their parts only when each part has a capital
    # ("Part-time" is a word).
    by_parts = len(parts) > 1 and (
        all(part[:1].isupper() or part in v.PARTICLES for part in word.split("-"))
        or all(lexicon.first_rank(part) and lexicon.zipf(part) < WORDLIKE_ZIPF
               for part in parts))  # jayden-lee
    first = lexicon.first_rank(key) or (lexicon.first_rank(head) if by_parts else 0)
    last = lexicon.last_rank(key) or (lexicon.last_rank(parts[-1]) if by_parts else 0)
    return key, first, last, lexicon.zipf(key), key in lexicon.places


def _describe(token: Token, lexicon: Lexicon) -> None:
    word = token.word
    key, token.first, token.last, token.zipf, token.place = _look_up(word)
    token.key = key
    titled = word.title() if word.isupper() else word
    token.titled = titled
    singular = titled[:-1] if titled.endswith("s") else titled  # "Fridays", "Mums"
    token.hard = (key in CLOSED and titled not in SOFT or word in v.TITLES or titled in HARD
                  or titled in EXTRA_HARD or singular in HARD or singular in EXTRA_HARD
                  or word.upper() in ACRONYMS and token.shape == "upper"
                  or "-" in titled and any(part in HARD or part in MONTHS
                                           for part in titled.split("-")))
    token.soft = titled in SOFT or token.place


def _popular(token: Token) -> bool:
    return (0 < token.first <= FIRST_RANK) or (0 < token.last <= LAST_RANK)


def _wordlike(token: Token) -> bool:
    """An English word first: "storm", "grace", "will". A very popular name that is a
    rare word as well (Hamza, Kyle, Lee) is a name first."""
    if 0 < token.first <= 300 and token.zipf < 4.3:
        return False
    return token.zipf >= WORDLIKE_ZIPF


def _sentence_start(text: str, token: Token) -> bool:
    return bool(_SENTENCE_START_RE.search(text, max(0, token.start - 4), token.start))


def _next(tokens_: list[Token], index: int, text: str, gap: int = 3) -> Token | None:
    """The next token if only spaces or light punctuation stand between them."""
    if index + 1 >= len(tokens_):
        return None
    following = tokens_[index + 1]
    between = text[tokens_[index].end + (2 if tokens_[index].possessive else 0):following.start]
    if tokens_[index].possessive:
        between = text[tokens_[index].end:following.start].lstrip("'’s")
    return following if len(between) <= gap and not re.search(r"[.!?;\n]", between) else None


def _previous(tokens_: list[Token], index: int, text: str, gap: int = 3) -> Token | None:
    if index == 0:
        return None
    before = tokens_[index - 1]
    between = text[before.end:tokens_[index].start]
    if before.possessive:
        between = between.lstrip("'’s")
    return before if len(between) <= gap and not re.search(r"[.!?;\n]", between) else None


def _adjacent(text: str, left: Token, right: Token) -> bool:
    """Two words of one name: a space between them, nothing else; or a full stop and a
    space after a title or an initial ("Dr. Okafor", "J. Smith")."""
    if left.possessive:
        return False
    between = text[left.end:right.start]
    if between in (" ", "\u00a0"):
        return True
    return between in (". ", ".") and (left.word in v.TITLES or left.shape == "initial"
                                       or left.word in v.NOT_A_PERSON_BEFORE)


def _verb_after(text: str, tokens_: list[Token], index: int) -> bool:
    token = tokens_[index]
    following = _next(tokens_, index, text, gap=1)
    if following is None:
        return False
    if token.possessive and text[token.end:token.end + 2] in ("'s", "’s"):
        # "Kieran's been", "Kieran's not": a contraction, not a possessive
        return following.key in CONTRACTED
    if token.possessive:
        return False
    if following.key in ADVERBS or following.key.endswith("ly") and following.zipf >= 2:
        # "Xinyi barely speaks", "Kieran often says"
        following = _next(tokens_, index + 1, text, gap=1)
        if following is None:
            return False
    if following.key in PERSON_VERBS:
        return True
    return following.shape == "lower" and following.key.endswith("ed") and following.zipf >= 2


def _possessive_before_family(text: str, tokens_: list[Token], index: int) -> bool:
    token = tokens_[index]
    if not token.possessive:
        return False
    following = _next(tokens_, index, text, gap=2)
    if following is not None and following.key in FAMILY_ADJECTIVES:
        following = _next(tokens_, index + 1, text, gap=1)  # "Hamza's older brother"
    return following is not None and (following.key in FAMILY_OR_ROLE
                                      or following.key.rsplit("-", 1)[-1] in FAMILY_OR_ROLE)


def _cue_before(text: str, tokens_: list[Token], index: int) -> bool:
    if index > 0 and tokens_[index - 1].word in v.TITLES and _adjacent(
            text, tokens_[index - 1], tokens_[index]):
        return True
    if index > 1 and tokens_[index - 1].shape == "initial" and tokens_[index - 2].word in (
            v.TITLES) and _adjacent(text, tokens_[index - 1], tokens_[index]):
        return True  # "Mrs J. Smith"
    before = _previous(tokens_, index, text)
    if before is None:
        return False
    if before.key in CUE_BEFORE:
        return True
    token = tokens_[index]
    if before.key in SUBJECT_CUES:
        return not _wordlike(token) and (token.first > 0 or token.last > 0 or token.zipf < 1)
    # "Social worker: Zephyr Quill", "Child's name - ..."
    return before.key in ROLE_COLON and re.fullmatch(r"\s*[:\-–]\s*",
                                                      text[before.end:tokens_[index].start])


def _year_after(text: str, token: Token) -> bool:
    return bool(YEAR_AFTER_RE.match(text, token.end + (2 if token.possessive else 0)))


def _object_cue(text: str, tokens_: list[Token], index: int) -> bool:
    before = _previous(tokens_, index, text)
    return before is not None and before.key in OBJECT_CUES and before.shape == "lower"


ROLE_AFTER_RE = re.compile(
    r"\s+from\s+the\s+[A-Z]|"
    r"\s*\(\s*(?:he|she|they|ze|xe)\s*/|\s+and\s+(?:her|his|their)\s+(?:brother|sister|twin|"
    r"mum|dad|carer|nan|cousin|friend)|"
    r"\s*(?:\(\s*|,\s*|\s+the\s+|\s+from\s+(?:the\s+)?|\s+in\s+the\s+|\s+our\s+|\s+my\s+"
    r"|\s+-\s+)(?:[a-z]+\s+)?(?:carer|grandad|grandma|grandfather|grandmother|nan|nana|gran|"
    r"mum|dad|aunt|auntie|uncle|bro|sis|lad|girl|boy|mgm|mgf|pgm|pgf|yp|cyp|child|"
    r"brother|sister|cousin|stepdad|stepmum|sw|social\s+worker|dsl|ddsl|senco|sendco|ta|hlta|"
    r"teacher|head|deputy|office|site|la|vs|ep|camhs|yot|mash|police|pc|pcso|elsa|mentor|"
    r"keyworker|key\s+worker|family\s+support|fsw|iro|lado|health\s+visitor|school\s+nurse|"
    r"gp|interpreter|foster\s+carer|kinship\s+carer|pa|receptionist|caretaker|lsa|tutor|"
    r"head\s+of\s+year|hoy|class\s+teacher|early\s+help|edt|ehw|nurse|doctor|\d{1,2}\s*(?:yrs?|y/?o))\b",
    re.IGNORECASE,
)
# "Cartwright, J.": a surname, then an initial
_SURNAME_INITIAL_RE = re.compile(r",\s*[A-Z]\.(?:\s|$)")


def _role_after(text: str, token: Token) -> bool:
    return bool(ROLE_AFTER_RE.match(text, token.end + (2 if token.possessive else 0)))


GROUP_AFTER = v.words("class classes room rooms group groups base team house houses unit club "
                      "hub zone pod set form block building wing suite ward centre hall copse")


def _in_name_place(text: str, tokens_: list[Token], index: int) -> bool:
    token = tokens_[index]
    following = _next(tokens_, index, text, gap=1)
    if following is not None and following.key in GROUP_AFTER and not token.possessive and (
            following.shape == "lower"):
        return False  # "Hazel class", "Rainbow room": a class or a room
    return (_verb_after(text, tokens_, index)
            or _possessive_before_family(text, tokens_, index)
            or _cue_before(text, tokens_, index)
            or _year_after(text, token)
            or not token.possessive and (not token.place or 0 < token.first <= 500) and (
                _role_after(text, token) or (
                token.last > 0 and bool(_SURNAME_INITIAL_RE.match(text, token.end)))))


PLACE_WORDS = v.words("in at near from to into via towards outside around across through")


def _after_place_word(text: str, tokens_: list[Token], index: int) -> bool:
    before = _previous(tokens_, index, text, gap=1)
    return before is not None and before.key in PLACE_WORDS and before.shape == "lower"


def _line_start(text: str, token: Token) -> bool:
    return not text[text.rfind("\n", 0, token.start) + 1:token.start].strip()


def _speech_after(text: str, tokens_: list[Token], index: int) -> bool:
    following = _next(tokens_, index, text, gap=1)
    return (following is not None and not tokens_[index].possessive
            and following.key in SPEECH_VERBS)


def _title_after_possessive(text: str, tokens_: list[Token], index: int) -> bool:
    token = tokens_[index]
    if not token.possessive or index + 1 >= len(tokens_):
        return False
    following = tokens_[index + 1]
    return (following.shape == "title" and following.key not in FAMILY_OR_ROLE
            and not following.hard
            and text[token.end:following.start].strip() in ("'s", "’s", "'", "’"))


def _in_title_phrase(text: str, tokens_: list[Token], index: int) -> bool:
    """"The Anxiety Gremlin", "Oak Class Tigers": after a capitalised word that is no
    name, mid-sentence, a capitalised word is part of a title or a proper name; and after
    a possessive ("Kensuke's Kingdom")."""
    if index > 0 and tokens_[index - 1].possessive and text[
            tokens_[index - 1].end:tokens_[index].start].strip() in ("'s", "’s"):
        return tokens_[index].key not in FAMILY_OR_ROLE
    if index == 0 or not _adjacent(text, tokens_[index - 1], tokens_[index]):
        return False
    before = tokens_[index - 1]
    if before.shape != "title" or before.key in CUE_BEFORE or before.word in v.TITLES:
        return False
    if before.key in CLOSED or _sentence_start(text, before) and not before.hard:
        return False
    if before.hard:
        return True  # "Mario Kart", "Child Arrangements", "A Christmas Carol"
    if before.first or before.last:
        return False
    return before.zipf >= 1


def _is_name(text: str, tokens_: list[Token], index: int) -> bool:
    """Whether this token, on its own, is someone's name."""
    token = tokens_[index]
    if token.shape in ("initial", "mixed") or len(token.key) < 2:
        return False
    if token.shape == "title" and _in_title_phrase(text, tokens_, index):
        return False
    if token.hard:
        # The field's own words: only "Title Word" ("Mrs Thrive" is still a person).
        before = _previous(tokens_, index, text)
        return (before is not None and before.word in v.TITLES and token.shape == "title"
                and token.key not in CLOSED)
    if token.shape == "upper":
        # Capitals in a line of ordinary case: an acronym unless a popular, non-word name
        # ("PRI 95" is a score), or one followed by who they are ("ROSE (MGM)").
        if re.match(r"\s*[:=]?\s*\d", text[token.end:token.end + 4]):
            return False
        if len(token.key) >= 3 and token.first and token.word.isupper() and (
                text[token.end:token.end + 2].strip().startswith("(")) and (
                _role_after(text, token) or _year_after(text, token)):
            return True
        return (len(token.key) >= 4 and token.word.isupper() and _popular(token)
                and not _wordlike(token) and not token.soft)
    if token.shape == "lower":
        before = _previous(tokens_, index, text)
        greeted = before is not None and before.key in GREETINGS
        if (0 < token.first <= 500 and _line_start(text, token)
                and _speech_after(text, tokens_, index)):
            return True  # "grace said she doesnt want to", at the start of a line
        return (_popular(token) and token.zipf == 0 and (len(token.key) >= 3 or greeted)
                and (token.possessive or greeted or _verb_after(text, tokens_, index)
                     or _cue_before(text, tokens_, index)
                     or _year_after(text, token) or _object_cue(text, tokens_, index)))
    # Title case.
    if _title_after_possessive(text, tokens_, index):
        return False  # "Kensuke's Kingdom", "Charlotte's Web": a title
    if token.titled in MODALS and _sentence_start(text, token) and (
            text[token.end:token.end + 2].strip()[:1] not in ("(", ",")):
        return _speech_after(text, tokens_, index)  # "Will Jack attend?", "May we..."
    if _cue_before(text, tokens_, index) and not token.place and (
            not _wordlike(token) or 0 < token.first <= FIRST_RANK
            or token.key in ("zephyr",) or tokens_[index - 1].word in v.TITLES):
        return True  # "her brother, Zephyr", "Social worker: Quill", "Mrs Hope"
    if token.titled in MONTHS:
        return _speech_after(text, tokens_, index) or _cue_before(text, tokens_, index)
    if _after_place_word(text, tokens_, index) and (token.place or not 0 < token.first <= 1000):
        return False  # "the bus from Pitsea", "a wedding in Kerala refused"
    if token.soft:
        return _in_name_place(text, tokens_, index) or (
            not token.place and bool(token.first) and not _sentence_start(text, token)
            and _object_cue(text, tokens_, index))
    if _after_place_word(text, tokens_, index) and not 0 < token.first <= 1000 and not (
            _verb_after(text, tokens_, index)):
        return False  # "the bus from Pitsea", "a wedding in Kerala"
    if _popular(token) and not _wordlike(token):
        following = _next(tokens_, index, text, gap=1)
        if following is not None and following.key in GROUP_AFTER and (
                following.shape == "lower" and not token.possessive):
            return False
        # A capital that only starts a sentence is no evidence: "Lone working", "Hunter
        # said" is a name; "Lone working:" is not.
        return not (_sentence_start(text, token) and token.zipf >= WORDLIKE_ZIPF
                    and not _in_name_place(text, tokens_, index))
    if _wordlike(token):
        # a word first: a name only if a popular one, and where a name stands
        return 0 < token.first <= FIRST_RANK and (
            _in_name_place(text, tokens_, index)
            or not _sentence_start(text, token) and _object_cue(text, tokens_, index))
    if token.first or token.last:
        return _in_name_place(text, tokens_, index)  # a rarer name
    if token.zipf >= 1:
        return False  # an English word we do not know as a name
    # No name we know and no English word: a nickname, a rare name, a brand.
    return _in_name_place(text, tokens_, index)


def _joinable(token: Token) -> bool:
    """A word that may continue a name already found: a surname, another given name."""
    if token.word in PLACE_AFTER:
        return False  # "Philomena Protocol", "Thomas Tallis School": checked after the name
    if token.hard or token.shape not in ("title", "upper") or token.place and not token.last:
        return False
    if token.shape == "upper" and token.word in ACRONYMS:
        return False
    return bool(token.first or token.last or token.zipf < 3.5)


# Phrases that look like people and are not: named storms, shops, books, charities.
NOT_PEOPLE_RE = re.compile(
    r"\bStorm\s+[A-Z][a-z]+|\bMarks\s+(?:and|&)\s+Spencer|\bRonald\s+McDonald\b"
    r"|\bRomeo\s+and\s+Juliet|\bOf\s+Mice\s+and\s+Men|\bGoodnight\s+Mister\s+Tom"
    r"|\bCharlotte['’]s\s+Web|\bTracy\s+Beaker|\bHorrid\s+Henry|\bFantastic\s+Mr\s+Fox"
    r"|\bMr\s+(?:Men|Tumble|Bean|Motivator|Blobby|Potato\s+Head)\b|\bPeppa\s+Pig"
    r"|\bJack\s+(?:and|&)\s+the\s+Beanstalk|\bHansel\s+and\s+Gretel|\bWinnie\s+the\s+Pooh"
    r"|\bEarl\s+Grey|\bWimpy\s+Kid|\bDog\s+Man|\bBarrington\s+Stoke|\bForest\s+of\s+Dean"
    r"|\bMary\s+Rose|\bHenry\s+V?I*\b|\bElizabeth\s+I+\b|\bKing\s+\w+|\bQueen\s+\w+"
    r"|\bPrince\s+(?:William|Harry|George|Charles|of\s+Wales)|\bSt\.?\s+\w+"
    r"|\bSir\s+\w+(?:\s+\w+)?|\bLady\s+\w+|\bLord\s+\w+|\bDame\s+\w+"
)


def find_names(text: str, lexicon: Lexicon | None = None) -> Iterator[tuple[str, int, int]]:
    lexicon = lexicon or load()
    tokens_ = tokens(text, lexicon)
    flagged = [_is_name(text, tokens_, index) for index in range(len(tokens_))]
    for match in NOT_PEOPLE_RE.finditer(text):
        for index, token in enumerate(tokens_):
            if match.start() <= token.start < match.end():
                token.hard = True
                flagged[index] = False
    _full_names(text, tokens_, flagged)
    _pairs(text, tokens_, flagged)
    _families(text, tokens_, flagged)
    index = 0
    while index < len(tokens_):
        if not flagged[index]:
            index += 1
            continue
        first = index
        # Reach back over given names and titles before it: "Mrs Abena Mensah".
        while first > 0:
            before = tokens_[first - 1]
            if not _adjacent(text, before, tokens_[first]):
                break
            if before.word in v.TITLES:
                first -= 1
                break  # a title is where a name begins
            if before.key in CUE_BEFORE:
                break
            if flagged[first - 1] or before.shape == "initial" or (
                    _joinable(before) and not before.soft and (
                        before.first or before.last or before.zipf < 1)):
                first -= 1
                continue
            break
        last = index
        while last + 1 < len(tokens_):
            following = tokens_[last + 1]
            if not _adjacent(text, tokens_[last], following):
                break
            if flagged[last + 1] or _joinable(following) or following.key in v.PARTICLES and (
                    last + 2 < len(tokens_) and _adjacent(text, following, tokens_[last + 2])):
                last += 1
                continue
            break
        while last > first and tokens_[last].key in v.PARTICLES:
            last -= 1
        if _allowed(text, tokens_, first, last) and (first == last or (
                text[tokens_[first].start:tokens_[last].end].casefold() not in lexicon.places)):
            yield "name", tokens_[first].start, tokens_[last].end
        index = last + 1


def _full_names(text: str, tokens_: list[Token], flagged: list[bool]) -> None:
    """"Jack Smith", "Tyler Green": a popular first name and a popular surname side by
    side are a person, though each is an English word too."""
    for index in range(len(tokens_) - 1):
        first, last = tokens_[index], tokens_[index + 1]
        if first.shape != "title" or last.shape not in ("title", "upper") or first.hard:
            continue
        if last.hard and last.word not in v.PLACE_SURNAMES or not _adjacent(text, first, last):
            continue
        if not (0 < first.first <= 1000 and 0 < last.last <= 2000):
            continue
        very_popular = first.first <= 300 and last.last <= 300
        if first.soft and (_wordlike(last) and not very_popular or last.word in PLACE_AFTER):
            continue  # "Victoria Park", "Summer Hill"
        if first.titled in MODALS and _sentence_start(text, first):
            continue  # "Will Jack Smith attend?": the name is Jack Smith
        if _in_title_phrase(text, tokens_, index):
            continue
        flagged[index] = flagged[index + 1] = True


def _pairs(text: str, tokens_: list[Token], flagged: list[bool]) -> None:
    """"Mercy and Blessing are sisters": two capitalised words joined by "and", one of
    them a name or both names that are also words, followed by a verb of people."""
    for index in range(1, len(tokens_) - 1):
        if tokens_[index].key not in ("and", "&") and tokens_[index].word != "and":
            continue
        left, right = tokens_[index - 1], tokens_[index + 1]
        if left.shape not in ("title", "upper") or right.shape not in ("title", "upper"):
            continue
        if left.hard or right.hard:
            continue
        names = [flagged[index - 1] or bool(left.first), flagged[index + 1] or bool(right.first)]
        if not all(names):
            continue
        if flagged[index - 1] or flagged[index + 1] or _verb_after(text, tokens_, index + 1):
            flagged[index - 1] = flagged[index + 1] = True


PLACE_AFTER = v.INSTITUTION_AFTER | v.words(
    """
    Protocol Order Act Principle Competence Rule Law Syndrome Method Model Scale Test
    Palace Park Gardens Green Square Bridge Tower Hill Museum Zoo Arena Stadium Centre Leisure
    Pool Baths Common Heath Woods Forest Lake Reservoir Beach Pier Estate Village Market
    Mall Shopping Retail Station Airport Port Harbour Castle Abbey Cathedral Close Crescent
    Way Grove Row Walk View Rise Terrace Mews Parade Heights Place Court Lodge Farm Mill
    Class Ward House Room Base Unit Team Award Prize Cup Trophy Medal Day Week Month Fund
    """
)

_FAMILY_WORDS = v.words("family household siblings boys girls children twins kids brothers "
                        "sisters clan")


def _families(text: str, tokens_: list[Token], flagged: list[bool]) -> None:
    """"the Marleys", "the Marley family", "Marley household"."""
    for index, token in enumerate(tokens_):
        if flagged[index] or token.shape != "title" or token.hard:
            continue
        before = _previous(tokens_, index, text)
        following = _next(tokens_, index, text, gap=1)
        if following is not None and following.key in _FAMILY_WORDS and (
                token.last or token.first) and (not _wordlike(token) or (
                    before is not None and before.key == "the")):
            flagged[index] = not token.place or bool(before and before.key == "the")
        elif before is not None and before.key == "the" and token.key.endswith("s"):
            singular = token.key[:-1]
            if load().last_rank(singular) and not token.place and token.zipf < 2:
                flagged[index] = True


def _allowed(text: str, tokens_: list[Token], first: int, last: int) -> bool:
    """False for famous people, and for places and prizes named after people."""
    words = [token.word for token in tokens_[first:last + 1]]
    if any(word in FAMOUS for word in words):
        return False  # "Mr Stink", "Miss Trunchbull", "Frida Kahlo"
    for end in range(1, len(words) + 1):
        if " ".join(words[:end]).casefold() in v.KNOWN_PUBLIC_NAMES:
            return False
    following = _next(tokens_, last, text, gap=1)
    if following is not None and following.word in PLACE_AFTER and not (
            tokens_[last].possessive):
        return False  # "Thomas Tallis School", "Harvey Road"
    before = tokens_[first - 1] if first > 0 else None
    if before is not None and _adjacent(text, before, tokens_[first]) and (
            before.word in v.NOT_A_PERSON_BEFORE):
        return False  # "St Mary", "Queen Elizabeth"
    if tokens_[first].word in v.NOT_A_PERSON_BEFORE and first < last:
        second = tokens_[first + 1]
        if second.first and (not second.last or second.first < second.last):
            return False  # "Queen Elizabeth", "King Edward"; but "Prince Asante" is a person
    if following is not None and following.word in FAMOUS and _adjacent(
            text, tokens_[last], following):
        return False  # "Louis Sachar", "Frida Kahlo": the first name of a famous person
    family = following is not None and following.key in _FAMILY_WORDS
    if first == last and before is not None and before.key == "the" and not family and not (
            tokens_[first].key.endswith("s") and tokens_[first].shape == "title"):
        return False  # "the Hilton"; but "the Marleys", "the Nowak family" are families
    before = _previous(tokens_, first, text)
    return not (before is not None and before.key in ("the", "a", "an") and last > first)
