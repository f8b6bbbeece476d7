"""Dashboard cards of casework: my families, overdue assessments, the decision queue."""

from django.urls import reverse
from django.utils.translation import gettext as _

from ostoja.accounts.dashboard import Card, register_dashboard
from ostoja.casework import selectors


@register_dashboard
def casework_cards(user) -> list[Card]:
    cards: list[Card] = []
    if user.has_perm("casework.view_my_families"):
        cards.append(
            Card(
                title=_("Moje rodziny"),
                value=str(len(selectors.my_families(user))),
                links=[(_("Moje rodziny i terminy"), reverse("casework:my_families"))],
                order=5,
            )
        )
    if user.has_perm("casework.view_overdue"):
        cards.append(
            Card(
                title=_("Zaległe oceny okresowe"),
                value=str(selectors.overdue_count(user)),
                links=[(_("Lista zaległych ocen"), reverse("casework:overdue"))],
                order=6,
            )
        )
    if user.has_perm("casework.view_queue"):
        cards.append(
            Card(
                title=_("Wnioski czekające na decyzję lub przydział"),
                value=str(selectors.decision_queue(user).count()),
                links=[
                    (_("Kolejka decyzji"), reverse("casework:decision_queue")),
                    (_("Obciążenie asystentów"), reverse("casework:caseload_board")),
                ],
                order=7,
            )
        )
    return cards
