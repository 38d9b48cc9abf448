"""The benchmark's verdict: shares of the baselines, the checks and the exit status."""

import json
from types import SimpleNamespace

import pytest

from tools import bench


def result(rps: float, non_2xx: int = 0) -> dict:
    return {"rps": rps, "p50_ms": 5.0, "p99_ms": 9.0, "non_2xx": non_2xx, "socket_errors": ""}


def baseline(page: str, rps: float) -> dict:
    measured = {"hit": result(rps), "miss": result(rps), "bytes": 2, "bytes_gzip": 22}
    return {"page": page, "baseline": True, **measured}


def page(name: str, hit: float, miss: float, queries: int = 4) -> dict:
    return {
        "page": name,
        "hit": result(hit),
        "miss": result(miss),
        "queries_miss": queries,
        "queries_hit": 0,
        "bytes": 2048,
        "bytes_gzip": 512,
    }


def rows(healthz: float = 1000, minimal: float = 2000, **pages: tuple) -> list[dict]:
    found = [baseline(bench.HEALTHZ, healthz), baseline(bench.MINIMAL, minimal)]
    found += [page(name.replace("__", ":"), *figures) for name, figures in pages.items()]
    bench.add_shares(found)
    return found


def verdict(measured: list[dict]) -> dict[str, bool]:
    return {check["check"]: check["passed"] for check in bench.evaluate(measured)}


GOOD = {"projects__list": (1500, 200), "projects__detail": (1500, 150), "portal__home": (1500, 50)}


def test_every_throughput_is_a_share_of_both_baselines():
    measured = rows(**GOOD)
    detail = measured[3]
    assert detail["hit"]["of_healthz"] == 1.5
    assert detail["hit"]["of_minimal"] == 0.75
    assert detail["miss"]["of_healthz"] == 0.15
    assert measured[0]["hit"]["of_minimal"] == 0.5


COLD = [bench.summarize("projects:list", [20.0, 30.0, 25.0, 120.0])]


def test_good_figures_pass_and_exit_zero():
    checks = bench.evaluate(rows(**GOOD), COLD)
    assert all(check["passed"] for check in checks), checks
    assert bench.exit_status(checks) == 0


def test_cold_render_is_judged_by_median_and_worst():
    slow = bench.summarize("themes:detail", [60.0, 55.0, 45.0])
    spike = bench.summarize("news:detail", [10.0, 12.0, 250.0])
    assert (slow["median_ms"], slow["worst_ms"]) == (55.0, 60.0)
    checks = bench.evaluate(rows(**GOOD), [*COLD, slow, spike])
    failed = {check["check"]: check["detail"] for check in checks if not check["passed"]}
    assert failed == {
        "every page type under 50 ms median cold": "themes:detail 55 ms",
        "no first request above 200 ms (cold, worst of all samples)": "news:detail 250 ms",
    }
    assert bench.exit_status(checks) == 1


def test_cold_render_without_a_shared_cache_is_skipped_not_failed():
    checks = bench.evaluate(rows(**GOOD), None)
    skipped = [check for check in checks if check["passed"] is None]
    assert len(skipped) == 3
    assert bench.exit_status(checks) == 0


@pytest.mark.parametrize("baselines", [{"healthz": 0}, {"minimal": 0}])
def test_a_baseline_at_zero_fails_instead_of_passing_every_share(baselines):
    checks = bench.evaluate(rows(**baselines, **GOOD))
    passed = {check["check"]: check["passed"] for check in checks}
    assert not passed["both baselines answered (/healthz/ and minimal Django above 0 req/s)"]
    if "healthz" in baselines:
        assert not passed["every list page on a miss at >= 10% of /healthz/"]
    else:
        assert not passed["cached pages (hits) at >= 50% of minimal Django"]
    assert bench.exit_status(checks) == 1


def test_a_missing_baseline_fails():
    measured = [row for row in rows(**GOOD) if row["page"] != bench.MINIMAL]
    bench.add_shares(measured)
    assert not verdict(measured)["cached pages (hits) at >= 50% of minimal Django"]


def test_a_slow_detail_page_fails_and_is_named():
    checks = bench.evaluate(rows(**{**GOOD, "activities__detail": (1500, 40)}))
    failed = [check for check in checks if check["passed"] is False]
    assert [check["check"] for check in failed] == [
        "every detail page on a miss at >= 10% of /healthz/"
    ]
    assert failed[0]["detail"] == "activities:detail 4%"


def test_list_pages_include_their_variants_and_the_pages_that_list_rows():
    assert bench.is_list_page("news:list filtered")
    assert bench.is_list_page("activities:list searched")
    assert bench.is_list_page("activities:staircase")
    assert not bench.is_list_page("portal:home")
    assert bench.is_detail_page("portal:person_detail")


def test_too_many_queries_and_errors_fail():
    measured = rows(**GOOD)
    measured[2]["queries_miss"] = 13
    measured[0]["hit"]["non_2xx"] = 3
    passed = verdict(measured)
    assert not passed["no page above 12 queries on a miss"]
    assert not passed["no errors (non-2xx/3xx responses, socket errors)"]


def test_a_check_that_could_not_run_is_no_failure():
    assert bench.exit_status([{"check": "cold", "passed": None, "detail": "skipped"}]) == 0
    assert bench.exit_status([{"check": "x", "passed": False, "detail": ""}]) == 1


def test_the_report_prints_fail_writes_json_and_returns_non_zero(settings, tmp_path, capsys):
    settings.VAR_DIR = tmp_path
    options = SimpleNamespace(workers=2, connections=16, duration=1, cold_samples=4)
    status = bench.report(rows(healthz=0, **GOOD), COLD, "", options)
    assert status == 1
    out = capsys.readouterr().out
    assert "% of healthz" in out
    assert "% of minimal Django" in out
    assert "FAIL  both baselines answered" in out
    assert "cold render: single requests after a new content version, 4 per page" in out
    written = json.loads((tmp_path / "bench" / "latest.json").read_text())
    assert written["passed"] is False


def test_a_free_text_search_is_not_held_to_the_page_cache_figures():
    measured = rows(**GOOD)
    searched = page("activities:list searched", hit=150, miss=150)
    searched["queries_hit"] = 8
    measured.append(searched)
    bench.add_shares(measured)

    checks = verdict(measured)

    assert checks["cached pages (hits) at >= 50% of minimal Django"]
    assert checks[f"no stored page above {bench.MAX_QUERIES_HIT} queries on a hit"]
    assert checks["every list page on a miss at >= 10% of /healthz/"]


def test_a_stored_page_that_queries_on_a_hit_fails():
    measured = rows(**GOOD)
    measured[2]["queries_hit"] = 3

    assert not verdict(measured)[f"no stored page above {bench.MAX_QUERIES_HIT} queries on a hit"]


def test_free_text_searches_have_checks_of_their_own():
    measured = rows(**GOOD)
    searched = page("activities:list searched", hit=20, miss=20)
    measured.append(searched)
    bench.add_shares(measured)
    cold = [*COLD, bench.summarize("activities:list searched", [90.0, 95.0, 100.0])]

    checks = {check["check"]: check["passed"] for check in bench.evaluate(measured, cold)}

    assert checks["every list page on a miss at >= 10% of /healthz/"]
    assert checks["every page type under 50 ms median cold"]
    assert not checks["free-text searches on a miss at >= 10% of /healthz/"]
    assert not checks["free-text searches under 50 ms median cold"]
