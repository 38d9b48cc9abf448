"""News in the site search and the sitemap, and the benchmark data set."""

import datetime
import random

import pytest
from django.db.models import Count
from django.utils import timezone

from news import scale
from news.models import NewsArticle, TaggedArticle
from news.search import providers
from portal import scale as portal_scale
from portal.models import PublishStatus
from portal.search import group
from tests.news.factories import NewsArticleFactory
from tests.site.pages import sitemap_xml

pytestmark = pytest.mark.django_db


def test_site_search_finds_published_news_by_title_lead_and_body(client):
    NewsArticleFactory(
        title="Nye veje",
        lead="Om finansiering.",
        body="<p>Partnerskaber med politiet.</p>",
        published_on=datetime.date(2021, 2, 15),
    )
    NewsArticleFactory(title="Politiet i kladden", status=PublishStatus.DRAFT)

    response = client.get("/soeg/", {"q": "politiet"})

    assert response.status_code == 200
    assert "Nye veje" in response.text
    assert "Politiet i kladden" not in response.text
    assert "15. februar 2021" in response.text


def test_search_group_counts_and_links_to_the_filtered_list():
    NewsArticleFactory.create_batch(3, title="Renovering og praktikpladser")

    found = group(providers[0], "renovering", size=2)

    assert found.label == "Nyheder"
    assert found.total == 3
    assert len(found.hits) == 2
    assert found.more_url == "/nyheder/?q=renovering"


def test_sitemap_lists_the_news_list_and_each_public_article(client):
    visible = NewsArticleFactory(slug="synlig")
    NewsArticleFactory(slug="kladde", status=PublishStatus.DRAFT)
    NewsArticleFactory(slug="senere", published_on=timezone.localdate() + datetime.timedelta(1))

    xml = sitemap_xml(client)

    assert "/nyheder/</loc>" in xml
    assert f"{visible.get_absolute_url()}</loc>" in xml
    assert "/en/nyheder/synlig/" in xml
    assert "/nyheder/kladde/" not in xml
    assert "/nyheder/senere/" not in xml


def test_scale_data_has_5000_public_articles_with_two_or_three_subjects_each():
    rng = random.Random(1)
    portal_scale.load(rng)

    assert scale.load(rng) == {"news articles": 5000}

    assert NewsArticle.objects.published().count() == 5000
    per_article = set(
        NewsArticle.objects.annotate(n=Count("tagged_items")).values_list("n", flat=True)
    )
    assert per_article == {2, 3}
    assert TaggedArticle.objects.filter(tag__slug__startswith="skalaemne-").count() > 10000
    oldest = NewsArticle.objects.order_by("published_on").first().published_on
    assert (timezone.localdate() - oldest).days <= 3650
