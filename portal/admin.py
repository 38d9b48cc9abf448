from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag as TaggitTag

from portal.admin_base import ContentAdmin, TranslatedContentAdmin
from portal.models import Organisation, Person, Tag

# The site's subjects are portal.Tag; taggit's own tag table stays unused and out of sight.
admin.site.unregister(TaggitTag)

admin.site.site_header = _("Redaktion · Viden om boligsocialt arbejde")
admin.site.site_title = _("Redaktion")
admin.site.index_title = _("Indhold")


@admin.register(Person)
class PersonAdmin(TranslatedContentAdmin):
    list_display = ["name", "job_title", "email", "phone", "is_active", "project_count"]
    list_filter = ["is_active"]
    list_editable = ["is_active"]
    search_fields = ["name", "email", "job_title_da", "job_title_en"]
    prepopulated_fields = {"slug": ["name"]}
    fieldsets = [
        (None, {"fields": ["name", "slug", "job_title", "is_active", "order"]}),
        (_("Kontakt"), {"fields": ["phone", "email", "photo"]}),
        (_("Præsentation"), {"fields": ["bio"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_project_count=Count("project_links"))

    @admin.display(description=_("projekter"), ordering="_project_count")
    def project_count(self, person):
        return person._project_count


@admin.register(Organisation)
class OrganisationAdmin(ContentAdmin):
    list_display = ["name", "url"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Tag)
class TagAdmin(ContentAdmin):
    list_display = ["name", "name_en", "slug"]
    search_fields = ["name", "name_en"]
    prepopulated_fields = {"slug": ["name"]}
