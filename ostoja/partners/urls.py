from django.urls import path

from ostoja.partners import views

app_name = "partners"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("moje/", views.portal, name="portal"),
    path(
        "formularz/<int:year>/<int:task_pk>/<int:partner_pk>/",
        views.contribution_form,
        name="form",
    ),
    path("wklady/<int:pk>/", views.contribution_detail, name="detail"),
    path("wklady/<int:pk>/przeslij/", views.contribution_submit, name="submit"),
    path("wklady/<int:pk>/zwroc/", views.contribution_return, name="return"),
    path("wklady/<int:pk>/przyjmij/", views.contribution_accept, name="accept"),
    path("przypomnienia/", views.reminders_send, name="reminders"),
    path("termin/", views.deadline_edit, name="deadline"),
    path("instytucje/", views.institution_list, name="institutions"),
    path("instytucje/nowa/", views.institution_form, name="institution_create"),
    path("instytucje/<int:pk>/edycja/", views.institution_form, name="institution_edit"),
]
