import factory

from portal.models import PublishStatus
from themes.models import Section, SectionItem, SectionKind, Theme


class ThemeFactory(factory.django.DjangoModelFactory):
    """A published theme. ``projects=[…]`` links research projects."""

    class Meta:
        model = Theme
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Tema {n}")
    slug = factory.Sequence(lambda n: f"tema-{n}")
    lead = "En kort manchet om temaet."
    intro = "Indledningen til temaet."
    status = PublishStatus.PUBLISHED

    @factory.post_generation
    def projects(self, create, projects, **kwargs):
        if projects:
            self.projects.add(*projects)


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    theme = factory.SubFactory(ThemeFactory)
    heading = factory.Sequence(lambda n: f"Afsnit {n}")
    kind = SectionKind.TEXT
    body = "Afsnittets tekst."
    order = factory.Sequence(lambda n: n)


class SectionItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SectionItem

    section = factory.SubFactory(SectionFactory)
    title = factory.Sequence(lambda n: f"Punkt {n}")
    body = "Punktets tekst."
    read_more = "Uddybning af punktet."
    order = factory.Sequence(lambda n: n)
