"""The service navigation each role sees."""

from flask import url_for

from app.models import Role

# (label, endpoint, the endpoints that mark it current, roles that see it)
_ITEMS = [
    ("Home", "home.index", ("home.index",), set(Role)),
    ("My school", "home.my_school", ("home.my_school", "home.school"), {Role.SCHOOL_STAFF}),
    ("Schools", "admin.schools", ("admin.school",), {Role.VS_ADMIN}),
    ("Users", "admin.users", ("admin.user",), {Role.VS_ADMIN}),
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
