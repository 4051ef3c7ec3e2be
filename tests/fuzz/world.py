"""The world the fuzz suite works in: Convene's demo data (a user of every role, schools,
children, a sent request, sessions, a booking, a consultation awaiting its outcome, a TAC
meeting awaiting notes) and a little more, so that every page has a record to show and every
form a record to change; one signed-in browser per role; and putting the people back when a
fuzzed form has deactivated, demoted or signed out one of them."""

import hashlib
from dataclasses import dataclass
from datetime import timedelta

from app.auth.tokens import make_set_password_token
from app.demo import DEMO_PASSWORD, DEMO_USERS, load_demo_data
from app.extensions import db
from app.models import (
    Action,
    ChildRecord,
    OutboxMessage,
    OutboxStatus,
    Role,
    Route,
    TacMeeting,
    Theme,
    User,
    WebSession,
)
from app.models.types import utcnow
from app.services import feeds, request_workflow, two_factor, waiting_list
from app.services.passwords import hash_password
from tests.booking.factories import make_full_session
from tests.conftest import make_child, make_request, make_theme, make_user, sign_in_with
from tests.outcomes.factories import form_data as outcome_form
from tests.outcomes.factories import held_booking
from tests.profiles.factories import make_version

ANONYMOUS = "anonymous"
# The person each role signs in as: the demo's.
PEOPLE = {demo.role: demo.email for demo in DEMO_USERS if demo.email != "dsl@convene.test"}


@dataclass
class Person:
    role: Role
    email: str
    name: str
    school_id: int | None
    user_id: int = 0


class World:
    def __init__(self, app):
        self.app = app
        self.people: dict[Role, Person] = {}
        self.clients = {}
        self.tokens: dict[str, list[str]] = {}

    def build(self) -> None:
        for name in ("Attendance", "Anxiety", "Transition", "Belonging", "Friendships",
                     "Sleep", "Emotional regulation", "Exclusion"):
            make_theme(name)
        make_theme("An old theme", active=False)
        load_demo_data()
        for role, email in PEOPLE.items():
            user = db.session.scalar(db.select(User).filter_by(email=email))
            self.people[role] = Person(role, email, user.name, user.school_id, user.id)
        senco = self.user(Role.SCHOOL_STAFF)
        school = senco.school
        # A draft to finish, a profile to change, an action to tick off.
        make_request(make_child(school, initials="DR"), sent=False, by=senco)
        child = db.session.scalar(db.select(ChildRecord).filter_by(reference="C-7F3K2Q"))
        make_version(child, senco)
        make_version(child, senco)
        meeting = db.session.scalar(db.select(TacMeeting).filter_by(child_id=child.id))
        db.session.add(Action(child_id=child.id, school_id=school.id,
                              tac_meeting_id=meeting.id, what="Check in each morning",
                              who_role="Key adult", who_name="Mrs Green",
                              due_on=utcnow().date() + timedelta(days=7)))
        # A full session, with the demo's request still to book waiting for it.
        session, _bookings = make_full_session(utcnow() + timedelta(days=60), slots=1)
        waiting = make_request(make_child(school, initials="WL"), by=senco)
        request_workflow.accept(waiting, Route.CONSULTATION, by=self.user(Role.VS_ADMIN))
        waiting_list.join(session, waiting, senco)
        # A consultation held yesterday whose outcome has been sent (to amend), by the EP.
        self._sent_outcome(school)
        # A message that failed, to try again; a calendar feed; a set-password link.
        message = db.session.scalar(db.select(OutboxMessage).limit(1))
        message.status = OutboxStatus.FAILED
        _feed, feed_token = feeds.create_feed(senco)
        newcomer = make_user(Role.SOCIAL_WORKER, password_hash=None, name="New Person")
        db.session.commit()
        self.tokens = {"token": [make_set_password_token(newcomer), feed_token]}
        for role in self.people:
            self.clients[role] = self.app.test_client()
            self.sign_in(role)

    def _sent_outcome(self, school) -> None:
        ep = self.user(Role.EDUCATIONAL_PSYCHOLOGIST)
        booking = held_booking(ep, day=-1, school=school)
        client = self.app.test_client()
        assert sign_in_with(client, ep, DEMO_PASSWORD).status_code == 302
        response = client.post(f"/bookings/{booking.id}/outcome/edit",
                               data=outcome_form(booking, finalise=True))
        assert response.status_code == 302, response.text
        client.post("/sign-out")

    def user(self, role: Role) -> User:
        return db.session.scalar(db.select(User).filter_by(email=PEOPLE[role]))

    def client(self, role):
        if role == ANONYMOUS:
            return self.app.test_client()
        return self.clients[role]

    def sign_in(self, role: Role) -> None:
        user = db.session.get(User, self.people[role].user_id)
        response = sign_in_with(self.clients[role], user, DEMO_PASSWORD)
        assert response.status_code == 302, response.text

    def put_people_back(self) -> None:
        """Undo what fuzzed forms did to the people the browsers sign in as: each active,
        with their role, school, email and password, and signed in."""
        db.session.rollback()
        for role, person in self.people.items():
            user = db.session.get(User, person.user_id)
            wanted = {"active": True, "role": person.role, "school_id": person.school_id,
                      "email": person.email}
            changed = {key: value for key, value in wanted.items()
                       if getattr(user, key) != value}
            if two_factor.must_set_up(user):
                changed["two_factor"] = "reset"  # sign_in_with sets it up again
            if changed or user.password_hash is None:
                for key, value in changed.items():
                    if key in wanted:
                        setattr(user, key, value)
                user.password_hash = hash_password(DEMO_PASSWORD)
                db.session.commit()
            if changed or not self._signed_in(role):
                self.clients[role] = self.app.test_client()
                self.sign_in(role)

    def _signed_in(self, role: Role) -> bool:
        """The browser's session is still there, signed in as its person (read from the
        database: asking for a page each time would cost as much as the fuzzing)."""
        cookie = self.clients[role].get_cookie("convene_session")
        if cookie is None:
            return False
        row = db.session.get(WebSession, hashlib.sha256(cookie.value.encode()).hexdigest())
        signed_in = row is not None and row.user_id == self.people[role].user_id
        db.session.rollback()
        return signed_in

    def themes(self) -> list[int]:
        return list(db.session.scalars(db.select(Theme.id)))
