from django.apps import AppConfig


class PartnersConfig(AppConfig):
    name = "ostoja.partners"
    label = "partners"
    verbose_name = "Instytucje partnerskie"

    def ready(self) -> None:
        from auditlog.registry import auditlog
        from django.utils.translation import gettext_lazy as _

        from ostoja.common.navigation import register_menu
        from ostoja.partners import dashboard, permissions  # noqa: F401
        from ostoja.partners.models import Contribution
        from ostoja.partners.reporting import accepted_activities
        from ostoja.reporting.build import register_activity_source

        auditlog.register(Contribution)
        register_activity_source("partners.activities", accepted_activities)
        register_menu(
            _("Wkłady partnerów"),
            "partners:overview",
            permissions.can_read_all_contributions,
            order=50,
        )
        register_menu(_("Moje formularze"), "partners:portal", permissions.is_partner_user, order=5)
