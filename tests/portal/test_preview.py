"""Preview: staff see what visitors do not yet (or no longer) see, and can share it by link."""

import datetime
import re
import time
from html import unescape
from unittest import mock

import pytest
from django.core import signing
from django.core.cache import cache
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone

from portal.cache import page_key
from portal.drafts import PREVIEW_SALT, preview_token
from portal.models import PendingDraft, PublishStatus
from tests.news.factories import NewsArticleFactory
from tests.portal.admin_forms import form_data
from tests.portal.factories import PersonFactory
from tests.projects.factories import ProjectFactory
from tests.site.content import PUBLISHABLE_DETAILS

pytestmark = pytest.mark.django_db

BANNER = re.compile(r'<div class="preview-banner" role="status">\s*<p[^>]*>(.*?)</p>', re.S)
NOINDEX = '<meta name="robots" content="noindex">'


def banner(response) -> str | None:
    found = BANNER.search(response.text)
    return unescape(found.group(1)).strip() if found else None


def in_the_future(**delta):
    return timezone.now() + datetime.timedelta(**delta)


@pytest.fixture
def editor(django_user_model):
    """Staff, not a superuser: seeing a preview takes no more than that."""
    client = Client()
    client.force_login(
        django_user_model.objects.create_user("redaktoer", password="x", is_staff=True)
    )
    return client


STATES = {
    "draft": ({"status": PublishStatus.DRAFT}, "Kladde – kun synlig for redaktører."),
    "scheduled": (
        {"publish_from": datetime.datetime(2099, 3, 3, 8, 0, tzinfo=datetime.UTC)},
        "Planlagt til 3. marts 2099 kl. 9.00. Besøgende kan ikke se siden endnu.",
    ),
    "expired": (
        {"publish_until": datetime.datetime(2020, 3, 1, 16, 0, tzinfo=datetime.UTC)},
        "Udløbet 1. marts 2020 kl. 17.00. Besøgende kan ikke længere se siden.",
    ),
}


@pytest.mark.parametrize("state", STATES, ids=str)
@pytest.mark.parametrize("detail", PUBLISHABLE_DETAILS, ids=str)
def test_staff_see_the_state_in_a_banner_and_visitors_get_404(editor, detail, state):
    fields, text = STATES[state]
    obj = detail.make(**fields)

    response = editor.get(obj.get_absolute_url())

    assert response.status_code == 200
    assert banner(response) == text
    assert NOINDEX in response.text
    assert response["X-Robots-Tag"] == "noindex"
    assert Client().get(obj.get_absolute_url()).status_code == 404


def test_the_banner_sits_above_the_stored_body_not_in_it(editor):
    project = ProjectFactory(status=PublishStatus.DRAFT)

    response = editor.get(project.get_absolute_url())

    assert response.text.index('role="status"') < response.text.index("<article")
    assert "preview-banner" not in str(response.context["body"])


def test_a_news_item_dated_tomorrow_is_announced_with_its_date(editor):
    article = NewsArticleFactory(published_on=timezone.localdate() + datetime.timedelta(days=1))

    response = editor.get(article.get_absolute_url())

    assert banner(response).startswith("Planlagt – vises for besøgende fra")


@pytest.mark.parametrize("detail", PUBLISHABLE_DETAILS, ids=str)
def test_a_published_page_has_no_banner_and_may_be_indexed(editor, detail):
    response = editor.get(detail.make().get_absolute_url())

    assert banner(response) is None
    assert NOINDEX not in response.text
    assert "X-Robots-Tag" not in response


# A pending draft ---------------------------------------------------------------------


def change_url(obj) -> str:
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def save_draft(client, obj, **changes) -> PendingDraft:
    data = form_data(client.get(change_url(obj)).text, f"{obj._meta.model_name}_form")
    data.update({name: [value] for name, value in changes.items()})
    assert client.post(change_url(obj), {**data, "_save_draft": "x"}).status_code == 302
    return PendingDraft.objects.for_object(obj).get()


@pytest.fixture
def project():
    return ProjectFactory(summary_da="Det udgivne resumé", contacts=[PersonFactory()])


def test_staff_see_the_pending_draft_and_visitors_the_live_page(admin_client, project):
    save_draft(admin_client, project, summary_da="Resuméet i kladden")

    staff = admin_client.get(project.get_absolute_url())
    visitor = Client().get(project.get_absolute_url())

    assert "Resuméet i kladden" in staff.text
    assert banner(staff) == (
        "Du ser ændringer i kladde, som endnu ikke er udgivet. Besøgende ser den udgivne version."
    )
    assert "Det udgivne resumé" in visitor.text
    assert "Resuméet i kladden" not in visitor.text
    assert banner(visitor) is None


def test_a_draft_preview_leaves_nothing_in_any_cache(admin_client, project):
    save_draft(admin_client, project, summary_da="Resuméet i kladden")
    Client().get(project.get_absolute_url())  # the live page, stored
    cache.clear()

    admin_client.get(project.get_absolute_url())  # renders the draft first
    visitor = Client().get(project.get_absolute_url())
    # Staff who see the live page after the draft is gone see no draft either.
    PendingDraft.objects.all().delete()
    staff_again = admin_client.get(project.get_absolute_url())

    assert "Resuméet i kladden" not in visitor.text
    assert "Resuméet i kladden" not in staff_again.text


def test_a_draft_preview_changes_nothing_in_the_database(admin_client, project):
    save_draft(admin_client, project, summary_da="Resuméet i kladden")

    admin_client.get(project.get_absolute_url())

    project.refresh_from_db()
    assert project.summary_da == "Det udgivne resumé"


def test_see_on_site_opens_the_public_page(admin_client, project):
    response = admin_client.get(change_url(project))

    assert "Se på siden" in response.text


# Preview links ----------------------------------------------------------------------


def share(client, obj) -> str:
    """Press "Del forhåndsvisning" and return the link it shows."""
    page = client.get(change_url(obj))
    assert "Del forhåndsvisning" in page.text
    opts = obj._meta
    response = client.get(
        reverse(f"admin:{opts.app_label}_{opts.model_name}_share_preview", args=[obj.pk])
    )
    assert response.status_code == 200
    return unescape(re.search(r'id="preview-url"[^>]*value="([^"]+)"', response.text).group(1))


def test_a_shared_link_shows_a_draft_item_to_someone_outside(admin_client):
    project = ProjectFactory(status=PublishStatus.DRAFT, summary_da="Hemmeligt resumé")
    url = share(admin_client, project)

    response = Client().get(url)

    assert response.status_code == 200
    assert "Hemmeligt resumé" in response.text
    assert banner(response) == "Forhåndsvisning: Kladde – kun synlig for redaktører."
    assert NOINDEX in response.text
    assert response["X-Robots-Tag"] == "noindex"
    assert response["Cache-Control"] == "private, no-store"
    assert Client().get(project.get_absolute_url()).status_code == 404


def test_a_shared_link_shows_the_pending_draft(admin_client, project):
    save_draft(admin_client, project, summary_da="Resuméet i kladden")
    url = share(admin_client, project)

    outsider = Client().get(url)

    assert "Resuméet i kladden" in outsider.text
    assert "Det udgivne resumé" in Client().get(project.get_absolute_url()).text


def test_a_preview_page_is_never_stored_in_the_page_cache(admin_client):
    project = ProjectFactory(status=PublishStatus.DRAFT, summary_da="Hemmeligt resumé")
    url = share(admin_client, project)

    first, second = Client().get(url), Client().get(url)

    assert first.get("X-Page-Cache") is None  # answered, not stored
    assert second.get("X-Page-Cache") is None
    assert cache.get(page_key(RequestFactory().get(url))) is None
    assert first["Cache-Control"] == "private, no-store"


def test_a_link_to_a_discarded_draft_stops_working(admin_client, project):
    save_draft(admin_client, project, summary_da="Resuméet i kladden")
    url = share(admin_client, project)
    PendingDraft.objects.all().delete()
    save_draft(admin_client, project, summary_da="En ny kladde")

    assert Client().get(url).status_code == 404


def test_a_tampered_token_gives_404(admin_client):
    project = ProjectFactory(status=PublishStatus.DRAFT)
    token = preview_token(project)
    tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")

    response = Client().get(f"{project.get_absolute_url()}?forhaandsvisning={tampered}")

    assert response.status_code == 404
    assert "Siden findes ikke" in response.text


def test_a_token_for_another_item_gives_404():
    project, other = ProjectFactory(status=PublishStatus.DRAFT), ProjectFactory()

    response = Client().get(f"{project.get_absolute_url()}?forhaandsvisning={preview_token(other)}")

    assert response.status_code == 404


def test_a_token_of_another_content_type_with_the_same_id_gives_404():
    project = ProjectFactory(status=PublishStatus.DRAFT)
    article = NewsArticleFactory(status=PublishStatus.DRAFT)
    forged = signing.dumps({"type": 0, "pk": str(project.pk), "draft": None}, salt=PREVIEW_SALT)

    for token in (preview_token(article), forged):
        response = Client().get(f"{project.get_absolute_url()}?forhaandsvisning={token}")
        assert response.status_code == 404


def test_a_token_expires_after_seven_days():
    project = ProjectFactory(status=PublishStatus.DRAFT)
    url = f"{project.get_absolute_url()}?forhaandsvisning={preview_token(project)}"
    now = time.time()

    with mock.patch("django.core.signing.time.time", return_value=now + 6.9 * 86400):
        assert Client().get(url).status_code == 200
    with mock.patch("django.core.signing.time.time", return_value=now + 7.1 * 86400):
        assert Client().get(url).status_code == 404


@pytest.mark.parametrize(
    "token",
    ["", "x", "a:b:c", "é" * 50, "x" * 5000, signing.dumps([1, 2], salt=PREVIEW_SALT)],
    ids=["empty", "short", "colons", "unicode", "long", "a-list"],
)
def test_garbage_tokens_give_404_not_500(token):
    project = ProjectFactory(status=PublishStatus.DRAFT)

    response = Client().get(project.get_absolute_url(), {"forhaandsvisning": token})

    assert response.status_code == 404


def test_a_token_on_a_page_that_is_not_publishable_is_just_an_unknown_parameter():
    person = PersonFactory()

    response = Client().get(person.get_absolute_url(), {"forhaandsvisning": "x"})

    assert response.status_code == 200


def test_only_staff_who_may_change_an_item_can_share_it(client, django_user_model):
    project = ProjectFactory(status=PublishStatus.DRAFT)
    viewer = django_user_model.objects.create_user("laeser", password="x", is_staff=True)
    client.force_login(viewer)

    response = client.get(
        reverse("admin:projects_researchproject_share_preview", args=[project.pk])
    )

    assert response.status_code in (403, 302)


def test_sharing_an_unknown_item_gives_404(admin_client):
    for pk in ("999999", "abc"):
        url = reverse("admin:projects_researchproject_share_preview", args=[pk])
        assert admin_client.get(url).status_code == 404


def test_a_draft_that_changes_the_address_is_seen_at_the_live_address(admin_client, project):
    live_url = project.get_absolute_url()
    save_draft(admin_client, project, slug="ny-adresse", summary_da="Resuméet i kladden")

    response = admin_client.get(live_url)

    assert response.status_code == 200
    assert "Resuméet i kladden" in response.text
    assert Client().get(live_url).status_code == 200
