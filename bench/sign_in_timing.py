"""How long a wrong password takes for a known and an unknown email, with production-strength
Argon2: `python -m bench.sign_in_timing [--rounds N]`. The two medians should be close, so
that the time taken does not tell anyone which emails have accounts. Not a test: it measures.

Runs the app in-process (Flask's test client, SQLite in a temporary folder, rate limits off),
alternating known and unknown emails so that both see the same machine load.
"""

import argparse
import statistics
import tempfile
import time
from pathlib import Path


def measure(rounds: int) -> tuple[list[float], list[float]]:
    from app import create_app
    from app.extensions import db
    from app.models import Role, User
    from app.services.passwords import hash_password

    folder = Path(tempfile.mkdtemp(prefix="convene-timing-"))
    app = create_app({"SECRET_KEY": "timing", "WTF_CSRF_ENABLED": False,
                      "RATELIMIT_ENABLED": False,
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'timing.db'}"})
    with app.app_context():
        db.create_all()
        db.session.add(User(email="known@example.test", name="Known Person", role=Role.VS_ADMIN,
                            password_hash=hash_password("the right password, long")))
        db.session.commit()
    client = app.test_client()
    known, unknown = [], []
    for n in range(rounds + 1):
        for email, times in (("known@example.test", known), (f"nobody{n}@example.test", unknown)):
            started = time.perf_counter()
            response = client.post("/sign-in", data={"email": email, "password": "wrong"})
            elapsed = (time.perf_counter() - started) * 1000
            assert response.status_code == 400, response.status_code
            if n:  # the first round warms up templates and the database
                times.append(elapsed)
    return known, unknown


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    rounds = parser.parse_args().rounds
    known, unknown = measure(rounds)
    for name, times in (("known email", known), ("unknown email", unknown)):
        print(f"{name:14} median {statistics.median(times):6.1f} ms   "
              f"min {min(times):6.1f}   max {max(times):6.1f}   ({len(times)} wrong passwords)")


if __name__ == "__main__":
    main()
