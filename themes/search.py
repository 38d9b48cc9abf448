from django.db.models import Exists, OuterRef
from django.utils.translation import gettext

from portal.search import SearchGroup, SearchHit, matching_every_word
from themes.models import Section, Theme


def search(text: str, limit: int) -> SearchGroup:
    """Search the published themes: their own text and every section's text."""
    in_sections = Section.objects.filter(theme=OuterRef("pk")).filter(
        matching_every_word(text, ["heading*", "body*", "read_more*"])
    )
    themes = Theme.objects.published().filter(
        matching_every_word(text, ["title*", "lead*", "intro*"]) | Exists(in_sections)
    )
    return SearchGroup.of(
        gettext("Temaer"),
        themes,
        limit,
        lambda theme: SearchHit(theme.title, theme.get_absolute_url(), summary=theme.lead),
    )
