from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "ostoja.audit"
    label = "audit"
    verbose_name = "Rejestr dostępu i zmian"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from ostoja.accounts.permissions import is_auditor
        from ostoja.audit import dashboard, permissions, signals  # noqa: F401
        from ostoja.common.navigation import register_menu

        signals.connect()
        register_menu(_("Rejestr zdarzeń"), "audit:log", is_auditor, order=90)
