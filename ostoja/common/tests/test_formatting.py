import datetime
from decimal import Decimal

import pytest

from ostoja.common import formatting as f


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (0, "rodzin"),
        (1, "rodzina"),
        (2, "rodziny"),
        (4, "rodziny"),
        (5, "rodzin"),
        (11, "rodzin"),
        (12, "rodzin"),
        (14, "rodzin"),
        (21, "rodzin"),
        (22, "rodziny"),
        (104, "rodziny"),
        (112, "rodzin"),
        (1002, "rodziny"),
    ],
)
def test_plural_agrees_with_number(n, expected):
    assert f.plural(n, "rodzina", "rodziny", "rodzin") == expected


def test_money_uses_comma_and_grouping():
    assert f.format_money(Decimal("1234.56")) == "1\u00a0234,56\u00a0zł"
    assert f.format_money(0) == "0,00\u00a0zł"
    assert f.format_money(Decimal("-1234567.5")) == "-1\u00a0234\u00a0567,50\u00a0zł"


def test_integers_group_from_ten_thousand():
    assert f.format_int(1234) == "1234"
    assert f.format_int(12345) == "12\u00a0345"


def test_dates_are_polish():
    assert f.format_date(datetime.date(2015, 2, 25)) == "25 lutego 2015\u00a0r."
    assert f.format_month_year(datetime.date(2018, 1, 5)) == "styczeń 2018"
    assert f.format_date_short(datetime.date(2018, 1, 5)) == "05.01.2018"


def test_count_joins_number_and_noun():
    assert f.format_count(22, "rodzina", "rodziny", "rodzin") == "22\u00a0rodziny"
