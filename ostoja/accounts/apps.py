from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "ostoja.accounts"
    label = "accounts"
    verbose_name = "Ośrodki i użytkownicy"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from ostoja.common.navigation import register_menu

        register_menu(_("Pulpit"), "dashboard", lambda user: True, order=0)
