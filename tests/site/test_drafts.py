"""Drafts: staff preview them on the page itself; everyone else gets the 404 page.

Logging in is not enough: only staff may see what is not published yet.
"""

import pytest

from portal.models import PublishStatus
from tests.site.content import PUBLISHABLE_DETAILS

pytestmark = pytest.mark.django_db

MARKER = "Kladde – kun synlig for redaktører"


def make_draft(detail):
    return detail.make(status=PublishStatus.DRAFT, **{detail.title: "Hemmelig kladde"})


@pytest.fixture
def reader(client, django_user_model):
    """A client logged in as a user who is not staff."""
    client.force_login(django_user_model.objects.create_user("laeser", password="kodeord-123"))
    return client


@pytest.mark.parametrize("detail", PUBLISHABLE_DETAILS, ids=str)
def test_a_draft_looks_exactly_like_an_unknown_slug_to_visitors(client, detail):
    draft = make_draft(detail)

    response = client.get(draft.get_absolute_url())

    assert response.status_code == 404
    assert "Siden findes ikke" in response.text
    assert "Hemmelig kladde" not in response.text


@pytest.mark.parametrize("detail", PUBLISHABLE_DETAILS, ids=str)
def test_a_logged_in_user_who_is_not_staff_gets_a_404_for_a_draft(reader, detail):
    draft = make_draft(detail)
    published = detail.make()

    response = reader.get(draft.get_absolute_url())

    assert response.status_code == 404
    assert "Hemmelig kladde" not in response.text
    assert reader.get(published.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("detail", PUBLISHABLE_DETAILS, ids=str)
def test_staff_preview_a_draft_marked_as_such(admin_client, detail):
    draft = make_draft(detail)

    response = admin_client.get(draft.get_absolute_url())

    assert response.status_code == 200
    assert MARKER in response.text
    assert "Hemmelig kladde" in response.text


@pytest.mark.parametrize("detail", PUBLISHABLE_DETAILS, ids=str)
def test_staff_need_not_be_superusers_to_preview(client, django_user_model, detail):
    editor = django_user_model.objects.create_user("redaktoer", password="x", is_staff=True)
    client.force_login(editor)
    draft = make_draft(detail)

    assert client.get(draft.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("detail", PUBLISHABLE_DETAILS, ids=str)
def test_a_published_page_has_no_draft_marker_for_staff(admin_client, detail):
    response = admin_client.get(detail.make().get_absolute_url())

    assert response.status_code == 200
    assert "draft-marker" not in response.text
