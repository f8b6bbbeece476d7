"""Art. 191 ust. 9 rates in force since the Act took effect (1 Jan 2012): 10/30/50 %."""

import datetime
from decimal import Decimal

from django.db import migrations

RATES = [(1, Decimal("10")), (2, Decimal("30")), (3, Decimal("50"))]


def add_rates(apps, schema_editor):
    rate = apps.get_model("placements", "CoFinancingRate")
    for year, percent in RATES:
        rate.objects.get_or_create(
            year_of_stay=year,
            valid_from=datetime.date(2012, 1, 1),
            defaults={"percent": percent},
        )


def remove_rates(apps, schema_editor):
    apps.get_model("placements", "CoFinancingRate").objects.filter(
        valid_from=datetime.date(2012, 1, 1)
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("placements", "0001_initial")]

    operations = [migrations.RunPython(add_rates, remove_rates)]
