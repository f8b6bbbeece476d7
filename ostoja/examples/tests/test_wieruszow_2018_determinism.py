"""Building the Wieruszów example twice gives the same people (fake names, valid PESELs)."""

import pytest
from django.db import transaction

from ostoja.examples.registry import EXAMPLES
from ostoja.examples.wieruszow_2018.build import build

EXAMPLE = EXAMPLES["wieruszow-2018"]


@pytest.mark.django_db
def test_build_is_deterministic():
    from ostoja.families.models import Person

    def people():
        rows = Person.objects.filter(family__office__slug=EXAMPLE.office_slug)
        return list(rows.order_by("pesel").values_list("first_name", "last_name", "pesel"))

    with transaction.atomic():
        build()
        first = people()
        transaction.set_rollback(True)
    assert people() == []
    build()
    assert people() == first and len(first) > 100
