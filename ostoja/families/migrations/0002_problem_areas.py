"""Seed the art. 7 UPS reasons for assistance as an effective-dated dictionary."""

import datetime

from django.db import migrations

START = datetime.date(2004, 5, 1)
RENAME = datetime.date(2023, 6, 22)

AREAS = [
    # (order, code, name, pkt, valid_from, valid_to)
    (1, "poverty", "ubóstwo", "1", START, None),
    (2, "orphanhood", "sieroctwo", "2", START, None),
    (3, "homelessness", "bezdomność", "3", START, None),
    (4, "unemployment", "bezrobocie", "4", START, None),
    (5, "disability", "niepełnosprawność", "5", START, None),
    (6, "illness", "długotrwała lub ciężka choroba", "6", START, None),
    (7, "domestic_violence", "przemoc w rodzinie", "7", START, RENAME - datetime.timedelta(days=1)),
    (7, "domestic_violence", "przemoc domowa", "7", RENAME, None),
    (8, "human_trafficking", "potrzeba ochrony ofiar handlu ludźmi", "7a", START, None),
    (9, "maternity", "potrzeba ochrony macierzyństwa lub wielodzietności", "8", START, None),
    (
        10,
        "parenting_helplessness",
        "bezradność w sprawach opiekuńczo-wychowawczych i prowadzenia gospodarstwa domowego, "
        "zwłaszcza w rodzinach niepełnych lub wielodzietnych",
        "9",
        START,
        None,
    ),
    (11, "foreigners", "trudności w integracji cudzoziemców", "11", START, None),
    (12, "after_prison", "trudności w przystosowaniu do życia po zwolnieniu z zakładu karnego", "12", START, None),
    (13, "addiction", "alkoholizm lub narkomania", "13", START, None),
    (14, "crisis", "zdarzenie losowe i sytuacja kryzysowa", "14", START, None),
    (15, "disaster", "klęska żywiołowa lub ekologiczna", "15", START, None),
]


def seed(apps, schema_editor):
    ProblemArea = apps.get_model("families", "ProblemArea")
    for order, code, name, pkt, valid_from, valid_to in AREAS:
        ProblemArea.objects.update_or_create(
            code=code,
            valid_from=valid_from,
            defaults={
                "name": name,
                "order": order,
                "valid_to": valid_to,
                "legal_reference": f"art. 7 pkt {pkt} ustawy o pomocy społecznej",
            },
        )


def unseed(apps, schema_editor):
    apps.get_model("families", "ProblemArea").objects.filter(
        code__in={a[1] for a in AREAS}
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("families", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
