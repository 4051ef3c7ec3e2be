"""Password hashing with Argon2id, and the rules a new password must meet."""

import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()
# Made at start-up, so the first unknown email does not take longer than the next.
_stand_in = (_hasher, _hasher.hash(secrets.token_urlsafe(32)))

MIN_LENGTH = 12


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def _stand_in_hash() -> str:
    """A hash of a random secret, made once per process with the users' own cost: checked
    when there is no real hash, so an unknown email takes as long as a wrong password."""
    global _stand_in
    if _stand_in[0] is not _hasher:  # the tests swap in a cheaper hasher
        _stand_in = (_hasher, _hasher.hash(secrets.token_urlsafe(32)))
    return _stand_in[1]


def verify_password(password_hash: str | None, password: str) -> bool:
    """Always checks a hash, even with none to check (an unknown or unfinished account)."""
    try:
        return _hasher.verify(password_hash or _stand_in_hash(), password) and bool(password_hash)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)
