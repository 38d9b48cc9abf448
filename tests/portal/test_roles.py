"""Two roles: a Redaktør publishes, a Skribent writes drafts, for every content type.

Each test asks one action of both roles, for each publishable content type, through the
admin as a browser would (tampered posts included), and checks what visitors then see.
"""

import pytest
import reversion
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from activities.models import Activity
from events.models import Event
from films.models import Film
from news.models import NewsArticle
from portal.models import Organisation, Person, PublishStatus, Tag
from portal.roles import EDITOR, WRITER, can_publish, publish_permission, setup_roles
from projects.models import ResearchProject
from tests.activities.factories import ActivityFactory
from tests.events.factories import EventFactory
from tests.films.factories import FilmFactory
from tests.news.factories import NewsArticleFactory
from tests.portal.admin_forms import change_form_data
from tests.portal.factories import OrganisationFactory, PersonFactory, TagFactory
from tests.projects.factories import ProjectFactory
from tests.themes.factories import ThemeFactory
from themes.models import Theme

pytestmark = pytest.mark.django_db

CONTENT = {
    ResearchProject: (ProjectFactory, "title"),  # a project needs a contact: see make()
    Theme: (ThemeFactory, "title"),
    Activity: (ActivityFactory, "name"),
    NewsArticle: (NewsArticleFactory, "title"),
    Film: (FilmFactory, "title"),
    Event: (EventFactory, "title"),
}
MODELS = list(CONTENT)
PUBLISHED, DRAFT = PublishStatus.PUBLISHED, PublishStatus.DRAFT


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def make(model, **fields):
    factory, _title = CONTENT[model]
    if model is ResearchProject:
        fields.setdefault("contacts", [PersonFactory()])
    return factory(**fields)


def title_of(obj) -> str:
    return getattr(obj, CONTENT[type(obj)][1])


def member_client(role: str, name: str) -> Client:
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(
        name, f"{name}@example.org", "en-lang-adgangskode-1", is_staff=True
    )
    user.groups.add(Group.objects.get(name=role))
    client = Client()
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def editor():
    setup_roles()
    return member_client(EDITOR, "redaktoer")


@pytest.fixture
def writer():
    setup_roles()
    return member_client(WRITER, "skribent")


def visible(obj) -> bool:
    return type(obj).objects.published().filter(pk=obj.pk).exists()


def change_data(client, obj) -> dict:
    return change_form_data(client.get(admin_url(type(obj), "change", obj.pk)).text)


def add_data(client, model) -> dict:
    """An add form filled in as a copy of an existing item, its inline rows as new rows."""
    template = make(model, status=DRAFT)
    data = change_form_data(client.get(admin_url(model, "change", template.pk)).text)
    parent_links = tuple(f"-{rel.field.name}" for rel in model._meta.related_objects)
    for name in data:
        if name.endswith("-INITIAL_FORMS"):
            data[name] = ["0"]
        elif name.endswith(("-id", *parent_links)):
            data[name] = [""]
    data["slug"] = ["et-nyt-element"]
    data[f"{CONTENT[model][1]}_da"] = ["Et nyt element"]
    return data


# The groups ---------------------------------------------------------------------------


def test_setup_roles_creates_both_groups_and_is_safe_to_repeat():
    setup_roles()
    first = {g.name: set(g.permissions.all()) for g in Group.objects.all()}
    assert setup_roles() == {EDITOR: (0, 0), WRITER: (0, 0)}

    assert set(first) == {EDITOR, WRITER}
    assert {g.name: set(g.permissions.all()) for g in Group.objects.all()} == first


def test_setup_roles_brings_an_existing_group_up_to_date():
    setup_roles()
    group = Group.objects.get(name=WRITER)
    stray = Permission.objects.get(codename="publish_newsarticle")
    missing = Permission.objects.get(codename="add_newsarticle")
    group.permissions.add(stray)
    group.permissions.remove(missing)

    assert setup_roles()[WRITER] == (1, 1)

    assert missing in group.permissions.all()
    assert stray not in group.permissions.all()


def test_the_command_sets_up_the_roles():
    from django.core.management import call_command

    call_command("setup_roles", verbosity=0)
    call_command("setup_roles", verbosity=0)

    assert Group.objects.filter(name__in=[EDITOR, WRITER]).count() == 2


@pytest.mark.parametrize("model", MODELS)
def test_every_publishable_model_has_a_danish_publish_permission(model):
    app_label, codename = publish_permission(model).split(".")
    permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)

    assert permission.name == f"Kan udgive {model._meta.verbose_name}"


def test_neither_role_manages_user_accounts(editor, writer):
    for client in (editor, writer):
        assert client.get(reverse("admin:auth_user_changelist")).status_code == 403
        assert client.get(reverse("admin:auth_group_changelist")).status_code == 403
        assert not client.user.get_all_permissions() & {
            f"auth.{p.codename}" for p in Permission.objects.filter(content_type__app_label="auth")
        }


@pytest.mark.parametrize("model", MODELS)
def test_only_the_editor_may_publish(editor, writer, model):
    assert can_publish(editor.user, model)
    assert not can_publish(writer.user, model)


# Adding -------------------------------------------------------------------------------


@pytest.mark.parametrize("model", MODELS)
def test_a_writer_adds_a_draft_even_when_the_post_says_published(editor, writer, model):
    data = add_data(editor, model)
    assert "status" not in change_form_data(writer.get(admin_url(model, "add")).text)
    data["status"] = [PUBLISHED]

    response = writer.post(admin_url(model, "add"), data)

    assert response.status_code == 302, response.context and response.context.get("errors")
    added = model.objects.get(slug="et-nyt-element")
    assert added.status == DRAFT
    assert not visible(added)


@pytest.mark.parametrize("model", MODELS)
def test_an_editor_adds_and_publishes_at_once(editor, model):
    data = add_data(editor, model)
    data["status"] = [PUBLISHED]

    assert editor.post(admin_url(model, "add"), data).status_code == 302

    assert visible(model.objects.get(slug="et-nyt-element"))


# Changing -----------------------------------------------------------------------------


@pytest.mark.parametrize("model", MODELS)
def test_a_writer_edits_a_draft_but_cannot_publish_it(writer, model):
    draft = make(model, status=DRAFT)
    data = change_data(writer, draft)
    data[f"{CONTENT[model][1]}_da"] = ["Ny overskrift"]
    data["status"] = [PUBLISHED]

    assert writer.post(admin_url(model, "change", draft.pk), data).status_code == 302

    draft.refresh_from_db()
    assert title_of(draft) == "Ny overskrift"
    assert draft.status == DRAFT


@pytest.mark.parametrize("model", MODELS)
def test_an_editor_publishes_a_draft_from_its_form(editor, model):
    draft = make(model, status=DRAFT)
    data = change_data(editor, draft)
    data["status"] = [PUBLISHED]

    assert editor.post(admin_url(model, "change", draft.pk), data).status_code == 302

    assert visible(draft)


@pytest.mark.parametrize("model", MODELS)
def test_a_writer_cannot_take_a_published_item_offline(writer, model):
    live = make(model, status=PUBLISHED)
    data = change_data(writer, live)
    data["status"] = [DRAFT]

    # The form is theirs to submit (a proposed change), but the item stays on the site.
    assert writer.post(admin_url(model, "change", live.pk), data).status_code == 302

    assert visible(live)


@pytest.mark.parametrize("model", MODELS)
def test_a_writers_change_to_a_published_item_does_not_go_live(writer, model):
    live = make(model, status=PUBLISHED)
    before = title_of(live)
    data = change_data(writer, live)
    data[f"{CONTENT[model][1]}_da"] = ["Forslag til ny overskrift"]

    writer.post(admin_url(model, "change", live.pk), data)

    assert title_of(model.objects.get(pk=live.pk)) == before
    assert visible(live)


# Scheduling ---------------------------------------------------------------------------


@pytest.mark.parametrize("model", MODELS)
def test_the_publishing_window_is_read_only_to_a_writer_only(editor, writer, model):
    from django.contrib import admin
    from django.test import RequestFactory

    model_admin = admin.site.get_model_admin(model)
    obj = make(model, status=DRAFT)
    for client, expected in ((writer, True), (editor, False)):
        request = RequestFactory().get("/")
        request.user = client.user
        readonly = set(model_admin.get_readonly_fields(request, obj))
        assert ({"status", "publish_from", "publish_until"} <= readonly) is expected


@pytest.mark.parametrize("model", MODELS)
def test_a_tampered_post_cannot_schedule_for_a_writer(writer, model):
    draft = make(model, status=DRAFT)
    data = change_data(writer, draft)
    data.update(
        {
            "publish_from": ["2030-01-01 09:00"],
            "publish_from_0": ["01-01-2030"],
            "publish_from_1": ["09:00"],
            "publish_until": ["2031-01-01 09:00"],
        }
    )

    writer.post(admin_url(model, "change", draft.pk), data)

    draft.refresh_from_db()
    assert (draft.publish_from, draft.publish_until) == (None, None)


# Deleting -----------------------------------------------------------------------------


@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize("status", [DRAFT, PUBLISHED])
def test_a_writer_deletes_nothing(writer, model, status):
    obj = make(model, status=status)

    assert writer.get(admin_url(model, "delete", obj.pk)).status_code == 403
    assert writer.post(admin_url(model, "delete", obj.pk), {"post": "yes"}).status_code == 403
    writer.post(
        admin_url(model, "changelist"), {"action": "delete_selected", "_selected_action": [obj.pk]}
    )

    assert model.objects.filter(pk=obj.pk).exists()


@pytest.mark.parametrize("model", MODELS)
def test_an_editor_deletes(editor, model):
    obj = make(model, status=PUBLISHED)

    response = editor.post(admin_url(model, "delete", obj.pk), {"post": "yes"})

    assert response.status_code == 302
    assert not model.objects.filter(pk=obj.pk).exists()


@pytest.mark.parametrize("model", MODELS)
def test_deleting_a_published_item_needs_the_publish_permission_too(writer, model):
    """Even a user given the delete permission by hand cannot take a live item off."""
    writer.user.user_permissions.add(
        Permission.objects.get(codename=f"delete_{model._meta.model_name}")
    )
    live, draft = make(model, status=PUBLISHED), make(model, status=DRAFT)

    assert writer.post(admin_url(model, "delete", live.pk), {"post": "yes"}).status_code == 403
    assert writer.post(admin_url(model, "delete", draft.pk), {"post": "yes"}).status_code == 302
    assert model.objects.filter(pk=live.pk).exists()
    assert not model.objects.filter(pk=draft.pk).exists()


# Bulk actions -------------------------------------------------------------------------


@pytest.mark.parametrize("model", MODELS)
def test_a_writer_is_not_offered_and_cannot_run_the_publishing_actions(writer, model):
    drafts = [make(model, status=DRAFT) for _ in range(2)]
    live = make(model, status=PUBLISHED)
    page = writer.get(admin_url(model, "changelist")).text
    assert "publish_selected" not in page
    assert "unpublish_selected" not in page

    url = admin_url(model, "changelist")
    writer.post(url, {"action": "publish_selected", "_selected_action": [d.pk for d in drafts]})
    writer.post(url, {"action": "unpublish_selected", "_selected_action": [live.pk]})

    assert not any(visible(d) for d in drafts)
    assert visible(live)


@pytest.mark.parametrize("model", MODELS)
def test_an_editor_publishes_and_unpublishes_several_at_once(editor, model):
    drafts = [make(model, status=DRAFT) for _ in range(2)]
    url = admin_url(model, "changelist")
    page = editor.get(url).text
    assert f"Udgiv valgte {model._meta.verbose_name_plural}" in page
    assert f"Gør valgte {model._meta.verbose_name_plural} til kladder" in page

    editor.post(url, {"action": "publish_selected", "_selected_action": [d.pk for d in drafts]})
    assert all(visible(d) for d in drafts)

    editor.post(url, {"action": "unpublish_selected", "_selected_action": [d.pk for d in drafts]})
    assert not any(visible(d) for d in drafts)


# Restoring ----------------------------------------------------------------------------


def versioned(model, **fields):
    with reversion.create_revision():
        obj = make(model, **fields)
    setattr(obj, CONTENT[model][1], "En senere overskrift")
    with reversion.create_revision():
        obj.save()
    return obj


@pytest.mark.parametrize("model", MODELS)
def test_a_writer_cannot_restore_an_old_version(writer, model):
    obj = versioned(model, status=PUBLISHED)
    oldest = Version.objects.get_for_object(obj).last()
    url = admin_url(model, "revision", obj.pk, oldest.pk)

    assert writer.get(url).status_code == 403
    assert writer.post(url, change_data(writer, obj)).status_code == 403

    assert title_of(model.objects.get(pk=obj.pk)) == "En senere overskrift"


@pytest.mark.parametrize("model", MODELS)
def test_an_editor_restores_an_old_version(editor, model):
    obj = versioned(model, status=PUBLISHED)
    oldest = Version.objects.get_for_object(obj).last()
    url = admin_url(model, "revision", obj.pk, oldest.pk)
    page = editor.get(url)
    assert page.status_code == 200

    assert editor.post(url, change_form_data(page.text)).status_code == 302

    assert title_of(model.objects.get(pk=obj.pk)) != "En senere overskrift"


@pytest.mark.parametrize("model", MODELS)
def test_only_an_editor_recovers_a_deleted_item(editor, writer, model):
    obj = make(model, status=PUBLISHED)
    assert editor.post(admin_url(model, "delete", obj.pk), {"post": "yes"}).status_code == 302
    deleted = Version.objects.get_deleted(model).get()

    assert writer.get(admin_url(model, "recoverlist")).status_code == 403
    assert writer.get(admin_url(model, "recover", deleted.pk)).status_code == 403
    assert writer.post(admin_url(model, "recover", deleted.pk), {}).status_code == 403
    assert not model.objects.filter(pk=obj.pk).exists()

    assert editor.get(admin_url(model, "recoverlist")).status_code == 200
    page = editor.get(admin_url(model, "recover", deleted.pk))
    assert page.status_code == 200
    assert editor.post(admin_url(model, "recover", deleted.pk), change_form_data(page.text))
    assert model.objects.filter(pk=obj.pk).exists()


# People, organisations and subjects ----------------------------------------------------

MANAGED = {
    Person: (PersonFactory, {"name": "Ny Medarbejder", "slug": "ny-medarbejder"}),
    Tag: (TagFactory, {"name": "nyt emne"}),  # a subject's address follows its first name
    Organisation: (OrganisationFactory, {"name": "Ny organisation", "slug": "ny-org"}),
}


@pytest.mark.parametrize("model", list(MANAGED))
def test_an_editor_manages_people_and_subjects(editor, model):
    factory, fields = MANAGED[model]
    obj = factory()
    data = change_data(editor, obj)
    data.update({name: [value] for name, value in fields.items()})

    assert editor.post(admin_url(model, "change", obj.pk), data).status_code == 302
    assert model.objects.filter(pk=obj.pk, **fields).exists()
    assert editor.post(admin_url(model, "delete", obj.pk), {"post": "yes"}).status_code == 302
    assert not model.objects.filter(pk=obj.pk).exists()


@pytest.mark.parametrize("model", list(MANAGED))
def test_a_writer_sees_but_does_not_change_people_and_subjects(writer, model):
    factory, fields = MANAGED[model]
    obj = factory()
    data = change_data(writer, obj)
    data.update({name: [value] for name, value in fields.items()})

    assert writer.get(admin_url(model, "changelist")).status_code == 200
    assert writer.get(admin_url(model, "add")).status_code == 403
    writer.post(admin_url(model, "change", obj.pk), data)
    assert writer.post(admin_url(model, "delete", obj.pk), {"post": "yes"}).status_code == 403

    assert not model.objects.filter(pk=obj.pk, **fields).exists()
    assert model.objects.filter(pk=obj.pk).exists()


def test_a_writer_edits_the_inline_rows_of_a_draft():
    """Sections of a theme, contacts of a project: writing a draft means changing them."""
    setup_roles()
    permissions = Group.objects.get(name=WRITER).permissions.values_list("codename", flat=True)

    for codename in ("add_section", "change_section", "delete_section", "delete_source"):
        assert codename in permissions
    for codename in ("delete_theme", "add_tag", "change_person", "publish_theme"):
        assert codename not in permissions


def test_a_writer_cannot_change_a_section_of_a_published_theme_on_its_own_page(writer):
    from tests.themes.factories import SectionFactory
    from themes.models import Section

    live = SectionFactory(theme=ThemeFactory(status=PUBLISHED), heading="Live overskrift")
    draft = SectionFactory(theme=ThemeFactory(status=DRAFT), heading="Kladdens overskrift")
    for section in (live, draft):
        data = change_data(writer, section)
        data["heading_da"] = ["Ændret"]
        writer.post(admin_url(Section, "change", section.pk), data)
        assert writer.post(admin_url(Section, "delete", section.pk), {"post": "yes"}).status_code

    assert Section.objects.get(pk=live.pk).heading == "Live overskrift"
    assert not Section.objects.filter(pk=draft.pk).exists()  # a draft's section is theirs


def test_a_writer_cannot_add_a_section_to_a_published_theme(writer):
    from themes.models import Section

    live = ThemeFactory(status=PUBLISHED)
    data = change_form_data(writer.get(admin_url(Section, "add")).text)
    data.update({"theme": [str(live.pk)], "heading_da": ["Nyt afsnit"], "kind": ["text"]})

    response = writer.post(admin_url(Section, "add"), data)

    assert response.status_code == 200
    assert not Section.objects.filter(theme=live).exists()


@pytest.mark.parametrize("model", MODELS)
def test_a_writer_reads_the_history_without_links_to_restore(editor, writer, model):
    obj = versioned(model, status=PUBLISHED)
    revision = admin_url(model, "revision", obj.pk, Version.objects.get_for_object(obj).last().pk)
    recoverlist = admin_url(model, "recoverlist")

    for client, offered in ((writer, False), (editor, True)):
        history = client.get(admin_url(model, "history", obj.pk))
        assert history.status_code == 200
        assert (revision in history.text) is offered
        assert (recoverlist in client.get(admin_url(model, "changelist")).text) is offered


def test_no_list_lets_anyone_edit_what_visitors_see_in_place():
    """List editing would bypass the read-only publishing fields of a Skribent's form."""
    from django.contrib import admin

    from portal.roles import PUBLISHING_FIELDS

    for model, model_admin in admin.site._registry.items():
        assert not set(model_admin.list_editable) & set(PUBLISHING_FIELDS), model


@pytest.mark.parametrize("model", MODELS)
def test_a_writer_cannot_press_publish_on_a_pending_draft(writer, model):
    live = make(model, status=PUBLISHED)
    data = change_data(writer, live)
    data[f"{CONTENT[model][1]}_da"] = ["Forslag"]
    data["_publish_draft"] = ["Udgiv"]

    assert writer.post(admin_url(model, "change", live.pk), data).status_code == 403

    assert title_of(model.objects.get(pk=live.pk)) != "Forslag"


def test_the_roles_cover_every_model_of_the_project_apps():
    """Derived from the apps, so a content type added later joins by running setup_roles."""
    from portal.registry import project_apps
    from portal.roles import is_publishable

    setup_roles()
    editor = Group.objects.get(name=EDITOR).permissions
    writer = Group.objects.get(name=WRITER).permissions
    for model in [m for app in project_apps() for m in app.get_models()]:
        opts = model._meta
        for action in opts.default_permissions:
            codename = f"{action}_{opts.model_name}"
            assert editor.filter(content_type__app_label=opts.app_label, codename=codename)
        assert writer.filter(
            content_type__app_label=opts.app_label, codename=f"view_{opts.model_name}"
        )
        publish = f"publish_{opts.model_name}"
        assert editor.filter(codename=publish).exists() is is_publishable(model)
        assert not writer.filter(codename=publish).exists()
