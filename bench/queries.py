"""How many SQL statements each key page runs, on a small and on the large dataset.

In-process, with the Flask test client: the same count on both means no N+1 (a query per
row); the target is the same count, and at most MAX_QUERIES.
"""

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import event

from bench import dataset
from bench.pages import ADMIN, key_pages

MAX_QUERIES = 12
# Transaction control and connection settings are not queries a page chose to run.
_NOT_QUERIES = ("BEGIN", "COMMIT", "ROLLBACK", "PRAGMA", "SAVEPOINT", "RELEASE")


@dataclass(frozen=True)
class Count:
    page: str
    status: int
    statements: int


def count_queries(path: Path) -> dict[str, Count]:
    """Sign in as each benchmark user, ask for each key page once to warm up, then count."""
    from app import create_app
    from app.extensions import db

    copy = dataset.working_copy(path)
    targets = dataset.targets(copy)
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{copy}", "SECRET_KEY": "bench",
                      "WTF_CSRF_ENABLED": False, "RATELIMIT_ENABLED": False})
    from bench.pages import has_dashboard

    seen: list[str] = []
    with app.app_context():
        engine = db.engine

    @event.listens_for(engine, "before_cursor_execute")
    def _count(_conn, _cursor, statement, *_args):
        if not statement.lstrip().upper().startswith(_NOT_QUERIES):
            seen.append(statement)

    clients = {}
    for who, email in ((ADMIN, targets.admin_email), ("staff", targets.staff_email)):
        client = clients[who] = app.test_client()
        response = client.post("/sign-in", data={"email": email, "password": targets.password})
        if response.status_code != 302:
            raise RuntimeError(f"could not sign in as {email}: {response.status_code}")
    counts = {}
    for page in key_pages(targets, has_dashboard(app)):
        clients[page.who].get(page.path)
        seen.clear()
        response = clients[page.who].get(page.path)
        counts[page.name] = Count(page.name, response.status_code, len(seen))
    engine.dispose()
    dataset.remove_copy(copy)
    return counts


def show_statements(path: Path, page_name: str) -> list[str]:
    """The statements one page runs (for finding an N+1): `python -m bench.queries PAGE`."""
    from app import create_app
    from app.extensions import db
    from bench.pages import has_dashboard

    copy = dataset.working_copy(path)
    targets = dataset.targets(copy)
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{copy}", "SECRET_KEY": "bench",
                      "WTF_CSRF_ENABLED": False, "RATELIMIT_ENABLED": False})
    seen: list[str] = []
    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute",
                 lambda _c, _cur, statement, *_a: seen.append(statement))
    page = next(p for p in key_pages(targets, has_dashboard(app)) if p.name == page_name)
    client = app.test_client()
    client.post("/sign-in", data={"email": targets.admin_email if page.who == ADMIN
                                  else targets.staff_email, "password": targets.password})
    client.get(page.path)
    seen.clear()
    client.get(page.path)
    engine.dispose()
    dataset.remove_copy(copy)
    return seen


if __name__ == "__main__":
    import sys

    scale = float(sys.argv[2]) if len(sys.argv) > 2 else 0.01
    for each in show_statements(dataset.build(scale), sys.argv[1]):
        print(" ".join(each.split())[:300])
