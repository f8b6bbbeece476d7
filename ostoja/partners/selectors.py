"""Reads of contributions; every read starts from visible_contributions()."""

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from ostoja.accounts.models import Office, PartnerInstitution
from ostoja.partners.models import Contribution, ContributionDeadline, ContributionStatus
from ostoja.partners.permissions import visible_contributions
from ostoja.programme.models import Task, TaskInstitution

DONE = (ContributionStatus.SUBMITTED, ContributionStatus.ACCEPTED)


@dataclass
class DueForm:
    task: Task
    partner: PartnerInstitution
    contribution: Contribution | None

    @property
    def status_label(self) -> str:
        from django.utils.translation import gettext as _

        if self.contribution is None:
            return _("nie rozpoczęto")
        return str(ContributionStatus(self.contribution.status).label)

    @property
    def done(self) -> bool:
        return self.contribution is not None and self.contribution.status in DONE


def reporting_year(office_id) -> int:
    """The year partners are reporting on: the latest one with a deadline, else last year."""
    year = (
        ContributionDeadline.objects.filter(office_id=office_id)
        .order_by("-year")
        .values_list("year", flat=True)
        .first()
    )
    return year or timezone.localdate().year - 1


def _task_institutions(office_id: int, year: int) -> QuerySet[TaskInstitution]:
    return (
        TaskInstitution.objects.filter(
            task__programme__office_id=office_id,
            task__programme__year_from__lte=year,
            task__programme__year_to__gte=year,
        )
        .select_related("task", "partner")
        .order_by("task__number", "partner__name")
    )


def _forms(task_institutions, contributions) -> list[DueForm]:
    by_key = {(c.task_id, c.partner_id): c for c in contributions}
    return [
        DueForm(ti.task, ti.partner, by_key.get((ti.task_id, ti.partner_id)))
        for ti in task_institutions
    ]


def due_forms_for_partner(user, year: int) -> list[DueForm]:
    """The forms a partner user owes for `year` (2 queries)."""
    if user.partner_institution_id is None:
        return []
    tis = _task_institutions(user.office_id, year).filter(partner_id=user.partner_institution_id)
    contributions = visible_contributions(user).filter(year=year)
    return _forms(tis, contributions)


def contribution_overview(user, year: int) -> list[DueForm]:
    """Every task × institution due in `year` with its contribution, for the office (2 queries)."""
    tis = _task_institutions(user.office_id, year)
    contributions = visible_contributions(user).filter(year=year)
    return _forms(tis, contributions)


def partners_missing(office: Office, year: int) -> list[tuple[PartnerInstitution, list[Task]]]:
    """Partners that have not sent a contribution for some task of `year`, with those tasks."""
    tis = _task_institutions(office.pk, year).prefetch_related(Prefetch("partner__users"))
    done = set(
        Contribution.objects.filter(office=office, year=year, status__in=DONE).values_list(
            "task_id", "partner_id"
        )
    )
    missing: dict[int, tuple[PartnerInstitution, list[Task]]] = {}
    for ti in tis:
        if (ti.task_id, ti.partner_id) in done:
            continue
        missing.setdefault(ti.partner_id, (ti.partner, []))[1].append(ti.task)
    return list(missing.values())


def contribution_get_for_user(user, pk: int) -> Contribution:
    """A contribution the user may read; 404 for missing and forbidden alike."""
    return get_object_or_404(
        visible_contributions(user).select_related("task__programme", "partner"), pk=pk
    )


def contribution_values(contribution: Contribution) -> list[tuple]:
    """(indicator, value or None) for every indicator of the contribution's task."""
    values = {v.indicator_id: v.value for v in contribution.values.all()}
    return [(i, values.get(i.pk)) for i in contribution.task.indicators.all()]


def task_due_get(office_id: int, task_pk: int, partner_pk: int, year: int) -> Task:
    """A task of the office due from the partner in `year`; 404 otherwise."""
    return get_object_or_404(
        Task.objects.select_related("programme").filter(
            programme__office_id=office_id,
            programme__year_from__lte=year,
            programme__year_to__gte=year,
            task_institutions__partner_id=partner_pk,
        ),
        pk=task_pk,
    )


def institutions(user) -> QuerySet[PartnerInstitution]:
    """Partner institutions of the office, for staff who manage contributions."""
    from ostoja.partners.permissions import is_contribution_staff

    if not is_contribution_staff(user):
        return PartnerInstitution.objects.none()
    return PartnerInstitution.objects.filter(office_id=user.office_id).order_by("name")
