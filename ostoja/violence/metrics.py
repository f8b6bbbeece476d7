"""Blue Card and interdisciplinary-team figures, aggregated in the database."""

from django.db.models import Count, Q

from ostoja.reporting.registry import MetricSpec, Period, metric_group
from ostoja.violence.models import AgeGroup, ClosureReason, Initiator

INITIATOR_KEYS = [
    MetricSpec(f"blue_card.cards_new.{i.value}", f"Nowe Niebieskie Karty – {i.label}", "cards")
    for i in Initiator
]
CLOSURE_KEYS = [
    MetricSpec(f"blue_card.closures.{r.value}", f"Zakończone procedury – {r.label}", "cards")
    for r in ClosureReason
]

SPECS = (
    MetricSpec("blue_card.families", "Rodziny objęte procedurą „Niebieskie Karty”", "families"),
    MetricSpec(
        "blue_card.procedures", "Procedury „Niebieskie Karty” prowadzone w okresie", "cards"
    ),
    MetricSpec("blue_card.cards_new", "Nowe Niebieskie Karty (wszczęte procedury)", "cards"),
    *INITIATOR_KEYS,
    MetricSpec("blue_card.closures", "Zakończone procedury „Niebieskie Karty”", "cards"),
    *CLOSURE_KEYS,
    MetricSpec("blue_card.persons_affected", "Osoby doznające przemocy", "persons"),
    MetricSpec("blue_card.persons_affected.women", "Osoby doznające przemocy – kobiety", "women"),
    MetricSpec("blue_card.persons_affected.men", "Osoby doznające przemocy – mężczyźni", "men"),
    MetricSpec(
        "blue_card.persons_affected.children", "Osoby doznające przemocy – dzieci", "children"
    ),
    MetricSpec(
        "blue_card.suspected_perpetrators", "Osoby podejrzewane o stosowanie przemocy", "persons"
    ),
    MetricSpec(
        "interdisciplinary_team.meetings", "Posiedzenia zespołu interdyscyplinarnego", "meetings"
    ),
    MetricSpec(
        "interdisciplinary_team.working_group_meetings", "Posiedzenia grup roboczych", "meetings"
    ),
    MetricSpec(
        "interdisciplinary_team.persons_discussed",
        "Osoby, których sytuację omówiono na posiedzeniach grup roboczych",
        "persons",
    ),
    MetricSpec(
        "interdisciplinary_team.persons_discussed.women",
        "Osoby omówione na posiedzeniach grup roboczych – kobiety",
        "women",
    ),
    MetricSpec(
        "interdisciplinary_team.persons_discussed.men",
        "Osoby omówione na posiedzeniach grup roboczych – mężczyźni",
        "men",
    ),
    MetricSpec(
        "interdisciplinary_team.persons_discussed.children",
        "Osoby omówione na posiedzeniach grup roboczych – dzieci",
        "children",
    ),
)


def _person_counts(queryset, prefix: str) -> dict[str, int]:
    adult = Q(age_group=AgeGroup.ADULT)
    counts = queryset.aggregate(
        total=Count("pk"),
        women=Count("pk", filter=adult & Q(sex="F")),
        men=Count("pk", filter=adult & Q(sex="M")),
        children=Count("pk", filter=Q(age_group=AgeGroup.CHILD)),
    )
    return {
        prefix: counts["total"],
        f"{prefix}.women": counts["women"],
        f"{prefix}.men": counts["men"],
        f"{prefix}.children": counts["children"],
    }


@metric_group(*SPECS)
def blue_card_figures(office, period: Period) -> dict[str, int]:
    """Blue Card procedures and team work in the period (6 queries).

    Families and procedures: procedures open at any time in the period (started on
    or before its end, not closed before its start); new cards: started in the
    period, by initiating service; closures: closed in the period, by reason;
    persons affected: persons named in those procedures who are not suspected
    perpetrators (women and men are adults, children any sex); meetings: held in
    the period; persons discussed: everyone named in a procedure whose working
    group met in the period.
    """
    from ostoja.violence.models import (
        Procedure,
        ProcedurePerson,
        TeamMeeting,
        WorkingGroupMeeting,
    )

    start, end = period.start, period.end
    office_procedures = Procedure.objects.filter(office=office)
    active = office_procedures.filter(started_on__lte=end).filter(
        Q(closed_on__isnull=True) | Q(closed_on__gte=start)
    )
    result: dict[str, int] = {}
    counts = active.aggregate(
        families=Count("family", distinct=True),
        procedures=Count("pk"),
        new=Count("pk", filter=Q(started_on__gte=start)),
        closures=Count("pk", filter=Q(closed_on__lte=end)),
        **{
            f"new_{i.value}": Count("pk", filter=Q(started_on__gte=start, initiator=i))
            for i in Initiator
        },
        **{
            f"closed_{r.value}": Count("pk", filter=Q(closed_on__lte=end, closure_reason=r))
            for r in ClosureReason
        },
    )
    result["blue_card.families"] = counts["families"]
    result["blue_card.procedures"] = counts["procedures"]
    result["blue_card.cards_new"] = counts["new"]
    result["blue_card.closures"] = counts["closures"]
    for i in Initiator:
        result[f"blue_card.cards_new.{i.value}"] = counts[f"new_{i.value}"]
    for r in ClosureReason:
        result[f"blue_card.closures.{r.value}"] = counts[f"closed_{r.value}"]
    persons = ProcedurePerson.objects.filter(procedure__in=active)
    result.update(
        _person_counts(persons.filter(suspected_perpetrator=False), "blue_card.persons_affected")
    )
    result["blue_card.suspected_perpetrators"] = persons.filter(suspected_perpetrator=True).count()
    result["interdisciplinary_team.meetings"] = TeamMeeting.objects.filter(
        office=office, date__gte=start, date__lte=end
    ).count()
    group_meetings = WorkingGroupMeeting.objects.filter(
        procedure__office=office, date__gte=start, date__lte=end
    )
    result["interdisciplinary_team.working_group_meetings"] = group_meetings.count()
    discussed = ProcedurePerson.objects.filter(
        procedure_id__in=group_meetings.values("procedure_id")
    )
    result.update(_person_counts(discussed, "interdisciplinary_team.persons_discussed"))
    return result
