import datetime

import factory

from news.models import NewsArticle
from portal.models import PublishStatus


class NewsArticleFactory(factory.django.DjangoModelFactory):
    """A published article dated in the past, one day older for each one made.

    ``contacts=[…]``, ``themes=[…]``, ``research_projects=[…]`` and ``tags=[…]`` add relations.
    """

    class Meta:
        model = NewsArticle
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Nyhed {n}")
    slug = factory.Sequence(lambda n: f"nyhed-{n}")
    published_on = factory.Sequence(lambda n: datetime.date(2021, 2, 15) - datetime.timedelta(n))
    lead = "En kort manchet om nyheden."
    body = "Første afsnit.\n\nAndet afsnit."
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

    @factory.post_generation
    def tags(self, create, tags, **kwargs):
        if tags:
            self.tags.add(*tags)
