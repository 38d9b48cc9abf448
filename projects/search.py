from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext

from portal.models import language_columns
from portal.search import SearchGroup, SearchHit
from projects.models import ResearchProject


def search(text: str, limit: int) -> SearchGroup:
    projects = ResearchProject.objects.published().search(text)
    return SearchGroup.of(
        gettext("Nu undersøger vi"),
        projects.defer(*language_columns("body")),
        limit,
        lambda p: SearchHit(p.title, p.get_absolute_url(), summary=p.summary, meta=p.period),
        more_url=f"{reverse('projects:list')}?{urlencode({'q': text})}",
    )
