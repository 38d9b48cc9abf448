"""Every version kept, compared and restorable: the admin's history for every content type."""

import pytest
import reversion
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from reversion.models import Revision, Version

from activities.models import Activity
from portal.models import PublishStatus
from portal.registry import project_apps
from projects.models import ResearchProject
from tests.activities.factories import (
    ActivityFactory,
    ActivityFormFactory,
    FocusAreaFactory,
    MethodFactory,
    TargetGroupFactory,
    WelfareStepFactory,
)
from tests.portal.admin_forms import form_data
from tests.portal.factories import PersonFactory, TagFactory
from tests.projects.factories import ProjectFactory
from tests.themes.factories import SectionFactory, SectionItemFactory, ThemeFactory
from themes.models import Theme

pytestmark = pytest.mark.django_db


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def form_of(response, model) -> dict:
    assert response.status_code == 200, response.status_code
    return form_data(response.text, f"{model._meta.model_name}_form")


def save(client, model, obj, change=None) -> None:
    """Open an item's change form, apply ``change`` to what a browser would send, save."""
    url = admin_url(model, "change", obj.pk)
    data = form_of(client.get(url), model)
    if change:
        change(data)
    response = client.post(url, {**data, "_save": "Gem"})
    assert response.status_code == 302, response.context and response.context["errors"]


def versions_of(obj):
    return Version.objects.get_for_object(obj)


def restore(client, model, obj, version) -> None:
    """Open a version from the item's history and save it, as an editor restores."""
    url = admin_url(model, "revision", obj.pk, version.pk)
    data = form_of(client.get(url), model)
    assert client.post(url, {**data, "_save": "Gem"}).status_code == 302


# What is kept --------------------------------------------------------------------


def test_every_model_of_the_project_apps_is_versioned():
    models = [model for app in project_apps() for model in app.get_models()]

    assert len(models) > 15
    assert [model for model in models if not reversion.is_registered(model)] == []


def test_a_version_holds_the_rows_an_item_owns():
    theme = ThemeFactory()
    section = SectionFactory(theme=theme)
    item = SectionItemFactory(section=section)
    project = ProjectFactory(contacts=[PersonFactory()], tags=[TagFactory()])

    with reversion.create_revision():
        reversion.add_to_revision(theme)
        reversion.add_to_revision(project)

    revision = Revision.objects.get()
    kept = {(v.content_type.model, v.object_id) for v in revision.version_set.all()}
    assert {("section", str(section.pk)), ("sectionitem", str(item.pk))} <= kept
    assert {"projectcontact", "taggedproject"} <= {model for model, _pk in kept}
    # A contact's own record is not part of the project's version: it is not the project's.
    assert "person" not in {model for model, _pk in kept}


def test_an_editor_save_keeps_a_version_with_who_and_the_comment(admin_client, admin_user):
    project = ProjectFactory(contacts=[PersonFactory()])

    def retitle(data):
        data["title_da"] = ["Nyt navn"]
        data["revision_comment"] = ["Rettet efter aftale med projektlederen"]

    save(admin_client, ResearchProject, project, retitle)

    version = versions_of(project).get()
    assert version.revision.user == admin_user
    assert version.revision.comment == "Rettet efter aftale med projektlederen"
    assert version.field_dict["title_da"] == "Nyt navn"


def test_the_change_form_offers_a_comment_field(admin_client):
    project = ProjectFactory(contacts=[PersonFactory()])

    page = admin_client.get(admin_url(ResearchProject, "change", project.pk)).text

    assert "Kommentar til ændringen" in page
    assert 'name="revision_comment"' in page


def test_a_form_without_fieldsets_shows_the_comment_once(admin_client):
    from tests.portal.factories import OrganisationFactory

    organisation = OrganisationFactory()

    page = admin_client.get(admin_url(organisation.__class__, "change", organisation.pk)).text

    assert page.count('name="revision_comment"') == 1


# A save that changes nothing -----------------------------------------------------


def test_an_unchanged_save_makes_no_version_and_no_log_line(admin_client):
    project = ProjectFactory(contacts=[PersonFactory()])
    # Stored text with line breaks, which a browser sends back as CRLF.
    ResearchProject.objects.filter(pk=project.pk).update(
        body_da="<p>Et afsnit.</p>\n<p>Et andet.</p>", body_en="<p>One.</p>\n\n<p>Two.</p>"
    )

    save(admin_client, ResearchProject, project)

    assert not versions_of(project).exists()
    assert not LogEntry.objects.exists()


def test_an_unchanged_save_of_a_theme_with_sections_makes_no_version(admin_client):
    theme = ThemeFactory()
    SectionFactory.create_batch(2, theme=theme)

    save(admin_client, Theme, theme)

    assert not Version.objects.exists()
    assert not LogEntry.objects.exists()


def test_a_change_in_an_inline_only_is_a_version_of_the_item(admin_client):
    theme = ThemeFactory()
    SectionFactory(theme=theme, body="Før.")

    save(admin_client, Theme, theme, lambda data: data.update({"sections-0-body_da": ["Efter."]}))

    version = versions_of(theme).get()
    section_version = version.revision.version_set.get(content_type__model="section")
    assert "Efter." in section_version.field_dict["body_da"]
    assert LogEntry.objects.count() == 1


# Bulk changes --------------------------------------------------------------------


def test_publishing_from_the_list_makes_a_version_and_a_log_line_per_activity(admin_client):
    drafts = ActivityFactory.create_batch(3, status=PublishStatus.DRAFT)

    response = admin_client.post(
        admin_url(Activity, "changelist"),
        {"action": "publish_selected", "_selected_action": [a.pk for a in drafts]},
    )

    assert response.status_code == 302
    for activity in drafts:
        version = versions_of(activity).get()
        assert version.field_dict["status"] == PublishStatus.PUBLISHED
        # A revision of its own: restoring one activity never touches the others.
        assert version.revision.version_set.filter(content_type__model="activity").count() == 1
    assert LogEntry.objects.filter(action_flag=2).count() == 3
    assert set(Activity.objects.values_list("status", flat=True)) == {PublishStatus.PUBLISHED}


def test_a_list_edit_makes_one_version_per_row(admin_client):
    people = PersonFactory.create_batch(2)
    url = admin_url(people[0].__class__, "changelist")
    data = form_data(admin_client.get(url).text, "changelist-form")
    for key in [k for k in data if k.endswith("-is_active")]:
        del data[key]

    assert admin_client.post(url, {**data, "_save": "Gem"}).status_code == 302

    for person in people:
        assert versions_of(person).count() == 1
    assert Revision.objects.count() == 2


# Restore -------------------------------------------------------------------------


def test_restoring_a_theme_brings_back_its_sections_their_order_and_items(admin_client):
    theme = ThemeFactory(intro="Indledning.")
    first = SectionFactory(theme=theme, heading="Første", body="Tekst A", order=1)
    SectionFactory(theme=theme, heading="Anden", body="Andet afsnit", order=2)
    SectionItemFactory(section=first, title="Et punkt")
    save(admin_client, Theme, theme, lambda data: data.update({"intro_da": ["Version A"]}))
    version_a = versions_of(theme).get()

    def reorder_and_rewrite(data):
        data.update({"sections-0-order": ["3"], "sections-0-body_da": ["Tekst B"]})

    save(admin_client, Theme, theme, reorder_and_rewrite)
    first.items.all().delete()

    restore(admin_client, Theme, theme, version_a)

    sections = list(theme.sections.all())
    assert [s.heading for s in sections] == ["Første", "Anden"]
    assert "Tekst A" in sections[0].body
    assert [item.title for item in sections[0].items.all()] == ["Et punkt"]
    # The restore is a version of its own, on top of the two before it, and a log line.
    assert versions_of(theme).count() == 3
    latest = LogEntry.objects.order_by("-pk").first()
    assert latest.get_change_message() == "Gendannet fra en tidligere version."


def test_restoring_shows_on_the_public_page_at_once_page_cache_included(admin_client):
    theme = ThemeFactory(intro="Indledning.")
    SectionFactory(theme=theme, body="Den første tekst")
    save(admin_client, Theme, theme, lambda data: data.update({"intro_da": ["Version A"]}))
    version_a = versions_of(theme).get()
    save(
        admin_client,
        Theme,
        theme,
        lambda data: data.update({"sections-0-body_da": ["Den anden tekst"]}),
    )
    visitor = Client()
    assert "Den anden tekst" in visitor.get(theme.get_absolute_url()).text  # now cached

    restore(admin_client, Theme, theme, version_a)

    page = visitor.get(theme.get_absolute_url()).text
    assert "Den første tekst" in page
    assert "Den anden tekst" not in page


def test_restoring_a_project_brings_back_its_contacts_and_subjects(admin_client):
    mette, helle = PersonFactory(), PersonFactory()
    subject = TagFactory(name="renovering")
    project = ProjectFactory(contacts=[mette], tags=[subject])
    save(admin_client, ResearchProject, project, lambda data: data.update({"title_da": ["A"]}))
    version_a = versions_of(project).get()

    def swap_contact_and_drop_subject(data):
        data.update({"contact_links-0-person": [str(helle.pk)], "tags": [""]})

    save(admin_client, ResearchProject, project, swap_contact_and_drop_subject)
    assert list(project.contacts.all()) == [helle]

    restore(admin_client, ResearchProject, project, version_a)

    assert list(project.contacts.all()) == [mette]
    assert list(project.tags.all()) == [subject]


def test_restoring_an_activity_brings_back_its_catalogue_terms(admin_client):
    old, new = FocusAreaFactory(), FocusAreaFactory()
    step_one, step_two = WelfareStepFactory(order=1), WelfareStepFactory(order=2)
    form, group, method = ActivityFormFactory(), TargetGroupFactory(), MethodFactory()
    activity = ActivityFactory(
        step=step_one, focus_areas=[old], forms=[form], target_groups=[group], methods=[method]
    )
    save(admin_client, Activity, activity, lambda data: data.update({"name_da": ["A"]}))
    version_a = versions_of(activity).get()

    def move(data):
        data.update(
            {
                "step": [str(step_two.pk)],
                "focus_areas": [str(new.pk)],
                "forms": [],
                "target_groups": [],
                "methods": [],
            }
        )

    save(admin_client, Activity, activity, move)

    restore(admin_client, Activity, activity, version_a)

    activity.refresh_from_db()
    assert activity.step == step_one
    assert list(activity.focus_areas.all()) == [old]
    assert list(activity.forms.all()) == [form]
    assert list(activity.target_groups.all()) == [group]
    assert list(activity.methods.all()) == [method]


# Deleted items -------------------------------------------------------------------


def test_a_deleted_project_is_found_and_restored_with_its_relations(admin_client):
    mette = PersonFactory(name="Mette")
    subject = TagFactory(name="renovering")
    project = ProjectFactory(title="Praktikpladser", contacts=[mette], tags=[subject])
    delete_url = admin_url(ResearchProject, "delete", project.pk)
    assert admin_client.post(delete_url, {"post": "yes"}).status_code == 302
    assert not ResearchProject.objects.exists()

    changelist = admin_client.get(admin_url(ResearchProject, "changelist")).text
    assert "Slettede forskningsprojekter" in changelist
    deleted = admin_client.get(admin_url(ResearchProject, "recoverlist")).text
    assert "Praktikpladser" in deleted

    version = Version.objects.get_deleted(ResearchProject).get()
    url = admin_url(ResearchProject, "recover", version.pk)
    data = form_of(admin_client.get(url), ResearchProject)
    assert admin_client.post(url, {**data, "_save": "Gem"}).status_code == 302

    project = ResearchProject.objects.get()
    assert list(project.contacts.all()) == [mette]
    assert list(project.tags.all()) == [subject]
    listed = Client().get(reverse("projects:list"), {"kontakt": mette.slug}).text
    assert "Praktikpladser" in listed


def test_a_deleted_theme_comes_back_with_sections_and_items(admin_client):
    theme = ThemeFactory(title="Boligsocialt arbejde")
    section = SectionFactory(theme=theme, heading="Et afsnit")
    SectionItemFactory(section=section, title="Et punkt")
    admin_client.post(
        admin_url(Theme, "changelist"),
        {"action": "delete_selected", "_selected_action": [theme.pk], "post": "yes"},
    )
    assert not Theme.objects.exists()

    version = Version.objects.get_deleted(Theme).get()
    url = admin_url(Theme, "recover", version.pk)
    data = form_of(admin_client.get(url), Theme)
    assert admin_client.post(url, {**data, "_save": "Gem"}).status_code == 302

    theme = Theme.objects.get()
    assert [s.heading for s in theme.sections.all()] == ["Et afsnit"]
    assert [i.title for i in theme.sections.get().items.all()] == ["Et punkt"]


# Compare, and the pages in Danish ------------------------------------------------


def test_an_editor_compares_two_versions_field_by_field_in_both_languages(admin_client):
    project = ProjectFactory(contacts=[PersonFactory()])
    save(admin_client, ResearchProject, project, lambda d: d.update({"body_da": ["Gammel"]}))
    save(
        admin_client,
        ResearchProject,
        project,
        lambda d: d.update({"body_da": ["Ny tekst"], "body_en": ["New text"]}),
    )
    older, newer = versions_of(project).order_by("pk")

    page = admin_client.get(
        admin_url(ResearchProject, "compare", project.pk),
        {"version_id1": older.pk, "version_id2": newer.pk},
    ).text

    assert "<del>" in page
    assert "<ins>" in page
    assert "Ny tekst" in page
    assert "New text" in page
    assert "Sammenlign" in page
    assert "<h2>Brødtekst [da]</h2>" in page
    assert "<h2>Brødtekst [en]</h2>" in page
    assert "<h2>Brødtekst</h2>" not in page  # the column that mirrors one language
    assert "Senest ændret" not in page  # differs in every version, set by no editor


def test_history_compare_restore_and_recover_pages_speak_danish(admin_client):
    project = ProjectFactory(contacts=[PersonFactory()])
    save(admin_client, ResearchProject, project, lambda d: d.update({"title_da": ["A"]}))
    save(admin_client, ResearchProject, project, lambda d: d.update({"title_da": ["B"]}))
    older, newer = versions_of(project).order_by("pk")

    history = admin_client.get(admin_url(ResearchProject, "history", project.pk)).text
    compare = admin_client.get(
        admin_url(ResearchProject, "compare", project.pk),
        {"version_id1": older.pk, "version_id2": newer.pk},
    ).text
    restore_page = admin_client.get(admin_url(ResearchProject, "revision", project.pk, older.pk))
    recover = admin_client.get(admin_url(ResearchProject, "recoverlist")).text

    assert "Historik" in history
    assert "Sammenlign" in history
    assert "Gendan" in restore_page.text
    assert "Slettede forskningsprojekter" in recover
    english = ["Revert", "Recover", "Compare", "History", "Choose a date", "compare", "Date/time"]
    for page in (history, compare, restore_page.text, recover):
        assert [word for word in english if f">{word}" in page or f" {word} " in page] == []


def test_a_comparison_shows_rich_text_as_words_with_the_change_marked(admin_client):
    project = ProjectFactory(contacts=[PersonFactory()])
    for body in (
        "<p>Et <strong>kort</strong> afsnit.</p><ul><li><p>Ét punkt</p></li></ul>",
        '<p>Et <strong>langt</strong> afsnit med et <a href="https://example.org/">link</a>.</p>',
    ):
        save(admin_client, ResearchProject, project, lambda d, b=body: d.update(body_da=[b]))
    older, newer = versions_of(project).order_by("pk")

    page = admin_client.get(
        admin_url(ResearchProject, "compare", project.pk),
        {"version_id1": older.pk, "version_id2": newer.pk},
    ).text

    assert "&lt;p&gt;" not in page and "&lt;strong&gt;" not in page
    assert "Et <del>kor</del><ins>lang</ins>t afsnit" in page
    assert "<ins> med et link (https://example.org/).</ins>" in page
    assert "<del>• Ét punkt</del>" in page


def test_the_pages_reversion_adds_have_the_admins_breadcrumbs(admin_client):
    project = ProjectFactory(contacts=[PersonFactory()])
    for title in ("A", "B"):
        save(admin_client, ResearchProject, project, lambda d, t=title: d.update(title_da=[t]))
    older, newer = versions_of(project).order_by("pk")
    pages = [
        admin_client.get(
            admin_url(ResearchProject, "compare", project.pk),
            {"version_id1": older.pk, "version_id2": newer.pk},
        ),
        admin_client.get(admin_url(ResearchProject, "revision", project.pk, older.pk)),
        admin_client.get(admin_url(ResearchProject, "recoverlist")),
    ]

    for response in pages:
        assert response.status_code == 200
        assert '<ol class="breadcrumbs">' in response.text
        assert '<li aria-current="page">' in response.text


def test_staff_without_permission_cannot_compare_versions(client, admin_client):
    project = ProjectFactory(contacts=[PersonFactory()])
    for title in ("A", "B"):
        save(admin_client, ResearchProject, project, lambda d, t=title: d.update(title_da=[t]))
    older, newer = versions_of(project).order_by("pk")
    client.force_login(get_user_model().objects.create_user("gaest", is_staff=True))
    compare = admin_url(ResearchProject, "compare", project.pk)

    answer = client.get(compare, {"version_id1": older.pk, "version_id2": newer.pk})

    assert answer.status_code == 403
    assert (
        admin_client.get(compare, {"version_id1": older.pk, "version_id2": newer.pk}).status_code
        == 200
    )


@pytest.mark.parametrize("object_id", ["abc", "99999", "1%27"])
def test_a_comparison_of_an_unknown_item_is_not_a_server_error(admin_client, object_id):
    url = f"/admin/projects/researchproject/{object_id}/history/compare/"

    answer = admin_client.get(url, {"version_id1": "1", "version_id2": "x"})

    assert answer.status_code in (302, 404)


def test_a_version_of_another_content_type_cannot_be_restored_through_this_one(admin_client):
    project = ProjectFactory(contacts=[PersonFactory()], title="Projektets titel")
    save(admin_client, ResearchProject, project, lambda d: d.update(title_da=["Ny titel"]))
    project_version = versions_of(project).get()
    theme = ThemeFactory(pk=project.pk)
    with reversion.create_revision():
        reversion.add_to_revision(theme)

    revert = admin_client.get(admin_url(Theme, "revision", theme.pk, project_version.pk))
    recover = admin_client.get(admin_url(Theme, "recover", project_version.pk))

    assert revert.status_code == 404
    assert recover.status_code == 404


def test_a_restore_keeps_the_editors_comment_and_says_so_in_danish(admin_client):
    project = ProjectFactory(contacts=[PersonFactory()])
    for title in ("A", "B"):
        save(admin_client, ResearchProject, project, lambda d, t=title: d.update(title_da=[t]))
    older = versions_of(project).order_by("pk").first()
    url = admin_url(ResearchProject, "revision", project.pk, older.pk)

    for comment in ("Tilbage til A efter aftale.", ""):
        data = form_of(admin_client.get(url), ResearchProject)
        data["revision_comment"] = [comment]
        assert admin_client.post(url, {**data, "_save": "Gem"}).status_code == 302

    comments = [v.revision.comment for v in versions_of(project).order_by("-pk")[:2]]
    assert comments == ["Gendannet fra en tidligere version.", "Tilbage til A efter aftale."]


def test_a_comment_alone_is_no_change_and_is_never_logged_as_a_changed_field(admin_client):
    project = ProjectFactory(contacts=[PersonFactory()])

    save(admin_client, ResearchProject, project, lambda d: d.update(revision_comment=["Hej"]))
    assert not versions_of(project).exists()
    save(
        admin_client,
        ResearchProject,
        project,
        lambda d: d.update(title_da=["Ny titel"], revision_comment=["Titlen rettet"]),
    )

    entry = LogEntry.objects.get()
    assert "Kommentar" not in entry.get_change_message()
    assert versions_of(project).get().revision.comment == "Titlen rettet"


# History stays fast ----------------------------------------------------------------


def many_versions(obj, count: int) -> None:
    """Give ``obj`` ``count`` versions, quickly, by copying one real version."""
    with reversion.create_revision():
        reversion.add_to_revision(obj)
    template = versions_of(obj).get()
    revisions = Revision.objects.bulk_create(
        [Revision(date_created=template.revision.date_created) for _ in range(count - 1)]
    )
    if revisions[0].pk is None:  # databases that do not return ids from bulk inserts
        revisions = list(Revision.objects.exclude(pk=template.revision_id).order_by("pk"))
    Version.objects.bulk_create(
        Version(
            revision=revision,
            object_id=template.object_id,
            content_type_id=template.content_type_id,
            db=template.db,
            format=template.format,
            serialized_data=template.serialized_data,
            object_repr=template.object_repr,
        )
        for revision in revisions
    )


def queries_for(client, url, params=None) -> int:
    """The queries a page takes once the process's caches (content types) are warm."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    assert client.get(url, params or {}).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, params or {}).status_code == 200
    return len(queries)


def test_history_and_compare_take_as_many_queries_for_1000_versions_as_for_10(admin_client):
    counts = {}
    for count in (10, 1000):
        theme = ThemeFactory()
        SectionFactory.create_batch(2, theme=theme)
        many_versions(theme, count)
        versions = versions_of(theme).order_by("pk")
        history = admin_url(Theme, "history", theme.pk)
        compare = admin_url(Theme, "compare", theme.pk)
        middle = versions[count // 2]
        counts[count] = (
            queries_for(admin_client, history),
            queries_for(admin_client, history, {"p": 2}),
            queries_for(
                admin_client, compare, {"version_id1": middle.pk, "version_id2": versions[1].pk}
            ),
        )

    first_page = admin_client.get(admin_url(Theme, "history", theme.pk)).text
    assert first_page.count('name="version_id2"') == 50
    assert "Side 1 af 20" in first_page
    assert counts[10][0] == counts[1000][0]
    assert counts[10][2] == counts[1000][2]
    assert counts[1000][1] == counts[1000][0]


def deleted_projects(count: int, user) -> None:
    for project in ProjectFactory.create_batch(count):
        with reversion.create_revision():
            reversion.set_user(user)
            reversion.add_to_revision(project)
        project.delete()


def test_the_deleted_items_list_takes_as_many_queries_for_30_as_for_3(admin_client, admin_user):
    url = reverse("admin:projects_researchproject_recoverlist")
    deleted_projects(3, admin_user)
    few = queries_for(admin_client, url)
    deleted_projects(27, admin_user)
    many = queries_for(admin_client, url)

    assert few == many
    assert admin_client.get(url).text.count("Gendan “") == 30


@pytest.mark.django_db(transaction=True)
def test_recovering_an_item_whose_contact_was_deleted_since_says_why_in_danish(admin_client):
    mette = PersonFactory()
    project = ProjectFactory(contacts=[mette])
    admin_client.post(admin_url(ResearchProject, "delete", project.pk), {"post": "yes"})
    mette.delete()
    version = Version.objects.get_deleted(ResearchProject).get()
    url = admin_url(ResearchProject, "recover", version.pk)

    response = admin_client.get(url, follow=True)

    assert "kunne ikke gendannes" in response.text
    assert not ResearchProject.objects.exists()
