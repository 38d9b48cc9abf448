from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from events.models import themes_with_event_counts, years_with_event_counts
from portal.cache import cached_by_content
from portal.filters import ListFilterSet, Option, SlugChoiceFilter


def themes() -> dict[str, Option]:
    found = cached_by_content("events:themes", themes_with_event_counts)
    english = get_language() == "en"
    return {
        theme["slug"]: Option(
            theme["pk"],
            (english and theme["title_en"]) or theme["title_da"],
            theme["event_count"],
        )
        for theme in found
    }


def years() -> dict[str, Option]:
    found = cached_by_content("events:years", years_with_event_counts)
    return {str(y["year"]): Option(y["year"], str(y["year"]), y["event_count"]) for y in found}


class EventFilterSet(ListFilterSet):
    """The filters of "Arrangementer": ``?tema=<theme slug>`` and ``?aar=<year>``."""

    tema = SlugChoiceFilter(
        themes,
        "about_theme",
        _("Tema"),
        _("Alle temaer"),
        _("Vi kender ikke temaet “%(value)s”. Vælg et fra listen."),
    )
    aar = SlugChoiceFilter(
        years,
        "from_year",
        _("År"),
        _("Alle år"),
        _("Vi har ingen arrangementer fra året “%(value)s”. Vælg et år fra listen."),
    )

    search_label = _("Søg i arrangementerne")
