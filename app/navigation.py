"""The service navigation each role sees."""

from flask import url_for

from app.models import Role

VIRTUAL_SCHOOL = {Role.VS_ADMIN, Role.VS_ADVISOR}

# One booking's pages (and the list of them): "booking.booking" also matches bookings and
# booking_ics by prefix.
BOOKING_PAGES = ("booking.booking", "booking.cancel_booking", "booking.move_booking",
                 "booking.add_attendee", "booking.remove_attendee", "booking.leave_waiting_list")

# (label, endpoint, the endpoint prefixes that mark it current, roles that see it)
_ITEMS = [
    ("Home", "home.index", ("home.index",), set(Role)),
    ("Requests", "requests.index",
     ("requests.index", "requests.new_request", "requests.step", "requests.check",
      "requests.sent", "requests.show", "requests.delete"), {Role.SCHOOL_STAFF}),
    ("Child records", "requests.children",
     ("requests.child", "requests.new_child", "requests.edit_child", "profiles.",
      "support.tac", "support.new_tac", "support.edit_tac", "support.cancel_tac",
      "support.child_actions"), {Role.SCHOOL_STAFF}),
    ("Actions", "support.school_actions",
     ("support.school_actions", "support.reassign_action"), {Role.SCHOOL_STAFF}),
    ("Book a consultation", "booking.free_slots",
     ("booking.free_slots", "booking.book_slot", "booking.join_waiting_list"),
     {Role.SCHOOL_STAFF}),
    ("Consultations", "booking.bookings", BOOKING_PAGES, {Role.SCHOOL_STAFF}),
    ("My school", "home.my_school", ("home.my_school", "home.school"), {Role.SCHOOL_STAFF}),
    ("Requests", "requests.triage", ("requests.triage", "requests.show", "requests.accept",
                                     "requests.decline", "requests.give_advice",
                                     "requests.close"), VIRTUAL_SCHOOL),
    ("Sessions", "booking.sessions",
     ("booking.session", "booking.new_session", "booking.new_series", "booking.cancel_session",
      "booking.edit_session"),
     {Role.VS_ADMIN, Role.VS_ADVISOR, Role.EDUCATIONAL_PSYCHOLOGIST}),
    ("Consultations", "booking.bookings", BOOKING_PAGES,
     {Role.VS_ADMIN, Role.VS_ADVISOR, Role.EDUCATIONAL_PSYCHOLOGIST, Role.SOCIAL_WORKER}),
    ("Outcomes", "outcomes.my_outcomes", ("outcomes.",), {Role.EDUCATIONAL_PSYCHOLOGIST}),
    ("Dashboard", "dashboard.index", ("dashboard.",), VIRTUAL_SCHOOL),
    ("Themes", "admin.themes", ("admin.theme", "admin.signposting", "admin.never_name"),
     {Role.VS_ADMIN}),
    ("Schools", "admin.schools", ("admin.school",), {Role.VS_ADMIN}),
    ("Users", "admin.users", ("admin.user",), {Role.VS_ADMIN}),
    ("Booking rules", "admin.booking_rules", ("admin.booking_rules",), {Role.VS_ADMIN}),
    ("Outbox", "admin.outbox", ("admin.outbox",), {Role.VS_ADMIN}),
    ("Audit trail", "admin.audit_trail", ("admin.audit", "admin.retention"), {Role.VS_ADMIN}),
]


def navigation_for(user, endpoint: str | None) -> list[dict]:
    if not user.is_authenticated:
        return []
    endpoint = endpoint or ""
    return [
        {"text": label, "href": url_for(target), "active": endpoint.startswith(current)}
        for label, target, current, roles in _ITEMS
        if user.role in roles
    ]
