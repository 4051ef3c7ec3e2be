"""The fuzz suite's settings, its world (built once per module: every form is fuzzed in the
same one) and the tally of what was sent, printed at the end of the run.

Profiles: "default" (a few examples per form and role, the same ones every run, in under two
minutes), and "long" (many more, new ones each run): `CONVENE_FUZZ_PROFILE=long pytest
tests/fuzz`. Set CONVENE_FUZZ_REPORT to a file name to have the tally written there too."""

import os
from collections import Counter

import pytest
from hypothesis import HealthCheck, settings

from app import create_app
from app.extensions import db
from tests.conftest import TEMPLATE_CACHE, FreshContextClient, config_for_tests
from tests.fuzz.discover import crawl
from tests.fuzz.world import ANONYMOUS, World

_COMMON = {"deadline": None, "database": None, "suppress_health_check": list(HealthCheck)}
settings.register_profile("default", max_examples=8, derandomize=True, **_COMMON)
settings.register_profile("long", max_examples=150, derandomize=False, **_COMMON)
PROFILE = os.environ.get("CONVENE_FUZZ_PROFILE", "default")

# (method and route, role) -> examples sent; and the status codes they got.
SENT: Counter = Counter()
STATUSES: Counter = Counter()
SERVER_ERRORS: list[str] = []


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    app = create_app(config_for_tests(tmp_path_factory.mktemp("fuzz")))
    app.test_client_class = FreshContextClient
    app.jinja_env.bytecode_cache = TEMPLATE_CACHE
    with app.app_context():
        db.drop_all()
        db.create_all()
        made = World(app)
        made.build()
        made.found = crawl(made, [*made.people, ANONYMOUS])
        yield made
        db.session.remove()
        db.drop_all()
        for engine in db.engines.values():
            engine.dispose()


def pytest_terminal_summary(terminalreporter):
    if not SENT:
        return
    lines = [f"Fuzzed inputs per form and role ({PROFILE} profile):"]
    width = max(len(key[0]) for key in SENT) + 2
    for (route, role), count in sorted(SENT.items()):
        lines.append(f"  {route:{width}} {role:26} {count:5}")
    routes = {route for route, _role in SENT if not route.startswith("round trip")}
    lines.append(f"  {sum(SENT.values())} inputs: {len(routes)} routes (method and path), "
                 f"{len(SENT)} route-role pairs and round trips; status codes: "
                 + ", ".join(f"{code}: {n}" for code, n in sorted(STATUSES.items())))
    lines.append(f"  500s (or exceptions) seen: {len(SERVER_ERRORS)}")
    lines.extend(f"    {each}" for each in SERVER_ERRORS[:20])
    for line in lines:
        terminalreporter.write_line(line)
    report = os.environ.get("CONVENE_FUZZ_REPORT")
    if report:
        with open(report, "w") as file:
            file.write("\n".join(lines) + "\n")
