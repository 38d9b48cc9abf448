"""The content health page ("Indholdstjek") shows editors what needs their attention."""

import datetime
import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from activities.models import Activity
from news.models import NewsArticle
from portal.health import Context, months_before, run_checks
from portal.models import PendingDraft, PublishStatus
from projects.models import ResearchProject, ResearchStatus
from tests.activities.factories import ActivityFactory
from tests.news.factories import NewsArticleFactory
from tests.portal.factories import PersonFactory
from tests.projects.factories import ProjectFactory
from tests.themes.factories import SectionFactory, SectionItemFactory, ThemeFactory
from themes.models import Theme

pytestmark = pytest.mark.django_db

URL = reverse("admin:content_health")


def english(**fields):
    """Both languages of a project's visible texts, so only what a test sets is missing."""
    return {
        "title_en": "An English title",
        "summary_en": "An English summary.",
        "body_en": "An English text.",
        **fields,
    }


def findings(client, key: str) -> list[str]:
    """Return the rows of one check's table, as text."""
    page = client.get(URL).text
    section = page.split(f'id="{key}"', 1)[1].split("</section>", 1)[0]
    rows = re.findall(r"<tr>(.*?)</tr>", section, re.S)[1:]  # after the header row
    return [" ".join(re.sub(r"<[^>]+>", " ", row).split()) for row in rows]


def age(model, item, days: int):
    model.objects.filter(pk=item.pk).update(
        updated_at=timezone.now() - datetime.timedelta(days=days)
    )


def change_url(item):
    meta = item._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[item.pk])


def test_the_admin_index_links_to_the_page(admin_client):
    index = admin_client.get(reverse("admin:index")).text

    assert f'href="{URL}"' in index


def test_the_page_is_for_staff_only(client, django_user_model):
    assert client.get(URL).status_code == 302
    visitor = django_user_model.objects.create_user("besoegende", password="x" * 16)
    client.force_login(visitor)

    response = client.get(URL)

    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_the_page_is_accessible_structure(admin_client):
    ProjectFactory(end_year=2022)

    page = admin_client.get(URL).text

    assert "<h1>Indholdstjek</h1>" in page
    assert page.count("<h2 ") >= 7
    assert "<caption>" in page and '<th scope="col">' in page and '<th scope="row">' in page


def test_ongoing_projects_past_their_end_year(admin_client):
    overdue = ProjectFactory(title="Forsinket", start_year=2019, end_year=2020, **english())
    ProjectFactory(
        title="Afsluttet", start_year=2019, end_year=2020, research_status=ResearchStatus.COMPLETED
    )
    ProjectFactory(title="Kører endnu", end_year=timezone.localdate().year)

    rows = findings(admin_client, "projects-past-end-year")

    assert rows == ["Forsinket Forskningsprojekt Forventet slutår: 2020"]
    assert f'href="{change_url(overdue)}"' in admin_client.get(URL).text


def test_published_items_unchanged_for_more_than_a_year(admin_client):
    old_theme = ThemeFactory(title="Gammelt tema")
    age(Theme, old_theme, 400)
    age(ResearchProject, ProjectFactory(title="Gammel kladde", status=PublishStatus.DRAFT), 400)
    age(Activity, ActivityFactory(name="Næsten et år"), 300)

    rows = findings(admin_client, "unchanged")

    assert len(rows) == 1
    assert rows[0].startswith("Gammelt tema Tema Senest ændret")


def test_drafts_untouched_for_three_months(admin_client):
    age(NewsArticle, NewsArticleFactory(title="Glemt kladde", status=PublishStatus.DRAFT), 100)
    age(NewsArticle, NewsArticleFactory(title="Ny kladde", status=PublishStatus.DRAFT), 30)
    age(NewsArticle, NewsArticleFactory(title="Gammel, men udgivet"), 100)

    rows = findings(admin_client, "drafts")

    assert [row.split(" Nyhed ")[0] for row in rows] == ["Glemt kladde"]


def test_pending_drafts_of_published_items_untouched_for_three_months(admin_client):
    forgotten = NewsArticleFactory(title="Udgivet med glemt kladde")
    recent = NewsArticleFactory(title="Udgivet med ny kladde")
    for article, days in ((forgotten, 100), (recent, 30)):
        PendingDraft.objects.create(
            content_type=ContentType.objects.get_for_model(article),
            object_id=str(article.pk),
            snapshot=[],
        )
        PendingDraft.objects.filter(object_id=str(article.pk)).update(
            updated_at=timezone.now() - datetime.timedelta(days=days)
        )

    rows = findings(admin_client, "drafts")

    assert [row.split(" Nyhed ")[0] for row in rows] == ["Udgivet med glemt kladde"]


def test_inactive_people_still_contacts_of_published_content(admin_client):
    gone = PersonFactory(name="Stoppet Medarbejder", is_active=False)
    here = PersonFactory(name="Aktiv Medarbejder")
    project = ProjectFactory(title="Projekt med to", contacts=[here, gone])
    article = NewsArticleFactory(title="Nyhed med en", contacts=[gone])
    ProjectFactory(title="Kladde", contacts=[gone], status=PublishStatus.DRAFT)

    page = admin_client.get(URL).text
    rows = findings(admin_client, "inactive-contacts")

    assert len(rows) == 1
    assert rows[0].startswith("Stoppet Medarbejder Medarbejder")
    assert "Projekt med to" in rows[0] and "Nyhed med en" in rows[0] and "Kladde" not in rows[0]
    for item in (gone, project, article):
        assert f'href="{change_url(item)}"' in page


def test_published_content_whose_contacts_have_all_left(admin_client):
    gone, also_gone, here = (
        PersonFactory(is_active=False),
        PersonFactory(is_active=False),
        PersonFactory(),
    )
    ProjectFactory(title="Alle stoppet", contacts=[gone, also_gone])
    ProjectFactory(title="En tilbage", contacts=[gone, here])
    ThemeFactory(title="Tema uden kontakt", contact=gone)
    ThemeFactory(title="Tema med kontakt", contact=here)

    rows = findings(admin_client, "no-active-contact")

    assert sorted(row.split(" ")[0:2] for row in rows) == [["Alle", "stoppet"], ["Tema", "uden"]]


def test_published_items_missing_an_english_text(admin_client):
    ProjectFactory(title="Kun dansk resumé", **english(summary_en=""))
    ProjectFactory(title="Helt oversat", **english())
    ProjectFactory(title="Tom brødtekst", **english(body_da="", body_en=""))
    ProjectFactory(title="Kladde uden engelsk", status=PublishStatus.DRAFT)

    rows = findings(admin_client, "missing-english")

    assert rows == ["Kun dansk resumé Forskningsprojekt Mangler på engelsk: resumé"]


def test_every_translated_text_counts_as_visible(admin_client):
    ActivityFactory(name="Aktivitet uden engelsk økonomi", economy_da="Koster lidt.", economy_en="")

    rows = findings(admin_client, "missing-english")

    [row] = [row for row in rows if row.startswith("Aktivitet uden engelsk økonomi")]
    assert row.endswith(str(Activity._meta.get_field("economy").verbose_name))


def test_links_to_the_portals_own_pages_that_lead_nowhere(admin_client, settings):
    settings.ALLOWED_HOSTS = ["testserver", "boligsocial.example.org"]
    target = ProjectFactory(slug="findes")
    ProjectFactory(slug="kladde", status=PublishStatus.DRAFT)
    body = " ".join(
        f'<p><a href="{href}">link</a></p>'
        for href in [
            target.get_absolute_url(),
            f"/en{target.get_absolute_url()}",
            "/nu-undersoeger-vi/findes-ikke/",
            "/nu-undersoeger-vi/kladde/",
            "https://boligsocial.example.org/gammel-side/",
            "https://example.com/gammel-side/",
            "/nyheder/?emne=x#top",
            "/media/mangler.pdf",
            "mailto:info@example.org",
        ]
    )
    linking = ProjectFactory(title="Med links", **english(body_da=body))

    rows = findings(admin_client, "broken-links")

    assert rows == [
        "Med links Forskningsprojekt Fører ingen steder hen: /gammel-side/, /media/mangler.pdf, "
        "/nu-undersoeger-vi/findes-ikke/, /nu-undersoeger-vi/kladde/"
    ]
    assert f'href="{change_url(linking)}"' in admin_client.get(URL).text


def test_links_in_a_themes_sections_are_checked_and_lead_to_the_theme(admin_client):
    theme = ThemeFactory(title="Tema med afsnit")
    section = SectionFactory(theme=theme, body='<p><a href="/temaer/vaek/">x</a></p>')
    SectionItemFactory(section=section, read_more='<p><a href="/aktiviteter/vaek/">x</a></p>')
    hidden = ThemeFactory(status=PublishStatus.DRAFT)
    SectionFactory(theme=hidden, body='<p><a href="/temaer/ogsaa-vaek/">x</a></p>')

    rows = findings(admin_client, "broken-links")

    assert rows == [
        "Tema med afsnit Tema Fører ingen steder hen: /aktiviteter/vaek/, /temaer/vaek/"
    ]
    assert f'href="{change_url(theme)}"' in admin_client.get(URL).text


def test_an_app_contributes_its_own_checks_through_the_registry():
    from portal.registry import values

    assert any(
        check.__module__ == "projects.health"
        for checks in values("health", "checks")
        for check in checks
    )


def make_content(count: int):
    gone, here = PersonFactory(is_active=False), PersonFactory()
    for n in range(count):
        ProjectFactory(
            contacts=[gone] if n % 2 else [here, gone],
            end_year=2022,
            body=f'<p><a href="/nu-undersoeger-vi/mangler-{n}/">x</a></p>',
            status=PublishStatus.PUBLISHED if n % 3 else PublishStatus.DRAFT,
        )
        ActivityFactory(implementation=f'<p><a href="/aktiviteter/mangler-{n}/">x</a></p>')
        NewsArticleFactory(contacts=[gone])
        theme = ThemeFactory(contact=gone)
        section = SectionFactory(theme=theme, body=f'<p><a href="/temaer/mangler-{n}/">x</a></p>')
        SectionItemFactory(section=section, body=f'<a href="/nyheder/mangler-{n}/">x</a>')
    ResearchProject.objects.update(updated_at=timezone.now() - datetime.timedelta(days=800))


@pytest.mark.parametrize("rows", [12, 24])
def test_the_page_takes_as_many_queries_for_many_items_as_for_few(
    admin_client, django_assert_num_queries, rows
):
    make_content(rows)
    admin_client.get(URL)  # warm: content types, session

    # session, user; per check: projects past their end year (1), unchanged (7),
    # drafts (7), inactive contacts (4), without active contacts (3), missing English
    # (7), links (5 models, theme sections and their items, 6 kinds of detail page)
    with django_assert_num_queries(2 + 1 + 7 + 7 + 4 + 3 + 7 + 13):
        response = admin_client.get(URL)

    assert response.status_code == 200
    assert "mangler-" in response.text


@pytest.mark.parametrize(
    "query",
    [
        "?x=%00",
        "?tilstand=bogus&p=-1",
        "?" + "a=b&" * 500,
        "?q=%ZZ",
        "?%E2%80%AE=1",
    ],
)
def test_odd_query_strings_never_break_the_page(admin_client, query):
    ProjectFactory(body='<p><a href="/%ZZ/">x</a> <a href="http://[::1/">y</a></p>')

    response = admin_client.get(URL + query)

    assert response.status_code == 200


def test_odd_links_in_rich_text_never_break_the_page(admin_client):
    hrefs = [
        "/\x00/",
        "//",
        "///x",
        "/" + "a" * 5000,
        "http://[bad",
        "/../../etc/passwd",
        "/media/../../x",
        "/aktiviteter/%E2%80%AE/",
        "javascript:alert(1)",
        "/en/",
    ]
    ProjectFactory(body=" ".join(f'<a href="{href}">x</a>' for href in hrefs))

    assert admin_client.get(URL).status_code == 200


def test_months_before_keeps_the_day_or_takes_the_last_of_a_shorter_month():
    moment = datetime.datetime(2027, 5, 31, 12, tzinfo=datetime.UTC)

    assert months_before(moment, 3) == datetime.datetime(2027, 2, 28, 12, tzinfo=datetime.UTC)
    assert months_before(moment, 12) == datetime.datetime(2026, 5, 31, 12, tzinfo=datetime.UTC)


def test_the_checks_run_without_a_request():
    ProjectFactory(end_year=2022)

    checks = run_checks(Context(now=timezone.now()))

    assert {check.key for check in checks} >= {"projects-past-end-year", "broken-links"}


def test_a_long_check_lists_the_first_findings_and_says_how_many_more(admin_client, monkeypatch):
    monkeypatch.setattr("portal.health.SHOWN", 2)
    for year in (2022, 2023, 2024):
        ProjectFactory(end_year=year)

    page = admin_client.get(URL).text

    assert len(findings(admin_client, "projects-past-end-year")) == 2
    assert "Og 1 mere, som vises her, når de første er rettet." in page
