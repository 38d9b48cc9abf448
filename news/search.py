"""The news in the site search (see portal.search.Provider)."""

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from news.models import SEARCH_FIELDS, NewsArticle
from portal.models import language_columns
from portal.search import Provider, SearchHit


def rows():
    return NewsArticle.objects.published().defer(*language_columns("body"))


def hit(article: NewsArticle) -> SearchHit:
    meta = date_format(article.published_on, "DATE_FORMAT")
    return SearchHit(article.title, article.get_absolute_url(), summary=article.lead, meta=meta)


def more_url(text: str) -> str:
    return f"{reverse('news:list')}?{urlencode({'q': text})}"


providers = [
    Provider(
        slug="nyheder",
        label=_("Nyheder"),
        queryset=rows,
        fields=SEARCH_FIELDS,
        hit=hit,
        more_url=more_url,
        order=("-published_on", "pk"),
    )
]
