"""The per-process copy measurement runs on real values and reports every figure."""

import pytest

from tests.portal.factories import PersonFactory
from tests.projects.factories import ProjectFactory
from tools import stores

pytestmark = pytest.mark.django_db


def test_each_store_reports_a_local_a_shared_and_a_compute_time(capsys):
    ProjectFactory.create_batch(2, contacts=[PersonFactory()])

    rows = stores.measure()
    stores.print_table(rows)

    assert [row["store"].split()[0] for row in rows] == ["derived", "fragments"]
    for row in rows:
        assert all(row[key] > 0 for key in ("local_us", "shared_us", "compute_us"))
    assert "per-process copies" in capsys.readouterr().out
