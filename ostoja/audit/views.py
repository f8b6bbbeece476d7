"""The auditor's search of the access and change log; subject-access exports."""

import json

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from ostoja.audit.forms import LogSearchForm
from ostoja.audit.selectors import log_entry_search
from ostoja.audit.services import record_export
from ostoja.audit.subject_access import subject_data, subject_data_json
from ostoja.common.views import page_number
from ostoja.families.models import Person


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


def _subject(request, pk: int) -> Person:
    if not request.user.has_perm("audit.export_subject_data"):
        raise PermissionDenied
    return get_object_or_404(
        Person.objects.select_related("family", "family__office", "family__social_worker"),
        pk=pk,
        family__office_id=request.user.office_id,
    )


def subject_access(request, pk: int):
    """A readable page of everything held about one person (print or save as PDF)."""
    person = _subject(request, pk)
    sections = subject_data(person)
    record_export(request.user, "dane osoby (art. 15 RODO), HTML", object=person)
    context = {"person": person, "office": person.family.office, "sections": sections}
    return render(request, "audit/subject_access.html", context)


def subject_access_json(request, pk: int):
    person = _subject(request, pk)
    payload = subject_data_json(person, person.family.office)
    record_export(request.user, "dane osoby (art. 15 RODO), JSON", object=person)
    response = HttpResponse(
        json.dumps(payload, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    filename = _("dane-osoby-%(pk)s.json") % {"pk": person.pk}
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response
