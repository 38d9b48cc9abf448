"""Editors compose a theme on one admin page: its sections and their items, in place."""

from html.parser import HTMLParser

import pytest
from django.contrib import admin
from django.urls import reverse

from portal.admin_base import ContentAdmin
from portal.models import PublishStatus
from tests.portal.factories import PersonFactory
from tests.projects.factories import ProjectFactory
from tests.themes.factories import SectionFactory, SectionItemFactory, ThemeFactory
from themes.models import Section, SectionItem, SectionKind, Theme

pytestmark = pytest.mark.django_db


def admin_url(model, action, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{action}", args=args)


@pytest.fixture
def section():
    theme = ThemeFactory(title="Det boligsociale arbejde i bevægelse", contact=PersonFactory())
    section = SectionFactory(theme=theme, heading="Tre tilgange", kind=SectionKind.TYPOLOGY)
    SectionItemFactory(section=section, title="Forankring")
    theme.projects.add(ProjectFactory())
    return section


def test_every_theme_model_editors_need_is_registered():
    ours = {m for m in admin.site._registry if m._meta.app_label == "themes"}
    assert ours == {Theme, Section}


@pytest.mark.parametrize("model", [Theme, Section])
def test_changelist_search_change_and_add_forms_open(admin_client, section, model):
    obj = section if model is Section else section.theme

    assert admin_client.get(admin_url(model, "changelist")).status_code == 200
    found = admin_client.get(admin_url(model, "changelist"), {"q": str(obj)[:6]})
    assert found.status_code == 200
    assert str(obj) in found.text
    assert admin_client.get(admin_url(model, "change", obj.pk)).status_code == 200
    assert admin_client.get(admin_url(model, "add")).status_code == 200


def test_theme_change_form_edits_sections_and_their_items_in_place(admin_client, section):
    response = admin_client.get(admin_url(Theme, "change", section.theme.pk))

    text = response.text
    assert 'name="title_da"' in text and 'name="title_en"' in text
    assert 'name="sections-0-heading_da"' in text
    assert 'name="sections-0-items-0-title_da"' in text
    assert 'value="Forankring"' in text
    assert 'type="hidden" name="sections-0-order"' in text
    assert 'type="hidden" name="sections-0-items-0-order"' in text
    assert "ret punkterne" not in text
    assert admin_url(Section, "change", section.pk) not in text
    assert "/r/" in text  # Django's "view on site" redirect


def test_each_section_and_item_folds_to_its_title_with_named_move_buttons(admin_client, section):
    response = admin_client.get(admin_url(Theme, "change", section.theme.pk))

    text = " ".join(response.text.split())
    assert text.count('<details class="ordered-part-body">') == 2  # one section, one item
    assert (
        'Flyt<span class="visually-hidden"> afsnittet »<span data-reorder-title>'
        "Tre tilgange</span>«</span> op"
    ) in text
    assert (
        'Flyt<span class="visually-hidden"> punktet »<span data-reorder-title>'
        "Forankring</span>«</span> ned"
    ) in text
    assert "Tilføj et punkt</button>" in text and "Tilføj et afsnit</button>" in text
    assert "js/admin-reorder.js" in text and "js/admin-unsaved.js" in text


def test_every_content_admin_brings_the_unsaved_changes_warning():
    content_admins = [
        model_admin
        for model_admin in admin.site._registry.values()
        if isinstance(model_admin, ContentAdmin)
    ]

    assert len(content_admins) > 10
    for model_admin in content_admins:
        assert "js/admin-unsaved.js" in str(model_admin.media), type(model_admin).__name__


def test_section_change_form_edits_its_items(admin_client, section):
    response = admin_client.get(admin_url(Section, "change", section.pk))

    assert 'name="items-0-title_da"' in response.text
    assert 'value="Forankring"' in response.text


def test_changelists_filter_by_status_and_kind(admin_client, section):
    ThemeFactory(title="Et udkast", status=PublishStatus.DRAFT)

    drafts = admin_client.get(admin_url(Theme, "changelist"), {"status__exact": "draft"})
    typologies = admin_client.get(admin_url(Section, "changelist"), {"kind__exact": "typology"})

    assert "Et udkast" in drafts.text
    assert "Det boligsociale arbejde i bevægelse" not in drafts.text
    assert "Tre tilgange" in typologies.text


def test_contact_and_projects_use_autocomplete(admin_client, section):
    response = admin_client.get(admin_url(Theme, "change", section.theme.pk))

    for field in ("contact", "projects", "sections-0-contact"):
        assert f'name="{field}"' in response.text
        tag = response.text.split(f'<select name="{field}"')[1].split(">")[0]
        assert 'class="admin-autocomplete"' in tag


def section_form(prefix: str, index: int, **values) -> dict:
    base = {
        "id": "",
        "theme": "",
        "order": "0",
        "heading_da": "",
        "heading_en": "",
        "anchor": "",
        "kind": "text",
        "body_da": "",
        "body_en": "",
        "read_more_da": "",
        "read_more_en": "",
        "contact": "",
        "link_url": "",
        "link_label_da": "",
        "link_label_en": "",
    }
    return {f"{prefix}-{index}-{key}": value for key, value in {**base, **values}.items()}


def management(prefix: str, total: int, initial: int = 0) -> dict:
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def test_editor_adds_a_theme_with_sections_in_one_go(admin_client):
    person = PersonFactory()
    project = ProjectFactory()
    data = {
        "title_da": "Nyt tema",
        "title_en": "New theme",
        "slug": "nyt-tema",
        "status": "published",
        "order": "1",
        "lead_da": "Kort manchet.",
        "lead_en": "",
        "intro_da": "Tekst <script>alert(1)</script>",
        "intro_en": "",
        "contact": str(person.pk),
        "hero_alt_da": "",
        "hero_alt_en": "",
        "projects": [str(project.pk)],
        **management("sections", 3),
        **management("sections-0-items", 0),
        **management("sections-1-items", 0),
        **management("sections-2-items", 0),
        **section_form("sections", 0, order="2", heading_da="Proces", body_da="B", kind="process"),
        **section_form("sections", 1, order="1", heading_da="Proces", body_da="A"),
        **section_form(
            "sections",
            2,
            order="3",
            heading_da="Brug for inspiration?",
            body_da="C",
            kind="callout",
            contact=str(person.pk),
            link_url="https://www.example.org/",
            link_label_da="Se mere",
        ),
    }

    response = admin_client.post(admin_url(Theme, "add"), data)

    assert response.status_code == 302, response.context["errors"] if response.context else ""
    theme = Theme.objects.get(slug="nyt-tema")
    assert "<script>" not in theme.intro_da
    assert list(theme.projects.all()) == [project]
    assert [(s.heading, s.anchor) for s in theme.sections.all()] == [
        ("Proces", "proces-2"),
        ("Proces", "proces"),
        ("Brug for inspiration?", "brug-for-inspiration"),
    ]


def test_sections_move_by_their_hidden_positions(admin_client, section):
    theme = section.theme
    other = SectionFactory(theme=theme, heading="Geografi", order=section.order + 1)
    data = {
        "title_da": theme.title_da,
        "title_en": "",
        "slug": theme.slug,
        "status": theme.status,
        "order": "0",
        "lead_da": theme.lead_da,
        "lead_en": "",
        "intro_da": "",
        "intro_en": "",
        "contact": "",
        "hero_alt_da": "",
        "hero_alt_en": "",
        **management("sections", 2, 2),
        **management("sections-0-items", 0),
        **management("sections-1-items", 0),
    }
    for index, (obj, order) in enumerate([(section, 2), (other, 1)]):
        data |= section_form(
            "sections",
            index,
            id=str(obj.pk),
            theme=str(theme.pk),
            order=str(order),
            heading_da=obj.heading_da,
            anchor=obj.anchor,
            kind=obj.kind,
            body_da=obj.body_da,
        )

    response = admin_client.post(admin_url(Theme, "change", theme.pk), data)

    assert response.status_code == 302, response.context["errors"] if response.context else ""
    assert [s.heading for s in theme.sections.all()] == ["Geografi", "Tre tilgange"]


def test_an_anchor_the_page_uses_is_refused_with_a_message(admin_client, section):
    data = {
        "theme": str(section.theme.pk),
        "order": "1",
        "heading_da": "Indhold",
        "heading_en": "",
        "anchor": "indhold",
        "kind": "text",
        "body_da": "Tekst",
        "body_en": "",
        "read_more_da": "",
        "read_more_en": "",
        "contact": "",
        "link_url": "",
        "link_label_da": "",
        "link_label_en": "",
        **management("items", 0),
    }

    response = admin_client.post(admin_url(Section, "add"), data)

    assert response.status_code == 200
    assert "Ankeret “indhold” bruges allerede af siden" in response.text


def test_saving_a_section_with_items_returns_to_its_theme(admin_client, section):
    item = section.items.get()
    data = {
        "theme": str(section.theme.pk),
        "order": "1",
        "heading_da": "Tre tilgange",
        "heading_en": "Three approaches",
        "anchor": section.anchor,
        "kind": "typology",
        "body_da": "Tekst",
        "body_en": "",
        "read_more_da": "",
        "read_more_en": "",
        "contact": "",
        "link_url": "",
        "link_label_da": "",
        "link_label_en": "",
        **management("items", 2, 1),
        "items-0-id": str(item.pk),
        "items-0-section": str(section.pk),
        "items-0-order": "2",
        "items-0-title_da": "Forankring",
        "items-0-title_en": "Embedding",
        "items-0-body_da": "Tekst",
        "items-0-body_en": "",
        "items-0-read_more_da": "",
        "items-0-read_more_en": "",
        "items-1-id": "",
        "items-1-section": str(section.pk),
        "items-1-order": "1",
        "items-1-title_da": "Videreførelse",
        "items-1-title_en": "",
        "items-1-body_da": "Tekst <img src=x onerror=alert(1)>",
        "items-1-body_en": "",
        "items-1-read_more_da": "Mere",
        "items-1-read_more_en": "",
    }

    response = admin_client.post(admin_url(Section, "change", section.pk), data)

    assert response.status_code == 302, response.context["errors"] if response.context else ""
    assert response["Location"] == admin_url(Theme, "change", section.theme.pk)
    assert [i.title for i in section.items.all()] == ["Videreførelse", "Forankring"]
    assert "onerror" not in SectionItem.objects.get(title_da="Videreførelse").body_da


class FormFields(HTMLParser):
    """The name=value pairs a browser would send from the page's admin form."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.data: dict[str, list[str]] = {}
        self._textarea: str | None = None
        self._select: str | None = None
        self.feed(html)

    def _add(self, name: str, value: str) -> None:
        # Templates nested-admin copies new forms from are not sent as forms of their own.
        if "__prefix__" not in name and "-empty-" not in name:
            self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        name = a.get("name")
        if tag == "input" and name and a.get("type") not in {"submit", "button", "file"}:
            if a.get("type") in {"checkbox", "radio"} and "checked" not in a:
                return
            self._add(name, a.get("value") or "")
        elif tag == "textarea" and name:
            self._textarea = name
            self._add(name, "")
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in a:
            self._add(self._select, a.get("value") or "")

    def handle_data(self, data):
        if self._textarea in self.data:
            self.data[self._textarea][-1] += data.removeprefix("\n")

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None


def change_form_data(admin_client, theme) -> dict:
    response = admin_client.get(admin_url(Theme, "change", theme.pk))
    fields = FormFields(response.text).data
    return {name: values if len(values) > 1 else values[0] for name, values in fields.items()}


def new_section(data: dict, index: int, heading: str, order: str = "") -> None:
    """Add what the browser adds for a new section: its fields and its items' formset."""
    data["sections-TOTAL_FORMS"] = str(index + 1)
    data |= section_form("sections", index, order=order, heading_da=heading, body_da="Tekst")
    data |= management(f"sections-{index}-items", 0)


def save_theme(admin_client, theme, data):
    return admin_client.post(admin_url(Theme, "change", theme.pk), data)


def test_a_new_section_goes_last_not_to_the_top(admin_client, section):
    theme = section.theme
    SectionFactory(theme=theme, heading="Geografi", order=section.order + 1)
    data = change_form_data(admin_client, theme)
    new_section(data, 2, "Til sidst")

    response = save_theme(admin_client, theme, data)

    assert response.status_code == 302, response.context["errors"] if response.context else ""
    assert [s.heading for s in theme.sections.all()] == ["Tre tilgange", "Geografi", "Til sidst"]


def test_a_section_added_on_its_own_page_goes_last(admin_client, section):
    Section.objects.filter(pk=section.pk).update(order=3)
    data = {
        "theme": str(section.theme.pk),
        "heading_da": "Efterskrift",
        "heading_en": "",
        "anchor": "",
        "kind": "text",
        "body_da": "Tekst",
        "body_en": "",
        "read_more_da": "",
        "read_more_en": "",
        "contact": "",
        "link_url": "",
        "link_label_da": "",
        "link_label_en": "",
        **management("items", 0),
    }

    response = admin_client.post(admin_url(Section, "add"), data)

    assert response.status_code == 302, response.context["errors"] if response.context else ""
    assert [s.heading for s in section.theme.sections.all()] == ["Tre tilgange", "Efterskrift"]


def test_one_save_of_the_theme_stores_new_sections_and_items_in_their_places(admin_client, section):
    theme = section.theme
    data = change_form_data(admin_client, theme)
    # An item for the existing section, after "Forankring" …
    data["sections-0-items-TOTAL_FORMS"] = "2"
    data |= {
        "sections-0-items-1-id": "",
        "sections-0-items-1-section": str(section.pk),
        "sections-0-items-1-order": "",
        "sections-0-items-1-title_da": "Videreførelse",
        "sections-0-items-1-title_en": "Continuation",
        "sections-0-items-1-body_da": "Tekst <img src=x onerror=alert(1)>",
        "sections-0-items-1-body_en": "",
        "sections-0-items-1-read_more_da": "",
        "sections-0-items-1-read_more_en": "",
    }
    # … and a new section with two items of its own, the second dragged above the first.
    new_section(data, 1, "Proces")
    data["sections-1-items-TOTAL_FORMS"] = "2"
    for index, (title, order) in enumerate([("Afklaring", "1"), ("Finansiering", "0")]):
        data |= {
            f"sections-1-items-{index}-id": "",
            f"sections-1-items-{index}-section": "",
            f"sections-1-items-{index}-order": order,
            f"sections-1-items-{index}-title_da": title,
            f"sections-1-items-{index}-title_en": "",
            f"sections-1-items-{index}-body_da": "Tekst",
            f"sections-1-items-{index}-body_en": "",
            f"sections-1-items-{index}-read_more_da": "",
            f"sections-1-items-{index}-read_more_en": "",
        }

    response = save_theme(admin_client, theme, data)

    assert response.status_code == 302, response.context["errors"] if response.context else ""
    sections = list(theme.sections.all())
    assert [s.heading for s in sections] == ["Tre tilgange", "Proces"]
    assert [i.title for i in sections[0].items.all()] == ["Forankring", "Videreførelse"]
    assert [i.title for i in sections[1].items.all()] == ["Finansiering", "Afklaring"]
    assert "onerror" not in SectionItem.objects.get(title_da="Videreførelse").body_da


@pytest.mark.parametrize("field", ["sections-0-order", "sections-0-items-0-order"])
@pytest.mark.parametrize("order", ["abc", "-1", "1e9999", "99999999999"])
def test_a_garbage_position_is_a_message_not_a_crash(admin_client, section, field, order):
    data = change_form_data(admin_client, section.theme)
    data[field] = order
    data["sections-0-heading_da"] = "Ændret"

    response = save_theme(admin_client, section.theme, data)

    assert response.status_code == 200
    assert "Rækkefølgen kunne ikke læses" in response.text
    section.refresh_from_db()
    assert section.heading_da == "Tre tilgange"


def test_a_part_sent_without_its_position_goes_last(admin_client, section):
    theme = section.theme
    SectionFactory(theme=theme, heading="Geografi", order=section.order + 1)
    data = change_form_data(admin_client, theme)
    data["sections-0-order"] = ""

    response = save_theme(admin_client, theme, data)

    assert response.status_code == 302, response.context["errors"] if response.context else ""
    assert [s.heading for s in theme.sections.all()] == ["Geografi", "Tre tilgange"]


@pytest.mark.parametrize(
    "missing", ["sections-TOTAL_FORMS", "sections-INITIAL_FORMS", "sections-0-items-TOTAL_FORMS"]
)
def test_a_form_without_its_management_data_is_refused_with_a_message(
    admin_client, section, missing
):
    data = change_form_data(admin_client, section.theme)
    data["sections-0-heading_da"] = "Ændret"
    del data[missing]

    response = save_theme(admin_client, section.theme, data)

    assert response.status_code == 200
    assert response.context["errors"]
    section.refresh_from_db()
    assert section.heading_da == "Tre tilgange"


def test_the_unchanged_form_saves_as_it_came(admin_client, section):
    data = change_form_data(admin_client, section.theme)

    response = save_theme(admin_client, section.theme, data)

    assert response.status_code == 302, response.context["errors"] if response.context else ""
    assert [i.title for i in section.items.all()] == ["Forankring"]


@pytest.mark.parametrize("rows", [3, 30])
def test_theme_changelist_queries_do_not_grow(admin_client, django_assert_max_num_queries, rows):
    person = PersonFactory()
    for _ in range(rows):
        SectionFactory.create_batch(2, theme=ThemeFactory(contact=person))

    with django_assert_max_num_queries(10):
        response = admin_client.get(admin_url(Theme, "changelist"))

    assert response.status_code == 200
