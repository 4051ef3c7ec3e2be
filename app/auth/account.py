"""Your account: who you are signed in as, and your two-factor sign-in (recovery codes,
remembered devices, and turning it on or off where your role lets you choose)."""

from flask import flash, redirect, render_template, url_for
from flask_login import current_user

from app.auth import bp
from app.auth.permissions import allow
from app.auth.two_factor_forms import ConfirmForm
from app.models import Role
from app.services import two_factor

EVERYONE = tuple(Role)


@bp.get("/account")
@allow(*EVERYONE)
def account():
    user = current_user
    set_up = two_factor.is_set_up(user)
    return render_template(
        "auth/account.html", form=ConfirmForm(), set_up=set_up,
        required=two_factor.is_required_for(user),
        codes_left=two_factor.recovery_codes_left(user) if set_up else 0,
        devices=two_factor.remembered_device_count(user))


@bp.post("/account/recovery-codes")
@allow(*EVERYONE)
def new_recovery_codes():
    if not ConfirmForm().validate_on_submit() or not two_factor.is_set_up(current_user):
        return redirect(url_for("auth.account"))
    codes = two_factor.regenerate_recovery_codes(current_user)
    return render_template("auth/two_factor/recovery_codes.html", codes=codes, first_time=False)


@bp.post("/account/forget-devices")
@allow(*EVERYONE)
def forget_devices():
    if ConfirmForm().validate_on_submit():
        two_factor.forget_devices(current_user, reason="By the user")
        flash("Every device you asked us to remember will be asked for a code at the next "
              "sign-in", "success")
    return redirect(url_for("auth.account"))


@bp.route("/account/turn-off-two-factor", methods=["GET", "POST"])
@allow(*EVERYONE)
def turn_off_two_factor():
    if two_factor.is_required_for(current_user) or not two_factor.is_set_up(current_user):
        return redirect(url_for("auth.account"))
    form = ConfirmForm()
    if not form.validate_on_submit():
        return render_template("auth/two_factor/turn_off.html", form=form)
    two_factor.turn_off(current_user)
    flash("Two-factor sign-in is off. You sign in with your password only.", "success")
    return redirect(url_for("auth.account"))
