"""Demo content of the theme pages: "Det boligsociale arbejde i bevægelse"."""

from portal.demo import read, upsert
from portal.models import Person
from projects.models import ResearchProject
from themes.models import Section, SectionItem, Theme


def person(slug: str | None) -> Person | None:
    return Person.objects.get(slug=slug) if slug else None


def load() -> dict[str, int]:
    counts = {"themes": 0, "sections": 0, "items": 0}
    for row in read("themes.json"):
        sections = row.pop("sections")
        projects = row.pop("projects")
        theme = upsert(Theme, "slug", {**row, "contact": person(row["contact"])})
        theme.projects.set(ResearchProject.objects.filter(slug__in=projects))
        theme.sections.exclude(anchor__in=[s["anchor"] for s in sections]).delete()
        for order, section_row in enumerate(sections, start=1):
            items = section_row.pop("items")
            section, _created = Section.objects.update_or_create(
                theme=theme,
                anchor=section_row.pop("anchor"),
                defaults={
                    **section_row,
                    "order": order,
                    "contact": person(section_row["contact"]),
                },
            )
            section.items.exclude(order__in=range(1, len(items) + 1)).delete()
            for item_order, item_row in enumerate(items, start=1):
                SectionItem.objects.update_or_create(
                    section=section, order=item_order, defaults=item_row
                )
            counts["items"] += len(items)
        counts["sections"] += len(sections)
        counts["themes"] += 1
    return counts
