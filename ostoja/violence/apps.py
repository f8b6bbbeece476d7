from django.apps import AppConfig


class ViolenceConfig(AppConfig):
    name = "ostoja.violence"
    label = "violence"
    verbose_name = "Niebieska Karta"

    def ready(self) -> None:
        from auditlog.registry import auditlog
        from django.utils.translation import gettext_lazy as _

        from ostoja.common.navigation import register_menu
        from ostoja.violence import permissions, timeline  # noqa: F401
        from ostoja.violence.models import Procedure, ProcedurePerson, WorkingGroupMeeting

        auditlog.register(Procedure, m2m_fields={"working_group"})
        auditlog.register(ProcedurePerson)
        auditlog.register(WorkingGroupMeeting, m2m_fields={"attendees"})
        # Only the coordinator gets the menu entry (no query on every page for others);
        # working-group members reach their procedures from the family's timeline.
        register_menu(_("Niebieska Karta"), "violence:list", permissions.is_coordinator, order=60)
