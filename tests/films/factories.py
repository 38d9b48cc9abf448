import datetime

import factory

from films.models import Film
from portal.models import PublishStatus


class FilmFactory(factory.django.DjangoModelFactory):
    """A published YouTube film with a Danish transcript.

    ``themes=[…]``, ``research_projects=[…]`` and ``activities=[…]`` add relations.
    """

    class Meta:
        model = Film
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Film {n}")
    slug = factory.Sequence(lambda n: f"film-{n}")
    video_url = factory.Sequence(
        lambda n: f"https://www.youtube.com/watch?v=eksempel{n % 1000:03d}"
    )
    duration = datetime.timedelta(minutes=4, seconds=30)
    description = "<p>En kort film om boligsocialt arbejde.</p>"
    transcript = "<p>Fortæller: Velkommen til filmen.</p>"
    status = PublishStatus.PUBLISHED

    @factory.post_generation
    def themes(self, create, themes, **kwargs):
        if themes:
            self.themes.add(*themes)

    @factory.post_generation
    def research_projects(self, create, projects, **kwargs):
        if projects:
            self.research_projects.add(*projects)

    @factory.post_generation
    def activities(self, create, activities, **kwargs):
        if activities:
            self.activities.add(*activities)
