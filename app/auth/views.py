"""Signing in and out, and setting a password from a one-time link."""

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user

from app.auth import bp, throttle
from app.auth.forms import SetPasswordForm, SignInForm
from app.auth.permissions import public
from app.auth.redirects import local_path
from app.auth.sessions import end_session, start_session
from app.auth.tokens import user_for_token
from app.auth.two_factor import after_password
from app.extensions import db
from app.models import User
from app.models.user import normalise_email
from app.services import audit
from app.services.passwords import hash_password, needs_rehash, verify_password
from app.services.web_sessions import end_sessions_of

BAD_CREDENTIALS = "Enter a correct email address and password"


@bp.route("/sign-in", methods=["GET", "POST"])
@public
def sign_in():
    if current_user.is_authenticated:
        return redirect(url_for("home.index"))
    form = SignInForm()
    if not form.validate_on_submit():
        return render_template("auth/sign_in.html", form=form), 400 if form.errors else 200
    # Counted as failed until the password is right; a 429 once a limit is reached.
    attempt = throttle.attempt(form.email.data, request.remote_addr)
    user = db.session.scalar(db.select(User).filter_by(email=normalise_email(form.email.data)))
    # The hash is checked first, whoever the email belongs to: the time taken is the same.
    password_ok = verify_password(user.password_hash if user else None, form.password.data)
    if user is None or not user.active or not password_ok:
        audit.record("sign_in_failed", user, actor=None, detail=normalise_email(form.email.data))
        throttle.failed(attempt, user)
        db.session.commit()
        form.password.errors.append(BAD_CREDENTIALS)
        return render_template("auth/sign_in.html", form=form), 400
    throttle.succeeded(attempt)
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(form.password.data)
    code_step = after_password(user, _safe_next())
    if code_step is not None:
        return code_step
    start_session(user)
    audit.record("signed_in", user, actor=user)
    db.session.commit()
    return redirect(_safe_next() or url_for("home.index"))


def _safe_next() -> str | None:
    """Only a path on this site: never send someone on to another host after sign-in."""
    return local_path(request.args.get("next", ""))


@bp.post("/sign-out")
@public
def sign_out():
    if current_user.is_authenticated:
        audit.record("signed_out", current_user, actor=current_user)
        db.session.commit()
    end_session()
    flash("You have signed out", "success")
    return redirect(url_for("auth.sign_in"))


@bp.route("/set-password/<token>", methods=["GET", "POST"])
@public
def set_password(token):
    user = user_for_token(token)
    if user is None:
        return render_template("auth/link_expired.html"), 404
    form = SetPasswordForm(email=user.email)
    if not form.validate_on_submit():
        return render_template("auth/set_password.html", form=form, user=user), (
            400 if form.errors else 200)
    user.password_hash = hash_password(form.password.data)
    end_sessions_of(user)  # a new password ends every session, wherever it was started
    audit.record("password_set", user, actor=user)
    db.session.commit()
    end_session()
    flash("Your password has been set. Sign in with it now.", "success")
    return redirect(url_for("auth.sign_in"))
