# ruff: noqa: E501
"""Lines as practitioners in England write them, mostly clean: a corpus of false alarms.

Written by hand, independently of the identifier guard and of the other corpora, to
measure how often the guard refuses ordinary professional writing. Most lines are
CLEAN yet full of capitalised words and word-like names that are not people here:
classes, school houses, schools, trusts, towns, boroughs, hospitals, football clubs,
characters and books, authors and theorists, interventions, assessments, festivals,
storms, roles, and words that are names elsewhere (will, grace, amber, rose, chase).
Also numbers that identify no one: scores, times, meeting dates, room and bus numbers,
Convene references (SFC-2026-0042, AR-2026-0107, TAC-2026-0012, C-7KQ2MX), DfE numbers,
URNs, charity numbers, postcode districts and public helplines.

The other lines carry identifiers next to such near-misses, each labelled with its kind
and the exact substring a careful reader would remove:

- name: any person's name (first name, surname, full name with its title, nickname,
  in any case). Famous people, theorists, authors and characters are not labelled,
  nor are pets.
- dob: the date part of a date of birth or a birthday.
- upn, nhs: with valid check characters; nino: a valid National Insurance number.
- postcode: a full postcode (a district alone, "the CM1 area", is clean).
- phone: a person's number (Ofcom drama ranges); public helplines are clean.
- email, handle (social media and game usernames), address (the span to remove).
- case_id: another agency's case number (Mosaic, LCS, police, court, MASH, EHCP),
  the number only.
"""

Label = tuple[str, str]
Entry = tuple[str, list[Label]]

PRACTICE: list[Entry] = [
    # --- Virtual School head and advisory teachers -------------------------------------
    ("Virtual School Head's report to the Corporate Parenting Panel, spring term 2026.", []),
    (
        "The Designated Teacher network meets at County Hall, Chelmsford, on Thursday 8 October, 9.30 to 12.00, room C204.",
        [],
    ),
    (
        "Eleven schools in the Tendring cluster have booked an SFC slot this term, up from six in the summer.",
        [],
    ),
    (
        "Please quote the child reference (for example C-7KQ2MX), never a name, when you email the Virtual School.",
        [],
    ),
    (
        "AR-2026-0107 triaged to the advisory teacher for the north quadrant; response due within ten working days.",
        [],
    ),
    (
        "Persistent absence for CWSW in Basildon secondaries is 31.8% against 19.2% for all pupils.",
        [],
    ),
    (
        "Since September 2024 the duty also covers children in kinship care; please check your register of concern before May half term.",
        [],
    ),
    (
        "Themes this term: emotionally based school avoidance, Year 6 to Year 7 transition and part-time timetables.",
        [],
    ),
    (
        "The PLAC advice line is open Monday to Friday, 9 till 4; outside those hours follow your own safeguarding policy.",
        [],
    ),
    (
        "Virtual School newsletter, Autumn 2: the Attachment Aware Schools award, Thrive licences and the Christmas closure dates.",
        [],
    ),
    (
        "Our attachment and trauma offer draws on Bowlby, on Dan Hughes and on Bruce Perry's neurosequential model.",
        [],
    ),
    (
        "Advisers will hold surgeries at Queen Elizabeth's Grammar, Harvey Road Primary and the Beacon Academy in week 3.",
        [],
    ),
    (
        "The conference on Friday 19 June is at the Kassam Stadium; Storm Bert closed the venue last November, so check the website on the day.",
        [],
    ),
    (
        "Schools with fewer than five children in the cohort will see their figures suppressed in the termly report.",
        [],
    ),
    (
        "Heads from Thurrock, Southend and Essex met at the Brentwood Centre to agree a shared transition protocol.",
        [],
    ),
    (
        "Virtual School priorities for 2025-26: attendance, inclusion, and a sense of belonging for every child with a social worker.",
        [],
    ),
    (
        "The Head of the Virtual School will chair; apologies from the Principal Educational Psychologist and the Head of Inclusion.",
        [],
    ),
    ("Tutoring is now funded from the Pupil Premium Plus line; claims close on 31 March.", []),
    (
        "We are planning a carers' course with the local kinship charity (registered charity 1093377).",
        [],
    ),
    (
        "Webinar recording: Belonging in secondary school, with slides from the Anna Freud Centre.",
        [],
    ),
    (
        "Who comes to an SFC? The SENCO or Designated Teacher, the class teacher or key adult, and the social worker where appropriate.",
        [],
    ),
    (
        "Could all Designated Teachers in Castle Point send their autumn data return by Friday 14 November?",
        [],
    ),
    ("The Virtual School office closes on Christmas Eve and reopens on Monday 5 January.", []),
    (
        "Advisory teacher caseload for the south-east quadrant: 46 schools, two outreach days a week.",
        [],
    ),
    (
        "The Prince's Trust is now the King's Trust; its Team programme still runs in Grays for Year 11 leavers.",
        [],
    ),
    (
        "Schools in Epping Forest told us the wait for a CAMHS assessment is now around 14 months.",
        [],
    ),
    ("Of the 212 advice requests this year, 64 were about attendance and 41 about exclusion.", []),
    (
        "Advice requests from secondary schools doubled after the Designated Teacher briefing at the Hilton in Southend.",
        [],
    ),
    (
        "Can we move the SFC for Ruby-Mae to the 2pm slot? Dad works nights and Harlow is a long drive.",
        [("name", "Ruby-Mae")],
    ),
    (
        "Advisory visit to St Mary's Catholic Primary about Zainab (Year 4), in kinship care with her aunt in Colchester.",
        [("name", "Zainab")],
    ),
    (
        "Email from Mr Okonkwo, DT at Sir John Cass, asking for the PLAC training slides.",
        [("name", "Mr Okonkwo")],
    ),
    (
        "The social worker, Priya Nair, confirmed consent for the SFC on Tuesday.",
        [("name", "Priya Nair")],
    ),
    (
        "AR-2026-0112 arrived with the UPN G881332615203 in the free text; triage paused until the school removes it.",
        [("upn", "G881332615203")],
    ),
    (
        "Kinship carer Mrs Halloran rang the advice line about a school place in Maldon for her grandson Finn.",
        [("name", "Mrs Halloran"), ("name", "Finn")],
    ),
    (
        "Head of the Virtual School to ring Dariusz's headteacher at Queen Elizabeth's Grammar before Friday.",
        [("name", "Dariusz")],
    ),
    (
        "Summary: Year 10, Oakwood Academy, Mosaic ID 3318842, CP plan since March.",
        [("case_id", "3318842")],
    ),
    # --- Educational psychologists: Solution Focused Consultations -----------------------
    (
        "Best hopes: that by the summer he is in lessons for the whole morning and has one adult he trusts.",
        [],
    ),
    (
        "Scaling: school placed things at 4 out of 10, the social worker at 3; a 5 would look like arriving by 8.50 three days a week.",
        [],
    ),
    (
        "What's working: the meet and greet with the key adult at the Rainbow room door, and Lego Therapy on Wednesdays.",
        [],
    ),
    (
        "What would a 6 look like? Staying in Maths until break and asking for a movement break instead of walking out.",
        [],
    ),
    (
        "Exceptions: on the trip to Colchester Zoo she stayed all day and ate lunch with Hedgehogs class.",
        [],
    ),
    (
        "The EP suggested PACE (playfulness, acceptance, curiosity, empathy) from the work of Dan Hughes and Kim Golding.",
        [],
    ),
    (
        "Miracle question: if a miracle happened tonight, what is the first thing Mum would notice tomorrow?",
        [],
    ),
    (
        "Previously achieved: in Year 3 at Harvey Road Primary he read aloud in assembly and scored 98 on the BPVS.",
        [],
    ),
    (
        "Agreed actions: SENCO to apply for top-up funding by 30 April; key adult to start Drawing and Talking after Easter.",
        [],
    ),
    (
        "EP observation in Dahl class: settled quickly with a visual timetable, more unsettled after lunch in the hall.",
        [],
    ),
    (
        "Themes discussed: relationships with peers, unstructured times, and attendance on Mondays.",
        [],
    ),
    (
        "WISC-V: VCI 84, VSI 91, FRI 88, WMI 72, PSI 80; working memory is the relative weakness.",
        [],
    ),
    (
        "York Assessment of Reading Comprehension: accuracy standard score 79, comprehension 85, rate 81.",
        [],
    ),
    (
        "Beck Youth Inventories: self-concept in the average range; anxiety elevated, around the 93rd percentile.",
        [],
    ),
    (
        "Scaling has moved from 2 to 5 since the consultation in November; the class teacher puts it at 6.",
        [],
    ),
    (
        "Hopes from home: Nan would like him to walk in happy and to have a friend to play Mario Kart with.",
        [],
    ),
    (
        "She described the Zones of Regulation colours: green is ready to learn, blue, yellow and red are harder; she is often yellow after PE.",
        [],
    ),
    (
        "Thinking with Maslow: basic needs first; the breakfast club at 8.00 is doing a lot of the work.",
        [],
    ),
    (
        "Vygotsky's zone of proximal development fits here: he can do column addition with Numicon beside him.",
        [],
    ),
    ("EP to send the consultation summary as a PDF referencing SFC-2026-0042 only.", []),
    (
        "The social worker could not attend; she sent her hopes in writing and will join the review on the fifth of June.",
        [],
    ),
    (
        "Strengths: kind to younger children, brilliant at art, loves Sonic and knows every Pokémon.",
        [],
    ),
    ("Scaling on belonging: 3 in the playground, 7 in the library at lunchtime.", []),
    ("Consultation closed at 15.40; review booked for Wednesday 13 May, 1.30 pm, online.", []),
    (
        "What are you already doing that helps? The key adult checks in at registration and he keeps a worry stone in his blazer pocket.",
        [],
    ),
    (
        "Relational approach agreed: a named adult in Maple class and a calm space in the sensory room (room 6).",
        [],
    ),
    (
        "The family hope for a fresh start at King Edward VI School in September, with transition visits in Summer 2.",
        [],
    ),
    (
        "Where would you like to be by Easter? The class teacher said 6; the SENCO thought 5 was realistic.",
        [],
    ),
    (
        "Boxall Profile: developmental strand low on 'accommodates to others'; diagnostic profile high on self-limiting features.",
        [],
    ),
    ("SDQ teacher version: total difficulties 22 (high), peer problems 6, prosocial 7.", []),
    ("Solution-focused language: 'instead of the shouting, what would you like to see?'", []),
    (
        "Scaling 0-10 where 10 is 'everything I hoped for': Dad said 4, the Head of Year 5, the EP noticed both mentioned the football club.",
        [],
    ),
    (
        "Best hopes from Jaylen: 'to stop getting sent to Mr Holt's room'.",
        [("name", "Jaylen"), ("name", "Mr Holt")],
    ),
    (
        "Mum (Shabnam) would like Aaliyah back in Oak class full-time after Eid.",
        [("name", "Shabnam"), ("name", "Aaliyah")],
    ),
    (
        "Scaling: Tomasz put himself at 3; a 4 would be playing FIFA with the others at break.",
        [("name", "Tomasz")],
    ),
    (
        "Present: Dr Fiona McAllister (EP), SENCO, class teacher. Social worker: apologies.",
        [("name", "Dr Fiona McAllister")],
    ),
    (
        "Hopes for Kacper Nowicki, Year 8: that he feels safe in Science and keeps going to Thrive.",
        [("name", "Kacper Nowicki")],
    ),
    (
        "She told the EP her name is Amara but at home everyone calls her Mimi.",
        [("name", "Amara"), ("name", "Mimi")],
    ),
    ("What's working: yusuf's Lego club with the Year 2s; scaling 5.", [("name", "yusuf")]),
    (
        "WISC-V completed for Oluwaseun (DOB 12/09/2014) on 3 February; FSIQ 83.",
        [("name", "Oluwaseun"), ("dob", "12/09/2014")],
    ),
    # --- SENCOs: SEN support plans, provision maps, EHCPs ----------------------------------
    (
        "Provision map, Year 5: Lexia 3 x 20 minutes, Nessy 2 x 15 minutes, precision teaching daily with the TA.",
        [],
    ),
    (
        "SEN support plan review on Monday 9 March; parents at 3.30 in the SENCO office (room 12).",
        [],
    ),
    (
        "EHCP Section F: 15 hours of adult support a week, including Socially Speaking in a small group.",
        [],
    ),
    (
        "Outcome: by the end of Key Stage 2, to read and follow a three-step instruction without an adult prompting.",
        [],
    ),
    (
        "Annual review paperwork sent to the SEND team at Essex County Council; the draft is due back in 4 weeks.",
        [],
    ),
    (
        "Wave 2 interventions: Read Write Inc Fresh Start, Word Aware, and Talkabout for Teenagers.",
        [],
    ),
    (
        "Section E outcomes are SMART and reviewed termly; Section B sets out needs under the four broad areas.",
        [],
    ),
    (
        "Salford reading age 7y 2m against a chronological age of 10y 5m: a gap of just over three years.",
        [],
    ),
    ("KS2 SATs scaled scores: reading 96, maths 101, grammar, punctuation and spelling 94.", []),
    ("CAT4: verbal 82, quantitative 95, non-verbal 104, spatial 99.", []),
    (
        "Speech and language referral to the Broomfield Hospital team; the waiting list is currently 26 weeks.",
        [],
    ),
    ("OT advice: wobble cushion, pencil grip, and a movement break every 20 minutes.", []),
    (
        "Request for statutory assessment submitted through the Local Offer portal; decision expected within 6 weeks.",
        [],
    ),
    (
        "Top-up funding band C agreed at panel on Thursday, backdated to the start of the spring term.",
        [],
    ),
    ("Nurture group in the Rainbow room each afternoon, following the six Boxall principles.", []),
    ("Assistive technology: Immersive Reader in Word and a C-Pen for longer texts.", []),
    (
        "Numicon and Power of 2 for maths; the Sandwell Early Numeracy Test score rose from 18 to 31.",
        [],
    ),
    (
        "Sensory profile suggests seeking behaviours; trampette in the Willow room before Literacy.",
        [],
    ),
    (
        "The SENCO will chase the CAMHS neurodevelopmental pathway, who have had the GP's referral since last autumn.",
        [],
    ),
    (
        "EHCP provision is in place except the SALT sessions, which have not happened since October half term.",
        [],
    ),
    ("Graduated approach: assess, plan, do, review; this is the third cycle at SEN support.", []),
    (
        "Access arrangements for GCSE: 25% extra time, a reader and a separate room (Room 4, Brunel block).",
        [],
    ),
    (
        "The speech and language therapist recommends Colourful Semantics and Blank Level questions.",
        [],
    ),
    (
        "Transition to secondary: extra visits to Sir John Cass in June, and a photo book of key staff and the Dahl building.",
        [],
    ),
    ("Will you update the provision map before the review on Friday?", []),
    (
        "Phase transfer deadline for EHCPs is 15 February; the secondary named in Section I is Shoeburyness High.",
        [],
    ),
    (
        "SEN register: 48 pupils at SEN support, 11 with an EHCP, 3 awaiting a decision on assessment.",
        [],
    ),
    ("Hearing Impairment service visit on 20 January; radio aid checked and working.", []),
    (
        "EHCP for Harvey Mensah, Harvey Road Primary, Year 6: draft Section F attached.",
        [("name", "Harvey Mensah")],
    ),
    (
        "Provision map: Leon (Y3) Lexia, Nessy and RWI 1:1 with Mrs Begum.",
        [("name", "Leon"), ("name", "Mrs Begum")],
    ),
    ("EHCP ref 24-03317 for the annual review on 4 March.", [("case_id", "24-03317")]),
    (
        "Parent contact for the annual review: 07700 900417 (Mum, evenings only).",
        [("phone", "07700 900417")],
    ),
    (
        "Statutory assessment request for Ifeoma Chukwu, NHS 426 623 0591, referred by the paediatrician.",
        [("name", "Ifeoma Chukwu"), ("nhs", "426 623 0591")],
    ),
    (
        "Ellie-May works with the TA in the Willow room; reading age now 8y 1m.",
        [("name", "Ellie-May")],
    ),
    (
        "Section A written with Mikey's mum: he loves Minecraft, his dog and his Nan.",
        [("name", "Mikey")],
    ),
    (
        "Maisie Bowlby in Y2 has formed a real attachment to the lunchtime supervisor.",
        [("name", "Maisie Bowlby")],
    ),
    (
        "Tobiasz, in Hedgehogs, scored 86 on the BPVS and is starting Word Aware.",
        [("name", "Tobiasz")],
    ),
    ("Arjun Patel (Y5): Lexia 3 times a week; reading age 9y 4m.", [("name", "Arjun Patel")]),
    (
        "EHCP number 0098812 is printed on the annual review form; please redact it before sending.",
        [("case_id", "0098812")],
    ),
    # --- Designated Safeguarding Leads: CPOMS entries --------------------------------------
    ("CPOMS categories: Attendance; Family circumstances. Alerted: DSL, Head of Year 9.", []),
    (
        "Disclosure recorded verbatim at 10.15 in the medical room; DSL told at 10.20; MASH consulted by phone at 11.05.",
        [],
    ),
    (
        "Action taken: referral to Children's Social Care through the Essex Children and Families Hub; outcome awaited.",
        [],
    ),
    (
        "Body map completed: bruise to the upper left arm, about 3cm; no photograph taken, in line with policy.",
        [],
    ),
    ("Linked to the entry of 14 January; chronology updated.", []),
    (
        "Arrived without a coat again; spare uniform from the Year 7 cupboard; breakfast in the Hub.",
        [],
    ),
    (
        "Operation Encompass notification at 8.40 about a domestic incident last night; key adult told before registration.",
        [],
    ),
    (
        "Online safety: messages on Snapchat from an older user; no screenshots taken; parent advised to report to CEOP.",
        [],
    ),
    (
        "Early Help Assessment started with consent; TAF meeting pencilled in for after February half term.",
        [],
    ),
    (
        "Strategy discussion held; Section 47 enquiries to begin; school to send attendance and the last six months of CPOMS entries.",
        [],
    ),
    (
        "The lunchtime supervisor raised a worry about comments made during the Henry VIII topic about being hit at home.",
        [],
    ),
    (
        "DSL to consult the LADO about the incident involving a supply teacher in the Science block.",
        [],
    ),
    (
        "Children missing education: no contact for 10 school days; referral made to the Attendance Compliance Team.",
        [],
    ),
    (
        "Young carer: collects younger siblings at 3.15 and cooks tea most nights; referral to Essex Young Carers.",
        [],
    ),
    (
        "Worry about county lines: new trainers, a second phone and late nights; contextual safeguarding meeting requested.",
        [],
    ),
    (
        "Child Protection conference on Wednesday 11 February at 10.00 at Seax House; DSL's report due 48 hours before.",
        [],
    ),
    ("Core group notes received; next core group in four weeks at school, room B17.", []),
    ("Prevent: concern discussed with the DSL; not referred; monitor and review on Friday.", []),
    (
        "CP file transferred securely to the receiving school through CPOMS; receipt confirmed by their DSL.",
        [],
    ),
    (
        "Child said 'Daddy shouted at Mummy and the police came'; logged and passed to the DSL straight away.",
        [],
    ),
    (
        "Hair unbrushed for several days and a strong odour; was not brought to the dental appointment; neglect toolkit started.",
        [],
    ),
    (
        "Scratches to the forearm seen in PE; first aid given; parent rang; the NHS 111 mental health option explained to Mum.",
        [],
    ),
    (
        "Childline (0800 1111) and Shout (text 85258) printed on the back of every Year 8 planner.",
        [],
    ),
    (
        "Harmful sexual behaviour concern in Year 5; AIM checklist used; risk assessment in place.",
        [],
    ),
    ("Police non-emergency number is 101; in an emergency, always 999.", []),
    (
        "Concern level: amber. Reviewed by the DSL on Monday morning; no further action beyond monitoring.",
        [],
    ),
    (
        "Incident at the school gate between two parents; both asked to leave; the Headteacher logged it on CPOMS at 15.25.",
        [],
    ),
    (
        "CPOMS: Kyle disclosed that his mum's boyfriend, Dean, grabbed his neck on Saturday.",
        [("name", "Kyle"), ("name", "Dean")],
    ),
    (
        "Police crime reference 42/118734/25 for the incident at the family's flat in Grays.",
        [("case_id", "42/118734/25")],
    ),
    (
        "Operation Encompass: incident at 23 Cromer Road last night; police attended; children were present.",
        [("address", "23 Cromer Road")],
    ),
    (
        "Online: she has been messaging @dxrk.angel_x on Instagram, who says he is 17.",
        [("handle", "@dxrk.angel_x")],
    ),
    (
        "MASH enquiry 24-08812 closed with advice and information; DSL to review in a month.",
        [("case_id", "24-08812")],
    ),
    (
        "Body map for SHANIA: bruising to the left shin; says she fell off the trampoline at Nan's.",
        [("name", "SHANIA")],
    ),
    (
        "Rang Mr Petrauskas on 01632 960233 at 9.10; no answer, voicemail left.",
        [("name", "Mr Petrauskas"), ("phone", "01632 960233")],
    ),
    (
        "Dad (Gary) collected at 15.20 smelling strongly of alcohol; DSL informed.",
        [("name", "Gary")],
    ),
    (
        "Reported to CEOP: the Roblox account xXGhostRiderXx has been asking Year 6 girls for photos.",
        [("handle", "xXGhostRiderXx")],
    ),
    (
        "Child Protection plan, Lewisham reference 3300714, category neglect.",
        [("case_id", "3300714")],
    ),
    (
        "The lunchtime supervisor says tj told her he sleeps on the sofa at his uncle's in Tilbury.",
        [("name", "tj")],
    ),
    ("Malachi came in hungry again and ate two breakfasts in the Hub.", [("name", "Malachi")]),
    (
        "Deklan (Dec to his friends) swore at the supply teacher in Science and left the block.",
        [("name", "Deklan"), ("name", "Dec")],
    ),
    (
        "Police CAD 1187/14JAN26: domestic at the family home; Operation Encompass sent at 7.52.",
        [("case_id", "1187/14JAN26")],
    ),
    (
        "Mum's TikTok (@sassy_mumof4) has posted about the exclusion and named the Head of Year.",
        [("handle", "@sassy_mumof4")],
    ),
    (
        "Xbox gamertag DarkMatterJ7: he plays online with adults until after midnight.",
        [("handle", "DarkMatterJ7")],
    ),
    (
        "Added to a Discord server by older boys; his username there is kaiju.kid.",
        [("handle", "kaiju.kid")],
    ),
    (
        "Snapchat: lil.princess.ella shares her location with everyone on the map.",
        [("handle", "lil.princess.ella")],
    ),
    # --- Designated Teachers: PEP-style notes ----------------------------------------------
    (
        "PEP targets for the spring term: times tables to 12 x 12, reading for 20 minutes a night, and joining the Year 4 choir.",
        [],
    ),
    ("Pupil Premium Plus request: £600 for a tutor for 12 sessions.", []),
    ("Voice of the child: 'I like Art and PE, I don't like it when it's loud in the hall'.", []),
    (
        "Designated Teacher attended the LAC review at the children's home; the IRO was pleased with progress.",
        [],
    ),
    (
        "Attendance this term 94.2%: two authorised absences for family time and one for the dentist.",
        [],
    ),
    (
        "The carer came to parents' evening for the first time and met the Head of Year 10 and the form tutor.",
        [],
    ),
    ("Aspirations: wants to be a vet, or to play for Aston Villa Women.", []),
    (
        "Placement move in the October half term; the new carers live inside the Southend boundary, so transport is by taxi.",
        [],
    ),
    ("The IRO asked that the next PEP be on a Wednesday afternoon so that PE is not missed.", []),
    ("Chose a Tracy Beaker book for the reading challenge; says she is 'like me but louder'.", []),
    ("Designated Teacher training at the Holiday Inn, Basildon, 9.30 for 10.00.", []),
    (
        "Letterbox contact and life story work sit with the adoption team; school only notes the dates.",
        [],
    ),
    (
        "PEP quality assurance: rated Good; SMART targets, the voice of the child, and PP+ spend linked to targets.",
        [],
    ),
    ("Adults who know the child well: form tutor, Head of House (Brunel), and the librarian.", []),
    ("Year 11 mocks: English Language 5, Maths 4, Combined Science 4-4, Geography 6.", []),
    (
        "Post-16: applied to South Essex College for the Level 3 Extended Diploma in Sport; interview on 3 March.",
        [],
    ),
    (
        "Personal Adviser from the leaving care team invited to the Year 11 PEP; careers interview with Prospects booked.",
        [],
    ),
    ("Sibling time on Saturdays makes Mondays hard; key adult to meet at the gate at 8.40.", []),
    (
        "Special Guardianship Order granted in June; now PLAC, so Pupil Premium Plus continues through the census.",
        [],
    ),
    ("The carer would like homework set on Google Classroom rather than sent home in the bag.", []),
    ("Carer wants reports by email; the DT will set up the Arbor parent app with her.", []),
    (
        "PEP meeting moved to the Library because the Nightingale room is being used for Year 6 SATs.",
        [],
    ),
    (
        "PEP for Chloe-Rose Harding, Year 9, held at the Kingswood children's home.",
        [("name", "Chloe-Rose Harding")],
    ),
    (
        "Carer's details: Mrs Adeyemi, 020 7946 0381, 41a Station Road.",
        [("name", "Mrs Adeyemi"), ("phone", "020 7946 0381"), ("address", "41a Station Road")],
    ),
    (
        "LAC number for Deshawn is 90071653; his IRO is Helen Cartwright.",
        [("case_id", "90071653"), ("name", "Deshawn"), ("name", "Helen Cartwright")],
    ),
    (
        "Voice of the child: Ana-Maria said 'I miss my brother Stefan and want to see him at Christmas'.",
        [("name", "Ana-Maria"), ("name", "Stefan")],
    ),
    (
        "Placement moved to Flat 2, Orchard House after the disruption meeting.",
        [("address", "Flat 2, Orchard House")],
    ),
    ("PP+ for Jamal B in Hedgehogs: Nessy licence for home.", [("name", "Jamal B")]),
    (
        "Rosie-Leigh's NHS number (690 278 5252) is on the care plan from Alder Hey.",
        [("name", "Rosie-Leigh"), ("nhs", "690 278 5252")],
    ),
    (
        "Discharge letter from Great Ormond Street for Yahya, NHS 625 023 5604, copied to the DT.",
        [("name", "Yahya"), ("nhs", "625 023 5604")],
    ),
    (
        "Court case ZW25C00418: final hearing at the East London Family Court on 12 May.",
        [("case_id", "ZW25C00418")],
    ),
    (
        "Rebin (Y7) arrived unaccompanied through Kent and is now in foster care in Harlow.",
        [("name", "Rebin")],
    ),
    (
        "Yonas's foster carer says he is fasting for Tsome and is tired in the afternoons.",
        [("name", "Yonas")],
    ),
    # --- Attendance officers ----------------------------------------------------------------
    (
        "Attendance below 90% for three weeks running; stage 2 letter sent and a meeting offered for Tuesday at 9.15.",
        [],
    ),
    ("Arriving after the register closes at 9.00 is coded U; before 9.00 it is L.", []),
    (
        "Penalty notices follow the national framework from August 2024: £80 if paid within 21 days.",
        [],
    ),
    ("Code C authorised for the family funeral in Lahore; return agreed for Monday 16 March.", []),
    (
        "Attendance Support Team meeting: 14 pupils on the list, 6 with a social worker, 3 in kinship care.",
        [],
    ),
    (
        "The 151 bus from Pitsea is unreliable in the mornings; breakfast club place offered from 7.45.",
        [],
    ),
    (
        "Part-time timetable: 9.00 to 12.00 Monday to Wednesday, reviewed every two weeks, to end by Easter.",
        [],
    ),
    (
        "EBSA toolkit: high scores for avoiding anxiety in the morning and for wanting to be at home.",
        [],
    ),
    ("Attendance panel at the Lewisham Hub in Catford on the first Thursday of each month.", []),
    ("Whole-school attendance 88.6%; persistent absence 21%; severe absence 2.3%.", []),
    (
        "Attendance officer and the Education Welfare Officer to visit the home on Thursday; no one answered last time.",
        [],
    ),
    (
        "Term-time holiday request for the family wedding in Kerala refused; the absence will be unauthorised.",
        [],
    ),
    ("Certificates for 100% in Autumn 1 handed out in the Friday celebration assembly.", []),
    ("GP letter supports the absence for the hospital appointment at Great Ormond Street.", []),
    (
        "Weekly attendance meeting: Headteacher, DSL, Attendance Lead and SENCO, 3.30 on Wednesdays in the Library.",
        [],
    ),
    ("Code Y used on the snow day, 9 January; every pupil affected.", []),
    (
        "Code T used for Traveller families during Appleby Horse Fair in June, as the DfE guidance allows.",
        [],
    ),
    (
        "The Holly class register was not taken on Tuesday afternoon; the office will follow it up.",
        [],
    ),
    ("Attendance rose from 71% to 86% after the morning check-in with a trusted adult began.", []),
    ("Attendance letters now go out in Polish, Romanian, Urdu and Bengali as well as English.", []),
    ("Home visit to 7 Maple Drive, Witham: no answer, card left.", [("address", "7 Maple Drive")]),
    ("Mason Fairweather, Year 8, attendance 64%: stage 3 letter.", [("name", "Mason Fairweather")]),
    (
        "Mum (Mrs Stoica) says the children are in Romania until 2 February; CME checks started.",
        [("name", "Mrs Stoica")],
    ),
    (
        "Penalty notice to the parent of Bilal Hussain (UPN J886466614038).",
        [("name", "Bilal Hussain"), ("upn", "J886466614038")],
    ),
    (
        "Attendance officer rang Dad on 07700 900582; he says Kian has had a cough since Sunday.",
        [("phone", "07700 900582"), ("name", "Kian")],
    ),
    (
        "The Doherty children (Year 2 and Year 5) are away for Appleby; code T.",
        [("name", "Doherty")],
    ),
    (
        "Patrick-Joe Ward and his cousins are travelling until the end of June.",
        [("name", "Patrick-Joe Ward")],
    ),
    (
        "Taxi postcode CM1 4LW; pick-up at 8.05 from the Monday after half term.",
        [("postcode", "CM1 4LW")],
    ),
    # --- Pastoral leads ----------------------------------------------------------------------
    ("Pastoral board, Year 9: 12 students on the wellbeing list, 4 new since half term.", []),
    (
        "Restorative conversation after the incident in the canteen; both students agreed the plan.",
        [],
    ),
    ("Reset room used twice this week, 20 minutes each time; back to lessons both times.", []),
    ("Anti-Bullying Week theme is Choose Respect; assemblies on Monday by each Head of Year.", []),
    (
        "Lunchtime club in room S14 (Lego, Uno, Dungeons & Dragons) is full; a second one opens on Thursdays.",
        [],
    ),
    (
        "Behaviour points down from 41 to 12 this half term, and 3 merits for kindness last week.",
        [],
    ),
    ("Mentoring with a Year 12 student through the Pathways programme, Tuesdays period 5.", []),
    ("A friendship group fell out over a WhatsApp group chat; mediated by the Head of House.", []),
    ("Two-day suspension; reintegration meeting on Monday at 8.30 with the Deputy Head.", []),
    (
        "Managed move to Shoeburyness High agreed at the Fair Access Panel: a six-week trial after Easter.",
        [],
    ),
    (
        "Wellbeing check-ins on a 1 to 5 scale each morning with the form tutor; this week's average 3.2.",
        [],
    ),
    (
        "The school counsellor has a five-week waiting list; Place2Be sessions are on Wednesdays.",
        [],
    ),
    ("Blazer and shoes from the Rotary Club fund; PE kit from lost property.", []),
    (
        "Year 7 buddies: every new student is paired with a Year 10 from their house (Curie, Newton, Brunel or Seacole).",
        [],
    ),
    ("Exit card: may go to the Inclusion base (room G3) for up to 10 minutes.", []),
    ("The pastoral lead will ring home after the Diwali break to see how the move went.", []),
    (
        "Shouted in Geography, left the room, found in the toilets by the Head of Year after 15 minutes.",
        [],
    ),
    ("Student voice on belonging: 68% of Year 8 say they have a trusted adult in school.", []),
    (
        "A big Crystal Palace fan; talks about the weekend's match with the site manager every Monday.",
        [],
    ),
    ("Detentions in room E5 at 3.15 for 30 minutes; parents told by text the same day.", []),
    ("House points this week: Seacole 412, Brunel 398, Curie 377, Newton 350.", []),
    (
        "Restorative meeting between Reuben and Ollie after the fight at the 43 bus stop.",
        [("name", "Reuben"), ("name", "Ollie")],
    ),
    (
        "Head of Year 9 (Ms Kaur) to meet Liam's dad on Wednesday.",
        [("name", "Ms Kaur"), ("name", "Liam")],
    ),
    (
        "Students involved: JOSH T, Nathaniel and Precious (all Y10).",
        [("name", "JOSH T"), ("name", "Nathaniel"), ("name", "Precious")],
    ),
    (
        "A Year 8 is being added to a TikTok group by @bigmandre_07 and called names there.",
        [("handle", "@bigmandre_07")],
    ),
    (
        "Mentor notes: Ayo has been picked for the Charlton academy trials in May.",
        [("name", "Ayo")],
    ),
    (
        "bradley was in isolation again on Friday; mum says he is not sleeping.",
        [("name", "bradley")],
    ),
    (
        "Tyrese (Y8) and Jahmai (Y6) both go to the Crystal Palace development centre on Tuesdays.",
        [("name", "Tyrese"), ("name", "Jahmai")],
    ),
    (
        "Elif Demir got 104 on the reading paper and wants to join the debating club.",
        [("name", "Elif Demir")],
    ),
    # --- Family support workers ---------------------------------------------------------------
    (
        "Family support visit: food bank voucher given; the Trussell Trust bank at St Peter's Church opens on Tuesdays.",
        [],
    ),
    (
        "Referred to the Holiday Activities and Food programme for Easter: four days a week at the leisure centre.",
        [],
    ),
    ("Triple P starts on Thursday 26 February at the Family Hub: six weeks, crèche available.", []),
    (
        "Mum is worried about the bills; referred to Citizens Advice and to the Household Support Fund.",
        [],
    ),
    ("Sleep routine agreed: screens off at 8, bath, story, lights out by 8.45.", []),
    (
        "The Family Hub offers Incredible Years, the Solihull Approach and a dads' group on Saturday mornings.",
        [],
    ),
    (
        "Housing: the family are in temporary accommodation in another borough; school travel on the 62 bus.",
        [],
    ),
    (
        "Early Help Plan review: two goals met, one carried forward; step down to universal services in April.",
        [],
    ),
    (
        "Mum would like help with the PIP form; the FSW will sit with her at the Family Hub on Monday.",
        [],
    ),
    (
        "The whole family came to the Christmas party at the Family Hub; Father Christmas arrived on a tractor.",
        [],
    ),
    (
        "The Solihull session on containment and reciprocity went well; Mum said it made sense of the evenings.",
        [],
    ),
    ("Mum has started the Freedom Programme on Wednesdays at the Women's Aid centre.", []),
    ("Dad's shifts change every fortnight, so Tuesday mornings are best for meetings.", []),
    ("The toddler's two-year check was done by the health visitor; no concerns.", []),
    ("Energy vouchers from the local scheme, and advice on the Priority Services Register.", []),
    ("FSW to liaise with the Home-Start volunteer who visits on Thursdays.", []),
    ("The family have been offered a three-bed in the CM2 area, closer to school.", []),
    ("Mum has an electricity bill she cannot pay; the FSW is helping her ring the supplier.", []),
    (
        "FSW visit to Mrs Bello at 12 Rowan Close; the boiler is still broken.",
        [("name", "Mrs Bello"), ("address", "12 Rowan Close")],
    ),
    (
        "Mum's new number is 01632 960871; she changed it after the harassment.",
        [("phone", "01632 960871")],
    ),
    (
        "Early Help case 1120348: Ayesha and her brothers, Tendring Family Hub.",
        [("case_id", "1120348"), ("name", "Ayesha")],
    ),
    (
        "The family moved to SS14 3RP last week; new school place at Briscoe Primary.",
        [("postcode", "SS14 3RP")],
    ),
    (
        "Dad, Mohammed Rahman, wants to come to the TAF but works until 6.",
        [("name", "Mohammed Rahman")],
    ),
    (
        "Email for Mum: j.kelleher82@gmail.com (she prefers it to phone calls).",
        [("email", "j.kelleher82@gmail.com")],
    ),
    (
        "Dawn Pritchard, the family support worker, will visit on Thursday.",
        [("name", "Dawn Pritchard")],
    ),
    ("Rob from the Family Hub phoned about the HAF place.", [("name", "Rob")]),
    (
        "The Nowak family have moved to 5 Windermere Court, Basildon.",
        [("name", "Nowak"), ("address", "5 Windermere Court")],
    ),
    (
        "Dad's NI number, JT 48 31 62 C, is needed for the free school meals check.",
        [("nino", "JT 48 31 62 C")],
    ),
    (
        "Mum's national insurance number is NH726419B; she is applying for Universal Credit.",
        [("nino", "NH726419B")],
    ),
    # --- Kinship carers' advisers -----------------------------------------------------------
    (
        "Kinship carers' coffee morning at the Baptist church hall, first Monday of the month, 10 till 12.",
        [],
    ),
    (
        "Admissions advice: children who left care under an SGO have priority as previously looked after.",
        [],
    ),
    (
        "Nan is the special guardian and would like a meeting after school because of her appointments at Queen Alexandra.",
        [],
    ),
    (
        "Grandad says he's 'doing his best with the homework but the maths is all different now'; signposted to Oak National Academy videos.",
        [],
    ),
    (
        "Kinship allowance reviewed in January; the carers have the Kinship charity's advice line.",
        [],
    ),
    (
        "Aunt and uncle care for the child under a Child Arrangements Order; the child is not looked after.",
        [],
    ),
    (
        "The carers asked about Pupil Premium Plus for their grandson; he is eligible through the SGO.",
        [],
    ),
    ("Family Group Conference planned for the week after half term, at the Civic Centre.", []),
    (
        "Kinship training on trauma: Bruce Perry's 'regulate, relate, reason' and the window of tolerance.",
        [],
    ),
    (
        "The carer says he loves Percy Jackson and Diary of a Wimpy Kid, and will only read in the car.",
        [],
    ),
    (
        "The special guardianship support plan includes therapeutic parenting through the Adoption Support Fund.",
        [],
    ),
    (
        "Nan and Grandad care for him under a private family arrangement; school holds them as emergency contacts.",
        [],
    ),
    (
        "Boxing Day family time with Mum will be at the McDonald's at Lakeside, supervised by the aunt.",
        [],
    ),
    ("Her uncle is the kinship carer and works nights at the Amazon warehouse in Tilbury.", []),
    (
        "Kinship carers' peer group: nine carers, four new; this month's topic is managing family time.",
        [],
    ),
    (
        "Grandma is 74 and worried about who would care for them if she became ill; Lasting Power of Attorney and a will discussed.",
        [],
    ),
    (
        "Kinship carer (Patricia Drummond, maternal grandmother) asked about an EHC needs assessment for Alfie.",
        [("name", "Patricia Drummond"), ("name", "Alfie")],
    ),
    (
        "SGO granted to the maternal aunt, Mrs Nasra Warsame, on 3 June.",
        [("name", "Mrs Nasra Warsame")],
    ),
    (
        "Grandma's address is 9 Elm Grove, Thundersley, if letters need to go to her.",
        [("address", "9 Elm Grove")],
    ),
    (
        "Kinship carer says Kenzie's birthday is 22 October and would like a card from the class.",
        [("name", "Kenzie"), ("dob", "22 October")],
    ),
    ("Uncle Tariq drives him in from Luton every day.", [("name", "Tariq")]),
    (
        "Kwame's grandmother, Nana Adjoa, brings him every morning.",
        [("name", "Kwame"), ("name", "Adjoa")],
    ),
    (
        "Ivy Chambers, age 6, in kinship care with her grandfather since the spring.",
        [("name", "Ivy Chambers")],
    ),
    ("Bill Okello, the grandfather, comes to every kinship group.", [("name", "Bill Okello")]),
    (
        "Arbër's uncle (Mr Krasniqi) is the kinship carer.",
        [("name", "Arbër"), ("name", "Mr Krasniqi")],
    ),
    (
        "Lucky Ndlovu lives with his uncle in kinship care; he is in Year 5.",
        [("name", "Lucky Ndlovu")],
    ),
    (
        "Fatuma Abdullahi, in kinship care with her grandmother in Tottenham.",
        [("name", "Fatuma Abdullahi")],
    ),
    # --- Governors' reports ---------------------------------------------------------------------
    (
        "Governors' report: the SEND governor visited the Resource Base and met the SENCO on 4 December.",
        [],
    ),
    (
        "Safeguarding governor's termly check: Single Central Record complete; KCSIE 2025 Part 1 read by all staff.",
        [],
    ),
    (
        "The governor for looked-after children reports 7 children in care and 5 previously looked after on roll.",
        [],
    ),
    (
        "Pupil Premium strategy statement published on the website; impact on attendance to be reviewed in the summer.",
        [],
    ),
    ("The full governing body ratified the Relationships and Behaviour Policy on 23 January.", []),
    (
        "Governors asked how the school knows that children with a social worker feel they belong; the pupil survey was cited.",
        [],
    ),
    ("Chair's report: the trust board of the Anglian Learning Trust approved the budget.", []),
    ("Clerk to circulate the minutes within 10 working days.", []),
    ("Committees: Resources; Curriculum and Standards; Pay.", []),
    ("Governors visited Oak, Ash, Birch and Willow classes during Science Week.", []),
    ("62% reached the expected standard in reading, writing and maths combined.", []),
    (
        "Contingency is 4% of income; the roof of the Nightingale block is the main capital item.",
        [],
    ),
    ("Ofsted report to be published on the Ofsted website under the school's URN, 114872.", []),
    ("Governors noted the school's DfE number, 881/2034, on the new admissions paperwork.", []),
    ("The link governor for attendance will meet the Attendance Lead in the spring term.", []),
    ("The academy trust's company number (07534122) must appear on all letterheads.", []),
    (
        "Governors thanked the PTA for the £2,340 raised at the Summer Fair for the sensory garden.",
        [],
    ),
    (
        "Chair of Governors, Mr Anthony Frobisher, thanked staff for their work this year.",
        [("name", "Mr Anthony Frobisher")],
    ),
    (
        "Governors were told of the complaint by Mrs Gallagher about her son's exclusion.",
        [("name", "Mrs Gallagher")],
    ),
    (
        "The SEND governor, Rev. Elspeth Morrow, will link with the Resource Base.",
        [("name", "Rev. Elspeth Morrow")],
    ),
    ("Duke Okafor starts as Head of Year 7 in September.", [("name", "Duke Okafor")]),
    # --- Training notes -----------------------------------------------------------------------------
    ("Emotion Coaching (Gottman) twilight on Tuesday, 3.45 to 5.15, in the hall.", []),
    (
        "Trauma-informed practice, session 2: Bruce Perry, Dan Siegel's hand model of the brain, and the window of tolerance.",
        [],
    ),
    ("Team Teach refresher for all TAs on the INSET day, 5 January; bring comfortable shoes.", []),
    (
        "Protective Behaviours: 'We all have the right to feel safe all the time', and early warning signs.",
        [],
    ),
    (
        "ELSA supervision with the EP every half term; six ELSAs from the Braintree cluster attend.",
        [],
    ),
    ("Theraplay Level One, four days, places funded by the Virtual School.", []),
    (
        "Attachment Aware Schools: Kim Golding's 'connection before correction' and the House Model of parenting.",
        [],
    ),
    (
        "Introduction to DDP (Dyadic Developmental Psychotherapy) for Designated Teachers, online.",
        [],
    ),
    (
        "Learning objective: understand adverse childhood experiences (ACEs), and their limits as a screening tool.",
        [],
    ),
    ("After the training, read chapter 3 of Inside I'm Hurting by Louise Bomber.", []),
    (
        "Zones of Regulation training for Reception and KS1; resources in the shared drive, folder Zones.",
        [],
    ),
    ("Thrive practitioner training: eight days, with Thrive Online profiles for each child.", []),
    (
        "The PACE model, Maslow's hierarchy and Bronfenbrenner's ecological systems in the morning session.",
        [],
    ),
    ("Drawing and Talking training at the Hilton, Cambridge; 16 places; lunch provided.", []),
    ("Course code VSDT-25-04: Designated Teacher induction, three twilight sessions.", []),
    ("Webinar link and slides are on the Virtual School website under Training and events.", []),
    (
        "Key messages: behaviour is communication; relationships first; consistency without rigidity.",
        [],
    ),
    (
        "The Attachment Lead programme's next cohort starts on Monday 12 January; apply on the training portal.",
        [],
    ),
    ("Reflective case discussion: Bion's containment, and a thinking space for staff.", []),
    (
        "Evaluation: 94% found it useful, 88% will change their practice; confidence rose from 5.1 to 7.8.",
        [],
    ),
    (
        "Lego Therapy training: the roles of engineer, supplier and builder, and how to write the session log.",
        [],
    ),
    (
        "Training venue changed to the Marconi suite at Chelmsford City FC because of the rail strike.",
        [],
    ),
    (
        "Trainer: Jo Fairbairn from the EP service; apologies from Ravinder.",
        [("name", "Jo Fairbairn"), ("name", "Ravinder")],
    ),
    (
        "Case study used with permission: Leo, 9, in kinship care with his Nan in Clacton.",
        [("name", "Leo")],
    ),
    (
        "Please send the certificate to claire.whitlock@harveyroad.essex.sch.uk.",
        [("email", "claire.whitlock@harveyroad.essex.sch.uk")],
    ),
    (
        "Penny Robinson from the fostering team co-delivered the session on life story work.",
        [("name", "Penny Robinson")],
    ),
    # --- Team Around the Child minutes ---------------------------------------------------------
    ("Team Around the Child meeting: review 3", []),
    (
        "Present: key adult, class teacher, SENCO, Mum, family support worker. Apologies: school nurse.",
        [],
    ),
    (
        "1. Welcome and introductions 2. What's going well 3. Worries 4. Actions 5. Date of next meeting",
        [],
    ),
    ("Progress: up two steps on the Read Write Inc assessment; now on the Grey books.", []),
    ("Attainment: working towards in writing, on track in maths.", []),
    ("Wellbeing: happier since the Lego Therapy group started; smiling more at drop-off.", []),
    ("Belonging: a playground buddy on Fridays and very proud of it.", []),
    ("Aspirations: to be a footballer, or a chef like the ones on MasterChef.", []),
    ("Actions from the last TAC all done except the school nurse referral, carried over.", []),
    ("Next TAC: Tuesday 10 March, 3.30 pm, meeting room 2; Mum can come after her shift.", []),
    (
        "Key adult: the Year 3 TA. Supportive adults: the midday supervisor and the Forest School leader.",
        [],
    ),
    ("Attendance since the last TAC: 91.5%, up from 84%.", []),
    (
        "TAC-2026-0012 review: good progress, no new worries; consider closing at the next meeting.",
        [],
    ),
    ("Minutes to be shared with Mum and the social worker through Convene only.", []),
    ("Mum said the new bedtime routine is working and he is asleep by 8.30.", []),
    ("One Page Profile updated: what people like and admire about me now includes my jokes.", []),
    (
        "My triggers: loud noises, being touched without warning, changes to the timetable I haven't been told about.",
        [],
    ),
    ("Signs I'm becoming distressed: I pull my hood up, hum, and tap the desk.", []),
    (
        "What helps me to calm: the bean bag in the Rainbow room, my headphones, and a drink of water.",
        [],
    ),
    ("Important to me: my dog, my Nan, Crystal Palace, and Fortnite at weekends.", []),
    (
        "How best to support me: tell me what's happening next, give me a job, and don't ask me questions in front of the class.",
        [],
    ),
    ("Review date: 12/03/2026. Chair: SENCO. Minutes: Year 3 TA.", []),
    (
        "Present: Kerry-Ann Baptiste (key adult), SENCO, Mum, Rhys (FSW).",
        [("name", "Kerry-Ann Baptiste"), ("name", "Rhys")],
    ),
    ("TAC for Hamza in the Rainbow room: calmer since Eid, scaling 6.", [("name", "Hamza")]),
    (
        "Next TAC at Grandma's, 33 Wellesley Gardens, as she can't travel.",
        [("address", "33 Wellesley Gardens")],
    ),
    (
        "One Page Profile for Lacey: loves Elsa from Frozen and her kitten Misty.",
        [("name", "Lacey")],
    ),
    ("Earl, Mum's partner, came to the TAC and offered to do the school run.", [("name", "Earl")]),
    ("Frank, the carer's partner, does Tuesday pick-ups now.", [("name", "Frank")]),
    (
        "Heath and his twin River have both moved to Storm class.",
        [("name", "Heath"), ("name", "River")],
    ),
    # --- Action lists ---------------------------------------------------------------------------
    ("Action: SENCO to request the EP report by Friday.", []),
    (
        "Action: DSL to update the chronology and share it with the social worker before the core group.",
        [],
    ),
    ("Action: key adult to introduce a now-and-next board in Oak class from Monday.", []),
    ("Action: Head of Year to meet the Attendance Lead in week 2.", []),
    ("Action: class teacher to send home the Numicon kit and a short video on using it.", []),
    (
        "Action: Virtual School adviser to send the PLAC guidance and the Pupil Premium Plus form.",
        [],
    ),
    ("Action: EP to observe at lunchtime on 20 January and feed back at the review.", []),
    ("Action: social worker to confirm consent for the referral to the school nurse.", []),
    ("Action: office to add the child to the breakfast club list from 8.00, free of charge.", []),
    ("Action (all): read the One Page Profile before the trip to Hampton Court on Thursday.", []),
    ("Action: Designated Teacher to ask the IRO for the date of the next LAC review.", []),
    ("Action: SENCO to book a Romanian interpreter for the annual review.", []),
    (
        "Action: attendance officer to send the part-time timetable letter; review every 2 weeks.",
        [],
    ),
    ("Action: pastoral lead to set up Check and Connect mentoring with a Year 12.", []),
    ("Action: family support worker to ask about HAF places for the summer.", []),
    ("Action: the DSL and SENCO to meet before the Child in Need meeting on the 14th.", []),
    ("Who / what / by when: SENCO / apply for top-up / 30 April.", []),
    ("Action completed: Boxall Profile done on 3 February; the next one in June.", []),
    (
        "Action: Head of Year 11 to chase the Prospects careers interview and the South Essex College application.",
        [],
    ),
    ("Action: Mr Dimitriou to email Mum the Numicon video by Friday.", [("name", "Mr Dimitriou")]),
    ("Action: Sadia to book the Urdu interpreter for the review.", [("name", "Sadia")]),
    (
        "Action: ring Blessing (aunt) on 07700 900126 about the trip money.",
        [("name", "Blessing"), ("phone", "07700 900126")],
    ),
    (
        "Action: Sue in the office to send the consent form home with Thiago.",
        [("name", "Sue"), ("name", "Thiago")],
    ),
    # --- Email subject lines and sign-offs ------------------------------------------------------
    ("Subject: SFC booking confirmed, SFC-2026-0042, Tuesday 15 November, 2.00 pm", []),
    ("Subject: RE: Advice request AR-2026-0107, response from the Virtual School", []),
    ("Subject: Updated invite: TAC-2026-0012 review moved to room 3", []),
    ("Subject: Cancelled: consultation slot, Wednesday 4 March", []),
    ("Subject: Kinship carers' coffee morning this Friday", []),
    ("Subject: URGENT - please read before the core group tomorrow", []),
    ("Subject: Designated Teacher network: slides and recording", []),
    ("Subject: Thrive licences for 2026-27", []),
    ("Subject: Your place on the Theraplay Level One course", []),
    ("Kind regards, SENCO, Harvey Road Primary", []),
    ("Many thanks, Designated Safeguarding Lead, St Mary's CE Primary School", []),
    ("Best wishes, the Virtual School team", []),
    ("Thanks, Attendance Officer (Tuesdays and Thursdays)", []),
    ("With best wishes, Head of Year 8, Queen Elizabeth's Grammar", []),
    ("Regards, Educational Psychologist, North Essex EP team", []),
    ("Get Outlook for Android", []),
    ("Please do not reply to this email; contact the Virtual School through the website.", []),
    ("This email and any attachments are confidential and intended only for the addressee.", []),
    ("Thanks so much for today, it was really helpful; I'll let you know how the Zones go.", []),
    ("Apologies for the delay, I've been off with Covid.", []),
    (
        "Out of office: on leave until Monday 2 March; for urgent safeguarding matters ring the school and ask for the DSL.",
        [],
    ),
    ("Subject: Storm Bert: school closed today, consultations moved online", []),
    ("Subject: Eid al-Fitr: staffing and the SFC on Monday", []),
    ("Subject: Provision map template (Word), version 3", []),
    ("Subject: FW: Training evaluation, Protective Behaviours", []),
    ("Cheers, Family Support Worker, Tendring Family Hub", []),
    ("Warm regards, Kinship Carers' Adviser", []),
    ("Subject: Hanukkah and Christmas closure: SFC sessions in December", []),
    ("Subject: Y6 - worry about tonight - please ring", []),
    ("Subject: Ahmed Y5 - urgent worry about tonight", [("name", "Ahmed")]),
    ("Kind regards, Siobhan Keane, SENCO, Harvey Road Primary", [("name", "Siobhan Keane")]),
    ("Subject: RE: Tyler-Jay - SGO paperwork", [("name", "Tyler-Jay")]),
    ("Thanks, Gurpreet (DSL) 07700 900903", [("name", "Gurpreet"), ("phone", "07700 900903")]),
    ("Best wishes, Dr Emeka Obi, Educational Psychologist", [("name", "Dr Emeka Obi")]),
    ("Subject: EHCP draft for M. Kowalczyk", [("name", "M. Kowalczyk")]),
    (
        "From: Sam Oyelaran <s.oyelaran@oakfield.sch.uk>",
        [("name", "Sam Oyelaran"), ("email", "s.oyelaran@oakfield.sch.uk")],
    ),
    ("RE: LEXI - missing PE kit & Thrive", [("name", "LEXI")]),
    ("Dear Ms Oduya, thank you for coming to the SFC.", [("name", "Ms Oduya")]),
    (
        "Aoife Brennan | Designated Teacher | 01632 960455",
        [("name", "Aoife Brennan"), ("phone", "01632 960455")],
    ),
    (
        "Email from Dad (darren.pike1979@hotmail.co.uk) complaining about the detention.",
        [("email", "darren.pike1979@hotmail.co.uk")],
    ),
    (
        "EHCP coordinator: please contact r.achterberg@essex.gov.uk with the draft.",
        [("email", "r.achterberg@essex.gov.uk")],
    ),
    (
        "Social worker: Temi Ogunleye, 020 7946 0552, Lewisham CSC.",
        [("name", "Temi Ogunleye"), ("phone", "020 7946 0552")],
    ),
    ("Contact Grandad on +44 7700 900314 if Mum doesn't answer.", [("phone", "+44 7700 900314")]),
    ("Subject: Joy Mensah-Bonsu will chair the Harvey Road TAC", [("name", "Joy Mensah-Bonsu")]),
    # --- Timetables ---------------------------------------------------------------------------------
    (
        "Monday: 8.40 meet and greet (Rainbow room); 9.00 Phonics; 10.30 break; 10.45 Maths; 12.00 lunch.",
        [],
    ),
    ("Tuesday: P1 English (E12), P2 Maths (M4), P3 Science (S7), P4 PE, P5 Thrive.", []),
    (
        "Wednesday afternoon: Forest School in the Ash copse, 1.15 to 3.00; wellies and a change of clothes.",
        [],
    ),
    ("Thursday: Year 4 swimming at the Riverside Leisure Centre; the coach leaves at 1.00.", []),
    ("Friday: celebration assembly 9.00; Golden Time 2.30; key adult check-out 3.10.", []),
    ("Lunchtime: Lego club in the Willow room, not the big playground.", []),
    ("Next half-termly timetable review: Monday 23 February.", []),
    ("Part-time timetable, week 3: 9.00 to 1.00, with lunch in the Hub.", []),
    ("Exams: English Language Paper 1, Thursday 21 May, 9.00, Sports Hall.", []),
    ("Reduced timetable ends on Friday 27 March; full-time from the start of Summer 1.", []),
    (
        "Intervention slots: Lexia 8.45 (ICT suite), Nessy 1.15 (library), Talkabout Thursday P6.",
        [],
    ),
    ("Taxi collects at 8.05 and arrives at 8.40; home taxi at 3.20.", []),
    ("Wraparound: breakfast club 7.45; after-school club until 6 on Mondays and Wednesdays.", []),
    ("Bus 25 to Chelmsford bus station, then the 42 to school.", []),
    ("Friday P5 is Enrichment: choir, chess, Duke of Edinburgh, or coding with micro:bits.", []),
    ("Year 6 SATs week starts 11/05/2026; breakfast for all Year 6 at 8.15 in the hall.", []),
    ("Ramadan timetable: a quiet room at lunch for pupils who are fasting, room 9.", []),
    (
        "Zuzanna W. moved to Dahl class from Donaldson class after Christmas.",
        [("name", "Zuzanna W.")],
    ),
    ("Jaskaran's PE timetable changed; staff briefed about his patka.", [("name", "Jaskaran")]),
    ("Harpreet's Nanaji collects her from the Rainbow room on Wednesdays.", [("name", "Harpreet")]),
    ("Tharshan goes to Tamil school on Saturdays with his Amma.", [("name", "Tharshan")]),
    # --- Reading lists and curriculum notes -------------------------------------------------
    ("Year 5 class reader: Holes by Louis Sachar, then Wonder by R. J. Palacio.", []),
    ("Reading spine: The Iron Man, Charlotte's Web, Kensuke's Kingdom, Matilda and Cosmic.", []),
    (
        "Book club: Mr Stink by David Walliams, then The Boy at the Back of the Class by Onjali Q. Raúf.",
        [],
    ),
    ("History, Year 4: the Tudors, Henry VIII and his six wives, and the Mary Rose.", []),
    ("Year 6 topic: World War Two, Churchill, the Blitz, evacuees, and Goodnight Mister Tom.", []),
    ("Year 2 significant individuals: Florence Nightingale and Mary Seacole.", []),
    ("KS3 English: Of Mice and Men, An Inspector Calls, and poems by Benjamin Zephaniah.", []),
    ("Science: the heart and circulation, with a visit from St John Ambulance.", []),
    (
        "RE: Diwali, Hanukkah and Christmas as festivals of light; visit to the Guru Nanak Gurdwara in Gravesend.",
        [],
    ),
    ("Geography: rivers, the Thames from source to estuary; fieldwork in Dedham Vale.", []),
    ("Art: Van Gogh's Sunflowers, then Frida Kahlo's self-portraits.", []),
    ("PSHE: Jigsaw, Healthy Me; Protective Behaviours in Year 5.", []),
    ("Music: Charanga, Year 3 unit Let Your Spirit Fly.", []),
    ("Year 1 Phonics: Read Write Inc set 2 sounds; Green and Purple storybooks.", []),
    ("For reluctant readers: Barrington Stoke titles, Wimpy Kid, Dog Man, and Tom Gates.", []),
    ("Year 8 History: the Industrial Revolution; Brunel and the Great Western Railway.", []),
    ("White Rose Maths, block 3: place value to 10,000.", []),
    ("Drama: Year 9 devised piece on the Windrush generation.", []),
    ("Year 3 writing unit on The Lion, the Witch and the Wardrobe: Aslan and the White Witch.", []),
    ("GCSE English Literature: Macbeth, A Christmas Carol, and the Power and Conflict poems.", []),
    ("Black History Month: Ruby Bridges, Walter Tull and Mary Seacole in KS2 assemblies.", []),
    ("Year 1 learnt about Grace Darling and the lifeboat at Longstone lighthouse.", []),
    (
        "World Book Day on 5 March: costumes include Matilda, Miss Trunchbull, Wednesday Addams and the Gruffalo.",
        [],
    ),
    ("Year 6 learnt about Pearl Harbor in the WW2 unit.", []),
    ("He watched Postman Pat with his little brother and retold the story to the class.", []),
    ("Library reordered Holes and Skellig; 40 new Barrington Stoke books arrived.", []),
    ("Class novel in Hedgehogs: The Hodgeheg by Dick King-Smith.", []),
    ("Kayden in Oak class finished Matilda and has started The Twits.", [("name", "Kayden")]),
    (
        "Conor Maguire (Y10) is predicted a 6 in History (Elizabethan England and the Tudors).",
        [("name", "Conor Maguire")],
    ),
    ("Marcus was Elsa in the Frozen assembly and loved every minute.", [("name", "Marcus")]),
    ("Chen Wei wants to read Percy Jackson in both Mandarin and English.", [("name", "Chen Wei")]),
    (
        "Thi Thu Hà (Y2) now uses 10 words of English; Word Aware twice a week.",
        [("name", "Thi Thu Hà")],
    ),
    ("Kezia from Sycamore class brought in her rangoli photos for Diwali.", [("name", "Kezia")]),
    ("Rose (Y5) rose to the challenge in the spelling bee.", [("name", "Rose")]),
    ("Sunny Dhillon (Y8) won the Diwali poster competition.", [("name", "Sunny Dhillon")]),
    ("Gonçalo loves Benfica and Aston Villa in equal measure.", [("name", "Gonçalo")]),
    # --- Words that are names elsewhere, used as ordinary words -------------------------------
    ("May half term is 25 to 29 May; the review is the week after.", []),
    ("She managed the change with real grace and asked to help the new Year 3s.", []),
    ("We hope the new timetable helps; the best hopes were all about friendships.", []),
    (
        "Faith groups nearby: the mosque runs a homework club after Asr prayer, and the gurdwara has a Saturday Punjabi school.",
        [],
    ),
    ("Pure joy at the end of the day: he ran to show Mum his certificate.", []),
    ("RAG rating: amber for attendance, green for behaviour, red for writing.", []),
    ("The Year 2 reading groups are Ruby, Sapphire, Emerald and Jade.", []),
    ("The rose garden by the Reception playground is a calm place at lunchtime.", []),
    ("Summer 1 starts on Monday 20 April; summer term SATs in May.", []),
    ("Autumn leaves walk with Nursery on Thursday morning.", []),
    ("Full marks on Paper 2, according to the mark scheme.", []),
    ("A pat on the back and a sticker worked better than loud praise in front of others.", []),
    ("The family said they may sue the council over the transport decision.", []),
    ("A frank conversation with Dad about the part-time timetable.", []),
    ("He said older boys tried to rob his phone at the bus station.", []),
    ("SENCO to chase the referral with the Hearing Impairment service.", []),
    ("A local shop donated Hunter wellies to Forest School.", []),
    (
        "Major incident at the school gate: parents asked to leave by the police; no children hurt.",
        [],
    ),
    ("The King's Coronation picnic photos are on the display board in the hall.", []),
    ("Duke of Edinburgh Bronze expedition in the Peak District on 18 June.", []),
    ("Earl Grey and biscuits for the carers' group.", []),
    ("See page 4 of the EHCP for the outcomes.", []),
    ("The Year 6 residential is at a centre on the edge of Hampstead Heath.", []),
    ("Geography fieldtrip to the Forest of Dean in Year 8.", []),
    ("He walks two miles each way because the bus is unreliable.", []),
    ("A gene therapy trial at the hospital means regular absence on Tuesdays.", []),
    ("Art therapy with the Creative Minds service on Fridays.", []),
    ("Sky Sports is always on at Nan's and he watches the darts till late.", []),
    ("Storm warning for Thursday: Forest School is cancelled.", []),
    ("The family set off at dawn for Appleby.", []),
    ("Holly and ivy wreaths in DT the week before Christmas.", []),
    (
        "Biometric lunch tills (fingerprint, not iris) need parental consent under the Protection of Freedoms Act.",
        [],
    ),
    ("The jade plant on the Science windowsill is the class's responsibility.", []),
    ("Penny for your thoughts jar in the Rainbow room: children post worries anonymously.", []),
    ("A sunny day is a good day: she is happier when she can get outside.", []),
    ("His French is rusty after a year out of school.", []),
    ("Misty mornings mean Forest School starts late.", []),
    ("Lucky dip prizes for 100% attendance every half term.", []),
    ("School houses: Faith, Hope, Grace and Joy; house points read out in Friday assembly.", []),
    ("River class and Storm class are the two Year 4 classes this year.", []),
    ("Autumn class went to the farm; Summer class went to the seaside at Walton-on-the-Naze.", []),
    ("The new Sky class in the Resource Base has 8 places.", []),
    ("He moved from a school in Miles Platting to one in Gorton in Year 4.", []),
    ("Visited Frank Wise School in Banbury to see their sensory curriculum.", []),
    ("The Sue Ryder shop donated a box of books for the library.", []),
    ("Citizenship, Year 9: the Bill of Rights 1689 and the Human Rights Act.", []),
    ("Audiology appointment at Chase Farm Hospital on Tuesday; back for the afternoon.", []),
    ("Transition visits to Mark Hall Academy in Harlow start in June.", []),
    ("Will the social worker be at the review, or should we send the minutes?", []),
    ("Dean Close School and Heath Park are on the list for the Year 11 taster days.", []),
    ("The Prince Regent pub car park is used for the coach pick-up on trip days.", []),
    ("Storm class will lead the Harvest assembly; tins for the food bank by Friday.", []),
    ("Grace before lunch is said in the dining hall at St Joseph's.", []),
    ("Dawn to dusk: Ramadan fasting means he has nothing to eat or drink in the school day.", []),
    ("Pearl and ruby anniversaries were the theme of the care home visit by the choir.", []),
    ("The Amber Valley schools in Derbyshire use the same attendance toolkit as ours.", []),
    ("Hope and Faith are the two nurture rooms at the secondary, next to the Library.", []),
    # --- More lines with identifiers among near-misses ----------------------------------------
    (
        "Grace Adeyinka, Year 3, in Faith class: moved up to the Blue book band.",
        [("name", "Grace Adeyinka")],
    ),
    (
        "Hope sat with Mrs Lindqvist in the Library at lunch.",
        [("name", "Hope"), ("name", "Mrs Lindqvist")],
    ),
    (
        "Will Thornton (Y11) has his Duke of Edinburgh expedition in June.",
        [("name", "Will Thornton")],
    ),
    (
        "Summer and her brother Kai started at St Mary's after the summer holidays.",
        [("name", "Summer"), ("name", "Kai")],
    ),
    ("Amber's reading is amber on the tracker: 7y 9m.", [("name", "Amber")]),
    ("Mark Osei, Head of Brunel house, marked the mock papers.", [("name", "Mark Osei")]),
    (
        "Frankie told Storm class about her new baby sister, Daisy.",
        [("name", "Frankie"), ("name", "Daisy")],
    ),
    ("Hollie-Mai in Holly class is proud of the holly wreath she made.", [("name", "Hollie-Mai")]),
    ("Jade-Louise scaled herself a 2 for belonging.", [("name", "Jade-Louise")]),
    (
        "Rusty and Patch are the class guinea pigs; Oliwia feeds them on Fridays.",
        [("name", "Oliwia")],
    ),
    ("Miles Ashworth (Y6) walks two miles to school.", [("name", "Miles Ashworth")]),
    ("Sky (they/them), Y10, has asked that registers use that name.", [("name", "Sky")]),
    ("King Edward VI School has offered a place to Prince Asante.", [("name", "Prince Asante")]),
    ("Pearl's great-grandmother has parental responsibility under the CAO.", [("name", "Pearl")]),
    ("Iris Mwangi-Oduor, Y4: reading age 6y 11m.", [("name", "Iris Mwangi-Oduor")]),
    (
        "Chase (Y2) and his brother Hunter are in the Rainbow room this week.",
        [("name", "Chase"), ("name", "Hunter")],
    ),
    (
        "Abdirahman (Y9) translates for Hooyo at meetings; we should book an interpreter instead.",
        [("name", "Abdirahman")],
    ),
    ("Tahmid's Abba would like the review after Jummah on Friday.", [("name", "Tahmid")]),
    ("Maryam Siddiqui: reading age 11y 2m, wants to be a doctor.", [("name", "Maryam Siddiqui")]),
    ("Gabija keeps asking when she can go back to Vilnius.", [("name", "Gabija")]),
    ("Andrei Popescu and his mum met the EAL lead on Monday.", [("name", "Andrei Popescu")]),
    (
        "Farhad Ahmadzai, Y10, has had no schooling in Afghanistan since 2021.",
        [("name", "Farhad Ahmadzai")],
    ),
    ("Lujain scaled a 7; she loves the Library club.", [("name", "Lujain")]),
    (
        "Andreas Christodoulou (Y11): mock grades 7s and 8s, attendance 79%.",
        [("name", "Andreas Christodoulou")],
    ),
    ("Zihan's parents asked for the EHCP to be translated into Chinese.", [("name", "Zihan")]),
    ("Minh Anh Nguyen (Y3) joined Oak class on Monday.", [("name", "Minh Anh Nguyen")]),
    ("Althea Santos's mum works nights at Basildon Hospital.", [("name", "Althea Santos")]),
    (
        "Aayush Gurung has settled well since the family's posting to Folkestone.",
        [("name", "Aayush Gurung")],
    ),
    ("Tolu said the Year 6 residential was the best thing ever.", [("name", "Tolu")]),
    ("Chidi's dad is in Nigeria until March.", [("name", "Chidi")]),
    ("Denisa's mum speaks Romani and Slovak; interpreter booked.", [("name", "Denisa")]),
    (
        "Sofiia Kovalenko arrived from Kharkiv under Homes for Ukraine.",
        [("name", "Sofiia Kovalenko")],
    ),
    ("Tatenda Moyo: SDQ 24 (very high); CAMHS referral made.", [("name", "Tatenda Moyo")]),
    (
        "Merveille's big sister Grâce translates Lingala for Mum.",
        [("name", "Merveille"), ("name", "Grâce")],
    ),
    (
        "Ibrahim and Musa Jalloh arrived from Sierra Leone in October.",
        [("name", "Ibrahim"), ("name", "Musa Jalloh")],
    ),
    ("Lukas Jankauskas plays for the Colchester United under-12s.", [("name", "Lukas Jankauskas")]),
    ("Ellis-James needs his EpiPen on the Hampton Court trip.", [("name", "Ellis-James")]),
    (
        "Tell Mrs O'Sullivan that Bláithín's reading book is in her tray.",
        [("name", "Mrs O'Sullivan"), ("name", "Bláithín")],
    ),
    (
        "Shaquille's mum, Ms Campbell, wants the review moved to a Monday.",
        [("name", "Shaquille"), ("name", "Ms Campbell")],
    ),
    (
        "Yitzchak's family prefer no meetings on Friday afternoons or during Sukkot.",
        [("name", "Yitzchak")],
    ),
    (
        "Noor's dad, Mr Al-Hashimi, prefers Arabic; interpreter booked.",
        [("name", "Noor"), ("name", "Mr Al-Hashimi")],
    ),
    ("Dr Chaudhry at Broomfield Hospital diagnosed ADHD in March.", [("name", "Dr Chaudhry")]),
    (
        "Ms Ferreira, our Portuguese-speaking family liaison, will attend.",
        [("name", "Ms Ferreira")],
    ),
    ("Mo's Lexia minutes have doubled since Christmas.", [("name", "Mo")]),
    (
        "Bex (Rebecca Thornhill, Y11) asked for the Prospects interview to be moved.",
        [("name", "Bex"), ("name", "Rebecca Thornhill")],
    ),
    ("Sophie-Jane says she wants to live with her dad in Rochdale.", [("name", "Sophie-Jane")]),
    (
        "Jordan stays at his dad's flat, 2B Marlowe Tower, at weekends.",
        [("name", "Jordan"), ("address", "2B Marlowe Tower")],
    ),
    (
        "Keeley's nan lives on Churchill Way, near the Asda.",
        [("name", "Keeley"), ("address", "Churchill Way")],
    ),
    (
        "Her aunt lives at 61 Nightingale Road, two doors from the school.",
        [("address", "61 Nightingale Road")],
    ),
    (
        "Jessica's mobile is 07700 900688; she has asked staff not to give it to Dad.",
        [("name", "Jessica"), ("phone", "07700 900688")],
    ),
    ("She lives on Oak Avenue and is in Oak class, so she walks.", [("address", "Oak Avenue")]),
    ("Lives at 4 Brunel Close, and is in Brunel house too.", [("address", "4 Brunel Close")]),
    (
        "Flat 9, Seacole House, Peckham is the family's temporary address.",
        [("address", "Flat 9, Seacole House")],
    ),
    (
        "New address: 18 Birch Close, Braintree CM7 2QN.",
        [("address", "18 Birch Close"), ("postcode", "CM7 2QN")],
    ),
    ("The family moved from the CM1 area to M14 7DG in Manchester.", [("postcode", "M14 7DG")]),
    ("Postcode E17 6BN, Walthamstow; the school is in E4.", [("postcode", "E17 6BN")]),
    ("Taxi booked from L8 2UE to the Alder Hey appointment.", [("postcode", "L8 2UE")]),
    (
        "Placement postcode PO6 3LY, Cosham, near Queen Alexandra Hospital.",
        [("postcode", "PO6 3LY")],
    ),
    (
        "Date of birth: 03/11/2016. Year group: 4. School: Harvey Road Primary.",
        [("dob", "03/11/2016")],
    ),
    (
        "He was born on 29 February 2016, so he says he has only had two real birthdays.",
        [("dob", "29 February 2016")],
    ),
    (
        "Her birthday is on Boxing Day, which makes Christmas family time hard.",
        [("dob", "Boxing Day")],
    ),
    (
        "Ravi turns 8 on the fifth of June; the class are making him a card.",
        [("name", "Ravi"), ("dob", "fifth of June")],
    ),
    ("Zofia's DOB is 17.06.2013 on the CTF.", [("name", "Zofia"), ("dob", "17.06.2013")]),
    (
        "Date of birth 2015-04-08; UPN B919237118218; NHS 518 692 4024.",
        [("dob", "2015-04-08"), ("upn", "B919237118218"), ("nhs", "518 692 4024")],
    ),
    ("Eldest sibling, born 8th Dec 2012, is at the Beacon Academy.", [("dob", "8th Dec 2012")]),
    ("Date of birth 4/1/17, according to Mum.", [("dob", "4/1/17")]),
    ("Birthday: 14 March. Favourite things: Minecraft, Nan's dog, Sonic.", [("dob", "14 March")]),
    ("UPN for the transfer from Birmingham: L330536318049.", [("upn", "L330536318049")]),
    (
        "CTF received with UPN u850371214124 typed in lower case; office to check it.",
        [("upn", "u850371214124")],
    ),
    (
        "Referral for Nikolai Petrov (Y7) to the school nurse, NHS 471 497 6850.",
        [("name", "Nikolai Petrov"), ("nhs", "471 497 6850")],
    ),
    (
        "His Roblox name is SonicSpeedz_2014; Mum has turned off chat.",
        [("handle", "SonicSpeedz_2014")],
    ),
    (
        "He plays Fortnite as m4rio_kartking and accepts strangers as friends.",
        [("handle", "m4rio_kartking")],
    ),
    (
        "Mosaic case 2284517 (CIN plan); the social worker is Abdi Farah.",
        [("case_id", "2284517"), ("name", "Abdi Farah")],
    ),
    ("LCS ID 7755031, allocated to the Colchester team.", [("case_id", "7755031")]),
    ("Crime ref 37/55021/24 for the theft at Lakeside bus station.", [("case_id", "37/55021/24")]),
    ("Family court ref BV24P00917 (private law, child arrangements).", [("case_id", "BV24P00917")]),
    ("MASH ref 2511-0437: referral from the GP.", [("case_id", "2511-0437")]),
    ("YOT case 445102: referral order for six months.", [("case_id", "445102")]),
    # --- More everyday lines ----------------------------------------------------------------------
    (
        "Consultation request, section 3, what has been tried: Thrive, ELSA, the Boxall Profile and a part-time timetable.",
        [],
    ),
    (
        "Scaling on attendance: 2 in September, 4 now; a 5 would be a full week without a phone call home.",
        [],
    ),
    (
        "EP traded offer: 6 visits a year for a primary of 210 pupils; the Virtual School funds SFCs separately.",
        [],
    ),
    (
        "Annual review in week 5 of the summer term; the Local Authority caseworker will join online.",
        [],
    ),
    ("All about me: likes Bluey, swings, trains, and the songs from Moana.", []),
    ("CPOMS alert to the Head of Year 10 only; no further action; review on the 28th.", []),
    ("Key adult changes from the Year 2 TA to the learning mentor after Christmas.", []),
    (
        "Trip to the Natural History Museum on Friday; the risk assessment covers the Tube from Liverpool Street.",
        [],
    ),
    ("The Harlow schools agreed to share one EBSA pathway from September.", []),
    (
        "Leaflets in Tigrinya, Dari and Pashto from the Refugee Council for families who have just arrived.",
        [],
    ),
    (
        "Annual report 2024-25: 1,246 children with a social worker on roll in our schools, 14% of them in kinship care.",
        [],
    ),
    ("The trust's SEND hub at Queensway Academy opens after February half term.", []),
    (
        "Year 10 work experience, 29 June to 3 July: placements at Tesco, the fire station and a vet's in Billericay.",
        [],
    ),
    ("NGRT each term: standardised score 87 in the autumn, 93 in the spring.", []),
    (
        "A level 3b from 2014 on the transfer form is not comparable with today's 'working towards'.",
        [],
    ),
    (
        "Phonics screening check: 29 out of 40 in Year 1, 34 on the re-check in Year 2 (the threshold is 32).",
        [],
    ),
    ("Multiplication tables check: 19 out of 25.", []),
    (
        "The Mental Health Support Team from the local NHS foundation trust is in school on Thursdays.",
        [],
    ),
    ("School nurse drop-in on Wednesday lunchtimes in room 11; no appointment needed.", []),
    ("Signposted to www.childline.org.uk and to the Kooth app for 11 to 25 year olds.", []),
    ("The Young Minds parents' helpline is listed on the school website under Wellbeing.", []),
    (
        "Easter holidays: HAF at the leisure centre, and the Family Hub's egg hunt on Good Friday.",
        [],
    ),
    ("Chinese New Year dragon dance in Reception on Thursday; Year 1 are making lanterns.", []),
    ("Vaisakhi assembly led by Year 5 on 14 April.", []),
    (
        "Rosh Hashanah falls on a school day this year; absence is authorised for families who observe it.",
        [],
    ),
    ("Bonfire Night safety letter goes home on the 3rd; no fireworks on the field.", []),
    (
        "Storm Darragh brought a tree down on the Forest School fence; the area is closed until Monday.",
        [],
    ),
    ("The final EHCP names St Christopher's School in Section I from September.", []),
    (
        "Safer recruitment training for new governors, two hours online, booked through the safeguarding partnership.",
        [],
    ),
    (
        "The EEF guidance on making best use of teaching assistants underpins the TA deployment review.",
        [],
    ),
    (
        "Talkabout level 1 (self-awareness) for six weeks, then level 2 (communication) after half term.",
        [],
    ),
    ("SFC slot 2 of 3 (3.00 to 3.50) is still free on Tuesday 15 November.", []),
    ("Three schools are on the waiting list for Tuesday's session.", []),
    ("Indicators ticked on the request: attendance, behaviour and engagement.", []),
    ("Cohort: CiN plan. Year group: 9. Phase: secondary. Consent: yes.", []),
    ("SDQ: parent version 18, teacher version 15, self-report 20.", []),
    ("Meeting held in the Jubilee Room at Romford Town Hall.", []),
    ("Sensory Support Service in Havering: two visits a term.", []),
    (
        "The Rainbow room is on the One Page Profile; supply staff are told at the classroom door.",
        [],
    ),
    (
        "Notes from the kinship care conference in Birmingham: the national Kinship Care Strategy and the allowance pilot in 8 areas.",
        [],
    ),
    ("Chronology headings: date, source, event, impact on the child, action taken.", []),
    ("The number 7 bus now stops outside the Co-op rather than at the school gate.", []),
    (
        "Apprenticeship fair at the Brentwood Centre on 9 March, with Level 2 and 3 places at Ford and the NHS.",
        [],
    ),
    ("Queen's Hospital in Romford moved the fracture clinic appointment to a Thursday.", []),
    ("Uniform swap shop on Friday after school in the Oak class cloakroom.", []),
]
