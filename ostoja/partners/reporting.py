"""What partners' accepted contributions give the annual report."""

from django.db.models import F

from ostoja.partners.models import ContributionActivity, ContributionStatus


def accepted_activities(office, year: int, config: dict) -> list[str]:
    """Listed activities of accepted contributions of a year (of one task if given).

    One query; lines in task, partner and entry order, duplicates (the same activity
    reported by two schools) written once.
    """
    if getattr(office, "pk", None) is None:  # a template preview without a saved office
        return []
    rows = ContributionActivity.objects.filter(
        contribution__office=office,
        contribution__year=year,
        contribution__status=ContributionStatus.ACCEPTED,
    )
    if config.get("task"):
        rows = rows.filter(contribution__task__number=config["task"])
    lines = rows.order_by(
        F("contribution__task__number"), "contribution__partner__name", "order", "pk"
    ).values_list("text", flat=True)
    return list(dict.fromkeys(lines))
