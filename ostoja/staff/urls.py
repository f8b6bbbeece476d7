from django.urls import path

from ostoja.staff import views

app_name = "staff"

urlpatterns = [
    path("", views.staff_list, name="list"),
    path("asystenci/<int:pk>/", views.assistant_detail, name="assistant"),
    path("umowy/nowa/", views.employment_create, name="employment_create"),
    path("umowy/<int:pk>/edycja/", views.employment_edit, name="employment_edit"),
    path("szkolenia/nowe/", views.training_create, name="training_create"),
    path("koszty/nowy/", views.cost_create, name="cost_create"),
]
