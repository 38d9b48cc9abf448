from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from films.models import Film
from portal.admin_base import TranslatedContentAdmin
from portal.models import PublishStatus


@admin.register(Film)
class FilmAdmin(TranslatedContentAdmin):
    list_display = ["title", "status", "provider", "duration"]
    list_filter = ["status", "provider", "on_overview"]
    search_fields = ["title_da", "title_en", "slug"]
    prepopulated_fields = {"slug": ["title_da"]}
    autocomplete_fields = ["themes", "research_projects", "activities"]
    list_per_page = 50
    save_on_top = True
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "slug",
                    "status",
                    "video_url",
                    "duration",
                    "description",
                    "on_overview",
                ]
            },
        ),
        (_("Transskription"), {"fields": ["transcript"]}),
        (_("Stillbillede"), {"fields": ["poster", "poster_alt"]}),
        (_("Relationer"), {"fields": ["themes", "research_projects", "activities"]}),
    ]

    def _set_status(self, request, queryset, status):
        """Publish only the films with a Danish transcript; say which were left as they were."""
        if status == PublishStatus.PUBLISHED:
            missing = [film for film in queryset if not film.has_danish_transcript]
            if missing:
                queryset = queryset.exclude(pk__in=[film.pk for film in missing])
                self.message_user(
                    request,
                    ngettext(
                        "%(titles)s blev ikke udgivet: filmen mangler en transskription på dansk.",
                        "%(titles)s blev ikke udgivet: filmene mangler en transskription på dansk.",
                        len(missing),
                    )
                    % {"titles": ", ".join(f"“{film.title}”" for film in missing)},
                    messages.ERROR,
                )
        super()._set_status(request, queryset, status)
