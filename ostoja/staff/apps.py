from django.apps import AppConfig


class StaffConfig(AppConfig):
    name = "ostoja.staff"
    label = "staff"
    verbose_name = "Asystenci: zatrudnienie i koszty"
