"""Two-factor sign-in: authenticator (TOTP) codes, recovery codes, remembered devices and
resets. The rules live here; app/auth/two_factor.py holds the pages."""

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta

import pyotp
import segno
from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from flask import current_app
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import delete, event, func, inspect, update
from sqlalchemy.orm import Session

from app.extensions import db
from app.models import RecoveryCode, RememberedDevice, Role, TwoFactorCredential, User
from app.models.types import utcnow
from app.services import audit

# The roles that see many schools' requests or outcomes must use a second factor; the rest
# may choose to.
REQUIRED_FOR = frozenset({Role.VS_ADMIN, Role.VS_ADVISOR, Role.EDUCATIONAL_PSYCHOLOGIST})

STEP_SECONDS = 30  # what every authenticator app uses
RECOVERY_CODE_COUNT = 10
# Wrong codes in a row before the sign-in starts again, and before the code step waits.
CODES_PER_SIGN_IN = 5
CODES_BEFORE_WAIT = 10
WAIT = timedelta(minutes=15)

DEVICE_COOKIE = "convene_device"
_DEVICE_SALT = "convene-remember-device"
# Recovery codes: 12 characters of Crockford's base32 (no I, L, O or U) give 60 random bits.
_RECOVERY_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"


class TooManyWrongCodes(Exception):
    """The code step is closed for this account for now."""


def is_required_for(user: User) -> bool:
    return user.role in REQUIRED_FOR


def credential_for(user: User) -> TwoFactorCredential | None:
    return db.session.scalar(db.select(TwoFactorCredential).filter_by(user_id=user.id))


def is_set_up(user: User) -> bool:
    credential = credential_for(user)
    return credential is not None and credential.confirmed_at is not None


def must_set_up(user: User) -> bool:
    return is_required_for(user) and not is_set_up(user)


# The secret, kept encrypted ---------------------------------------------------------------

def _fernet() -> Fernet:
    # A key of its own, derived from the app's secret key: a database copy (a backup, say)
    # without the key cannot make codes. Changing CONVENE_SECRET_KEY makes stored secrets
    # unreadable: people then sign in with a recovery code, or the VS admin resets them.
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
               info=b"convene two-factor secrets").derive(
        current_app.config["SECRET_KEY"].encode())
    return Fernet(base64.urlsafe_b64encode(key))


def _encrypt(secret: str) -> str:
    return _fernet().encrypt(secret.encode()).decode()


def secret_of(credential: TwoFactorCredential) -> str | None:
    try:
        return _fernet().decrypt(credential.secret_encrypted.encode()).decode()
    except InvalidToken:
        return None


# Setting it up ------------------------------------------------------------------------------

@dataclass(frozen=True)
class SetUp:
    secret: str
    uri: str
    qr_data_uri: str

    @property
    def secret_in_groups(self) -> str:
        """The secret as people type it from the screen: four characters at a time."""
        return " ".join(self.secret[i:i + 4] for i in range(0, len(self.secret), 4))


def start_set_up(user: User, *, secret: str | None = None) -> SetUp:
    """The secret being set up, made on the first visit and kept until it is confirmed, so
    that reloading the page does not change the code the person has just scanned."""
    credential = credential_for(user)
    if credential is None:
        credential = TwoFactorCredential(user_id=user.id, failed_codes=0,
                                         secret_encrypted=_encrypt(secret or pyotp.random_base32()))
        db.session.add(credential)
        db.session.commit()
    elif credential.confirmed_at is not None:
        raise ValueError("two-factor sign-in is already set up")
    current = secret_of(credential)
    if current is None:  # encrypted under an old key: start afresh
        current = secret or pyotp.random_base32()
        credential.secret_encrypted = _encrypt(current)
        db.session.commit()
    return _set_up_for(user, current)


def _set_up_for(user: User, secret: str) -> SetUp:
    cfg = current_app.config
    issuer = f"{cfg['SERVICE_NAME']} ({cfg['LOCAL_AUTHORITY']})"
    uri = pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name=issuer)
    # Drawn here, as SVG: the secret never leaves the server for a QR code service.
    qr_data_uri = segno.make(uri, error="m").svg_data_uri(scale=5, border=4)
    return SetUp(secret=secret, uri=uri, qr_data_uri=qr_data_uri)


def turn_on_with_secret(user: User, secret: str) -> None:
    """Two-factor sign-in on with a known secret, as if set up with it (the demo's users).
    Left alone when it already is; not committed."""
    credential = credential_for(user)
    if credential is not None and credential.confirmed_at and secret_of(credential) == secret:
        return
    if credential is None:
        credential = TwoFactorCredential(user_id=user.id, failed_codes=0)
        db.session.add(credential)
    credential.secret_encrypted = _encrypt(secret)
    credential.confirmed_at = utcnow()


def confirm_set_up(user: User, code: str) -> list[str] | None:
    """Turn it on if the code matches the secret being set up; the new recovery codes, or None."""
    credential = credential_for(user)
    if credential is None or credential.confirmed_at is not None:
        return None
    step = _matching_step(secret_of(credential), code)
    if step is None:
        audit.record("two_factor_code_failed", user, actor=user, detail="While setting up")
        db.session.commit()
        return None
    credential.confirmed_at = utcnow()
    credential.last_used_step = step
    codes = _replace_recovery_codes(user)
    audit.record("two_factor_set_up", user, actor=user)
    db.session.commit()
    return codes


def turn_off(user: User) -> None:
    """For people who chose it: they can choose to stop."""
    if is_required_for(user):
        raise ValueError(f"{user.role.label}s must use two-factor sign-in")
    _remove(user)
    audit.record("two_factor_turned_off", user, actor=user)
    db.session.commit()


def reset(user: User, *, by: User | None) -> None:
    """The VS admin's reset (or the command line's, with by None): the authenticator,
    recovery codes and remembered devices all stop working, and the person sets it up again
    at their next sign-in if they must."""
    _remove(user)
    audit.record("two_factor_reset", user, actor=by,
                 detail=None if by else "From the command line")
    db.session.commit()


def _remove(user: User) -> None:
    for model in (TwoFactorCredential, RecoveryCode, RememberedDevice):
        db.session.execute(delete(model).where(model.user_id == user.id))


# Codes from the authenticator app -------------------------------------------------------------

def normalise_code(code: str) -> str:
    return "".join((code or "").split())


def is_six_digits(code: str) -> bool:
    """Six digits 0 to 9, after spaces are taken out (not other scripts' digits)."""
    code = normalise_code(code)
    return len(code) == 6 and code.isascii() and code.isdigit()


def current_step() -> int:
    return int(utcnow().timestamp()) // STEP_SECONDS


def _matching_step(secret: str | None, code: str) -> int | None:
    """The time step the code is for: now, or one step either side for a slow clock or typist."""
    if secret is None or not is_six_digits(code):
        return None
    code = normalise_code(code)
    totp = pyotp.TOTP(secret)
    now = current_step()
    for step in (now - 1, now, now + 1):
        if hmac.compare_digest(totp.generate_otp(step), code):
            return step
    return None


def code_to_use_now(secret: str, last_used_step: int | None) -> str | None:
    """A code that would be accepted now: this step's, or the next one's if this step's has
    been used; None if both have. (For the demo's command, which stands in for an app.)"""
    now = current_step()
    step = max(now, (last_used_step or 0) + 1)
    return pyotp.TOTP(secret).generate_otp(step) if step <= now + 1 else None


def check_wait(user: User) -> None:
    credential = credential_for(user)
    if (credential is not None and credential.failed_codes >= CODES_BEFORE_WAIT
            and credential.last_failed_at and utcnow() - credential.last_failed_at < WAIT):
        raise TooManyWrongCodes


def verify_code(user: User, code: str) -> bool:
    """A right code for a time step not used before. Refusals are counted and audited."""
    check_wait(user)
    credential = credential_for(user)
    step = _matching_step(secret_of(credential), code) if credential else None
    if step is not None and _claim_step(credential, step):
        _succeeded(credential)
        audit.record("two_factor_code_used", user, actor=user)
        db.session.commit()
        return True
    _failed(credential, user, "Authenticator code" if step is None else "Code used before")
    return False


def _claim_step(credential: TwoFactorCredential, step: int) -> bool:
    # One UPDATE that only succeeds for a later step: two requests racing with the same code
    # cannot both win.
    claimed = db.session.execute(
        update(TwoFactorCredential)
        .where(TwoFactorCredential.id == credential.id,
               (TwoFactorCredential.last_used_step.is_(None))
               | (TwoFactorCredential.last_used_step < step))
        .values(last_used_step=step)
        .execution_options(synchronize_session=False))
    return claimed.rowcount == 1


def _succeeded(credential: TwoFactorCredential) -> None:
    db.session.execute(update(TwoFactorCredential).where(TwoFactorCredential.id == credential.id)
                       .values(failed_codes=0).execution_options(synchronize_session=False))


def _failed(credential: TwoFactorCredential | None, user: User, what: str) -> None:
    if credential is not None:
        db.session.execute(
            update(TwoFactorCredential).where(TwoFactorCredential.id == credential.id)
            .values(failed_codes=TwoFactorCredential.failed_codes + 1, last_failed_at=utcnow())
            .execution_options(synchronize_session=False))
    audit.record("two_factor_code_failed", user, actor=None, detail=what)
    db.session.commit()


def failures_in_a_row(user: User) -> int:
    credential = credential_for(user)
    return credential.failed_codes if credential else 0


# Recovery codes ---------------------------------------------------------------------------

def _new_recovery_code() -> str:
    raw = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def _normalise_recovery_code(code: str) -> str:
    # As people copy them: any case, with or without the dashes and spaces; O for 0, I or L
    # for 1, as Crockford's alphabet allows.
    cleaned = "".join(ch for ch in (code or "").lower() if ch.isalnum())
    return cleaned.translate(str.maketrans({"o": "0", "i": "1", "l": "1"}))


def _recovery_hash(salt: str, code: str) -> str:
    # SHA-256 with a salt per code, not Argon2: each code has 60 random bits, far beyond any
    # guessing a slow hash would be needed to stop (it is there for passwords, which people
    # choose), and a sign-in checks up to ten codes, which ten Argon2 checks would make slow.
    return hashlib.sha256(f"{salt}:{_normalise_recovery_code(code)}".encode()).hexdigest()


def _replace_recovery_codes(user: User) -> list[str]:
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    codes = [_new_recovery_code() for _ in range(RECOVERY_CODE_COUNT)]
    for code in codes:
        salt = secrets.token_hex(16)
        db.session.add(RecoveryCode(user_id=user.id, salt=salt,
                                    code_hash=_recovery_hash(salt, code)))
    return codes


def regenerate_recovery_codes(user: User) -> list[str]:
    """New codes; the old ones stop working."""
    codes = _replace_recovery_codes(user)
    audit.record("two_factor_recovery_codes_made", user, actor=user)
    db.session.commit()
    return codes


def recovery_codes_left(user: User) -> int:
    return db.session.scalar(
        db.select(func.count()).select_from(RecoveryCode)
        .where(RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None)))


def use_recovery_code(user: User, code: str) -> bool:
    """True once per code. Refusals are counted with wrong authenticator codes."""
    check_wait(user)
    unused = db.session.scalars(db.select(RecoveryCode).where(
        RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None))).all()
    match = next((each for each in unused
                  if hmac.compare_digest(each.code_hash, _recovery_hash(each.salt, code))), None)
    if match is not None:
        used = db.session.execute(
            update(RecoveryCode).where(RecoveryCode.id == match.id, RecoveryCode.used_at.is_(None))
            .values(used_at=utcnow()).execution_options(synchronize_session=False))
        if used.rowcount == 1:
            _succeeded(credential_for(user))
            audit.record("two_factor_recovery_code_used", user, actor=user,
                         detail=f"{len(unused) - 1} left")
            db.session.commit()
            return True
    _failed(credential_for(user), user, "Recovery code")
    return False


# Remembered devices ---------------------------------------------------------------------------

def _device_serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=_DEVICE_SALT)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def remember_device(user: User) -> tuple[str, timedelta]:
    """A new remembered device: the cookie's value and how long it lasts."""
    lasts = timedelta(days=current_app.config["TWO_FACTOR_REMEMBER_DAYS"])
    token = secrets.token_urlsafe(32)
    db.session.add(RememberedDevice(user_id=user.id, token_hash=_token_hash(token),
                                    expires_at=utcnow() + lasts))
    audit.record("two_factor_device_remembered", user, actor=user)
    db.session.commit()
    return _device_serializer().dumps({"user": user.id, "token": token}), lasts


def remembered_device(user: User, cookie: str | None) -> RememberedDevice | None:
    """The device row this browser's cookie stands for, if it is for this user and current."""
    if not cookie:
        return None
    lasts = timedelta(days=current_app.config["TWO_FACTOR_REMEMBER_DAYS"])
    try:
        data = _device_serializer().loads(cookie, max_age=int(lasts.total_seconds()))
    except BadSignature:
        return None
    if not isinstance(data, dict) or data.get("user") != user.id or not isinstance(
            data.get("token"), str):
        return None
    device = db.session.scalar(db.select(RememberedDevice).filter_by(
        user_id=user.id, token_hash=_token_hash(data["token"])))
    if device is None or device.expires_at <= utcnow():
        return None
    return device


def remembered_device_count(user: User) -> int:
    return db.session.scalar(db.select(func.count()).select_from(RememberedDevice).where(
        RememberedDevice.user_id == user.id, RememberedDevice.expires_at > utcnow()))


def forget_devices(user: User, *, reason: str) -> None:
    db.session.execute(delete(RememberedDevice).where(RememberedDevice.user_id == user.id))
    audit.record("two_factor_devices_forgotten", user, detail=reason)
    db.session.commit()


@event.listens_for(Session, "before_flush")
def _forget_devices_when_the_account_changes(session, _flush_context, _instances):
    """A new password, a deactivation or anything else that ends a person's sessions
    (session_version goes up) also forgets their remembered devices: whichever view or
    command makes the change, so none can forget to."""
    for each in session.dirty:
        if not isinstance(each, User):
            continue
        state = inspect(each)
        ended = (state.attrs.session_version.history.has_changes()
                 or state.attrs.password_hash.history.added == [None]
                 or state.attrs.active.history.added == [False])
        if ended and each.id is not None:
            session.execute(delete(RememberedDevice).where(RememberedDevice.user_id == each.id))
