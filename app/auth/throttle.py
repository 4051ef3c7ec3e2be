"""Limits on failed sign-ins that hold across workers and servers, and telling an account's
owner when someone reaches its limit.

Three limits, each "N per window" in the configuration:

- per address (SIGN_IN_LIMIT_PER_ADDRESS): one place trying many accounts;
- per account from one address (SIGN_IN_LIMIT_PER_ACCOUNT): one place guessing one account's
  password. Counted by account and address together, so a stranger who knows someone's email
  can lock out only themselves: the owner, signing in from their own address, is not held up;
- per account from anywhere (SIGN_IN_LIMIT_PER_ACCOUNT_FROM_ANYWHERE): a ceiling on all the
  guesses at one account. Without it, guesses spread over many addresses would never stop:
  an IPv6 /48 alone holds 65,536 networks of /64, each allowed its own few guesses. It is set
  (100 an hour, NIST SP 800-63B's bound on failed attempts at one account) well above what one
  address may try (5 in 15 minutes is 20 an hour), so only guesses from 5 or more networks
  at once reach it. Reaching it does lock the owner out too, for up to the hour; that is the
  price of bounding a distributed attack, and the owner is told. An empty setting turns a
  limit off.

Only failures count. An attempt is counted when it starts, before its password is checked,
and taken back if it signs in (succeeded()): checking first and counting afterwards would let
attempts that arrive together, in three workers say, all pass the check before any counted.
Each limit looks back over its window: an attempt is refused while the window holds N
failures, and may be made again once the oldest of them is older than the window.

The counts are kept in the database by default (FailedSignIn), so they hold across workers and
across servers sharing the database; with RATELIMIT_STORAGE_URI naming a Redis server
(redis://host:port/db, rediss:// for TLS) they are kept there instead, for servers that share
no database or to keep this writing off it. Either way each check and count is one atomic
step: SQLite's write lock, PostgreSQL advisory locks, or one Lua script in Redis.

Nothing the visitor sees tells whether the email has an account: unknown emails are counted
and refused just the same, and the owner's email is queued with the failed attempt's own
transaction, not sent while the visitor waits.
"""

import hashlib
import hmac
import ipaddress
import math
import re
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import redis
from flask import current_app, g, render_template
from sqlalchemy import delete, func, select, text
from werkzeug.exceptions import TooManyRequests

from app.extensions import db
from app.london import long_datetime
from app.models import FailedSignIn, User
from app.models.types import utcnow
from app.models.user import normalise_email
from app.services import mail, outbox

BY_ADDRESS = "address"
BY_ACCOUNT_FROM_ADDRESS = "account from address"
BY_ACCOUNT = "account"
# Each limit: its name, the setting that gives "N per window", and what it counts by.
LIMITS = (
    (BY_ADDRESS, "SIGN_IN_LIMIT_PER_ADDRESS", ("address",)),
    (BY_ACCOUNT_FROM_ADDRESS, "SIGN_IN_LIMIT_PER_ACCOUNT", ("account", "address")),
    (BY_ACCOUNT, "SIGN_IN_LIMIT_PER_ACCOUNT_FROM_ANYWHERE", ("account",)),
)
REDIS_SCHEMES = ("redis://", "rediss://")
_UNITS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}
_LIMIT_TEXT = re.compile(r"\s*(\d+)\s*(?:per|/)\s*(\d+)?\s*(second|minute|hour|day)s?\s*", re.I)


@dataclass(frozen=True)
class Limit:
    name: str
    amount: int
    window: timedelta
    # What is counted: {"account": ..., "address": ...} or a part of it.
    by: dict = field(hash=False)


@dataclass
class Attempt:
    """One sign-in attempt, counted as failed unless succeeded() takes it back."""

    address: str  # as the request came from, for the owner's email
    at: datetime
    # The limits on the account that this attempt fills (name: window): if it fails, they
    # are reached.
    fills: dict = field(default_factory=dict)
    token: object = None  # the backend's handle on the count, to take it back


def parse_limit(value: str) -> tuple[int, timedelta]:
    """"20 per 10 minutes", "100 per hour", "5/minute" -> (20, 10 minutes) and so on."""
    match = _LIMIT_TEXT.fullmatch(value)
    if match is None:
        raise ValueError(f"not a limit such as '20 per 10 minutes': {value!r}")
    amount, multiple, unit = match.groups()
    if int(amount) < 1:
        raise ValueError(f"a limit must allow at least one attempt: {value!r}")
    return int(amount), timedelta(seconds=int(multiple or 1) * _UNITS[unit.lower()])


def account_key(email: str) -> str:
    """The email typed, normalised and keyed with the secret key: the counts tell accounts
    apart without holding anyone's email (or a password typed into the email box)."""
    return hmac.new(current_app.config["SECRET_KEY"].encode(), normalise_email(email).encode(),
                    hashlib.sha256).hexdigest()


def address_key(address: str | None) -> str:
    """An IPv4 address, or the /64 network of an IPv6 one: a household or a server is given a
    whole /64, so each of its addresses counted apart would allow endless guesses."""
    try:
        ip = ipaddress.ip_address(address or "")
    except ValueError:
        return "unknown"
    if ip.version == 6:
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network(((int(ip) >> 64) << 64, 64)))
    return str(ip)


def limits_for(email: str, address: str | None) -> list[Limit]:
    keys = {"account": account_key(email), "address": address_key(address)}
    limits = []
    for name, setting, by in LIMITS:
        value = current_app.config.get(setting)
        if value:
            amount, window = parse_limit(value)
            limits.append(Limit(name, amount, window, {column: keys[column] for column in by}))
    return limits


def attempt(email: str, address: str | None, now: datetime | None = None) -> Attempt:
    """Count a sign-in attempt as failed, before its password is checked; raises a 429 saying
    how long to wait (and counts nothing) if a limit has been reached."""
    now = now or utcnow()
    if not current_app.config.get("RATELIMIT_ENABLED", True):
        return Attempt(address or "unknown", now)
    limits = limits_for(email, address)
    wait, counts, token = _store().add_if_allowed(limits, now)
    if wait > 0:
        raise TooManyRequests(retry_after=max(1, math.ceil(wait)))
    fills = {limit.name: limit.window for limit, count in zip(limits, counts, strict=True)
             if limit.name != BY_ADDRESS and count + 1 >= limit.amount}
    return Attempt(address or "unknown", now, fills, token)


def succeeded(attempt_: Attempt) -> None:
    """The attempt signed someone in: it does not count."""
    if attempt_.token is not None:
        _store().remove(attempt_.token)


def failed(attempt_: Attempt, user: User | None) -> None:
    """The attempt did not sign in. If it reached a limit on an account that exists, queue an
    email telling its owner, in the caller's transaction: once per lockout window."""
    if not attempt_.fills or user is None or not user.active:
        return
    everywhere = BY_ACCOUNT in attempt_.fills
    window = attempt_.fills[BY_ACCOUNT if everywhere else BY_ACCOUNT_FROM_ADDRESS]
    scope = "everywhere" if everywhere else hashlib.sha256(
        address_key(attempt_.address).encode()).hexdigest()[:16]
    # The same key all through one window, so a stranger trying again each time the
    # window lets one more through does not send an email each time.
    period = int(attempt_.at.timestamp() // window.total_seconds())
    outbox.queue(_paused_email(user, attempt_, everywhere, window), "sign_in_paused",
                 dedupe_key=f"sign_in_paused:{user.id}:{scope}:{period}")


def forget_old(now: datetime | None = None) -> int:
    """Delete the counted failures that no limit looks back to any more (in the database;
    Redis forgets them by itself). Returns how many went; the caller commits."""
    now = now or utcnow()
    windows = [parse_limit(current_app.config[setting])[1] for _name, setting, _by in LIMITS
               if current_app.config.get(setting)]
    cutoff = now - max(windows, default=timedelta(0))
    return db.session.execute(delete(FailedSignIn).where(FailedSignIn.at <= cutoff)
                              .execution_options(synchronize_session=False)).rowcount


def _paused_email(user: User, attempt_: Attempt, everywhere: bool, window: timedelta):
    cfg = current_app.config
    body = render_template(
        "auth/email/sign_in_paused.txt", user=user, service=cfg["SERVICE_NAME"],
        address=attempt_.address, when=long_datetime(attempt_.at), everywhere=everywhere,
        wait=_in_words(window), sender=f"{cfg['LOCAL_AUTHORITY']} Virtual School")
    return mail.build_message(user.email, f"Someone tried to sign in to your {cfg['SERVICE_NAME']}"
                                          " account", body)


def _in_words(window: timedelta) -> str:
    minutes = math.ceil(window.total_seconds() / 60)
    if minutes >= 120 and minutes % 60 == 0:
        return f"{minutes // 60} hours"
    if minutes == 60:
        return "an hour"
    return f"{minutes} minute{'' if minutes == 1 else 's'}"


# Where the counts are kept ------------------------------------------------------------------

def _store():
    stores = current_app.extensions.setdefault("convene_sign_in_counts", {})
    uri = current_app.config.get("RATELIMIT_STORAGE_URI") or ""
    if uri not in stores:
        stores[uri] = RedisCounts(uri) if uri.startswith(REDIS_SCHEMES) else DatabaseCounts()
    return stores[uri]


class DatabaseCounts:
    """One row per failed attempt in FailedSignIn, committed at once so every worker and
    server sharing the database counts it."""

    def add_if_allowed(self, limits: list[Limit], now: datetime):
        """(seconds to wait, each limit's count before this attempt, the new row's id)."""
        before = g.get("writes", False)
        # On SQLite the transaction takes the database's write lock at BEGIN (app/database.py),
        # so no other attempt is counted between this one's count and its row.
        g.writes = True
        try:
            self._lock(limits)
            counts, wait = [], 0.0
            for limit in limits:
                in_window = [*self._matching(limit), FailedSignIn.at > now - limit.window]
                count = db.session.scalar(select(func.count()).select_from(FailedSignIn)
                                          .where(*in_window))
                counts.append(count)
                if count >= limit.amount:
                    # The failure whose leaving the window lets one more attempt through.
                    nth = db.session.scalar(
                        select(FailedSignIn.at).where(*in_window)
                        .order_by(FailedSignIn.at.desc(), FailedSignIn.id.desc())
                        .offset(limit.amount - 1).limit(1))
                    wait = max(wait, (nth + limit.window - now).total_seconds())
            row = None
            if wait <= 0:
                keys = {key: value for limit in limits for key, value in limit.by.items()}
                row = FailedSignIn(at=now, account=keys.get("account", ""),
                                   address=keys.get("address", ""))
                db.session.add(row)
            db.session.commit()
        finally:
            g.writes = before
        return wait, counts, None if row is None else row.id

    def remove(self, token: int) -> None:
        """In the caller's transaction: with the sign-in it belongs to."""
        db.session.execute(delete(FailedSignIn).where(FailedSignIn.id == token)
                           .execution_options(synchronize_session=False))

    @staticmethod
    def _matching(limit: Limit):
        return [getattr(FailedSignIn, column) == value for column, value in limit.by.items()]

    @staticmethod
    def _lock(limits: list[Limit]) -> None:
        """PostgreSQL: hold a lock on each address and account counted, to the commit, so
        that two attempts on one of them are counted one after the other. Always taken in the
        same order (addresses before accounts), so two attempts never wait on each other."""
        if db.session.get_bind().dialect.name != "postgresql":
            return
        names = sorted({f"{column}:{value}" for limit in limits
                        for column, value in limit.by.items()})
        for name in names:
            lock_id = int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big",
                                     signed=True)
            db.session.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": lock_id})


# Every limit's failures are a sorted set (score: when, in seconds since the epoch). One
# script checks them all and, if none is full, adds the attempt to each: Redis runs a script
# whole, before or after any other attempt's.
_ADD_IF_ALLOWED = """
local now = tonumber(ARGV[1])
local wait = 0
local counts = {}
for i, key in ipairs(KEYS) do
  local amount = tonumber(ARGV[1 + 2 * i])
  local window = tonumber(ARGV[2 + 2 * i])
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  local count = redis.call('ZCARD', key)
  counts[i] = count
  if count >= amount then
    local nth = redis.call('ZRANGE', key, count - amount, count - amount, 'WITHSCORES')
    wait = math.max(wait, tonumber(nth[2]) + window - now)
  end
end
if wait > 0 then
  return {tostring(wait)}
end
for i, key in ipairs(KEYS) do
  redis.call('ZADD', key, ARGV[1], ARGV[2])
  redis.call('EXPIRE', key, math.ceil(tonumber(ARGV[2 + 2 * i])))
end
local reply = {'0'}
for i = 1, #counts do reply[i + 1] = counts[i] end
return reply
"""


class RedisCounts:
    """The same counts in Redis, shared by every server pointed at it."""

    PREFIX = "convene:sign-in:"

    def __init__(self, uri: str):
        self.client = redis.Redis.from_url(uri, socket_timeout=5, socket_connect_timeout=5)
        self.script = self.client.register_script(_ADD_IF_ALLOWED)

    def add_if_allowed(self, limits: list[Limit], now: datetime):
        keys = [self._key(limit) for limit in limits]
        member = f"{now.timestamp():.6f}:{secrets.token_hex(6)}"
        args = [repr(now.timestamp()), member]
        for limit in limits:
            args += [limit.amount, limit.window.total_seconds()]
        reply = self.script(keys=keys, args=args)
        wait = float(reply[0])
        counts = [int(count) for count in reply[1:]] or [0] * len(limits)
        return wait, counts, None if wait > 0 else (keys, member)

    def remove(self, token) -> None:
        keys, member = token
        with self.client.pipeline() as pipe:
            for key in keys:
                pipe.zrem(key, member)
            pipe.execute()

    def _key(self, limit: Limit) -> str:
        return self.PREFIX + ":".join(f"{column}={value}" for column, value in limit.by.items())
