from django.urls import path

from ostoja.placements import views

app_name = "placements"

urlpatterns = [
    path("", views.placement_list, name="list"),
    path("nowe/", views.placement_start, name="start"),
    path("<int:pk>/", views.placement_detail, name="detail"),
    path("<int:pk>/edycja/", views.placement_edit, name="edit"),
    path("<int:pk>/zakonczenie/", views.placement_end, name="end"),
    path("<int:pk>/koszty/nowy/", views.cofinancing_create, name="cofinancing_create"),
    path("dzieci/<int:person_pk>/", views.child_history, name="child_history"),
    path("dzieci/<int:person_pk>/nowe/", views.placement_create, name="create"),
]
