"""SQLite settings that let several workers write without "database is locked" errors.

WAL lets readers carry on while one writer writes. A transaction that will write takes
the write lock when it begins (BEGIN IMMEDIATE), so it queues behind another writer for
up to the busy timeout instead of failing half-way when it upgrades from reading.
Requests that change things (POST and the like) begin that way; work outside a request
(commands, tests) begins as usual, and can ask for the write lock by setting g.writes.
"""

from flask import g, has_request_context, request
from sqlalchemy import event

BUSY_TIMEOUT_MS = 15000
_SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


def init_sqlite(engine) -> None:
    if engine.dialect.name != "sqlite":
        return

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        # Let SQLAlchemy emit BEGIN itself, instead of pysqlite's late, implicit one.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        # In WAL mode NORMAL still never corrupts the database, and a crash of Convene loses
        # nothing; only a power cut can lose the last commits before a checkpoint. FULL's
        # fsync on every commit cost 0.6 ms of each audited page view.
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):
        connection.exec_driver_sql("BEGIN IMMEDIATE" if _will_write() else "BEGIN")


def _will_write() -> bool:
    if g and g.get("writes", False):
        return True
    return has_request_context() and request.method not in _SAFE_METHODS


def begin_writing() -> None:
    """Before a GET that writes (the audit row of a view): end the read transaction that
    loading the signed-in user began, so that the next one takes SQLite's write lock at BEGIN
    rather than failing to upgrade a read lock. Nothing loaded is expired."""
    g.writes = True
    commit_keeping_loaded()


def commit_keeping_loaded() -> None:
    """Commit without expiring what is loaded (the signed-in user, the record on the page):
    nothing here changed them, so they need not be read again."""
    from app.extensions import db

    session = db.session()
    session.expire_on_commit = False
    try:
        session.commit()
    finally:
        session.expire_on_commit = True
