"""Pages of the staff register: assistants' employment, trainings and costs."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ostoja.audit.services import record_read
from ostoja.common.views import apply_service
from ostoja.staff import selectors, services
from ostoja.staff.forms import CostForm, EmploymentForm, NewEmploymentForm, TrainingForm


def _require(user, perm: str, obj=None) -> None:
    if not user.has_perm(perm, obj):
        raise PermissionDenied


def _year(request) -> int:
    try:
        year = int(request.GET.get("rok", ""))
    except ValueError:
        return timezone.localdate().year
    return year if 2000 <= year <= 2100 else timezone.localdate().year


def staff_list(request):
    _require(request.user, "staff.list_staff")
    year = _year(request)
    today = timezone.localdate()
    show_people = request.user.has_perm("staff.view_all_staff_records")
    context = {
        "year": year,
        "years": list(range(today.year, today.year - 10, -1)),
        "summary": selectors.staff_summary(request.user.office, year),
        "assistants": selectors.staff_list(request.user, year=year, day=today)
        if show_people
        else None,
        "can_manage": request.user.has_perm("staff.manage_staff"),
    }
    return render(request, "staff/staff_list.html", context)


def assistant_detail(request, pk: int):
    assistant = selectors.assistant_get_for_user(request.user, pk)
    record_read(request.user, assistant)
    context = {
        "assistant": assistant,
        "employments": selectors.assistant_employments(request.user, assistant),
        "trainings": selectors.assistant_trainings(request.user, assistant),
        "costs": selectors.assistant_costs(request.user, assistant),
        "can_manage": request.user.has_perm("staff.change_assistant", assistant),
    }
    return render(request, "staff/assistant_detail.html", context)


def _initial_assistant(request) -> dict:
    return {"assistant": request.GET.get("asystent")} if request.GET.get("asystent") else {}


def _redirect_to(assistant):
    return redirect("staff:assistant", pk=assistant.pk)


@require_http_methods(["GET", "POST"])
def employment_create(request):
    _require(request.user, "staff.manage_staff")
    form = NewEmploymentForm(
        request.POST or None, office=request.user.office, initial=_initial_assistant(request)
    )
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        saved = apply_service(
            form, lambda: services.employment_create(acting_user=request.user, **data)
        )
        if saved:
            messages.success(request, _("Zapisano zatrudnienie."))
            return _redirect_to(saved.assistant)
    return render(
        request, "staff/entry_form.html", {"form": form, "title": _("Nowa umowa asystenta")}
    )


@require_http_methods(["GET", "POST"])
def employment_edit(request, pk: int):
    employment = selectors.employment_get_for_user(request.user, pk)
    _require(request.user, "staff.change_assistant", employment.assistant)
    form = EmploymentForm(request.POST or None, instance=employment)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        saved = apply_service(
            form,
            lambda: services.employment_update(
                acting_user=request.user,
                employment=selectors.employment_get_for_user(request.user, pk),
                expected_version=form.cleaned_data.get("version"),
                **data,
            ),
        )
        if saved:
            messages.success(request, _("Zapisano zmiany."))
            return _redirect_to(employment.assistant)
    title = _("Umowa: %(name)s") % {"name": employment.assistant}
    return render(request, "staff/entry_form.html", {"form": form, "title": title})


@require_http_methods(["GET", "POST"])
def training_create(request):
    _require(request.user, "staff.manage_staff")
    form = TrainingForm(request.POST or None, initial=_initial_assistant(request))
    form.set_office(request.user.office)
    if request.method == "POST" and form.is_valid():
        saved = apply_service(
            form, lambda: services.training_create(acting_user=request.user, **form.cleaned_data)
        )
        if saved:
            messages.success(request, _("Zapisano szkolenie."))
            return _redirect_to(saved.assistant)
    return render(request, "staff/entry_form.html", {"form": form, "title": _("Nowe szkolenie")})


@require_http_methods(["GET", "POST"])
def cost_create(request):
    _require(request.user, "staff.manage_staff")
    form = CostForm(request.POST or None, initial=_initial_assistant(request))
    form.set_office(request.user.office)
    if request.method == "POST" and form.is_valid():
        saved = apply_service(
            form, lambda: services.cost_create(acting_user=request.user, **form.cleaned_data)
        )
        if saved:
            messages.success(request, _("Zapisano koszt."))
            return _redirect_to(saved.assistant)
    return render(
        request, "staff/entry_form.html", {"form": form, "title": _("Nowy koszt asystenta")}
    )
