from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from activities.models import (
    Activity,
    ActivityForm,
    FocusArea,
    Method,
    Overview,
    Source,
    TargetGroup,
    WelfareStep,
)
from portal.admin_base import OneRowAdminMixin, TranslatedContentAdmin
from portal.admin_inlines import TabularInline


class TermAdmin(TranslatedContentAdmin):
    """The words of the catalogue. Their wording follows the political agreements."""

    list_display = ["name", "slug", "order", "activity_count"]
    list_editable = ["order"]
    search_fields = ["name_da", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name_da"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_activity_count=Count("activities"))

    @admin.display(description=_("aktiviteter"), ordering="_activity_count")
    def activity_count(self, term):
        return term._activity_count


@admin.register(FocusArea)
class FocusAreaAdmin(TermAdmin):
    search_fields = [*TermAdmin.search_fields, "goal_da", "goal_en"]
    fields = ["name", "slug", "order", "goal"]


@admin.register(WelfareStep)
class WelfareStepAdmin(TermAdmin):
    search_fields = [*TermAdmin.search_fields, "description_da", "description_en"]
    fields = ["name", "slug", "order", "description", "realistic_goal"]


@admin.register(ActivityForm)
class ActivityFormAdmin(TermAdmin):
    pass


@admin.register(TargetGroup)
class TargetGroupAdmin(TermAdmin):
    pass


@admin.register(Method)
class MethodAdmin(TermAdmin):
    pass


class SourceInline(TabularInline):
    model = Source
    add_text = _("Tilføj en kilde")
    fields = ["title", "publisher", "year", "url", "order"]


@admin.register(Activity)
class ActivityAdmin(TranslatedContentAdmin):
    list_display = ["name", "step", "focus_area_names", "status", "tag_names", "updated_at"]
    list_filter = ["status", "step", "focus_areas", "forms", "target_groups", "methods"]
    list_select_related = ["step"]
    search_fields = [
        "name_da",
        "name_en",
        "summary_da",
        "summary_en",
        "slug",
        "tags__name",
    ]
    prepopulated_fields = {"slug": ["name_da"]}
    autocomplete_fields = [
        "focus_areas",
        "forms",
        "target_groups",
        "methods",
        "research_projects",
    ]
    inlines = [SourceInline]
    list_per_page = 50
    save_on_top = True
    fieldsets = [
        (None, {"fields": ["name", "slug", "status", "summary"]}),
        (
            _("Placering i kataloget"),
            {
                "fields": [
                    "step",
                    "focus_areas",
                    "forms",
                    "target_groups",
                    "methods",
                    "tags",
                ]
            },
        ),
        (
            _("Beskrivelse"),
            {
                "description": _(
                    "De faste afsnit vises i denne rækkefølge på aktivitetens side, hvert "
                    "under sin egen overskrift. Mellemrubrikker i teksten bliver derfor "
                    "underoverskrifter til afsnittets overskrift."
                ),
                "fields": [
                    "target_group_text",
                    "method_text",
                    "implementation",
                    "evidence",
                    "economy",
                    "text_is_example",
                ],
            },
        ),
        (_("Forskning"), {"fields": ["research_projects"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("focus_areas", "tags")

    @admin.display(description=_("indsatsområder"))
    def focus_area_names(self, activity):
        return ", ".join(area.name for area in activity.focus_areas.all())

    @admin.display(description=_("emner"))
    def tag_names(self, activity):
        return ", ".join(tag.name for tag in activity.tags.all())


@admin.register(Overview)
class OverviewAdmin(OneRowAdminMixin, TranslatedContentAdmin):
    """The texts of "Hvad er boligsociale indsatser?". The focus areas, the figures and
    the film have their own admin pages."""

    fields = ["title", "lead", "body", "areas_intro"]
