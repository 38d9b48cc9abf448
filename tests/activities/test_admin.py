"""Editors' home for the catalogue: every model has a list, search and form."""

import pytest
from django.contrib import admin
from django.urls import reverse

from activities.models import (
    Activity,
    ActivityForm,
    FocusArea,
    Method,
    Overview,
    TargetGroup,
    WelfareStep,
)
from portal.models import PublishStatus
from tests.activities.factories import (
    ActivityFactory,
    ActivityFormFactory,
    FocusAreaFactory,
    MethodFactory,
    SourceFactory,
    TargetGroupFactory,
    WelfareStepFactory,
)
from tests.portal.factories import TagFactory
from tests.projects.factories import ProjectFactory

pytestmark = pytest.mark.django_db

MODELS = [Activity, FocusArea, WelfareStep, ActivityForm, TargetGroup, Method]


@pytest.fixture
def content():
    area = FocusAreaFactory(name="Beskæftigelse")
    step = WelfareStepFactory(name="Evidensbaserede aktiviteter")
    form = ActivityFormFactory(name="En-til-en")
    group = TargetGroupFactory(name="Unge")
    method = MethodFactory(name="Samskabelse")
    activity = ActivityFactory(
        name="Fritidsjob",
        step=step,
        focus_areas=[area],
        forms=[form],
        target_groups=[group],
        methods=[method],
        tags=[TagFactory(name="beskæftigelse")],
    )
    SourceFactory(activity=activity)
    return {
        Activity: activity,
        FocusArea: area,
        WelfareStep: step,
        ActivityForm: form,
        TargetGroup: group,
        Method: method,
    }


def admin_url(model, action, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{action}", args=args)


@pytest.mark.parametrize("model", MODELS)
def test_changelist_search_change_and_add_open(admin_client, content, model):
    obj = content[model]

    assert admin_client.get(admin_url(model, "changelist")).status_code == 200
    found = admin_client.get(admin_url(model, "changelist"), {"q": str(obj)[:6]})
    assert found.status_code == 200
    assert str(obj) in found.text
    change = admin_client.get(admin_url(model, "change", obj.pk))
    assert change.status_code == 200
    # Danish and English side by side in tabs.
    assert 'name="name_da"' in change.text
    assert 'name="name_en"' in change.text
    assert admin_client.get(admin_url(model, "add")).status_code == 200


def test_every_catalogue_model_is_registered():
    ours = {m for m in admin.site._registry if m._meta.app_label == "activities"}
    assert ours == {*MODELS, Overview}


def test_activity_form_has_language_tabs_for_every_translated_field(admin_client, content):
    text = admin_client.get(admin_url(Activity, "change", content[Activity].pk)).text

    for field in ("name", "summary", "target_group_text", "method_text", "evidence", "economy"):
        assert f'name="{field}_da"' in text
        assert f'name="{field}_en"' in text


@pytest.mark.parametrize("param", ["step__id__exact", "focus_areas__id__exact", "status__exact"])
def test_activity_list_filters_by_step_focus_area_and_status(admin_client, content, param):
    value = {
        "step__id__exact": content[WelfareStep].pk,
        "focus_areas__id__exact": content[FocusArea].pk,
        "status__exact": PublishStatus.PUBLISHED,
    }[param]

    response = admin_client.get(admin_url(Activity, "changelist"), {param: value})

    assert "Fritidsjob" in response.text


def test_relations_use_autocomplete(admin_client, content):
    ProjectFactory(title="Job- og uddannelsesgaranti")
    url = reverse("admin:autocomplete")

    for field in ("focus_areas", "research_projects"):
        response = admin_client.get(
            url,
            {
                "app_label": "activities",
                "model_name": "activity",
                "field_name": field,
                "term": "Job" if field == "research_projects" else "Besk",
            },
        )
        assert response.status_code == 200
        assert response.json()["results"], field


@pytest.mark.parametrize("rows", [3, 30])
def test_activity_changelist_shows_tags_and_areas_without_n_plus_one(
    admin_client, django_assert_num_queries, rows
):
    areas = FocusAreaFactory.create_batch(2)
    tags = TagFactory.create_batch(3)
    step = WelfareStepFactory()
    for _ in range(rows):
        ActivityFactory(step=step, focus_areas=areas, tags=tags)

    with django_assert_num_queries(12):
        response = admin_client.get(admin_url(Activity, "changelist"))

    assert response.status_code == 200


def test_editor_adds_an_activity_with_a_source(admin_client, content):
    project = ProjectFactory()
    data = {
        "name_da": "Ny aktivitet",
        "name_en": "",
        "slug": "ny-aktivitet",
        "status": "published",
        "summary_da": "Kort.",
        "summary_en": "",
        "step": str(content[WelfareStep].pk),
        "focus_areas": [str(content[FocusArea].pk)],
        "forms": [str(content[ActivityForm].pk)],
        "target_groups": [str(content[TargetGroup].pk)],
        "methods": [str(content[Method].pk)],
        "tags": [str(TagFactory(name="fritid").pk), str(TagFactory(name="beskæftigelse").pk)],
        "target_group_text_da": "Unge.",
        "method_text_da": "Tekst <script>alert(1)</script>",
        "implementation_da": "",
        "evidence_da": "",
        "economy_da": "",
        "research_projects": [str(project.pk)],
        "sources-TOTAL_FORMS": "1",
        "sources-INITIAL_FORMS": "0",
        "sources-MIN_NUM_FORMS": "0",
        "sources-MAX_NUM_FORMS": "1000",
        "sources-0-title": "Rapport om fritidsjob",
        "sources-0-publisher": "VIVE",
        "sources-0-year": "2020",
        "sources-0-url": "https://example.org/r.pdf",
        "sources-0-order": "1",
    }

    response = admin_client.post(admin_url(Activity, "add"), data)

    assert response.status_code == 302, response.context["errors"] if response.context else ""
    activity = Activity.objects.get(slug="ny-aktivitet")
    assert activity.step == content[WelfareStep]
    assert list(activity.focus_areas.all()) == [content[FocusArea]]
    assert list(activity.research_projects.all()) == [project]
    assert "<script>" not in activity.method_text_da
    assert activity.sources.get().title == "Rapport om fritidsjob"
    assert sorted(activity.tags.names()) == ["beskæftigelse", "fritid"]


def test_an_implausible_source_year_is_refused_with_a_message(admin_client, content):
    activity = content[Activity]
    data = {
        "name_da": activity.name_da,
        "slug": activity.slug,
        "status": "draft",
        "summary_da": "Kort.",
        "sources-TOTAL_FORMS": "1",
        "sources-INITIAL_FORMS": "0",
        "sources-MIN_NUM_FORMS": "0",
        "sources-MAX_NUM_FORMS": "1000",
        "sources-0-title": "Gammel rapport",
        "sources-0-year": "1066",
        "sources-0-order": "1",
    }

    response = admin_client.post(admin_url(Activity, "change", activity.pk), data)

    assert response.status_code == 200
    assert "Året skal ligge mellem 1900 og 2100." in response.text


def test_editor_publishes_and_unpublishes_several_activities_at_once(admin_client):
    drafts = ActivityFactory.create_batch(2, status=PublishStatus.DRAFT)
    url = admin_url(Activity, "changelist")
    selected = [str(a.pk) for a in drafts]

    admin_client.post(url, {"action": "publish_selected", "_selected_action": selected})
    assert Activity.objects.published().count() == 2

    admin_client.post(url, {"action": "unpublish_selected", "_selected_action": selected})
    assert Activity.objects.published().count() == 0


def test_a_step_in_use_cannot_be_deleted_by_accident(admin_client, content):
    step = content[WelfareStep]

    response = admin_client.post(admin_url(WelfareStep, "delete", step.pk), {"post": "yes"})

    assert WelfareStep.objects.filter(pk=step.pk).exists()
    assert response.status_code == 200
