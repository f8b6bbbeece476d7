"""Pages of the placement register."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ostoja.audit.services import record_read
from ostoja.common.views import apply_service, page_number
from ostoja.placements import selectors, services
from ostoja.placements.forms import (
    ChildChoiceForm,
    CoFinancingEntryForm,
    PlacementEndForm,
    PlacementEntryForm,
    PlacementFilterForm,
)


def _require(user, perm: str, obj=None) -> None:
    if not user.has_perm(perm, obj):
        raise PermissionDenied


def _data(form) -> dict:
    return {k: v for k, v in form.cleaned_data.items() if k != "version"}


def placement_list(request):
    _require(request.user, "placements.list_placement")
    filters = PlacementFilterForm(request.GET or None)
    chosen = filters.cleaned_data if filters.is_valid() else {}
    placements = selectors.placement_list(
        request.user,
        status=chosen.get("status", ""),
        form=chosen.get("form", ""),
        day=timezone.localdate(),
    )
    page = Paginator(placements, 25).get_page(page_number(request))
    context = {
        "filters": filters,
        "page": page,
        "can_add": request.user.has_role("head", "social_worker", "assistant"),
    }
    return render(request, "placements/placement_list.html", context)


def placement_detail(request, pk: int):
    placement = selectors.placement_get_for_user(request.user, pk)
    record_read(request.user, placement)
    context = {
        "placement": placement,
        "entries": selectors.placement_cofinancing_entries(request.user, placement),
        "can_change": request.user.has_perm("placements.change_placement", placement),
        "can_cofinance": placement.is_foster_care
        and request.user.has_perm("placements.add_cofinancingentry", placement),
    }
    return render(request, "placements/placement_detail.html", context)


def child_history(request, person_pk: int):
    child = selectors.child_get_for_user(request.user, person_pk)
    record_read(request.user, child)
    context = {
        "child": child,
        "placements": selectors.child_placements(child),
        "can_add": request.user.has_perm("placements.add_placement", child.family),
    }
    return render(request, "placements/child_history.html", context)


def placement_start(request):
    """Pick the child for a new placement, then go to the child's placement form."""
    _require(request.user, "placements.list_placement")
    if not request.user.has_role("head", "social_worker", "assistant"):
        raise PermissionDenied
    children = selectors.children_of_visible_families(request.user)
    form = ChildChoiceForm(request.GET or None, children=children)
    if form.is_valid():
        return redirect("placements:create", person_pk=form.cleaned_data["child"].pk)
    return render(request, "placements/placement_start.html", {"form": form})


@require_http_methods(["GET", "POST"])
def placement_create(request, person_pk: int):
    child = selectors.child_get_for_user(request.user, person_pk)
    _require(request.user, "placements.add_placement", child.family)
    form = PlacementEntryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        placement = apply_service(
            form,
            lambda: services.placement_create(acting_user=request.user, child=child, **_data(form)),
        )
        if placement:
            messages.success(request, _("Zapisano umieszczenie dziecka."))
            return redirect("placements:detail", pk=placement.pk)
    return render(
        request, "placements/placement_form.html", {"form": form, "child": child, "placement": None}
    )


@require_http_methods(["GET", "POST"])
def placement_edit(request, pk: int):
    placement = selectors.placement_get_for_user(request.user, pk)
    _require(request.user, "placements.change_placement", placement)
    form = PlacementEntryForm(request.POST or None, instance=placement)
    if request.method == "POST" and form.is_valid():
        saved = apply_service(
            form,
            lambda: services.placement_update(
                acting_user=request.user,
                placement=selectors.placement_get_for_user(request.user, pk),
                expected_version=form.cleaned_data.get("version"),
                **_data(form),
            ),
        )
        if saved:
            messages.success(request, _("Zapisano zmiany."))
            return redirect("placements:detail", pk=placement.pk)
    context = {"form": form, "child": placement.child, "placement": placement}
    return render(request, "placements/placement_form.html", context)


@require_http_methods(["GET", "POST"])
def placement_end(request, pk: int):
    placement = selectors.placement_get_for_user(request.user, pk)
    _require(request.user, "placements.change_placement", placement)
    form = PlacementEndForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        saved = apply_service(
            form,
            lambda: services.placement_end(
                acting_user=request.user, placement=placement, **form.cleaned_data
            ),
        )
        if saved:
            messages.success(request, _("Zapisano zakończenie umieszczenia."))
            return redirect("placements:detail", pk=placement.pk)
    return render(request, "placements/placement_end.html", {"form": form, "placement": placement})


@require_http_methods(["GET", "POST"])
def cofinancing_create(request, pk: int):
    placement = selectors.placement_get_for_user(request.user, pk)
    _require(request.user, "placements.add_cofinancingentry", placement)
    form = CoFinancingEntryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        entry = apply_service(
            form,
            lambda: services.cofinancing_entry_create(
                acting_user=request.user, placement=placement, **form.cleaned_data
            ),
        )
        if entry:
            messages.success(request, _("Zapisano koszt pobytu i udział gminy."))
            return redirect("placements:detail", pk=placement.pk)
    context = {"form": form, "placement": placement}
    return render(request, "placements/cofinancing_form.html", context)
