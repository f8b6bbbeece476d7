from django.apps import AppConfig


class ViolenceConfig(AppConfig):
    name = "ostoja.violence"
    label = "violence"
    verbose_name = "Niebieska Karta"
