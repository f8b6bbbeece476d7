from django.urls import path

from ostoja.casework import views

app_name = "casework"

urlpatterns = [
    path("", views.my_families, name="my_families"),
    path("wszystkie/", views.case_list, name="case_list"),
    path("wniosek/", views.request_create, name="request_create"),
    path("decyzje/", views.decision_queue, name="decision_queue"),
    path("oceny-zalegle/", views.overdue, name="overdue"),
    path("obciazenie/", views.caseload_board, name="caseload_board"),
    path("obciazenie/limity/", views.caseload_limits, name="caseload_limits"),
    path("obciazenie/<int:pk>/", views.assistant_caseload, name="assistant_caseload"),
    path("<int:pk>/", views.case_detail, name="case_detail"),
    path("<int:pk>/decyzja/", views.case_decide, name="decide"),
    path("<int:pk>/przydzial/", views.case_assign, name="assign"),
    path("<int:pk>/zgoda/", views.case_consent, name="consent"),
    path("<int:pk>/plan/", views.plan_create, name="plan_create"),
    path("plany/<int:pk>/cel/", views.goal_create, name="goal_create"),
    path("<int:pk>/kontakt/", views.contact_create, name="contact_create"),
    path("<int:pk>/ocena/", views.assessment_create, name="assessment_create"),
    path("<int:pk>/wspolpraca/", views.cooperation_create, name="cooperation_create"),
    path("<int:pk>/efekt/", views.outcome_create, name="outcome_create"),
    path("<int:pk>/zakonczenie/", views.case_close, name="close"),
    path("<int:pk>/monitoring/", views.monitoring_record, name="monitoring"),
]
