"""Reads of assistant cases."""

from django.db.models import Q, QuerySet
from django.utils import timezone

from ostoja.casework.models import Assignment


def assistant_family_ids(user, *, current_only: bool = False) -> QuerySet:
    """Ids of families assigned to the assistant (now, or ever) as a subquery."""
    qs = Assignment.objects.filter(assistant=user, case__office_id=user.office_id)
    if current_only:
        today = timezone.localdate()
        qs = qs.filter(start_date__lte=today).filter(
            Q(end_date__isnull=True) | Q(end_date__gte=today)
        )
    return qs.values("case__family_id")
