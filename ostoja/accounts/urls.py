from django.contrib.auth import views as auth_views
from django.urls import path

from ostoja.accounts import views

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path(
        "logowanie/",
        auth_views.LoginView.as_view(
            template_name="accounts/login.html", redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("weryfikacja/konfiguracja/", views.otp_setup, name="otp_setup"),
    path("weryfikacja/", views.otp_verify, name="otp_verify"),
    path("wyloguj/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "haslo/",
        auth_views.PasswordChangeView.as_view(template_name="accounts/password_change.html"),
        name="password_change",
    ),
    path(
        "haslo/zmienione/",
        auth_views.PasswordChangeDoneView.as_view(
            template_name="accounts/password_change_done.html"
        ),
        name="password_change_done",
    ),
]
