from django.contrib import admin

from ostoja.families.models import ProblemArea


@admin.register(ProblemArea)
class ProblemAreaAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "valid_from", "valid_to")
