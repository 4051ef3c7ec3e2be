"""A wrong email costs the same work as a wrong password: a hash is always checked, so how
long sign-in takes does not tell anyone which emails have accounts."""

import pytest
from argon2 import PasswordHasher

from app.models import Role
from app.services import passwords
from tests.conftest import PASSWORD, make_user


class CountingHasher(PasswordHasher):
    """The tests' cheap hasher, counting the hashes it checks."""

    def __init__(self):
        super().__init__(time_cost=1, memory_cost=1024, parallelism=1)
        self.verified = []

    def verify(self, hash, password):  # noqa: A002 (argon2's name)
        self.verified.append(hash)
        return super().verify(hash, password)


@pytest.fixture
def hasher(monkeypatch):
    counting = CountingHasher()
    monkeypatch.setattr(passwords, "_hasher", counting)
    return counting


def test_unknown_email_checks_a_hash_like_a_known_one(client, hasher):
    user = make_user(Role.VS_ADVISOR)
    client.post("/sign-in", data={"email": user.email, "password": "wrong password"})
    client.post("/sign-in", data={"email": "nobody@example.test", "password": "wrong password"})
    assert len(hasher.verified) == 2
    known, unknown = hasher.verified
    assert unknown != known
    # The stand-in is a real Argon2id hash with the same cost as the users' own.
    assert unknown.startswith("$argon2id$")
    assert unknown.split("$")[3] == known.split("$")[3]


def test_deactivated_account_and_account_without_password_check_a_hash_too(client, hasher):
    gone = make_user(active=False)
    new = make_user(password_hash=None)
    for email in (gone.email, new.email):
        response = client.post("/sign-in", data={"email": email, "password": PASSWORD})
        assert response.status_code == 400
    assert len(hasher.verified) == 2


def test_the_stand_in_hash_is_made_once(client, hasher):
    for _ in range(3):
        client.post("/sign-in", data={"email": "nobody@example.test", "password": "x"})
    assert len(set(hasher.verified)) == 1


def test_the_stand_in_hash_never_signs_anyone_in(client, hasher):
    client.post("/sign-in", data={"email": "nobody@example.test", "password": "x"})
    stand_in = hasher.verified[0]
    assert passwords.verify_password(None, "x") is False
    assert passwords.verify_password(stand_in, "not a real password") is False
