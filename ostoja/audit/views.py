"""The auditor's search of the access and change log."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render

from ostoja.audit.forms import LogSearchForm
from ostoja.audit.selectors import log_entry_search
from ostoja.common.views import page_number


def log_list(request):
    if not request.user.has_perm("accounts.view_audit_log"):
        raise PermissionDenied
    form = LogSearchForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    entries = log_entry_search(
        request.user, **{k: v for k, v in filters.items() if v not in ("", None)}
    )
    page = Paginator(entries, 50).get_page(page_number(request))
    return render(request, "audit/log_list.html", {"form": form, "page": page})
