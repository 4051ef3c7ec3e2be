"""Text people type comes back exactly: stored as typed (less the spaces the form trims),
shown HTML-escaped on the page, and where it leaves Convene in a file, the same there: the
attendee's name in the invite email's To header and the .ics, the profile's words in its PDF,
a theme's name in the requests CSV."""

import csv
import email
import io
import itertools
import re
from email import policy
from email.header import decode_header, make_header

from hypothesis import assume, example, given, settings
from hypothesis import strategies as st
from icalendar import Calendar
from markupsafe import escape

from app.extensions import db
from app.models import BookingAttendee, OutboxMessage, ProfileVersion, Role, Theme
from tests.booking.factories import make_booking
from tests.conftest import make_child, make_request, sign_in_with
from tests.fuzz import strategies as hostile
from tests.fuzz.conftest import PROFILE, SENT
from tests.profiles.factories import form_data as profile_form
from tests.profiles.factories import read_pdf, words

settings.load_profile(PROFILE)
_unique = itertools.count(1)

# One line of what people type, and what they paste: lower-case words (capitalised ones can
# read as names, which the identifier guard refuses), punctuation, markup, other scripts,
# right-to-left and zero-width characters, emoji.
_PIECES = st.one_of(
    st.text(st.characters(categories=("Ll", "Lo", "Lm", "Mn", "Pd", "Po", "Ps", "Pe", "Sm",
                                       "Sc", "Sk", "So", "Zs", "Cf"),
                          exclude_characters="\u2028\u2029\x85"), min_size=1, max_size=12),
    st.sampled_from([m for m in hostile.MARKUP if "\n" not in m]),
    st.sampled_from(["\u202e", "\u200b", "\u200d", "\ufeff", "\U0001f600", "\U0001d54f",
                     "e\u0301", "\u0645\u0631\u062d\u0628\u0627", "'", '"', "&", ";", ","]),
)
ONE_LINE = st.lists(_PIECES, min_size=1, max_size=5).map(" ".join)
# What Helvetica, the PDFs' font, can draw: Latin-1, with the markup characters.
LATIN_1 = st.lists(st.one_of(
    st.text(st.characters(min_codepoint=0x20, max_codepoint=0xFF, categories=(
        "Ll", "Po", "Ps", "Pe", "Sm", "Sc", "Pd")), min_size=1, max_size=10),
    st.sampled_from(["<b>bold</b>", "<img src=x>", "a & b", "\"quoted\"", "it's"])),
    min_size=1, max_size=5).map(" ".join)


def _count(name: str) -> None:
    SENT[(f"round trip: {name}", "school_staff" if "theme" not in name else "vs_admin")] += 1


def _one_example_each_time():
    return settings(parent=settings.get_profile(PROFILE))


def test_an_attendee_name_comes_back_exactly(app, client):
    booking = make_booking()
    assert sign_in_with(client, booking.request.created_by).status_code == 302

    @_one_example_each_time()
    @given(ONE_LINE)
    # Long enough to be folded onto the line after "To:" (found by the long profile).
    @example("javascript:alert(1) javascript:alert(1) &amp;&lt;&#0; javascript:alert(1) &")
    def attendee(name):
        address = f"round.trip.{next(_unique)}@attendee.example.test"
        mark = db.session.scalar(db.select(db.func.max(OutboxMessage.id))) or 0
        response = client.post(f"/bookings/{booking.id}/attendees", data={
            "attendee-name": name, "attendee-job_role": "Family support worker",
            "attendee-email": address, "attendee-kind": "other"})
        _count("attendee name (page, email, .ics)")
        assume(response.status_code == 302)  # refused (too long, empty): nothing to compare
        stored = db.session.scalar(db.select(BookingAttendee.name).filter_by(
            booking_id=booking.id, email=address))
        assert stored == name.strip()
        assert str(escape(stored)) in client.get(f"/bookings/{booking.id}").text
        row = db.session.scalars(db.select(OutboxMessage).where(
            OutboxMessage.id > mark, OutboxMessage.to_address.contains(address))).one()
        message = email.message_from_bytes(row.message, policy=policy.default)
        assert _display_name(row.message, address) == stored
        part = next(p for p in message.walk() if p.get_content_type() == "text/calendar")
        event = Calendar.from_ical(part.get_content()).walk("VEVENT")[0]
        names = {str(each.params.get("CN")) for each in event.get("ATTENDEE")}
        assert stored in names

    attendee()


def _display_name(raw: bytes, address: str) -> str:
    """The To header's display name as RFC 5322 and 2047 read it: unfolded, and adjacent
    encoded words joined with no space (Python's newer header parser puts one in where a
    long name was folded between two of them)."""
    header = email.message_from_bytes(raw, policy=policy.compat32)["To"]
    # Folded, the value may start on the next line: the space before it is not part of it.
    unfolded = re.sub(r"\r?\n(?=[ \t])", "", str(header)).lstrip()
    name, _, rest = str(make_header(decode_header(unfolded))).rpartition(" <")
    assert rest == f"{address}>"
    if len(name) > 1 and name[0] == name[-1] == '"':
        name = re.sub(r"\\(.)", r"\1", name[1:-1])
    return name


def _profile_round_trip(client, child, text: str, label: str):
    latest = db.session.scalar(db.select(db.func.max(ProfileVersion.version))
                               .where(ProfileVersion.child_id == child.id)) or 0
    response = client.post(f"/children/{child.reference}/profile/edit",
                           data=profile_form(based_on=latest, admire=text))
    _count(label)
    assume(response.status_code == 302)  # the guard took something for a name, say
    stored = db.session.scalar(db.select(ProfileVersion.admire).where(
        ProfileVersion.child_id == child.id).order_by(ProfileVersion.version.desc()).limit(1))
    assert stored == text.strip()
    return stored


def test_a_profile_section_comes_back_exactly_on_the_page(app, client, sign_in):
    staff = sign_in(Role.SCHOOL_STAFF)
    child = make_child(staff.school)

    @_one_example_each_time()
    @given(ONE_LINE)
    def section(text):
        stored = _profile_round_trip(client, child, text, "profile section (page)")
        assert str(escape(stored)) in client.get(f"/children/{child.reference}/profile").text

    section()


def test_a_profile_section_comes_back_exactly_in_its_pdf(app, client, sign_in):
    staff = sign_in(Role.SCHOOL_STAFF)
    child = make_child(staff.school)

    @_one_example_each_time()
    @given(LATIN_1)
    def section(text):
        stored = _profile_round_trip(client, child, text, "profile section (PDF)")
        pdf = client.get(f"/children/{child.reference}/profile.pdf")
        assert pdf.status_code == 200
        printed = "".join(page.extract_text() for page in read_pdf(pdf.data).pages)
        assert words(stored) in words(printed)

    section()


def test_a_theme_name_comes_back_exactly_on_the_page_and_in_the_csv(app, client, sign_in):
    sign_in(Role.VS_ADMIN)

    @_one_example_each_time()
    @given(ONE_LINE)
    def theme(name):
        response = client.post("/admin/themes/new", data={"name": name})
        _count("theme name (page, requests CSV)")
        assume(response.status_code == 302)  # a clash with a theme already made, say
        tidy = " ".join(name.split())
        made = db.session.scalar(db.select(Theme).filter_by(name=tidy))
        assert made is not None
        assert str(escape(tidy)) in client.get("/admin/themes").text
        make_request(make_child(), themes=[made])
        export = client.get("/exports/requests.csv")
        assert export.status_code == 200
        rows = list(csv.reader(io.StringIO(export.get_data(as_text=True).lstrip("\ufeff"))))
        assert any(tidy in cell for row in rows[1:] for cell in row)

    theme()
