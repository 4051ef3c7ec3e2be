"""The Virtual School's list of phrases that are never names (VS admin): programmes, places
and services the identifier guard would otherwise take for a person's name. Adding or
removing one changes what the guard reports at once, in every form."""

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user

from app.admin import bp
from app.admin.never_name_forms import NeverANameForm
from app.auth.permissions import allow
from app.extensions import db
from app.models import NeverAName, Role
from app.services import never_names


@bp.route("/never-names", methods=["GET", "POST"])
@allow(Role.VS_ADMIN)
def never_names_list():
    form = NeverANameForm()
    if not form.validate_on_submit():
        return _list_page(form, 400 if form.is_submitted() else 200)
    try:
        entry = never_names.add(form.phrase.data, by=current_user)
    except never_names.AlreadyListed:  # added by someone else a moment ago
        db.session.rollback()
        form.phrase.errors.append(f"‘{form.phrase.data}’ is already on the list")
        return _list_page(form, 400)
    added = entry.phrase
    db.session.commit()
    flash(f"‘{added}’ added: the guard no longer takes it for a name", "success")
    return redirect(url_for("admin.never_names_list"))


@bp.route("/never-names/<int:entry_id>/remove", methods=["GET", "POST"])
@allow(Role.VS_ADMIN)
def never_name_remove(entry_id):
    entry = db.get_or_404(NeverAName, entry_id)
    if request.method == "GET":
        return render_template("admin/never_names/remove.html", entry=entry)
    phrase = entry.phrase
    never_names.remove(entry, by=current_user)
    db.session.commit()
    flash(f"‘{phrase}’ removed: the guard checks it for names again", "success")
    return redirect(url_for("admin.never_names_list"))


def _list_page(form: NeverANameForm, status: int):
    return render_template("admin/never_names/index.html", form=form,
                           entries=never_names.listed()), status
