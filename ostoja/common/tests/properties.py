"""Property-based checks of forms through their pages (hypothesis), shared by every app.

`form_payloads(form)` draws what a user (or an attacker) may type into each field of a
form: any Unicode, huge strings, wrong numbers and PESELs, dates in 1900 and 2100,
negative and absurd numbers, choices that do not exist — and, as often, plausible values
so the save path is exercised too. `post_and_check` posts one draw and asserts the
answer: a redirect after a save, or the form again (200) with Polish messages and not
one row changed in the given apps — never a server error, never half a save.
"""

import datetime
import re

from django import forms
from django.apps import apps
from django.utils import timezone
from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st

PROPERTY_SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
#: Stands for the value the page put into a hidden field (e.g. the record's version);
#: resolved at post time, so the strategies do not depend on the database's state.
CURRENT = "<the page's value>"
#: Django's English messages; a Polish page must not show any of them.
ENGLISH = re.compile(
    r"\b(This field|Enter a|Ensure this|Select a valid|is not|must|characters|required)\b"
)

texts = st.one_of(
    st.text(max_size=60),
    st.text(min_size=150, max_size=400),
    st.just(20_000).map(lambda n: "x" * n),
    st.sampled_from(["", " ", "\x00", "=1+1", "Zażółć gęślą jaźń", "👪" * 50, "<script>"]),
)
pesels = st.one_of(
    st.text(alphabet="0123456789", min_size=0, max_size=14),
    st.sampled_from(["00000000000", "12345678901", "-1234567890", "4405140135", "44051401358"]),
)
bad_dates = st.one_of(
    st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(1900, 12, 31)).map(str),
    st.dates(min_value=datetime.date(2100, 1, 1), max_value=datetime.date(2100, 12, 31)).map(str),
    st.sampled_from(["", "2017-02-30", "31.12.2017", "-1", "99999-01-01", "jutro", "0000-00-00"]),
)
bad_numbers = st.one_of(
    st.integers(min_value=-(10**12), max_value=10**12).map(str),
    st.integers(min_value=-(10**40), max_value=10**40).map(str),
    st.sampled_from(
        ["-1", "-0.01", "1e999999999", "1E+30", "NaN", "Infinity", "-inf", "0x10", "1,5", "½"]
    ),
    st.decimals(allow_nan=False, allow_infinity=False, places=4).map(str),
    pesels,
)


def recent_dates() -> st.SearchStrategy[str]:
    today = timezone.localdate()
    return st.one_of(
        st.just(today),
        st.dates(min_value=today - datetime.timedelta(days=365 * 3), max_value=today),
    ).map(str)


def _choice_values(field: forms.ChoiceField) -> list[str]:
    values = []
    for value, label in field.choices:
        if isinstance(label, list | tuple):  # an optgroup
            values.extend(str(v) for v, _label in label)
        else:
            values.append(str(getattr(value, "value", value)))
    return values


class Pick(int):
    """The n-th valid choice of a field, resolved at post time against the live form
    (the choices depend on the database, which the examples change)."""

    def resolve(self, field: forms.Field) -> str:
        if isinstance(field, forms.ModelChoiceField):
            values = [str(pk) for pk in field.queryset.values_list("pk", flat=True)[:20]]
        else:
            values = [v for v in _choice_values(field) if v]  # type: ignore[arg-type]
        return values[self % len(values)] if values else ""


def _picks(field: forms.Field) -> st.SearchStrategy:
    if isinstance(field, forms.ModelMultipleChoiceField | forms.MultipleChoiceField):
        return st.lists(st.integers(0, 19).map(Pick), max_size=3)
    return st.integers(0, 19).map(Pick)


def _plausible(field: forms.Field) -> st.SearchStrategy:
    """A value a careful user could type: valid when the rest of the form allows it."""
    if isinstance(field.widget, forms.HiddenInput):
        return st.just(CURRENT)
    if isinstance(field, forms.ChoiceField | forms.ModelChoiceField):
        return _picks(field)
    if isinstance(field, forms.BooleanField):
        return st.sampled_from(["on", ""])
    if isinstance(field, forms.DateField):
        return recent_dates()
    if isinstance(field, forms.DecimalField | forms.IntegerField | forms.FloatField):
        return st.integers(min_value=0, max_value=120).map(str)
    words = st.text(
        alphabet="abcdefghijklmnoprstuwyzęóąśłżźćń ABCDEFGHIJKLMNOPRSTUWYZ0123456789.,-",
        min_size=1,
        max_size=40,
    ).filter(str.strip)
    # The page's own value (when it has one) or a few words; drawn the same way whatever
    # the database holds, so hypothesis can replay an example.
    return st.one_of(st.just(CURRENT), words)


def _wild(field: forms.Field) -> st.SearchStrategy:
    """Anything at all for the field's kind."""
    if isinstance(field, forms.ModelMultipleChoiceField | forms.MultipleChoiceField):
        return st.lists(st.one_of(bad_numbers, texts), max_size=3)
    if isinstance(field, forms.ChoiceField | forms.ModelChoiceField):
        return st.one_of(bad_numbers, texts)
    if isinstance(field, forms.DateField):
        return st.one_of(bad_dates, texts)
    if isinstance(field, forms.DecimalField | forms.IntegerField | forms.FloatField):
        return st.one_of(bad_numbers, texts)
    return st.one_of(texts, pesels)


def form_payloads(form: forms.BaseForm, *, extra=None) -> st.SearchStrategy[dict]:
    """POST data for `form`: per field a plausible or a wild value; sometimes all plausible."""
    plausible, mixed = {}, {}
    for name, field in form.fields.items():
        if isinstance(field, forms.FileField):
            continue
        key = form.add_prefix(name)
        plausible[key] = _plausible(field)
        mixed[key] = st.one_of(_plausible(field), _wild(field))
    for key, strategy in (extra or {}).items():
        plausible[key] = mixed[key] = strategy
    return st.one_of(st.fixed_dictionaries(plausible), st.fixed_dictionaries(mixed))


def row_counts(*app_labels: str) -> dict[str, int]:
    """Rows of every model of the given apps (a half-save changes at least one)."""
    return {
        model._meta.label: model._default_manager.count()
        for label in app_labels
        for model in apps.get_app_config(label).get_models()
    }


def form_errors(response, context_name: str = "form") -> list[str]:
    form = response.context[context_name]
    return [str(m) for messages in form.errors.values() for m in messages]


def assert_polish(messages: list[str]) -> None:
    assert messages, "the form came back without a message"
    for message in messages:
        assert not ENGLISH.search(message), message


def check_form_page(client, url: str, data, *, apps_touched: tuple[str, ...], extra=None) -> dict:
    """GET the form page, draw a payload for its form, POST it and check the answer."""
    form = client.get(url).context["form"]
    payload = {
        k: v for k, v in data.draw(form_payloads(form, extra=extra)).items() if v is not None
    }  # an extra strategy draws None to leave its key out
    for key, value in payload.items():
        field = form.fields.get(key)
        if field is None:
            continue
        if isinstance(value, str) and value == CURRENT:
            current = form.initial.get(key, field.initial)
            if callable(current):
                current = current()
            if isinstance(current, datetime.date):
                current = current.isoformat()
            payload[key] = "" if current is None else str(current)
        elif isinstance(value, Pick):
            payload[key] = value.resolve(field)
        elif isinstance(value, list):
            payload[key] = sorted(
                {v.resolve(field) if isinstance(v, Pick) else v for v in value} - {""}
            )
    post_and_check(client, url, payload, apps_touched=apps_touched)
    return payload


def post_and_check(client, url: str, data: dict, *, apps_touched: tuple[str, ...], **post_kwargs):
    """POST `data`; a redirect passes, a 200 must carry Polish errors and change no row."""
    before = row_counts(*apps_touched)
    response = client.post(url, data, **post_kwargs)
    assert response.status_code in (200, 302), response.status_code
    event(f"answer {response.status_code}")  # see --hypothesis-show-statistics
    if response.status_code == 200:
        assert_polish(form_errors(response))
        assert row_counts(*apps_touched) == before
    return response
