"""Small security helpers for authentication settings."""

from django.conf import settings


def client_ip(request) -> str:
    """The client's address: behind N trusted proxies, the N-th address from the right of
    X-Forwarded-For; otherwise REMOTE_ADDR (used by django-axes for lockouts)."""
    count = settings.OSTOJA_PROXY_COUNT
    if count:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR", "")
