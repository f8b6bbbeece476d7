from ostoja.common.tests.access import ALL_ROLES, Rule

URL_ACCESS = {
    "dashboard": Rule(allowed=ALL_ROLES),
    "login": Rule(
        allowed=ALL_ROLES, ok_status=302, note="logged-in users are sent to the dashboard"
    ),
    "logout": Rule(allowed=ALL_ROLES, ok_status=405, note="POST only"),
    "password_change": Rule(allowed=ALL_ROLES),
    "password_change_done": Rule(allowed=ALL_ROLES),
    "otp_verify": Rule(allowed=ALL_ROLES, note="demo users have a device, not yet verified"),
    "otp_setup": Rule(
        allowed=ALL_ROLES,
        ok_status=302,
        note="staff with a device are sent to verification",
    ),
}
