from django.contrib import admin
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from portal.admin_base import TranslatedContentAdmin
from portal.admin_inlines import TabularInline
from projects.models import ProjectContact, ResearchProject


class ProjectContactInline(TabularInline):
    model = ProjectContact
    min_num = 1
    autocomplete_fields = ["person"]
    fields = ["person", "order"]
    verbose_name = _("kontaktperson")
    verbose_name_plural = _("kontaktpersoner (den første er hovedkontakt)")
    add_text = _("Tilføj endnu en kontaktperson")


@admin.register(ResearchProject)
class ResearchProjectAdmin(TranslatedContentAdmin):
    list_display = ["title", "research_status", "status", "period", "contact_names", "tag_names"]
    list_filter = [
        "status",
        "research_status",
        "contacts",
        ("tags", admin.RelatedOnlyFieldListFilter),
    ]
    search_fields = ["title_da", "title_en", "summary_da", "contacts__name", "tags__name"]
    prepopulated_fields = {"slug": ["title_da"]}
    autocomplete_fields = ["partners"]
    inlines = [ProjectContactInline]
    date_hierarchy = None
    list_per_page = 50
    save_on_top = True
    fieldsets = [
        (None, {"fields": ["title", "slug", "status", "summary", "body"]}),
        (
            _("Projekt"),
            {"fields": ["research_status", "start_year", "end_year", "partners", "tags"]},
        ),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related(
                "tags",
                Prefetch(
                    "contact_links",
                    queryset=ProjectContact.objects.select_related("person").order_by("order"),
                ),
            )
        )

    @admin.display(description=_("periode"))
    def period(self, project):
        return project.period

    @admin.display(description=_("kontakt"))
    def contact_names(self, project):
        return ", ".join(link.person.name for link in project.contact_links.all())

    @admin.display(description=_("emner"))
    def tag_names(self, project):
        return ", ".join(tag.name for tag in project.tags.all())
