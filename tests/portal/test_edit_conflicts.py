"""Two editors on one item: the later save of a stale form is refused, and nothing typed is lost.

Every form is filled the way a browser would: from the change form the editor opened, hidden
fields, inlines and all, so the test posts exactly what an editor's save would post.
"""

import json
from datetime import UTC, datetime

import factory
import pytest
from django.contrib import admin
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from activities.models import Activity
from events.models import Event
from news.models import NewsArticle
from portal.edit_conflicts import SEEN_FIELD, EditConflictAdminMixin
from projects.models import ResearchProject
from tests.activities import factories as activity_factories
from tests.activities.factories import ActivityFactory
from tests.events.factories import EventFactory
from tests.films import factories as film_factories
from tests.keyfigures import factories as keyfigure_factories
from tests.news import factories as news_factories
from tests.news.factories import NewsArticleFactory
from tests.portal import factories as portal_factories
from tests.portal.admin_forms import change_form_data
from tests.portal.factories import PersonFactory
from tests.projects import factories as project_factories
from tests.projects.factories import ProjectFactory
from tests.themes import factories as theme_factories
from tests.themes.factories import SectionFactory, SectionItemFactory, ThemeFactory
from themes.models import Section, Theme

pytestmark = pytest.mark.django_db

# 14:42 UTC is 15:42 in Copenhagen in November.
SAVED_AT = datetime(2026, 11, 27, 14, 42, tzinfo=UTC)
SAVED_AT_DANISH = "27. november 2026 kl. 15.42"


def open_form(client: Client, url: str) -> dict[str, list[str]]:
    """Open a change form and return what saving it unchanged would post."""
    response = client.get(url)
    assert response.status_code == 200
    return change_form_data(response.text)


def save(client: Client, url: str, form: dict[str, list[str]], **changes: str):
    return client.post(url, {**form, **{name: [value] for name, value in changes.items()}})


def editor(username: str, first_name: str, last_name: str) -> Client:
    user = get_user_model().objects.create_superuser(
        username, f"{username}@example.org", "x", first_name=first_name, last_name=last_name
    )
    client = Client()
    client.force_login(user)
    return client


def date_the_last_save(obj, when: datetime = SAVED_AT) -> None:
    entry = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
    ).latest("pk")
    LogEntry.objects.filter(pk=entry.pk).update(action_time=when)


def change_url(obj) -> str:
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


@pytest.fixture
def hanne() -> Client:
    return editor("hanne", "Hanne", "Jensen")


@pytest.fixture
def jens() -> Client:
    return editor("jens", "Jens", "Hansen")


@pytest.fixture
def project() -> ResearchProject:
    return ProjectFactory(
        title="Praktikpladser", body="Den oprindelige tekst.", contacts=[PersonFactory()]
    )


def test_the_second_save_of_a_project_is_refused_and_keeps_what_was_typed(hanne, jens, project):
    url = change_url(project)
    hannes_form = open_form(hanne, url)
    jens_form = open_form(jens, url)

    first = save(hanne, url, hannes_form, body_da="Hannes nye tekst.")
    date_the_last_save(project)
    second = save(jens, url, jens_form, body_da="Jens' tekst, som ikke må gå tabt.")

    assert first.status_code == 302
    assert second.status_code == 200
    errors = " ".join(second.context["adminform"].form.non_field_errors())
    assert "Ændringerne er ikke gemt: Hanne Jensen gemte dette indhold" in errors
    assert SAVED_AT_DANISH in errors
    assert "Kopiér det, du har skrevet, åbn siden igen, og indsæt det." in errors
    assert "Jens&#x27; tekst, som ikke må gå tabt.</textarea>" in second.text
    assert f'<a href="{url}" target="_blank" rel="noopener">' in second.text
    project.refresh_from_db()
    assert "Hannes nye tekst." in project.body_da


def test_saving_again_without_reopening_is_still_refused(hanne, jens, project):
    url = change_url(project)
    hannes_form, jens_form = open_form(hanne, url), open_form(jens, url)
    save(hanne, url, hannes_form, body_da="Hannes nye tekst.")

    refused = save(jens, url, jens_form, body_da="Jens' tekst.")
    again = save(jens, url, refused.context["adminform"].form.data.dict())

    assert again.status_code == 200
    project.refresh_from_db()
    assert "Hannes nye tekst." in project.body_da


def test_a_fresh_form_after_reopening_saves(hanne, jens, project):
    url = change_url(project)
    jens_stale = open_form(jens, url)
    save(hanne, url, open_form(hanne, url), body_da="Hannes nye tekst.")
    save(jens, url, jens_stale, body_da="Jens' tekst.")

    response = save(jens, url, open_form(jens, url), body_da="Jens' tekst.")

    assert response.status_code == 302
    project.refresh_from_db()
    assert "Jens' tekst." in project.body_da


def test_an_editor_who_saved_in_another_window_is_told_it_was_themselves(hanne, project):
    url = change_url(project)
    first_window, second_window = open_form(hanne, url), open_form(hanne, url)
    save(hanne, url, first_window, body_da="Fra det første vindue.")

    response = save(hanne, url, second_window, body_da="Fra det andet vindue.")

    assert "Du gemte selv dette indhold" in response.text
    project.refresh_from_db()
    assert "Fra det første vindue." in project.body_da


def test_a_change_only_to_a_themes_sections_blocks_the_stale_theme_form(hanne, jens):
    theme = ThemeFactory(title="Det boligsociale arbejde i bevægelse", intro="Indledning.")
    SectionFactory(theme=theme, heading="Tre tilgange", order=1)
    SectionFactory(theme=theme, heading="Forankring", order=2)
    url = change_url(theme)
    hannes_form, jens_form = open_form(hanne, url), open_form(jens, url)

    moved = save(hanne, url, hannes_form, **{"sections-0-order": "3"})
    refused = save(jens, url, jens_form, intro_da="Jens' nye indledning.")

    assert moved.status_code == 302
    assert "Hanne Jensen gemte dette indhold" in refused.text
    assert "Jens&#x27; nye indledning." in refused.text
    theme.refresh_from_db()
    assert "Indledning." in theme.intro_da
    assert list(theme.sections.values_list("heading_da", flat=True)) == [
        "Forankring",
        "Tre tilgange",
    ]


def test_a_section_saved_on_its_own_page_blocks_the_stale_theme_form(hanne, jens):
    section = SectionFactory(heading="Tre tilgange", body="Afsnittets tekst.")
    theme_url = change_url(section.theme)
    jens_form = open_form(jens, theme_url)

    save(hanne, change_url(section), open_form(hanne, change_url(section)), body_da="Nyt.")
    refused = save(jens, theme_url, jens_form, **{"sections-0-body_da": "Jens' afsnit."})

    assert "Hanne Jensen gemte “Tre tilgange” (afsnit)" in refused.text
    section.refresh_from_db()
    assert "Nyt." in section.body_da


def test_a_change_on_the_theme_form_blocks_a_stale_form_of_one_of_its_sections(hanne, jens):
    section = SectionFactory(heading="Tre tilgange", body="Afsnittets tekst.")
    theme_url, section_url = change_url(section.theme), change_url(section)
    jens_form = open_form(jens, section_url)

    saved = save(
        hanne, theme_url, open_form(hanne, theme_url), **{"sections-0-body_da": "Hannes tekst."}
    )
    refused = save(jens, section_url, jens_form, body_da="Jens' tekst.")

    assert saved.status_code == 302
    assert refused.status_code == 200
    assert "Hanne Jensen gemte" in refused.text
    section.refresh_from_db()
    assert "Hannes tekst." in section.body_da


@pytest.mark.parametrize("token", [None, "", "ikke et tal", "-4", "1e9", "<script>"])
def test_a_missing_or_garbled_token_never_breaks_the_form(hanne, project, token):
    url = change_url(project)
    form = open_form(hanne, url)
    del form[SEEN_FIELD]
    if token is not None:
        form[SEEN_FIELD] = [token]

    response = save(hanne, url, form, body_da="Ny tekst.")

    project.refresh_from_db()
    if token is None:  # not a form the admin rendered: saved unchecked
        assert response.status_code == 302
        assert "Ny tekst." in project.body_da
    else:
        assert response.status_code == 200
        assert "Ændringerne er ikke gemt" in response.text
        assert "Den oprindelige tekst." in project.body_da


def test_the_hidden_field_is_not_logged_as_a_change(hanne, project):
    url = change_url(project)

    save(hanne, url, open_form(hanne, url), body_da="Ny tekst.")

    entry = LogEntry.objects.filter(action_flag=CHANGE).latest("pk")
    assert json.loads(entry.change_message) == [{"changed": {"fields": ["Brødtekst [da]"]}}]


def test_the_change_form_says_who_created_and_last_changed_the_item(hanne, jens):
    add = reverse("admin:projects_researchproject_add")
    form = open_form(hanne, add)
    form.update(
        {
            "title_da": ["Nyt projekt"],
            "slug": ["nyt-projekt"],
            "summary_da": ["Et resumé."],
            "contact_links-0-person": [str(PersonFactory().pk)],
            "contact_links-0-order": ["1"],
        }
    )
    assert hanne.post(add, form).status_code == 302
    project = ResearchProject.objects.get(slug="nyt-projekt")
    date_the_last_save(project, datetime(2026, 3, 3, 8, 12, tzinfo=UTC))
    save(jens, change_url(project), open_form(jens, change_url(project)), body_da="Ny.")
    date_the_last_save(project)

    text = hanne.get(change_url(project)).text

    assert (
        "Oprettet af Hanne Jensen 3. marts 2026 kl. 9.12 · "
        f"Senest ændret af Jens Hansen {SAVED_AT_DANISH}"
    ) in text


def test_a_user_without_a_full_name_is_named_by_username(jens, project):
    anonymous = editor("redaktion", "", "")
    url = change_url(project)
    jens_form = open_form(jens, url)
    save(anonymous, url, open_form(anonymous, url), body_da="Ny.")

    refused = save(jens, url, jens_form, body_da="Jens' tekst.")

    assert "redaktion gemte dette indhold" in refused.text


MODELS_WITH_COLUMN = [ResearchProject, Theme, Activity, NewsArticle, Event, Section]


@pytest.mark.parametrize("model", MODELS_WITH_COLUMN)
def test_changelists_have_a_last_changed_column(admin_client, model):
    factories = {
        ResearchProject: ProjectFactory,
        Theme: ThemeFactory,
        Activity: ActivityFactory,
        NewsArticle: NewsArticleFactory,
        Event: EventFactory,
        Section: SectionFactory,
    }
    factories[model]()
    opts = model._meta
    response = admin_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))

    assert "column-last_changed" in response.text
    assert response.text.count(">Senest ændret<") == 1


def test_the_project_list_names_who_saved_each_project_last(hanne, jens, project):
    save(jens, change_url(project), open_form(jens, change_url(project)), body_da="Ny.")
    date_the_last_save(project)

    response = hanne.get(reverse("admin:projects_researchproject_changelist"))

    assert f'<td class="field-last_changed">Jens Hansen, {SAVED_AT_DANISH}</td>' in response.text


def add_logged_projects(count: int, users) -> None:
    ct = ContentType.objects.get_for_model(ResearchProject)
    for number in range(count):
        project = ProjectFactory()
        for flag, user in ((ADDITION, users[0]), (CHANGE, users[number % 2])):
            LogEntry.objects.create(
                user=user,
                content_type=ct,
                object_id=str(project.pk),
                object_repr=str(project),
                action_flag=flag,
            )


def test_the_last_changed_column_costs_the_same_queries_for_3_and_30_rows(hanne, jens):
    users = list(get_user_model().objects.order_by("pk"))
    url = reverse("admin:projects_researchproject_changelist")
    hanne.get(url)  # content types and the session are cached after the first page
    counted = {}
    for rows in (3, 30):
        add_logged_projects(rows - ResearchProject.objects.count(), users)
        with CaptureQueriesContext(connection) as queries:
            response = hanne.get(url)
        counted[rows] = len(queries)
        named = response.text.count("Jens Hansen, "), response.text.count("Hanne Jensen, ")
        assert sum(named) == rows and all(named)

    assert counted[3] == counted[30], counted


def test_the_form_carries_the_newest_log_id_in_a_hidden_field_no_label_points_at(hanne, project):
    url = change_url(project)
    save(hanne, url, open_form(hanne, url), body_da="Ny tekst.")
    newest = LogEntry.objects.latest("pk").pk

    text = hanne.get(url).text

    assert f'<input type="hidden" name="{SEEN_FIELD}" value="{newest}"' in text
    assert f'for="id_{SEEN_FIELD}"' not in text


def test_an_item_deleted_while_open_hands_back_the_text_being_saved(hanne, jens):
    theme = ThemeFactory(title="Det boligsociale arbejde i bevægelse")
    SectionFactory(theme=theme, heading="Tre tilgange")
    url = change_url(theme)
    jens_form = open_form(jens, url)
    deleted = hanne.post(reverse("admin:themes_theme_delete", args=[theme.pk]), {"post": "yes"})
    assert deleted.status_code == 302
    date_the_last_save(theme)

    response = save(
        jens,
        url,
        jens_form,
        intro_da="Jens' indledning.",
        **{"sections-0-body_da": "Jens' afsnit."},
    )

    assert response.status_code == 409
    assert (
        f"Ændringerne er ikke gemt: Hanne Jensen slettede dette indhold {SAVED_AT_DANISH}"
        in response.text
    )
    assert "Jens&#x27; indledning.</textarea>" in response.text
    assert "Afsnit 1: Tekst [da]:</label>" in response.text
    assert "Jens&#x27; afsnit.</textarea>" in response.text
    assert not Theme.objects.exists()


def test_an_item_deleted_while_open_hands_back_the_text_of_nested_items_too(hanne, jens):
    theme = ThemeFactory(title="Det boligsociale arbejde i bevægelse")
    SectionItemFactory(section=SectionFactory(theme=theme, heading="Proces"), title="Fase")
    url = change_url(theme)
    jens_form = open_form(jens, url)
    hanne.post(reverse("admin:themes_theme_delete", args=[theme.pk]), {"post": "yes"})

    response = save(jens, url, jens_form, **{"sections-0-items-0-body_da": "Jens' punkt."})

    assert response.status_code == 409
    assert "Afsnit 1, Punkt 1: Tekst [da]:</label>" in response.text
    assert "Jens&#x27; punkt.</textarea>" in response.text


CONTENT_APPS = {"portal", "projects", "themes", "activities", "news", "films", "keyfigures"}
FACTORIES = {
    klass._meta.model: klass
    for module in (
        portal_factories,
        project_factories,
        theme_factories,
        activity_factories,
        news_factories,
        film_factories,
        keyfigure_factories,
    )
    for klass in vars(module).values()
    if isinstance(klass, type)
    and issubclass(klass, factory.django.DjangoModelFactory)
    and klass._meta.model is not None
}
CONTENT_ADMINS = sorted(
    (model for model in admin.site._registry if model._meta.app_label in CONTENT_APPS),
    key=lambda model: model._meta.label,
)


@pytest.mark.parametrize("model", CONTENT_ADMINS, ids=lambda model: model._meta.label)
def test_every_content_types_form_is_guarded_and_says_who_changed_it(hanne, model):
    assert isinstance(admin.site._registry[model], EditConflictAdminMixin)
    obj = FACTORIES[model]()

    text = hanne.get(change_url(obj)).text

    assert f'name="{SEEN_FIELD}"' in text
    assert 'class="form-row field-edit_history"' in text
    assert text.count("field-edit_history") == 1
