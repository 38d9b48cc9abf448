from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from events.models import Event
from portal.admin_base import TranslatedContentAdmin


@admin.register(Event)
class EventAdmin(TranslatedContentAdmin):
    list_display = ["title", "start_date", "start_time", "place", "status"]
    list_filter = ["status", "start_date", ("themes", admin.RelatedOnlyFieldListFilter)]
    date_hierarchy = "start_date"
    search_fields = ["title_da", "title_en", "lead_da", "lead_en", "place", "slug"]
    prepopulated_fields = {"slug": ["title_da"]}
    autocomplete_fields = ["contacts", "themes", "research_projects"]
    list_per_page = 50
    save_on_top = True
    fieldsets = [
        (None, {"fields": ["title", "slug", "status", "lead", "description"]}),
        (
            _("Tid og sted"),
            {
                "description": _(
                    "Dansk tid. Lad tidspunkterne stå tomme for et heldagsarrangement."
                ),
                "fields": [("start_date", "start_time"), ("end_date", "end_time"), "place"],
            },
        ),
        (_("Tilmelding"), {"fields": ["signup_url", "signup_deadline"]}),
        (_("Relationer"), {"fields": ["contacts", "themes", "research_projects"]}),
    ]
