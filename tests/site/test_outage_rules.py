"""Which database errors count as an outage (503) and which are bugs (500)."""

import sqlite3

from django.db import OperationalError

from portal.middleware import is_outage


def test_an_sqlite_schema_error_is_a_bug_not_an_outage():
    missing_table = OperationalError("no such table: x")
    missing_table.__cause__ = sqlite3.OperationalError("no such table: x")
    locked = OperationalError("database is locked")
    locked.__cause__ = sqlite3.OperationalError("database is locked")

    assert not is_outage(missing_table)
    assert is_outage(locked)
    assert not is_outage(ValueError("x"))


def test_a_refused_connection_is_an_outage():
    assert is_outage(OperationalError("connection to server at 127.0.0.1 failed"))
