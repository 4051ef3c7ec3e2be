"""Sign-in, sign-out, and who may use which page."""

from flask import Blueprint

bp = Blueprint("auth", __name__)

from app.auth import account, two_factor, views  # noqa: E402,F401
