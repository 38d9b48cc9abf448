"""The research projects in the site search (see portal.search.Provider)."""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from portal.models import language_columns
from portal.search import Provider, SearchHit
from projects.models import SEARCH_FIELDS, ResearchProject, people_or_subjects


def rows():
    return ResearchProject.objects.published().defer(*language_columns("body"))


def hit(project: ResearchProject) -> SearchHit:
    return SearchHit(project.title, project.get_absolute_url(), project.summary, project.period)


def more_url(text: str) -> str:
    return f"{reverse('projects:list')}?{urlencode({'q': text})}"


providers = [
    Provider(
        slug="projekter",
        label=_("Nu undersøger vi"),
        queryset=rows,
        fields=SEARCH_FIELDS,
        hit=hit,
        also=people_or_subjects,
        more_url=more_url,
        order=("-start_year", "title", "pk"),
    )
]
