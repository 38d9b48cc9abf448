import factory

from portal.models import PublishStatus
from projects.models import ProjectContact, ResearchProject, ResearchStatus


class ProjectFactory(factory.django.DjangoModelFactory):
    """A published, ongoing project. ``contacts=[…]`` and ``tags=[…]`` add relations."""

    class Meta:
        model = ResearchProject
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Projekt {n}")
    slug = factory.Sequence(lambda n: f"projekt-{n}")
    summary = "Et kort resumé af projektet."
    body = "Første afsnit.\n\nAndet afsnit."
    status = PublishStatus.PUBLISHED
    research_status = ResearchStatus.ONGOING
    start_year = 2021
    end_year = 2023

    @factory.post_generation
    def contacts(self, create, people, **kwargs):
        for order, person in enumerate(people or [], start=1):
            ProjectContact.objects.create(project=self, person=person, order=order)

    @factory.post_generation
    def tags(self, create, tags, **kwargs):
        if tags:
            self.tags.add(*tags)
