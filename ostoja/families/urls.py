from django.urls import path

from ostoja.families import views

app_name = "families"

urlpatterns = [
    path("", views.family_list, name="list"),
    path("nowa/", views.family_create, name="create"),
    path("<int:pk>/", views.family_detail, name="detail"),
    path("<int:pk>/edycja/", views.family_edit, name="edit"),
    path("<int:family_pk>/osoby/nowa/", views.person_create, name="person_create"),
    path("osoby/<int:pk>/", views.person_detail, name="person"),
    path("osoby/<int:pk>/edycja/", views.person_edit, name="person_edit"),
]
