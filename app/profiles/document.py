"""The One Page Profile as a PDF: one page, to share with home and social care."""

from app.london import long_date
from app.models import PROFILE_SECTIONS, ProfileVersion
from app.profiles.versions import completed_with_text
from app.services.pdfs import Section, render_document

TITLE = "One Page Profile"


def profile_pdf(version: ProfileVersion) -> bytes:
    subtitle = (f"Completed by {version.completed_by} on {long_date(version.completed_on)}. "
                f"Completed with: {completed_with_text(version).lower()}. "
                f"Version {version.version}.")
    sections = [Section(heading, paragraphs=[getattr(version, column) or ""],
                        empty="Not written yet")
                for column, heading in PROFILE_SECTIONS]
    return render_document(title=TITLE, reference=version.child.reference,
                           dated=version.completed_on, subtitle=subtitle, sections=sections,
                           one_page=True)


def filename(version: ProfileVersion) -> str:
    return f"{version.child.reference}.pdf"
