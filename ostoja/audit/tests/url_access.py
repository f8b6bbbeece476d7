from ostoja.common.tests.access import AUDITOR, Rule

URL_ACCESS = {
    "audit:log": Rule(allowed=frozenset({AUDITOR}), office_scoped=False),
}
