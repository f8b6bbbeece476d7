"""Dashboard cards of the family registry."""

from django.urls import reverse
from django.utils.translation import gettext as _

from ostoja.accounts.dashboard import Card, register_dashboard
from ostoja.families.permissions import can_read_family_registry, visible_families


@register_dashboard
def family_cards(user) -> list[Card]:
    if not can_read_family_registry(user):
        return []
    links = [(_("Lista rodzin"), reverse("families:list"))]
    if user.has_perm("families.add_family"):
        links.append((_("Dodaj rodzinę"), reverse("families:create")))
    return [
        Card(
            title=_("Rodziny, do których masz dostęp"),
            value=str(visible_families(user).count()),
            links=links,
            order=10,
        )
    ]
