"""Helpers shared by views: applying a service to a bound form."""

from django.core.exceptions import ValidationError
from django.forms import BaseForm

from ostoja.common.exceptions import ApplicationError


def apply_service(form: BaseForm, call):
    """Run `call()`; put a service's Polish error on the form instead of raising.

    Returns the service's result, or None when the form got an error (the user's
    input stays in the bound form and is shown again).
    """
    try:
        return call()
    except ApplicationError as exc:
        form.add_error(None, exc.message)
    except ValidationError as exc:
        if hasattr(exc, "error_dict"):
            for field, errors in exc.error_dict.items():
                target = field if field in form.fields else None
                for error in errors:
                    form.add_error(target, error)
        else:
            for message in exc.messages:
                form.add_error(None, message)
    return None


def page_number(request) -> int:
    try:
        return max(1, int(request.GET.get("page", "1")))
    except ValueError:
        return 1
