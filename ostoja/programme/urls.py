from django.urls import path

from ostoja.programme import views

app_name = "programme"

urlpatterns = [
    path("", views.programme_list, name="list"),
    path("nowy/", views.programme_create, name="create"),
    path("<int:pk>/", views.programme_detail, name="detail"),
    path("<int:pk>/edycja/", views.programme_edit, name="edit"),
    path("<int:pk>/kolejny/", views.programme_copy, name="copy"),
    path("<int:pk>/zadania/nowe/", views.task_create, name="task_create"),
    path("zadania/<int:pk>/edycja/", views.task_edit, name="task_edit"),
    path("zadania/<int:task_pk>/wskazniki/nowy/", views.indicator_create, name="indicator_create"),
    path("wskazniki/<int:pk>/edycja/", views.indicator_edit, name="indicator_edit"),
    path("statystyki/", views.statistics, name="statistics"),
    path("statystyki/rodzaje/", views.statistic_kinds, name="statistic_kinds"),
    path("statystyki/rodzaje/nowy/", views.statistic_kind_create, name="statistic_kind_create"),
    path(
        "statystyki/rodzaje/<int:pk>/edycja/",
        views.statistic_kind_edit,
        name="statistic_kind_edit",
    ),
    path("statystyki/import/", views.statistics_import, name="statistics_import"),
    path("statystyki/eksport.csv", views.statistics_export, name="statistics_export"),
]
