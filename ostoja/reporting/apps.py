from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "ostoja.reporting"
    label = "reporting"
    verbose_name = "Sprawozdania i wskaźniki"

    def ready(self) -> None:
        from auditlog.registry import auditlog
        from django.utils.translation import gettext_lazy as _

        from ostoja.common.navigation import register_menu
        from ostoja.reporting import permissions
        from ostoja.reporting.models import AnnualReport
        from ostoja.reporting.registry import autodiscover

        autodiscover()
        auditlog.register(AnnualReport, exclude_fields=["snapshot"])
        register_menu(_("Sprawozdania"), "reporting:list", permissions.can_list_reports, order=80)
