from django.urls import path

from ostoja.audit import views

app_name = "audit"

urlpatterns = [
    path("", views.log_list, name="log"),
    path("osoba/<int:pk>/dane/", views.subject_access, name="subject_access"),
    path("osoba/<int:pk>/dane.json", views.subject_access_json, name="subject_access_json"),
]
