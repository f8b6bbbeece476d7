from django.contrib import admin

from ostoja.casework.models import (
    CaseloadLimit,
    ClosureReason,
    InstitutionKind,
    OutcomeKind,
    TaskCode,
)


@admin.register(CaseloadLimit)
class CaseloadLimitAdmin(admin.ModelAdmin):
    list_display = ("office", "valid_from", "limit", "note")


@admin.register(TaskCode, InstitutionKind, ClosureReason)
class DictionaryAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "order", "is_active")


@admin.register(OutcomeKind)
class OutcomeKindAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "level", "is_state", "order", "is_active")
