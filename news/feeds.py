"""The Atom feed of "Nyheder", whole or filtered like the list (``?emne=``, ``?aar=``)."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from news.filters import NewsFilterSet
from news.models import NewsArticle
from portal.feeds import ListFeed
from portal.models import language_columns


class NewsFeed(ListFeed):
    model = NewsArticle
    filterset_class = NewsFilterSet
    list_url_name = "news:list"
    feed_title = _("Nyheder")
    subtitle = _("Nyt fra centret om boligsocialt arbejde.")
    item_order = ("-published_on", "-pk")

    def items(self, filterset):
        return super().items(filterset).defer(*language_columns("body"))

    def item_summary(self, article) -> str:
        return article.lead

    def item_pubdate(self, article) -> datetime.datetime:
        """The article's date (local midnight), or its "vises fra" when that is later."""
        day = timezone.make_aware(
            datetime.datetime.combine(article.published_on, datetime.time.min)
        )
        return max(day, article.publish_from) if article.publish_from else day
