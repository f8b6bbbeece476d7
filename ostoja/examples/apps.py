from django.apps import AppConfig


class ExamplesConfig(AppConfig):
    name = "ostoja.examples"
    label = "examples"
    verbose_name = "Przykłady"
