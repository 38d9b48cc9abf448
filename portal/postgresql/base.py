"""Django's PostgreSQL backend, which stops trying to connect for a while after a failure.

A server that accepts connections and never answers costs each connect the whole
connect timeout (at least 2 s with psycopg). After one such failure, further connects
to the same address fail at once for ``DEPENDENCY_RETRY_INTERVAL`` seconds, so every
page answers the 503 page quickly; then one request tries again.
"""

from django.db.backends.postgresql import base

from portal.cache import CircuitBreaker

# One breaker per server address, shared by every thread of the process.
_breakers: dict[tuple, CircuitBreaker] = {}


def breaker_for(conn_params: dict) -> CircuitBreaker:
    address = (conn_params.get("host"), conn_params.get("port"), conn_params.get("dbname"))
    breaker = _breakers.get(address)
    if breaker is None:
        breaker = _breakers.setdefault(address, CircuitBreaker())
    return breaker


class DatabaseWrapper(base.DatabaseWrapper):
    def get_new_connection(self, conn_params):
        breaker = breaker_for(conn_params)
        if breaker.is_open():
            raise self.Database.OperationalError(
                "database skipped: connecting failed a moment ago; retrying shortly"
            )
        try:
            connection = super().get_new_connection(conn_params)
        except self.Database.OperationalError:
            breaker.failed()
            raise
        breaker.succeeded()
        return connection
