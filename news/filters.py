from django.utils.translation import gettext_lazy as _

from news.models import tags_with_article_counts, years_with_article_counts
from portal.cache import cached_by_content
from portal.filters import ListFilterSet, Option, SlugChoiceFilter, SubjectFilter, subject_options


def subjects() -> dict[str, Option]:
    tags = cached_by_content("news:tags", tags_with_article_counts)
    return subject_options(tags, "article_count")


def years() -> dict[str, Option]:
    years = cached_by_content("news:years", years_with_article_counts)
    return {str(y["year"]): Option(y["year"], str(y["year"]), y["article_count"]) for y in years}


class NewsFilterSet(ListFilterSet):
    """The filters of "Nyheder"."""

    emne = SubjectFilter(subjects)
    aar = SlugChoiceFilter(
        years,
        "from_year",
        _("År"),
        _("Alle år"),
        _("Vi har ingen nyheder fra året “%(value)s”. Vælg et år fra listen."),
    )

    search_label = _("Søg i nyhederne")
