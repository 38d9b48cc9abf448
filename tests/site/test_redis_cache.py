"""The Redis cache backend shares one client per connection pool (PostgreSQL and Redis in CI)."""

import socket

import pytest

from portal.redis import RedisCache


def redis_answers() -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.2)
        return probe.connect_ex(("127.0.0.1", 6379)) == 0


@pytest.mark.skipif(not redis_answers(), reason="needs Redis on 127.0.0.1:6379")
def test_the_cache_reuses_its_client_and_still_reads_and_writes():
    cache = RedisCache("redis://127.0.0.1:6379/7", {"KEY_PREFIX": "test-redis-client"})
    try:
        cache.set("a", {"value": 1}, 30)
        first = cache._cache.get_client()

        assert cache.get_many(["a", "b"]) == {"a": {"value": 1}}
        assert cache._cache.get_client() is first
        assert cache._cache.get_client(write=True) is first  # one server: one pool for both
        cache.delete("a")
        assert cache.get("a") is None
    finally:
        # An open socket left for the garbage collector warns, at some later test.
        for pool in cache._cache._pools.values():
            pool.disconnect()
