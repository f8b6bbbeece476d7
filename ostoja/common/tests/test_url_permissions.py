"""Every URL × every role: allowed roles get the page, all others are refused."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from ostoja.common.tests.access import ALL_ROLES, build_world, collect_rules

ADMIN_KWARGS = {
    "object_id": "1",
    "app_label": "accounts",
    "content_type_id": "1",
    "url": "x",
    "user_id": "1",
    "id": "1",
}


def url_names(resolver=None, namespace: str = "") -> list[str]:
    names = []
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            names.extend(url_names(entry, ns))
        elif isinstance(entry, URLPattern) and entry.name:
            names.append(f"{namespace}{entry.name}")
    return sorted(set(names))


def reverse_admin(name: str) -> str | None:
    from django.urls import NoReverseMatch

    pattern_kwargs = [{}, {"object_id": "1"}, {"app_label": "accounts"}, ADMIN_KWARGS]
    for kwargs in pattern_kwargs:
        try:
            return reverse(name, kwargs=kwargs)
        except NoReverseMatch:
            continue
    keys = {"content_type_id": "1", "object_id": "1"}
    try:
        return reverse(name, kwargs=keys)
    except NoReverseMatch:
        return None


def test_every_url_has_a_rule():
    rules = collect_rules()
    names = [n for n in url_names() if not n.startswith("admin:")]
    missing = [n for n in names if n not in rules]
    assert not missing, f"URLs without a permission rule: {missing}"
    stale = [n for n in rules if n not in names]
    assert not stale, f"rules for URLs that no longer exist: {stale}"


@pytest.fixture
def world(demo):
    return build_world(demo)


@pytest.mark.django_db
def test_url_role_matrix(client, world):
    failures = []
    for name, rule in collect_rules().items():
        url = reverse(name, kwargs=rule.kwargs(world) if rule.kwargs else None)
        if rule.query:
            url = f"{url}?{rule.query}"
        for role in sorted(ALL_ROLES):
            client.force_login(world.users[role])
            status = client.get(url).status_code
            expected_ok = role in rule.allowed
            if expected_ok and status != rule.ok_status:
                failures.append(f"{role} {name} {url}: {status}, expected {rule.ok_status}")
            if not expected_ok and status not in (403, 404):
                failures.append(f"{role} {name} {url}: {status}, expected 403/404")
        if rule.office_scoped and rule.kwargs:
            for role in sorted(rule.allowed):
                client.force_login(world.other_users[role])
                status = client.get(url).status_code
                if status not in (403, 404):
                    failures.append(f"other office {role} {name} {url}: {status}, expected 403/404")
        client.logout()
        status = client.get(url).status_code
        if status != (200 if name == "login" else 302):
            failures.append(f"anonymous {name}: {status}, expected redirect to login")
    assert not failures, "\n".join(failures)


@pytest.mark.django_db
def test_admin_site_is_closed_to_every_role(client, world):
    failures = []
    for name in url_names():
        if not name.startswith("admin:") or name in ("admin:login", "admin:logout"):
            continue
        url = reverse_admin(name)
        if url is None:
            continue
        for role in sorted(ALL_ROLES):
            client.force_login(world.users[role])
            response = client.get(url)
            if response.status_code not in (302, 403, 404) or (
                response.status_code == 302 and "/admin/login/" not in response["Location"]
            ):
                failures.append(f"{role} {name}: {response.status_code}")
    assert not failures, "\n".join(failures)
