"""Placements and returns on the family's timeline."""

from django.urls import reverse
from django.utils.translation import gettext as _

from ostoja.families.timeline import TimelineEvent, register_timeline
from ostoja.placements.models import EndReason
from ostoja.placements.permissions import visible_placements


@register_timeline
def placement_events(family, user) -> list[TimelineEvent]:
    """One event per placement and one per its end; a single query."""
    events: list[TimelineEvent] = []
    placements = (
        visible_placements(user).filter(family=family).select_related("child").order_by("pk")
    )
    for p in placements:
        url = reverse("placements:detail", args=[p.pk])
        events.append(
            TimelineEvent(
                date=p.start_date,
                kind=_("Umieszczenie"),
                title=_("%(child)s: %(form)s") % {"child": p.child, "form": p.get_form_display()},
                url=url,
                detail=p.court,
            )
        )
        if p.end_date:
            kind = (
                _("Powrót do domu") if p.ended_by == EndReason.RETURN_HOME else _("Koniec pobytu")
            )
            events.append(
                TimelineEvent(
                    date=p.end_date,
                    kind=kind,
                    title=_("%(child)s: %(reason)s")
                    % {"child": p.child, "reason": p.get_ended_by_display()},
                    url=url,
                    detail=p.get_form_display(),
                )
            )
    return events
