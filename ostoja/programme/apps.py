from django.apps import AppConfig


class ProgrammeConfig(AppConfig):
    name = "ostoja.programme"
    label = "programme"
    verbose_name = "Gminny program wspierania rodziny"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from ostoja.common.navigation import register_menu
        from ostoja.programme import dashboard, permissions  # noqa: F401

        register_menu(_("Program"), "programme:list", permissions.can_read_programme, order=40)
        register_menu(
            _("Statystyki"), "programme:statistics", permissions.can_read_programme, order=45
        )
