"""Role predicates shared by every app's permissions (django-rules)."""

import rules

from ostoja.accounts.models import Role


def has_role(*roles: str):
    """Return a predicate true for an active user of an office holding one of `roles`."""

    @rules.predicate(name=f"has_role({','.join(roles)})")
    def predicate(user) -> bool:
        if not getattr(user, "is_authenticated", False) or getattr(user, "office_id", None) is None:
            return False
        return user.has_role(*roles)

    return predicate


is_head = has_role(Role.HEAD)
is_social_worker = has_role(Role.SOCIAL_WORKER)
is_assistant = has_role(Role.ASSISTANT)
is_blue_card_coordinator = has_role(Role.BLUE_CARD_COORDINATOR)
is_reporting_officer = has_role(Role.REPORTING_OFFICER)
is_partner = has_role(Role.PARTNER)
is_administrator = has_role(Role.ADMINISTRATOR)
is_auditor = has_role(Role.AUDITOR)

#: Staff who work with families' personal data.
is_case_staff = has_role(Role.HEAD, Role.SOCIAL_WORKER, Role.ASSISTANT)
#: Roles that may read the family registry at all (scoped further per family).
can_read_family_registry = has_role(Role.HEAD, Role.SOCIAL_WORKER, Role.ASSISTANT, Role.AUDITOR)


@rules.predicate
def same_office(user, obj) -> bool:
    """True when `obj` (anything with an office_id) belongs to the user's office."""
    return obj is not None and user.office_id is not None and obj.office_id == user.office_id


rules.add_perm("accounts.view_audit_log", is_auditor)
rules.add_perm("accounts.view_dashboard", rules.is_authenticated)
