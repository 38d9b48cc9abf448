from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext

from portal.search import SearchGroup, SearchHit
from projects.models import ResearchProject


def search(text: str, limit: int) -> SearchGroup:
    projects = ResearchProject.objects.published().search(text)
    return SearchGroup(
        label=gettext("Nu undersøger vi"),
        total=projects.count(),
        hits=[
            SearchHit(title=p.title, url=p.get_absolute_url(), summary=p.summary, meta=p.period)
            for p in projects.defer("body", "body_da", "body_en")[:limit]
        ],
        more_url=f"{reverse('projects:list')}?{urlencode({'q': text})}",
    )
