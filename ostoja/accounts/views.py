"""Dashboard and account pages."""

from django.shortcuts import render

from ostoja.accounts.dashboard import dashboard_cards
from ostoja.accounts.models import Role


def dashboard(request):
    context = {
        "cards": dashboard_cards(request.user),
        "role_labels": [Role(r).label for r in sorted(request.user.roles)],
    }
    return render(request, "accounts/dashboard.html", context)
