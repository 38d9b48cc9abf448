"""Rules that live on the theme models: slugs, anchors, sanitising and validation."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError

from tests.portal.factories import PersonFactory
from tests.themes.factories import SectionFactory, SectionItemFactory, ThemeFactory
from themes.models import Section, Theme

pytestmark = pytest.mark.django_db


def test_theme_slug_is_made_from_the_danish_title():
    theme = Theme.objects.create(title="Det boligsociale arbejde i bevægelse", lead="Kort.")

    assert theme.slug == "det-boligsociale-arbejde-i-bevaegelse"
    assert theme.get_absolute_url() == "/temaer/det-boligsociale-arbejde-i-bevaegelse/"


def test_section_anchor_is_made_from_the_heading_with_danish_letters():
    section = SectionFactory(heading="Styring & samarbejde på tværs", anchor="")

    assert section.anchor == "styring-samarbejde-paa-tvaers"
    assert section.get_absolute_url() == (
        f"{section.theme.get_absolute_url()}#styring-samarbejde-paa-tvaers"
    )


def test_anchors_are_unique_within_a_theme_and_may_repeat_across_themes():
    first, second = ThemeFactory(), ThemeFactory()

    a = SectionFactory(theme=first, heading="Proces")
    b = SectionFactory(theme=first, heading="Proces")
    c = SectionFactory(theme=second, heading="Proces")

    assert (a.anchor, b.anchor, c.anchor) == ("proces", "proces-2", "proces")


def test_an_anchor_never_takes_an_id_the_page_already_uses():
    section = SectionFactory(heading="Indhold")

    assert section.anchor == "indhold-2"
    with pytest.raises(ValidationError, match="bruges allerede af siden"):
        Section(theme=section.theme, heading="X", body="Y", anchor="tema-indhold").full_clean()


def test_a_heading_of_only_symbols_still_gets_an_anchor():
    assert SectionFactory(heading="?!").anchor == "afsnit"


def test_the_database_refuses_two_sections_with_one_anchor():
    section = SectionFactory(anchor="samme")

    with pytest.raises(IntegrityError):
        SectionFactory(theme=section.theme, anchor="samme")


def test_a_duplicate_anchor_gets_a_danish_message_in_forms():
    section = SectionFactory(anchor="samme")
    twin = Section(theme=section.theme, heading="Tvilling", body="Tekst", anchor="samme")

    with pytest.raises(ValidationError, match="Et andet afsnit i temaet har allerede dette anker"):
        twin.full_clean()


def test_rich_text_is_sanitised_in_both_languages_on_every_model():
    theme = ThemeFactory(
        intro_da="<p>Ok</p><script>x</script>", intro_en='<a href="javascript:x">e</a>'
    )
    section = SectionFactory(
        theme=theme, body_da="<img src=x onerror=alert(1)>Tekst", read_more_en="<script>y</script>"
    )
    item = SectionItemFactory(section=section, body_da="<b onclick='x'>Fed</b>", read_more_da="")

    for value in (
        theme.intro_da,
        theme.intro_en,
        section.body_da,
        section.read_more_en,
        item.body_da,
    ):
        assert "<script" not in value
        assert "onerror" not in value and "onclick" not in value
        assert "javascript:" not in value
    assert item.body_da == "<p><strong>Fed</strong></p>"


def test_plain_text_with_blank_lines_becomes_paragraphs():
    section = SectionFactory(body="Første.\n\nAnden.")

    assert section.body == "<p>Første.</p><p>Anden.</p>"


def test_a_hero_image_needs_alt_text():
    image = SimpleUploadedFile("hero.gif", b"GIF89a", content_type="image/gif")
    theme = Theme(title="Tema", slug="tema", lead="Kort.", hero_image=image)

    with pytest.raises(ValidationError) as error:
        theme.clean()

    assert "hero_alt_da" in error.value.message_dict


def test_a_link_needs_a_label_and_a_label_needs_a_link():
    theme = ThemeFactory()
    with_url = Section(theme=theme, heading="A", body="B", link_url="https://www.example.org/")
    with_label = Section(theme=theme, heading="A", body="B", link_label="Se mere")

    with pytest.raises(ValidationError, match="Skriv den tekst, linket skal have"):
        with_url.clean()
    with pytest.raises(ValidationError, match="Skriv adressen"):
        with_label.clean()


def test_a_contact_person_with_a_theme_cannot_be_deleted():
    from django.db.models import ProtectedError

    person = PersonFactory()
    ThemeFactory(contact=person)

    with pytest.raises(ProtectedError):
        person.delete()


def test_deleting_a_theme_deletes_its_sections_and_items():
    item = SectionItemFactory()
    theme = item.section.theme

    theme.delete()

    assert not Section.objects.exists()


def test_str_is_the_title_or_heading():
    item = SectionItemFactory(title="Videreførelse", section__heading="Tre tilgange")

    assert str(item) == "Videreførelse"
    assert str(item.section) == "Tre tilgange"
    assert str(item.section.theme) == item.section.theme.title
