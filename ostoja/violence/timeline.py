"""Blue Card events on a family's timeline, only for users allowed to see the procedure."""

from django.urls import reverse
from django.utils.translation import gettext as _

from ostoja.families.timeline import TimelineEvent, register_timeline
from ostoja.violence.models import ClosureReason, WorkingGroupMeeting
from ostoja.violence.permissions import visible_procedures


@register_timeline
def blue_card_events(family, user) -> list[TimelineEvent]:
    """Start, closure and working-group meetings of the family's visible procedures (2 queries)."""
    procedures = list(visible_procedures(user).filter(family=family))
    if not procedures:
        return []
    events = []
    for p in procedures:
        url = reverse("violence:detail", kwargs={"pk": p.pk})
        events.append(
            TimelineEvent(p.started_on, _("Niebieska Karta"), _("Wszczęcie procedury"), url)
        )
        if p.closed_on:
            events.append(
                TimelineEvent(
                    p.closed_on,
                    _("Niebieska Karta"),
                    _("Zakończenie procedury"),
                    url,
                    str(ClosureReason(p.closure_reason).label),
                )
            )
    meetings = WorkingGroupMeeting.objects.filter(procedure__in=procedures).only(
        "date", "procedure_id"
    )
    for m in meetings:
        events.append(
            TimelineEvent(
                m.date,
                _("Niebieska Karta"),
                _("Spotkanie grupy roboczej"),
                reverse("violence:detail", kwargs={"pk": m.procedure_id}),
            )
        )
    return events
