"""Reading a child's One Page Profile: the latest version, earlier ones, two compared, the PDF.

School staff of the child's school only; every view and download is written to the audit log.
"""

from flask import make_response, render_template, request

from app.auth.permissions import allow
from app.database import begin_writing
from app.extensions import db
from app.models import PROFILE_SECTIONS, ChildRecord, Role
from app.profiles import bp, document
from app.profiles.compare import compare_versions
from app.profiles.forms import FIELDS, CompareForm
from app.profiles.versions import (
    all_versions,
    completed_with_text,
    get_version_or_404,
    latest_or_404,
    latest_version,
)
from app.requests.access import get_child_or_404
from app.services import audit, name_confirmations


@bp.get("/children/<reference>/profile")
@allow(Role.SCHOOL_STAFF)
def profile(reference):
    child = _child_for_audited_view(reference)
    version = latest_version(child)
    detail = f"One Page Profile version {version.version}" if version else "No profile yet"
    return _audited(render_template("profiles/profile.html", child=child, version=version,
                                    latest=version, completed_with=completed_with_text,
                                    sections=PROFILE_SECTIONS,
                                    not_names=name_confirmations.shown_for(child, FIELDS)),
                    "profile_viewed", child, detail)


@bp.get("/children/<reference>/profile/versions")
@allow(Role.SCHOOL_STAFF)
def versions(reference):
    child = _child_for_audited_view(reference)
    return _audited(render_template("profiles/versions.html", child=child,
                                    versions=all_versions(child)),
                    "profile_versions_viewed", child, "One Page Profile versions")


@bp.get("/children/<reference>/profile/versions/<int:version>")
@allow(Role.SCHOOL_STAFF)
def version(reference, version):
    child = _child_for_audited_view(reference)
    shown = get_version_or_404(child, version)
    return _audited(render_template("profiles/profile.html", child=child, version=shown,
                                    latest=latest_version(child),
                                    completed_with=completed_with_text,
                                    sections=PROFILE_SECTIONS),
                    "profile_viewed", child, f"One Page Profile version {shown.version}")


@bp.get("/children/<reference>/profile/compare")
@allow(Role.SCHOOL_STAFF)
def compare(reference):
    child = _child_for_audited_view(reference)
    newest_first = all_versions(child)
    numbers = [v.version for v in reversed(newest_first)]
    chosen = bool(request.args)
    form = CompareForm(request.args if chosen else None, numbers)
    if not chosen and len(numbers) >= 2:  # the latest change, until the user chooses
        form.from_.data, form.to.data = numbers[-2], numbers[-1]
    if len(numbers) < 2 or (chosen and not form.validate()):
        return render_template("profiles/compare.html", child=child, form=form,
                               numbers=numbers, changes=None), 400 if form.errors else 200
    by_number = {v.version: v for v in newest_first}
    before, after = by_number[form.from_.data], by_number[form.to.data]
    return _audited(render_template("profiles/compare.html", child=child, form=form,
                                    numbers=numbers, before=before, after=after,
                                    changes=compare_versions(before, after)),
                    "profile_compared", child,
                    f"One Page Profile versions {before.version} and {after.version}")


@bp.get("/children/<reference>/profile.pdf")
@allow(Role.SCHOOL_STAFF)
def profile_pdf(reference):
    child = _child_for_audited_view(reference)
    number = request.args.get("version", type=int)
    shown = latest_or_404(child) if number is None else get_version_or_404(child, number)
    response = make_response(document.profile_pdf(shown))
    response.headers["Content-Type"] = "application/pdf"
    response.headers["Content-Disposition"] = (
        f'attachment; filename="{document.filename(shown)}"')
    return _audited(response, "profile_pdf_downloaded", child,
                    f"One Page Profile version {shown.version}")


def _child_for_audited_view(reference: str) -> ChildRecord:
    """The child, in a transaction that may write (the audit event): end the read one that
    loading the signed-in user began, so SQLite takes the write lock at BEGIN."""
    begin_writing()
    return get_child_or_404(reference)


def _audited(response, action: str, child: ChildRecord, detail: str):
    audit.record(action, child, detail=f"{child.reference}: {detail}")
    db.session.commit()
    return response

