"""Spreadsheet cells never start a formula."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from ostoja.common.exports import safe_cell, safe_row


@pytest.mark.parametrize(
    "value",
    ["=1+1", "+48 600 000 000", "-2+3", "@SUM(A1:A2)", "\t=cmd", "\r=cmd", '=HYPERLINK("x")'],
)
def test_formula_like_text_is_escaped(value):
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize(
    "value",
    [
        "Kowalska",
        "",
        "ul. Polna 1",
        "a=b",
        12,
        -5,
        3.5,
        Decimal("-1.50"),
        None,
        datetime.date(2017, 1, 1),
    ],
)
def test_plain_values_pass_unchanged(value):
    assert safe_cell(value) == value


def test_csv_and_xlsx_keep_escaped_text_as_text():
    row = safe_row(["=2+5", "Nowak", -3])
    buffer = io.StringIO()
    csv.writer(buffer).writerow(row)
    assert buffer.getvalue().strip() == "'=2+5,Nowak,-3"
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(row)
    data = io.BytesIO()
    book.save(data)
    data.seek(0)
    cell = load_workbook(data).active["A1"]  # type: ignore[index]
    assert cell.value == "'=2+5"
    assert cell.data_type == "s"
