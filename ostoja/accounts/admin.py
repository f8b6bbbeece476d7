from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from ostoja.accounts.models import Office, PartnerInstitution, RoleAssignment, User


class RoleInline(admin.TabularInline):
    model = RoleAssignment
    extra = 0


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = (
        *(BaseUserAdmin.fieldsets or ()),
        ("Ostoja", {"fields": ("office", "partner_institution")}),
    )
    list_display = ("username", "first_name", "last_name", "office", "is_active")
    list_filter = ("office", "is_active", "role_assignments__role")
    inlines = [RoleInline]


@admin.register(Office)
class OfficeAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "municipality", "teryt")
    prepopulated_fields = {"slug": ("municipality",)}


@admin.register(PartnerInstitution)
class PartnerInstitutionAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "office")
    list_filter = ("office", "kind")
