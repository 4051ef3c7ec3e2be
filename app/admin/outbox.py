"""The email outbox (VS admin): how many emails wait, which failed and why, and trying a
failed one again.

A message's body is never shown: it may carry a one-time link as good as a password.
"""

from flask import current_app, flash, redirect, render_template, request, url_for
from sqlalchemy import case
from sqlalchemy.orm import defer

from app.admin import bp
from app.auth.permissions import allow
from app.extensions import db
from app.models import OutboxMessage, OutboxStatus, Role
from app.pagination import paginate, pagination_links
from app.services.outbox import status_counts, try_again

# What needs the admin comes first: failed, then still to send, then sent.
_ATTENTION = case({OutboxStatus.FAILED: 0, OutboxStatus.SENDING: 1, OutboxStatus.PENDING: 2},
                  value=OutboxMessage.status, else_=3)


@bp.get("/outbox")
@allow(Role.VS_ADMIN)
def outbox():
    page = outbox_page(request.args.get("page", 1, type=int))
    return render_template("admin/outbox/index.html", counts=status_counts(), results=page,
                           pagination=pagination_links(page, "admin.outbox"),
                           max_attempts=current_app.config["MAIL_MAX_ATTEMPTS"])


@bp.post("/outbox/<int:message_id>/try-again")
@allow(Role.VS_ADMIN)
def outbox_retry(message_id):
    message = db.get_or_404(OutboxMessage, message_id)
    if try_again(message):
        db.session.commit()
        flash(f"The email to {message.to_address} will be sent again in the next few minutes",
              "success")
    else:
        flash(f"The email to {message.to_address} had not failed, so nothing was changed")
    return redirect(url_for("admin.outbox"))


def outbox_page(number: int):
    """One page of messages, without their bodies. A page past the end shows the last one."""
    stmt = (db.select(OutboxMessage).options(defer(OutboxMessage.message))
            .order_by(_ATTENTION, OutboxMessage.created_at.desc(), OutboxMessage.id.desc()))
    return paginate(stmt, number)

