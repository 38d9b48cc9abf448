"""What the themes app adds to the content health page (see portal.health)."""

from portal.health import LinkSource, label_column, rich_text_columns
from themes.models import Section, SectionItem, Theme


def link_sources() -> list[LinkSource]:
    """The sections and items of published themes: their links are corrected in the
    theme's form, so each finding names the theme."""
    published = Theme.objects.published()
    label = label_column(Theme)
    return [
        LinkSource(
            Theme,
            Section.objects.filter(theme__in=published),
            rich_text_columns(Section),
            "theme_id",
            f"theme__{label}",
        ),
        LinkSource(
            Theme,
            SectionItem.objects.filter(section__theme__in=published),
            rich_text_columns(SectionItem),
            "section__theme_id",
            f"section__theme__{label}",
        ),
    ]
