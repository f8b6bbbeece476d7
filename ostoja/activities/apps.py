from django.apps import AppConfig


class ActivitiesConfig(AppConfig):
    name = "ostoja.activities"
    label = "activities"
    verbose_name = "Zajęcia grupowe i projekty"

    def ready(self) -> None:
        from auditlog.registry import auditlog
        from django.utils.translation import gettext_lazy as _

        from ostoja.activities import permissions
        from ostoja.activities.models import GroupActivity, Participation
        from ostoja.common.navigation import register_menu

        auditlog.register(GroupActivity)
        auditlog.register(Participation)
        register_menu(
            _("Zajęcia i projekty"), "activities:list", permissions.can_list_activities, order=40
        )
