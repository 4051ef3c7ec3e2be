"""Enum columns stored as plain strings with a check constraint, the same on every backend."""

from sqlalchemy import Enum


def enum_column_type(enum_class, name: str) -> Enum:
    return Enum(enum_class, name=name, native_enum=False, length=40, create_constraint=True,
                values_callable=lambda e: [m.value for m in e], validate_strings=True)


class LabelledEnum:
    """Mixin: each member has a label for people, from the class's LABELS dict."""

    @property
    def label(self) -> str:
        return type(self).LABELS[self.value]
