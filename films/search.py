"""The films in the site search (see portal.search.Provider)."""

from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.http import urlencode
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from films.models import SEARCH_FIELDS, Film
from portal.models import language_columns
from portal.search import Provider, SearchHit


def rows():
    return Film.objects.published().defer(*language_columns("transcript"))


def hit(film: Film) -> SearchHit:
    summary = Truncator(strip_tags(film.description)).words(40)
    return SearchHit(film.title, film.get_absolute_url(), summary=summary, meta=film.duration_label)


def more_url(text: str) -> str:
    return f"{reverse('films:list')}?{urlencode({'q': text})}"


providers = [
    Provider(
        slug="film",
        label=_("Film"),
        queryset=rows,
        fields=SEARCH_FIELDS,
        hit=hit,
        more_url=more_url,
        order=("title", "pk"),
    )
]
