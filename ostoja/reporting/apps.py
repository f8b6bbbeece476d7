from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "ostoja.reporting"
    label = "reporting"
    verbose_name = "Sprawozdania i wskaźniki"

    def ready(self) -> None:
        from ostoja.reporting.registry import autodiscover

        autodiscover()
