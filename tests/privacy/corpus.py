"""A labelled corpus of sentences from school life, for measuring the identifier guard.

Each entry is ``(sentence, [(kind, substring), ...])``: the identifiers a careful human
reader would ask the school to remove, as the exact substring of the sentence. An empty
list means the sentence is clean: nothing in it identifies a child.

The sentences in ``CORPUS`` were written first, before the detector, as a SENCO,
Designated Teacher, EP or advisor would write them in an advice request, TAC notes or a
consultation record, and labelled by hand. Those in ``HELD_OUT`` were written after the
detector's first run, and measured as they stood. ``ALL`` is both; the tests assert the
targets on ``ALL`` and print the figures for each part.

Labelling policy (the issue's definitions):

- ``name``: a forename with a surname ("Jack Smith", middle names and hyphens included),
  or a title with a surname ("Mrs Patel", "Dr. Okafor"; "Mrs Jane Smith" is one name).
  Initials are not labelled, nor the names of well-known authors and organisations named
  after people ("Louise Bomber's strategies", "Anna Freud Centre"): they do not identify
  the child. (Written when a forename alone was not labelled; the three lines that carry
  one were relabelled when the guard began to find them, as issue 12 asks.)
- ``dob``: the date itself (not the words around it), when it is given as a date of
  birth or birthday. Dates of meetings, reviews, terms and incidents are not labelled.
- ``upn``, ``nhs``, ``postcode``, ``phone``, ``email``: the identifier as written.
  UPNs and NHS numbers carry valid check characters (real ones always do).
  Phone numbers are from Ofcom's ranges reserved for drama; postcodes are real, public
  ones (Buckingham Palace, Royal Mail's examples, and so on).
"""

Label = tuple[str, str]
Entry = tuple[str, list[Label]]

CORPUS: list[Entry] = [
    # ------------------------------------------------------------------ clean
    ("Attendance has fallen to 87% this term, down from 94.5% in the autumn.", []),
    (
        "She scored 3/10 on the scaling question at the last SFC and hopes to reach 5/10 "
        "by Easter.",
        [],
    ),
    (
        "We met on 12/03/2025 with the social worker and agreed a part-time timetable "
        "until half term.",
        [],
    ),
    ("The review is on 3 March at 2pm in the library.", []),
    (
        "Boxall Profile completed in September; the developmental strands are a particular "
        "concern.",
        [],
    ),
    ("Emotion Coaching has been used by the key adult since January.", []),
    ("He has been on a Child Protection plan since 2023 and is now on a Child in Need plan.", []),
    ("Virtual School advice was requested under reference SFC-2026-0042.", []),
    ("Pupil Premium Plus funding paid for six sessions of Lego Therapy.", []),
    ("Team Around the Child meeting held on Tuesday 14 January; next review 11/02/2026.", []),
    ("The Designated Teacher and the SENCO met with Mum after school.", []),
    ("Zones of Regulation are used in class and at home.", []),
    ("Thrive Approach assessment shows gaps at the Being and Doing stages.", []),
    ("Early Help were involved in Year 4 but the case was stepped up to Social Care.", []),
    ("The Youth Offending Team has closed the case.", []),
    ("Speech and Language Therapy recommended a communication-friendly classroom.", []),
    ("An Educational Psychologist assessment was completed in Key Stage 2.", []),
    ("Head of Year has set up a daily check-in at 8:45 with the ELSA.", []),
    (
        "CAMHS declined the referral in November; the Mental Health Support Team offered "
        "six sessions.",
        [],
    ),
    ("Forest School on Friday afternoons is the part of the week he looks forward to most.", []),
    ("Nurture Group places were offered to four pupils in Year 2.", []),
    ("Drawing and Talking sessions ran for 12 weeks from 2–3 pm on Wednesdays.", []),
    ("Children's Services and the Local Authority have both been invited to the TAC.", []),
    ("Monday mornings are the hardest; she often arrives at 10:15 or later.", []),
    ("Reception staff noticed she was hungry at breakfast club.", []),
    ("Nan collects him on Thursdays; the Foster Carer brings him the rest of the week.", []),
    ("Dad has asked for updates by email rather than phone.", []),
    ("Carer reports that sleep has improved since the new bedtime routine.", []),
    ("Suspended for two days in October after an incident at lunchtime.", []),
    ("Reading age is 7 years 3 months; chronological age 10 years 1 month.", []),
    ("SDQ total difficulties score was 24 in May and 19 in July.", []),
    ("Attendance for the week ending 7 March was 60% (6 out of 10 sessions).", []),
    ("EBSA: she has not attended a full day since 2024.", []),
    ("Part-time timetable of 9:00–12:00 for three weeks, reviewed every Friday.", []),
    ("The managed move to another school was discussed but not agreed.", []),
    ("Transition to Year 7 in September 2026 is a big worry for him.", []),
    ("We tried a Time to Talk group and a Worry Monster box in class.", []),
    ("Reference AR-2026-0042 was triaged within 5 working days.", []),
    ("Case code C-7F3K2Q has been linked to this request.", []),
    ("Key Stage 1 phonics screening: 28/40.", []),
    ("He is working at the expected standard in maths but below in reading.", []),
    ("Lunchtimes are spent in the Hub with two friends from Year 5.", []),
    ("Summer Term started well but attendance dipped after May half term.", []),
    ("Will Social Care attend the next meeting on Thursday?", []),
    ("Hope Street Nursery referred her to the Early Help hub in 2022.", []),
    ("Jack said he feels safest with the ELSA and the lunchtime supervisor.", [("name", "Jack")]),
    ("Olivia is proud of her art and wants to show it at the next TAC.", [("name", "Olivia")]),
    ("St Mary's Primary shared their transition notes in July.", []),
    ("Queen Elizabeth Hospital discharged him last week after a short stay.", []),
    ("Louise Bomber's attachment-aware strategies have been shared with all staff.", []),
    ("We are using Dan Hughes's PACE approach (playfulness, acceptance, curiosity, empathy).", []),
    ("Anna Freud Centre resources were used in a staff INSET on 6 January.", []),
    ("Sessions with Place2Be run every Tuesday, 1:30–2:15 pm.", []),
    ("The EP suggested Precision Teaching for 10 minutes a day.", []),
    ("Year 6 SATs are in May; he scored 92 in the reading practice paper.", []),
    ("Exclusions this year: 3 suspensions totalling 5.5 days.", []),
    ("Please call school reception to rearrange if needed.", []),
    ("She lives in the BS16 area and travels 45 minutes each way by taxi.", []),
    ("The Designated Safeguarding Lead attended with the Senior Mental Health Lead.", []),
    (
        "Interventions tried: Talkabout, Lego Therapy, social stories, a sensory circuit at 9:05.",
        [],
    ),
    ("Best hopes: that he is in school for 80% of sessions by the end of the Spring Term.", []),
    ("Scaling: 4 out of 10 now; a 5 would look like coming in through the main gate.", []),
    ("The Child in Need review is on Wednesday 21 May 2025 at 10am.", []),
    ("Born in Poland, he joined the school in Year 3 with no English.", []),
    ("Since the baby was born the family has been under a lot of pressure.", []),
    ("Birthday celebrations in class are very hard for her, so we mark them quietly.", []),
    ("Mum's birthday is a trigger; the anniversary of the removal is in March.", []),
    ("Dates for the diary: 12.05.25 consultation, 19.05.25 TAC, 02.06.25 review.", []),
    (
        "Agreed actions: SENCO to refer to SALT by 30/06/2025; class teacher to update the "
        "One Page Profile by 4 July.",
        [],
    ),
    ("The ELSA room is open 8:30–9:00 and 12:15–12:45.", []),
    ("Kinship care arrangement since 2021 with Grandma and Grandad.", []),
    ("Virtual School Head chaired the meeting; 7 professionals attended.", []),
    ("The school's phone line was down on 14 February so the TAC moved to Teams.", []),
    ("MS Teams link will be sent with the calendar invite.", []),
    ("Lexia, Nessy and Toe by Toe have all been tried without much progress.", []),
    ("Autumn Term attendance 71.4%; Spring Term 64.2%.", []),
    ("Foster Carer and Social Worker agree that the current placement is stable.", []),
    ("Her key adult is the Learning Mentor, who sees her at 8:50 every day.", []),
    ("On 5th November she was sent home at 11.30 after a dysregulated episode.", []),
    (
        "Half termly data shows a rise in behaviour points: 14 in Autumn 1, 22 in Autumn 2.",
        [],
    ),
    ("He was moved to the Inclusion Base for 2 days in Week 3.", []),
    ("The Early Help Assessment was completed on 2 October 2024.", []),
    ("Children with a Social Worker cohort: Year 9, CP plan, EHCP in progress.", []),
    ("Tel. number for the SENCO is on the school website.", []),
    ("Ofsted URN 123456 is on the referral form but not needed here.", []),
    ("Year group: 10. Cohort: kinship care. Indicators: attendance, behaviour.", []),
    (
        "Sleep, food and routines are inconsistent at home, according to the Family Support "
        "Worker.",
        [],
    ),
    ("He recently turned 11 and is one of the youngest in the class.", []),
    ("We would like advice on reintegration after 6 weeks at the Pupil Referral Unit.", []),
    ("Attendance in 2024/25 was 78.3%, compared with 85.1% in 2023/24.", []),
    ("Over the 2025–2026 academic year we will review this termly.", []),
    ("Timetable: lessons 1–2 in the Hub, 3–4 in class, 5 in the library.", []),
    (
        "Behaviour points: 12 in September, 15 in October, 18 in November, 24 in December.",
        [],
    ),
    ("Week beginning 09/06/2025: 3 lates, 1 unauthorised absence.", []),
    # ------------------------------------------------------------------ names
    ("Jack Smith has not attended since the Easter holidays.", [("name", "Jack Smith")]),
    (
        "Olivia O'Brien in Year 8 has been refusing to go to lessons after lunch.",
        [("name", "Olivia O'Brien")],
    ),
    ("Mia Hughes-Jones was suspended for two days in October.", [("name", "Mia Hughes-Jones")]),
    (
        "Mrs Patel, the class teacher, has noticed she is withdrawn on Mondays.",
        [("name", "Mrs Patel")],
    ),
    ("Dr. Okafor from the EP service suggested Emotion Coaching.", [("name", "Dr. Okafor")]),
    (
        "Present: Sarah Jones (SENCO), Mr Ahmed (Head of Year), Mx Taylor (ELSA).",
        [("name", "Sarah Jones"), ("name", "Mr Ahmed"), ("name", "Mx Taylor")],
    ),
    (
        "Zainab Hussain is in kinship care with her aunt and has a CP plan.",
        [("name", "Zainab Hussain")],
    ),
    (
        "Kacper Nowak joined us from Poland in Year 5 and is settling well.",
        [("name", "Kacper Nowak")],
    ),
    (
        "Her brother, Tyrese Campbell, was permanently excluded last year.",
        [("name", "Tyrese Campbell")],
    ),
    ("Ms Begum has been his key adult since Reception.", [("name", "Ms Begum")]),
    ("Miss Jones ran the Lego Therapy group on Thursdays.", [("name", "Miss Jones")]),
    ("Aarav Sharma struggles with transitions between lessons.", [("name", "Aarav Sharma")]),
    ("The referral from Mrs O’Connor arrived on 3 March.", [("name", "Mrs O’Connor")]),
    (
        "Please speak to Freddie McKenzie's foster carer before the review.",
        [("name", "Freddie McKenzie")],
    ),
    ("Lily-Mae Brown finds the lunch hall overwhelming.", [("name", "Lily-Mae Brown")]),
    ("Amara Okonkwo has attended 52% of sessions this term.", [("name", "Amara Okonkwo")]),
    (
        "Social worker Gemma Whitfield will join the consultation online.",
        [("name", "Gemma Whitfield")],
    ),
    ("We think Oisín Murphy would benefit from the Nurture Group.", [("name", "Oisín Murphy")]),
    ("Mr Kowalski said the family have moved twice this year.", [("name", "Mr Kowalski")]),
    (
        "Ayaan Mahmood and his sister Inaya Mahmood both have a social worker.",
        [("name", "Ayaan Mahmood"), ("name", "Inaya Mahmood")],
    ),
    ("JACK SMITH – Year 9 – CIN plan", [("name", "JACK SMITH")]),
    ("The child is Harvey Thomas Wilson, Year 4.", [("name", "Harvey Thomas Wilson")]),
    (
        "Ellie-May Cartwright's attendance has improved to 91%.",
        [("name", "Ellie-May Cartwright")],
    ),
    (
        "Dr Nkechi Eze, the community paediatrician, is assessing for ADHD.",
        [("name", "Dr Nkechi Eze")],
    ),
    (
        "Tadhg Brennan has been on a part-time timetable since November.",
        [("name", "Tadhg Brennan")],
    ),
    ("Mrs Wiśniewska asked for the minutes in Polish.", [("name", "Mrs Wiśniewska")]),
    ("Kwabena Mensah (Year 10) was excluded for five days.", [("name", "Kwabena Mensah")]),
    ("Mr and Mrs Robinson are the kinship carers.", [("name", "Mrs Robinson")]),
    (
        "Sophie van der Berg is anxious about the move to secondary.",
        [("name", "Sophie van der Berg")],
    ),
    (
        "Daniel Adeyemi-Clarke's Boxall Profile shows low scores in the organisation of "
        "experience strand.",
        [("name", "Daniel Adeyemi-Clarke")],
    ),
    (
        "Riya Patel and Mrs Chaudhry have a good relationship.",
        [("name", "Riya Patel"), ("name", "Mrs Chaudhry")],
    ),
    ("Child's name: Charlie Evans", [("name", "Charlie Evans")]),
    (
        "Alfie Turner-Hughes was found in the toilets during lessons three times this week.",
        [("name", "Alfie Turner-Hughes")],
    ),
    ("Grace Okoro has been working with the ELSA since January.", [("name", "Grace Okoro")]),
    ("According to Mum, Hamza Iqbal sleeps only four hours a night.", [("name", "Hamza Iqbal")]),
    ("Ruby Li gets upset when the timetable changes.", [("name", "Ruby Li")]),
    (
        "Sean Murphy and Connor Walsh were involved in the fight.",
        [("name", "Sean Murphy"), ("name", "Connor Walsh")],
    ),
    ("Ms. Adebayo (DSL) has raised concerns about neglect.", [("name", "Ms. Adebayo")]),
    (
        "The new foster carers, Mr Hall and Ms Green, attended the TAC.",
        [("name", "Mr Hall"), ("name", "Ms Green")],
    ),
    (
        "Jayden Reid-Forbes now eats lunch with his key adult.",
        [("name", "Jayden Reid-Forbes")],
    ),
    (
        "Dear Virtual School, I am writing about Maja Kowalczyk in Year 2.",
        [("name", "Maja Kowalczyk")],
    ),
    ("Isabella Rossi loves drawing and animals.", [("name", "Isabella Rossi")]),
    ("Rayyan Ali was sent home at lunchtime on 4 February.", [("name", "Rayyan Ali")]),
    ("Would Mr. Dhillon be able to attend on Friday?", [("name", "Mr. Dhillon")]),
    ("Bethany Lloyd-Williams moved schools in Year 5.", [("name", "Bethany Lloyd-Williams")]),
    # ------------------------------------------------------------------ dates of birth
    ("DOB 12/03/2015, Year 5, kinship care.", [("dob", "12/03/2015")]),
    ("Date of birth: 12 March 2015.", [("dob", "12 March 2015")]),
    (
        "He was born on 4th July 2014 and is the youngest in the year.",
        [("dob", "4th July 2014")],
    ),
    ("D.O.B. 12.03.15 – please keep this on file.", [("dob", "12.03.15")]),
    (
        "Her birthday is 21 September, which is the day she went into care.",
        [("dob", "21 September")],
    ),
    ("Born 2015-03-12 in Bristol.", [("dob", "2015-03-12")]),
    (
        "The child (d.o.b. 03-11-2013) has been out of school since half term.",
        [("dob", "03-11-2013")],
    ),
    ("date of birth March 12 2015; EHCP in place", [("dob", "March 12 2015")]),
    ("Jack Smith, DOB 1/9/2016, Year 4", [("name", "Jack Smith"), ("dob", "1/9/2016")]),
    (
        "She was born on the 2nd of February 2012, so she is young for her year.",
        [("dob", "2nd of February 2012")],
    ),
    ("DoB: 30.08.2014", [("dob", "30.08.2014")]),
    (
        "Zara Ahmed (born 17 Nov 2013) has a CP plan.",
        [("name", "Zara Ahmed"), ("dob", "17 Nov 2013")],
    ),
    # ------------------------------------------------------------------ UPNs
    ("UPN B801200005001 is on the school's records.", [("upn", "B801200005001")]),
    ("Pupil number: U935201411023", [("upn", "U935201411023")]),
    ("Her UPN is V330412317045 and she is in Year 6.", [("upn", "V330412317045")]),
    (
        "Temporary UPN X30820011906A was issued when he arrived from abroad.",
        [("upn", "X30820011906A")],
    ),
    ("upn: g919250020114 (from SIMS)", [("upn", "g919250020114")]),
    ("Y212310118002 – Year 8 – EBSA", [("upn", "Y212310118002")]),
    ("The CTF shows L873200220093 as the UPN.", [("upn", "L873200220093")]),
    # ------------------------------------------------------------------ NHS numbers
    ("NHS number 692 174 2180 for the CAMHS referral.", [("nhs", "692 174 2180")]),
    ("NHS no. 4967929087", [("nhs", "4967929087")]),
    ("His NHS number is 693-834-7018.", [("nhs", "693-834-7018")]),
    (
        "GP letter quotes NHS 646 814 5384 and the surgery's address.",
        [("nhs", "646 814 5384")],
    ),
    (
        "Health: asthma, NHS number 6019161463, inhaler kept in the office.",
        [("nhs", "6019161463")],
    ),
    ("NHS No: 400 330 7666", [("nhs", "400 330 7666")]),
    # ------------------------------------------------------------------ postcodes
    ("The family moved to BS1 4DJ in the summer.", [("postcode", "BS1 4DJ")]),
    ("She lives near SW1A 1AA with her grandparents.", [("postcode", "SW1A 1AA")]),
    ("Address: 14 Elm Road, Leeds LS1 4AP", [("postcode", "LS1 4AP")]),
    ("postcode m1 1ae", [("postcode", "m1 1ae")]),
    (
        "Placement is in B33 8TH, which is 40 minutes from school.",
        [("postcode", "B33 8TH")],
    ),
    ("Moved from NE17RU to a new placement in the spring.", [("postcode", "NE17RU")]),
    (
        "Postcode: GIR 0AA (the family's forwarding address).",
        [("postcode", "GIR 0AA")],
    ),
    ("The taxi picks her up from CR2 6XH at 7:30.", [("postcode", "CR2 6XH")]),
    ("Kinship carer's postcode is DN55 1PT.", [("postcode", "DN55 1PT")]),
    # ------------------------------------------------------------------ phone numbers
    ("Mum's mobile is 07700 900123 if school needs her.", [("phone", "07700 900123")]),
    ("Call the foster carer on 07700900456.", [("phone", "07700900456")]),
    ("Dad can be reached on +44 7700 900789.", [("phone", "+44 7700 900789")]),
    ("Please ring Nan on 0117 496 0123 after 3pm.", [("phone", "0117 496 0123")]),
    ("Social worker's number: (01632) 960 001.", [("phone", "(01632) 960 001")]),
    ("The kinship carer's landline is 020 7946 0123.", [("phone", "020 7946 0123")]),
    (
        "Contact 0161 496 0000 (home) or 07700 900321 (Mum).",
        [("phone", "0161 496 0000"), ("phone", "07700 900321")],
    ),
    ("Tel: 0113 496 0999 ext 204", [("phone", "0113 496 0999")]),
    ("Aunt's number 07700-900-555", [("phone", "07700-900-555")]),
    # ------------------------------------------------------------------ email addresses
    ("Mum's email is jess.smith84@gmail.com.", [("email", "jess.smith84@gmail.com")]),
    (
        "Send the One Page Profile to carer.jones@outlook.com please.",
        [("email", "carer.jones@outlook.com")],
    ),
    (
        "Please copy in s.patel@bristol.gov.uk (social worker).",
        [("email", "s.patel@bristol.gov.uk")],
    ),
    ("Contact: SENCO@stannes.bristol.sch.uk", [("email", "SENCO@stannes.bristol.sch.uk")]),
    (
        "Dad emailed from dwayne_r@hotmail.co.uk asking about the exclusion.",
        [("email", "dwayne_r@hotmail.co.uk")],
    ),
    ("foster carers: the.hendersons@btinternet.com", [("email", "the.hendersons@btinternet.com")]),
    # ------------------------------------------------------------------ several at once
    (
        "Jack Smith, DOB 12/03/2015, UPN B801200005001, lives at BS1 4DJ.",
        [
            ("name", "Jack Smith"),
            ("dob", "12/03/2015"),
            ("upn", "B801200005001"),
            ("postcode", "BS1 4DJ"),
        ],
    ),
    (
        "Mrs Patel can be reached on 07700 900123 or patel.k@example.org.",
        [("name", "Mrs Patel"), ("phone", "07700 900123"), ("email", "patel.k@example.org")],
    ),
    (
        "Olivia Ahmed (NHS 4612310071) attends the clinic at 2pm on Tuesdays.",
        [("name", "Olivia Ahmed"), ("nhs", "4612310071")],
    ),
    (
        "Referral for Tyler Green, 16 Oak Street, M14 5RQ, tel 0161 496 0123.",
        [("name", "Tyler Green"), ("postcode", "M14 5RQ"), ("phone", "0161 496 0123")],
    ),
]

#: Written after the detector's first run on ``CORPUS``; not used to tune it.
HELD_OUT: list[Entry] = [
    ("Attendance since the start of Autumn 2 is 68.2%, with 14 unauthorised sessions.", []),
    ("The SFC is booked for Tuesday 15 November, 2–5 pm, online.", []),
    ("Mum and Dad are separated; Dad has contact every other weekend.", []),
    ("Grace under pressure is not something he has yet: small changes tip him over.", []),
    ("Victoria Park was the venue for the sports day where the incident happened.", []),
    ("Alexandra Palace trip caused a lot of anxiety beforehand.", []),
    ("Jordan said nothing during the session but drew a picture of his house.",
     [("name", "Jordan")]),
    ("Christian Aid week raised money; he helped run the cake stall.", []),
    ("Learning Support Assistant hours were increased from 10 to 15 per week.", []),
    ("The Anxiety Gremlin book and the Incredible 5 Point Scale have helped.", []),
    ('He said "Miss always shouts at me" when asked about maths.', []),
    ("Kooth and Childline numbers were shared with her.", []),
    ("Lunch with the Deputy Head on Fridays is a reward she values.", []),
    ("Year 11 mocks: English 4, Maths 3, Science 3-3.", []),
    ("The Team Teach de-escalation script was used twice in March.", []),
    ("On 3/4 days she is late; on the other days she arrives at 8:40.", []),
    ("Between 2019 and 2022 there were five school moves.", []),
    ("The move to Oak Class after Christmas went well.", []),
    ("Thrive sessions 1:1 for 30 minutes, 3x weekly, since 06/01/2025.", []),
    ("The Jack Petchey Award nomination gave him a real boost.", []),
    ("Mary Hare School and other specialist settings were considered.", []),
    ("Unauthorised absence: 23 sessions (11.5 days) this academic year.", []),
    ("Will the Virtual School fund a tutor for Key Stage 4?", []),
    ("Rose Hill Primary shared the records after the transfer.", []),
    ("ELSA sessions moved from Mondays to Wednesdays at 10.45.", []),
    ("Freya Mitchell has a CP plan and is in Year 3.", [("name", "Freya Mitchell")]),
    ("Harry Sanderson's attendance is 43%.", [("name", "Harry Sanderson")]),
    (
        "In the meeting Mrs Kaur (DSL) and Mr Evans (DT) agreed the actions.",
        [("name", "Mrs Kaur"), ("name", "Mr Evans")],
    ),
    (
        "Dr Fitzgerald-Hart, the CAMHS psychiatrist, will write to the GP.",
        [("name", "Dr Fitzgerald-Hart")],
    ),
    ("The new UPN is P207000016049 after the school move.", [("upn", "P207000016049")]),
    ("Temp UPN issued: D93520141102K", [("upn", "D93520141102K")]),
    ("Mum's number has changed to 07700 900987.", [("phone", "07700 900987")]),
    ("+44 117 496 0321 is the carer's number.", [("phone", "+44 117 496 0321")]),
    ("Grandad's email is bob.turner1950@yahoo.co.uk", [("email", "bob.turner1950@yahoo.co.uk")]),
    ("They are now living at WC2N 5DU.", [("postcode", "WC2N 5DU")]),
    ("Moved to BS5 9QP last month.", [("postcode", "BS5 9QP")]),
    ("DOB: 05/11/2016", [("dob", "05/11/2016")]),
    ("born 1st December 2013", [("dob", "1st December 2013")]),
    ("Her birthday is on 14th February.", [("dob", "14th February")]),
    ("NHS number: 461 231 0071", [("nhs", "461 231 0071")]),
    (
        "Yusuf Abdullahi and Ahmed Warsame are cousins in the same class.",
        [("name", "Yusuf Abdullahi"), ("name", "Ahmed Warsame")],
    ),
    ("Please send the invite to Kelly Marsh, social worker.", [("name", "Kelly Marsh")]),
    ("The child, Lucas Ferreira, moved from Portugal in 2023.", [("name", "Lucas Ferreira")]),
    ("Miss O'Sullivan has taken over as class teacher.", [("name", "Miss O'Sullivan")]),
    (
        "Kinship carer: Mrs Doreen Baxter, 0113 496 0555.",
        [("name", "Mrs Doreen Baxter"), ("phone", "0113 496 0555")],
    ),
    (
        "Contact social worker Chidi Okeke on 020 7946 0999 or chidi.okeke@lambeth.gov.uk.",
        [
            ("name", "Chidi Okeke"),
            ("phone", "020 7946 0999"),
            ("email", "chidi.okeke@lambeth.gov.uk"),
        ],
    ),
    ("Ellis Grant was excluded twice before Christmas.", [("name", "Ellis Grant")]),
    (
        "Tyler and Mason Brooks share a bedroom with their stepbrother.",
        [("name", "Mason Brooks")],
    ),
    ("Mr. Nguyen spoke to the family on Monday.", [("name", "Mr. Nguyen")]),
    ("Ms Hannah Okafor-Reid chaired the TAC.", [("name", "Ms Hannah Okafor-Reid")]),
]

#: Everything, for the targets the tests assert.
ALL: list[Entry] = CORPUS + HELD_OUT
