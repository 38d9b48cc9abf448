from django.contrib import admin
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from news.models import NewsArticle, TaggedArticle
from portal.admin_base import TranslatedContentAdmin


@admin.register(NewsArticle)
class NewsArticleAdmin(TranslatedContentAdmin):
    list_display = ["title", "published_on", "status", "tag_names"]
    list_filter = ["status", "published_on", ("tags", admin.RelatedOnlyFieldListFilter)]
    date_hierarchy = "published_on"
    search_fields = ["title_da", "title_en", "lead_da", "lead_en", "slug", "tags__name"]
    prepopulated_fields = {"slug": ["title_da"]}
    autocomplete_fields = ["contacts", "themes", "research_projects"]
    list_per_page = 50
    save_on_top = True
    fieldsets = [
        (None, {"fields": ["title", "slug", "status", "published_on", "lead", "body"]}),
        (_("Billede"), {"fields": ["image", "image_alt"]}),
        (_("Relationer"), {"fields": ["contacts", "themes", "research_projects", "tags"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related(
                Prefetch(
                    "tagged_items",
                    queryset=TaggedArticle.objects.select_related("tag").order_by("tag__name"),
                    to_attr="tag_links",
                )
            )
        )

    @admin.display(description=_("emner"))
    def tag_names(self, article):
        return ", ".join(tag.name for tag in article.subjects)
