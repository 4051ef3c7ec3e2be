"""Each role's home page, a school's own page, and the health check."""

from flask import Blueprint

bp = Blueprint("home", __name__)

from app.home import accessibility, record_views, views  # noqa: E402,F401
