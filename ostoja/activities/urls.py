from django.urls import path

from ostoja.activities import views

app_name = "activities"

urlpatterns = [
    path("", views.activity_list, name="list"),
    path("nowe/", views.activity_create, name="create"),
    path("<int:pk>/", views.activity_detail, name="detail"),
    path("<int:pk>/edycja/", views.activity_edit, name="edit"),
    path("<int:pk>/uczestnicy/nowy/", views.participation_create, name="participation_create"),
]
