from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.http import urlencode
from django.utils.text import Truncator
from django.utils.translation import gettext

from films.models import Film
from portal.models import language_columns
from portal.search import SearchGroup, SearchHit


def hit(film: Film) -> SearchHit:
    summary = Truncator(strip_tags(film.description)).words(40)
    return SearchHit(film.title, film.get_absolute_url(), summary=summary, meta=film.duration_label)


def search(text: str, limit: int) -> SearchGroup:
    """Search the published films: title, description and transcript, in either language."""
    films = Film.objects.published().search(text)
    return SearchGroup.of(
        gettext("Film"),
        films.defer(*language_columns("transcript")),
        limit,
        hit,
        more_url=f"{reverse('films:list')}?{urlencode({'q': text})}",
    )
