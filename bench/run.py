"""The benchmark: `python -m bench.run [--quick]` (or `make bench`, `make bench QUICK=1`).

Builds (or reuses) the large dataset, serves Convene from it with gunicorn (2 workers) on
127.0.0.1 over SQLite, signs in, and drives each key page with concurrent clients for a
fixed time, the baseline (the accessibility statement: the layout with no data) first.
Prints, per page, requests per second, median and 95th percentile latency, the ratio of its
throughput to the baseline's, and the SQL statements it runs on a small and the large
dataset. Not a test: it passes nothing and fails nothing, it measures.
"""

import argparse
import http.client
import os
import re
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

from bench import dataset
from bench.pages import ADMIN, BASELINE, STAFF, Page, key_pages
from bench.queries import MAX_QUERIES, count_queries

ROOT = dataset.ROOT
GUNICORN = Path(sys.executable).with_name("gunicorn")
WORKERS = 2
SMALL_SCALE = 0.01
# Targets: a key page serves at least this share of the baseline's requests per second,
# and the dashboard answers in this median time on the large dataset.
MIN_RATIO = 0.5
DASHBOARD_MEDIAN_MS = 150
_CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"'
                   r'|value="([^"]+)"[^>]*name="csrf_token"')


# A client --------------------------------------------------------------------------------------

class Client:
    """One browser: its own cookies, one request at a time (gunicorn's sync workers close
    each connection after its response, so every request opens a new one)."""

    def __init__(self, port: int, cookies: dict[str, str] | None = None):
        self.port, self.cookies = port, dict(cookies or {})

    def request(self, method: str, path: str, body: bytes | None = None,
                headers: dict | None = None) -> tuple[int, dict, bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read()
            for value in response.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(value).items():
                    self.cookies[name] = morsel.value
            return response.status, dict(response.headers), content
        finally:
            connection.close()

    def sign_in(self, email: str, password: str) -> None:
        status, _, page = self.request("GET", "/sign-in")
        match = _CSRF.search(page.decode())
        if status != 200 or match is None:
            raise RuntimeError(f"no sign-in form ({status})")
        form = urlencode({"csrf_token": match.group(1) or match.group(2), "email": email,
                          "password": password}).encode()
        status, _, _ = self.request("POST", "/sign-in", form, {
            "Content-Type": "application/x-www-form-urlencoded"})
        if status != 302:
            raise RuntimeError(f"could not sign in as {email}: {status}")


# Driving one page ------------------------------------------------------------------------------

@dataclass
class Result:
    page: Page
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def rps(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    @property
    def median_ms(self) -> float:
        return statistics.median(self.latencies) * 1000 if self.latencies else float("nan")

    @property
    def p95_ms(self) -> float:
        if len(self.latencies) < 2:
            return self.median_ms
        return statistics.quantiles(self.latencies, n=20, method="inclusive")[18] * 1000


def drive(result: Result, port: int, cookies: dict[str, str], clients: int, seconds: float,
          warm_up: int = 0) -> None:
    """`clients` threads ask for the page as fast as it answers, for `seconds`; what they
    measure is added to `result`."""
    page = result.page
    for _ in range(warm_up):  # compile the templates in both workers before the clock starts
        Client(port, cookies).request("GET", page.path)
    lock = threading.Lock()
    stop = time.perf_counter() + seconds

    def one_client():
        client = Client(port, cookies)
        while time.perf_counter() < stop:
            started = time.perf_counter()
            try:
                status, headers, _ = client.request("GET", page.path)
            except OSError as error:
                problem = f"{type(error).__name__}: {error}"
            else:
                kind = headers.get("Content-Type", "")
                problem = (None if status == 200 and kind.startswith(page.kind)
                           else f"{status} {kind}")
            elapsed = time.perf_counter() - started
            with lock:
                if problem:
                    result.errors.append(problem)
                else:
                    result.latencies.append(elapsed)

    threads = [threading.Thread(target=one_client) for _ in range(clients)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.seconds += time.perf_counter() - began


# The server ------------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(database: Path, port: int) -> subprocess.Popen:
    env = dict(os.environ, DATABASE_URL=f"sqlite:///{database}",
               CONVENE_SECRET_KEY=secrets.token_hex(32), CONVENE_ENV_NAME="development")
    server = subprocess.Popen(
        [str(GUNICORN), "-w", str(WORKERS), "-b", f"127.0.0.1:{port}", "--log-level",
         "warning", "wsgi:app"], cwd=ROOT, env=env, start_new_session=True)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("gunicorn stopped as it started")
        try:
            if Client(port).request("GET", "/healthz")[0] == 200:
                return server
        except OSError:
            pass
        time.sleep(0.1)
    stop_server(server)
    raise RuntimeError("gunicorn did not answer /healthz within 30 seconds")


def stop_server(server: subprocess.Popen) -> None:
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


# The report ------------------------------------------------------------------------------------

def report(results: list[Result], small: dict, large: dict, scale: float, seconds: float,
           clients: int) -> str:
    baseline = next(r for r in results if r.page.name == BASELINE)
    header = (f"{'page':<16}{'req/s':>8}{'median ms':>11}{'p95 ms':>9}{'ratio':>7}"
              f"{'queries small':>15}{'large':>7}  misses")
    lines = [f"Convene benchmark: scale {scale:g} dataset, gunicorn {WORKERS} workers, "
             f"{clients} clients, {seconds:g} s a page",
             header, "-" * len(header)]
    worst = None
    for result in results:
        name = result.page.name
        ratio = result.rps / baseline.rps if baseline.rps else 0.0
        q_small, q_large = small[name].statements, large[name].statements
        misses = []
        if name != BASELINE:
            if ratio < MIN_RATIO:
                misses.append(f"ratio < {MIN_RATIO}")
            if worst is None or ratio < worst[0]:
                worst = (ratio, name)
        if q_small != q_large:
            misses.append("N+1")
        if q_large > MAX_QUERIES:
            misses.append(f"> {MAX_QUERIES} queries")
        if name == "dashboard" and result.median_ms >= DASHBOARD_MEDIAN_MS:
            misses.append(f"median >= {DASHBOARD_MEDIAN_MS} ms")
        if result.errors:
            misses.append(f"{len(result.errors)} errors, e.g. {result.errors[0]}")
        lines.append(f"{name:<16}{result.rps:>8.1f}{result.median_ms:>11.1f}"
                     f"{result.p95_ms:>9.1f}{ratio:>7.2f}{q_small:>15}{q_large:>7}  "
                     + (", ".join(misses) or "-"))
    lines.append("")
    if worst is not None:
        lines.append(f"worst ratio to baseline: {worst[0]:.2f} ({worst[1]})")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="a tenth of the dataset and shorter runs: under a minute")
    parser.add_argument("--seconds", type=float, help="how long each page is driven")
    parser.add_argument("--clients", type=int, default=4, help="concurrent clients")
    parser.add_argument("--rounds", type=int, help="turns each page's time is split into")
    parser.add_argument("--only", action="append", metavar="PAGE",
                        help="drive only this page (and the baseline); may be repeated")
    args = parser.parse_args(argv)
    scale = 0.1 if args.quick else 1.0
    seconds = args.seconds or (2.0 if args.quick else 12.0)
    args.rounds = args.rounds or (2 if args.quick else 4)
    began = time.monotonic()

    def log(message: str) -> None:
        print(f"[{time.monotonic() - began:5.1f}s] {message}", flush=True)

    large_path = dataset.build(scale, log)
    small_path = dataset.build(SMALL_SCALE, log)
    log("Counting the queries each page runs, on the small and the large dataset")
    small, large = count_queries(small_path), count_queries(large_path)
    database = dataset.working_copy(large_path)
    targets = dataset.targets(database)
    port = free_port()
    log(f"Starting gunicorn on 127.0.0.1:{port}")
    server = start_server(database, port)
    try:
        cookies = {}
        for who, email in ((ADMIN, targets.admin_email), (STAFF, targets.staff_email)):
            client = Client(port)
            client.sign_in(email, targets.password)
            cookies[who] = client.cookies
        # The query count found the dashboard if this build of Convene has one.
        pages = [page for page in key_pages(targets, "dashboard" in large)
                 if not args.only or page.name in args.only or page.name == BASELINE]
        results = [Result(page) for page in pages]
        # Round by round, every page in turn: whatever else the machine is doing slows the
        # baseline and the pages alike, so the ratios hold even when the figures wander.
        for round_ in range(args.rounds):
            log(f"Round {round_ + 1} of {args.rounds}: "
                + ", ".join(f"{p.name} (GET {p.path})" if round_ == 0 else p.name
                            for p in pages))
            for result in results:
                drive(result, port, cookies[result.page.who], args.clients,
                      seconds / args.rounds, warm_up=2 if round_ == 0 else 0)
    finally:
        stop_server(server)
        dataset.remove_copy(database)
    log("Done")
    print()
    print(report(results, small, large, scale, seconds, args.clients))
    return 0


if __name__ == "__main__":
    sys.exit(main())
