"""Pages of the family registry."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ostoja.audit.services import record_read
from ostoja.common.views import apply_service, page_number
from ostoja.families import selectors, services
from ostoja.families.forms import FamilyForm, FamilySearchForm, PersonForm
from ostoja.families.timeline import family_timeline


def _require(user, perm: str, obj=None) -> None:
    if not user.has_perm(perm, obj):
        raise PermissionDenied


def family_list(request):
    _require(request.user, "families.list_family")
    search = FamilySearchForm(request.GET or None)
    phrase = search.cleaned_data["q"] if search.is_valid() else ""
    families = selectors.family_list(request.user, search=phrase)
    page = Paginator(families, 25).get_page(page_number(request))
    context = {
        "search": search,
        "page": page,
        "phrase": phrase,
        "can_add": request.user.has_perm("families.add_family"),
    }
    template = "families/_family_rows.html" if request.htmx else "families/family_list.html"
    return render(request, template, context)


def family_detail(request, pk: int):
    family = selectors.family_get_for_user(request.user, pk)
    record_read(request.user, family)
    context = {
        "family": family,
        "members": selectors.family_members(family),
        "problem_areas": family.problem_areas.all(),
        "timeline": family_timeline(family, request.user),
        "can_change": request.user.has_perm("families.change_family", family),
    }
    return render(request, "families/family_detail.html", context)


@require_http_methods(["GET", "POST"])
def family_create(request):
    _require(request.user, "families.add_family")
    office = request.user.office
    form = FamilyForm(request.POST or None, office=office)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k not in ("version", "problem_areas")}
        family = apply_service(
            form,
            lambda: services.family_create(
                acting_user=request.user,
                office=office,
                problem_areas=form.cleaned_data["problem_areas"],
                **data,
            ),
        )
        if family:
            messages.success(request, _("Zapisano rodzinę."))
            return redirect("families:detail", pk=family.pk)
    return render(request, "families/family_form.html", {"form": form, "family": None})


@require_http_methods(["GET", "POST"])
def family_edit(request, pk: int):
    family = selectors.family_get_for_user(request.user, pk)
    _require(request.user, "families.change_family", family)
    form = FamilyForm(request.POST or None, instance=family, office=family.office)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k not in ("version", "problem_areas")}
        saved = apply_service(
            form,
            lambda: services.family_update(
                acting_user=request.user,
                family=selectors.family_get_for_user(request.user, pk),
                expected_version=form.cleaned_data.get("version"),
                problem_areas=form.cleaned_data["problem_areas"],
                **data,
            ),
        )
        if saved:
            messages.success(request, _("Zapisano zmiany."))
            return redirect("families:detail", pk=family.pk)
    return render(request, "families/family_form.html", {"form": form, "family": family})


def person_detail(request, pk: int):
    person = selectors.person_get_for_user(request.user, pk)
    record_read(request.user, person)
    context = {
        "person": person,
        "family": person.family,
        "can_change": request.user.has_perm("families.change_family", person.family),
    }
    return render(request, "families/person_detail.html", context)


@require_http_methods(["GET", "POST"])
def person_create(request, family_pk: int):
    family = selectors.family_get_for_user(request.user, family_pk)
    _require(request.user, "families.change_family", family)
    form = PersonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        person = apply_service(
            form,
            lambda: services.person_create(acting_user=request.user, family=family, **data),
        )
        if person:
            messages.success(request, _("Dodano członka rodziny."))
            return redirect("families:detail", pk=family.pk)
    return render(request, "families/person_form.html", {"form": form, "family": family})


@require_http_methods(["GET", "POST"])
def person_edit(request, pk: int):
    person = selectors.person_get_for_user(request.user, pk)
    _require(request.user, "families.change_family", person.family)
    form = PersonForm(request.POST or None, instance=person)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        saved = apply_service(
            form,
            lambda: services.person_update(
                acting_user=request.user,
                person=selectors.person_get_for_user(request.user, pk),
                expected_version=form.cleaned_data.get("version"),
                **data,
            ),
        )
        if saved:
            messages.success(request, _("Zapisano zmiany."))
            return redirect("families:person", pk=person.pk)
    return render(
        request,
        "families/person_form.html",
        {"form": form, "family": person.family, "person": person},
    )
