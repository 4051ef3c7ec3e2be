"""Convene: the Flask application factory."""

from pathlib import Path

from flask import Flask
from jinja2 import ChoiceLoader, PackageLoader, PrefixLoader
from werkzeug.middleware.proxy_fix import ProxyFix

from app import config
from app.extensions import csrf, db, htmx, login_manager, migrate

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


def create_app(test_config: dict | None = None) -> Flask:
    app = Flask(__name__, instance_relative_config=True)
    config.load(app, test_config)
    if app.config["PROXY_COUNT"]:
        count = app.config["PROXY_COUNT"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count, x_host=count)

    app.jinja_loader = ChoiceLoader([
        app.jinja_loader,
        PrefixLoader({
            "govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja"),
            "govuk_frontend_wtf": PackageLoader("govuk_frontend_wtf"),
        }),
    ])
    _init_extensions(app)
    # Before the routes are added: an id too big for the database is a 404 in every route.
    from app.input_limits import ConveneRequest, IdConverter

    app.url_map.converters["int"] = IdConverter
    app.request_class = ConveneRequest
    _register_blueprints(app)

    from app import web
    web.init_app(app)

    from app import cli
    cli.init_app(app)
    return app


def _init_extensions(app: Flask) -> None:
    from govuk_frontend_wtf.main import WTFormsHelpers

    db.init_app(app)
    migrate.init_app(app, db, directory=str(MIGRATIONS), render_as_batch=True)
    csrf.init_app(app)
    htmx.init_app(app)
    WTFormsHelpers(app)
    login_manager.init_app(app)
    # Sessions held in the database; the cookie carries only their random id.
    from app.services.web_sessions import ServerSessionInterface

    app.session_interface = ServerSessionInterface()
    login_manager.login_view = "auth.sign_in"
    login_manager.login_message = "Sign in to continue"
    login_manager.login_message_category = "info"

    from app import models  # noqa: F401  (registers the tables with SQLAlchemy)
    from app.database import init_sqlite

    with app.app_context():
        init_sqlite(db.engine)
    from app.auth.sessions import load_user

    login_manager.user_loader(load_user)


def _register_blueprints(app: Flask) -> None:
    from app.admin import bp as admin_bp
    from app.auth import bp as auth_bp
    from app.booking import bp as booking_bp
    from app.dashboard import bp as dashboard_bp
    from app.home import bp as home_bp
    from app.outcomes import bp as outcomes_bp
    from app.profiles import bp as profiles_bp
    from app.requests import bp as requests_bp
    from app.support import bp as support_bp

    app.register_blueprint(auth_bp)
    app.register_blueprint(home_bp)
    app.register_blueprint(admin_bp, url_prefix="/admin")
    app.register_blueprint(requests_bp)
    app.register_blueprint(booking_bp)
    app.register_blueprint(outcomes_bp)
    app.register_blueprint(support_bp)
    app.register_blueprint(profiles_bp)
    app.register_blueprint(dashboard_bp)
