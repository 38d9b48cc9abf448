"""Django's Redis cache, with one client per connection pool and a circuit breaker.

Django's RedisCacheClient makes a new ``redis.Redis`` for every cache call, and each
new client builds its table of response callbacks: about a quarter of the time of a page
served from the cache. A client is safe to share (it takes connections from its pool),
so each pool gets one.

A Redis that accepts connections and never answers costs each call its socket timeout
(``CACHE_SOCKET_TIMEOUT``). After one failed call every call fails at once with
``CacheUnavailable`` for ``DEPENDENCY_RETRY_INTERVAL`` seconds (portal.cache's
CircuitBreaker); the callers serve from the database meanwhile, as for any cache error.
When Redis answers again, a change saved meanwhile is announced before anything is read.
"""

import functools

from django.core.cache.backends import redis
from redis.exceptions import RedisError

from portal import cache as page_cache
from portal.cache import CircuitBreaker

# The client's calls that reach the server.
CALLS = (
    "add", "get", "set", "touch", "delete", "get_many", "has_key", "incr", "set_many",
    "delete_many", "clear",
)  # fmt: skip

# One breaker per server list, shared by every thread of the process (Django makes a
# cache backend per thread).
_breakers: dict[str, CircuitBreaker] = {}


class CacheUnavailable(RedisError):
    """The shared cache failed a moment ago and is skipped until the breaker retries."""


def breaker_for(servers) -> CircuitBreaker:
    key = repr(servers)
    breaker = _breakers.get(key)
    if breaker is None:
        breaker = _breakers.setdefault(
            key, CircuitBreaker(on_recovery=page_cache.announce_missed_changes)
        )
    return breaker


def guarded(method):
    @functools.wraps(method)
    def call(self, *args, **kwargs):
        breaker = self.breaker
        if breaker.is_open():
            raise CacheUnavailable("the shared cache failed a moment ago; retrying shortly")
        try:
            if breaker.is_trying():
                # Ask first, so that what was missed meanwhile is set right
                # (breaker.on_recovery) before this call reads anything.
                self.get_client().ping()
                breaker.succeeded()
            result = method(self, *args, **kwargs)
        except RedisError:
            breaker.failed()
            raise
        breaker.succeeded()
        return result

    return call


class RedisCacheClient(redis.RedisCacheClient):
    def __init__(self, servers, *args, **kwargs) -> None:
        super().__init__(servers, *args, **kwargs)
        self._clients: dict[int, object] = {}
        self.breaker = breaker_for(servers)

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._clients[index] = super().get_client(key, write=write)
        return client


for _name in CALLS:
    setattr(RedisCacheClient, _name, guarded(getattr(redis.RedisCacheClient, _name)))


class RedisCache(redis.RedisCache):
    def __init__(self, server, params) -> None:
        super().__init__(server, params)
        self._class = RedisCacheClient
