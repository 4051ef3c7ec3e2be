"""Child records, advice requests and the Virtual School's triage of them."""

from flask import Blueprint

bp = Blueprint("requests", __name__)

from app.requests import advice_form, children, request_page, triage  # noqa: E402,F401
