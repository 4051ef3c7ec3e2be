"""A child's One Page Profile: versioned, compared and printed on one page."""

from flask import Blueprint

bp = Blueprint("profiles", __name__)

from app.profiles import edit, views  # noqa: E402,F401
