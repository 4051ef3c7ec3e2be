"""The booking rules (VS admin): notice, the per-term limit, how long a waiting-list offer is
held, and when reminders go."""

from dataclasses import asdict

from flask import flash, redirect, render_template, url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovSubmitInput
from wtforms import IntegerField, SubmitField
from wtforms.validators import InputRequired, NumberRange

from app.admin import bp
from app.auth.permissions import allow
from app.extensions import db
from app.forms import GovNumberInput
from app.models import Role
from app.services import audit
from app.services.booking_rules import LIMITS, BookingRules, current_rules, save_rules


class WholeNumberField(IntegerField):
    """A whole number typed in a GOV.UK text box, with the range from booking_rules.LIMITS
    and messages in words a person would use."""

    def __init__(self, label: str, *, rule: str, what: str, example: int, description: str,
                 **kwargs):
        low, high = LIMITS[rule]
        self._invalid = f"{what} must be a whole number, like {example}"
        super().__init__(label, widget=GovNumberInput(), description=description, validators=[
            InputRequired(message=f"Enter {what[0].lower()}{what[1:]}, like {example}"),
            NumberRange(min=low, max=high,
                        message=f"{what} must be between {low} and {high}")], **kwargs)

    def process_formdata(self, valuelist):
        text = valuelist[0].strip() if valuelist else ""
        if not text:
            self.data, self.raw_data = None, [""]  # spaces alone are nothing typed
            return
        try:
            self.data = int(text)
        except ValueError:
            self.data = None
            raise ValueError(self._invalid) from None


class BookingRulesForm(FlaskForm):
    min_notice_days = WholeNumberField(
        "Minimum notice, in working days", rule="min_notice_days", what="The minimum notice",
        example=2, description="Schools cannot book a slot fewer than this many working days "
        "ahead. 0 lets them book up to the day itself.")
    term_limit = WholeNumberField(
        "Bookings per school per term", rule="term_limit", what="The bookings per term",
        example=6, description="How many consultations one school may have booked in a "
        "term. 0 means no limit.")
    offer_hours = WholeNumberField(
        "Hours a waiting-list offer is held", rule="offer_hours", what="The hours an offer "
        "is held", example=24, description="When a slot comes free, the first school on the "
        "waiting list has this long to book it before it is offered to the next.")
    reminder_days = WholeNumberField(
        "Days before a consultation to send reminders", rule="reminder_days",
        what="The days before", example=1, description="Everyone invited is sent a reminder "
        "this many days before. 0 means no reminders.")
    submit = SubmitField("Save booking rules", widget=GovSubmitInput())

    def rules(self) -> BookingRules:
        return BookingRules(**{name: self[name].data for name in asdict(BookingRules())})


@bp.route("/booking-rules", methods=["GET", "POST"])
@allow(Role.VS_ADMIN)
def booking_rules():
    form = BookingRulesForm(data=asdict(current_rules()))
    if not form.validate_on_submit():
        status = 400 if form.is_submitted() else 200
        return render_template("admin/booking_rules.html", form=form), status
    rules = form.rules()
    save_rules(rules, current_user.id)
    audit.record("booking_rules_changed", detail=describe(rules))
    db.session.commit()
    flash("Booking rules saved. They apply from now on.", "success")
    return redirect(url_for("admin.booking_rules"))


def describe(rules: BookingRules) -> str:
    """What the audit log keeps: every value, in words."""
    return (f"minimum notice {rules.min_notice_days} working days; "
            f"{rules.term_limit or 'no limit of'} bookings per school per term; "
            f"offers held {rules.offer_hours} hours; "
            f"reminders {rules.reminder_days} days before")
