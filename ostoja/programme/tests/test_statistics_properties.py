"""Bad input on the statistics page and the CSV/XLSX import: Polish messages, never a 500,
nothing saved unless the whole file is right and confirmed."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import event, given
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from ostoja.common.tests.access import build_world
from ostoja.common.tests.properties import (
    ENGLISH,
    PROPERTY_SETTINGS,
    bad_numbers,
    check_form_page,
    row_counts,
    texts,
)
from ostoja.programme import imports

pytestmark = pytest.mark.django_db

TOUCHED = ("programme", "auditlog")


@pytest.fixture
def world(demo):
    return build_world(demo)


@PROPERTY_SETTINGS
@given(data=st.data())
def test_statistics_entry_form(client, world, data):
    client.force_login(world.users["head"])
    url = f"{reverse('programme:statistics')}?rok=2018"
    check_form_page(client, url, data, apps_touched=TOUCHED)


headers = st.one_of(
    st.just(["kod", "rok", "wartość", "źródło"]),
    st.just(["kod", "rok", "wartosc"]),
    st.lists(st.sampled_from(["kod", "rok", "wartość", "źródło", "nazwa", "", "x"]), max_size=5),
    st.lists(texts, max_size=3),
)
codes = st.one_of(st.sampled_from(["POM-MAT", "pom-mat", " POM-MAT ", "", "NIE-MA"]), texts)
years = st.one_of(
    st.sampled_from(["2018", "2017", "2018.0", "1900", "2100", "2101", "1e999999999", ""]),
    st.integers(min_value=-3000, max_value=3000).map(str),
    texts,
)
values = st.one_of(
    st.sampled_from(
        ["12", "12,5", "1 234,50", "-3", "1.234", "0,001", "1e999999999", "1E+30", "NaN", "∞"]
    ),
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    bad_numbers,
    texts,
)
rows = st.lists(st.lists(st.one_of(codes, years, values, texts), max_size=5), max_size=6)
good_rows = st.lists(st.tuples(codes, years, values, st.one_of(st.just(""), texts)), max_size=4)


def _csv(header, body, encoding) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(header)
    writer.writerows(body)
    return out.getvalue().encode(encoding, errors="replace")


def _xlsx(header, body) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in [header, *body]:
        cells = []
        for cell in row:
            try:
                cells.append(int(cell) if str(cell).lstrip("-").isdigit() else cell)
            except ValueError:
                cells.append(cell)
        sheet.append(
            [ILLEGAL_CHARACTERS_RE.sub("", c)[:32767] if isinstance(c, str) else c for c in cells]
        )
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


#: Files right but for the numbers: the preview and the confirmation step are reached.
plausible_rows = st.lists(
    st.tuples(
        st.just("POM-MAT"),
        st.integers(min_value=1999, max_value=2101).map(str),
        st.one_of(
            st.decimals(min_value=0, max_value=10**6, places=2).map(str),
            st.decimals(min_value=0, max_value=10**3, places=3).map(str),
            st.sampled_from(["1e20", "12,5", "0", "1 234,56", "99999999999999", "999999999999.99"]),
        ),
        st.sampled_from(["", "GUS", "Sprawozdanie MRPiPS-03", "ś" * 251]),
    ),
    min_size=1,
    max_size=3,
    unique_by=lambda row: row[1],
)
VALID_HEADER = ["kod", "rok", "wartość", "źródło"]

uploads = st.one_of(
    st.builds(lambda b: ("dane.csv", _csv(VALID_HEADER, b, "utf-8")), plausible_rows),
    st.builds(lambda b: ("dane.xlsx", _xlsx(VALID_HEADER, b)), plausible_rows),
    st.tuples(st.sampled_from(["dane.csv", "dane.CSV", "dane.txt", "dane.xlsx"]), st.binary()),
    st.builds(
        lambda h, b, e: ("dane.csv", _csv(h, b, e)),
        headers,
        st.one_of(rows, good_rows),
        st.sampled_from(["utf-8", "utf-8-sig", "cp1250", "utf-16"]),
    ),
    st.builds(lambda h, b: ("dane.xlsx", _xlsx(h, b)), headers, st.one_of(rows, good_rows)),
)


@PROPERTY_SETTINGS
@given(upload=uploads)
def test_statistics_import_never_fails_and_saves_all_or_nothing(client, world, upload):
    client.force_login(world.users["head"])
    url = reverse("programme:statistics_import")
    name, content = upload
    before = row_counts(*TOUCHED)
    response = client.post(url, {"file": SimpleUploadedFile(name, content)})
    assert response.status_code == 200
    assert row_counts(*TOUCHED) == before, "the preview saved something"
    form_errors = [str(m) for ms in response.context["form"].errors.values() for m in ms]
    errors = [*form_errors, *response.context.get("errors", [])]
    for message in errors:
        assert not ENGLISH.search(message), message
    token = response.context.get("token")
    if not token:
        assert errors, "neither a preview nor a message"
        event("refused with a message")
        return
    event("preview, confirmed")
    assert not errors
    confirmed = client.post(url, {"token": token})
    assert confirmed.status_code == 302


def test_import_of_a_too_large_file_is_refused(client, world):
    client.force_login(world.users["head"])
    content = b"kod;rok;warto\xc5\x9b\xc4\x87\n" + b"POM-MAT;2018;1\n" * (imports.MAX_BYTES // 10)
    response = client.post(
        reverse("programme:statistics_import"),
        {"file": SimpleUploadedFile("dane.csv", content)},
    )
    assert response.status_code == 200
    assert "za duży" in " ".join(response.context["errors"])


@pytest.mark.parametrize(
    "year,value,message",
    [
        ("1e999999999", "1", "zamiast roku"),  # int() of it would hang the server
        ("2018", "1e999999999", "za duża"),
        ("2018", "1000000000000", "za duża"),
        ("2018", "0,125", "2 cyfry po przecinku"),
        ("2018", "-0,01", "ujemna"),
    ],
)
def test_import_refuses_numbers_the_column_cannot_hold(world, year, value, message):
    data = f"kod;rok;wartość\nPOM-MAT;{year};{value}\n".encode()
    result = imports.parse_statistics_file(world.office, "dane.csv", data)
    assert not result.ok
    assert message in " ".join(result.errors)


def test_import_keeps_two_decimals(world):
    data = "kod;rok;wartość\nPOM-MAT;2018;12,500\n".encode()
    result = imports.parse_statistics_file(world.office, "dane.csv", data)
    assert result.ok
    assert str(result.rows[0].value) == "12.50"
