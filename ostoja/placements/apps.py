from django.apps import AppConfig


class PlacementsConfig(AppConfig):
    name = "ostoja.placements"
    label = "placements"
    verbose_name = "Piecza zastępcza i powroty"

    def ready(self) -> None:
        from auditlog.registry import auditlog
        from django.utils.translation import gettext_lazy as _

        from ostoja.common.navigation import register_menu
        from ostoja.placements import (
            permissions,
            timeline,  # noqa: F401
        )
        from ostoja.placements.models import CoFinancingEntry, Placement

        auditlog.register(Placement)
        auditlog.register(CoFinancingEntry)
        register_menu(
            _("Piecza i powroty"), "placements:list", permissions.can_list_placements, order=30
        )
