"""The controlled list of themes (VS admin): add, rename, retire, restore, reorder; and the
signposting text schools see when a request is about a child outside the duty.

A theme in use is never deleted: retiring it stops schools choosing it, and old requests
keep it. Only a theme that no request has ever used may be deleted.
"""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import func

from app.admin import bp
from app.admin.theme_forms import SignpostingForm, ThemeForm
from app.auth.permissions import allow
from app.extensions import db
from app.models import Role, ServiceSetting, Theme
from app.models.request import request_theme
from app.models.theme import DEFAULT_SIGNPOSTING, SIGNPOSTING_KEY
from app.services import audit

DIRECTIONS = {"up": -1, "down": 1}
RESTORED = "Theme ‘{}’ restored: schools can choose it again"
RETIRED = ("Theme ‘{}’ retired: schools can no longer choose it, and the requests that have "
           "it keep it")


@bp.get("/themes")
@allow(Role.VS_ADMIN)
def themes():
    return render_template("admin/themes/index.html", themes=ordered_themes(),
                           counts=request_counts())


@bp.route("/themes/new", methods=["GET", "POST"])
@allow(Role.VS_ADMIN)
def theme_new():
    form = ThemeForm()
    if not form.validate_on_submit():
        return _form_page(form)
    theme = add_theme(form.name.data)
    flash(f"Theme ‘{theme.name}’ added", "success")
    return redirect(url_for("admin.themes", _anchor=f"theme-{theme.id}"))


@bp.route("/themes/<int:theme_id>/edit", methods=["GET", "POST"])
@allow(Role.VS_ADMIN)
def theme_edit(theme_id):
    theme = db.get_or_404(Theme, theme_id)
    form = ThemeForm(obj=theme, theme_id=theme.id)
    if not form.validate_on_submit():
        return _form_page(form, theme)
    old_name = theme.name
    if form.name.data != old_name:
        theme.name = form.name.data
        audit.record("theme_renamed", theme, detail=f"{old_name} → {theme.name}")
        db.session.commit()
        flash(f"Theme ‘{old_name}’ renamed ‘{theme.name}’", "success")
    return redirect(url_for("admin.themes", _anchor=f"theme-{theme.id}"))


@bp.post("/themes/<int:theme_id>/retire")
@allow(Role.VS_ADMIN)
def theme_retire(theme_id):
    return _set_active(theme_id, active=False)


@bp.post("/themes/<int:theme_id>/restore")
@allow(Role.VS_ADMIN)
def theme_restore(theme_id):
    return _set_active(theme_id, active=True)


@bp.post("/themes/<int:theme_id>/move")
@allow(Role.VS_ADMIN)
def theme_move(theme_id):
    theme = db.get_or_404(Theme, theme_id)
    step = DIRECTIONS.get(request.form.get("direction", ""))
    if step is None:
        abort(400)
    if move_theme(theme, step):
        audit.record("theme_moved", theme, detail=f"Moved {request.form['direction']}")
        db.session.commit()
    return redirect(url_for("admin.themes", _anchor=f"theme-{theme.id}"))


@bp.route("/themes/<int:theme_id>/delete", methods=["GET", "POST"])
@allow(Role.VS_ADMIN)
def theme_delete(theme_id):
    theme = db.get_or_404(Theme, theme_id)
    in_use = request_counts().get(theme.id, 0)
    if request.method == "GET" or in_use:
        status_code = 409 if request.method == "POST" else 200
        return render_template("admin/themes/delete.html", theme=theme,
                               in_use=in_use), status_code
    audit.record("theme_deleted", theme, detail=theme.name)
    db.session.delete(theme)
    db.session.commit()
    flash(f"Theme ‘{theme.name}’ deleted", "success")
    return redirect(url_for("admin.themes"))


@bp.route("/signposting", methods=["GET", "POST"])
@allow(Role.VS_ADMIN)
def signposting():
    setting = db.session.get(ServiceSetting, SIGNPOSTING_KEY)
    form = SignpostingForm(text=setting.value if setting else DEFAULT_SIGNPOSTING)
    if not form.validate_on_submit():
        status_code = 400 if form.is_submitted() else 200
        return render_template("admin/themes/signposting.html", form=form), status_code
    save_signposting(setting, form.text.data)
    flash("The signposting text has been saved. Schools see it from now on.", "success")
    return redirect(url_for("admin.signposting"))


# The rules -----------------------------------------------------------------------------------


def ordered_themes() -> list[Theme]:
    """Every theme in the order schools see them (the same order the request form uses)."""
    return db.session.scalars(
        db.select(Theme).order_by(Theme.position, Theme.name, Theme.id)).all()


def request_counts() -> dict[int, int]:
    """How many advice requests use each theme, in one grouped count."""
    rows = db.session.execute(
        db.select(request_theme.c.theme_id, func.count())
        .group_by(request_theme.c.theme_id))
    return {theme_id: count for theme_id, count in rows}


def add_theme(name: str) -> Theme:
    """A new theme goes to the end of the list."""
    last = db.session.scalar(db.select(func.max(Theme.position)))
    theme = Theme(name=name, active=True, position=(last or 0) + 1)
    db.session.add(theme)
    db.session.flush()  # the audit event names the new theme's id
    audit.record("theme_created", theme, detail=theme.name)
    db.session.commit()
    return theme


def move_theme(theme: Theme, step: int) -> bool:
    """Swap the theme with its neighbour, numbering the whole list afresh (themes added
    elsewhere may share a position). False if it is already at that end."""
    themes = ordered_themes()
    index = themes.index(theme)
    other = index + step
    if not 0 <= other < len(themes):
        return False
    themes[index], themes[other] = themes[other], themes[index]
    for position, each in enumerate(themes):
        each.position = position
    return True


def save_signposting(setting: ServiceSetting | None, text: str) -> None:
    if setting is None:
        setting = ServiceSetting(key=SIGNPOSTING_KEY, value=text)
        db.session.add(setting)
    setting.value = text
    setting.updated_by_id = current_user.id
    audit.record("signposting_updated", detail=SIGNPOSTING_KEY)
    db.session.commit()


def _set_active(theme_id: int, *, active: bool):
    theme = db.get_or_404(Theme, theme_id)
    if theme.active != active:
        theme.active = active
        audit.record("theme_restored" if active else "theme_retired", theme, detail=theme.name)
        db.session.commit()
    outcome = (RESTORED if active else RETIRED).format(theme.name)
    flash(outcome, "success")
    return redirect(url_for("admin.themes", _anchor=f"theme-{theme.id}"))


def _form_page(form: ThemeForm, theme: Theme | None = None):
    status_code = 400 if form.is_submitted() else 200
    return render_template("admin/themes/form.html", form=form, theme=theme), status_code
