"""An activity's own page: fixed sections, links into the catalogue, sources, related items."""

import pytest
from django.urls import reverse

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
from tests.portal.factories import PersonFactory, TagFactory
from tests.projects.factories import ProjectFactory

pytestmark = pytest.mark.django_db

LIST_URL = reverse("activities:list")


@pytest.fixture
def jobs():
    return FocusAreaFactory(name="Beskæftigelse", slug="beskaeftigelse")


@pytest.fixture
def top():
    return WelfareStepFactory(name="Evidensbaserede aktiviteter", slug="evidens", order=3)


@pytest.fixture
def activity(jobs, top):
    return ActivityFactory(
        name="Fritidsjob",
        slug="fritidsjob",
        summary="Unge får et almindeligt fritidsjob.",
        step=top,
        focus_areas=[jobs],
        forms=[ActivityFormFactory(name="En-til-en", slug="en-til-en")],
        target_groups=[TargetGroupFactory(name="Unge", slug="unge")],
        methods=[MethodFactory(name="Individuel brobygning", slug="individuel-brobygning")],
        target_group_text="Unge fra 13 år.",
        method_text="En jobformidler matcher.",
        implementation="Et netværk af arbejdsgivere.",
        evidence="Forskning peger på en sammenhæng.",
        economy="Medarbejdertid.",
    )


def test_page_shows_the_fixed_sections_in_their_fixed_order(client, activity):
    response = client.get(activity.get_absolute_url())

    assert response.status_code == 200
    text = response.text
    assert "<h1>Fritidsjob</h1>" in text
    assert "Unge får et almindeligt fritidsjob." in text
    headings = [
        '<h2 id="maalgruppe-heading">Målgruppe</h2>',
        '<h2 id="metode-heading">Metode</h2>',
        '<h2 id="implementering-heading">Implementering</h2>',
        '<h2 id="evidens-heading">Effekt og evidens</h2>',
        '<h2 id="oekonomi-heading">Økonomi og ressourcer</h2>',
        '<h2 id="kilder-heading">Kilder</h2>',
    ]
    positions = [text.index(heading) for heading in headings]
    assert positions == sorted(positions)
    assert "<p>Unge fra 13 år.</p>" in text
    assert "<p>Forskning peger på en sammenhæng.</p>" in text


def test_an_unwritten_section_says_so(client, activity):
    activity.economy = ""
    activity.save()

    response = client.get(activity.get_absolute_url())

    assert "Afsnittet er ikke skrevet endnu." in response.text


def test_step_focus_areas_forms_groups_and_methods_link_into_the_filtered_catalogue(
    client, activity
):
    text = client.get(activity.get_absolute_url()).text

    for query in (
        "trin=evidens",
        "indsatsomraade=beskaeftigelse",
        "form=en-til-en",
        "maalgruppe=unge",
        "metode=individuel-brobygning",
    ):
        assert f'href="{LIST_URL}?{query}"' in text
    assert f'href="{reverse("activities:staircase")}#evidens"' in text


def test_sources_are_a_numbered_reference_list(client, activity):
    SourceFactory(
        activity=activity,
        title="Fritidsjob i udsatte boligområder",
        publisher="VIVE",
        year=2019,
        url="https://example.org/fritidsjob.pdf",
        order=1,
    )
    SourceFactory(activity=activity, title="Uden link", publisher="", year=None, url="", order=2)

    text = client.get(activity.get_absolute_url()).text

    references = text[text.index('<ol class="references">') :]
    assert (
        '<cite><a href="https://example.org/fritidsjob.pdf">Fritidsjob i udsatte boligområder'
        "</a></cite>. VIVE, 2019." in references
    )
    assert "<cite>Uden link</cite>." in references
    assert references.index("Fritidsjob i udsatte") < references.index("Uden link")


def test_without_sources_the_page_says_the_description_rests_on_practice(client, activity):
    text = client.get(activity.get_absolute_url()).text

    assert "Der er endnu ikke knyttet publicerede kilder til aktiviteten." in text


def test_breadcrumbs_lead_back_to_the_catalogue(client, activity):
    text = client.get(activity.get_absolute_url()).text

    crumbs = text[text.index('class="breadcrumbs"') :]
    assert f'<li><a href="{LIST_URL}">Aktiviteter</a></li>' in crumbs
    assert '<span aria-current="page">Fritidsjob</span>' in crumbs


def test_related_activities_share_the_step_or_a_focus_area(client, activity, jobs, top):
    ActivityFactory(name="Samme trin", step=top)
    ActivityFactory(name="Samme område", focus_areas=[jobs])
    ActivityFactory(name="Begge dele", step=top, focus_areas=[jobs])
    ActivityFactory(name="Intet til fælles", focus_areas=[FocusAreaFactory()])
    ActivityFactory(name="Kladde", step=top, status=PublishStatus.DRAFT)

    response = client.get(activity.get_absolute_url())

    related = [a.name for a in response.context["related_activities"]]
    assert related == ["Begge dele", "Samme område", "Samme trin"]


def test_at_most_four_related_activities_are_suggested(client, activity, top):
    ActivityFactory.create_batch(6, step=top)

    response = client.get(activity.get_absolute_url())

    assert len(response.context["related_activities"]) == 4


def test_published_research_projects_are_shown_as_cards(client, activity):
    person = PersonFactory(name="Mette Fabricius Madsen")
    activity.research_projects.set(
        [
            ProjectFactory(title="Job- og uddannelsesgaranti", contacts=[person]),
            ProjectFactory(title="Hemmeligt projekt", status=PublishStatus.DRAFT),
        ]
    )

    text = client.get(activity.get_absolute_url()).text

    assert "Job- og uddannelsesgaranti" in text
    assert "Mette Fabricius Madsen" in text
    assert "Hemmeligt projekt" not in text


def test_tags_are_listed(client, activity):
    activity.tags.add(TagFactory(name="beskæftigelse"))

    assert '<span class="tag">beskæftigelse</span>' in client.get(activity.get_absolute_url()).text


def test_hostile_html_in_a_section_is_removed_on_save(client, activity):
    activity.method_text = (
        '<p>Ok</p><script>alert("x")</script><img src=x onerror="alert(1)">'
        '<a href="javascript:alert(1)">klik</a>'
    )
    activity.save()

    text = client.get(activity.get_absolute_url()).text

    assert "<p>Ok</p>" in text
    assert "<script>alert" not in text
    assert "onerror" not in text
    assert "javascript:" not in text


def test_the_page_is_printable(client, activity):
    text = client.get(activity.get_absolute_url()).text

    assert 'href="/static/css/activities.css"' in text


@pytest.mark.parametrize("rows", [3, 30])
def test_detail_query_count_does_not_grow_with_activities(
    client, django_assert_num_queries, rows, activity, jobs, top
):
    person = PersonFactory()
    activity.research_projects.set(ProjectFactory.create_batch(2, contacts=[person]))
    activity.tags.add(TagFactory())
    SourceFactory.create_batch(2, activity=activity)
    for _ in range(rows):
        ActivityFactory(step=top, focus_areas=[jobs], target_groups=[TargetGroupFactory()])

    # The next publishing edge, read once per content version, then:
    # activity + step; focus areas, forms, target groups, methods, sources, tags;
    # projects with their contacts and tags; related activities with their focus areas
    with django_assert_num_queries(13):
        response = client.get(activity.get_absolute_url())

    assert response.status_code == 200


def test_an_activity_without_step_or_focus_area_suggests_nothing(client):
    lonely = ActivityFactory(name="Alene")
    ActivityFactory(name="Anden")

    response = client.get(lonely.get_absolute_url())

    assert response.status_code == 200
    assert list(response.context["related_activities"]) == []
    assert "Relaterede aktiviteter" not in response.text


def test_an_activity_with_invented_text_says_eksempeltekst_not_practice(client, activity):
    activity.text_is_example = True
    activity.save()

    text = client.get(activity.get_absolute_url()).text

    assert "Eksempeltekst" in text
    assert "Beskrivelsen bygger på erfaringer fra praksis" not in text
