"""The themes in the site search, their sections and items included (portal.search)."""

from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from portal.search import Field, Provider, SearchHit, word_matches
from themes.models import Section, SectionItem, Theme

# The searched fields and their weights; themes/migrations/0005 stores them as vectors.
THEME_FIELDS = (Field("title", "A"), Field("lead", "B"), Field("intro", "C", html=True))
SECTION_FIELDS = (
    Field("heading", "B"),
    Field("body", "C", html=True),
    Field("read_more", "C", html=True),
)
ITEM_FIELDS = (
    Field("title", "B"),
    Field("body", "C", html=True),
    Field("read_more", "C", html=True),
)


def in_sections(word: str) -> Q:
    """A word also matches a theme through the text of one of its sections or items."""
    sections = Section.objects.filter(theme=OuterRef("pk")).filter(
        word_matches(word, SECTION_FIELDS)
    )
    items = SectionItem.objects.filter(section__theme=OuterRef("pk")).filter(
        word_matches(word, ITEM_FIELDS)
    )
    return Q(Exists(sections)) | Q(Exists(items))


def hit(theme: Theme) -> SearchHit:
    return SearchHit(theme.title, theme.get_absolute_url(), summary=theme.lead)


providers = [
    Provider(
        slug="temaer",
        label=_("Temaer"),
        queryset=lambda: Theme.objects.published(),
        fields=THEME_FIELDS,
        hit=hit,
        also=in_sections,
        order=("title", "pk"),
    )
]
