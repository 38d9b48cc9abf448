"""The demo theme holds seed 001's structure (loading twice: tests/site/test_demo.py)."""

import pytest
from django.core.management import call_command

from tests.themes.html import Page
from themes.models import Section, SectionItem, SectionKind, Theme

pytestmark = pytest.mark.django_db

SLUG = "det-boligsociale-arbejde-i-bevaegelse"


@pytest.fixture
def theme():
    call_command("load_demo", verbosity=0)
    return Theme.objects.get(slug=SLUG)


def test_one_theme_with_eight_sections_and_fourteen_items(theme):
    counts = (Theme.objects.count(), Section.objects.count(), SectionItem.objects.count())

    assert counts == (1, 8, 14)


def test_demo_theme_is_published_with_its_contact_and_projects(theme):
    assert theme.title == "Det boligsociale arbejde i bevægelse"
    assert theme.is_published
    assert theme.contact.slug == "rikke-engly-mygind"
    assert theme.contact.email.endswith("@example.org")
    assert sorted(theme.projects.values_list("slug", flat=True)) == [
        "det-boligsociale-arbejde-i-bevaegelse",
        "stedsidentiteten-i-udsatte-boligomraader",
    ]


def test_demo_sections_follow_the_seed_in_order(theme):
    sections = [(s.heading_da, s.kind) for s in theme.sections.all()]

    assert sections == [
        ("Brug for inspiration?", SectionKind.CALLOUT),
        ("Hvad er boligsocialt arbejde?", SectionKind.TYPOLOGY),
        ("Tre tilgange til at fortsætte det boligsociale arbejde", SectionKind.TYPOLOGY),
        ("Styring og samarbejde", SectionKind.TYPOLOGY),
        ("Det geografiske fokus", SectionKind.TEXT),
        ("Placering af medarbejdere", SectionKind.TEXT),
        ("Udvikling i de boligsociale roller", SectionKind.TEXT),
        ("Proces – (re-)etablering af boligsocialt arbejde", SectionKind.PROCESS),
    ]


def items_of(theme, anchor):
    return [item.title_da for item in theme.sections.get(anchor=anchor).items.all()]


def test_demo_typologies_and_process_hold_the_seeds_lists(theme):
    assert items_of(theme, "tre-tilgange") == ["Videreførelse", "Forankring", "Retænkning"]
    assert items_of(theme, "styring-og-samarbejde") == [
        "Boligsocial bestyrelse",
        "Bystrategisk bestyrelse",
        "Solo-organisering",
    ]
    assert len(items_of(theme, "hvad-er-boligsocialt-arbejde")) == 3
    assert len(items_of(theme, "procesmodel")) == 5
    methods = theme.sections.get(anchor="hvad-er-boligsocialt-arbejde").items.last().read_more
    for method in ("praksisnær læring", "individuel brobygning", "gruppebaseret læring"):
        assert method in methods
    assert "samskabelse" in methods


def test_demo_call_out_has_rikke_and_no_placeholder_link(theme):
    """The events app links the theme page to its upcoming events (tests/events)."""
    call_out = theme.sections.get(kind=SectionKind.CALLOUT)

    assert call_out.contact.name == "Rikke Engly Mygind"
    assert not call_out.link_url and not call_out.link_label_da


def test_every_demo_item_and_most_sections_have_read_more(theme):
    assert not SectionItem.objects.filter(read_more_da="").exists()
    assert Section.objects.exclude(read_more_da="").count() >= 6


def test_demo_has_english_title_lead_and_every_heading(theme):
    assert theme.title_en and theme.lead_en
    assert not Section.objects.filter(heading_en="").exists()
    assert not SectionItem.objects.filter(title_en="").exists()


def test_demo_page_renders_with_every_section_in_the_table_of_contents(client, theme):
    response = client.get(theme.get_absolute_url())
    page = Page(response.text)

    assert response.status_code == 200
    assert page.toc_links[:8] == list(theme.sections.values_list("anchor", flat=True))
    assert set(page.toc_links) <= set(page.ids)
    assert "Stedsidentiteten i udsatte boligområder" in response.text
