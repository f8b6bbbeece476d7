"""Root URL configuration: each app mounts its own urls."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("ostoja.accounts.urls")),
    path("rodziny/", include("ostoja.families.urls")),
    path("sprawy/", include("ostoja.casework.urls")),
    path("piecza/", include("ostoja.placements.urls")),
    path("zajecia/", include("ostoja.activities.urls")),
    path("kadra/", include("ostoja.staff.urls")),
    path("niebieska-karta/", include("ostoja.violence.urls")),
    path("program/", include("ostoja.programme.urls")),
    path("partnerzy/", include("ostoja.partners.urls")),
    path("sprawozdania/", include("ostoja.reporting.urls")),
    path("rejestr/", include("ostoja.audit.urls")),
    path("admin/", admin.site.urls),
]

handler403 = "ostoja.common.errors.permission_denied"
handler404 = "ostoja.common.errors.page_not_found"
handler500 = "ostoja.common.errors.server_error"
