from django.apps import AppConfig


class FamiliesConfig(AppConfig):
    name = "ostoja.families"
    label = "families"
    verbose_name = "Rodziny"

    def ready(self) -> None:
        from auditlog.registry import auditlog
        from django.utils.translation import gettext_lazy as _

        from ostoja.common.navigation import register_menu
        from ostoja.families import (
            dashboard,  # noqa: F401
            permissions,
        )
        from ostoja.families.models import Family, Person

        auditlog.register(Family, m2m_fields={"problem_areas"})
        auditlog.register(Person)
        register_menu(_("Rodziny"), "families:list", permissions.can_read_family_registry, order=10)
