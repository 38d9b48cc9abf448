"""Editors meet the admin in Danish: no page shows the English that Django ships with.

The walk covers every registered model's list, add form, change form and history, the
index and app pages, the password change page and the group form with its permissions.
What counts is what an editor reads: the text of the page and the words of its buttons,
placeholders, titles and labels, and the texts the admin's scripts build from the page
(the inlines' "add another" button). What editors typed in English (``lang="en"``) and the
text inside a text area do not count.
"""

import json
import re
from contextlib import suppress
from html import unescape
from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import Group, Permission, User
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import NoReverseMatch, URLPattern, reverse
from django.utils.html import strip_tags
from reversion import is_registered
from reversion.models import Version

from portal import registry
from projects.models import ResearchProject
from tests.activities.factories import ActivityFactory, FocusAreaFactory
from tests.portal.admin_forms import change_form_data
from tests.portal.factories import PersonFactory

pytestmark = pytest.mark.django_db

# Words and phrases of Django's English admin, each matched as a whole word.
ENGLISH = [
    "Can add",
    "Can change",
    "Can delete",
    "Can view",
    "Slug",
    "Add another",
    "Save and",
    "Delete",
    "History",
    "Filter",
    "Search",
    "Action",
    "Go",
    "selected",
    "Select all",
    "Clear",
    "Show all",
    "Add",
    "Change",
    "View site",
    "Log out",
    # The text of a list's yes/no icons.
    "True",
    "False",
]
# Django's Danish where it does not know a noun's gender: "Tilføj endnu en Afsnit",
# "Du kan redigere den/det".
SLIPS = [r"endnu (?:en|et) [A-ZÆØÅ]\w*", r"den/det", r"en/et"]
ENGLISH_WORDS = re.compile(
    r"(?<!\w)(" + "|".join([re.escape(w) for w in ENGLISH] + SLIPS) + r")(?!\w)"
)

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
VOID |= {"track", "wbr", "param"}
# Not read by the editor: code, styles, and the text typed into a text area.
HIDDEN = {"script", "style", "textarea", "noscript"}
READ_ATTRIBUTES = ("title", "placeholder", "aria-label", "alt")
BUTTON_TYPES = {"submit", "button", "reset"}


class VisibleText(HTMLParser):
    """Collect what an editor reads on a page, leaving out English content."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped)
        self.texts: list[str] = []

    @property
    def skipping(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        english = (attrs.get("lang") or "").lower().startswith("en")
        skipped = self.skipping or english or tag in HIDDEN
        if tag not in VOID:
            self.stack.append((tag, skipped))
        if skipped:
            return
        self.texts.extend(attrs[name] for name in READ_ATTRIBUTES if attrs.get(name))
        if tag == "input" and attrs.get("type") in BUTTON_TYPES and attrs.get("value"):
            self.texts.append(attrs["value"])
        if attrs.get("data-inline-formset"):
            # The admin's inlines.js builds the add and remove links from these texts.
            options = json.loads(attrs["data-inline-formset"])["options"]
            self.texts.extend(options.get(key) or "" for key in ("addText", "deleteText"))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        if not self.skipping and data.strip():
            self.texts.append(data)


def visible_text(html: str) -> str:
    parser = VisibleText()
    parser.feed(html)
    parser.close()
    return " ".join(" ".join(text.split()) for text in parser.texts)


def english_on(html: str) -> list[str]:
    """Return each English phrase (or slip of Danish) on the page, once, with the text
    around its first use."""
    text = visible_text(html)
    found = {}
    for match in ENGLISH_WORDS.finditer(text):
        around = text[max(0, match.start() - 40) : match.end() + 40]
        found.setdefault(match.group(1), f"“{match.group(1)}” in “…{around}…”")
    return list(found.values())


@pytest.fixture
def content(admin_user, client):
    """One of everything: the demo content, a group with permissions and a history.

    The first project is saved once through its form, so it has a version and a log
    line to show.
    """
    call_command("load_demo", verbosity=0)
    group = Group.objects.create(name="Redaktører")
    group.permissions.set(Permission.objects.all())
    admin_user.groups.add(group)
    client.force_login(admin_user)
    project = ResearchProject.objects.order_by("pk").first()
    address = reverse("admin:projects_researchproject_change", args=[project.pk])
    data = change_form_data(client.get(address).text)
    data["title_da"] = ["Et nyt navn til projektet"]
    assert client.post(address, {**data, "_continue": "Gem"}).status_code == 302


def object_pages(model, obj) -> list[tuple[str, str]]:
    """Return the pages of one object: its form, history, delete page and its versions."""
    opts = model._meta
    name = f"admin:{opts.app_label}_{opts.model_name}"
    pages = [
        (f"{opts.label} change", reverse(f"{name}_change", args=[obj.pk])),
        (f"{opts.label} history", reverse(f"{name}_history", args=[obj.pk])),
    ]
    if admin.site._registry[model].has_delete_permission(superuser_request(), obj):
        pages.append((f"{opts.label} delete", reverse(f"{name}_delete", args=[obj.pk])))
    versions = Version.objects.get_for_object(obj) if is_registered(model) else []
    for version in versions[:1]:
        pages.append(
            (f"{opts.label} version", reverse(f"{name}_revision", args=[obj.pk, version.pk]))
        )
    if obj._meta.model is User:
        pages.append(
            ("password of a user", reverse("admin:auth_user_password_change", args=[obj.pk]))
        )
    return pages


NOT_PAGES = {"login", "logout", "jsi18n", "autocomplete", None}


def superuser_request():
    """A request by a superuser: what the admin lets anyone do (login locks have no add)."""
    request = RequestFactory().get("/")
    request.user = User(is_superuser=True, is_staff=True, is_active=True)
    return request


def admin_pages() -> list[tuple[str, str]]:
    """Return (page, address) for every admin page an editor can open.

    Each registered model's list (also with search results), add form, deleted items,
    and the pages of its first object (the demo content and the fixture make one of each
    of our models).
    """
    # The site's own pages without parameters: the index, the password pages and any
    # page added to the admin site later. Not the ones that answer a script or a POST.
    pages = [
        (pattern.name, reverse(f"admin:{pattern.name}"))
        for pattern in admin.site.get_urls()
        if isinstance(pattern, URLPattern)
        and pattern.name not in NOT_PAGES
        and not re.search(r"[<(]", str(pattern.pattern))
    ]
    app_labels = sorted({model._meta.app_label for model in admin.site._registry})
    pages += [(f"{label} (app)", reverse("admin:app_list", args=[label])) for label in app_labels]
    for model in sorted(admin.site._registry, key=lambda model: model._meta.label):
        opts = model._meta
        name = f"admin:{opts.app_label}_{opts.model_name}"
        first = model._default_manager.order_by("pk").first()
        # Every model of ours has an object to open; an add-on's table may be empty (no
        # login has been locked yet), and then its list and add form are walked.
        ours = opts.app_config in registry.project_apps() or opts.label in {
            "auth.User",
            "auth.Group",
        }
        assert first is not None or not ours, f"{opts.label} has no object: add one to the demo"
        changelist = reverse(f"{name}_changelist")
        pages += [
            (f"{opts.label} list", changelist),
            (f"{opts.label} search", f"{changelist}?q=e"),
        ]
        if admin.site._registry[model].has_add_permission(superuser_request()):
            pages.append((f"{opts.label} add", reverse(f"{name}_add")))
        # Only content types keep deleted items, and only those that can be deleted.
        if admin.site._registry[model].has_delete_permission(superuser_request()):
            with suppress(NoReverseMatch):
                pages.append((f"{opts.label} deleted", reverse(f"{name}_recoverlist")))
        if first is not None:
            pages += object_pages(model, first)
    return pages


def test_every_admin_page_is_in_danish(client, admin_user, content):
    found = {}
    for page, address in admin_pages():
        answer = client.get(address, headers={"accept-language": "da"}, follow=True)
        assert answer.status_code == 200, f"{page} ({address}) answered {answer.status_code}"
        if english := english_on(answer.text):
            found[f"{page} ({address})"] = english
    assert not found, "English or genderless Danish in the admin:\n" + "\n".join(
        f"{page}:\n  " + "\n  ".join(words) for page, words in found.items()
    )


def test_the_login_page_is_in_danish(client):
    answer = client.get(reverse("admin:login"), headers={"accept-language": "da"})

    assert english_on(answer.text) == []


def test_the_walk_catches_an_english_label():
    page = '<label for="id_slug">Slug:</label><p lang="en">Search all projects</p>'
    assert english_on(page) == ["“Slug” in “…Slug:…”"]


def test_the_walk_catches_a_noun_without_its_gender():
    page = "<button>Tilføj endnu en Afsnit</button>"
    assert english_on(page) == ["“endnu en Afsnit” in “…Tilføj endnu en Afsnit…”"]


def test_english_content_and_typed_text_do_not_count():
    page = (
        '<div lang="en"><input value="Change the world"><p>History</p></div>'
        "<textarea>Delete me</textarea><script>gettext('Add')</script>"
    )
    assert english_on(page) == []


def add_texts(html: str) -> list[str]:
    """Return the words of each inline's add button: the script's and the page's own."""
    data = re.findall(r'data-inline-formset="([^"]*)"', html)
    texts = [json.loads(unescape(item))["options"]["addText"] for item in data]
    return texts + re.findall(r'class="[^"]*djn-add-handler[^"]*">([^<]*)</button>', html)


@pytest.mark.parametrize(
    ("model", "expected"),
    [
        ("projects_researchproject", {"Tilføj endnu en kontaktperson"}),
        ("activities_activity", {"Tilføj en kilde"}),
        ("themes_theme", {"Tilføj et afsnit", "Tilføj et punkt"}),
        ("themes_section", {"Tilføj et punkt"}),
    ],
)
def test_inlines_add_their_parts_in_danish_grammar(admin_client, model, expected):
    answer = admin_client.get(reverse(f"admin:{model}_add"))

    assert set(add_texts(answer.text)) == expected


def test_no_help_text_has_angle_brackets():
    """The admin prints help texts as HTML: "/aktiviteter/<kortnavn>/" lost its middle."""
    with_brackets = [
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if re.search(r"[<>]", str(getattr(field, "help_text", "") or ""))
    ]
    assert with_brackets == []


def test_a_taken_slug_is_named_in_danish(admin_client):
    PersonFactory(slug="mette")
    data = change_form_data(admin_client.get(reverse("admin:portal_person_add")).text)
    data.update(name=["Mette"], slug=["mette"])

    answer = admin_client.post(reverse("admin:portal_person_add"), data)

    assert answer.context["adminform"].form.errors["slug"] == [
        "Kortnavnet er allerede i brug. Vælg et andet."
    ]


def test_a_saved_item_is_named_in_a_danish_sentence(admin_client):
    data = change_form_data(admin_client.get(reverse("admin:portal_organisation_add")).text)
    data.update(name=["Landsbyggefonden"], slug=["lbf"])

    answer = admin_client.post(reverse("admin:portal_organisation_add"), data, follow=True)

    assert [strip_tags(str(m)) for m in answer.context["messages"]] == [
        "“Landsbyggefonden” (organisation) er tilføjet."
    ]


def test_the_delete_page_leaves_out_django_s_link_rows(admin_client):
    activity = ActivityFactory()
    activity.focus_areas.set([FocusAreaFactory()])
    address = reverse("admin:activities_activity_delete", args=[activity.pk])

    text = visible_text(admin_client.get(address).text)

    assert "Aktivitet: " in text
    assert "relation" not in text
    assert "object (" not in text


def test_the_buttons_under_a_form_need_no_article(admin_client):
    """Django's "Gem og tilføj endnu en" is wrong for "et forskningsprojekt"."""
    text = visible_text(admin_client.get(reverse("admin:projects_researchproject_add")).text)

    assert "Gem og tilføj næste" in text
    assert "Gem og tilføj endnu" not in text
