import pytest

from ostoja.reporting.placeholders import (
    ListBlock,
    Para,
    Placeholder,
    PlaceholderError,
    Text,
    bare_numbers,
    parse_narrative,
    parse_placeholder,
    placeholder_keys,
)


def test_placeholder_with_case_and_forms():
    assert parse_placeholder(" assistant.families_served ") == Placeholder(
        "assistant.families_served", source="{{ assistant.families_served }}"
    )
    ph = parse_placeholder("assistant.families_served|loc")
    assert (ph.key, ph.case, ph.mode) == ("assistant.families_served", "loc", "count")
    ph = parse_placeholder("x.y|forms:była/były/było")
    assert ph.mode == "forms" and ph.forms == ("była", "były", "było")
    assert parse_placeholder("x.y|noun|gen").mode == "noun"
    assert parse_placeholder("x.y|change").mode == "change"


@pytest.mark.parametrize(
    "bad",
    [
        "Rodzin: {{ x.y|upper }}",
        "{{ X Y }}",
        "{{ x.y|forms:a/b }}",
        "{{ x.y",
        "x.y }}",
        "{{ __import__('os') }}",
    ],
)
def test_malformed_placeholders_are_refused_in_polish(bad):
    with pytest.raises(PlaceholderError) as exc:
        parse_narrative(bad)
    assert exc.value.message and not exc.value.message.startswith("Invalid")


def test_paragraphs_and_lists():
    blocks = parse_narrative(
        "Pierwszy akapit\nciąg dalszy {{ a.b }}.\n\nDrugi akapit:\n"
        "- punkt {{ c.d|gen }}\n- drugi\n  kontynuacja\n\nKoniec."
    )
    assert [type(b) for b in blocks] == [Para, Para, ListBlock, Para]
    first = blocks[0]
    assert (
        isinstance(first.parts[0], Text) and first.parts[0].text == "Pierwszy akapit ciąg dalszy "
    )
    assert isinstance(first.parts[1], Placeholder) and first.parts[1].key == "a.b"
    items = blocks[2].items
    assert len(items) == 2
    assert "".join(p.text for p in items[1].parts if isinstance(p, Text)) == "drugi kontynuacja"


def test_html_is_plain_text_not_markup():
    blocks = parse_narrative("<b>pogrubienie</b> & <script>x</script>")
    assert blocks[0].parts[0].text == "<b>pogrubienie</b> & <script>x</script>"


def test_keys_and_bare_numbers():
    text = "W {{ report.year }} r. {{ a.b|acc }} i {{ a.b }}; typed 90 rodzin, 1,5 roku."
    assert placeholder_keys(text) == ["report.year", "a.b"]
    assert bare_numbers(text) == ["90", "1,5"]
