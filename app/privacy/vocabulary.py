"""The words of the field that the name finder must know are not people: roles, family
words, programmes, services, institutions, subjects, months and days, acronyms, and a few
famous people. Words of a language, not names: the names themselves come from the
lexicon (``lexicon.py``), built from public data sets."""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


TITLES = frozenset({"Mr", "Mrs", "Ms", "Mx", "Miss", "Dr", "MR", "MRS", "MX", "DR", "MISS",
                    "Rev", "Revd", "Prof", "Cllr", "Pastor", "Imam", "Rabbi", "Sgt", "Insp"})

# Words after which a capitalised forename is the name of a saint, a monarch or a
# building, not of a person in the notes: "St Mary Redcliffe", "Queen Elizabeth Hospital".
NOT_A_PERSON_BEFORE = words(
    """
    St Saint Sir Dame Lady Lord King Queen Prince Princess Duke Duchess Cardinal Bishop
    Archbishop Pope Blessed Canon Archdeacon
    """
)

# Famous people whose names turn up in advice about children, and characters: not the child.
KNOWN_PUBLIC_NAMES = frozenset(
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

PARTICLES = words("van von der den de da di du del della le la bin binti bint ibn al el ap ben")

# Capitalised words that are never the surname after a forename in these notes: roles,
# family words, programmes, services, institutions, places, months, days, subjects.
NON_SURNAME_WORDS = words(
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

# Words that, after a full name, make it the name of a place or an award:
# "Thomas Tallis School", "Jack Petchey Award".
INSTITUTION_AFTER = words(
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
ACRONYMS = words(
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

# Of the field's words, these are also common surnames (Emma Hall, Tyler Green, Jack Wood).
PLACE_SURNAMES = words(
    """
    Hall Field Fields Park Wood Woods Green Hill Bridge Cross Brook Mount Vale Dale Bank
    Heath Common Lodge Farm Mill House Lea Lane Close Way Grove Court Gate Gates Row Walk View
    Rise Church Chapel Temple Tower Palace Dock Parade Heights Mews Cottage Garden Gardens
    Little Young Day Best Good Ward Grant Mark Marks Christmas Winter Summer English French
    Welsh Scott Law Foster Head Lord King Mason Carter Taylor Cook Baker Turner Hunter
    """
)
