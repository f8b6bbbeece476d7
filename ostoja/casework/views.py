"""Pages of assistant casework: thin; selectors read, services write."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ostoja.accounts.models import Role, User
from ostoja.audit.services import record_read
from ostoja.casework import selectors, services
from ostoja.casework.forms import (
    AssessmentForm,
    AssignForm,
    CaseFilterForm,
    CaseloadLimitForm,
    CloseForm,
    ConsentForm,
    ContactForm,
    CooperationForm,
    DecisionForm,
    GoalForm,
    MonitoringForm,
    OutcomeForm,
    PlanForm,
    RequestForm,
)
from ostoja.casework.models import CaseStatus, Goal, Monitoring, WorkPlan
from ostoja.common.views import apply_service, page_number
from ostoja.families.permissions import visible_families
from ostoja.families.selectors import family_members


def _require(user, perm: str, obj=None) -> None:
    if not user.has_perm(perm, obj):
        raise PermissionDenied


def _form_page(request, *, form, title: str, case=None, back: str, submit: str = ""):
    context = {
        "form": form,
        "title": title,
        "case": case,
        "back": back,
        "submit": submit or _("Zapisz"),
    }
    return render(request, "casework/form_page.html", context)


def _case_url(case) -> str:
    return reverse("casework:case_detail", args=[case.pk])


# --- lists ---------------------------------------------------------------------------


def my_families(request):
    _require(request.user, "casework.view_my_families")
    context = {
        "cases": selectors.my_families(request.user),
        "monitorings": selectors.monitoring_due(request.user),
        "today": timezone.localdate(),
    }
    return render(request, "casework/my_families.html", context)


def case_list(request):
    _require(request.user, "casework.list_cases")
    filters = CaseFilterForm(request.GET or None)
    status = filters.cleaned_data["status"] if filters.is_valid() else ""
    page = Paginator(selectors.case_list(request.user, status=status), 25).get_page(
        page_number(request)
    )
    context = {
        "filters": filters,
        "page": page,
        "can_request": request.user.has_perm("casework.file_request"),
    }
    return render(request, "casework/case_list.html", context)


def decision_queue(request):
    _require(request.user, "casework.view_queue")
    context = {
        "cases": selectors.decision_queue(request.user),
        "can_decide": request.user.has_role(Role.HEAD),
    }
    return render(request, "casework/decision_queue.html", context)


def overdue(request):
    _require(request.user, "casework.view_overdue")
    return render(
        request, "casework/overdue.html", {"cases": selectors.overdue_assessments(request.user)}
    )


def caseload_board(request):
    _require(request.user, "casework.view_caseload")
    office = request.user.office
    today = timezone.localdate()
    rows = selectors.caseload_board(office, day=today)
    context = {
        "rows": rows,
        "limit": selectors.caseload_limit_on(office, today),
        "waiting": selectors.decision_queue(request.user),
        "total": sum(r.load for r in rows),
        "can_manage_limits": request.user.has_perm("casework.manage_limits"),
    }
    return render(request, "casework/caseload_board.html", context)


def assistant_caseload(request, pk: int):
    assistant = get_object_or_404(
        User.objects.filter(
            office_id=request.user.office_id, role_assignments__role=Role.ASSISTANT
        ),
        pk=pk,
    )
    _require(request.user, "casework.view_assistant_caseload", assistant)
    today = timezone.localdate()
    assignments = list(selectors.assistant_assignments(assistant))
    context = {
        "assistant": assistant,
        "load": selectors.assistant_load_on(assistant, today),
        "limit": selectors.caseload_limit_on(assistant.office, today),
        "current": [a for a in assignments if a.end_date is None or a.end_date >= today],
        "history": [a for a in assignments if a.end_date is not None and a.end_date < today],
    }
    return render(request, "casework/assistant_caseload.html", context)


@require_http_methods(["GET", "POST"])
def caseload_limits(request):
    _require(request.user, "casework.manage_limits")
    office = request.user.office
    form = CaseloadLimitForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        saved = apply_service(
            form,
            lambda: services.caseload_limit_set(
                acting_user=request.user, office=office, **form.cleaned_data
            ),
        )
        if saved:
            messages.success(request, _("Zapisano limit."))
            return redirect("casework:caseload_limits")
    context = {"form": form, "limits": selectors.caseload_limits(office)}
    return render(request, "casework/caseload_limits.html", context)


# --- the case ------------------------------------------------------------------------


def _case_context(request, case) -> dict:
    user = request.user
    can_work = user.has_perm("casework.work_case", case)
    can_manage = user.has_perm("casework.assign_case", case)
    detail = selectors.case_detail(case)
    due = selectors.assessment_due_on(case) if case.status == CaseStatus.ACTIVE else None
    context = {
        "case": case,
        **detail,
        "assessment_due": due,
        "assessment_overdue": due is not None and due < timezone.localdate(),
        "can_work": can_work,
        "can_decide": can_manage and case.status in services.DECIDABLE,
        "can_assign": can_manage and case.status in (CaseStatus.GRANTED, CaseStatus.ACTIVE),
        "can_monitor": user.has_perm("casework.monitor_case", case)
        and detail["monitoring"] is not None
        and detail["monitoring"].done_on is None,
    }
    if can_work:
        context["contact_form"] = ContactForm(auto_id="quick_%s")
    return context


def case_detail(request, pk: int):
    case = selectors.case_get_for_user(request.user, pk)
    record_read(request.user, case)
    return render(request, "casework/case_detail.html", _case_context(request, case))


@require_http_methods(["GET", "POST"])
def request_create(request):
    _require(request.user, "casework.file_request")
    families = visible_families(request.user).order_by("name", "pk")
    initial = {"family": request.GET.get("rodzina")} if request.GET.get("rodzina") else None
    form = RequestForm(request.POST or None, families=families, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        family = data.pop("family")
        case = apply_service(
            form,
            lambda: services.case_request_create(acting_user=request.user, family=family, **data),
        )
        if case:
            messages.success(request, _("Złożono wniosek o przydzielenie asystenta rodziny."))
            return redirect("casework:case_detail", pk=case.pk)
    return _form_page(
        request,
        form=form,
        title=_("Wniosek o przydzielenie asystenta rodziny"),
        back=reverse("casework:case_list"),
        submit=_("Złóż wniosek"),
    )


@require_http_methods(["GET", "POST"])
def case_decide(request, pk: int):
    case = selectors.case_get_for_user(request.user, pk)
    _require(request.user, "casework.decide_case", case)
    form = DecisionForm(request.POST or None, case=case)
    if (
        request.method == "POST"
        and form.is_valid()
        and apply_service(
            form,
            lambda: services.case_decide(
                acting_user=request.user,
                case=case,
                expected_version=form.expected_version,
                **form.service_data(),
            ),
        )
    ):
        messages.success(request, _("Zapisano decyzję."))
        return redirect("casework:case_detail", pk=case.pk)
    return _form_page(
        request, form=form, title=_("Decyzja w sprawie wniosku"), case=case, back=_case_url(case)
    )


@require_http_methods(["GET", "POST"])
def case_assign(request, pk: int):
    case = selectors.case_get_for_user(request.user, pk)
    _require(request.user, "casework.assign_case", case)
    office = case.office
    form = AssignForm(
        request.POST or None,
        case=case,
        assistants=selectors.office_assistants_for_assignment(office),
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and apply_service(
            form,
            lambda: services.case_assign(
                acting_user=request.user,
                case=case,
                expected_version=form.expected_version,
                **form.service_data(),
            ),
        )
    ):
        messages.success(request, _("Przydzielono asystenta rodziny."))
        return redirect("casework:case_detail", pk=case.pk)
    context = {
        "form": form,
        "case": case,
        "rows": selectors.caseload_board(office),
        "limit": selectors.caseload_limit_on(office, timezone.localdate()),
    }
    return render(request, "casework/assign.html", context)


@require_http_methods(["GET", "POST"])
def case_consent(request, pk: int):
    case = selectors.case_get_for_user(request.user, pk)
    _require(request.user, "casework.work_case", case)
    form = ConsentForm(request.POST or None, case=case)
    if (
        request.method == "POST"
        and form.is_valid()
        and apply_service(
            form,
            lambda: services.case_record_consent(
                acting_user=request.user,
                case=case,
                expected_version=form.expected_version,
                **form.service_data(),
            ),
        )
    ):
        messages.success(request, _("Zapisano zgodę rodziny."))
        return redirect("casework:case_detail", pk=case.pk)
    return _form_page(
        request, form=form, title=_("Zgoda rodziny na współpracę"), case=case, back=_case_url(case)
    )


@require_http_methods(["GET", "POST"])
def plan_create(request, pk: int):
    case = selectors.case_get_for_user(request.user, pk)
    _require(request.user, "casework.work_case", case)
    form = PlanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        plan = apply_service(
            form,
            lambda: services.plan_create(acting_user=request.user, case=case, **form.cleaned_data),
        )
        if plan:
            messages.success(request, _("Zapisano plan pracy. Dodaj jego cele."))
            return redirect("casework:goal_create", pk=plan.pk)
    return _form_page(
        request, form=form, title=_("Plan pracy z rodziną"), case=case, back=_case_url(case)
    )


@require_http_methods(["GET", "POST"])
def goal_create(request, pk: int):
    plan = get_object_or_404(
        WorkPlan.objects.filter(case__in=selectors.visible_cases(request.user)).select_related(
            "case__family"
        ),
        pk=pk,
    )
    case = plan.case
    _require(request.user, "casework.work_case", case)
    form = GoalForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and apply_service(
            form,
            lambda: services.goal_create(acting_user=request.user, plan=plan, **form.cleaned_data),
        )
    ):
        messages.success(request, _("Dodano cel planu."))
        if "another" in request.POST:
            return redirect("casework:goal_create", pk=plan.pk)
        return redirect("casework:case_detail", pk=case.pk)
    return _form_page(
        request,
        form=form,
        title=_("Cel planu pracy z dnia %(day)s") % {"day": f"{plan.drawn_up_on:%d.%m.%Y}"},
        case=case,
        back=_case_url(case),
    )


@require_http_methods(["GET", "POST"])
def contact_create(request, pk: int):
    """Full-page form; from the case page the quick form posts here by htmx."""
    case = selectors.case_get_for_user(request.user, pk)
    _require(request.user, "casework.work_case", case)
    quick = bool(request.htmx)
    form = ContactForm(request.POST or None, auto_id="quick_%s" if quick else "id_%s")
    saved = None
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        saved = apply_service(
            form, lambda: services.contact_create(acting_user=request.user, case=case, **data)
        )
    if quick:
        context = _case_context(request, case)
        if saved is None and request.method == "POST":
            context["contact_form"] = form
        context["saved_contact"] = saved
        return render(request, "casework/_contacts.html", context)
    if saved:
        messages.success(request, _("Zapisano kontakt."))
        return redirect("casework:case_detail", pk=case.pk)
    return _form_page(
        request, form=form, title=_("Kontakt z rodziną"), case=case, back=_case_url(case)
    )


@require_http_methods(["GET", "POST"])
def assessment_create(request, pk: int):
    case = selectors.case_get_for_user(request.user, pk)
    _require(request.user, "casework.work_case", case)
    form = AssessmentForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and apply_service(
            form,
            lambda: services.assessment_create(
                acting_user=request.user, case=case, **form.cleaned_data
            ),
        )
    ):
        messages.success(request, _("Zapisano ocenę okresową."))
        return redirect("casework:case_detail", pk=case.pk)
    return _form_page(
        request,
        form=form,
        title=_("Okresowa ocena sytuacji rodziny"),
        case=case,
        back=_case_url(case),
    )


@require_http_methods(["GET", "POST"])
def cooperation_create(request, pk: int):
    case = selectors.case_get_for_user(request.user, pk)
    _require(request.user, "casework.work_case", case)
    form = CooperationForm(request.POST or None, members=family_members(case.family))
    if (
        request.method == "POST"
        and form.is_valid()
        and apply_service(
            form,
            lambda: services.cooperation_create(
                acting_user=request.user, case=case, **form.cleaned_data
            ),
        )
    ):
        messages.success(request, _("Zapisano współpracę z instytucją."))
        return redirect("casework:case_detail", pk=case.pk)
    return _form_page(
        request, form=form, title=_("Współpraca z instytucją"), case=case, back=_case_url(case)
    )


@require_http_methods(["GET", "POST"])
def outcome_create(request, pk: int):
    case = selectors.case_get_for_user(request.user, pk)
    _require(request.user, "casework.work_case", case)
    form = OutcomeForm(request.POST or None, members=family_members(case.family))
    if (
        request.method == "POST"
        and form.is_valid()
        and apply_service(
            form,
            lambda: services.outcome_create(
                acting_user=request.user, case=case, **form.cleaned_data
            ),
        )
    ):
        messages.success(request, _("Zapisano efekt pracy."))
        return redirect("casework:case_detail", pk=case.pk)
    return _form_page(
        request, form=form, title=_("Efekt pracy z rodziną"), case=case, back=_case_url(case)
    )


@require_http_methods(["GET", "POST"])
def case_close(request, pk: int):
    case = selectors.case_get_for_user(request.user, pk)
    # close_case, not work_case: when someone else closed the case meanwhile, the
    # second submit gets the "changed meanwhile" message with its input, not a 403.
    _require(request.user, "casework.close_case", case)
    goals = Goal.objects.filter(plan__case=case).order_by("deadline", "pk")
    form = CloseForm(request.POST or None, case=case, goals=goals)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if apply_service(
            form,
            lambda: services.case_close(
                acting_user=request.user,
                case=case,
                closed_on=data["closed_on"],
                reason=data["reason"],
                reason_text=data["reason_text"],
                final_assessment=data["final_assessment"],
                attainments=form.attainments(),
                expected_version=form.expected_version,
            ),
        ):
            messages.success(
                request, _("Zakończono pracę z rodziną. Wyznaczono termin monitoringu.")
            )
            return redirect("casework:case_detail", pk=case.pk)
    return _form_page(
        request,
        form=form,
        title=_("Zakończenie pracy z rodziną"),
        case=case,
        back=_case_url(case),
        submit=_("Zakończ pracę z rodziną"),
    )


@require_http_methods(["GET", "POST"])
def monitoring_record(request, pk: int):
    case = selectors.case_get_for_user(request.user, pk)
    _require(request.user, "casework.monitor_case", case)
    monitoring = get_object_or_404(Monitoring, case=case)
    form = MonitoringForm(request.POST or None, case=case)
    if request.method == "POST" and form.is_valid():
        result = apply_service(
            form,
            lambda: (
                services.monitoring_record(
                    acting_user=request.user,
                    monitoring=monitoring,
                    expected_version=form.expected_version,
                    **form.service_data(),
                )
                or case
            ),
        )
        if result:
            messages.success(request, _("Zapisano monitoring."))
            return redirect("casework:case_detail", pk=result.pk)
    return _form_page(
        request,
        form=form,
        title=_("Monitoring po zakończeniu pracy"),
        case=case,
        back=_case_url(case),
    )
