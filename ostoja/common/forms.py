"""Form fields shared by the apps."""

from django import forms
from django.core.exceptions import ValidationError

#: Primary keys are 64-bit integers in every supported database.
PK_RANGE = range(-(2**63), 2**63)


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Django's field, refusing a key beyond the database's integer range as an invalid
    choice: Django's ``pk__in`` lookup would raise OverflowError on SQLite (a 500)."""

    def _check_values(self, value):
        for pk in value if isinstance(value, list | tuple) else ():
            try:
                number = int(str(pk))
            except ValueError:
                continue  # not a number: Django's own check answers
            if number not in PK_RANGE:
                raise ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": pk},
                )
        return super()._check_values(value)  # type: ignore[misc]
