"""Changing a published item without taking it offline: a pending draft beside the live page."""

import datetime
import re

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from portal.models import PendingDraft, Person, PublishStatus, Tag
from projects.models import ProjectContact, ResearchProject
from tests.portal.admin_forms import form_data
from tests.portal.factories import PersonFactory, TagFactory
from tests.projects.factories import ProjectFactory
from tests.themes.factories import SectionFactory, ThemeFactory
from themes.models import Theme

pytestmark = pytest.mark.django_db

DRAFT_NOTICE = "Denne side har ændringer i kladde, som endnu ikke er udgivet"


def change_url(obj) -> str:
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def open_form(client, obj) -> dict:
    response = client.get(change_url(obj))
    assert response.status_code == 200, response.status_code
    return form_data(response.text, f"{obj._meta.model_name}_form")


def post(client, obj, button: str, **changes):
    """Open the change form, change what a browser would send, press ``button``."""
    data = open_form(client, obj)
    data.update({name: [value] for name, value in changes.items()})
    return client.post(change_url(obj), {**data, button: "x"})


def live(obj):
    return type(obj).objects.get(pk=obj.pk)


def visitor_sees(obj, text: str) -> bool:
    response = Client().get(obj.get_absolute_url())
    assert response.status_code == 200
    return text in response.text


@pytest.fixture
def project():
    return ProjectFactory(
        title="Boligsocial indsats",
        title_da="Boligsocial indsats",
        summary_da="Gammelt resumé",
        contacts=[PersonFactory()],
    )


@pytest.fixture
def writer(django_user_model):
    """A staff user who may change projects but not publish them."""
    user = django_user_model.objects.create_user("skribent", password="x", is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="projects",
            codename__in=["view_researchproject", "change_researchproject"],
        ),
        *Permission.objects.filter(
            content_type__app_label="projects",
            codename__in=["add_projectcontact", "change_projectcontact", "delete_projectcontact"],
        ),
    )
    client = Client()
    client.force_login(user)
    return client


# Gem som kladde --------------------------------------------------------------------


def test_save_as_draft_keeps_the_live_page(admin_client, project):
    response = post(admin_client, project, "_save_draft", summary_da="Nyt resumé")

    assert response.status_code == 302
    assert live(project).summary_da == "Gammelt resumé"
    assert visitor_sees(project, "Gammelt resumé")
    assert not visitor_sees(project, "Nyt resumé")
    assert PendingDraft.objects.for_object(project).count() == 1


def test_save_as_draft_makes_no_version(admin_client, project):
    before = Version.objects.get_for_object(project).count()

    post(admin_client, project, "_save_draft", summary_da="Nyt resumé")

    assert Version.objects.get_for_object(project).count() == before


def test_the_change_form_continues_from_the_draft(admin_client, project):
    post(admin_client, project, "_save_draft", summary_da="Nyt resumé")

    response = admin_client.get(change_url(project))

    assert DRAFT_NOTICE in response.text
    assert form_data(response.text, "researchproject_form")["summary_da"] == ["Nyt resumé"]
    assert 'name="_publish_draft"' in response.text
    assert 'name="_discard_draft"' in response.text
    assert live(project).summary_da == "Gammelt resumé"


def test_saving_again_updates_the_one_draft(admin_client, project):
    post(admin_client, project, "_save_draft", summary_da="Første udkast")
    post(admin_client, project, "_save_draft", title_da="Ny titel")

    assert PendingDraft.objects.count() == 1
    data = open_form(admin_client, project)
    assert data["summary_da"] == ["Første udkast"]
    assert data["title_da"] == ["Ny titel"]


def test_a_plain_save_while_a_draft_is_pending_stays_a_draft(admin_client, project):
    post(admin_client, project, "_save_draft", summary_da="Nyt resumé")

    response = post(admin_client, project, "_save", title_da="Titel i kladden")

    assert response.status_code == 302
    assert live(project).title_da == "Boligsocial indsats"


def test_the_changelist_knows_which_items_have_a_pending_draft(admin_client, project):
    other = ProjectFactory()
    post(admin_client, project, "_save_draft", summary_da="Nyt resumé")

    response = admin_client.get(reverse("admin:projects_researchproject_changelist"))

    rows = {row.pk: row.has_pending_draft for row in response.context["cl"].result_list}
    assert rows == {project.pk: True, other.pk: False}


# Udgiv ---------------------------------------------------------------------------------


def test_publish_applies_the_draft_as_a_new_version(admin_client, project):
    post(admin_client, project, "_save_draft", summary_da="Nyt resumé")
    before = Version.objects.get_for_object(project).count()

    response = post(admin_client, project, "_publish_draft")

    assert response.status_code == 302
    assert live(project).summary_da == "Nyt resumé"
    assert visitor_sees(project, "Nyt resumé")
    assert not PendingDraft.objects.exists()
    versions = Version.objects.get_for_object(project).order_by("-pk")
    assert versions.count() == before + 1
    assert versions[0].revision.comment == "Ændringerne i kladden er udgivet."
    assert versions[0].field_dict["summary_da"] == "Nyt resumé"


def test_a_drafts_contact_persons_go_live_only_when_published(admin_client):
    old, new = PersonFactory(name="Gammel Kontakt"), PersonFactory(name="Ny Kontakt")
    project = ProjectFactory(contacts=[old])
    data = open_form(admin_client, project)
    data["contact_links-0-person"] = [str(new.pk)]

    admin_client.post(change_url(project), {**data, "_save_draft": "x"})

    assert list(project.contact_links.values_list("person__name", flat=True)) == ["Gammel Kontakt"]
    assert visitor_sees(project, "Gammel Kontakt")
    assert not visitor_sees(project, "Ny Kontakt")

    post(admin_client, project, "_publish_draft")

    assert list(project.contact_links.values_list("person__name", flat=True)) == ["Ny Kontakt"]
    assert visitor_sees(project, "Ny Kontakt")
    version = Version.objects.get_for_object(project).order_by("-pk").first()
    links = version.revision.version_set.filter(content_type__model="projectcontact")
    assert [v.field_dict["person_id"] for v in links] == [new.pk]


def test_a_contact_added_in_a_draft_is_added_when_published(admin_client):
    first, second = PersonFactory(name="Første"), PersonFactory(name="Anden")
    project = ProjectFactory(contacts=[first])
    data = open_form(admin_client, project)
    data.update(
        {
            "contact_links-TOTAL_FORMS": ["2"],
            "contact_links-1-person": [str(second.pk)],
            "contact_links-1-order": ["2"],
            "contact_links-1-project": [str(project.pk)],
        }
    )
    admin_client.post(change_url(project), {**data, "_save_draft": "x"})
    assert project.contact_links.count() == 1

    # Meanwhile another project gets a contact: on SQLite it may take the draft's row id.
    ProjectFactory(contacts=[PersonFactory()])
    post(admin_client, project, "_publish_draft")

    names = list(project.contact_links.values_list("person__name", flat=True))
    assert names == ["Første", "Anden"]
    assert ProjectContact.objects.count() == 3


def test_publishing_a_theme_draft_brings_its_sections(admin_client):
    theme = ThemeFactory(status=PublishStatus.PUBLISHED)
    SectionFactory(theme=theme, heading_da="Gammelt afsnit", heading="Gammelt afsnit")
    data = open_form(admin_client, theme)
    data["sections-0-heading_da"] = ["Nyt afsnit"]

    response = admin_client.post(change_url(theme), {**data, "_save_draft": "x"})

    assert response.status_code == 302
    assert visitor_sees(theme, "Gammelt afsnit")
    post(admin_client, theme, "_publish_draft")
    assert visitor_sees(theme, "Nyt afsnit")
    assert Theme.objects.get(pk=theme.pk).sections.get().heading_da == "Nyt afsnit"


# Kassér kladde ---------------------------------------------------------------------------


def test_discard_drops_the_draft(admin_client, project):
    post(admin_client, project, "_save_draft", summary_da="Nyt resumé")

    response = post(admin_client, project, "_discard_draft")

    assert response.status_code == 302
    assert not PendingDraft.objects.exists()
    assert open_form(admin_client, project)["summary_da"] == ["Gammelt resumé"]
    assert live(project).summary_da == "Gammelt resumé"


def test_discarding_a_draft_someone_saved_since_is_refused(admin_client, project, writer):
    stale = open_form(admin_client, project)
    post(writer, project, "_save", summary_da="Skribentens tekst")

    admin_client.post(change_url(project), {**stale, "_discard_draft": "x"})

    assert PendingDraft.objects.get().snapshot  # the writer's work is kept


# Who may publish -------------------------------------------------------------------------


def test_a_writer_saving_a_published_item_makes_a_draft(writer, project):
    response = post(writer, project, "_save", summary_da="Skribentens tekst")

    assert response.status_code == 302
    assert live(project).summary_da == "Gammelt resumé"
    assert PendingDraft.objects.for_object(project).exists()


def test_a_writer_cannot_publish_a_draft(writer, project):
    post(writer, project, "_save_draft", summary_da="Skribentens tekst")

    response = post(writer, project, "_publish_draft")

    assert response.status_code == 403
    assert live(project).summary_da == "Gammelt resumé"
    assert PendingDraft.objects.exists()


def test_a_writer_is_offered_no_publish_button(writer, project):
    post(writer, project, "_save_draft", summary_da="Skribentens tekst")

    response = writer.get(change_url(project))

    assert 'name="_save_draft"' in response.text
    assert 'name="_publish_draft"' not in response.text
    assert 'name="_save"' not in response.text


def test_a_writer_changes_a_draft_item_directly(writer):
    project = ProjectFactory(
        status=PublishStatus.DRAFT, summary_da="Gammelt", contacts=[PersonFactory()]
    )

    post(writer, project, "_save", summary_da="Nyt")

    assert live(project).summary_da == "Nyt"
    assert not PendingDraft.objects.exists()


def test_an_editor_changes_a_published_item_directly_with_gem(admin_client, project):
    post(admin_client, project, "_save", summary_da="Rettet med det samme")

    assert live(project).summary_da == "Rettet med det samme"
    assert not PendingDraft.objects.exists()


# Edit conflicts and bad input ----------------------------------------------------------


def test_an_editor_who_opened_the_form_before_a_draft_was_saved_is_stopped(
    admin_client, writer, project
):
    stale = open_form(admin_client, project)
    post(writer, project, "_save", summary_da="Skribentens tekst")

    response = admin_client.post(
        change_url(project), {**stale, "summary_da": "Redaktørens tekst", "_save": "Gem"}
    )

    assert response.status_code == 200  # refused, and shown again with what was typed
    assert "Redaktørens tekst" in response.text
    assert live(project).summary_da == "Gammelt resumé"


def test_an_invalid_draft_save_shows_the_errors_and_keeps_the_text(admin_client, project):
    response = post(admin_client, project, "_save_draft", summary_da="Nyt", title_da="")

    assert response.status_code == 200
    assert "Nyt" in response.text
    assert not PendingDraft.objects.exists()


@pytest.mark.parametrize("button", ["_save_draft", "_publish_draft", "_discard_draft"], ids=str)
def test_hostile_posts_never_fail(admin_client, project, button):
    url = change_url(project)

    for data in (
        {button: "x"},
        {button: "x", "seen_log_entry": "-1"},
        {button: "x", "seen_log_entry": "abc", "contact_links-TOTAL_FORMS": "x"},
    ):
        assert admin_client.post(url, data).status_code < 500
    assert live(project).summary_da == "Gammelt resumé"


def test_draft_buttons_leave_models_that_are_not_publishable_alone(admin_client):
    person = PersonFactory()
    url = reverse("admin:portal_person_change", args=[person.pk])

    response = admin_client.get(url)

    assert 'name="_save_draft"' not in response.text
    assert admin_client.post(url, {"_save_draft": "x"}).status_code < 500


def test_deleting_a_published_item_with_a_draft_leaves_no_orphan(admin_client, project):
    post(admin_client, project, "_save_draft", summary_da="Nyt resumé")

    ResearchProject.objects.filter(pk=project.pk).delete()

    assert not PendingDraft.objects.exists()


# A draft that points at something deleted since ----------------------------------------


@pytest.fixture
def broken_draft(admin_client):
    """A published project whose draft names a contact person deleted since."""
    kept, gone = PersonFactory(name="Blivende Kontakt"), PersonFactory(name="Slettet Kontakt")
    project = ProjectFactory(contacts=[kept], summary_da="Gammelt resumé")
    data = open_form(admin_client, project)
    data["contact_links-0-person"] = [str(gone.pk)]
    data["summary_da"] = ["Kladdens resumé"]
    admin_client.post(change_url(project), {**data, "_save_draft": "x"})
    assert PendingDraft.objects.exists()
    gone.delete()  # only the draft names this person: nothing protects it
    return project


def test_a_draft_naming_a_person_deleted_since_keeps_its_text(admin_client, broken_draft):
    response = admin_client.get(change_url(broken_draft))

    assert response.status_code == 200
    data = form_data(response.text, "researchproject_form")
    assert data["summary_da"] == ["Kladdens resumé"]
    assert "Slettet Kontakt" not in response.text  # the link to the deleted person is left out
    assert live(broken_draft).summary_da == "Gammelt resumé"


def contact(name: str) -> dict:
    """The change form's first contact row, set to the person called ``name``."""
    return {"contact_links-0-person": str(Person.objects.get(name=name).pk)}


def test_a_draft_that_lost_its_only_contact_asks_for_one_and_keeps_the_text(
    admin_client, broken_draft
):
    refused = post(admin_client, broken_draft, "_save_draft", summary_da="Ny kladde")

    assert refused.status_code == 200
    assert "Ny kladde" in refused.text

    saved = post(
        admin_client,
        broken_draft,
        "_save_draft",
        summary_da="Ny kladde",
        **contact("Blivende Kontakt"),
    )
    assert saved.status_code == 302
    assert "Ny kladde" in str(PendingDraft.objects.get().snapshot)


def test_publishing_a_draft_that_named_a_deleted_person(admin_client, broken_draft):
    response = post(
        admin_client,
        broken_draft,
        "_publish_draft",
        summary_da="Rettet",
        **contact("Blivende Kontakt"),
    )

    assert response.status_code == 302
    assert live(broken_draft).summary_da == "Rettet"
    assert list(broken_draft.contact_links.values_list("person__name", flat=True)) == [
        "Blivende Kontakt"
    ]


def test_the_preview_of_a_draft_naming_a_deleted_person_shows_its_text(
    admin_client, client, broken_draft
):
    response = admin_client.get(broken_draft.get_absolute_url())

    assert response.status_code == 200
    assert "Kladdens resumé" in response.text
    assert "Gammelt resumé" in client.get(broken_draft.get_absolute_url()).text


def test_a_writer_cannot_change_a_published_themes_section_on_its_own_form(
    client, django_user_model
):
    user = django_user_model.objects.create_user("skribent", password="x", is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="themes",
            codename__in=["view_section", "change_section", "delete_section"],
        )
    )
    client.force_login(user)
    published = SectionFactory(
        theme=ThemeFactory(status=PublishStatus.PUBLISHED), heading_da="Udgivet afsnit"
    )
    unpublished = SectionFactory(theme=ThemeFactory(status=PublishStatus.DRAFT))

    response = client.post(change_url(published), {"heading_da": "Ændret", "_save": "Gem"})

    assert response.status_code == 403
    assert published._meta.model.objects.get(pk=published.pk).heading_da == "Udgivet afsnit"
    assert 'name="_save"' not in client.get(change_url(published)).text
    assert 'name="_save"' in client.get(change_url(unpublished)).text


# A draft carries content, never the state it was saved in ----------------------------


def test_a_writer_cannot_bring_back_online_an_item_taken_offline_with_a_draft_pending(
    writer, admin_client, project
):
    post(writer, project, "_save_draft", summary_da="Skribentens resumé")
    ResearchProject.objects.filter(pk=project.pk).update(status=PublishStatus.DRAFT)

    response = post(writer, project, "_continue", summary_da="Skribentens resumé, rettet")

    assert response.status_code == 302
    assert live(project).status == PublishStatus.DRAFT
    assert Client().get(project.get_absolute_url()).status_code == 404


def test_publishing_a_draft_keeps_the_window_the_item_has_now(admin_client, project):
    post(admin_client, project, "_save_draft", summary_da="Kladdens resumé")
    closes = (timezone.now() + datetime.timedelta(days=30)).replace(second=0, microsecond=0)
    ResearchProject.objects.filter(pk=project.pk).update(publish_until=closes)

    post(admin_client, project, "_publish_draft")

    assert live(project).summary_da == "Kladdens resumé"
    assert live(project).publish_until == closes


def test_a_draft_keeps_its_text_when_its_subject_is_merged_into_another(admin_client, project):
    old, kept = TagFactory(name="boligsocialt"), TagFactory(name="boligsocial indsats")
    project.tags.set([old])
    post(admin_client, project, "_save_draft", summary_da="Kladdens resumé")

    Tag.objects.filter(pk=old.pk).merge_into(kept)

    data = open_form(admin_client, project)
    assert data["summary_da"] == ["Kladdens resumé"]


def test_a_section_of_a_theme_with_a_pending_draft_changes_only_through_the_theme(
    admin_client,
):
    theme = ThemeFactory(status=PublishStatus.PUBLISHED)
    section = SectionFactory(theme=theme, heading_da="Gammelt afsnit")
    data = open_form(admin_client, theme)
    data["sections-0-heading_da"] = ["Kladdens afsnit"]
    admin_client.post(change_url(theme), {**data, "_save_draft": "x"})

    response = admin_client.post(change_url(section), {"heading_da": "Ændret", "_save": "Gem"})

    assert response.status_code == 403
    assert type(section).objects.get(pk=section.pk).heading_da == "Gammelt afsnit"


def test_an_old_version_is_not_restored_over_a_pending_draft(admin_client, project):
    post(admin_client, project, "_continue", summary_da="Anden udgave")
    first = Version.objects.get_for_object(project).order_by("pk").first()
    post(admin_client, project, "_save_draft", summary_da="Kladdens resumé")
    revision = reverse("admin:projects_researchproject_revision", args=[project.pk, first.pk])

    response = admin_client.get(revision)

    assert response.status_code == 302
    assert response.url == change_url(project)
    assert "Kladdens resumé" in str(PendingDraft.objects.get().snapshot)


def test_an_item_taken_offline_with_a_draft_is_saved_with_gem_first(writer, project):
    post(writer, project, "_save_draft", summary_da="Skribentens resumé")
    ResearchProject.objects.filter(pk=project.pk).update(status=PublishStatus.DRAFT)

    html = writer.get(change_url(project)).text
    buttons = re.findall(r'<input type="submit"[^>]*name="(_[a-z_]+)"', html)

    assert buttons[0] == "_save", "Enter in a field presses the first button: not a discard"
    assert "_discard_draft" in buttons
