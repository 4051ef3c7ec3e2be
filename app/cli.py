"""Flask commands: demo-data (and demo-code), create-user, reset-two-factor, outbox and purge."""

import click
from flask import current_app, url_for

from app.extensions import db
from app.models import Role, School, User
from app.services import audit
from app.services.passwords import MIN_LENGTH, hash_password


def init_app(app) -> None:
    app.cli.add_command(demo_data)
    app.cli.add_command(demo_code)
    app.cli.add_command(reset_two_factor)
    app.cli.add_command(create_user)
    app.cli.add_command(outbox_worker)
    app.cli.add_command(purge)


@click.command("demo-data")
def demo_data():
    """Load demo schools and users (never in production)."""
    from app.demo import DEMO_PASSWORD, load_demo_data

    if current_app.config["ENV_NAME"] == "production":
        raise click.ClickException("demo data is refused in production")
    from app.demo import DEMO_TOTP_SECRET
    from app.services.two_factor import REQUIRED_FOR

    users = load_demo_data()
    click.echo(f"Demo sign-ins (password for all: {DEMO_PASSWORD}):")
    for demo in users:
        code = "  + a code (two-factor sign-in)" if demo.role in REQUIRED_FOR else ""
        click.echo(f"  {demo.role.label:<26} {demo.email:<26}{code}")
    click.echo("For the code, add this key to an authenticator app: "
               f"{DEMO_TOTP_SECRET}\nor run: flask --app wsgi demo-code EMAIL")


@click.command("demo-code")
@click.argument("email")
def demo_code(email):
    """Print the code a demo user's authenticator app would show now (never in production)."""
    from app.demo import DEMO_TOTP_SECRET
    from app.models.user import normalise_email
    from app.services import two_factor

    if current_app.config["ENV_NAME"] == "production":
        raise click.ClickException("demo codes are refused in production")
    user = db.session.scalar(db.select(User).filter_by(email=normalise_email(email)))
    credential = two_factor.credential_for(user) if user else None
    if credential is None or two_factor.secret_of(credential) != DEMO_TOTP_SECRET:
        raise click.ClickException(f"{email} does not sign in with the demo's two-factor key")
    code = two_factor.code_to_use_now(DEMO_TOTP_SECRET, credential.last_used_step)
    if code is None:
        raise click.ClickException("The last code was used a moment ago: try again in 30 "
                                   "seconds")
    click.echo(code)


@click.command("reset-two-factor")
@click.option("--email", required=True)
def reset_two_factor(email):
    """Reset a person's two-factor sign-in, for a VS admin with no other admin to do it."""
    from app.models.user import normalise_email
    from app.services import two_factor

    user = db.session.scalar(db.select(User).filter_by(email=normalise_email(email)))
    if user is None:
        raise click.ClickException(f"No user has the email address {email}")
    two_factor.reset(user, by=None)
    click.echo(f"Two-factor sign-in reset for {user.email}: they set it up again at their "
               "next sign-in." if two_factor.is_required_for(user) else
               f"Two-factor sign-in reset for {user.email}: it is now off.")


@click.command("create-user")
@click.option("--email", required=True)
@click.option("--name", required=True)
@click.option("--role", required=True, type=click.Choice([r.value for r in Role]))
@click.option("--job-title", default=None)
@click.option("--school-urn", default=None, help="Required for school staff.")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True,
              prompt_required=False, default=None,
              help="Leave out to print a one-time link to set a password instead.")
def create_user(email, name, role, job_title, school_urn, password):
    """Create a user, e.g. the first VS admin of a new installation."""
    role = Role(role)
    school = _school_for(role, school_urn)
    user = User(email=email, name=name, role=role, job_title=job_title, school=school)
    if db.session.scalar(db.select(User).filter_by(email=user.email)):
        raise click.ClickException(f"a user with the email {user.email} already exists")
    if password is not None:
        if len(password) < MIN_LENGTH:
            raise click.ClickException(f"the password must be at least {MIN_LENGTH} characters")
        user.password_hash = hash_password(password)
    db.session.add(user)
    db.session.flush()
    audit.record("user_created", user, detail="from the command line")
    db.session.commit()
    click.echo(f"Created {user.email} ({role.label})")
    if password is None:
        click.echo("Set a password at: " + _set_password_link(user))


def _school_for(role: Role, urn: str | None) -> School | None:
    if role != Role.SCHOOL_STAFF:
        if urn:
            raise click.ClickException("only school staff belong to a school")
        return None
    if not urn:
        raise click.ClickException("school staff need --school-urn")
    school = db.session.scalar(db.select(School).filter_by(urn=urn))
    if school is None:
        raise click.ClickException(f"no school has the URN {urn}")
    return school


def _set_password_link(user: User) -> str:
    from app.auth.tokens import make_set_password_token

    base = current_app.config.get("SERVICE_URL", "http://127.0.0.1:5000")
    with current_app.test_request_context(base_url=base):
        return url_for("auth.set_password", token=make_set_password_token(user), _external=True)


@click.command("outbox")
@click.option("--once", is_flag=True, help="Send what is due now, then stop.")
def outbox_worker(once):
    """Send the email waiting in the outbox, until stopped (SIGTERM or Ctrl-C). Each round
    first passes on expired waiting-list offers and queues the reminders that are due.

    Run as many at once as you like: no message is sent by two of them.
    """
    import threading

    from app.services import housekeeping, mail, outbox

    worker_id = outbox.worker_name()
    try:
        outbox.check_can_send()  # say so now, not once a minute in the loop
    except mail.MailNotConfigured as error:
        raise click.ClickException(str(error)) from error
    if once:
        housekeeping.run()
        click.echo(outbox.send_all_due(worker_id).summary())
        return
    stop = threading.Event()
    outbox.stop_on_signals(stop)
    outbox.run_worker(worker_id, stop, echo=click.echo, before_round=housekeeping.run)


@click.command("purge")
@click.option("--dry-run", is_flag=True, help="List what would be purged; change nothing.")
def purge(dry_run):
    """Delete what the retention policy no longer keeps: each child's records some years
    after the child's last activity (one transaction per child, leaving an audit event
    with the counts), then audit events past the audit period (CONVENE_RETENTION_*)."""
    from app.london import long_date
    from app.services import retention

    plan = retention.plan()
    rules = plan.policy
    click.echo(f"Child records: kept {rules.record_years} years after the child's last "
               f"activity; due if that was before {long_date(rules.record_cutoff)}.")
    click.echo(f"Audit events: kept {rules.audit_years} years; due if written before "
               f"{long_date(rules.audit_cutoff)}.")
    verb = "would be" if dry_run else "to be"
    click.echo(f"Children whose records {verb} purged: {len(plan.children)}")
    for child in plan.children:
        counts = ", ".join(f"{heading} {child.counts[name]}"
                           for name, heading in retention.LISTED)
        click.echo(f"  {child.reference}  {child.school}  last activity "
                   f"{long_date(child.last_activity)}  {counts}")
    click.echo(f"Audit events that {verb} purged: {plan.audit_events}")
    click.echo(f"Sent or failed emails that {verb} purged: {plan.emails}")
    if dry_run:
        click.echo("Dry run: nothing was changed.")
        return
    purged = 0
    for child in plan.children:
        try:
            counts = retention.purge_child(child.child_id, rules)
        except Exception as error:
            raise click.ClickException(
                f"purging {child.reference} failed, and nothing of it was deleted: {error}. "
                f"{purged} children were purged before it.") from error
        if counts is None:
            click.echo(f"  {child.reference}: kept, it has had activity since the list was made")
            continue
        purged += 1
        click.echo("  " + retention.describe_counts(child.reference, child.last_activity,
                                                    counts))
    events = retention.purge_audit_events(rules)
    emails = retention.purge_emails(rules)
    click.echo(f"Purged {purged} children's records, {events} audit events and {emails} emails.")
