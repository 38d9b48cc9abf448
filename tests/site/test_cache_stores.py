"""The cache stores on their own: the key rule, the bounds and the timeouts."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from portal import cache as stores
from portal.cache import LocalStore, OutageLog, Store, bump_content_version, content_version


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_local_store_forgets_an_entry_when_its_timeout_has_run_out():
    clock = Clock()
    store = LocalStore(max_entries=10, timeout=60, clock=clock)
    store.set("a", 1)

    clock.now += 59
    assert store.get("a") == 1
    clock.now += 2
    assert store.get("a") is stores.MISSING


def test_a_local_store_keeps_at_most_its_bound_and_drops_the_least_recently_used():
    store = LocalStore(max_entries=3, timeout=60)
    for key in "abc":
        store.set(key, key)
    store.get("a")  # used: b is now the oldest
    store.set("d", "d")

    assert len(store) == 3
    assert store.get("b") is stores.MISSING
    assert [store.get(key) for key in "acd"] == ["a", "c", "d"]


def test_a_local_store_keeps_a_stored_none():
    store = LocalStore(max_entries=3, timeout=60)
    store.set("nothing", None)

    assert store.get("nothing") is None


@pytest.fixture
def store(db):
    return Store("test", timeout=60, local_entries=100, shared=True)


def counting(value):
    calls = []

    def compute():
        calls.append(1)
        return value

    return compute, calls


def test_a_store_computes_once_per_key(store):
    compute, calls = counting(["værdi"])

    assert store.get_or_set("navn", compute, ("a",)) == ["værdi"]
    assert store.get_or_set("navn", compute, ("a",)) == ["værdi"]
    assert len(calls) == 1
    store.get_or_set("navn", compute, ("b",))
    assert len(calls) == 2


def test_a_store_shares_values_between_processes_through_the_shared_cache(store):
    compute, calls = counting(42)
    store.get_or_set("navn", compute)
    other_process = Store("test", timeout=60, local_entries=100, shared=True)

    assert other_process.get_or_set("navn", compute) == 42
    assert len(calls) == 1


def test_a_fragment_store_stays_in_the_process():
    from django.core.cache import cache

    fragments = Store("fragment-test", timeout=60, local_entries=100, shared=False)
    fragments.get_or_set("kort", lambda: "<p>x</p>")

    assert not [key for key in cache._cache if "fragment-test" in key]


def test_a_new_content_version_gives_new_keys(db, store):
    compute, calls = counting(1)
    store.get_or_set("navn", compute)
    bump_content_version()
    store.get_or_set("navn", compute)

    assert len(calls) == 2


def test_the_language_is_part_of_every_key(store):
    with translation.override("da"):
        danish = store.key("navn")
    with translation.override("en"):
        english = store.key("navn")

    assert danish != english


def test_the_date_is_part_of_every_key(store, monkeypatch):
    copenhagen = ZoneInfo("Europe/Copenhagen")
    monkeypatch.setattr(
        "django.utils.timezone.now",
        lambda: datetime.datetime(2027, 3, 2, 23, 59, tzinfo=copenhagen),
    )
    before = store.key("navn")
    monkeypatch.setattr(
        "django.utils.timezone.now",
        lambda: datetime.datetime(2027, 3, 3, 0, 1, tzinfo=copenhagen),
    )

    assert store.key("navn") != before


def test_model_instances_are_keyed_by_what_they_are_not_by_identity(db, store):
    from tests.portal.factories import PersonFactory

    person = PersonFactory()
    same_row = type(person).objects.get(pk=person.pk)

    assert store.key("kort", {"person": person}) == store.key("kort", {"person": same_row})


def test_the_version_is_read_once_per_request_scope(monkeypatch):
    reads = []
    real = stores._read_version
    monkeypatch.setattr(stores, "_read_version", lambda: reads.append(1) or real())

    with stores.request_scope():
        first = content_version()
        assert content_version() == first
    assert len(reads) == 1


def test_a_save_inside_a_request_scope_moves_it_to_the_new_version(db):
    with stores.request_scope():
        before = content_version()
        bump_content_version()
        assert content_version() != before


def test_an_outage_is_logged_once_per_interval_with_a_count(caplog):
    clock = Clock()
    log = OutageLog(interval=60, clock=clock)
    for _ in range(5):
        log.report("Cache", ConnectionError("refused"))
    clock.now += 61
    log.report("Cache", ConnectionError("refused"))

    messages = [record.getMessage() for record in caplog.records]
    assert len(messages) == 2
    assert "4 more failures" in messages[1]


def test_each_dependency_keeps_its_own_interval(caplog):
    clock = Clock()
    log = OutageLog(interval=60, clock=clock)
    log.report("Cache", ConnectionError("refused"))
    clock.now += 10
    log.report("Database", ConnectionError("refused"))
    log.report("Database", ConnectionError("refused"))

    messages = [record.getMessage() for record in caplog.records]
    assert [message.split()[0] for message in messages] == ["Cache", "Database"]
