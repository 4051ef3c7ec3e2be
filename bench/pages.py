"""The pages the benchmark drives: who asks for each, and its address in a built dataset."""

from dataclasses import dataclass

from bench.dataset import Targets

ADMIN, STAFF = "admin", "staff"
BASELINE = "baseline"


@dataclass(frozen=True)
class Page:
    name: str
    who: str  # ADMIN or STAFF: the signed-in person who asks
    path: str
    kind: str = "text/html"  # the start of the Content-Type it must answer with


def key_pages(targets: Targets, has_dashboard: bool) -> list[Page]:
    """The baseline first (the accessibility statement: the layout with no data), then the
    key pages; the dashboard when this build of Convene has one."""
    pages = [
        Page(BASELINE, ADMIN, "/accessibility"),
        Page("free slots", STAFF, "/slots"),
        Page("triage queue", ADMIN, "/triage"),
        Page("request", ADMIN, f"/requests/{targets.request_id}"),
        Page("action tracker", STAFF, f"/children/{targets.child_reference}/actions"),
        Page("PDF summary", ADMIN, f"/bookings/{targets.pdf_booking_id}/outcome.pdf",
             "application/pdf"),
        Page("booking .ics", STAFF, f"/bookings/{targets.ics_booking_id}/invite.ics",
             "text/calendar"),
    ]
    if has_dashboard:
        pages.insert(5, Page("dashboard", ADMIN, "/dashboard"))
    return pages


def has_dashboard(app) -> bool:
    return any(rule.rule == "/dashboard" for rule in app.url_map.iter_rules())
