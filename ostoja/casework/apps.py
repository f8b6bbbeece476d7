from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "ostoja.casework"
    label = "casework"
    verbose_name = "Praca asystentów rodziny"

    def ready(self) -> None:
        from auditlog.registry import auditlog
        from django.utils.translation import gettext_lazy as _

        from ostoja.accounts.permissions import has_role, is_assistant
        from ostoja.casework import (
            dashboard,  # noqa: F401
            models,
            permissions,  # noqa: F401
            readiness,  # noqa: F401
            timeline,  # noqa: F401
        )
        from ostoja.common.navigation import register_menu

        auditlog.register(models.AssistantCase)
        auditlog.register(models.Decision)
        auditlog.register(models.Assignment)
        auditlog.register(models.WorkPlan)
        auditlog.register(models.Goal)
        auditlog.register(models.Contact, m2m_fields={"tasks"})
        auditlog.register(models.Assessment)
        auditlog.register(models.Cooperation)
        auditlog.register(models.Outcome)
        auditlog.register(models.Monitoring)
        auditlog.register(models.CaseloadLimit)
        register_menu(_("Moje rodziny"), "casework:my_families", is_assistant, order=20)
        register_menu(
            _("Sprawy asystenckie"),
            "casework:case_list",
            has_role("head", "social_worker", "auditor"),
            order=21,
        )
        register_menu(_("Decyzje"), "casework:decision_queue", has_role("head"), order=22)
        register_menu(
            _("Obciążenie asystentów"), "casework:caseload_board", has_role("head"), order=23
        )
