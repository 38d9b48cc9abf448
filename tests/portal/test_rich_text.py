"""Rich text: one allow-list for the editor and the sanitiser, heading levels per field."""

import json
import re

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse

import portal.text
from activities.models import Activity
from news.models import NewsArticle
from portal.models import RichTextField
from portal.models.richtext import EDITOR_ATTRIBUTE, RichTextEditor, RichTextFormField
from portal.text import clean_html, editor_extensions, sanitiser_arguments
from projects.models import ResearchProject
from tests.portal.admin_forms import change_form_data
from tests.portal.factories import PersonFactory
from tests.projects.factories import ProjectFactory
from themes.models import Section, SectionItem, Theme

# Where each rich text is shown decides its headings: under the page's h1 (project, news),
# before the theme's sections (none), under an h2 (section, activity), under an h3 (item).
HEADING_LEVELS = {
    (ResearchProject, "body"): (2, 3),
    (NewsArticle, "body"): (2, 3),
    (Theme, "intro"): (),
    (Section, "body"): (3, 4),
    (Section, "read_more"): (3, 4),
    (SectionItem, "body"): (4,),
    (SectionItem, "read_more"): (4,),
    **{
        (Activity, name): (3, 4)
        for name in ("target_group_text", "method_text", "implementation", "evidence", "economy")
    },
}


def rendered_editor_config(form_field) -> dict:
    """The configuration the editor in the browser receives, read from the rendered HTML."""
    html = form_field.widget.render("tekst", "")
    found = re.search(rf'{EDITOR_ATTRIBUTE}="([^"]*)"', html)
    assert found, html
    return json.loads(found.group(1).replace("&quot;", '"'))


def html_tags(html: str) -> set[str]:
    return set(re.findall(r"<([a-z0-9]+)", html))


@pytest.mark.parametrize(
    ("model", "name"), HEADING_LEVELS, ids=[f"{m.__name__}.{n}" for m, n in HEADING_LEVELS]
)
def test_every_rich_text_field_in_both_languages_has_the_editor_with_its_heading_levels(
    model, name
):
    levels = HEADING_LEVELS[model, name]
    for column in (f"{name}_da", f"{name}_en"):
        field = model._meta.get_field(column)
        assert isinstance(field, RichTextField)
        assert field.heading_levels == levels

        form_field = field.formfield()
        assert isinstance(form_field.widget, RichTextEditor)
        extensions = rendered_editor_config(form_field)["extensions"]
        assert extensions.get("Heading", {}).get("levels", []) == list(levels)


def test_the_admin_gets_the_editor_instead_of_its_textarea():
    from django.contrib.admin.widgets import AdminTextareaWidget

    form_field = ResearchProject._meta.get_field("body_da").formfield(widget=AdminTextareaWidget)

    assert isinstance(form_field.widget, RichTextEditor)
    assert "vLargeTextField" not in form_field.widget.render("body", "")


def test_the_editors_buttons_and_the_sanitisers_tags_are_the_same_list():
    editor = rendered_editor_config(RichTextFormField(heading_levels=(3, 4)))["extensions"]
    allowed = sanitiser_arguments((3, 4))

    assert set(editor) >= {"Bold", "Italic", "BulletList", "OrderedList", "Blockquote", "Link"}
    assert editor["Heading"] == {"levels": [3, 4]}
    assert allowed["tags"] == {
        "p", "br", "strong", "em", "ul", "ol", "li", "blockquote", "a", "h3", "h4",
    }  # fmt: skip
    assert allowed["attributes"]["a"] == {"href", "title"}
    assert allowed["url_schemes"] == set(editor["Link"]["protocols"])
    for unwanted in ("Table", "Image", "Underline", "Strike", "Code", "Color", "TextAlign"):
        assert unwanted not in editor


def test_changing_the_one_definition_changes_the_editor_and_the_sanitiser(monkeypatch):
    html = "<blockquote><p>Citat</p></blockquote><p><u>Understreget</u></p>"
    assert html_tags(clean_html(html)) == {"blockquote", "p"}

    changed = dict(portal.text.RICH_TEXT_EXTENSIONS)
    del changed["Blockquote"]
    changed["Underline"] = True
    changed["Link"] = {**changed["Link"], "protocols": ["https"]}
    monkeypatch.setattr(portal.text, "RICH_TEXT_EXTENSIONS", changed)

    editor = rendered_editor_config(RichTextFormField())["extensions"]
    assert "Blockquote" not in editor and editor["Underline"] is True
    assert html_tags(clean_html(html)) == {"p", "u"}
    assert 'href="mailto:' not in clean_html('<p><a href="mailto:a@example.org">Skriv</a></p>')
    assert editor_extensions(())["Link"]["protocols"] == ["https"]


@pytest.mark.parametrize(
    ("levels", "posted", "stored"),
    [
        ((2, 3), "<h1>Titel</h1><h2>A</h2><h4>B</h4>", "<h2>Titel</h2><h2>A</h2><h3>B</h3>"),
        ((3, 4), "<h2>A</h2><h3>B</h3><h6>C</h6>", "<h3>A</h3><h3>B</h3><h4>C</h4>"),
        ((4,), "<h2>A</h2><h5>B</h5>", "<h4>A</h4><h4>B</h4>"),
        ((), "<h2>A</h2><p>B</p>", "<p>A</p><p>B</p>"),
    ],
)
def test_a_heading_level_a_field_does_not_allow_moves_to_one_it_does(levels, posted, stored):
    assert clean_html(posted, levels) == stored


def test_plain_text_still_becomes_paragraphs_and_an_empty_editor_an_empty_field():
    assert clean_html("Et.\nTo.\n\nTre.", (3, 4)) == "<p>Et.<br>To.</p><p>Tre.</p>"
    assert clean_html("<p></p>") == ""
    assert clean_html("<p><br></p>") == ""


def test_bold_and_italic_written_the_old_way_stay_bold_and_italic():
    assert clean_html("<p><b>Fed</b> og <i>kursiv</i></p>") == (
        "<p><strong>Fed</strong> og <em>kursiv</em></p>"
    )


def test_what_the_editor_rewrites_is_not_a_change():
    field = RichTextFormField(heading_levels=(2, 3))
    stored = '<p>Et <a href="https://example.org" rel="noopener noreferrer">link</a></p>'
    from_the_editor = (
        '<p>Et <a href="https://example.org" title="" rel="noopener noreferrer nofollow">'
        "link</a></p>"
    )

    assert not field.has_changed(stored, from_the_editor)
    assert not field.has_changed("Første.\n\nAndet.", "<p>Første.</p><p>Andet.</p>")
    assert field.has_changed(stored, stored.replace("link", "henvisning"))


@pytest.mark.django_db
def test_saving_a_project_whose_text_the_editor_only_normalised_reports_no_change(admin_client):
    project = ProjectFactory(contacts=[PersonFactory()])
    # Text stored before the editor existed: plain paragraphs, bold written as <b>.
    ResearchProject.objects.filter(pk=project.pk).update(
        body_da='Første <b>afsnit</b>.\n\nAndet med <a href="https://example.org">link</a>.'
    )
    url = reverse("admin:projects_researchproject_change", args=[project.pk])
    data = change_form_data(admin_client.get(url).text)
    # What the editor posts back for it, untouched by the editor.
    data["body_da"] = [
        '<p>Første <strong>afsnit</strong>.</p><p>Andet med <a target="_blank" '
        'rel="noopener noreferrer nofollow" href="https://example.org">link</a>.</p>'
    ]
    data["_save"] = ["Gem"]

    assert admin_client.post(url, data).status_code == 302

    # Nothing changed, so the save leaves no "Ændrede Brødtekst" line (and no line at all).
    assert not LogEntry.objects.filter(object_id=str(project.pk)).exists()


@pytest.mark.django_db
def test_every_save_sanitises_each_language_with_the_fields_own_levels():
    project = ProjectFactory(body_da="<h1>Titel</h1>", body_en='<p onclick="x()">Text</p>')

    project.refresh_from_db()
    assert project.body_da == "<h2>Titel</h2>"
    assert project.body_en == "<p>Text</p>"
