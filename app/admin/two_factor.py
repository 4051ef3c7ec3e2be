"""Resetting someone's two-factor sign-in (VS admin): for a lost phone with no recovery codes."""

from flask import flash, redirect, render_template, url_for
from flask_login import current_user

from app.admin import bp
from app.auth.permissions import allow
from app.auth.two_factor_forms import ConfirmForm
from app.extensions import db
from app.models import Role, User
from app.services import two_factor


@bp.route("/users/<int:user_id>/reset-two-factor", methods=["GET", "POST"])
@allow(Role.VS_ADMIN)
def user_reset_two_factor(user_id):
    person = db.get_or_404(User, user_id)
    form = ConfirmForm()
    if not form.validate_on_submit():
        return render_template("admin/users/reset_two_factor.html", person=person, form=form,
                               set_up=two_factor.is_set_up(person),
                               required=two_factor.is_required_for(person))
    two_factor.reset(person, by=current_user)
    if two_factor.is_required_for(person):
        message = (f"{person.name}'s two-factor sign-in has been reset. They must set it up "
                   "again when they next sign in.")
    else:
        message = f"{person.name}'s two-factor sign-in has been reset and is now off."
    flash(message, "success")
    return redirect(url_for("admin.user", user_id=person.id))
