"""Signed-in sessions: starting, loading and ending them when they have gone on too long."""

import time

from flask import current_app, flash, session
from flask_login import current_user, login_user, logout_user

from app.extensions import db
from app.models import User
from app.models.types import utcnow


def load_user(session_id: str) -> User | None:
    """Flask-Login's loader: the id carries the session version, so a reset ends old sessions."""
    user_id, _, version = session_id.partition(":")
    if not user_id.isdigit() or not version.isdigit():
        return None
    user = db.session.get(User, int(user_id))
    if user is None or not user.active or user.session_version != int(version):
        return None
    return user


def start_session(user: User) -> None:
    # A fresh session at sign-in: nothing set before it (by anyone) carries over.
    session.clear()
    login_user(user)
    session.permanent = True
    now = int(time.time())
    session["signed_in_at"] = now
    session["seen_at"] = now
    user.last_signed_in_at = utcnow()


def end_session() -> None:
    logout_user()
    session.clear()


def expire_stale_session():
    """before_request: end a session that has been idle or alive too long."""
    if not current_user.is_authenticated:
        return
    now = int(time.time())
    cfg = current_app.config
    idle = now - session.get("seen_at", 0) > cfg["SESSION_IDLE_MINUTES"] * 60
    too_old = now - session.get("signed_in_at", 0) > cfg["SESSION_MAX_HOURS"] * 3600
    if idle or too_old:
        end_session()
        flash("You were signed out to keep your account safe. Sign in again to continue.", "info")
        return
    # Written at most once a minute, so not every request re-sends the cookie.
    if now - session["seen_at"] >= 60:
        session["seen_at"] = now
