import io
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from openpyxl import Workbook

from ostoja.programme import services
from ostoja.programme.exports import safe_cell, statistics_csv
from ostoja.programme.imports import parse_statistics_file, statistics_import_apply
from ostoja.programme.models import StatisticValue
from ostoja.reporting.registry import Period, registry

KINDS = [
    ("POSILKI", "school_meals.children_total", "Dzieci w programie dożywiania", "children", None),
    ("POSILKI-SZK", "school_meals.children_school", "Posiłki w szkole", "children", "POSILKI"),
    (
        "POSILKI-PRZ",
        "school_meals.children_preschool",
        "Posiłki w przedszkolu",
        "children",
        "POSILKI",
    ),
    ("POM-MAT", "material_aid.families", "Rodziny objęte pomocą materialną", "families", None),
]


@pytest.fixture
def office_kinds(demo):
    users = demo["konin"]
    office = users["head"].office
    kinds = {}
    for code, key, label, unit, parent in KINDS:
        kinds[code] = services.statistic_kind_save(
            acting_user=users["head"],
            office=office,
            code=code,
            key=key,
            label=label,
            unit=unit,
            parent=kinds.get(parent) if parent else None,
            parts_complete=code == "POSILKI",
        )
    return users, office, kinds


def csv_bytes(text: str) -> bytes:
    return text.encode("utf-8")


def xlsx_bytes(rows) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.mark.django_db
def test_values_are_metrics_keyed_by_the_statistic_key(office_kinds):
    users, office, kinds = office_kinds
    services.statistic_values_save(
        acting_user=users["reporting_officer"],
        office=office,
        year=2018,
        values={
            kinds["POM-MAT"].pk: (Decimal(323), "system POMOST"),
            kinds["POSILKI"].pk: (Decimal(216), ""),
        },
    )
    values = registry.compute_all(office, Period.year(2018))
    assert values["material_aid.families"].value == 323
    assert values["material_aid.families"].text == "323\u00a0rodziny"
    assert values["material_aid.families"].spec.source == "aggregate"
    assert values["school_meals.children_total"].value == 216
    assert "material_aid.families" not in registry.compute_all(office, Period.year(2017))


@pytest.mark.django_db
def test_saving_with_none_clears_and_other_roles_are_refused(office_kinds, demo):
    users, office, kinds = office_kinds
    pk = kinds["POM-MAT"].pk
    services.statistic_values_save(
        acting_user=users["head"], office=office, year=2018, values={pk: (Decimal(5), "")}
    )
    services.statistic_values_save(
        acting_user=users["head"], office=office, year=2018, values={pk: (None, "")}
    )
    assert not StatisticValue.objects.exists()
    for role in ("social_worker", "assistant", "partner", "auditor", "administrator"):
        with pytest.raises(PermissionDenied):
            services.statistic_values_save(
                acting_user=users[role], office=office, year=2018, values={pk: (Decimal(5), "")}
            )
    with pytest.raises(PermissionDenied):
        services.statistic_values_save(
            acting_user=demo["wieruszow"]["head"],
            office=office,
            year=2018,
            values={pk: (Decimal(5), "")},
        )


@pytest.mark.django_db
def test_csv_import_with_preview_then_apply(office_kinds):
    users, office, _ = office_kinds
    data = csv_bytes(
        "kod;rok;wartość;źródło\nPOM-MAT;2018;323;POMOST\n"
        'POSILKI;2018;216;\nposilki-szk;2018;"1 43";x\n'
    )
    result = parse_statistics_file(office, "dane.csv", data)
    assert result.errors == []
    assert [(r.code, r.year, r.value) for r in result.rows] == [
        ("POM-MAT", 2018, Decimal(323)),
        ("POSILKI", 2018, Decimal(216)),
        ("POSILKI-SZK", 2018, Decimal(143)),
    ]
    assert not StatisticValue.objects.exists()  # preview saves nothing
    rows = [(r.code, r.year, r.value, r.source) for r in result.rows]
    assert statistics_import_apply(acting_user=users["head"], office=office, rows=rows) == 3
    assert StatisticValue.objects.get(kind__code="POM-MAT").source == "POMOST"


@pytest.mark.django_db
def test_xlsx_import_reads_numbers_and_comma_decimals(office_kinds):
    _users, office, _ = office_kinds
    data = xlsx_bytes(
        [["kod", "rok", "wartosc"], ["POM-MAT", 2018, 323], ["POSILKI", "2018", "216,0"]]
    )
    result = parse_statistics_file(office, "dane.xlsx", data)
    assert result.errors == []
    assert [r.value for r in result.rows] == [Decimal(323), Decimal("216.0")]


MALFORMED = {
    "wrong_columns": ("kod;year;value\nPOM-MAT;2018;323\n", "Wiersz 1: nieprawidłowe kolumny"),
    "text_in_number": (
        "kod;rok;wartość\nPOM-MAT;2018;trzysta\n",
        "Wiersz 2: w kolumnie „wartość” jest „trzysta” zamiast liczby.",
    ),
    "text_in_year": ("kod;rok;wartość\nPOM-MAT;dwa tysiące;323\n", "Wiersz 2: w kolumnie „rok”"),
    "duplicate_row": (
        "kod;rok;wartość\nPOM-MAT;2018;323\nPOSILKI;2018;216\npom-mat;2018;324\n",
        "Wiersz 4: powtórzony wiersz – kod „pom-mat” i rok 2018 są już w wierszu 2.",
    ),
    "unknown_code": (
        "kod;rok;wartość\nPOM-MAT;2018;323\nXYZ;2018;1\n",
        "Wiersz 3: nieznany kod „XYZ”",
    ),
    "negative": ("kod;rok;wartość\nPOM-MAT;2018;-1\n", "Wiersz 2: wartość nie może być ujemna."),
    "empty": ("kod;rok;wartość\n", "Plik nie zawiera żadnych wierszy z danymi."),
}


@pytest.mark.django_db
@pytest.mark.parametrize("case", sorted(MALFORMED))
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_malformed_file_is_refused_with_row_messages_and_db_unchanged(
    client, office_kinds, case, fmt
):
    users, office, kinds = office_kinds
    services.statistic_values_save(
        acting_user=users["head"],
        office=office,
        year=2018,
        values={kinds["POSILKI"].pk: (Decimal(200), "")},
    )
    before = list(StatisticValue.objects.values_list("kind_id", "year", "value"))
    text, message = MALFORMED[case]
    if fmt == "csv":
        name, data = "dane.csv", csv_bytes(text)
    else:
        name, data = "dane.xlsx", xlsx_bytes([line.split(";") for line in text.splitlines()])
    result = parse_statistics_file(office, name, data)
    assert result.rows == []
    assert any(message in e for e in result.errors), result.errors
    client.force_login(users["head"])
    response = client.post("/program/statystyki/import/", {"file": _upload(name, data)})
    assert response.status_code == 200
    assert "Plik nie został zaimportowany" in response.content.decode()
    assert message in response.content.decode().replace("&#x27;", "'")
    assert 'name="token"' not in response.content.decode()
    assert list(StatisticValue.objects.values_list("kind_id", "year", "value")) == before


def _upload(name, data):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data)


@pytest.mark.django_db
def test_import_page_preview_then_confirm(client, office_kinds):
    users, _office, _ = office_kinds
    client.force_login(users["reporting_officer"])
    data = csv_bytes("kod,rok,wartość\nPOM-MAT,2018,323\n")
    response = client.post("/program/statystyki/import/", {"file": _upload("a.csv", data)})
    body = response.content.decode()
    assert "Podgląd importu" in body and not StatisticValue.objects.exists()
    token = body.split('name="token" value="')[1].split('"')[0]
    response = client.post("/program/statystyki/import/", {"token": token})
    assert response.status_code == 302
    assert StatisticValue.objects.get().value == 323
    # A forged token is refused and saves nothing more.
    response = client.post("/program/statystyki/import/", {"token": token + "x"}, follow=True)
    assert "Podgląd wygasł" in response.content.decode()


@pytest.mark.django_db
def test_checks_warn_when_parts_do_not_add_up(client, office_kinds):
    users, office, kinds = office_kinds
    services.statistic_values_save(
        acting_user=users["head"],
        office=office,
        year=2018,
        values={
            kinds["POSILKI"].pk: (Decimal(216), ""),
            kinds["POSILKI-SZK"].pk: (Decimal(143), ""),
            kinds["POSILKI-PRZ"].pk: (Decimal(53), ""),
        },
    )
    client.force_login(users["auditor"])
    body = client.get("/program/statystyki/?rok=2018").content.decode()
    assert "nie sumują się do całości" in body
    assert 'name="value_' not in body  # the auditor reads only


def test_export_neutralises_formulas():
    assert safe_cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert safe_cell("+48") == "'+48"
    assert safe_cell("-1") == "'-1"
    assert safe_cell("@SUM") == "'@SUM"
    assert safe_cell("POM-MAT") == "POM-MAT"
    text = statistics_csv([("X", 2018, Decimal("1.5"), "=cmd|' /C calc'!A0", "@label")])
    assert "'=cmd" in text and "'@label" in text and "1,5" in text


@pytest.mark.django_db
def test_statistics_page_query_count_is_constant(client, office_kinds, django_assert_num_queries):
    users, office, _ = office_kinds
    client.force_login(users["head"])
    with django_assert_num_queries(10):
        assert client.get("/program/statystyki/?rok=2018").status_code == 200
    for i in range(40):
        services.statistic_kind_save(
            acting_user=users["head"],
            office=office,
            code=f"K{i}",
            key=f"extra.k{i}",
            label=f"K{i}",
            unit="persons",
        )
    with django_assert_num_queries(10):
        assert client.get("/program/statystyki/?rok=2018").status_code == 200


@pytest.mark.django_db
def test_export_download_round_trips_through_import(client, office_kinds):
    users, office, kinds = office_kinds
    services.statistic_values_save(
        acting_user=users["head"],
        office=office,
        year=2018,
        values={kinds["POM-MAT"].pk: (Decimal(323), "=POMOST")},
    )
    client.force_login(users["auditor"])
    response = client.post("/program/statystyki/eksport.csv?rok=2018")
    assert response["Content-Type"].startswith("text/csv")
    body = response.content.decode("utf-8-sig")
    assert "POM-MAT;2018;323,00;'=POMOST;Rodziny objęte pomocą materialną" in body
    result = parse_statistics_file(office, "eksport.csv", body.encode())
    assert not result.errors
    assert {r.code: r.value for r in result.rows}["POM-MAT"] == Decimal(323)
