"""Configuration: defaults here, then instance/config.py, then CONVENE_* environment variables."""

import os
import secrets
from datetime import timedelta
from pathlib import Path


class Defaults:
    ENV_NAME = "development"
    SERVICE_NAME = "Convene"
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    WTF_CSRF_TIME_LIMIT = None  # the token lives as long as the session
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = False
    SESSION_COOKIE_NAME = "convene_session"
    # A session ends after this long without a request, and after the lifetime whatever.
    SESSION_IDLE_MINUTES = 30
    SESSION_MAX_HOURS = 10
    SET_PASSWORD_LINK_DAYS = 3
    # "Remember this device" on the two-factor code page lasts this long.
    TWO_FACTOR_REMEMBER_DAYS = 30
    # Uploads (the schools CSV) are refused above this before they are read in.
    MAX_CONTENT_LENGTH = 3 * 1024 * 1024
    # Failed sign-ins allowed before a wait (app/auth/throttle.py): from one address; at one
    # account from one address; at one account from anywhere (a ceiling on spread guessing).
    SIGN_IN_LIMIT_PER_ADDRESS = "20 per 10 minutes"
    SIGN_IN_LIMIT_PER_ACCOUNT = "5 per 15 minutes"
    SIGN_IN_LIMIT_PER_ACCOUNT_FROM_ANYWHERE = "100 per hour"
    # Where those failures are counted: the database when not set, or a Redis server
    # (redis://host:port/db) shared by every server.
    RATELIMIT_STORAGE_URI = None
    # How many proxies in front of gunicorn set X-Forwarded-For (0: none).
    PROXY_COUNT = 0
    MAIL_SERVER = None
    MAIL_PORT = 25
    MAIL_USE_TLS = False
    MAIL_USERNAME = None
    MAIL_PASSWORD = None
    MAIL_FROM = "virtual.school@convene.invalid"
    # Implicit TLS from the first byte (usually port 465), instead of STARTTLS (MAIL_USE_TLS).
    MAIL_USE_SSL = False
    # The outbox worker (`flask outbox`): how often it looks for email that is due, how many
    # messages it takes at a time, and how many tries a message gets before it is marked
    # failed (retries wait 1, 2, 4, 8... minutes, at most an hour).
    MAIL_POLL_SECONDS = 5
    MAIL_BATCH_SIZE = 20
    MAIL_MAX_ATTEMPTS = 8
    # How long a worker's claim on a message lasts: if the worker dies, another takes the
    # message after this. Far longer than one SMTP conversation.
    MAIL_CLAIM_SECONDS = 300
    # Without MAIL_SERVER, the worker writes each email as a .eml file here instead of
    # sending it. None: instance/outbox-mail in development, nowhere otherwise.
    MAIL_OUTBOX_FOLDER = None
    LOCAL_AUTHORITY = "Convene County Council"
    # Where people reach Convene: used in links sent by email or printed by commands.
    SERVICE_URL = "http://127.0.0.1:5000"
    # The Virtual School's own mailbox: the ORGANIZER of every calendar invite, where
    # replies and Accept/Decline answers go. None: MAIL_FROM.
    VIRTUAL_SCHOOL_MAILBOX = None
    # Retention (`flask purge`): a child's requests, outcomes, TAC meetings and profiles go
    # this many years after the child's last activity (app/services/retention.py says what
    # counts), and audit events this many years after they were written.
    RETENTION_RECORD_YEARS = 7
    RETENTION_AUDIT_YEARS = 8


def load(app, test_config: dict | None) -> None:
    app.config.from_object(Defaults)
    app.config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{Path(app.instance_path) / 'convene.db'}"
    if test_config is not None:
        app.config.update(test_config)
    else:
        app.config.from_pyfile("config.py", silent=True)
        if os.environ.get("DATABASE_URL"):
            app.config["SQLALCHEMY_DATABASE_URI"] = _sqlalchemy_url(os.environ["DATABASE_URL"])
        app.config.from_prefixed_env("CONVENE")
    _finish(app)


def _sqlalchemy_url(url: str) -> str:
    # Hosting platforms hand out postgres:// URLs; SQLAlchemy wants the driver named.
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def _finish(app) -> None:
    cfg = app.config
    cfg["SQLALCHEMY_DATABASE_URI"] = _sqlalchemy_url(cfg["SQLALCHEMY_DATABASE_URI"])
    production = cfg["ENV_NAME"] == "production"
    if production:
        cfg["SESSION_COOKIE_SECURE"] = True
    if not cfg.get("SECRET_KEY"):
        if production:
            raise RuntimeError(
                "CONVENE_SECRET_KEY is not set: Convene will not start in production without it"
            )
        cfg["SECRET_KEY"] = _development_secret(Path(app.instance_path))
    cfg["PERMANENT_SESSION_LIFETIME"] = timedelta(hours=cfg["SESSION_MAX_HOURS"])
    storage = cfg.get("RATELIMIT_STORAGE_URI")
    if storage and not storage.startswith(("redis://", "rediss://")):
        raise RuntimeError(f"CONVENE_RATELIMIT_STORAGE_URI must be a redis:// or rediss:// URL, "
                           f"or not set (the database): not {storage.split('://')[0]}://")


def _development_secret(instance: Path) -> str:
    """A key generated once into instance/, so development sessions survive restarts."""
    instance.mkdir(parents=True, exist_ok=True)
    path = instance / "secret_key"
    try:
        # O_EXCL: when two workers start at once, one writes and both read the same key.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text().strip()
    with os.fdopen(fd, "w") as file:
        file.write(secrets.token_hex(32))
    return path.read_text().strip()
