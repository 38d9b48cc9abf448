"""Editors see each item's state in words, filter by it and set its window beside the status."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from activities.models import Activity
from events.models import Event
from films.models import Film
from keyfigures.models import KeyFigureBand
from news.models import NewsArticle
from portal.admin_schedule import PublishingStateFilter
from portal.models import Person, PublishStatus
from projects.models import ResearchProject
from tests.activities.factories import ActivityFactory
from tests.events.factories import EventFactory
from tests.films.factories import FilmFactory
from tests.keyfigures.factories import KeyFigureBandFactory
from tests.news.factories import NewsArticleFactory
from tests.portal.admin_forms import change_form_data
from tests.portal.factories import PersonFactory
from tests.projects.factories import ProjectFactory
from tests.themes.factories import ThemeFactory
from themes.models import Theme

pytestmark = pytest.mark.django_db

LOCAL = ZoneInfo("Europe/Copenhagen")
NOW = datetime.datetime(2027, 3, 1, 12, tzinfo=LOCAL)
NINE = datetime.datetime(2027, 3, 3, 9, tzinfo=LOCAL)
FIVE = datetime.datetime(2027, 3, 3, 17, tzinfo=LOCAL)
YESTERDAY = NOW - datetime.timedelta(days=1)

FACTORIES = {
    ResearchProject: ProjectFactory,
    Theme: ThemeFactory,
    Activity: ActivityFactory,
    NewsArticle: NewsArticleFactory,
    Film: FilmFactory,
    KeyFigureBand: KeyFigureBandFactory,
    Event: EventFactory,
}


@pytest.fixture
def frozen(monkeypatch):
    monkeypatch.setattr("django.utils.timezone.now", lambda: NOW.astimezone(datetime.UTC))


@pytest.fixture
def editor(client, admin_user, frozen):
    client.force_login(admin_user)  # after the clock is set, so the session is current
    return client


def admin_url(model, action, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{action}", args=args)


def one_of_each_state(factory):
    return {
        "draft": factory(status=PublishStatus.DRAFT),
        "scheduled": factory(publish_from=NINE),
        "published": factory(publish_until=FIVE),
        "expired": factory(publish_until=YESTERDAY),
    }


def test_the_state_reads_as_words(frozen):
    items = one_of_each_state(ProjectFactory)

    labels = {state: item.publishing_state_label() for state, item in items.items()}

    assert labels == {
        "draft": "Kladde",
        "scheduled": "Planlagt til 3. marts 2027 kl. 9.00",
        "published": "Udgivet",
        "expired": "Udløbet 28. februar 2027 kl. 12.00",
    }


def test_the_state_reads_naturally_in_english(frozen):
    items = one_of_each_state(ProjectFactory)

    with translation.override("en"):
        labels = {state: item.publishing_state_label() for state, item in items.items()}

    assert labels == {
        "draft": "Draft",
        "scheduled": "Scheduled for 3 March 2027 at 9:00",
        "published": "Published",
        "expired": "Expired 28 February 2027 at 12:00",
    }


def test_a_published_item_with_a_pending_draft_says_so(frozen):
    project = ProjectFactory()

    assert project.publishing_state_label(pending_draft=True) == (
        "Udgivet – med ændringer i kladde"
    )
    assert ProjectFactory(status=PublishStatus.DRAFT).publishing_state_label(True) == "Kladde"


def test_a_news_item_dated_in_the_future_is_scheduled(frozen):
    article = NewsArticleFactory(published_on=datetime.date(2027, 3, 2))

    assert article.publishing_state() == "scheduled"
    assert article.publishing_state_label() == "Planlagt til 2. marts 2027 kl. 0.00"


@pytest.mark.parametrize("model", FACTORIES, ids=lambda model: model._meta.model_name)
def test_each_content_list_shows_the_state_and_filters_by_it(editor, model):
    one_of_each_state(FACTORIES[model])
    url = admin_url(model, "changelist")

    everything = editor.get(url).text
    scheduled = editor.get(url, {"tilstand": "scheduled"})

    assert "Planlagt til 3. marts 2027 kl. 9.00" in everything
    assert "Udløbet 28. februar 2027 kl. 12.00" in everything
    assert 'href="?tilstand=expired"' in everything
    assert list(scheduled.context["cl"].result_list) == list(
        model.objects.filter(publish_from=NINE)
    )


@pytest.mark.parametrize("state", ["draft", "scheduled", "published", "expired"])
def test_the_filter_and_the_state_agree(frozen, state):
    for factory in FACTORIES.values():
        one_of_each_state(factory)
    NewsArticleFactory(published_on=datetime.date(2027, 3, 2))  # scheduled by its date

    for model in FACTORIES:
        found = model.objects.filter(model.state_condition(state))
        assert found.exists()
        assert {item.publishing_state() for item in model.objects.all() if item in found} == {state}


@pytest.mark.parametrize("model", FACTORIES, ids=lambda model: model._meta.model_name)
def test_each_change_form_has_the_window_beside_the_status(editor, model):
    item = FACTORIES[model]()

    response = editor.get(admin_url(model, "change", item.pk))

    assert response.status_code == 200
    line = response.text.split('name="status"')[0].rsplit('class="form-row', 1)[1]
    assert "field-publish_from" in line and "field-publish_until" in line
    assert 'name="publish_from_0"' in response.text
    assert 'name="publish_until_1"' in response.text


def test_an_editor_schedules_a_project_in_the_form(editor):
    project = ProjectFactory(contacts=[PersonFactory()])
    url = admin_url(ResearchProject, "change", project.pk)
    data = change_form_data(editor.get(url).text)
    data.update(
        {
            "publish_from_0": ["03.03.2027"],
            "publish_from_1": ["09:00"],
            "publish_until_0": ["03.03.2027"],
            "publish_until_1": ["17:00"],
        }
    )

    response = editor.post(url, data)

    assert response.status_code == 302, response.context["errors"] if response.context else ""
    project.refresh_from_db()
    assert (project.publish_from, project.publish_until) == (NINE, FIVE)
    assert project.publishing_state_label() == "Planlagt til 3. marts 2027 kl. 9.00"


def test_a_window_that_ends_before_it_starts_is_refused_in_danish(editor):
    project = ProjectFactory(contacts=[PersonFactory()])
    url = admin_url(ResearchProject, "change", project.pk)
    data = change_form_data(editor.get(url).text)
    data.update(
        {
            "publish_from_0": ["03.03.2027"],
            "publish_from_1": ["17:00"],
            "publish_until_0": ["03.03.2027"],
            "publish_until_1": ["09:00"],
        }
    )

    response = editor.post(url, data)

    assert response.status_code == 200
    assert "“Vises til” skal ligge efter “vises fra”." in response.text
    project.refresh_from_db()
    assert project.publish_from is None


def test_the_model_refuses_a_window_that_ends_when_it_starts():
    project = ProjectFactory.build(publish_from=NINE, publish_until=NINE)

    with pytest.raises(ValidationError) as refused:
        project.clean()

    assert list(refused.value.message_dict) == ["publish_until"]


@pytest.mark.parametrize(
    "query", ["?tilstand=bogus", "?tilstand=", "?tilstand=%00", "?tilstand[]=x"]
)
def test_an_odd_state_in_the_address_never_breaks_the_list(editor, query):
    ProjectFactory()

    response = editor.get(admin_url(ResearchProject, "changelist") + query)

    assert response.status_code in (200, 302)


def test_other_admins_are_left_as_they_are(rf, admin_user):
    person_admin = admin.site._registry[Person]
    request = rf.get("/")
    request.user = admin_user

    assert "publishing_state" not in person_admin.get_list_display(request)
    assert PublishingStateFilter not in person_admin.get_list_filter(request)
