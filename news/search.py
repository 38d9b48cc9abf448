from django.urls import reverse
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.translation import gettext

from news.models import NewsArticle
from portal.models import language_columns
from portal.search import SearchGroup, SearchHit


def hit(article: NewsArticle) -> SearchHit:
    meta = date_format(article.published_on, "DATE_FORMAT")
    return SearchHit(article.title, article.get_absolute_url(), summary=article.lead, meta=meta)


def search(text: str, limit: int) -> SearchGroup:
    """Search the published news: title, lead and body, in either language."""
    articles = NewsArticle.objects.published().search(text)
    return SearchGroup.of(
        gettext("Nyheder"),
        articles.defer(*language_columns("body")),
        limit,
        hit,
        more_url=f"{reverse('news:list')}?{urlencode({'q': text})}",
    )
