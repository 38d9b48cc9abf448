"""The home page: a block from each section, in a fixed number of queries."""

import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from tests.activities.factories import ActivityFactory, FocusAreaFactory, WelfareStepFactory
from tests.keyfigures.factories import KeyFigureBandFactory, KeyFigureFactory
from tests.news.factories import NewsArticleFactory
from tests.portal.factories import PersonFactory, TagFactory
from tests.projects.factories import ProjectFactory
from tests.themes.factories import ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("rows", [3, 30])
def test_home_query_count_does_not_grow_with_content(client, django_assert_num_queries, rows):
    people = PersonFactory.create_batch(2)
    tags = TagFactory.create_batch(3)
    steps = WelfareStepFactory.create_batch(3)
    area = FocusAreaFactory()
    for number in range(rows):
        ProjectFactory(contacts=people, tags=tags)
        ThemeFactory(contact=people[0])
        NewsArticleFactory(contacts=people, tags=tags)
        ActivityFactory(step=steps[number % 3], focus_areas=[area], tags=tags)
    KeyFigureFactory.create_batch(rows, band=KeyFigureBandFactory())
    cache.clear()  # cold: nothing stored, nothing rendered yet

    # The next publishing edge, read once per content version, then:
    # projects with their contacts and subjects, themes, welfare steps, the number of
    # activities, news with their subjects, the next events, the key-figures band and
    # its figures
    with django_assert_num_queries(12):
        response = client.get(reverse("portal:home"))

    assert response.status_code == 200
    section = r'<section class="home-section" aria-labelledby="([a-z-]+)"'
    sections = re.findall(section, response.text)
    # One block per section, in the order of INSTALLED_APPS; the staff block is the page's own.
    assert sections == [
        "home-projects",
        "home-themes",
        "home-activities",
        "home-news",
        "people-heading",
    ]


def test_home_blocks_are_rendered_once_per_content_version(client, django_assert_num_queries):
    ProjectFactory.create_batch(3, contacts=PersonFactory.create_batch(2))
    client.get(reverse("portal:home"))

    # A parameter the page does not use: not a stored page, but the blocks are stored.
    with django_assert_num_queries(0):
        client.get(reverse("portal:home"), {"utm_source": "nyhedsbrev"})

    ProjectFactory(title="Et nyt projekt")
    assert "Et nyt projekt" in client.get(reverse("portal:home")).text
