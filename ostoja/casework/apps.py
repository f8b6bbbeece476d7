from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "ostoja.casework"
    label = "casework"
    verbose_name = "Praca asystentów rodziny"
