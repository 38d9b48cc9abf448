"""Rich text written past save() (a bulk update, loaddata, a data migration) cannot run.

Saves sanitise; pages sanitise once more as they print (the ``rich_text`` filter).
"""

import re

import pytest

from activities.models import Activity, Overview
from events.models import Event
from films.models import Film
from news.models import NewsArticle
from projects.models import ResearchProject
from tests.activities.factories import ActivityFactory, OverviewFactory
from tests.events.factories import EventFactory
from tests.films.factories import FilmFactory
from tests.news.factories import NewsArticleFactory
from tests.projects.factories import ProjectFactory
from tests.themes.factories import SectionFactory, SectionItemFactory, ThemeFactory
from themes.models import Section, SectionItem, Theme

pytestmark = pytest.mark.django_db

HOSTILE = (
    '<p onclick="alert(1)">Synlig tekst</p><script>alert(2)</script>'
    '<a href="javascript:alert(3)">klik</a><img src=x onerror="alert(4)">'
)


def section_item():
    item = SectionItemFactory(section=SectionFactory(theme=ThemeFactory()))
    return item, item.section.theme


WRITTEN_PAST_SAVE = [
    (lambda: (p := ProjectFactory(), p), ResearchProject, "body_da"),
    (lambda: (a := NewsArticleFactory(), a), NewsArticle, "body_da"),
    (lambda: (t := ThemeFactory(), t), Theme, "intro_da"),
    (lambda: ((s := SectionFactory(theme=ThemeFactory())), s.theme), Section, "body_da"),
    (lambda: ((s := SectionFactory(theme=ThemeFactory())), s.theme), Section, "read_more_da"),
    (section_item, SectionItem, "body_da"),
    (lambda: (a := ActivityFactory(), a), Activity, "method_text_da"),
    (lambda: (o := OverviewFactory(), o), Overview, "body_da"),
    (lambda: (e := EventFactory(), e), Event, "description_da"),
    (lambda: (f := FilmFactory(), f), Film, "transcript_da"),
]


@pytest.mark.parametrize(("make", "model", "column"), WRITTEN_PAST_SAVE)
def test_hostile_text_written_by_a_bulk_update_never_reaches_the_page(client, make, model, column):
    row, page = make()
    model.objects.filter(pk=row.pk).update(**{column: HOSTILE})

    html = client.get(page.get_absolute_url()).text
    # JSON-LD is data, not markup: its text (escaped, tested in test_head_tags) may
    # mention what a link pointed to.
    html = re.sub(r'<script type="application/ld\+json">.*?</script>', "", html, flags=re.S)

    assert "Synlig tekst" in html
    assert "<script>alert" not in html
    assert "onclick" not in html and "onerror" not in html
    assert "javascript:alert" not in html
