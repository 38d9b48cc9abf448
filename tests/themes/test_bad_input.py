"""Odd, hostile and unknown addresses under /temaer/ get a 404 page or the page, never a 500."""

import pytest

from tests.themes.factories import ThemeFactory

pytestmark = pytest.mark.django_db


def test_a_draft_slug_looks_exactly_like_an_unknown_one_to_visitors(client):
    draft = ThemeFactory(status="draft")

    response = client.get(draft.get_absolute_url())

    assert response.status_code == 404
    assert draft.title not in response.text
