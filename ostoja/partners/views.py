"""Partner portal and the office's overview and review of contributions."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ostoja.accounts.models import PartnerInstitution
from ostoja.common.exceptions import ApplicationError
from ostoja.common.views import apply_service
from ostoja.partners import selectors, services
from ostoja.partners.forms import ContributionForm, DeadlineForm, PartnerInstitutionForm, ReturnForm
from ostoja.partners.models import ContributionStatus
from ostoja.partners.permissions import (
    deadline_for,
    is_contribution_staff,
    is_partner_user,
    visible_contributions,
)
from ostoja.programme.forms import YearForm


def _require(user, perm: str, obj=None) -> None:
    if not user.has_perm(perm, obj):
        raise PermissionDenied


def _year(request) -> int:
    form = YearForm(request.GET or None)
    if form.is_valid():
        return form.cleaned_data["rok"]
    return selectors.reporting_year(request.user.office_id)


def portal(request):
    """The forms due from the partner user's institution for a year."""
    _require(request.user, "partners.use_portal")
    year = _year(request)
    return render(
        request,
        "partners/portal.html",
        {
            "year": year,
            "year_form": YearForm(initial={"rok": year}),
            "forms": selectors.due_forms_for_partner(request.user, year),
            "deadline": deadline_for(request.user.office_id, year),
            "partner": request.user.partner_institution,
        },
    )


@require_http_methods(["GET", "POST"])
def contribution_form(request, year: int, task_pk: int, partner_pk: int):
    """Fill in a contribution: the partner for itself, or staff on a partner's behalf."""
    user = request.user
    if is_partner_user(user):
        if partner_pk != user.partner_institution_id:
            raise Http404
    elif not is_contribution_staff(user):
        raise PermissionDenied
    partner = get_object_or_404(PartnerInstitution, office_id=user.office_id, pk=partner_pk)
    task = selectors.task_due_get(user.office_id, task_pk, partner_pk, year)
    contribution = visible_contributions(user).filter(year=year, task=task, partner=partner).first()
    if contribution is not None and not user.has_perm("partners.change_contribution", contribution):
        return redirect("partners:detail", pk=contribution.pk)
    form = ContributionForm(
        request.POST or None, indicators=task.indicators.all(), contribution=contribution
    )
    if request.method == "POST" and form.is_valid():

        @transaction.atomic  # open, save and submit are one write: nothing stays half-saved
        def save():
            opened = services.contribution_open(
                acting_user=user, task=task, partner=partner, year=year
            )
            saved = services.contribution_save(
                acting_user=user,
                contribution=opened,
                narrative=form.cleaned_data["narrative"],
                activities=form.activity_lines(),
                values=form.values(),
                expected_version=form.cleaned_data.get("version") if contribution else None,
            )
            if "submit" in request.POST:
                saved = services.contribution_submit(acting_user=user, contribution=saved)
            return saved

        saved = apply_service(form, save)
        if saved:
            messages.success(
                request,
                _("Przesłano wkład do ośrodka.")
                if saved.status == ContributionStatus.SUBMITTED
                else _("Zapisano szkic wkładu."),
            )
            return redirect("partners:detail", pk=saved.pk)
    return render(
        request,
        "partners/contribution_form.html",
        {
            "form": form,
            "task": task,
            "partner": partner,
            "year": year,
            "contribution": contribution,
            "deadline": deadline_for(user.office_id, year),
        },
    )


def contribution_detail(request, pk: int):
    contribution = selectors.contribution_get_for_user(request.user, pk)
    user = request.user
    can_change = user.has_perm("partners.change_contribution", contribution)
    can_review = user.has_perm("partners.review_contribution", contribution)
    status = contribution.status
    return render(
        request,
        "partners/contribution_detail.html",
        {
            "contribution": contribution,
            "values": selectors.contribution_values(contribution),
            "activities": contribution.activities.all(),
            "can_change": can_change,
            "can_submit": can_change
            and status in (ContributionStatus.DRAFT, ContributionStatus.RETURNED),
            "can_review": can_review and status == ContributionStatus.SUBMITTED,
            "return_form": ReturnForm(),
            "back_url": "partners:overview"
            if can_review or not is_partner_user(user)
            else "partners:portal",
        },
    )


def _transition(request, pk: int, call, success: str):
    contribution = selectors.contribution_get_for_user(request.user, pk)
    try:
        call(contribution)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, success)
    return redirect("partners:detail", pk=pk)


def _post_only(request):
    return None if request.method == "POST" else HttpResponseNotAllowed(["POST"])


def contribution_submit(request, pk: int):
    contribution = selectors.contribution_get_for_user(request.user, pk)
    _require(request.user, "partners.change_contribution", contribution)
    return _post_only(request) or _transition(
        request,
        pk,
        lambda c: services.contribution_submit(acting_user=request.user, contribution=c),
        _("Przesłano wkład do ośrodka."),
    )


def contribution_accept(request, pk: int):
    contribution = selectors.contribution_get_for_user(request.user, pk)
    _require(request.user, "partners.review_contribution", contribution)
    return _post_only(request) or _transition(
        request,
        pk,
        lambda c: services.contribution_accept(acting_user=request.user, contribution=c),
        _("Przyjęto wkład."),
    )


@require_http_methods(["GET", "POST"])
def contribution_return(request, pk: int):
    contribution = selectors.contribution_get_for_user(request.user, pk)
    _require(request.user, "partners.review_contribution", contribution)
    form = ReturnForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        saved = apply_service(
            form,
            lambda: services.contribution_return(
                acting_user=request.user,
                contribution=contribution,
                comment=form.cleaned_data["comment"],
            ),
        )
        if saved:
            messages.success(request, _("Zwrócono wkład do poprawy."))
            return redirect("partners:detail", pk=pk)
    return render(
        request,
        "partners/return_form.html",
        {"form": form, "contribution": contribution},
    )


def overview(request):
    """Who has and has not sent a contribution for a year."""
    _require(request.user, "partners.view_overview")
    year = _year(request)
    rows = selectors.contribution_overview(request.user, year)
    return render(
        request,
        "partners/overview.html",
        {
            "year": year,
            "year_form": YearForm(initial={"rok": year}),
            "rows": rows,
            "done_count": sum(1 for r in rows if r.done),
            "deadline": deadline_for(request.user.office_id, year),
            "can_manage": request.user.has_perm("partners.manage_contributions"),
        },
    )


def reminders_send(request):
    _require(request.user, "partners.manage_contributions")
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    year = _year(request)
    sent = services.reminders_send(acting_user=request.user, office=request.user.office, year=year)
    messages.success(request, _("Wysłano przypomnienia do instytucji: %(n)s.") % {"n": sent})
    return redirect(f"{reverse('partners:overview')}?rok={year}")


@require_http_methods(["GET", "POST"])
def deadline_edit(request):
    _require(request.user, "partners.manage_contributions")
    year = _year(request)
    form = DeadlineForm(
        request.POST or None,
        initial={"year": year, "deadline": deadline_for(request.user.office_id, year)},
    )
    if request.method == "POST" and form.is_valid():
        saved = apply_service(
            form,
            lambda: services.deadline_set(
                acting_user=request.user, office=request.user.office, **form.cleaned_data
            ),
        )
        if saved:
            messages.success(request, _("Zapisano termin."))
            return redirect("partners:overview")
    return render(
        request,
        "partners/form_page.html",
        {"form": form, "title": _("Termin przesyłania wkładów"), "cancel": "partners:overview"},
    )


def institution_list(request):
    _require(request.user, "partners.manage_contributions")
    return render(
        request,
        "partners/institution_list.html",
        {"institutions": selectors.institutions(request.user)},
    )


@require_http_methods(["GET", "POST"])
def institution_form(request, pk: int | None = None):
    _require(request.user, "partners.manage_contributions")
    partner = (
        get_object_or_404(selectors.institutions(request.user), pk=pk) if pk is not None else None
    )
    form = PartnerInstitutionForm(request.POST or None, instance=partner)
    if request.method == "POST" and form.is_valid():
        saved = apply_service(
            form,
            lambda: services.partner_institution_save(
                acting_user=request.user,
                office=request.user.office,
                partner=partner,
                **form.cleaned_data,
            ),
        )
        if saved:
            messages.success(request, _("Zapisano instytucję."))
            return redirect("partners:institutions")
    return render(
        request,
        "partners/form_page.html",
        {"form": form, "title": _("Instytucja partnerska"), "cancel": "partners:institutions"},
    )
