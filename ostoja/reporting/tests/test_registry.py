import json

import pytest
from django.core.management import call_command

from ostoja.reporting.registry import MetricSpec, Period, Registry, _Entry, registry
from ostoja.reporting.units import format_value


def test_period_year_and_previous():
    p = Period.year(2017)
    assert p.label == "2017"
    assert p.previous_year() == Period.year(2016)


def test_format_value_agrees_with_unit():
    assert format_value(1, "families") == "1\u00a0rodzina"
    assert format_value(22, "families") == "22\u00a0rodziny"
    assert format_value(33, "children") == "33\u00a0dzieci"
    assert format_value(5, "persons") == "5\u00a0osób"


def test_group_and_single_entries_compute():
    reg = Registry()
    one = MetricSpec("x.one", "Jeden", "families")
    reg.add(_Entry((one,), lambda office, period: 3, grouped=False))
    a, b = MetricSpec("x.a", "A", "children"), MetricSpec("x.b", "B", "children")
    reg.add(_Entry((a, b), lambda office, period: {"x.a": 1}, grouped=True))
    values = reg.compute_all(None, Period.year(2020))
    assert values["x.one"].value == 3
    assert values["x.a"].value == 1
    assert values["x.b"].value == 0  # a group's missing key is zero
    with pytest.raises(ValueError, match="twice"):
        reg.add(_Entry((one,), lambda office, period: 4, grouped=False))


def test_unknown_unit_is_refused():
    with pytest.raises(AssertionError):
        MetricSpec("x.bad", "Zła", "parsecs")


@pytest.mark.django_db
def test_metrics_command_prints_json(demo, capsys):
    call_command("metrics", "--office", "konin", "--year", "2026", "--format", "json")
    payload = json.loads(capsys.readouterr().out)
    assert isinstance(payload, list)
    assert {item["key"] for item in payload} == set(registry.keys()) | {
        item["key"] for item in payload
    }
