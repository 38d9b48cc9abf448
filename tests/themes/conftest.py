import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _danish():
    """Start every test in Danish: a request under /en/ leaves English active in the thread."""
    with translation.override("da"):
        yield
