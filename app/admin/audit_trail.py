"""The audit trail (VS admin): every event, searched by person, record, school, action and
dates, newest first, a page at a time; and the events found, as a CSV file. Nothing here
changes or deletes an event: the trail is only ever added to."""

from datetime import timedelta

from flask import make_response, render_template, request
from sqlalchemy import func, or_, select

from app.admin import bp
from app.admin.audit_forms import AuditFilterForm
from app.auth.permissions import allow
from app.dashboard.csv_files import csv_stream
from app.dashboard.filters import moment
from app.extensions import db, htmx
from app.london import to_london
from app.models import AuditEvent, Role, School, User
from app.pagination import paginate_rows, pagination_links
from app.rendering import render_page_or_partial
from app.services import audit

CSV_HEAD = ["When (UK time)", "What happened", "Action code", "Person", "Email address",
            "Role", "Kind of record", "Record number", "Record reference", "School", "Detail",
            "IP address"]


def _schools() -> list[tuple[int, str]]:
    return db.session.execute(select(School.id, School.name).order_by(School.name)).all()


def _conditions(form: AuditFilterForm) -> list:
    """The WHERE conditions of the filters chosen."""
    conditions = []
    if form.person.data:
        text = form.person.data
        conditions.append(AuditEvent.actor_id.in_(select(User.id).where(or_(
            User.name.icontains(text, autoescape=True),
            User.email.icontains(text, autoescape=True)))))
    if form.chosen("action"):
        conditions.append(AuditEvent.action == form.chosen("action"))
    if form.chosen("record_type"):
        conditions.append(AuditEvent.record_type == form.chosen("record_type"))
    if form.record.data:
        text = form.record.data
        conditions.append(or_(AuditEvent.record_reference == text.upper(),
                              AuditEvent.record_id == text))
    if form.chosen("school"):
        conditions.append(AuditEvent.school_id == int(form.chosen("school")))
    if form.from_date.data:
        conditions.append(AuditEvent.at >= moment(form.from_date.data))
    if form.to_date.data:
        conditions.append(AuditEvent.at < moment(form.to_date.data + timedelta(days=1)))
    return conditions


def events_matching(form: AuditFilterForm):
    """(rows, counting): the events found, newest first, with who and which school; and
    the count of them (which needs no join)."""
    conditions = _conditions(form)
    rows = (select(AuditEvent.at, AuditEvent.action, AuditEvent.record_type,
                   AuditEvent.record_id, AuditEvent.record_reference, AuditEvent.detail,
                   AuditEvent.ip_address, User.name.label("person"), User.email,
                   User.role, School.name.label("school"))
            .outerjoin(User, User.id == AuditEvent.actor_id)
            .outerjoin(School, School.id == AuditEvent.school_id)
            .where(*conditions)
            .order_by(AuditEvent.at.desc(), AuditEvent.id.desc()))
    counting = select(func.count(AuditEvent.id)).where(*conditions)
    return rows, counting


@bp.get("/audit")
@allow(Role.VS_ADMIN)
def audit_trail():
    form = AuditFilterForm(request.args, _schools())
    if not form.validate():
        return _invalid(form)
    rows, counting = events_matching(form)
    page = paginate_rows(rows, counting, request.args.get("page", 1, type=int))
    args = form.query_args()
    return render_page_or_partial(
        "admin/audit/index.html", "admin/audit/_results.html", form=form, results=page,
        export_args=args, words_for=audit.words_for, record_types=audit.RECORD_TYPES,
        pagination=pagination_links(page, "admin.audit_trail", **args))


@bp.get("/audit.csv")
@allow(Role.VS_ADMIN)
def audit_csv():
    form = AuditFilterForm(request.args, _schools())
    if not form.validate():
        return _invalid(form)
    rows, counting = events_matching(form)
    found = db.session.scalar(counting)
    # The export is itself an event, saved before the file is read out.
    audit.record("audit_exported", detail=f"{found} events; {form.describe()}")
    db.session.commit()
    return csv_stream("convene-audit-trail.csv", CSV_HEAD, _csv_rows(rows))


def _invalid(form: AuditFilterForm):
    """Wrong dates: the whole page with the error summary and what was typed. htmx does not
    swap a 400 into the results, so it is sent to load that page instead."""
    if htmx and not htmx.boosted:
        response = make_response("", 400)
        response.headers["HX-Redirect"] = request.full_path
    else:
        response = make_response(render_template("admin/audit/index.html", form=form,
                                                 results=None), 400)
    response.vary.add("HX-Request")
    return response


def _csv_rows(rows):
    for row in db.session.execute(rows.execution_options(yield_per=1000)):
        yield [to_london(row.at).strftime("%Y-%m-%d %H:%M:%S"), audit.words_for(row.action),
               row.action, row.person or "Not signed in", row.email or "",
               row.role.label if row.role else "",
               audit.RECORD_TYPES.get(row.record_type, row.record_type or ""),
               row.record_id or "", row.record_reference or "", row.school or "",
               row.detail or "", row.ip_address or ""]
