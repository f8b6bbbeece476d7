"""Property-based tests of the family and person forms through their pages.

Whatever is typed (any Unicode, huge strings, wrong PESELs, dates in 1900 and 2100,
negative numbers), the answer is the form again with Polish messages and nothing saved,
or a redirect after a save: never a server error.
"""

import datetime
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ostoja.families.models import Family, Person

pytestmark = pytest.mark.django_db

PROPERTY_SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
ENGLISH = re.compile(
    r"\b(This field|Enter a|Ensure this|Select a valid|is not|must|characters|required)\b"
)

texts = st.one_of(
    st.text(max_size=60),
    st.text(min_size=150, max_size=400),
    st.just("x" * 20_000),
    st.sampled_from(["", " ", "\x00", "=1+1", "Zażółć gęślą jaźń", "👪" * 50, "<script>"]),
)
dates = st.one_of(
    st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(1900, 12, 31)).map(str),
    st.dates(min_value=datetime.date(2100, 1, 1), max_value=datetime.date(2100, 12, 31)).map(str),
    st.sampled_from(["", "2017-02-30", "31.12.2017", "-1", "99999-01-01", "jutro"]),
)
pesels = st.one_of(
    st.text(alphabet="0123456789", min_size=0, max_size=14),
    st.sampled_from(["00000000000", "12345678901", "-1234567890", "4405140135"]),
    texts,
)
numbers = st.one_of(st.integers(min_value=-(10**12), max_value=10**12).map(str), texts)


def errors_of(response) -> list[str]:
    form = response.context["form"]
    return [str(m) for messages in form.errors.values() for m in messages]


def assert_polish(messages: list[str]) -> None:
    assert messages, "an error page without messages"
    for message in messages:
        assert not ENGLISH.search(message), message


def snapshot(model, pk: int) -> dict:
    return dict(model.objects.filter(pk=pk).values()[0])


@pytest.fixture
def konin(demo):
    family = Family.objects.filter(office__slug="konin").order_by("pk").first()
    return {"head": demo["konin"]["head"], "family": family}


@PROPERTY_SETTINGS
@given(
    first_name=texts,
    last_name=texts,
    role=st.sampled_from(["child", "mother", "x", ""]),
    pesel=pesels,
    birth_date=dates,
    sex=st.sampled_from(["F", "M", "", "X"]),
    disability=st.sampled_from(["", "mild", "zly"]),
    address=texts,
)
def test_person_form_never_fails_and_answers_in_polish(
    client, konin, first_name, last_name, role, pesel, birth_date, sex, disability, address
):
    client.force_login(konin["head"])
    family = konin["family"]
    before = Person.objects.count()
    data = {
        "first_name": first_name,
        "last_name": last_name,
        "family_role": role,
        "pesel": pesel,
        "birth_date": birth_date,
        "sex": sex,
        "disability": disability,
        "address": address,
    }
    response = client.post(f"/rodziny/{family.pk}/osoby/nowa/", data)
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert_polish(errors_of(response))
        assert Person.objects.count() == before
    else:
        assert Person.objects.count() == before + 1


@PROPERTY_SETTINGS
@given(
    name=texts,
    street=texts,
    postal_code=st.one_of(texts, st.sampled_from(["62-510", "62510"])),
    city=texts,
    notes=texts,
    version=numbers,
    social_worker=numbers,
    problem_area=numbers,
)
def test_family_edit_never_fails_and_saves_nothing_on_error(
    client, konin, name, street, postal_code, city, notes, version, social_worker, problem_area
):
    client.force_login(konin["head"])
    family = konin["family"]
    before = snapshot(Family, family.pk)
    data = {
        "name": name,
        "street": street,
        "postal_code": postal_code,
        "city": city,
        "notes": notes,
        "version": version,
        "social_worker": social_worker,
        "problem_areas": [problem_area],
    }
    response = client.post(f"/rodziny/{family.pk}/edycja/", data)
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert_polish(errors_of(response))
        assert snapshot(Family, family.pk) == before
    else:
        assert snapshot(Family, family.pk)["version"] == before["version"] + 1


@PROPERTY_SETTINGS
@given(name=texts, street=texts, postal_code=texts, city=texts, notes=texts)
def test_family_create_never_fails(client, konin, name, street, postal_code, city, notes):
    client.force_login(konin["head"])
    before = Family.objects.count()
    data = {
        "name": name,
        "street": street,
        "postal_code": postal_code,
        "city": city,
        "notes": notes,
    }
    response = client.post("/rodziny/nowa/", data)
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert_polish(errors_of(response))
        assert Family.objects.count() == before
