"""Writing the next version of a child's One Page Profile (the form starts from the latest)."""

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user

from app.auth.permissions import allow
from app.extensions import db, htmx
from app.models import PROFILE_SECTIONS, ChildRecord, Role
from app.profiles import bp
from app.profiles.forms import ProfileForm
from app.profiles.versions import (
    SECTION_COLUMNS,
    ProfileBusy,
    ProfileValues,
    latest_version,
    save_version,
)
from app.rendering import render_page_or_partial
from app.requests.access import get_child_or_404
from app.services import audit, name_confirmations

BUSY = ("Others saved this profile at the same moment, so yours is not saved yet. "
        "Your changes are below: save them again.")


@bp.route("/children/<reference>/profile/edit", methods=["GET", "POST"])
@allow(Role.SCHOOL_STAFF)
def edit_profile(reference):
    child = get_child_or_404(reference)
    latest = latest_version(child)
    # Phrases confirmed not to be names are kept with the child's record, for every version.
    name_confirmations.accept_saved(child)
    if request.method == "POST":
        form = ProfileForm()
    else:
        form = ProfileForm.prefilled(ProfileValues.of(latest) if latest else None)
    if htmx and htmx.trigger_name in SECTION_COLUMNS + ("completed_by",):
        return _checked_field(form, child, htmx.trigger_name)
    if not form.is_submitted():
        form.based_on.data = str(latest.version if latest else 0)
        page = _form_page(form, child, latest)
        shown = f"version {latest.version}, to change it" if latest else "none yet, to write it"
        audit.record_view("profile_viewed", child,
                          detail=f"{child.reference}: One Page Profile {shown}")
        return page
    if not form.validate():
        return _form_page(form, child, latest, status=400)
    if latest and form.based_on.data != str(latest.version):
        # Someone saved a version while this user was writing: show it before replacing it.
        form.based_on.data = str(latest.version)
        return _form_page(form, child, latest, status=409, overtaken=latest)
    if latest and ProfileValues.of(latest) == form.values():
        flash(f"No changes made: the profile is still version {latest.version}", "success")
        return redirect(url_for("profiles.profile", reference=child.reference))
    try:
        saved = save_version(child, form.values(), current_user)
        name_confirmations.save_confirmations(form, child)
    except ProfileBusy:
        db.session.rollback()
        return _form_page(form, child, latest, status=409, busy=BUSY)
    # Read before the commit expires them: reading after would begin another transaction.
    number, profile_url = saved.version, url_for("profiles.profile", reference=child.reference)
    db.session.commit()
    flash(f"Version {number} saved", "success")
    return redirect(profile_url)


def _form_page(form: ProfileForm, child: ChildRecord, latest, *, status: int = 200, **context):
    return render_template("profiles/edit.html", form=form, child=child, latest=latest,
                           sections=PROFILE_SECTIONS, **context), status


def _checked_field(form: ProfileForm, child: ChildRecord, name: str):
    """htmx, as the user leaves a box: check it alone for identifiers and show the error."""
    field = form[name]
    field.validate(form)
    return render_page_or_partial("profiles/_checked_field.html", "profiles/_checked_field.html",
                                  field=field, child=child)
