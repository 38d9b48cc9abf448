"""The list of news at /nyheder/: newest first, filtered by subject and year."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from portal.models import PublishStatus
from tests.news.factories import NewsArticleFactory
from tests.portal.factories import TagFactory

pytestmark = pytest.mark.django_db

LIST_URL = reverse("news:list")


def titles(response) -> list[str]:
    return [article.title for article in response.context["articles"]]


@pytest.fixture
def subjects():
    return {
        "finansiering": TagFactory(name="finansiering", slug="finansiering"),
        "renovering": TagFactory(name="renovering", slug="renovering"),
    }


def test_main_navigation_links_to_the_news(client):
    response = client.get(reverse("portal:home"))

    assert f'href="{LIST_URL}"' in response.text
    assert ">Nyheder</a>" in response.text


def test_visitor_sees_the_newest_news_first_with_danish_dates(client):
    NewsArticleFactory(title="Ældst", published_on=datetime.date(2020, 11, 3))
    NewsArticleFactory(title="Nyest", published_on=datetime.date(2022, 1, 10))
    NewsArticleFactory(title="Interview", published_on=datetime.date(2021, 2, 15))

    response = client.get(LIST_URL)

    assert response.status_code == 200
    assert titles(response) == ["Nyest", "Interview", "Ældst"]
    assert '<time datetime="2021-02-15">15. februar 2021</time>' in response.text
    assert "3 nyheder" in response.text


def test_each_item_links_to_the_article_and_shows_its_lead(client):
    article = NewsArticleFactory(title="Nyt katalog", lead="Kataloget er opdateret.")

    response = client.get(LIST_URL)

    assert f'<a href="{article.get_absolute_url()}">Nyt katalog</a>' in response.text
    assert "Kataloget er opdateret." in response.text


def test_drafts_and_future_dated_news_are_hidden_from_visitors(client):
    NewsArticleFactory(title="Synlig")
    NewsArticleFactory(title="Kladde", status=PublishStatus.DRAFT)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    NewsArticleFactory(title="Planlagt", published_on=tomorrow)

    response = client.get(LIST_URL)

    assert titles(response) == ["Synlig"]
    assert "Planlagt" not in response.text
    assert "1 nyhed" in response.text


def test_news_dated_today_are_shown(client):
    NewsArticleFactory(title="I dag", published_on=timezone.localdate())

    assert titles(client.get(LIST_URL)) == ["I dag"]


def test_visitor_filters_by_subject(client, subjects):
    NewsArticleFactory(title="Penge", tags=[subjects["finansiering"]])
    NewsArticleFactory(title="Byggeri", tags=[subjects["renovering"]])

    response = client.get(LIST_URL, {"emne": "finansiering"})

    assert titles(response) == ["Penge"]
    assert "1 nyhed" in response.text


def test_visitor_filters_by_year(client):
    NewsArticleFactory(title="2021", published_on=datetime.date(2021, 2, 15))
    NewsArticleFactory(title="2022", published_on=datetime.date(2022, 3, 1))

    response = client.get(LIST_URL, {"aar": "2021"})

    assert titles(response) == ["2021"]


def test_subject_and_year_combine(client, subjects):
    money = subjects["finansiering"]
    NewsArticleFactory(title="A", published_on=datetime.date(2021, 2, 15), tags=[money])
    NewsArticleFactory(title="B", published_on=datetime.date(2022, 2, 15), tags=[money])
    NewsArticleFactory(title="C", published_on=datetime.date(2021, 5, 1))

    response = client.get(LIST_URL, {"emne": "finansiering", "aar": "2021"})

    assert titles(response) == ["A"]


def test_filter_choices_count_only_what_visitors_can_see(client, subjects):
    money = subjects["finansiering"]
    NewsArticleFactory(published_on=datetime.date(2021, 2, 15), tags=[money])
    NewsArticleFactory(published_on=datetime.date(2021, 3, 1), tags=[money])
    NewsArticleFactory(published_on=datetime.date(2019, 3, 1), status=PublishStatus.DRAFT)
    NewsArticleFactory(published_on=timezone.localdate() + datetime.timedelta(days=400))

    response = client.get(LIST_URL)

    assert '<option value="finansiering">finansiering (2)</option>' in response.text
    assert '<option value="2021">2021 (2)</option>' in response.text
    assert 'value="2019"' not in response.text
    assert 'value="renovering"' not in response.text


def test_active_filters_are_shown_and_each_can_be_removed(client, subjects):
    NewsArticleFactory(published_on=datetime.date(2021, 2, 15), tags=[subjects["finansiering"]])

    response = client.get(LIST_URL, {"emne": "finansiering", "aar": "2021"})

    chips = {chip["label"]: chip["remove_url"] for chip in response.context["active_filters"]}
    assert chips == {"Emne": f"{LIST_URL}?aar=2021", "År": f"{LIST_URL}?emne=finansiering"}
    assert f'href="{LIST_URL}?aar=2021"' in response.text
    assert "Emne: finansiering" in response.text


def test_removing_the_last_filter_leads_back_to_the_whole_list(client, subjects):
    NewsArticleFactory(tags=[subjects["finansiering"]])

    response = client.get(LIST_URL, {"emne": "finansiering"})

    assert response.context["active_filters"][0]["remove_url"] == LIST_URL


def test_subjects_on_an_item_link_to_the_filtered_list(client, subjects):
    NewsArticleFactory(tags=[subjects["renovering"]])

    response = client.get(LIST_URL)

    assert f'href="{LIST_URL}?emne=renovering"' in response.text


def test_an_empty_result_says_so_and_offers_to_clear_the_filters(client, subjects):
    NewsArticleFactory(published_on=datetime.date(2022, 1, 1), tags=[subjects["finansiering"]])
    NewsArticleFactory(published_on=datetime.date(2021, 1, 1))

    response = client.get(LIST_URL, {"emne": "finansiering", "aar": "2021"})

    assert "Ingen nyheder passer til dit valg." in response.text
    assert "Ryd alle filtre og se alle nyheder" in response.text
    assert "0 nyheder" in response.text


def test_no_news_at_all_gives_a_friendly_empty_state(client):
    response = client.get(LIST_URL)

    assert response.status_code == 200
    assert "Der er ingen nyheder endnu." in response.text
    assert "Ryd alle filtre" not in response.text


def test_twelve_news_per_page_and_pagination_keeps_the_filters(client, subjects):
    NewsArticleFactory.create_batch(
        15, published_on=datetime.date(2021, 6, 1), tags=[subjects["finansiering"]]
    )
    NewsArticleFactory(published_on=datetime.date(2021, 6, 1))

    first = client.get(LIST_URL, {"emne": "finansiering", "aar": "2021"})
    second = client.get(LIST_URL, {"emne": "finansiering", "aar": "2021", "page": "2"})

    assert len(first.context["articles"]) == 12
    assert 'href="?emne=finansiering&amp;aar=2021&amp;page=2"' in first.text
    assert len(second.context["articles"]) == 3
    assert "15 nyheder" in second.text


def test_visitor_searches_the_news_text(client):
    NewsArticleFactory(title="Finansiering", body="Nye partnerskaber med politiet.")
    NewsArticleFactory(title="Renovering", lead="Praktikpladser i byggeriet.")

    assert titles(client.get(LIST_URL, {"q": "politiet"})) == ["Finansiering"]
    assert titles(client.get(LIST_URL, {"q": "praktikpladser byggeriet"})) == ["Renovering"]


@pytest.mark.parametrize("rows", [3, 30])
@pytest.mark.parametrize("query", [{}, {"emne": "fast", "aar": "2021"}])
def test_list_query_count_does_not_grow_with_news(client, django_assert_num_queries, rows, query):
    tags = [TagFactory(name="fast", slug="fast"), *TagFactory.create_batch(2)]
    for _ in range(rows):
        NewsArticleFactory(published_on=datetime.date(2021, 5, 5), tags=tags)

    # The next publishing edge, read once per content version, then:
    # subject choices, year choices, count, page, subjects of the page
    with django_assert_num_queries(6):
        response = client.get(LIST_URL, query)

    assert response.status_code == 200
    assert len(response.context["articles"]) == min(rows, 12)
