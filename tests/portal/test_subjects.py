"""Subjects are a managed list: picked, not typed; added deliberately; merged; hidden unused."""

import re

import pytest
import reversion
from django.contrib.admin.models import CHANGE, DELETION, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import IntegrityError, transaction
from django.urls import reverse
from reversion.models import Version

from activities.models import TaggedActivity
from news.models import NewsArticle, TaggedArticle
from portal.cache import content_version
from portal.models import PublishStatus, Tag
from projects.models import ResearchProject, TaggedProject
from tests.activities.factories import ActivityFactory
from tests.news.factories import NewsArticleFactory
from tests.portal.admin_forms import change_form_data
from tests.portal.factories import PersonFactory, TagFactory
from tests.projects.factories import ProjectFactory

pytestmark = pytest.mark.django_db

TAG_ADD = reverse("admin:portal_tag_add")
TAG_LIST = reverse("admin:portal_tag_changelist")


def project_url(project=None) -> str:
    if project is None:
        return reverse("admin:projects_researchproject_add")
    return reverse("admin:projects_researchproject_change", args=[project.pk])


def add_subject(client, name: str, name_en: str = ""):
    return client.post(TAG_ADD, {"name": name, "name_en": name_en, "_save": "Gem"})


def field_errors(response, field: str) -> list[str]:
    return response.context["adminform"].form.errors.get(field, [])


@pytest.fixture
def writer(client):
    """A staff user who may edit projects, with no permission on subjects at all."""
    user = get_user_model().objects.create_user("skribent", password="x", is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_researchproject", "change_researchproject"])
    )
    client.force_login(user)
    return client


# A new subject ---------------------------------------------------------------------


def test_a_name_of_several_words_becomes_one_subject(admin_client):
    response = add_subject(admin_client, "  helt   nyt emne ")

    assert response.status_code == 302
    assert list(Tag.objects.values_list("name", flat=True)) == ["helt nyt emne"]
    assert Tag.objects.get().slug == "helt-nyt-emne"


@pytest.mark.parametrize("name", ["!!!", "123", "– 42 –"])
def test_a_name_without_letters_is_refused(admin_client, name):
    response = add_subject(admin_client, name)

    assert response.status_code == 200
    assert field_errors(response, "name") == [
        "Et emne skal indeholde bogstaver, ikke kun tegn og tal."
    ]
    assert not Tag.objects.exists()


def test_a_list_typed_as_one_name_is_refused(admin_client):
    response = add_subject(admin_client, "børn, unge, familier")

    assert field_errors(response, "name") == [
        "Et emne kan ikke indeholde komma. Opret ét emne ad gangen."
    ]
    assert not Tag.objects.exists()


@pytest.mark.parametrize(
    "name", [" boligområder ", "BOLIGOMRÅDER", "Boligområder", "boligområder\u00a0"]
)
def test_a_name_differing_only_in_case_or_spacing_is_a_duplicate(admin_client, name):
    TagFactory(name="Boligområder", slug="boligomraader")

    response = add_subject(admin_client, name)

    assert response.status_code == 200
    assert field_errors(response, "name") == [
        "Emnet “Boligområder” findes allerede. Vælg det i stedet for at oprette et nyt."
    ]
    assert Tag.objects.count() == 1


def test_english_names_may_not_repeat_either(admin_client):
    TagFactory(name="Boligområder", name_en="Housing areas")

    response = add_subject(admin_client, "Almene boliger", name_en="  housing   AREAS")

    assert field_errors(response, "name_en") == [
        "Emnet “Housing areas” findes allerede. Vælg det i stedet for at oprette et nyt."
    ]


def test_the_database_refuses_doubles_made_past_the_form():
    Tag.objects.create(name="Æblehaver")

    with pytest.raises(IntegrityError), transaction.atomic():
        Tag.objects.create(name="  æBLEHAVER")
    Tag.objects.create(name="Plan", name_en="Plan")
    with pytest.raises(IntegrityError), transaction.atomic():
        Tag.objects.create(name="Planer", name_en="PLAN")


def test_subjects_made_in_bulk_are_compared_the_same_way():
    Tag.objects.bulk_create([Tag(name="Skala  Emne", slug="skala-emne", name_en="Scale")])

    tag = Tag.objects.get()
    assert (tag.name, tag.name_key, tag.name_en_key) == ("Skala Emne", "skala emne", "scale")


# Picking subjects ------------------------------------------------------------------


def test_the_subject_field_lists_every_subject_to_pick_from(admin_client):
    chosen, other = TagFactory(name="renovering"), TagFactory(name="beskæftigelse")
    project = ProjectFactory(tags=[chosen])

    html = admin_client.get(project_url(project)).text

    assert 'class="subject-select"' in html
    assert f'<option value="{chosen.pk}" selected>renovering</option>' in html
    assert f'<option value="{other.pk}">beskæftigelse</option>' in html
    assert 'name="tags" type="text"' not in html  # no free text any more
    assert "Nyt emne" in html
    assert f'href="{TAG_ADD}?_to_field=id"' in html


def test_picking_subjects_saves_them_without_making_new_ones(admin_client):
    renovering, job = TagFactory(name="renovering"), TagFactory(name="beskæftigelse")
    project = ProjectFactory(contacts=[PersonFactory()], tags=[renovering])
    data = change_form_data(admin_client.get(project_url(project)).text)
    data["tags"] = [str(renovering.pk), str(job.pk)]

    response = admin_client.post(project_url(project), data)

    assert response.status_code == 302
    assert sorted(project.tags.names()) == ["beskæftigelse", "renovering"]
    assert Tag.objects.count() == 2


@pytest.mark.parametrize("tampered", ["abc", "999999", "1 OR 1=1", "helt nyt emne"])
def test_a_tampered_subject_gives_a_danish_error_not_a_500(admin_client, tampered):
    subject = TagFactory(name="renovering")
    project = ProjectFactory(contacts=[PersonFactory()], tags=[subject])
    data = change_form_data(admin_client.get(project_url(project)).text)
    data["tags"] = [str(subject.pk), tampered]

    response = admin_client.post(project_url(project), data)

    assert response.status_code == 200
    [error] = field_errors(response, "tags")
    assert "Vælg emner fra listen" in error
    assert list(project.tags.all()) == [subject]
    assert Tag.objects.count() == 1


def test_a_writer_picks_existing_subjects_but_cannot_create_one(writer):
    subject = TagFactory(name="renovering")
    # A draft: a writer's save of a published project becomes a pending draft instead.
    project = ProjectFactory(contacts=[PersonFactory()], status=PublishStatus.DRAFT)

    assert writer.get(TAG_ADD).status_code == 403
    assert add_subject(writer, "helt nyt emne").status_code == 403
    html = writer.get(project_url(project)).text
    assert "Nyt emne" not in html
    assert TAG_ADD not in html
    assert "bed en redaktør om at oprette det" in html

    data = change_form_data(html)
    data["tags"] = [str(subject.pk)]
    assert writer.post(project_url(project), data).status_code == 302
    assert list(project.tags.all()) == [subject]
    assert list(Tag.objects.all()) == [subject]


def test_a_writer_cannot_merge_subjects(writer):
    one, two = TagFactory(), TagFactory()
    writer.user = get_user_model().objects.get(username="skribent")
    writer.user.user_permissions.add(
        Permission.objects.get(codename="view_tag", content_type__app_label="portal")
    )
    data = {"action": "merge_subjects", "_selected_action": [one.pk, two.pk], "survivor": one.pk}

    listing = writer.get(TAG_LIST)
    response = writer.post(TAG_LIST, data)

    assert listing.status_code == 200
    assert "Flet valgte emner" not in listing.text
    assert response.status_code == 200  # the list again, with "no action chosen"
    assert "Vælg det emne, der skal bevares" not in response.text
    assert Tag.objects.count() == 2


# Merging ---------------------------------------------------------------------------


def merge(client, subjects, survivor=None):
    data = {"action": "merge_subjects", "_selected_action": [str(tag.pk) for tag in subjects]}
    if survivor is not None:
        data["survivor"] = str(survivor.pk)
    return client.post(TAG_LIST, data)


def test_merging_asks_which_subject_to_keep_in_danish(admin_client):
    one, two = TagFactory(name="boligområder"), TagFactory(name="boligområde")
    ProjectFactory.create_batch(2, tags=[one])

    response = merge(admin_client, [one, two])

    assert response.status_code == 200
    assert "Flet emner" in response.text
    assert "Vælg det emne, der skal bevares." in response.text
    assert "boligområder (bruges 2 steder)" in response.text
    assert "boligområde (bruges 0 steder)" in response.text
    assert Tag.objects.count() == 2


def test_merging_moves_every_item_to_the_kept_subject_without_doubles(admin_client):
    keep, lose, also = (
        TagFactory(name="boligområder"),
        TagFactory(name="boligområde"),
        TagFactory(name="Boligomr."),
    )
    both = ProjectFactory(tags=[keep, lose])
    only_lost = ProjectFactory(tags=[lose, also])
    article = NewsArticleFactory(tags=[also])
    activity = ActivityFactory(tags=[lose])
    untouched = ProjectFactory(tags=[TagFactory(name="andet")])
    version_before = content_version()

    response = merge(admin_client, [keep, lose, also], survivor=keep)

    assert response.status_code == 302
    assert list(Tag.objects.filter(pk__in=[lose.pk, also.pk])) == []
    assert list(both.tags.all()) == [keep]
    assert list(only_lost.tags.all()) == [keep]
    assert list(article.tags.all()) == [keep]
    assert list(activity.tags.all()) == [keep]
    assert untouched.tags.get().name == "andet"
    assert TaggedProject.objects.filter(tag=keep).count() == 2
    assert TaggedArticle.objects.filter(tag=keep).count() == 1
    assert TaggedActivity.objects.filter(tag=keep).count() == 1
    assert content_version() != version_before


def test_a_merge_is_in_the_log_and_the_history_of_each_item(admin_client):
    keep, lose = TagFactory(name="boligområder"), TagFactory(name="boligområde")
    project = ProjectFactory(tags=[lose])
    article = NewsArticleFactory(tags=[lose])

    merge(admin_client, [keep, lose], survivor=keep)

    message = "Emnerne “boligområde” er flettet ind i “boligområder”."
    for item in (project, article, keep):
        entry = LogEntry.objects.filter(object_id=str(item.pk), action_flag=CHANGE).get(
            content_type__model=item._meta.model_name
        )
        assert entry.change_message == message
    assert LogEntry.objects.filter(object_id=str(lose.pk), action_flag=DELETION).exists()
    version = Version.objects.get_for_object(project).get()
    assert version.revision.comment == message
    kept_links = [
        v.field_dict
        for v in version.revision.version_set.all()
        if v.content_type.model_class() is TaggedProject
    ]
    assert [link["tag_id"] for link in kept_links] == [keep.pk]
    assert Version.objects.get_deleted(Tag).get().object_repr == "boligområde"


def test_an_open_project_form_does_not_silently_undo_a_merge(admin_client):
    keep, lose = TagFactory(name="boligområder"), TagFactory(name="boligområde")
    project = ProjectFactory(contacts=[PersonFactory()], tags=[lose])
    stale = change_form_data(admin_client.get(project_url(project)).text)

    merge(admin_client, [keep, lose], survivor=keep)
    response = admin_client.post(project_url(project), stale)

    assert response.status_code == 200
    assert "Ændringerne er ikke gemt" in response.text
    assert list(project.tags.all()) == [keep]


def test_merging_one_subject_or_a_tampered_choice_is_refused_politely(admin_client):
    one, two, stranger = TagFactory(), TagFactory(), TagFactory()

    alone = merge(admin_client, [one])
    tampered = merge(admin_client, [one, two], survivor=stranger)
    garbage = admin_client.post(
        TAG_LIST,
        {"action": "merge_subjects", "_selected_action": [one.pk, two.pk], "survivor": "x"},
    )

    assert alone.status_code == 302
    assert tampered.status_code == 200
    assert "Vælg et af de emner, der flettes." in tampered.text
    assert garbage.status_code == 200
    assert Tag.objects.count() == 3


# The public filters ----------------------------------------------------------------


def test_unused_subjects_are_not_offered_in_the_public_filters(client):
    used = TagFactory(name="renovering", slug="renovering")
    TagFactory(name="ubrugt", slug="ubrugt")
    on_draft = TagFactory(name="kladdeemne", slug="kladdeemne")
    ProjectFactory(tags=[used])
    ProjectFactory(tags=[on_draft], status=PublishStatus.DRAFT)
    NewsArticleFactory(tags=[used])
    NewsArticleFactory(tags=[on_draft], status=PublishStatus.DRAFT)

    for url in (reverse("projects:list"), reverse("news:list")):
        html = client.get(url).text
        assert 'value="renovering"' in html, url
        assert 'value="ubrugt"' not in html, url
        assert 'value="kladdeemne"' not in html, url


def test_a_merged_away_subject_leaves_the_public_filters_at_once(admin_client, client):
    keep = TagFactory(name="renovering", slug="renovering")
    lose = TagFactory(name="renoveringer", slug="renoveringer")
    ProjectFactory(tags=[lose])
    assert 'value="renoveringer"' in client.get(reverse("projects:list")).text

    merge(admin_client, [keep, lose], survivor=keep)

    html = client.get(reverse("projects:list")).text
    assert 'value="renoveringer"' not in html
    assert 'value="renovering"' in html


def test_models_with_subjects_are_all_found_for_a_merge():
    linked = {rel.related_model for rel in Tag.subject_relations()}

    assert {TaggedProject, TaggedArticle, TaggedActivity} <= linked
    assert ResearchProject not in linked and NewsArticle not in linked
    assert reversion.is_registered(TaggedProject)


def test_the_subject_list_shows_how_much_content_uses_each(
    admin_client, django_assert_max_num_queries
):
    used = TagFactory(name="renovering")
    TagFactory(name="ubrugt")
    ProjectFactory(tags=[used])
    NewsArticleFactory(tags=[used])
    ActivityFactory(tags=[used])
    admin_client.get(TAG_LIST)  # warm the process caches (content types, permissions)

    with django_assert_max_num_queries(20):
        response = admin_client.get(TAG_LIST, {"o": "4"})

    rows = [tag.name for tag in response.context["cl"].result_list]
    assert rows == ["ubrugt", "renovering"]  # least used first: candidates to merge
    assert "3 stykker indhold" in response.text
    assert "0 stykker indhold" in response.text


def test_a_reader_sees_the_subjects_as_text(client):
    user = get_user_model().objects.create_user("laeser", password="x", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_researchproject"))
    client.force_login(user)
    project = ProjectFactory(tags=[TagFactory(name="renovering"), TagFactory(name="tryghed")])

    response = client.get(project_url(project))

    assert response.status_code == 200
    assert 'class="subject-select"' not in response.text
    shown = re.findall(r'<div class="readonly">([^<]*renovering[^<]*)</div>', response.text)
    assert len(shown) == 1, shown
    assert sorted(shown[0].split(", ")) == ["renovering", "tryghed"]
