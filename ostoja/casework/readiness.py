"""Readiness checks of casework before the annual report: data the figures depend on."""

import datetime

from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ostoja.casework.metrics import _overdue_on, assigned_on
from ostoja.casework.models import Assignment, AssistantCase
from ostoja.reporting.readiness import Issue, readiness_check


@readiness_check
def closures_without_reason(office, year: int, figures) -> list[Issue]:
    """Cases closed in the year without a reason cannot be split by reason."""
    count = AssistantCase.objects.filter(
        office=office, closed_on__year=year, closure_reason__isnull=True
    ).count()
    if not count:
        return []
    return [
        Issue(
            _(
                "Sprawy zakończone w %(year)s r. bez wpisanej przyczyny zakończenia: %(n)s. "
                "Sprawozdanie nie rozbije ich według przyczyn."
            )
            % {"year": year, "n": count},
            owner=_("kierownik"),
            url=reverse("casework:case_list") + "?status=closed",
            severity="error",
        )
    ]


@readiness_check
def overdue_assessments_per_assistant(office, year: int, figures) -> list[Issue]:
    """Periodic assessments overdue on the year's last day (or today), per assistant."""
    day = min(datetime.date(year, 12, 31), timezone.localdate())
    rows = (
        Assignment.objects.filter(assigned_on(day), case__in=_overdue_on(office, day).values("pk"))
        .values("assistant", "assistant__first_name", "assistant__last_name")
        .annotate(n=Count("case", distinct=True))
        .order_by("assistant__last_name", "assistant__first_name", "assistant")
    )
    return [
        Issue(
            _("Okresowe oceny sytuacji rodziny po terminie (stan na %(day)s): %(n)s.")
            % {"day": f"{day:%d.%m.%Y}", "n": row["n"]},
            owner=f"{row['assistant__first_name']} {row['assistant__last_name']}".strip(),
            url=reverse("casework:overdue"),
        )
        for row in rows
    ]
