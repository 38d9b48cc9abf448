"""A news item held back by its date says when it goes live, like any scheduled item."""

import datetime

import pytest
from django.utils import timezone

from portal.models import PublishStatus
from tests.news.factories import NewsArticleFactory

pytestmark = pytest.mark.django_db


def local(day: datetime.date, hour: int = 0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def test_a_news_item_dated_tomorrow_goes_live_at_midnight():
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    article = NewsArticleFactory(status=PublishStatus.PUBLISHED, published_on=tomorrow)

    assert article.publishing_state() == "scheduled"
    assert article.goes_live_at() == local(tomorrow)
    assert "kl. 0.00" in article.publishing_state_label()


def test_the_later_of_its_date_and_its_window_is_when_it_goes_live():
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    later = tomorrow + datetime.timedelta(days=1)
    article = NewsArticleFactory(
        status=PublishStatus.PUBLISHED, published_on=later, publish_from=local(tomorrow, 9)
    )

    assert article.goes_live_at() == local(later)
