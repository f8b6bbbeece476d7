"""The audit log in the admin site: read-only for everyone, administrators included."""

from auditlog.admin import LogEntryAdmin as AuditlogEntryAdmin
from auditlog.models import LogEntry
from django.contrib import admin

from ostoja.audit.models import LogChain, LogChainHead


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class LogEntryAdmin(ReadOnlyAdmin, AuditlogEntryAdmin):
    """auditlog's admin, but no cascade delete either."""


if admin.site.is_registered(LogEntry):
    admin.site.unregister(LogEntry)
admin.site.register(LogEntry, LogEntryAdmin)


@admin.register(LogChain)
class LogChainAdmin(ReadOnlyAdmin):
    list_display = ("position", "entry", "hash")


@admin.register(LogChainHead)
class LogChainHeadAdmin(ReadOnlyAdmin):
    list_display = ("position", "hash")
