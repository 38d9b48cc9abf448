from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline

from keyfigures.models import KeyFigure, KeyFigureBand
from portal.admin_base import TranslatedContentAdmin
from portal.admin_inlines import TabularInline


class KeyFigureInline(TranslationTabularInline, TabularInline):
    model = KeyFigure
    add_text = _("Tilføj et nøgletal")
    fields = ["value", "label", "source_url", "order"]


@admin.register(KeyFigureBand)
class KeyFigureBandAdmin(TranslatedContentAdmin):
    list_display = ["heading", "valid_month", "valid_year", "status"]
    list_filter = ["status"]
    search_fields = ["heading_da", "heading_en"]
    inlines = [KeyFigureInline]
    fieldsets = [(None, {"fields": ["heading", "status", ("valid_month", "valid_year")]})]
