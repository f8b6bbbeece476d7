"""The family-page timeline entries of assistant casework."""

from django.urls import reverse
from django.utils.translation import gettext as _

from ostoja.casework.models import Assessment, Assignment, Contact, Decision
from ostoja.casework.permissions import visible_cases
from ostoja.families.timeline import TimelineEvent, register_timeline

#: At most this many contacts are listed (newest); the case page has them all.
CONTACT_LIMIT = 20


@register_timeline
def casework_events(family, user) -> list[TimelineEvent]:
    """Requests, decisions, assignments, contacts, assessments and closures (6 queries)."""
    cases = list(visible_cases(user).filter(family=family).select_related("closure_reason"))
    if not cases:
        return []
    ids = [c.pk for c in cases]
    urls = {c.pk: reverse("casework:case_detail", args=[c.pk]) for c in cases}
    events = []
    for case in cases:
        events.append(
            TimelineEvent(
                case.requested_on,
                _("Wniosek"),
                _("Wniosek o asystenta rodziny"),
                urls[case.pk],
                case.get_requested_by_kind_display(),
            )
        )
        if case.closed_on:
            events.append(
                TimelineEvent(
                    case.closed_on,
                    _("Zakończenie"),
                    _("Zakończenie pracy asystenta"),
                    urls[case.pk],
                    str(case.closure_reason or ""),
                )
            )
    for d in Decision.objects.filter(case_id__in=ids):
        events.append(
            TimelineEvent(d.decided_on, _("Decyzja"), d.get_kind_display(), urls[d.case_id])
        )
    for a in Assignment.objects.filter(case_id__in=ids).select_related("assistant"):
        events.append(
            TimelineEvent(
                a.start_date,
                _("Przydział"),
                _("Przydzielono asystenta"),
                urls[a.case_id],
                str(a.assistant),
            )
        )
    for c in Contact.objects.filter(case_id__in=ids).order_by("-date", "-pk")[:CONTACT_LIMIT]:
        events.append(TimelineEvent(c.date, _("Kontakt"), c.get_form_display(), urls[c.case_id]))
    for s in Assessment.objects.filter(case_id__in=ids):
        events.append(
            TimelineEvent(
                s.assessed_on,
                _("Ocena"),
                _("Okresowa ocena sytuacji"),
                urls[s.case_id],
                s.get_progress_display(),
            )
        )
    return events
