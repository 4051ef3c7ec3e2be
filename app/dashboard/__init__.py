"""The themes dashboard and the Virtual School's CSV exports."""

from flask import Blueprint

bp = Blueprint("dashboard", __name__)

from app.dashboard import exports, views  # noqa: E402,F401
