"""Writes of the programme (tasks, indicators) and of office statistics."""

from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from ostoja.accounts.models import Office, PartnerInstitution
from ostoja.common.exceptions import ApplicationError
from ostoja.programme.models import (
    Indicator,
    InstitutionRole,
    Programme,
    SpecificGoal,
    StatisticKind,
    StatisticValue,
    Task,
    TaskInstitution,
)

PROGRAMME_FIELDS = (
    "name",
    "resolution_number",
    "resolution_date",
    "year_from",
    "year_to",
    "main_goal",
)
INDICATOR_FIELDS = ("code", "label", "unit", "kind", "metric_key", "order")
STATISTIC_KIND_FIELDS = ("code", "key", "label", "unit", "parent", "parts_complete", "order")


def _require(user, perm: str, obj=None) -> None:
    if not user.has_perm(perm, obj):
        raise PermissionDenied


def _check_version(obj, expected_version: int | None) -> None:
    if expected_version is not None and obj.version != expected_version:
        raise ApplicationError(
            _(
                "Ktoś inny zapisał zmiany w tym rekordzie. "
                "Sprawdź aktualną wersję i zapisz ponownie."
            )
        )


@transaction.atomic
def programme_create(*, acting_user, office: Office, goals=(), **data) -> Programme:
    """Register a programme adopted by the council, with its specific goals."""
    _require(acting_user, "programme.add_programme")
    if acting_user.office_id != office.pk:
        raise PermissionDenied
    programme = Programme(office=office, **{k: v for k, v in data.items() if k in PROGRAMME_FIELDS})
    programme.stamp(acting_user)
    programme.full_clean()
    programme.save()
    goals_set(acting_user=acting_user, programme=programme, goals=goals)
    return programme


@transaction.atomic
def programme_update(
    *, acting_user, programme: Programme, expected_version: int | None = None, goals=None, **data
) -> Programme:
    _require(acting_user, "programme.change_programme", programme)
    current = Programme.objects.select_for_update().get(pk=programme.pk)
    _check_version(current, expected_version)
    for key, value in data.items():
        if key in PROGRAMME_FIELDS:
            setattr(programme, key, value)
    programme.version = current.version + 1
    programme.stamp(acting_user)
    programme.full_clean()
    programme.save()
    if goals is not None:
        goals_set(acting_user=acting_user, programme=programme, goals=goals)
    return programme


@transaction.atomic
def goals_set(*, acting_user, programme: Programme, goals) -> None:
    """Replace the specific goals by the given texts, numbered from 1 (tasks keep theirs)."""
    _require(acting_user, "programme.change_programme", programme)
    texts = [g.strip() for g in goals if g and g.strip()]
    existing = {g.number: g for g in programme.goals.all()}
    for number, text in enumerate(texts, start=1):
        goal = existing.pop(number, None) or SpecificGoal(programme=programme, number=number)
        goal.text = text
        goal.save()
    SpecificGoal.objects.filter(pk__in=[g.pk for g in existing.values()]).delete()


def _next_task_number(programme: Programme) -> int:
    last = programme.tasks.order_by("-number").values_list("number", flat=True).first()
    return (last or 0) + 1


@transaction.atomic
def task_save(
    *,
    acting_user,
    programme: Programme,
    task: Task | None = None,
    number: int | None = None,
    title: str,
    goal: SpecificGoal | None = None,
    office_responsible: bool = True,
    responsible=(),
    partners=(),
) -> Task:
    """Create or change a task and the institutions named in it."""
    _require(acting_user, "programme.change_programme", programme)
    if task is None:
        task = Task(programme=programme)
    elif task.programme_id != programme.pk:
        raise PermissionDenied
    task.number = number or task.number or _next_task_number(programme)
    task.title = title
    task.goal = goal
    task.office_responsible = office_responsible
    task.full_clean()
    task.save()
    roles: dict[int, str] = {p.pk: InstitutionRole.PARTNER for p in partners}
    roles.update({p.pk: InstitutionRole.RESPONSIBLE for p in responsible})
    foreign = PartnerInstitution.objects.filter(pk__in=roles).exclude(office_id=programme.office_id)
    if foreign.exists():
        raise PermissionDenied
    TaskInstitution.objects.filter(task=task).exclude(partner_id__in=roles).delete()
    for partner_id, role in roles.items():
        TaskInstitution.objects.update_or_create(
            task=task, partner_id=partner_id, defaults={"role": role}
        )
    return task


@transaction.atomic
def indicator_save(
    *, acting_user, task: Task, indicator: Indicator | None = None, **data
) -> Indicator:
    _require(acting_user, "programme.change_programme", task.programme)
    if indicator is None:
        indicator = Indicator(task=task)
    elif indicator.task_id != task.pk:
        raise PermissionDenied
    for key, value in data.items():
        if key in INDICATOR_FIELDS:
            setattr(indicator, key, value)
    indicator.full_clean()
    indicator.save()
    return indicator


@transaction.atomic
def indicator_delete(*, acting_user, indicator: Indicator) -> None:
    _require(acting_user, "programme.change_programme", indicator.task.programme)
    if indicator.values.exists():
        raise ApplicationError(
            _("Tego wskaźnika nie można usunąć: partnerzy podali już jego wartości.")
        )
    indicator.delete()


@transaction.atomic
def programme_copy(
    *,
    acting_user,
    programme: Programme,
    name: str,
    resolution_number: str,
    resolution_date,
    year_from: int,
    year_to: int,
) -> Programme:
    """Start the next programme from a previous one's goals, tasks, institutions and indicators."""
    _require(acting_user, "programme.change_programme", programme)
    new = programme_create(
        acting_user=acting_user,
        office=programme.office,
        name=name,
        resolution_number=resolution_number,
        resolution_date=resolution_date,
        year_from=year_from,
        year_to=year_to,
        main_goal=programme.main_goal,
        goals=[g.text for g in programme.goals.order_by("number")],
    )
    new.previous = programme
    new.save(update_fields=["previous"])
    goals = {g.number: g for g in new.goals.all()}
    for task in programme.tasks.prefetch_related("task_institutions", "indicators").select_related(
        "goal"
    ):
        copy = Task.objects.create(
            programme=new,
            number=task.number,
            title=task.title,
            goal=goals.get(task.goal.number) if task.goal else None,
            office_responsible=task.office_responsible,
        )
        TaskInstitution.objects.bulk_create(
            TaskInstitution(task=copy, partner_id=ti.partner_id, role=ti.role)
            for ti in task.task_institutions.all()
        )
        Indicator.objects.bulk_create(
            Indicator(task=copy, **{f: getattr(i, f) for f in INDICATOR_FIELDS})
            for i in task.indicators.all()
        )
    return new


@transaction.atomic
def statistic_kind_save(
    *, acting_user, office: Office, kind: StatisticKind | None = None, **data
) -> StatisticKind:
    _require(acting_user, "programme.change_statistics")
    if acting_user.office_id != office.pk or (kind is not None and kind.office_id != office.pk):
        raise PermissionDenied
    kind = kind or StatisticKind(office=office)
    for key, value in data.items():
        if key in STATISTIC_KIND_FIELDS:
            setattr(kind, key, value)
    kind.full_clean()
    kind.save()
    return kind


@transaction.atomic
def statistic_values_save(
    *, acting_user, office: Office, year: int, values: dict[int, tuple[Decimal | None, str]]
) -> int:
    """Store the year's figures: ``{kind_id: (value or None to clear, source)}``; return changes."""
    _require(acting_user, "programme.change_statistics")
    if acting_user.office_id != office.pk:
        raise PermissionDenied
    kinds = {k.pk: k for k in StatisticKind.objects.filter(office=office, pk__in=values)}
    if len(kinds) != len(values):
        raise PermissionDenied
    existing = {
        v.kind_id: v
        for v in StatisticValue.objects.select_for_update().filter(
            office=office, year=year, kind_id__in=values
        )
    }
    changed = 0
    for kind_id, (value, source) in values.items():
        current = existing.get(kind_id)
        if value is None:
            if current is not None:
                current.delete()
                changed += 1
            continue
        if current is not None and current.value == value and current.source == source:
            continue
        row = current or StatisticValue(office=office, kind=kinds[kind_id], year=year)
        row.value = value
        row.source = source
        row.stamp(acting_user)
        row.full_clean()
        row.save()
        changed += 1
    return changed
