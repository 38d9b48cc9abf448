"""50 themes of 20 sections each, with items in the typologies and process models."""

from portal.models import Person, PublishStatus
from projects.models import ResearchProject
from themes.models import Section, SectionItem, SectionKind, Theme

THEMES = 50
SECTIONS = 20
TEXT = (
    "<p>Kommuner og boligorganisationer drøfter, hvordan det boligsociale arbejde kan "
    "udvikles, finansieres og forankres lokalt, og hvilke roller medarbejderne skal have.</p>"
)


def load(rng) -> dict[str, int]:
    people = list(Person.objects.filter(slug__startswith="skala-person-"))
    projects = list(ResearchProject.objects.filter(slug__startswith="skalaprojekt-")[:200])
    themes = Theme.objects.bulk_create(
        [
            Theme(
                title_da=f"Skalatema {n}: boligsocialt arbejde i bevægelse",
                title_en=f"Scale theme {n}" if n % 2 else "",
                slug=f"skalatema-{n}",
                lead_da="Viden og inspiration til de lokale drøftelser.",
                intro_da=TEXT * 3,
                contact=rng.choice(people),
                status=PublishStatus.PUBLISHED,
                order=n,
            )
            for n in range(THEMES)
        ]
    )
    kinds = [SectionKind.TEXT, SectionKind.TYPOLOGY, SectionKind.PROCESS, SectionKind.TEXT]
    sections = Section.objects.bulk_create(
        [
            Section(
                theme=theme,
                heading_da=f"Afsnit {n}",
                anchor=f"afsnit-{n}",
                kind=kinds[n % len(kinds)],
                body_da=TEXT * 2,
                read_more_da=TEXT,
                order=n,
            )
            for theme in themes
            for n in range(SECTIONS)
        ]
    )
    SectionItem.objects.bulk_create(
        [
            SectionItem(
                section=section, title_da=f"Punkt {n}", body_da=TEXT, read_more_da=TEXT, order=n
            )
            for section in sections
            if section.kind != SectionKind.TEXT
            for n in range(4)
        ]
    )
    links = [
        Theme.projects.through(theme=theme, researchproject=project)
        for theme in themes
        for project in rng.sample(projects, 5)
    ]
    Theme.projects.through.objects.bulk_create(links)
    return {"themes": THEMES, "sections": THEMES * SECTIONS}
