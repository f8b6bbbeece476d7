"""Dashboard card of the programme and statistics."""

from django.urls import reverse
from django.utils.translation import gettext as _

from ostoja.accounts.dashboard import Card, register_dashboard
from ostoja.programme.permissions import can_read_programme, visible_programmes


@register_dashboard
def programme_cards(user) -> list[Card]:
    if not can_read_programme(user):
        return []
    return [
        Card(
            title=_("Programy wspierania rodziny"),
            value=str(visible_programmes(user).count()),
            links=[
                (_("Programy"), reverse("programme:list")),
                (_("Statystyki ośrodka"), reverse("programme:statistics")),
            ],
            order=40,
        )
    ]
