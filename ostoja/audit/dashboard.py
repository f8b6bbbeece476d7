"""Dashboard cards of the audit log."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ostoja.accounts.dashboard import Card, register_dashboard
from ostoja.accounts.permissions import is_auditor
from ostoja.audit.selectors import visible_log_entries


@register_dashboard
def audit_cards(user) -> list[Card]:
    if not is_auditor(user):
        return []
    today = visible_log_entries(user).filter(timestamp__date=timezone.localdate()).count()
    return [
        Card(
            title=_("Zdarzenia w rejestrze dzisiaj"),
            value=str(today),
            links=[(_("Przeszukaj rejestr"), reverse("audit:log"))],
            order=90,
        )
    ]
