"""The service navigation each role sees."""

from flask import url_for

from app.models import Role

VIRTUAL_SCHOOL = {Role.VS_ADMIN, Role.VS_ADVISOR}

# (label, endpoint, the endpoint prefixes that mark it current, roles that see it)
_ITEMS = [
    ("Home", "home.index", ("home.index",), set(Role)),
    ("Requests", "requests.index",
     ("requests.index", "requests.new_request", "requests.step", "requests.check",
      "requests.sent", "requests.show", "requests.delete"), {Role.SCHOOL_STAFF}),
    ("Child records", "requests.children", ("requests.child", "requests.new_child",
                                            "requests.edit_child"), {Role.SCHOOL_STAFF}),
    ("My school", "home.my_school", ("home.my_school", "home.school"), {Role.SCHOOL_STAFF}),
    ("Requests", "requests.triage", ("requests.triage", "requests.show", "requests.accept",
                                     "requests.decline", "requests.give_advice",
                                     "requests.close"), VIRTUAL_SCHOOL),
    ("Sessions", "booking.sessions", ("booking.",),
     {Role.VS_ADMIN, Role.VS_ADVISOR, Role.EDUCATIONAL_PSYCHOLOGIST}),
    ("Themes", "admin.themes", ("admin.theme", "admin.signposting"), {Role.VS_ADMIN}),
    ("Schools", "admin.schools", ("admin.school",), {Role.VS_ADMIN}),
    ("Users", "admin.users", ("admin.user",), {Role.VS_ADMIN}),
    ("Outbox", "admin.outbox", ("admin.outbox",), {Role.VS_ADMIN}),
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
