"""What any request may carry, checked once for every route: ids that fit the database's
integer columns, in the path and in `request.args.get(..., type=int)`, and text without NUL
characters (PostgreSQL cannot store them)."""

from flask import Request, request
from werkzeug.datastructures import ImmutableMultiDict
from werkzeug.exceptions import BadRequest
from werkzeug.routing import IntegerConverter

# The id columns are 32-bit integers on PostgreSQL; SQLite refuses more than 64 bits.
LARGEST_ID = 2**31 - 1


class IdConverter(IntegerConverter):
    """`<int:...>` in every route: a number too big to be an id is a page that does not
    exist (404), never an overflow in the database driver."""

    def __init__(self, map, fixed_digits=0, min=None, max=LARGEST_ID, signed=False):  # noqa: A002
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)


class UnsavableCharacter(BadRequest):
    description = ("What was sent contains a character that cannot be saved (a null "
                   "character, often pasted from another program). Remove it and try again.")
    # errors/400.html shows this description, not the generic one.
    shown_to_people = True


def whole_number(value) -> int:
    """int(), for form coercions: refuses (ValueError) what no id or count can be."""
    number = int(value)
    if not -LARGEST_ID <= number <= LARGEST_ID:
        raise ValueError("Number too large")
    return number


class _Values(ImmutableMultiDict):
    """The query's and the form's values: `type=int` takes a number too big for any id or
    count as no number at all (the default), as it does a word."""

    def get(self, key, default=None, type=None):  # noqa: A002 (werkzeug's name)
        return super().get(key, default, whole_number if type is int else type)

    def getlist(self, key, type=None):  # noqa: A002
        return super().getlist(key, whole_number if type is int else type)


class ConveneRequest(Request):
    parameter_storage_class = _Values


def refuse_nul_characters():
    """before_request: a NUL anywhere in the address, the query or the form is refused."""
    if "\x00" in request.path or _has_nul(request.args):
        raise UnsavableCharacter()
    if request.method in ("POST", "PUT", "PATCH") and (
            _has_nul(request.form)
            or any("\x00" in (upload.filename or "") for upload in request.files.values())):
        raise UnsavableCharacter()


def _has_nul(values) -> bool:
    return any("\x00" in key or any("\x00" in value for value in values.getlist(key))
               for key in values)
