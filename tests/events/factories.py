import datetime

import factory

from events.models import Event
from portal.models import PublishStatus


class EventFactory(factory.django.DjangoModelFactory):
    """A published event from 10:00 to 12:00 on a day in 2030, one day later for each one.

    ``contacts=[…]``, ``themes=[…]`` and ``research_projects=[…]`` add relations.
    """

    class Meta:
        model = Event
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Arrangement {n}")
    slug = factory.Sequence(lambda n: f"arrangement-{n}")
    start_date = factory.Sequence(lambda n: datetime.date(2030, 2, 15) + datetime.timedelta(n))
    start_time = datetime.time(10)
    end_time = datetime.time(12)
    place = "Online"
    description = "<p>Et arrangement om boligsocialt arbejde.</p>"
    status = PublishStatus.PUBLISHED

    @factory.post_generation
    def contacts(self, create, people, **kwargs):
        if people:
            self.contacts.add(*people)

    @factory.post_generation
    def themes(self, create, themes, **kwargs):
        if themes:
            self.themes.add(*themes)

    @factory.post_generation
    def research_projects(self, create, projects, **kwargs):
        if projects:
            self.research_projects.add(*projects)
