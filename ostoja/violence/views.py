"""Pages of the Blue Card register (coordinator and working-group members only)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ostoja.audit.services import record_read
from ostoja.common.views import apply_service, page_number
from ostoja.violence import selectors, services
from ostoja.violence.forms import (
    MeetingForm,
    ProcedureEditForm,
    ProcedureForm,
    ProcedurePersonForm,
    TeamMemberForm,
)


def _require(user, perm: str, obj=None) -> None:
    if not user.has_perm(perm, obj):
        raise PermissionDenied


def _form_page(request, form, title: str, cancel: str):
    return render(
        request, "violence/form_page.html", {"form": form, "title": title, "cancel": cancel}
    )


def procedure_list(request):
    _require(request.user, "violence.list_procedure")
    page = Paginator(selectors.procedure_list(request.user), 25).get_page(page_number(request))
    return render(
        request,
        "violence/procedure_list.html",
        {"page": page, "can_manage": request.user.has_perm("violence.manage")},
    )


@require_http_methods(["GET", "POST"])
def procedure_create(request):
    _require(request.user, "violence.manage")
    office = request.user.office
    form = ProcedureForm(request.POST or None, office_id=office.pk)
    if request.method == "POST" and form.is_valid():
        procedure = apply_service(
            form,
            lambda: services.procedure_create(
                acting_user=request.user, office=office, **form.cleaned_data
            ),
        )
        if procedure:
            messages.success(request, _("Zapisano procedurę."))
            return redirect("violence:detail", pk=procedure.pk)
    return _form_page(request, form, _("Nowa procedura „Niebieskiej Karty”"), "violence:list")


def procedure_detail(request, pk: int):
    procedure = selectors.procedure_get_for_user(request.user, pk)
    _require(request.user, "violence.view_procedure", procedure)
    record_read(request.user, procedure)
    return render(
        request,
        "violence/procedure_detail.html",
        {
            "procedure": procedure,
            **selectors.procedure_detail(procedure),
            "can_manage": request.user.has_perm("violence.change_procedure", procedure),
        },
    )


@require_http_methods(["GET", "POST"])
def procedure_edit(request, pk: int):
    procedure = selectors.procedure_get_for_user(request.user, pk)
    _require(request.user, "violence.change_procedure", procedure)
    form = ProcedureEditForm(
        request.POST or None,
        office_id=procedure.office_id,
        initial={
            "number": procedure.number,
            "initiator": procedure.initiator,
            "started_on": procedure.started_on,
            "closed_on": procedure.closed_on,
            "closure_reason": procedure.closure_reason,
            "working_group": list(procedure.working_group.values_list("pk", flat=True)),
        },
    )
    if request.method == "POST" and form.is_valid():
        saved = apply_service(
            form,
            lambda: services.procedure_update(
                acting_user=request.user, procedure=procedure, **form.cleaned_data
            ),
        )
        if saved:
            messages.success(request, _("Zapisano zmiany."))
            return redirect("violence:detail", pk=pk)
    return _form_page(request, form, _("Edycja procedury"), "violence:list")


@require_http_methods(["GET", "POST"])
def person_add(request, pk: int):
    procedure = selectors.procedure_get_for_user(request.user, pk)
    _require(request.user, "violence.change_procedure", procedure)
    form = ProcedurePersonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        saved = apply_service(
            form,
            lambda: services.procedure_person_add(
                acting_user=request.user, procedure=procedure, **form.cleaned_data
            ),
        )
        if saved:
            messages.success(request, _("Dodano osobę."))
            return redirect("violence:detail", pk=pk)
    return _form_page(request, form, _("Osoba w procedurze"), "violence:list")


@require_http_methods(["GET", "POST"])
def group_meeting_create(request, pk: int):
    procedure = selectors.procedure_get_for_user(request.user, pk)
    _require(request.user, "violence.change_procedure", procedure)
    form = MeetingForm(request.POST or None, office_id=procedure.office_id)
    if request.method == "POST" and form.is_valid():
        saved = apply_service(
            form,
            lambda: services.working_group_meeting_create(
                acting_user=request.user, procedure=procedure, **form.cleaned_data
            ),
        )
        if saved:
            messages.success(request, _("Zapisano spotkanie grupy roboczej."))
            return redirect("violence:detail", pk=pk)
    return _form_page(request, form, _("Spotkanie grupy roboczej"), "violence:list")


def team(request):
    _require(request.user, "violence.manage")
    return render(
        request,
        "violence/team.html",
        {
            "members": selectors.team_members(request.user.office_id),
            "meetings": selectors.team_meeting_list(request.user)[:50],
        },
    )


@require_http_methods(["GET", "POST"])
def member_form(request, pk: int | None = None):
    _require(request.user, "violence.manage")
    office = request.user.office
    member = get_object_or_404(selectors.team_members(office.pk), pk=pk) if pk is not None else None
    form = TeamMemberForm(request.POST or None, instance=member, office_id=office.pk)
    if request.method == "POST" and form.is_valid():
        saved = apply_service(
            form,
            lambda: services.team_member_save(
                acting_user=request.user, office=office, member=member, **form.cleaned_data
            ),
        )
        if saved:
            messages.success(request, _("Zapisano członka zespołu."))
            return redirect("violence:team")
    return _form_page(request, form, _("Członek zespołu interdyscyplinarnego"), "violence:team")


@require_http_methods(["GET", "POST"])
def team_meeting_create(request):
    _require(request.user, "violence.manage")
    office = request.user.office
    form = MeetingForm(request.POST or None, office_id=office.pk)
    if request.method == "POST" and form.is_valid():
        saved = apply_service(
            form,
            lambda: services.team_meeting_create(
                acting_user=request.user, office=office, **form.cleaned_data
            ),
        )
        if saved:
            messages.success(request, _("Zapisano posiedzenie zespołu."))
            return redirect("violence:team")
    return _form_page(request, form, _("Posiedzenie zespołu interdyscyplinarnego"), "violence:team")
