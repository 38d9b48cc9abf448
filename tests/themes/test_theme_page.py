"""One theme page as a visitor reads it: contents, sections, "Læs mere", process and contacts."""

import pytest
from django.urls import reverse

from portal.models import PublishStatus
from tests.portal.factories import PersonFactory
from tests.projects.factories import ProjectFactory
from tests.themes.factories import SectionFactory, SectionItemFactory, ThemeFactory
from tests.themes.html import Page
from themes.models import SectionKind

pytestmark = pytest.mark.django_db

PHASES = [
    "Afklaring af behov og mål",
    "Samarbejde og organisering",
    "Finansiering",
    "Valg af aktiviteter",
    "Implementering og opfølgning",
]


@pytest.fixture
def rikke():
    return PersonFactory(
        name="Rikke Engly Mygind",
        slug="rikke-engly-mygind",
        job_title="Chefkonsulent",
        phone="00000006",
        email="rem@example.org",
    )


@pytest.fixture
def theme(rikke):
    theme = ThemeFactory(
        title="Det boligsociale arbejde i bevægelse",
        slug="i-bevaegelse",
        lead="Viden og inspiration til nye veje.",
        intro="Første afsnit af indledningen.\n\nAndet afsnit.",
        contact=rikke,
    )
    SectionFactory(
        theme=theme,
        order=1,
        kind=SectionKind.CALLOUT,
        heading="Brug for inspiration?",
        body="Centret holder arrangementer.",
        contact=rikke,
        link_url="https://www.example.org/arrangementer/",
        link_label="Se de kommende arrangementer",
    )
    approaches = SectionFactory(
        theme=theme,
        order=2,
        kind=SectionKind.TYPOLOGY,
        heading="Tre tilgange",
        read_more="Tilgangene kan blandes.",
    )
    for order, title in enumerate(["Videreførelse", "Forankring", "Retænkning"], start=1):
        SectionItemFactory(section=approaches, order=order, title=title)
    SectionFactory(
        theme=theme,
        order=3,
        heading="Det geografiske fokus",
        read_more="Mange små boligområder med under 1000 beboere.",
    )
    process = SectionFactory(
        theme=theme, order=4, kind=SectionKind.PROCESS, heading="Proces i fem faser"
    )
    # Created out of order: the page follows the editors' numbering, not the insertion.
    for order, title in reversed(list(enumerate(PHASES, start=1))):
        SectionItemFactory(section=process, order=order, title=title)
    return theme


def get_page(client, theme):
    response = client.get(theme.get_absolute_url())
    assert response.status_code == 200
    return response, Page(response.text)


def test_page_shows_title_lead_intro_and_every_section_heading_in_order(client, theme):
    response, page = get_page(client, theme)

    assert page.headings_at("h1") == ["Det boligsociale arbejde i bevægelse"]
    assert "Viden og inspiration til nye veje." in response.text
    assert "<p>Første afsnit af indledningen.</p><p>Andet afsnit.</p>" in response.text
    section_headings = [h for h in page.headings_at("h2") if h != "Indhold på siden"]
    assert section_headings[:4] == [
        "Brug for inspiration?",
        "Tre tilgange",
        "Det geografiske fokus",
        "Proces i fem faser",
    ]


def test_reordering_sections_reorders_the_page(client, theme):
    theme.sections.filter(heading="Proces i fem faser").update(order=0)

    _response, page = get_page(client, theme)

    assert next(h for h in page.headings_at("h2") if h != "Indhold på siden") == (
        "Proces i fem faser"
    )


def test_table_of_contents_links_every_section_to_an_id_on_the_page(client, theme):
    _response, page = get_page(client, theme)

    anchors = list(theme.sections.values_list("anchor", flat=True))
    assert page.toc_links == [*anchors, "tema-kontakt"]
    assert set(page.toc_links) <= set(page.ids)
    assert set(page.in_page_links()) <= set(page.ids)
    assert len(page.ids) == len(set(page.ids)), "ids on the page must be unique"


def test_table_of_contents_is_a_labelled_navigation_with_an_ordered_list(client, theme):
    response, _page = get_page(client, theme)

    assert '<nav class="theme-toc" aria-labelledby="tema-indhold">' in response.text
    assert '<h2 id="tema-indhold" class="theme-toc__heading">Indhold på siden</h2>' in (
        response.text
    )
    toc = response.text.split('aria-labelledby="tema-indhold"')[1].split("</nav>")[0]
    assert '<ol class="theme-toc__list">' in toc
    assert '<a href="#tre-tilgange">Tre tilgange</a>' in toc


def test_every_read_more_is_a_closed_details_element_named_after_its_part(client, theme):
    response, page = get_page(client, theme)
    html = response.text

    texts = [
        "Tilgangene kan blandes.",
        "Mange små boligområder med under 1000 beboere.",
        "Uddybning af punktet.",
    ]
    for text in texts:
        position = html.index(text)
        assert html.rfind("<details", 0, position) > html.rfind("</details>", 0, position)
    assert "<details open" not in html
    main = html[html.index("<main") :]  # the header has its own <details>: the phone menu
    assert main.count("<details") == len(Page(main).details) == 1 + 1 + 3 + 5
    assert "Læs mere om Tre tilgange" in page.details
    assert "Læs mere om Videreførelse" in page.details
    assert page.summaries_outside_details == 0


def test_sections_without_read_more_have_no_empty_details(client, theme):
    _response, page = get_page(client, theme)

    assert "Læs mere om Brug for inspiration?" not in page.details
    assert "Læs mere om Proces i fem faser" not in page.details


def test_typology_items_are_a_numbered_list(client, theme):
    response, _page = get_page(client, theme)

    typology = response.text.split('<ol class="items items--typology"')[1].split("</ol>")[0]
    titles = [t for t in ["Videreførelse", "Forankring", "Retænkning"] if t in typology]
    assert titles == ["Videreførelse", "Forankring", "Retænkning"]
    assert [typology.index(t) for t in titles] == sorted(typology.index(t) for t in titles)


def test_process_model_lists_its_phases_in_order_as_an_ordered_list(client, theme):
    response, page = get_page(client, theme)

    figure = response.text.split('<figure class="process">')[1].split("</figure>")[0]
    assert "Procesmodellen i 5 faser" in figure
    assert '<ol class="process__steps" role="list">' in figure
    assert figure.count("<li") == 5
    assert [h for h in page.headings_at("h3") if h in PHASES] == PHASES


def test_call_out_is_an_aside_with_contact_name_title_phone_email_and_link(client, theme):
    response, _page = get_page(client, theme)

    aside = response.text.split('<aside class="callout"')[1].split("</aside>")[0]
    assert "Brug for inspiration?" in aside
    assert "Rikke Engly Mygind" in aside
    assert "Chefkonsulent" in aside
    assert 'href="tel:+4500000006"' in aside
    assert 'href="mailto:rem@example.org"' in aside
    assert '<a href="https://www.example.org/arrangementer/">Se de kommende arrangementer</a>' in (
        aside
    )


def test_an_inactive_contact_is_not_shown(client, theme, rikke):
    rikke.is_active = False
    rikke.save()

    response, _page = get_page(client, theme)

    assert "Rikke Engly Mygind" not in response.text
    assert "#tema-kontakt" not in response.text


def test_page_has_breadcrumbs_home_themes_title(client, theme):
    response, _page = get_page(client, theme)

    crumbs = response.text.split('class="breadcrumbs"')[1].split("</nav>")[0]
    assert '<a href="/">Forside</a>' in crumbs
    assert f'<a href="{reverse("themes:list")}">Temaer</a>' in crumbs
    assert '<span aria-current="page">Det boligsociale arbejde i bevægelse</span>' in crumbs


def test_related_published_projects_come_last_and_drafts_stay_hidden(client, theme):
    person = PersonFactory(name="Helle Nielsen")
    theme.projects.add(
        ProjectFactory(title="Stedsidentiteten i udsatte boligområder", contacts=[person]),
        ProjectFactory(title="Hemmeligt projekt", status=PublishStatus.DRAFT),
    )

    response, page = get_page(client, theme)

    assert "Stedsidentiteten i udsatte boligområder" in page.headings_at("h3")
    assert "Hemmeligt projekt" not in response.text
    h2 = page.headings_at("h2")
    assert h2.index("Forskningsprojekter om temaet") > h2.index("Proces i fem faser")
    assert h2.index("Forskningsprojekter om temaet") > h2.index("Kontakt om temaet")
    assert response.text.index("Proces i fem faser</h2>") < response.text.index(
        "Stedsidentiteten i udsatte boligområder"
    )
    assert page.toc_links[-1] == "tema-projekter"


def test_a_project_reaches_its_themes(theme):
    project = ProjectFactory()
    theme.projects.add(project)

    assert list(project.themes.all()) == [theme]


def test_published_theme_has_no_draft_marker(client, theme):
    response, _page = get_page(client, theme)

    assert "Kladde" not in response.text


def test_page_loads_the_theme_stylesheet(client, theme):
    response, _page = get_page(client, theme)

    assert 'href="/static/css/themes.css"' in response.text


def test_hostile_html_in_a_section_is_not_executed(client, theme):
    SectionFactory(
        theme=theme,
        heading="Farligt",
        body=(
            '<p>Ok</p><script>alert("x")</script><img src=x onerror="alert(1)">'
            '<a href="javascript:alert(1)">klik</a>'
        ),
        read_more='<p onclick="alert(2)">Mere</p><iframe src="https://example.org"></iframe>',
    )
    SectionItemFactory(
        section=theme.sections.get(heading="Tre tilgange"),
        body="<svg onload=alert(3)></svg><b>Fed</b>",
    )

    response, _page = get_page(client, theme)

    html = response.text
    assert "<script>alert" not in html
    assert "onerror" not in html and "onclick" not in html and "onload" not in html
    assert "javascript:" not in html
    assert "<iframe" not in html and "<svg" not in html
    assert "<p>Ok</p>" in html and "<strong>Fed</strong>" in html


def test_hostile_heading_is_escaped(client, theme):
    SectionFactory(theme=theme, heading="<script>alert(1)</script>")

    response, _page = get_page(client, theme)

    assert "<script>alert(1)</script>" not in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text


@pytest.mark.parametrize("size", [3, 30])
def test_page_query_count_is_the_same_for_3_and_30_sections_items_and_projects(
    client, django_assert_num_queries, size
):
    people = PersonFactory.create_batch(2)
    theme = ThemeFactory(contact=people[0])
    for number in range(size):
        section = SectionFactory(
            theme=theme,
            kind=SectionKind.CALLOUT if number % 2 else SectionKind.PROCESS,
            contact=people[number % 2],
        )
        SectionItemFactory.create_batch(size, section=section)
        theme.projects.add(ProjectFactory(contacts=people))

    # The next publishing edge, read once per content version, then:
    # theme with its contact, sections with their contacts, items, projects, project
    # contacts, project tags, upcoming events about the theme
    with django_assert_num_queries(8):
        response = client.get(theme.get_absolute_url())

    assert response.status_code == 200
