import pytest

from tests.clock import Clock, at


@pytest.fixture
def clock(monkeypatch):
    """Frozen at 3 March 2027, 12:00 in Copenhagen; tests move it."""
    clock = Clock(at(12))
    monkeypatch.setattr("django.utils.timezone.now", clock)
    return clock
