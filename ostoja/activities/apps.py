from django.apps import AppConfig


class ActivitiesConfig(AppConfig):
    name = "ostoja.activities"
    label = "activities"
    verbose_name = "Zajęcia grupowe i projekty"
