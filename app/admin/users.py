"""Managing users (VS admin): the list, adding and changing people, deactivating them, and
one-time links for them to set a password."""

import enum

from flask import current_app, flash, make_response, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import or_
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from app.admin import bp
from app.admin.user_forms import DUPLICATE_EMAIL_MESSAGE, UserFilterForm, UserForm
from app.auth.permissions import allow
from app.auth.tokens import make_set_password_token
from app.extensions import db, htmx
from app.models import AuditEvent, Role, User
from app.pagination import paginate, pagination_links
from app.rendering import render_page_or_partial
from app.services import audit, mail, outbox
from app.services.web_sessions import end_sessions_of

RECENT_ACTIVITY = 20

# Words for the audit actions a user's page shows; others fall back to their code in words.
ACTION_WORDS = {  # nosec  # B105 takes the password_ keys' words for passwords
    "user_created": "Account created",
    "user_updated": "Details changed",
    "user_deactivated": "Deactivated",
    "user_reactivated": "Reactivated",
    "password_reset": "Password reset and a new link sent",
    "password_set": "Password set",
    "signed_in": "Signed in",
    "signed_out": "Signed out",
    "sign_in_failed": "Sign-in failed",
}
# The User attributes the form changes, and how the audit log names them.
FIELD_NAMES = {"name": "name", "email": "email address", "role": "role",
               "job_title": "job title", "school_id": "school"}
# A change to these changes what the person may see, so their sessions end.
PERMISSION_FIELDS = {"role", "school_id"}


class Delivery(enum.StrEnum):
    SENT = "sent"  # queued in the outbox, which sends it (and retries)
    NOT_CONFIGURED = "not_configured"


class LinkReason(enum.StrEnum):
    NEW_ACCOUNT = "new_account"
    PASSWORD_RESET = "password_reset"  # nosec B105  # why a link was sent, not a password


class ChangeRefused(ValueError):
    """A change an admin may not make; the message says why, in words for them."""


# The rules -----------------------------------------------------------------------------------

def users_matching(filters: UserFilterForm):
    """The select for the list: filtered and ordered in SQL, each user's school loaded with it."""
    stmt = db.select(User).options(selectinload(User.school)).order_by(User.name, User.id)
    if filters.q.data:
        text = filters.q.data
        stmt = stmt.where(or_(User.name.icontains(text, autoescape=True),
                              User.email.icontains(text, autoescape=True)))
    if filters.chosen_role:
        stmt = stmt.where(User.role == filters.chosen_role)
    if not filters.include_deactivated.data:
        stmt = stmt.where(User.active.is_(True))
    return stmt


def users_page(filters: UserFilterForm, number: int):
    """One page of the list. A page number past the end (an old link, from before people
    were deactivated) shows the last page; an absurd one never reaches the database."""
    return paginate(users_matching(filters), number)




def create_user(values: dict) -> User | None:
    """Add a person without a password: they set their own from a one-time link.

    None if the email address was taken between the form's check and the save.
    """
    person = User(**values)
    db.session.add(person)
    try:
        db.session.flush()
        audit.record("user_created", person, detail=person.role.label)
        queue_set_password_link(person, LinkReason.NEW_ACCOUNT)
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        return None
    return person


def update_user(person: User, values: dict) -> list[str] | None:
    """Apply the form's values; the names of the fields that changed, or None if the
    email address was taken in the meantime."""
    changed = [field for field, value in values.items() if getattr(person, field) != value]
    if not changed:
        return []
    for field in changed:
        setattr(person, field, values[field])
    if PERMISSION_FIELDS.intersection(changed):
        # What they may see has changed: end the sessions they started under the old rules.
        end_sessions_of(person)
    audit.record("user_updated", person,
                 detail="Changed " + ", ".join(FIELD_NAMES[field] for field in changed))
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        return None
    return changed


def set_active(person: User, active: bool, *, by: User) -> None:
    if not active and person.id == by.id:
        raise ChangeRefused("You cannot deactivate your own account")
    if person.active == active:
        return  # a second click, or a page left open: nothing to do
    person.active = active
    if not active:
        end_sessions_of(person)  # signs them out everywhere, now
    audit.record("user_reactivated" if active else "user_deactivated", person)
    db.session.commit()


def reset_password(person: User) -> None:
    """Stop the old password and every session working: a reset usually means it was lost
    or seen by someone else."""
    if not person.active:
        raise ChangeRefused(
            f"Reactivate {person.name} before sending a password link: links do not work "
            "for deactivated accounts")
    person.password_hash = None
    end_sessions_of(person)
    audit.record("password_reset", person)
    queue_set_password_link(person, LinkReason.PASSWORD_RESET)
    db.session.commit()


def send_set_password_link(person: User, reason: LinkReason) -> tuple[str, Delivery]:
    """A one-time link for the person to set a password, and whether it is being emailed."""
    link = url_for("auth.set_password", token=make_set_password_token(person), _external=True)
    if not mail.is_configured():
        return link, Delivery.NOT_CONFIGURED
    return link, Delivery.SENT  # queued with the change: the outbox worker sends it


def queue_set_password_link(person: User, reason: LinkReason) -> None:
    """The email goes into the outbox in the same transaction as the new account or reset."""
    if mail.is_configured():
        link = url_for("auth.set_password", token=make_set_password_token(person), _external=True)
        outbox.queue(set_password_message(person, link, reason), "password_link")


def set_password_message(person: User, link: str, reason: LinkReason):
    cfg = current_app.config
    service, sender = cfg["SERVICE_NAME"], f"{cfg['LOCAL_AUTHORITY']} Virtual School"
    days = cfg["SET_PASSWORD_LINK_DAYS"]
    if reason == LinkReason.NEW_ACCOUNT:
        subject = f"Your {service} account"
        opening = f"{sender} has set up a {service} account for you."
    else:
        subject = f"Set a new password for {service}"
        opening = f"{sender} has reset your {service} password. Your old password no longer works."
    body = "\n\n".join([
        f"Dear {person.name},",
        opening,
        f"Set your password using this link:\n{link}",
        f"The link works once and lasts for {days} day{'' if days == 1 else 's'}. If it has "
        "run out, ask the Virtual School's business support team for a new one.",
        f"You will sign in with this email address: {person.email}",
        "If you were not expecting this email, do not use the link, and tell the Virtual School.",
        sender,
    ])
    return mail.build_message(person.email, subject, body)


def recent_activity(person: User) -> list[dict]:
    """The latest audit events about this person or done by them, newest first, in words."""
    about = (AuditEvent.record_type == "User") & (AuditEvent.record_id == str(person.id))
    stmt = (db.select(AuditEvent)
            .where(or_(about, AuditEvent.actor_id == person.id))
            .options(selectinload(AuditEvent.actor))
            .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
            .limit(RECENT_ACTIVITY))
    return [_describe(event, person) for event in db.session.scalars(stmt)]


def _describe(event: AuditEvent, person: User) -> dict:
    own = event.record_type == "User" and event.record_id == str(person.id)
    record, href = "This user", None
    if not own and event.record_type:
        record = f"{event.record_type} {event.record_id}"
        if event.record_type == "User":
            href = url_for("admin.user", user_id=int(event.record_id))
    return {
        "at": event.at,
        "what": ACTION_WORDS.get(event.action, event.action.replace("_", " ").capitalize()),
        "detail": event.detail,
        "record": record,
        "record_href": href,
        "by": event.actor.name if event.actor else "Not signed in",
    }


# The pages -----------------------------------------------------------------------------------

@bp.get("/users")
@allow(Role.VS_ADMIN)
def users():
    filters = UserFilterForm(request.args)
    page = users_page(filters, request.args.get("page", 1, type=int))
    return render_page_or_partial(
        "admin/users/index.html", "admin/users/_results.html",
        filters=filters, results=page,
        pagination=pagination_links(page, "admin.users", **filters.query_args()))


@bp.route("/users/new", methods=["GET", "POST"])
@allow(Role.VS_ADMIN)
def user_new():
    form = UserForm()
    if not form.validate_on_submit():
        return _form_page("admin/users/new.html", form)
    person = create_user(form.values())
    if person is None:
        form.email.errors.append(DUPLICATE_EMAIL_MESSAGE)
        return _form_page("admin/users/new.html", form)
    return _link_sent(person, LinkReason.NEW_ACCOUNT)


@bp.get("/users/<int:user_id>")
@allow(Role.VS_ADMIN)
def user(user_id):
    person = db.get_or_404(User, user_id)
    return render_template("admin/users/show.html", person=person,
                           activity=recent_activity(person))


@bp.route("/users/<int:user_id>/edit", methods=["GET", "POST"])
@allow(Role.VS_ADMIN)
def user_edit(user_id):
    person = db.get_or_404(User, user_id)
    form = UserForm(user=person, editor=current_user)
    if not form.validate_on_submit():
        return _form_page("admin/users/edit.html", form, person=person)
    changed = update_user(person, form.values())
    if changed is None:
        form.email.errors.append(DUPLICATE_EMAIL_MESSAGE)
        return _form_page("admin/users/edit.html", form, person=person)
    flash(_saved_message(person, changed), "success" if changed else "info")
    return redirect(url_for("admin.user", user_id=person.id))


@bp.post("/users/<int:user_id>/deactivate")
@allow(Role.VS_ADMIN)
def user_deactivate(user_id):
    return _change_active(db.get_or_404(User, user_id), active=False)


@bp.post("/users/<int:user_id>/reactivate")
@allow(Role.VS_ADMIN)
def user_reactivate(user_id):
    return _change_active(db.get_or_404(User, user_id), active=True)


@bp.post("/users/<int:user_id>/reset-password")
@allow(Role.VS_ADMIN)
def user_reset_password(user_id):
    person = db.get_or_404(User, user_id)
    try:
        reset_password(person)
    except ChangeRefused as refused:
        return _account_page(person, error=str(refused), status=400)
    return _link_sent(person, LinkReason.PASSWORD_RESET)


def _form_page(template: str, form: UserForm, **context):
    return render_template(template, form=form, **context), 400 if form.errors else 200


def _link_sent(person: User, reason: LinkReason):
    # Rendered in answer to the POST, never redirected to: the link must not sit in a URL,
    # a flash message or the session cookie.
    link, delivery = send_set_password_link(person, reason)
    return render_template("admin/users/link_sent.html", person=person, link=link,
                           delivery=delivery, reason=reason)


def _saved_message(person: User, changed: list[str]) -> str:
    if not changed:
        return "No changes were made"
    if PERMISSION_FIELDS.intersection(changed):
        return (f"{person.name}'s details have been changed. They have been signed out, and "
                "will have their new access when they sign in again.")
    return f"{person.name}'s details have been changed"


def _change_active(person: User, *, active: bool):
    try:
        set_active(person, active, by=current_user)
    except ChangeRefused as refused:
        return _account_page(person, error=str(refused), status=400)
    if active:
        message = f"{person.name} has been reactivated. They can sign in again."
    else:
        message = f"{person.name} has been deactivated. They can no longer sign in."
    return _account_page(person, message=message)


def _account_page(person: User, *, message: str | None = None, error: str | None = None,
                  status: int = 200):
    """After a change to the account: htmx gets the account region (and the activity, out of
    band) to swap in place; a plain post is redirected to the user's page, or shown it with
    the error."""
    if htmx or error:
        template = "admin/users/_account.html" if htmx else "admin/users/show.html"
        response = make_response(render_template(
            template, person=person, message=message, error=error, oob=bool(htmx),
            activity=recent_activity(person)), status)
    else:
        flash(message, "success")
        response = redirect(url_for("admin.user", user_id=person.id))
    response.vary.add("HX-Request")
    return response
