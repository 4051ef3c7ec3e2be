"""Configuration and the database schema."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import upgrade

from app import create_app
from app.extensions import db


def test_production_refuses_to_start_without_a_secret_key(monkeypatch, tmp_path):
    monkeypatch.setenv("CONVENE_ENV_NAME", "production")
    monkeypatch.delenv("CONVENE_SECRET_KEY", raising=False)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/x.db")
    with pytest.raises(RuntimeError, match="CONVENE_SECRET_KEY"):
        create_app()


def test_production_cookies_are_secure(monkeypatch, tmp_path):
    monkeypatch.setenv("CONVENE_ENV_NAME", "production")
    monkeypatch.setenv("CONVENE_SECRET_KEY", "from-the-environment")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/x.db")
    app = create_app()
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.secret_key == "from-the-environment"


def test_development_generates_and_keeps_a_secret_key(tmp_path):
    from app.config import _development_secret

    first = _development_secret(tmp_path / "instance")
    assert len(first) >= 64
    assert _development_secret(tmp_path / "instance") == first
    assert (tmp_path / "instance" / "secret_key").stat().st_mode & 0o777 == 0o600


def test_postgres_urls_use_psycopg(monkeypatch, tmp_path):
    from app.config import _sqlalchemy_url

    assert _sqlalchemy_url("postgres://u:p@h/db") == "postgresql+psycopg://u:p@h/db"
    assert _sqlalchemy_url("sqlite:///x.db") == "sqlite:///x.db"


def test_migrations_build_exactly_the_models_schema(tmp_path):
    from tests.conftest import config_for_tests

    app = create_app(config_for_tests(tmp_path))
    with app.app_context():
        db.drop_all()
        with db.engine.begin() as connection:
            connection.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
        upgrade()
        with db.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"render_as_batch": True})
            differences = compare_metadata(context, db.metadata)
        assert differences == []
        db.drop_all()


def test_the_suite_runs_on_the_database_it_was_given(app):
    import os

    expected = "postgresql" if os.environ.get("TEST_DATABASE_URL") else "sqlite"
    assert db.engine.dialect.name == expected


def test_sqlite_connections_are_set_for_several_workers(tmp_path):
    # WAL so readers go on while one writes; NORMAL (1) so a commit waits for no fsync;
    # a busy timeout so writers queue; foreign keys enforced.
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'convene.db'}",
                      "SECRET_KEY": "test"})
    with app.app_context():
        settings = {name: db.session.execute(db.text(f"PRAGMA {name}")).scalar()
                    for name in ("journal_mode", "synchronous", "busy_timeout", "foreign_keys")}
        db.engine.dispose()
    assert settings == {"journal_mode": "wal", "synchronous": 1, "busy_timeout": 15000,
                        "foreign_keys": 1}
