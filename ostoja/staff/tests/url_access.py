import datetime
from decimal import Decimal

from ostoja.common.tests.access import (
    ADMINISTRATOR,
    ASSISTANT,
    AUDITOR,
    HEAD,
    REPORTING_OFFICER,
    Rule,
)
from ostoja.staff import services

MANAGERS = frozenset({HEAD, ADMINISTRATOR})


def build(world) -> None:
    """The demo assistant's contract, a training and a month of costs."""
    head, assistant = world.users[HEAD], world.users[ASSISTANT]
    world.employment = services.employment_create(
        acting_user=head,
        assistant=assistant,
        form="task_based_employment",
        start_date=datetime.date(2024, 1, 1),
        fte=Decimal("1.00"),
    )
    services.training_create(
        acting_user=head, assistant=assistant, date=datetime.date(2025, 4, 2), title="Autyzm"
    )
    services.cost_create(
        acting_user=head,
        assistant=assistant,
        month=datetime.date(2025, 4, 1),
        amount=Decimal("5200.00"),
        funding_source="own_budget",
    )


URL_ACCESS = {
    "staff:list": Rule(
        allowed=frozenset({HEAD, REPORTING_OFFICER, ADMINISTRATOR, AUDITOR}), office_scoped=False
    ),
    "staff:assistant": Rule(
        allowed=frozenset({HEAD, ADMINISTRATOR, AUDITOR, ASSISTANT}),
        kwargs=lambda w: {"pk": w.users[ASSISTANT].pk},
    ),
    "staff:employment_create": Rule(allowed=MANAGERS, office_scoped=False),
    "staff:employment_edit": Rule(allowed=MANAGERS, kwargs=lambda w: {"pk": w.employment.pk}),
    "staff:training_create": Rule(allowed=MANAGERS, office_scoped=False),
    "staff:cost_create": Rule(allowed=MANAGERS, office_scoped=False),
}
