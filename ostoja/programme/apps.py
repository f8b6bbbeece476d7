from django.apps import AppConfig


class ProgrammeConfig(AppConfig):
    name = "ostoja.programme"
    label = "programme"
    verbose_name = "Gminny program wspierania rodziny"
