"""Two-factor sign-in pages: the code step after the password, recovery codes, and setting
it up (which people whose role requires it must do before anything else)."""

import time

from flask import current_app, flash, redirect, render_template, request, session, url_for
from flask_login import current_user

from app.auth import bp
from app.auth.permissions import allow, is_public, public
from app.auth.sessions import start_session
from app.auth.two_factor_forms import CodeForm, RecoveryCodeForm, SetUpForm
from app.extensions import db
from app.models import Role, User
from app.models.types import utcnow
from app.services import audit, two_factor
from app.services.two_factor import TooManyWrongCodes

EVERYONE = tuple(Role)
PENDING = "two_factor_pending"
PENDING_SECONDS = 600  # the code must follow the password within ten minutes
TOO_MANY = "You entered too many wrong codes. Sign in again to get another try."
WAIT_MESSAGE = ("There have been too many wrong codes for this account. Wait 15 minutes, "
                "then sign in again.")
# While someone who must use two-factor sign-in has not set it up, these are all they can use.
SET_UP_ENDPOINTS = {"auth.two_factor_set_up", "auth.sign_out"}


# After the password --------------------------------------------------------------------------

def after_password(user: User, next_url: str | None):
    """Called by the sign-in page once the password is right: a redirect to the code step,
    or None when no code is needed (not set up, or this device is remembered)."""
    if not two_factor.is_set_up(user):
        return None
    device = two_factor.remembered_device(user, request.cookies.get(two_factor.DEVICE_COOKIE))
    if device is not None:
        device.last_used_at = utcnow()
        audit.record("two_factor_device_recognised", user, actor=user)
        return None
    session.clear()
    session[PENDING] = {"user": user.id, "id": user.get_id(), "at": int(time.time()),
                        "next": next_url}
    db.session.commit()  # a rehashed password, say
    return redirect(url_for("auth.two_factor_code"))


def _pending_user() -> User | None:
    pending = session.get(PENDING)
    if not isinstance(pending, dict) or time.time() - pending.get("at", 0) > PENDING_SECONDS:
        return None
    user = db.session.get(User, pending.get("user"))
    if user is None or not user.active or user.get_id() != pending.get("id"):
        return None
    if not two_factor.is_set_up(user):
        return None  # reset while they were on the code page: the password step decides anew
    return user


def _signed_in(user: User, *, remember: bool = False, message: str | None = None):
    next_url = session[PENDING].get("next")
    start_session(user)
    if message:
        flash(message, "info")  # after start_session, which starts an empty session
    audit.record("signed_in", user, actor=user)
    db.session.commit()
    response = redirect(next_url or url_for("home.index"))
    if remember:
        value, lasts = two_factor.remember_device(user)
        response.set_cookie(two_factor.DEVICE_COOKIE, value, max_age=int(lasts.total_seconds()),
                            httponly=True, samesite="Lax",
                            secure=current_app.config["SESSION_COOKIE_SECURE"])
    return response


def _start_again(message: str):
    session.pop(PENDING, None)
    flash(message, "info")
    return redirect(url_for("auth.sign_in"))


@bp.route("/sign-in/code", methods=["GET", "POST"])
@public
def two_factor_code():
    user = _pending_user()
    if user is None:
        return _start_again("Sign in to continue")
    form = CodeForm()
    days = current_app.config["TWO_FACTOR_REMEMBER_DAYS"]
    form.remember.label.text = f"Remember this device for {days} days"
    if not form.validate_on_submit():
        return render_template("auth/two_factor/code.html", form=form), 400 if form.errors else 200
    try:
        if two_factor.verify_code(user, form.code.data):
            return _signed_in(user, remember=form.remember.data)
    except TooManyWrongCodes:
        return _start_again(WAIT_MESSAGE)
    return _wrong(form, "auth/two_factor/code.html", user,
                  "The code is not right, or has been used already. Enter the code your "
                  "authenticator app shows now")


@bp.route("/sign-in/recovery-code", methods=["GET", "POST"])
@public
def recovery_code():
    user = _pending_user()
    if user is None:
        return _start_again("Sign in to continue")
    form = RecoveryCodeForm()
    if not form.validate_on_submit():
        return render_template("auth/two_factor/recovery_code.html", form=form), (
            400 if form.errors else 200)
    try:
        if two_factor.use_recovery_code(user, form.code.data):
            return _signed_in(user, message=(
                f"You used a recovery code. You have {two_factor.recovery_codes_left(user)} "
                "left: you can make new ones from your account page."))
    except TooManyWrongCodes:
        return _start_again(WAIT_MESSAGE)
    return _wrong(form, "auth/two_factor/recovery_code.html", user,
                  "The recovery code is not right, or has been used already")


def _wrong(form, template: str, user: User, message: str):
    failures = two_factor.failures_in_a_row(user)
    if failures and failures % two_factor.CODES_PER_SIGN_IN == 0:
        return _start_again(TOO_MANY)
    form.code.errors.append(message)
    return render_template(template, form=form), 400


# Setting it up ---------------------------------------------------------------------------------

def require_set_up():
    """before_request: someone whose role must use two-factor sign-in and has not set it up
    can do nothing else until they have."""
    if not current_user.is_authenticated or request.endpoint is None:
        return None
    if (request.endpoint in SET_UP_ENDPOINTS or request.endpoint == "static"
            or is_public(current_app.view_functions[request.endpoint])):
        return None
    if two_factor.must_set_up(current_user):
        return redirect(url_for("auth.two_factor_set_up"))
    return None


@bp.route("/two-factor/set-up", methods=["GET", "POST"])
@allow(*EVERYONE)
def two_factor_set_up():
    if two_factor.is_set_up(current_user):
        return redirect(url_for("auth.account"))
    form = SetUpForm()
    if form.validate_on_submit():
        codes = two_factor.confirm_set_up(current_user, form.code.data)
        if codes is not None:
            # Shown in answer to the POST and never again: not in a URL, a flash or the session.
            return render_template("auth/two_factor/recovery_codes.html", codes=codes,
                                   first_time=True)
        form.code.errors.append("The code is not right. Enter the code your authenticator "
                                "app shows now")
    set_up = two_factor.start_set_up(current_user)
    return render_template("auth/two_factor/set_up.html", form=form, set_up=set_up,
                           required=two_factor.is_required_for(current_user)), (
        400 if form.errors else 200)
