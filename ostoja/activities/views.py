"""Pages of group activities and projects."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ostoja.activities import selectors, services
from ostoja.activities.forms import GroupActivityForm, ParticipationForm
from ostoja.audit.services import record_read
from ostoja.common.views import apply_service, page_number


def _require(user, perm: str, obj=None) -> None:
    if not user.has_perm(perm, obj):
        raise PermissionDenied


def activity_list(request):
    _require(request.user, "activities.list_groupactivity")
    page = Paginator(selectors.activity_list(request.user), 25).get_page(page_number(request))
    context = {"page": page, "can_add": request.user.has_perm("activities.add_groupactivity")}
    return render(request, "activities/activity_list.html", context)


def activity_detail(request, pk: int):
    activity = selectors.activity_get_for_user(request.user, pk)
    record_read(request.user, activity)
    context = {
        "activity": activity,
        "participants": selectors.activity_participants(request.user, activity),
        "can_change": request.user.has_perm("activities.change_groupactivity", activity),
        "can_enrol": request.user.has_perm("activities.enrol_participants"),
    }
    return render(request, "activities/activity_detail.html", context)


@require_http_methods(["GET", "POST"])
def activity_create(request):
    _require(request.user, "activities.add_groupactivity")
    form = GroupActivityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        activity = apply_service(
            form,
            lambda: services.activity_create(
                acting_user=request.user, office=request.user.office, **data
            ),
        )
        if activity:
            messages.success(request, _("Zapisano zajęcia."))
            return redirect("activities:detail", pk=activity.pk)
    return render(request, "activities/activity_form.html", {"form": form, "activity": None})


@require_http_methods(["GET", "POST"])
def activity_edit(request, pk: int):
    activity = selectors.activity_get_for_user(request.user, pk)
    _require(request.user, "activities.change_groupactivity", activity)
    form = GroupActivityForm(request.POST or None, instance=activity)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        saved = apply_service(
            form,
            lambda: services.activity_update(
                acting_user=request.user,
                activity=selectors.activity_get_for_user(request.user, pk),
                expected_version=form.cleaned_data.get("version"),
                **data,
            ),
        )
        if saved:
            messages.success(request, _("Zapisano zmiany."))
            return redirect("activities:detail", pk=activity.pk)
    return render(request, "activities/activity_form.html", {"form": form, "activity": activity})


@require_http_methods(["GET", "POST"])
def participation_create(request, pk: int):
    activity = selectors.activity_get_for_user(request.user, pk)
    _require(request.user, "activities.enrol_participants")
    persons = selectors.persons_to_enrol(request.user, activity)
    form = ParticipationForm(request.POST or None, persons=persons)
    if request.method == "POST" and form.is_valid():
        participation = apply_service(
            form,
            lambda: services.participation_create(
                acting_user=request.user, activity=activity, **form.cleaned_data
            ),
        )
        if participation:
            messages.success(request, _("Dodano uczestnika."))
            return redirect("activities:detail", pk=activity.pk)
    context = {"form": form, "activity": activity}
    return render(request, "activities/participation_form.html", context)
