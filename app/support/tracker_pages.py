"""The action tracker pages: one child's actions and the whole school's, and ticking an
action off, reopening it or giving it to someone else. With htmx a change swaps its row in
place; without JavaScript each is a plain form that comes back to the list."""

from flask import flash, make_response, redirect, render_template, request, url_for
from flask_login import current_user

from app.auth.permissions import allow
from app.database import begin_writing, commit_keeping_loaded
from app.extensions import db, htmx
from app.models import Action, ChildRecord, Role
from app.rendering import render_page_or_partial
from app.requests.access import get_child_or_404
from app.services import audit
from app.support import bp, clock, tracker
from app.support.forms import ReassignForm
from app.support.tracker import Show, get_action_or_404

PAGE = "support/actions.html"
ROW = "support/_action_row.html"
REASSIGN_PAGE = "support/reassign.html"
REASSIGN_ROW = "support/_reassign_row.html"


@bp.get("/children/<reference>/actions")
@allow(Role.SCHOOL_STAFF)
def child_actions(reference):
    # The viewing is written to the audit log. The page is read and rendered first, in a
    # read transaction; only then is the write lock taken, for the audit row alone, so that
    # other workers are not held up while this page renders.
    child = get_child_or_404(reference)
    show = Show.parse(request.args.get("show"))
    page = _list_page(show, child)
    begin_writing()
    audit.record("child_actions_viewed", child, detail=child.reference)
    commit_keeping_loaded()  # only the response headers look at the user after this
    return page


@bp.get("/actions")
@allow(Role.SCHOOL_STAFF)
def school_actions():
    show = Show.parse(request.args.get("show"))
    page = _list_page(show, None)
    audit.record_view("school_actions_viewed", current_user.school,
                      detail=f"Action tracker: {show.label.lower()} actions")
    return page


@bp.post("/actions/<int:action_id>/done")
@allow(Role.SCHOOL_STAFF)
def complete_action(action_id):
    action = get_action_or_404(action_id)
    tracker.complete(action, by=current_user)
    db.session.commit()
    return _changed(action, f"Action marked as done: {_short(action.what)}")


@bp.post("/actions/<int:action_id>/reopen")
@allow(Role.SCHOOL_STAFF)
def reopen_action(action_id):
    action = get_action_or_404(action_id)
    tracker.reopen(action, by=current_user)
    db.session.commit()
    return _changed(action, f"Action reopened: {_short(action.what)}")


@bp.route("/actions/<int:action_id>/reassign", methods=["GET", "POST"])
@allow(Role.SCHOOL_STAFF)
def reassign_action(action_id):
    action = get_action_or_404(action_id)
    form = ReassignForm(prefix=f"action-{action.id}",
                        data={"who_role": action.who_role, "who_name": action.who_name,
                              "due_on": action.due_on})
    if not form.validate_on_submit():
        # htmx 2 does not swap 4xx responses in, so an htmx form gets its row back as a 200.
        status = 400 if form.is_submitted() and not _partial() else 200
        return render_page_or_partial(REASSIGN_PAGE, REASSIGN_ROW, status, form=form,
                                      **_row_context(action))
    tracker.reassign(action, form.who_role.data, form.who_name.data, form.due_on.data,
                     by=current_user)
    db.session.commit()
    return _changed(action, f"Action given to {action.who_role}, {action.who_name}")


# Parts ----------------------------------------------------------------------------------------

def _list_page(show: Show, child: ChildRecord | None):
    today = clock.today()
    school_id = child.school_id if child else current_user.school_id
    child_id = child.id if child else None
    return render_template(PAGE, child=child, shows=list(Show),
                           rows=tracker.list_actions(show, today, school_id, child_id),
                           counts=tracker.counts(today, school_id, child_id),
                           **_list_context(child, show))


def _list_context(child: ChildRecord | None, show: Show) -> dict:
    """What a row needs to know about the list it is in: where to come back to, its columns."""
    return {"show": show, "back": "child" if child else "school", "columns": 6 if child else 7}


def _back_args() -> tuple[str, Show]:
    values = request.values
    back = "child" if values.get("back") == "child" else "school"
    return back, Show.parse(values.get("show"))


def _row_context(action: Action) -> dict:
    """What the reassign page and form row need: the action itself, and its list."""
    back, show = _back_args()
    return {"action": action, "source": tracker.source,
            **_list_context(action.child if back == "child" else None, show)}


def _back_url(action: Action) -> str:
    back, show = _back_args()
    if back == "child":
        return url_for("support.child_actions", reference=action.child.reference,
                       show=show.value)
    return url_for("support.school_actions", show=show.value)


def _short(text: str, most: int = 80) -> str:
    return text if len(text) <= most else text[:most - 1].rstrip() + "…"


def _partial() -> bool:
    return bool(htmx) and not htmx.boosted


def _changed(action: Action, message: str):
    """The action's row, changed, for htmx; back to the list otherwise."""
    if _partial():
        rows = [tracker.row_of(action, clock.today())]
        response = make_response(render_template(ROW, rows=rows, swapped=True,
                                                 **_row_context(action)))
        response.vary.add("HX-Request")
        return response
    flash(message, "success")
    return redirect(_back_url(action))
