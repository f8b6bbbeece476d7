"""Pages of the programme editor and of office statistics."""

from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ostoja.common.views import apply_service
from ostoja.programme import exports, imports, selectors, services
from ostoja.programme.forms import (
    IndicatorForm,
    ProgrammeCopyForm,
    ProgrammeForm,
    StatisticKindForm,
    StatisticsImportForm,
    StatisticValuesForm,
    TaskForm,
    YearForm,
)


def _require(user, perm: str, obj=None) -> None:
    if not user.has_perm(perm, obj):
        raise PermissionDenied


def _year(request) -> int:
    form = YearForm(request.GET or None)
    return form.cleaned_data["rok"] if form.is_valid() else timezone.localdate().year - 1


def _form_page(request, form, *, title: str, cancel: str, intro: str = ""):
    return render(
        request,
        "programme/form_page.html",
        {"form": form, "title": title, "cancel_url": cancel, "intro": intro},
    )


def programme_list(request):
    _require(request.user, "programme.view_programme")
    return render(
        request,
        "programme/programme_list.html",
        {
            "programmes": selectors.programme_list(request.user),
            "can_add": request.user.has_perm("programme.add_programme"),
        },
    )


@require_http_methods(["GET", "POST"])
def programme_create(request):
    _require(request.user, "programme.add_programme")
    form = ProgrammeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k not in ("version", "goals")}
        programme = apply_service(
            form,
            lambda: services.programme_create(
                acting_user=request.user,
                office=request.user.office,
                goals=form.goal_lines(),
                **data,
            ),
        )
        if programme:
            messages.success(request, _("Zapisano program."))
            return redirect("programme:detail", pk=programme.pk)
    return _form_page(
        request, form, title=_("Nowy program wspierania rodziny"), cancel=reverse("programme:list")
    )


def programme_detail(request, pk: int):
    programme = selectors.programme_get_for_user(request.user, pk)
    return render(
        request,
        "programme/programme_detail.html",
        {
            "programme": programme,
            "goals": programme.goals.all(),
            "tasks": selectors.programme_tasks(programme),
            "can_change": request.user.has_perm("programme.change_programme", programme),
        },
    )


@require_http_methods(["GET", "POST"])
def programme_edit(request, pk: int):
    programme = selectors.programme_get_for_user(request.user, pk)
    _require(request.user, "programme.change_programme", programme)
    form = ProgrammeForm(request.POST or None, instance=programme)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k not in ("version", "goals")}
        saved = apply_service(
            form,
            lambda: services.programme_update(
                acting_user=request.user,
                programme=selectors.programme_get_for_user(request.user, pk),
                expected_version=form.cleaned_data.get("version"),
                goals=form.goal_lines(),
                **data,
            ),
        )
        if saved:
            messages.success(request, _("Zapisano zmiany."))
            return redirect("programme:detail", pk=pk)
    return _form_page(
        request,
        form,
        title=_("Edycja programu: %(name)s") % {"name": programme.name},
        cancel=programme_url(programme),
    )


def programme_url(programme) -> str:
    return reverse("programme:detail", kwargs={"pk": programme.pk})


@require_http_methods(["GET", "POST"])
def programme_copy(request, pk: int):
    programme = selectors.programme_get_for_user(request.user, pk)
    _require(request.user, "programme.change_programme", programme)
    span = programme.year_to - programme.year_from + 1
    form = ProgrammeCopyForm(
        request.POST or None,
        initial={
            "name": programme.name,
            "year_from": programme.year_to + 1,
            "year_to": programme.year_to + span,
        },
    )
    if request.method == "POST" and form.is_valid():
        new = apply_service(
            form,
            lambda: services.programme_copy(
                acting_user=request.user, programme=programme, **form.cleaned_data
            ),
        )
        if new:
            messages.success(request, _("Utworzono nowy program na podstawie poprzedniego."))
            return redirect("programme:detail", pk=new.pk)
    return _form_page(
        request,
        form,
        title=_("Nowy program na podstawie: %(name)s") % {"name": programme.name},
        cancel=programme_url(programme),
        intro=_("Cele, zadania, instytucje i wskaźniki zostaną skopiowane."),
    )


def _task_form_view(request, programme, task=None):
    initial = {}
    if task is not None:
        tis = list(task.task_institutions.all())
        initial = {
            "number": task.number,
            "title": task.title,
            "goal": task.goal_id,
            "office_responsible": task.office_responsible,
            "responsible": [t.partner_id for t in tis if t.role == "responsible"],
            "partners": [t.partner_id for t in tis if t.role == "partner"],
        }
    else:
        initial = {"office_responsible": True}
    form = TaskForm(request.POST or None, programme=programme, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = apply_service(
            form,
            lambda: services.task_save(
                acting_user=request.user, programme=programme, task=task, **form.cleaned_data
            ),
        )
        if saved:
            messages.success(request, _("Zapisano zadanie."))
            return redirect("programme:detail", pk=programme.pk)
    title = _("Edycja zadania %(number)s") % {"number": task.number} if task else _("Nowe zadanie")
    return _form_page(request, form, title=title, cancel=programme_url(programme))


@require_http_methods(["GET", "POST"])
def task_create(request, pk: int):
    programme = selectors.programme_get_for_user(request.user, pk)
    _require(request.user, "programme.change_programme", programme)
    return _task_form_view(request, programme)


@require_http_methods(["GET", "POST"])
def task_edit(request, pk: int):
    task = selectors.task_get_for_user(request.user, pk)
    _require(request.user, "programme.change_programme", task.programme)
    return _task_form_view(request, task.programme, task)


def _indicator_form_view(request, task, indicator=None):
    form = IndicatorForm(request.POST or None, instance=indicator)
    if request.method == "POST" and form.is_valid():
        saved = apply_service(
            form,
            lambda: services.indicator_save(
                acting_user=request.user, task=task, indicator=indicator, **form.cleaned_data
            ),
        )
        if saved:
            messages.success(request, _("Zapisano wskaźnik."))
            return redirect("programme:detail", pk=task.programme_id)
    title = _("Wskaźnik zadania %(number)s") % {"number": task.number}
    return _form_page(request, form, title=title, cancel=programme_url(task.programme))


@require_http_methods(["GET", "POST"])
def indicator_create(request, task_pk: int):
    task = selectors.task_get_for_user(request.user, task_pk)
    _require(request.user, "programme.change_programme", task.programme)
    return _indicator_form_view(request, task)


@require_http_methods(["GET", "POST"])
def indicator_edit(request, pk: int):
    indicator = selectors.indicator_get_for_user(request.user, pk)
    _require(request.user, "programme.change_programme", indicator.task.programme)
    return _indicator_form_view(request, indicator.task, indicator)


@require_http_methods(["GET", "POST"])
def statistics(request):
    """The year's figures of every statistic kind; managers enter them here."""
    _require(request.user, "programme.view_statistics")
    year = _year(request)
    kinds = selectors.statistic_kinds(request.user)
    can_change = request.user.has_perm("programme.change_statistics")
    form = StatisticValuesForm(
        request.POST if request.method == "POST" else None,
        kinds=kinds,
        current=selectors.statistic_values_for_year(request.user, year),
    )
    if request.method == "POST":
        _require(request.user, "programme.change_statistics")
        if form.is_valid():
            changed = apply_service(
                form,
                lambda: services.statistic_values_save(
                    acting_user=request.user,
                    office=request.user.office,
                    year=year,
                    values=form.values(),
                ),
            )
            if changed is not None:
                messages.success(
                    request, _("Zapisano statystyki za rok %(year)s.") % {"year": year}
                )
                return redirect(f"{request.path}?rok={year}")
    return render(
        request,
        "programme/statistics.html",
        {
            "form": form,
            "year": year,
            "year_form": YearForm(initial={"rok": year}),
            "can_change": can_change,
            "warnings": selectors.statistic_checks(request.user, year),
        },
    )


def statistic_kinds(request):
    _require(request.user, "programme.view_statistics")
    return render(
        request,
        "programme/statistic_kinds.html",
        {
            "kinds": selectors.statistic_kinds(request.user),
            "can_change": request.user.has_perm("programme.change_statistics"),
        },
    )


def _kind_form_view(request, kind=None):
    office = request.user.office
    form = StatisticKindForm(request.POST or None, instance=kind, office=office)
    if request.method == "POST" and form.is_valid():
        saved = apply_service(
            form,
            lambda: services.statistic_kind_save(
                acting_user=request.user, office=office, kind=kind, **form.cleaned_data
            ),
        )
        if saved:
            messages.success(request, _("Zapisano rodzaj statystyki."))
            return redirect("programme:statistic_kinds")
    return _form_page(
        request, form, title=_("Rodzaj statystyki"), cancel=reverse("programme:statistic_kinds")
    )


@require_http_methods(["GET", "POST"])
def statistic_kind_create(request):
    _require(request.user, "programme.change_statistics")
    return _kind_form_view(request)


@require_http_methods(["GET", "POST"])
def statistic_kind_edit(request, pk: int):
    _require(request.user, "programme.change_statistics")
    return _kind_form_view(request, selectors.statistic_kind_get_for_user(request.user, pk))


@require_http_methods(["GET", "POST"])
def statistics_import(request):
    """Upload → preview with row-level errors → confirm; nothing is saved on any error."""
    _require(request.user, "programme.change_statistics")
    office = request.user.office
    form = StatisticsImportForm()
    context: dict = {"form": form}
    if request.method == "POST" and "token" in request.POST:
        try:
            rows = imports.unsign_rows(office, request.POST["token"])
        except signing.BadSignature:
            messages.error(request, _("Podgląd wygasł. Wczytaj plik ponownie."))
            return redirect("programme:statistics_import")
        changed = imports.statistics_import_apply(
            acting_user=request.user, office=office, rows=rows
        )
        messages.success(
            request, _("Zaimportowano dane. Zmienione wartości: %(n)s.") % {"n": changed}
        )
        return redirect("programme:statistics")
    if request.method == "POST":
        form = StatisticsImportForm(request.POST, request.FILES)
        context["form"] = form
        if form.is_valid():
            upload = form.cleaned_data["file"]
            result = imports.parse_statistics_file(office, upload.name, upload.read())
            context["errors"] = result.errors
            if result.ok:
                context["preview"] = result.rows
                context["token"] = imports.sign_rows(office, result.rows)
    return render(request, "programme/statistics_import.html", context)


def statistics_export(request):
    """The year's figures as CSV in the import format (POST: a download is not a page)."""
    _require(request.user, "programme.view_statistics")
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    year = _year(request)
    body = exports.statistics_csv(selectors.statistic_export_rows(request.user, year))
    response = HttpResponse("\ufeff" + body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="statystyki-{year}.csv"'
    return response
