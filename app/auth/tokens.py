"""One-time links to set a password, for new users and password resets."""

import hashlib

from flask import current_app
from itsdangerous import BadSignature, URLSafeTimedSerializer

from app.extensions import db
from app.models import User

_SALT = "convene-set-password"


def _fingerprint(user: User) -> str:
    # Changes when the password does, so a link works once.
    source = f"{user.password_hash or '-'}:{user.session_version}"
    return hashlib.sha256(source.encode()).hexdigest()[:16]


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=_SALT)


def make_set_password_token(user: User) -> str:
    return _serializer().dumps({"user": user.id, "fp": _fingerprint(user)})


def user_for_token(token: str) -> User | None:
    max_age = current_app.config["SET_PASSWORD_LINK_DAYS"] * 86400
    try:
        data = _serializer().loads(token, max_age=max_age)
    except BadSignature:
        return None
    user = db.session.get(User, data.get("user"))
    if user is None or not user.active or data.get("fp") != _fingerprint(user):
        return None
    return user
