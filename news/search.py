from django.urls import reverse
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.translation import gettext

from news.models import SEARCH_FIELDS, NewsArticle
from portal.search import SearchGroup, SearchHit, matching_every_word


def search(text: str, limit: int) -> SearchGroup:
    """Search the published news: title, lead and body, in either language."""
    articles = NewsArticle.objects.published().filter(matching_every_word(text, SEARCH_FIELDS))
    return SearchGroup(
        label=gettext("Nyheder"),
        total=articles.count(),
        hits=[
            SearchHit(
                title=article.title,
                url=article.get_absolute_url(),
                summary=article.lead,
                meta=date_format(article.published_on, "DATE_FORMAT"),
            )
            for article in articles.defer("body", "body_da", "body_en")[:limit]
        ],
        more_url=f"{reverse('news:list')}?{urlencode({'q': text})}",
    )
