"""The benchmark's dataset: a county's years of Convene, built fast with bulk inserts.

A fresh SQLite file is made by the migrations, then filled with SQLAlchemy Core
`executemany` inserts. At scale 1: 600 schools, 3,000 users, 20,000 advice requests,
1,500 sessions with 4,500 slots, 10,000 outcomes, 20,000 TAC meetings and 60,000 actions.
Built files are cached in instance/bench/, keyed by the dataset's version, its scale and
the week (every time is laid out around that week's Monday, so slots stay in the future).
"""

import os
import random
import shutil
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import create_engine, event, insert, select

VERSION = 4  # 2: with migration 0007, the dashboard indexes; 3, 4: 0008, the queue indexes
ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "instance" / "bench"
PASSWORD = "bench-convene-password-2026"
SLOTS_PER_SESSION = 3
SLOT_MINUTES, GAP_MINUTES = 50, 10
FUTURE_SHARE = 0.10  # of sessions: the rest are the service's history
CHUNK = 5000


@dataclass(frozen=True)
class Sizes:
    schools: int
    users: int
    children: int
    requests: int
    sessions: int
    outcomes: int
    tac_meetings: int
    actions: int

    @classmethod
    def at(cls, scale: float) -> "Sizes":
        full = {"schools": 600, "users": 3000, "children": 15000, "requests": 20000,
                "sessions": 1500, "outcomes": 10000, "tac_meetings": 20000, "actions": 60000}
        return cls(**{name: max(6, round(count * scale)) for name, count in full.items()})


@dataclass(frozen=True)
class Targets:
    """Who signs in, and which records the benchmark's pages show."""

    admin_email: str
    staff_email: str
    password: str
    child_reference: str
    request_id: int
    pdf_booking_id: int
    ics_booking_id: int


def monday(today: date | None = None) -> date:
    today = today or datetime.now(UTC).date()
    return today - timedelta(days=today.weekday())


def path_for(scale: float, week_of: date | None = None) -> Path:
    start = monday(week_of)
    label = f"{scale:g}".replace(".", "_")
    return CACHE / f"convene-v{VERSION}-scale{label}-{start.isoformat()}.db"


def build(scale: float, log=print) -> Path:
    """The cached database file for this scale and week, built first if need be."""
    path = path_for(scale)
    if path.exists():
        return path
    CACHE.mkdir(parents=True, exist_ok=True)
    label = f"{scale:g}".replace(".", "_")
    for old in CACHE.glob(f"convene-v*-scale{label}-*.db*"):
        old.unlink()
    building = path.with_suffix(".building")
    building.unlink(missing_ok=True)
    log(f"Building the scale {scale:g} dataset in {path.relative_to(ROOT)} ...")
    _migrate(building)
    _fill(building, Sizes.at(scale), monday())
    building.rename(path)
    return path


def working_copy(path: Path) -> Path:
    """A copy to run against, so the audit rows a run writes never reach the cache; one per
    process, so that two runs at once do not pull each other's file away."""
    copy = path.with_name(f"{path.stem}-run-{os.getpid()}.sqlite")
    remove_copy(copy)
    shutil.copyfile(path, copy)
    return copy


def remove_copy(copy: Path) -> None:
    """A working copy gone, with the write-ahead log and shared memory files SQLite left."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{copy}{suffix}").unlink(missing_ok=True)


def _migrate(path: Path) -> None:
    from flask_migrate import upgrade

    from app import create_app

    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}", "SECRET_KEY": "bench"})
    with app.app_context():
        upgrade()
        from app.extensions import db

        db.engine.dispose()


# Filling it -----------------------------------------------------------------------------------

def _fill(path: Path, sizes: Sizes, week: date) -> None:
    from app.extensions import db
    from app.services.passwords import hash_password

    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _fast(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA synchronous=OFF")
        cursor.execute("PRAGMA foreign_keys=OFF")
        cursor.close()

    tables = db.metadata.tables
    with engine.begin() as connection:
        # The migrations seed the controlled list of themes: requests and outcomes use it.
        theme_ids = list(connection.execute(select(tables["theme"].c.id)).scalars())
        rows = _Generator(sizes, week, hash_password(PASSWORD), theme_ids).rows()
        for name, batch in rows:
            if batch and any(key.startswith("_") for key in batch[0]):
                batch = [{k: v for k, v in row.items() if not k.startswith("_")}
                         for row in batch]
            for start in range(0, len(batch), CHUNK):
                connection.execute(insert(tables[name]), batch[start:start + CHUNK])
    engine.dispose()


def _at(day: date, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)


def _working_days(start: date, step: int):
    day = start
    while True:
        day += timedelta(days=step)
        if day.weekday() < 5:
            yield day


PHASES = ["primary"] * 5 + ["secondary"] * 3 + ["early_years", "special",
                                                 "alternative_provision", "all_through",
                                                 "post_16"]
YEARS = ["reception"] + [f"year_{n}" for n in range(1, 12)]
COHORTS = ["child_in_need", "child_protection", "previously_had_social_worker",
           "child_in_care", "previously_looked_after", "kinship_care"]
INDICATORS = ["wellbeing", "attendance", "attainment", "behaviour", "engagement"]
JOBS = ["SENCO", "Designated Teacher", "DSL", "Key adult", "Head teacher", "Pastoral lead"]
WHAT = ["Meet and greet with the key adult each morning",
        "Share the visual timetable with home each Friday",
        "Ask the social worker to join the next review",
        "Try a five-minute check-in after lunch",
        "Agree a calm space the child can ask for",
        "Review the reduced timetable with the family"]
TEXT = ("The team talked about what is going well and the small steps that would help next. "
        "Everyone agreed to keep the routines that work and to meet again in six weeks.")
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def _child_reference(n: int) -> str:
    digits = []
    for _ in range(6):
        n, rest = divmod(n, 32)
        digits.append(_ALPHABET[rest])
    return "C-" + "".join(reversed(digits))


class _Generator:
    """Every table's rows, in an order the foreign keys accept; ids given here."""

    def __init__(self, sizes: Sizes, week: date, password_hash: str, theme_ids: list[int]):
        self.sizes, self.week, self.hash, self.theme_ids = sizes, week, password_hash, theme_ids
        self.rng = random.Random(20261125)
        self.now = _at(week)
        self.counters: dict[str, int] = {}

    def _reference(self, prefix: str, year: int) -> str:
        number = self.counters[prefix] = self.counters.get(prefix, 0) + 1
        return f"{prefix}-{year}-{number:04d}"

    def rows(self):
        yield "school", self._schools()
        yield "user_account", self._users()
        yield "child_record", self._children()
        sessions, slots = self._sessions()
        yield "consultation_session", sessions
        yield "slot", slots
        yield from self._requests_and_bookings(slots)
        yield from self._outcomes()
        yield from self._tac_meetings()
        yield "reference_counter", [
            {"prefix": prefix, "year": year, "last": last}
            for prefix, last in self.counters.items()
            for year in range(self.now.year - 4, self.now.year + 2)]

    # People and places ------------------------------------------------------------------------

    def _schools(self):
        n = self.sizes.schools
        self.school_ids = list(range(1, n + 1))
        return [{"id": i, "name": f"Bench School {i:03d}", "urn": f"{800000 + i}",
                 "phase": PHASES[i % len(PHASES)], "local_authority": "Convene County Council"}
                for i in self.school_ids]

    def _users(self):
        n = self.sizes.users
        admins, advisors = 2, max(1, n // 300)
        eps, social_workers = max(2, n // 100), max(2, n // 20)
        rows, uid = [], 0

        def add(role, email, name, job, school_id=None):
            nonlocal uid
            uid += 1
            rows.append({"id": uid, "email": email, "name": name, "role": role,
                         "job_title": job, "school_id": school_id, "active": True,
                         "password_hash": self.hash, "created_at": self.now,
                         "session_version": 1})
            return uid

        self.admin_ids = [add("vs_admin", f"admin{i}@vs.bench.test", f"Admin {i}",
                              "Head of Virtual School") for i in range(admins)]
        self.advisor_ids = [add("vs_advisor", f"advisor{i}@vs.bench.test", f"Advisor {i}",
                                "Advisory teacher") for i in range(advisors)]
        self.ep_ids = [add("educational_psychologist", f"ep{i}@eps.bench.test", f"Dr EP {i}",
                           "Educational psychologist") for i in range(eps)]
        self.social_workers = [
            (add("social_worker", f"sw{i}@care.bench.test", f"Social Worker {i}",
                 "Social worker"), f"sw{i}@care.bench.test", f"Social Worker {i}")
            for i in range(social_workers)]
        self.staff: dict[int, list[tuple[int, str, str]]] = {s: [] for s in self.school_ids}
        for i in range(n - len(rows)):
            school = self.school_ids[i % len(self.school_ids)]
            email, name = f"staff{i}@school{school}.bench.test", f"Staff Member {i}"
            self.staff[school].append((add("school_staff", email, name, JOBS[i % len(JOBS)],
                                           school), email, name))
        return rows

    def _children(self):
        self.children: dict[int, list[int]] = {s: [] for s in self.school_ids}
        self.child_school = {}
        rows = []
        for i in range(1, self.sizes.children + 1):
            school = self.school_ids[(i - 1) % len(self.school_ids)]
            self.children[school].append(i)
            self.child_school[i] = school
            rows.append({"id": i, "reference": _child_reference(i * 7919 + 12345),
                         "school_id": school, "initials": "AB"[i % 2] + "CDEFG"[i % 5],
                         "year_group": YEARS[i % len(YEARS)], "cohort": COHORTS[i % len(COHORTS)],
                         "sen_status": ("none", "sen_support", "ehcp")[i % 3],
                         "created_at": self.now - timedelta(days=900)})
        return rows

    # Sessions and slots -----------------------------------------------------------------------

    def _sessions(self):
        total = self.sizes.sessions
        future = max(3, round(total * FUTURE_SHARE))
        days = ([d for d, _ in zip(_working_days(self.week, -1), range((total - future + 1) // 2),
                                   strict=False)][::-1]
                + [d for d, _ in zip(_working_days(self.week + timedelta(days=6), 1),
                                     range((future + 1) // 2), strict=False)])
        starts = [(day, hour) for day in days for hour in (9, 13)]
        past_starts = [s for s in starts if _at(s[0]) < self.now][-(total - future):]
        future_starts = [s for s in starts if _at(s[0]) >= self.now][:future]
        sessions, slots = [], []
        for sid, (day, hour) in enumerate(past_starts + future_starts, start=1):
            begin = _at(day, hour)
            online = sid % 3 != 0
            sessions.append({
                "id": sid, "starts_at": begin,
                "ends_at": begin + timedelta(minutes=SLOTS_PER_SESSION * (SLOT_MINUTES
                                                                          + GAP_MINUTES)),
                "mode": "online" if online else "in_person",
                "meeting_url": "https://meet.example.test/sfc" if online else None,
                "venue": None if online else "County Hall, Room 2",
                "educational_psychologist_id": self.ep_ids[sid % len(self.ep_ids)],
                "advisor_id": self.advisor_ids[sid % len(self.advisor_ids)],
                "slot_minutes": SLOT_MINUTES, "gap_minutes": GAP_MINUTES,
                "status": "published", "created_by_id": self.admin_ids[0],
                "created_at": begin - timedelta(days=90), "series_key": None})
            for position in range(SLOTS_PER_SESSION):
                slot_start = begin + timedelta(minutes=position * (SLOT_MINUTES + GAP_MINUTES))
                slots.append({"id": len(slots) + 1, "session_id": sid, "starts_at": slot_start,
                              "ends_at": slot_start + timedelta(minutes=SLOT_MINUTES),
                              "position": position})
        self.session_ep = {row["id"]: row["educational_psychologist_id"] for row in sessions}
        self.future_session_ids = [row["id"] for row in sessions if row["starts_at"] >= self.now]
        return sessions, slots

    # Requests and bookings --------------------------------------------------------------------

    def _requests_and_bookings(self, slots):
        rng, now = self.rng, self.now
        past = [s for s in slots if s["starts_at"] < now]
        future = [s for s in slots if s["starts_at"] >= now]
        first_future, last_future = self.future_session_ids[0], self.future_session_ids[-1]
        booked_future = []
        for i, slot in enumerate(future):
            # Sessions book up quickly: the soonest are full, the last one is all free.
            if slot["session_id"] == last_future:
                continue
            if slot["session_id"] == first_future or rng.random() < 0.95 - 0.6 * i / len(future):
                booked_future.append(slot)

        n = self.sizes.requests
        plan = (["consulted"] * len(past) + ["booked"] * len(booked_future)
                + ["accepted"] * round(n * 0.04) + ["submitted"] * round(n * 0.08)
                + ["declined"] * round(n * 0.05) + ["draft"] * round(n * 0.08))
        plan += ["closed"] * max(0, n - len(plan))
        benchmark_school = self.school_ids[0]
        requests, events, themes, indicators = [], [], [], []
        bookings, attendees = [], []
        self.live_past_bookings = []
        consulted_ids = []
        slot_for = iter(past + booked_future)
        placed = {"booked": 0, "accepted": 0}
        for rid, status in enumerate(plan[:n], start=1):
            # The benchmark's school gets a few of what its pages list.
            if status in placed and placed[status] < 3:
                placed[status] += 1
                school = benchmark_school
            else:
                school = self.school_ids[rng.randrange(len(self.school_ids))]
            child = rng.choice(self.children[school])
            author = rng.choice(self.staff[school])[0]
            slot = next(slot_for) if status in ("consulted", "booked") else None
            if slot is not None:
                submitted = slot["starts_at"] - timedelta(days=rng.randint(20, 80))
            elif status in ("submitted", "accepted"):
                submitted = now - timedelta(days=rng.randint(1, 40), hours=rng.randint(0, 20))
            else:
                submitted = now - timedelta(days=rng.randint(30, 950), hours=rng.randint(0, 20))
            row = self._request(rid, status, school, child, author, submitted)
            requests.append(row)
            events += self._events(rid, status, row, author)
            themes += [{"request_id": rid, "theme_id": t}
                       for t in rng.sample(self.theme_ids, rng.randint(1, 3))]
            indicators += [{"request_id": rid, "indicator": each}
                           for each in rng.sample(INDICATORS, rng.randint(1, 3))]
            if slot is not None:
                booking = self._booking(len(bookings) + 1, slot, row, author, submitted)
                bookings.append(booking)
                attendees += self._booking_attendees(booking, school)
                if status == "consulted":
                    consulted_ids.append(rid)
                    self.live_past_bookings.append((booking, row))
        # Earlier bookings, cancelled and rebooked: enough for every outcome to have one.
        by_id = {row["id"]: row for row in requests}
        self.cancelled_bookings = []
        for _ in range(max(0, self.sizes.outcomes - len(self.live_past_bookings))):
            row = by_id[rng.choice(consulted_ids)]
            booking = self._booking(len(bookings) + 1, rng.choice(past), row,
                                    row["created_by_id"], row["submitted_at"])
            booking.update(status="cancelled", cancelled_by_id=row["created_by_id"],
                           cancelled_at=booking["booked_at"] + timedelta(days=3),
                           cancel_reason="The key adult was ill on the day")
            bookings.append(booking)
            attendees += self._booking_attendees(booking, row["school_id"])
            self.cancelled_bookings.append((booking, row))
        yield "advice_request", requests
        yield "advice_request_event", events
        yield "advice_request_theme", themes
        yield "advice_request_indicator", indicators
        yield "booking", bookings
        yield "booking_attendee", attendees

    def _request(self, rid, status, school, child, author, submitted):
        rng = self.rng
        route = None
        if status in ("consulted", "booked", "accepted"):
            route = "consultation" if status != "accepted" or rid % 4 else "written_advice"
        elif status == "closed":
            route = rng.choice(["written_advice", "signpost", "consultation"])
        sent = status != "draft"
        return {
            "id": rid, "status": status, "school_id": school, "child_id": child,
            "reference": self._reference("AR", submitted.year) if sent else None,
            "created_by_id": author, "created_at": submitted - timedelta(days=1),
            "updated_at": submitted, "submitted_at": submitted if sent else None,
            "attendance_percent": rng.randint(55, 98),
            "tried": "A key adult meets the child at the gate and checks in at lunch.",
            "tried_for": "6 weeks", "support_wanted": "consultation",
            "question": "How can we help the child settle in the mornings?",
            "social_worker": "allocated_involved", "consent_given_by": "parent",
            "consent_date": (submitted - timedelta(days=7)).date(),
            "consent_scope": "Advice from the Virtual School and a consultation.",
            "consent_confirmed": True, "route": route,
            "decline_reason": ("Outside the Virtual School's duty: try the SEND team"
                               if status == "declined" else None),
            "written_advice": (TEXT if status == "closed" and route != "consultation"
                               else None),
            "written_advice_by_id": (self.advisor_ids[0] if status == "closed"
                                     and route != "consultation" else None),
            "written_advice_at": (submitted + timedelta(days=10) if status == "closed"
                                  and route != "consultation" else None),
        }

    def _events(self, rid, status, row, author):
        steps = {"draft": [], "submitted": ["submitted"], "declined": ["submitted", "declined"],
                 "accepted": ["submitted", "accepted"],
                 "booked": ["submitted", "accepted", "booked"],
                 "consulted": ["submitted", "accepted", "booked", "consulted"],
                 "closed": ["submitted", "accepted", "closed"]}[status]
        rows, before = [], "draft"
        for i, step in enumerate(steps):
            actor = author if step == "submitted" else self.advisor_ids[0]
            rows.append({"request_id": rid, "at": row["submitted_at"] + timedelta(days=2 * i),
                         "actor_id": actor, "from_status": before, "to_status": step,
                         "note": "Route: consultation" if step == "accepted" else None})
            before = step
        return rows

    def _booking(self, bid, slot, request_row, author, submitted):
        booked_at = min(submitted + timedelta(days=5), slot["starts_at"] - timedelta(days=2))
        return {"id": bid, "reference": self._reference("SFC", booked_at.year),
                "uid": f"booking-{bid}@convene.bench.test", "sequence": 0, "status": "booked",
                "slot_id": slot["id"], "request_id": request_row["id"],
                "school_id": request_row["school_id"], "booked_by_id": author,
                "booked_at": booked_at, "slot_chosen_at": booked_at, "cancelled_at": None,
                "cancelled_by_id": None, "cancel_reason": None,
                "_session_id": slot["session_id"], "_starts_at": slot["starts_at"]}

    def _booking_attendees(self, booking, school):
        _, email, name = self.rng.choice(self.staff[school])
        sw_id, sw_email, sw_name = self.rng.choice(self.social_workers)
        when = booking["booked_at"]
        return [
            {"booking_id": booking["id"], "kind": "school_staff", "name": name,
             "job_role": "SENCO", "email": email, "user_id": None, "added_at": when,
             "removed_at": None},
            {"booking_id": booking["id"], "kind": "social_worker", "name": sw_name,
             "job_role": "Social worker", "email": sw_email, "user_id": sw_id,
             "added_at": when, "removed_at": None}]

    # Outcomes, TAC meetings, actions ----------------------------------------------------------

    def _outcomes(self):
        rng = self.rng
        outcomes, attendees, themes, amendments, actions = [], [], [], [], []
        chosen = (self.live_past_bookings + self.cancelled_bookings)[:self.sizes.outcomes]
        per_outcome = max(1, round(self.sizes.actions / 3 / max(1, len(chosen))))
        self.actions = []
        for oid, (booking, request_row) in enumerate(chosen, start=1):
            held = booking["_starts_at"]
            final = oid % 10 != 0
            ep = self.session_ep[booking["_session_id"]]
            outcomes.append({
                "id": oid, "booking_id": booking["id"], "request_id": request_row["id"],
                "child_id": request_row["child_id"], "school_id": request_row["school_id"],
                "status": "final" if final else "draft", "best_hopes": TEXT,
                "already_working": TEXT, "strengths": "Kind, curious, loves football.",
                "scale_now": rng.randint(2, 8),
                "one_point_higher": "Arriving calmly three days out of five.",
                "next_step": "follow_up", "follow_up_on": (held + timedelta(days=42)).date(),
                "social_worker_attended": rng.random() < 0.6, "recorded_by_id": ep,
                "created_at": held, "updated_at": held,
                "finalised_at": held + timedelta(days=1) if final else None,
                "summary_sent_at": held + timedelta(days=1) if final else None})
            attendees += [
                {"outcome_id": oid, "name": "Staff Member", "job_role": "SENCO",
                 "email": None, "is_social_worker": False},
                {"outcome_id": oid, "name": "Social Worker", "job_role": "Social worker",
                 "email": None, "is_social_worker": True}]
            themes += [{"outcome_id": oid, "theme_id": t}
                       for t in rng.sample(self.theme_ids, 2)]
            if final and oid % 20 == 1:
                amendments.append({"outcome_id": oid, "text": "The follow-up date moved.",
                                   "by_id": ep, "at": held + timedelta(days=3)})
            for n in range(per_outcome):
                actions.append(self._action(request_row["child_id"], request_row["school_id"],
                                            held, n, outcome_id=oid))
        yield "consultation_outcome", outcomes
        yield "outcome_attendee", attendees
        yield "consultation_outcome_theme", themes
        yield "outcome_amendment", amendments
        self.actions = actions

    def _action(self, child, school, held, n, outcome_id=None, tac_meeting_id=None):
        due = (held + timedelta(days=14 + 14 * n)).date()
        done = due <= self.now.date() and self.rng.random() < 0.7
        return {"child_id": child, "school_id": school, "outcome_id": outcome_id,
                "tac_meeting_id": tac_meeting_id, "what": WHAT[n % len(WHAT)],
                "who_role": JOBS[n % len(JOBS)], "who_name": f"Person {n}", "due_on": due,
                "done_on": due - timedelta(days=2) if done else None,
                "done_by_id": None, "created_at": held}

    def _tac_meetings(self):
        rng, now = self.rng, self.now
        meetings, attendees = [], []
        actions = self.actions
        remaining = max(0, self.sizes.actions - len(actions))
        held = sum(1 for mid in range(1, self.sizes.tac_meetings + 1) if mid % 7)
        per_meeting = remaining / max(1, held)
        n_held = 0
        children = [c for kids in self.children.values() for c in kids]
        for mid in range(1, self.sizes.tac_meetings + 1):
            child = rng.choice(children)
            school = self.child_school[child]
            future = mid % 7 == 0  # one in seven is still to come
            day = (now + timedelta(days=rng.randint(7, 90)) if future
                   else now - timedelta(days=rng.randint(1, 900)))
            start = _at(day.date(), 15, 30)
            meetings.append({
                "id": mid, "reference": self._reference("TAC", start.year), "child_id": child,
                "school_id": school, "status": "scheduled" if future else "held",
                "starts_at": start, "ends_at": start + timedelta(hours=1),
                "location": "Meeting room 1", "meeting_url": None,
                "uid": f"tac-{mid}@convene.bench.test", "sequence": 0,
                "key_adult": "Class teacher", "supportive_adults": "Teaching assistant",
                "academic_progress": None if future else TEXT,
                "attainment": None if future else TEXT, "attendance": None if future else TEXT,
                "wellbeing": None if future else TEXT, "belonging": None if future else TEXT,
                "aspirations": None if future else TEXT,
                "next_review_on": (start + timedelta(days=42)).date(),
                "created_by_id": self.staff[school][0][0], "created_at": start,
                "updated_at": start})
            attendees += [{"meeting_id": mid, "name": "Class Teacher", "job_role": "Teacher",
                           "agency": "School", "email": None},
                          {"meeting_id": mid, "name": "Family Worker", "job_role": "Worker",
                           "agency": "Early Help", "email": None}]
            if not future:
                n_held += 1
                wanted = int(per_meeting * n_held) - int(per_meeting * (n_held - 1))
                actions += [self._action(child, school, start, n, tac_meeting_id=mid)
                            for n in range(wanted)]
        yield "tac_meeting", meetings
        yield "tac_attendee", attendees
        yield "agreed_action", actions


# What the benchmark shows ---------------------------------------------------------------------

def targets(path: Path) -> Targets:
    """The records the key pages are asked for, chosen from the built database."""
    from app.extensions import db
    from app.models import (
        Action,
        AdviceRequest,
        Booking,
        ChildRecord,
        ConsultationOutcome,
        Role,
        Slot,
        User,
    )

    engine = create_engine(f"sqlite:///{path}")
    now = datetime.now(UTC)
    with engine.connect() as connection:
        one = connection.execute
        admin = one(select(User.email).where(User.role == Role.VS_ADMIN)
                    .order_by(User.id)).scalar()
        staff_email, school_id = one(
            select(User.email, User.school_id).where(User.role == Role.SCHOOL_STAFF)
            .order_by(User.school_id, User.id)).first()
        child = one(select(ChildRecord.reference)
                    .join(Action, Action.child_id == ChildRecord.id)
                    .where(ChildRecord.school_id == school_id)
                    .group_by(ChildRecord.id)
                    .order_by(db.func.count(Action.id).desc(), ChildRecord.id)).scalar()
        request_id = one(select(AdviceRequest.id)
                         .where(AdviceRequest.status == "booked")
                         .order_by(AdviceRequest.id)).scalar()
        pdf_booking = one(select(Booking.id)
                          .join(ConsultationOutcome, ConsultationOutcome.booking_id == Booking.id)
                          .where(ConsultationOutcome.status == "final",
                                 Booking.status == "booked")
                          .order_by(Booking.id)).scalar()
        ics_booking = one(select(Booking.id).join(Slot, Slot.id == Booking.slot_id)
                          .where(Booking.school_id == school_id, Booking.status == "booked",
                                 Slot.starts_at > now)
                          .order_by(Booking.id)).scalar()
    engine.dispose()
    return Targets(admin, staff_email, PASSWORD, child, request_id, pdf_booking, ics_booking)
