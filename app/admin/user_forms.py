"""Forms for the VS admin's user pages: filtering the list, and adding or changing a user."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxInput,
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextInput,
)
from wtforms import (
    BooleanField,
    EmailField,
    Form,
    RadioField,
    SelectField,
    StringField,
    SubmitField,
)
from wtforms.fields.choices import SelectChoice, enum_coerce
from wtforms.validators import DataRequired, Email, Length, Optional, ValidationError

from app.extensions import db
from app.forms import OneLine
from app.models import Role, School, User
from app.models.user import normalise_email

NO_SCHOOL_MESSAGE = "Select the school this person works at"
DUPLICATE_EMAIL_MESSAGE = "A user with this email address already exists"
OWN_ADMIN_ROLE_MESSAGE = "You cannot remove your own admin role"
SELECT_ROLE_MESSAGE = "Select the person's role"

# Shown under each role, so whoever adds a user knows what the role lets them see.
ROLE_HINTS = {
    Role.VS_ADMIN: "Manages users, schools and consultation sessions, and sees the themes",
    Role.VS_ADVISOR: "Triages advice requests, gives advice and attends consultations",
    Role.EDUCATIONAL_PSYCHOLOGIST: "Runs consultations and records their outcomes",
    Role.SCHOOL_STAFF: "Sees their own school's records only",
    Role.SOCIAL_WORKER: "Sees only the meetings they are invited to",
}


def _strip(value):
    return value.strip() if isinstance(value, str) else value


def _optional_id(value):
    """A school id from the form: the empty first choice means no school."""
    if value in (None, ""):
        return None
    return int(value)


def role_choices() -> list[SelectChoice]:
    return [SelectChoice(role.value, role.label) for role in Role]


class UserFilterForm(Form):
    """The list's filters: read from the query string, so no CSRF token (a GET changes nothing)."""

    q = StringField("Search by name or email", widget=GovTextInput(), filters=[_strip])
    role = SelectField(
        "Role",
        widget=GovSelect(),
        choices=[SelectChoice("", "All roles"), *role_choices()],
        validate_choice=False,
    )
    include_deactivated = BooleanField("Include deactivated users", widget=GovCheckboxInput())

    @property
    def chosen_role(self) -> Role | None:
        # A role nobody offered (an old or hand-typed link) means no filter, not an error.
        return Role(self.role.data) if self.role.data in {role.value for role in Role} else None

    def query_args(self) -> dict[str, str]:
        """The filters as query-string arguments, leaving out the ones not in use."""
        args = {"q": self.q.data or "", "role": self.chosen_role or "",
                "include_deactivated": "y" if self.include_deactivated.data else ""}
        return {key: str(value) for key, value in args.items() if value}


class UserForm(FlaskForm):
    name = StringField(
        "Full name",
        widget=GovTextInput(),
        filters=[_strip],
        validators=[
            DataRequired(message="Enter the person's full name"),
            Length(max=120, message="Full name must be 120 characters or fewer"),
            OneLine("Full name"),
        ],
    )
    email = EmailField(
        "Email address",
        widget=GovTextInput(),
        description="They will sign in with this. Use their work email address.",
        filters=[_strip],
        validators=[
            DataRequired(message="Enter an email address"),
            Length(max=254, message="Email address must be 254 characters or fewer"),
            # test_environment: the demo data and the tests use .test addresses.
            Email(message="Enter an email address in the correct format, like name@example.com",
                  test_environment=True),
        ],
    )
    role = RadioField(
        "Role",
        widget=GovRadioInput(),
        description="This decides what they can see and do in Convene.",
        choices=role_choices(),
        coerce=enum_coerce(Role),
        invalid_choice_message=SELECT_ROLE_MESSAGE,
        invalid_value_message=SELECT_ROLE_MESSAGE,
    )
    school_id = SelectField(
        "School",
        widget=GovSelect(),
        description="Only for school staff. Leave it empty for other roles.",
        coerce=_optional_id,
        invalid_choice_message=NO_SCHOOL_MESSAGE,
        invalid_value_message=NO_SCHOOL_MESSAGE,
    )
    job_title = StringField(
        "Job title (optional)",
        widget=GovTextInput(),
        description="For example, SENCO, DSL or Designated Teacher",
        filters=[_strip],
        validators=[
            Optional(),
            Length(max=120, message="Job title must be 120 characters or fewer"),
        ],
    )
    submit = SubmitField("Save", widget=GovSubmitInput())

    def __init__(self, *args, user: User | None = None, editor: User | None = None, **kwargs):
        """`user`: the person being changed (None when adding); `editor`: who is changing them."""
        super().__init__(*args, obj=user, **kwargs)
        self._user = user
        self._editor = editor
        self.school_id.choices = [SelectChoice("", ""), *school_choices()]

    @property
    def is_school_staff(self) -> bool:
        return self.role.data == Role.SCHOOL_STAFF

    def validate_email(self, field):
        taken = db.select(User.id).where(User.email == normalise_email(field.data))
        if self._user is not None:
            taken = taken.where(User.id != self._user.id)
        if db.session.scalar(taken) is not None:
            raise ValidationError(DUPLICATE_EMAIL_MESSAGE)

    def validate_role(self, field):
        # An admin who demoted themselves could lock the Virtual School out of its own users.
        editing_self = self._user is not None and self._editor is not None \
            and self._user.id == self._editor.id
        if editing_self and field.data != Role.VS_ADMIN:
            raise ValidationError(OWN_ADMIN_ROLE_MESSAGE)

    def validate_school_id(self, field):
        if self.is_school_staff and field.data is None:
            raise ValidationError(NO_SCHOOL_MESSAGE)

    def role_items(self) -> list[dict]:
        """A hint under each role radio. (The school is a separate question, not revealed
        under "School staff": GOV.UK's conditional reveal puts aria-expanded on a radio,
        which axe-core reports as a critical error.)"""
        return [{"hint": {"text": ROLE_HINTS[role]}} for role in Role]

    def values(self) -> dict:
        """The cleaned values, as User attributes. Only school staff keep a school."""
        return {
            "name": self.name.data,
            "email": normalise_email(self.email.data),
            "role": self.role.data,
            "job_title": self.job_title.data or None,
            "school_id": self.school_id.data if self.is_school_staff else None,
        }


def school_choices() -> list[SelectChoice]:
    # The URN tells apart the schools that share a name (every county has several St Mary's).
    rows = db.session.execute(db.select(School.id, School.name, School.urn).order_by(School.name))
    return [SelectChoice(str(id_), f"{name} (URN {urn})") for id_, name, urn in rows]
