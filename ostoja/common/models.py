"""Abstract base model: who created and last changed every row, and when."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TrackedModel(models.Model):
    """Rows that remember who created and last modified them."""

    created_at = models.DateTimeField(_("utworzono"), auto_now_add=True)
    modified_at = models.DateTimeField(_("zmieniono"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("utworzył(a)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    modified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("zmienił(a)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        abstract = True

    def stamp(self, user) -> None:
        """Set the who-columns for a write by `user`."""
        if user is not None and getattr(user, "pk", None):
            if self.pk is None or self.created_by_id is None:
                self.created_by = user
            self.modified_by = user
