"""Input only the catalogue understands, when odd, gets an answer, never a crash.

The checks every list shares (unknown values, page numbers, hostile query strings) are
in tests/site/test_bad_input.py.
"""

import pytest
from django.urls import reverse

from tests.site.answers import get_without_cookies
from tests.site.content import listed_content

pytestmark = pytest.mark.django_db


def test_a_sort_order_repeated_with_an_empty_last_value_never_breaks_the_page(client):
    listed_content()

    get_without_cookies(client, f"{reverse('activities:list')}?sortering=trin&sortering=")
