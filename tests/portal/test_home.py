"""The home page: a block from each section, in a fixed number of queries."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from tests.activities.factories import ActivityFactory, FocusAreaFactory, WelfareStepFactory
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
    cache.clear()  # cold: nothing stored, nothing rendered yet

    # projects with their contacts and subjects, themes, welfare steps, the number of
    # activities, news with their subjects
    with django_assert_num_queries(8):
        response = client.get(reverse("portal:home"))

    assert response.status_code == 200
    assert [block["template"] for block in response.context["blocks"]] == [
        "projects/home_block.html",
        "themes/home_block.html",
        "activities/home_block.html",
        "news/home_block.html",
    ]
