from ostoja.common.tests.access import AUDITOR, HEAD, Rule

URL_ACCESS = {
    "audit:log": Rule(allowed=frozenset({AUDITOR}), office_scoped=False),
    "audit:subject_access": Rule(
        allowed=frozenset({HEAD, AUDITOR}), kwargs=lambda w: {"pk": w.person.pk}
    ),
    "audit:subject_access_json": Rule(
        allowed=frozenset({HEAD, AUDITOR}), kwargs=lambda w: {"pk": w.person.pk}, download=True
    ),
}
