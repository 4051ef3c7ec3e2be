"""Team Around the Child meetings and the action tracker, for school staff."""

from flask import Blueprint

bp = Blueprint("support", __name__)

from app.support import meeting_pages, notes_page, tracker_pages  # noqa: E402,F401
