from django.urls import path

from ostoja.reporting import views

app_name = "reporting"

urlpatterns = [
    path("", views.report_list, name="list"),
    path("nowe/", views.report_create, name="create"),
    path("gotowosc/", views.readiness, name="readiness"),
    path("szablony/", views.template_list, name="templates"),
    path("szablony/kopia/", views.template_copy, name="template_copy"),
    path("szablony/<int:pk>/", views.template_detail, name="template_detail"),
    path(
        "szablony/<int:pk>/sekcje/<int:section_pk>/",
        views.template_section_edit,
        name="template_section_edit",
    ),
    path("<int:pk>/", views.report_detail, name="detail"),
    path("<int:pk>/przelicz/", views.report_regenerate, name="regenerate"),
    path("<int:pk>/status/", views.report_transition, name="transition"),
    path("<int:pk>/nowa-wersja/", views.report_new_version, name="new_version"),
    path("<int:pk>/sekcje/<slug:key>/", views.report_section_edit, name="section_edit"),
    path("<int:pk>/pobierz/<str:fmt>/", views.report_download, name="download"),
    path("<int:pk>/liczby/<str:key>/", views.figure_detail, name="figure"),
]
