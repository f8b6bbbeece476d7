from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "ostoja.common"
    label = "common"
    verbose_name = "Wspólne"
