"""Reads of assistants' employment, trainings and costs."""

import datetime

from django.db.models import Case, CharField, OuterRef, Q, QuerySet, Subquery, Sum, Value, When
from django.http import Http404
from django.shortcuts import get_object_or_404

from ostoja.accounts.models import Role, User
from ostoja.staff.models import AssistantCost, AssistantEmployment, EmploymentForm, Training
from ostoja.staff.permissions import visible_costs, visible_employments, visible_trainings


def employed_on(day: datetime.date) -> Q:
    return Q(start_date__lte=day) & (Q(end_date__isnull=True) | Q(end_date__gte=day))


def office_assistant_users(office_id) -> QuerySet[User]:
    """Users of an office who are assistants now or have employment records."""
    return (
        User.objects.filter(office_id=office_id)
        .filter(Q(role_assignments__role=Role.ASSISTANT) | Q(employments__isnull=False))
        .distinct()
    )


def staff_list(user, *, year: int, day: datetime.date) -> QuerySet[User]:
    """Assistants of the user's office with their form of employment on `day` and cost in `year`."""
    current = AssistantEmployment.objects.filter(assistant=OuterRef("pk")).filter(employed_on(day))
    costs = (
        AssistantCost.objects.filter(assistant=OuterRef("pk"), month__year=year)
        .values("assistant")
        .annotate(total=Sum("amount"))
        .values("total")
    )
    return (
        office_assistant_users(user.office_id)
        .annotate(
            current_form=Subquery(current.order_by("-start_date").values("form")[:1]),
            cost_in_year=Subquery(costs[:1]),
        )
        .annotate(
            current_form_label=Case(
                *[When(current_form=f.value, then=Value(str(f.label))) for f in EmploymentForm],
                default=Value(""),
                output_field=CharField(),
            )
        )
        .order_by("last_name", "first_name", "pk")
    )


def assistant_get_for_user(user, pk: int) -> User:
    """An assistant of the user's office the user may see; 404 both for missing and forbidden."""
    assistant = get_object_or_404(office_assistant_users(user.office_id), pk=pk)
    if not user.has_perm("staff.view_assistant", assistant):
        raise Http404
    return assistant


def assistant_employments(user, assistant: User) -> QuerySet[AssistantEmployment]:
    return visible_employments(user).filter(assistant=assistant).order_by("-start_date", "-pk")


def assistant_trainings(user, assistant: User) -> QuerySet[Training]:
    return visible_trainings(user).filter(assistant=assistant).order_by("-date", "-pk")


def assistant_costs(user, assistant: User) -> QuerySet[AssistantCost]:
    return (
        visible_costs(user).filter(assistant=assistant).order_by("-month", "funding_source", "pk")
    )


def employment_get_for_user(user, pk: int) -> AssistantEmployment:
    return get_object_or_404(visible_employments(user).select_related("assistant"), pk=pk)


def staff_summary(office, year: int) -> list[dict]:
    """The office's staff figures for a year (labels and Polish-formatted values): three queries."""
    from ostoja.reporting.registry import Period, registry
    from ostoja.reporting.units import format_value
    from ostoja.staff import metrics

    period = Period.year(year)
    values: dict = {}
    for compute in (metrics.employment_figures, metrics.training_figures, metrics.spending_figures):
        values.update(compute(office, period))
    rows = []
    for key, value in values.items():
        spec = registry.spec(key)
        is_total = key.count(".") == 1 or key.endswith(".total")
        if value or is_total:
            rows.append({"key": key, "label": spec.label, "text": format_value(value, spec.unit)})
    return rows
