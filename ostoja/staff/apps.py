from django.apps import AppConfig


class StaffConfig(AppConfig):
    name = "ostoja.staff"
    label = "staff"
    verbose_name = "Asystenci: zatrudnienie i koszty"

    def ready(self) -> None:
        from auditlog.registry import auditlog
        from django.utils.translation import gettext_lazy as _

        from ostoja.common.navigation import register_menu
        from ostoja.staff import permissions
        from ostoja.staff.models import AssistantCost, AssistantEmployment, Training

        auditlog.register(AssistantEmployment)
        auditlog.register(Training)
        auditlog.register(AssistantCost)
        register_menu(_("Kadra asystentów"), "staff:list", permissions.can_list_staff, order=60)
