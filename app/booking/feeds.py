"""A person's own calendar subscription: the page that explains it and makes or revokes the
secret address, and the address itself, which calendar programs fetch without signing in."""

from flask import abort, flash, g, make_response, redirect, render_template, url_for
from flask_login import current_user

from app.auth.permissions import allow, public
from app.booking import bp
from app.extensions import db
from app.links import external_url
from app.models import Role
from app.models.types import utcnow
from app.services import feeds


@bp.get("/calendar")
@allow(*Role)
def calendar():
    return render_template("booking/calendar/index.html", feed=feeds.live_feed(current_user))


@bp.post("/calendar/feed")
@allow(*Role)
def new_feed():
    _, token = feeds.create_feed(current_user)
    db.session.commit()
    # Shown this once: only its hash is kept. The page is not cached (no-store when signed in).
    return render_template("booking/calendar/created.html",
                           url=external_url("booking.feed", token=token))


@bp.post("/calendar/feed/revoke")
@allow(*Role)
def revoke_feed():
    if feeds.revoke_feeds(current_user):
        db.session.commit()
        flash("Your calendar address has been turned off. Calendars subscribed to it will "
              "stop getting your consultations.", "success")
    else:
        flash("You have no calendar address to turn off")
    return redirect(url_for("booking.calendar"))


@bp.get("/calendar/<token>.ics")
@public
def feed(token):
    now = utcnow()
    calendar_feed = feeds.feed_for_token(token)
    if calendar_feed is None:
        abort(404)
    body = feeds.render_user_feed(calendar_feed.user, now)
    if feeds.use_due(calendar_feed, now):
        feed_id = calendar_feed.id
        g.writes = True  # the next transaction takes SQLite's write lock at BEGIN
        db.session.commit()
        feeds.record_use(feed_id, now)
        db.session.commit()
    response = make_response(body)
    response.content_type = "text/calendar; charset=utf-8"
    response.headers["Cache-Control"] = "private, max-age=300"
    response.headers["X-Robots-Tag"] = "noindex"
    return response
