from django.apps import AppConfig


class PlacementsConfig(AppConfig):
    name = "ostoja.placements"
    label = "placements"
    verbose_name = "Piecza zastępcza i powroty"
