from django.urls import path

from ostoja.violence import views

app_name = "violence"

urlpatterns = [
    path("", views.procedure_list, name="list"),
    path("nowa/", views.procedure_create, name="create"),
    path("<int:pk>/", views.procedure_detail, name="detail"),
    path("<int:pk>/edycja/", views.procedure_edit, name="edit"),
    path("<int:pk>/osoby/nowa/", views.person_add, name="person_add"),
    path("<int:pk>/spotkania/nowe/", views.group_meeting_create, name="group_meeting_create"),
    path("zespol/", views.team, name="team"),
    path("zespol/czlonkowie/nowy/", views.member_form, name="member_create"),
    path("zespol/czlonkowie/<int:pk>/edycja/", views.member_form, name="member_edit"),
    path("zespol/posiedzenia/nowe/", views.team_meeting_create, name="team_meeting_create"),
]
