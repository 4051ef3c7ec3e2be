"""Browser sessions held in the database (the web_session table).

The cookie carries a random id and nothing else: no one can read a message or a user id
from it, and a session ended here (signing out, a new password, deactivation) cannot be
brought back by a copy of the cookie. The cookie lasts until the browser closes; the idle
and lifetime limits are kept by app/auth/sessions.py, and rows older than any session may
live are purged by housekeeping.

A page view costs one read of the row when there is a cookie; a row is written only when
the session changes (at most once a minute for a signed-in user, see sessions.py) and is
never created for a visitor until something is kept for them (a form's CSRF token, a
message).
"""

import hashlib
import secrets
from datetime import datetime, timedelta

from flask import current_app, g
from flask.json.tag import TaggedJSONSerializer
from flask.sessions import SecureCookieSession, SessionInterface
from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import SQLAlchemyError

from app.extensions import db
from app.models.types import utcnow
from app.models.web_session import WebSession

# The longest a session may outlive its lifetime before it is refused and purged: long
# enough for sessions.py to say "you were signed out", not so long that rows pile up.
GRACE = timedelta(hours=1)
# An unchanged session's last_seen_at is brought up to date this often.
TOUCH_EVERY = timedelta(minutes=5)
_TOKEN_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _oldest_alive(now: datetime) -> datetime:
    return now - timedelta(hours=current_app.config["SESSION_MAX_HOURS"]) - GRACE


class ServerSession(SecureCookieSession):
    """The session's contents, with the row they came from. Clearing it (at sign-in and
    sign-out) gives it a new id when it is saved, so an id known before is worth nothing."""

    def __init__(self, initial=None, *, id_hash=None, user_id=None, last_seen_at=None,
                 stale_cookie=False):
        super().__init__(initial)
        self.id_hash = id_hash
        self.opened_user_id = user_id
        self.last_seen_at = last_seen_at
        self.stale_cookie = stale_cookie
        self.renew = False

    def clear(self):
        self.renew = True
        super().clear()


def _user_id(session) -> int | None:
    # Flask-Login keeps "<user id>:<session version>" (app/models/user.py: get_id).
    user_id, _, _version = str(dict.get(session, "_user_id", "")).partition(":")
    return int(user_id) if user_id.isdigit() else None


class ServerSessionInterface(SessionInterface):
    serializer = TaggedJSONSerializer()
    session_class = ServerSession

    def open_session(self, app, request):
        if request.path.startswith((f"{app.static_url_path}/", "/assets/")):
            return None  # Flask's null session: files need none, and read no row
        token = request.cookies.get(self.get_cookie_name(app), "")
        if not token:
            return self.session_class()
        if len(token) > 64 or not _TOKEN_CHARS.issuperset(token):
            return self.session_class(stale_cookie=True)
        try:
            row = db.session.execute(
                select(WebSession.id_hash, WebSession.user_id, WebSession.data,
                       WebSession.last_seen_at)
                .where(WebSession.id_hash == _hash(token),
                       WebSession.created_at >= _oldest_alive(utcnow()))).first()
        except SQLAlchemyError:
            # The database is down: carry on signed out, and let the page say what it can.
            db.session.rollback()
            app.logger.exception("could not read the session")
            return self.session_class(stale_cookie=True)
        if row is None:
            return self.session_class(stale_cookie=True)
        try:
            data = self.serializer.loads(row.data)
        except ValueError:
            data = {}
        return self.session_class(data, id_hash=row.id_hash, user_id=row.user_id,
                                  last_seen_at=row.last_seen_at)

    def save_session(self, app, session, response):
        if session.accessed:
            response.vary.add("Cookie")
        now = utcnow()
        user_id = _user_id(session)
        renew = session.renew or (session.id_hash is not None
                                  and user_id != session.opened_user_id)
        if not session:
            if session.id_hash is not None:
                self._write(app, delete(WebSession).where(WebSession.id_hash == session.id_hash))
            if session.id_hash is not None or session.stale_cookie:
                self._forget_cookie(app, response)
            return
        if session.id_hash is not None and not renew:
            if session.modified:
                values = {"data": self.serializer.dumps(dict(session)), "user_id": user_id,
                          "last_seen_at": now}
            elif session.last_seen_at is None or now - session.last_seen_at >= TOUCH_EVERY:
                values = {"last_seen_at": now}
            else:
                return
            # Never inserted again if it has gone meanwhile: a session ended elsewhere (sign
            # out in another tab, deactivation) stays ended.
            updated = self._write(app, update(WebSession)
                                  .where(WebSession.id_hash == session.id_hash).values(values))
            if updated == 0:
                self._forget_cookie(app, response)
            return
        token = secrets.token_urlsafe(32)
        row = {"id_hash": _hash(token), "user_id": user_id, "created_at": now,
               "last_seen_at": now, "data": self.serializer.dumps(dict(session))}
        statements = [insert(WebSession).values(row)]
        if session.id_hash is not None:
            statements.insert(0, delete(WebSession).where(WebSession.id_hash == session.id_hash))
        if self._write(app, *statements) is None:
            return
        # No Expires or Max-Age: the cookie ends when the browser closes.
        response.set_cookie(
            self.get_cookie_name(app), token, domain=self.get_cookie_domain(app),
            path=self.get_cookie_path(app), secure=self.get_cookie_secure(app),
            httponly=self.get_cookie_httponly(app), samesite=self.get_cookie_samesite(app))

    def _forget_cookie(self, app, response):
        response.delete_cookie(
            self.get_cookie_name(app), domain=self.get_cookie_domain(app),
            path=self.get_cookie_path(app), secure=self.get_cookie_secure(app),
            httponly=self.get_cookie_httponly(app), samesite=self.get_cookie_samesite(app))

    def _write(self, app, *statements) -> int | None:
        """Run the statements in a transaction of their own; the rows the last one touched,
        or None when the database refused."""
        # The response is made: whatever the view did not commit is not kept (teardown would
        # roll it back next), and on SQLite its transaction must not hold the write lock.
        db.session.rollback()
        writes, g.writes = g.get("writes", False), True  # SQLite: take the write lock at BEGIN
        try:
            for statement in statements:
                result = db.session.execute(statement)
            db.session.commit()
            return result.rowcount
        except SQLAlchemyError:
            db.session.rollback()
            app.logger.exception("could not save the session")
            return None
        finally:
            g.writes = writes


def end_sessions_of(user) -> None:
    """End every session the user has, everywhere, in the caller's transaction: the rows go,
    and the session version moves on so that a session being saved meanwhile is refused too."""
    user.session_version += 1
    db.session.execute(delete(WebSession).where(WebSession.user_id == user.id))


def purge_expired(now: datetime | None = None) -> int:
    """Delete the rows of sessions too old to be used; how many went. The caller commits."""
    result = db.session.execute(
        delete(WebSession).where(WebSession.created_at < _oldest_alive(now or utcnow())))
    return result.rowcount
