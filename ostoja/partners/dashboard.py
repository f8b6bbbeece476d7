"""Dashboard cards: partner's forms due, the office's contribution overview."""

from django.urls import reverse
from django.utils.translation import gettext as _

from ostoja.accounts.dashboard import Card, register_dashboard
from ostoja.partners import selectors
from ostoja.partners.permissions import can_read_all_contributions, is_partner_user


@register_dashboard
def contribution_cards(user) -> list[Card]:
    if is_partner_user(user):
        year = selectors.reporting_year(user.office_id)
        forms = selectors.due_forms_for_partner(user, year)
        open_forms = sum(1 for f in forms if not f.done)
        return [
            Card(
                title=_("Formularze do wypełnienia za rok %(year)s") % {"year": year},
                value=str(open_forms),
                links=[(_("Moje formularze"), reverse("partners:portal"))],
                order=5,
            )
        ]
    if can_read_all_contributions(user):
        return [
            Card(
                title=_("Wkłady instytucji partnerskich"),
                links=[(_("Przegląd wkładów"), reverse("partners:overview"))],
                order=50,
            )
        ]
    return []
