"""The accessibility statement: how accessible Convene is, and how to tell us when it is not."""

from flask import render_template

from app.auth.permissions import public
from app.home import bp


@bp.get("/accessibility")
@public
def accessibility():
    return render_template("home/accessibility.html")
