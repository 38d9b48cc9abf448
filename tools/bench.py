"""Benchmark every page type against gunicorn in production mode, beside two baselines.

The pages come from the running site (tools.pages: one page per page type, plus the
filtered and searched variants its pages link to), so a new page type is measured from
the day it exists. Each page is measured twice with wrk: as a cache hit (the same URL
again and again) and as a cache miss (a unique, ignored query parameter on every
request). Two baselines run in the same session, under the same gunicorn settings: the
site's /healthz/ (every middleware, no database, no template) and a minimal Django
application (tools.minimal_app: no middleware at all), the figure users compare web
frameworks by. Every throughput is given as a share of both.

Then a cold render: single requests, one at a time, each right after a new content
version, as after an editor's save, when every store (pages, derived data, rendered
cards) starts empty. It needs the shared cache (REDIS_URL) to reach the servers.

The checks are printed as PASS or FAIL (SKIP when they cannot run); any FAIL makes the
exit status 1, a run stopped on an error 2.

    python -m tools.bench [--duration 5] [--connections 16] [--workers 2]
                          [--cold-samples 15] [--only TEXT]
"""

import argparse
import gzip
import json
import os
import secrets
import statistics
import sys
import time
import urllib.request
from datetime import UTC, datetime

from tools import search_bench, stores, wrk
from tools.pages import discover_pages
from tools.server import (
    WORKER_CLASS,
    NotOurServer,
    collect_static,
    fetcher,
    production_environment,
    serve,
)

MISS_SCRIPT = """
local counter = 0
local id = 0
function setup(thread)
  id = id + 1
  thread:set("id", id)
end
function request()
  counter = counter + 1
  local sep = string.find(wrk.path, "?", 1, true) and "&" or "?"
  return wrk.format(nil, wrk.path .. sep .. "bench=" .. id .. "-" .. counter)
end
"""

HEALTHZ = "bare view (healthz)"
MINIMAL = "minimal Django"
# Pages that list many rows, as opposed to one object's page or a page of text.
LIST_PAGES = {"activities:staircase", "activities:focus_area"}
MAX_QUERIES_MISS = 12
MAX_QUERIES_HIT = 2
COLD_MEDIAN_MS = 50
COLD_WORST_MS = 200


class NotCold(RuntimeError):
    """A request after a new content version was answered from the page cache."""


def page_type(page: str) -> str:
    return page.removesuffix(" filtered").removesuffix(" searched")


def is_list_page(page: str) -> bool:
    name = page_type(page)
    return name.endswith("list") or name in LIST_PAGES


def is_stored(page: str) -> bool:
    """Tell whether the page cache keeps the page: free-text searches are never stored."""
    return not page.endswith(" searched")


def is_detail_page(page: str) -> bool:
    return page_type(page).endswith("detail")


def share(rps: float, baseline: float | None) -> float | None:
    """Return ``rps`` as a share of the baseline; None when there is no baseline to compare."""
    return rps / baseline if baseline else None


def percent(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0%}"


def add_shares(rows: list[dict]) -> None:
    """Give every row's hit and miss throughput as a share of both baselines."""
    baselines = {row["page"]: row["hit"]["rps"] for row in rows if row.get("baseline")}
    for row in rows:
        for mode in ("hit", "miss"):
            row[mode]["of_healthz"] = share(row[mode]["rps"], baselines.get(HEALTHZ))
            row[mode]["of_minimal"] = share(row[mode]["rps"], baselines.get(MINIMAL))


def summarize(label: str, times_ms: list[float]) -> dict:
    return {
        "page": label,
        "median_ms": statistics.median(times_ms),
        "worst_ms": max(times_ms),
        "samples_ms": [round(t, 1) for t in times_ms],
    }


def evaluate(rows: list[dict], cold: list[dict] | None = None) -> list[dict]:
    """Return the checks, each {"check", "passed", "detail"} (detail names what failed).

    Without cold figures (``cold`` is None) their checks could not run: passed is None.
    """
    pages = [row for row in rows if not row.get("baseline")]
    baselines = {row["page"]: row["hit"]["rps"] for row in rows if row.get("baseline")}

    def below(mode: str, key: str, least: float, which=lambda page: True) -> list[str]:
        # A missing share (no baseline) fails too: it would otherwise pass everything.
        return [
            f"{row['page']} {percent(row[mode][key])}"
            for row in pages
            if which(row["page"]) and (row[mode][key] or 0) < least
        ]

    def above(key: str, most: int, which=lambda page: True) -> list[str]:
        return [
            f"{row['page']} {row[key]}" for row in pages if which(row["page"]) and row[key] > most
        ]

    failures = {
        "both baselines answered (/healthz/ and minimal Django above 0 req/s)": [
            f"{name} at {baselines.get(name, 0):.0f} req/s"
            for name in (HEALTHZ, MINIMAL)
            if not baselines.get(name)
        ],
        "cached pages (hits) at >= 50% of minimal Django": below(
            "hit", "of_minimal", 0.5, is_stored
        ),
        "every list page on a miss at >= 10% of /healthz/": below(
            "miss", "of_healthz", 0.1, lambda page: is_list_page(page) and is_stored(page)
        ),
        "free-text searches on a miss at >= 10% of /healthz/": below(
            "miss", "of_healthz", 0.1, lambda page: not is_stored(page)
        ),
        "every detail page on a miss at >= 10% of /healthz/": below(
            "miss", "of_healthz", 0.1, is_detail_page
        ),
        f"no page above {MAX_QUERIES_MISS} queries on a miss": above(
            "queries_miss", MAX_QUERIES_MISS
        ),
        f"no stored page above {MAX_QUERIES_HIT} queries on a hit": above(
            "queries_hit", MAX_QUERIES_HIT, is_stored
        ),
        "no errors (non-2xx/3xx responses, socket errors)": [
            f"{row['page']} {mode}"
            for row in rows
            for mode in ("hit", "miss")
            if row[mode]["non_2xx"] or row[mode]["socket_errors"]
        ],
    }
    median, search_median, worst = (
        f"every page type under {COLD_MEDIAN_MS} ms median cold",
        f"free-text searches under {COLD_MEDIAN_MS} ms median cold",
        f"no first request above {COLD_WORST_MS} ms (cold, worst of all samples)",
    )
    if cold is not None:
        failures[median] = [
            f"{c['page']} {c['median_ms']:.0f} ms"
            for c in cold
            if is_stored(c["page"]) and c["median_ms"] >= COLD_MEDIAN_MS
        ]
        failures[search_median] = [
            f"{c['page']} {c['median_ms']:.0f} ms"
            for c in cold
            if not is_stored(c["page"]) and c["median_ms"] >= COLD_MEDIAN_MS
        ]
        failures[worst] = [
            f"{c['page']} {c['worst_ms']:.0f} ms" for c in cold if c["worst_ms"] > COLD_WORST_MS
        ]
    checks = [
        {"check": name, "passed": not failed, "detail": ", ".join(failed)}
        for name, failed in failures.items()
    ]
    if cold is None:
        checks += [
            {"check": name, "passed": None, "detail": "not measured"}
            for name in (median, search_median, worst)
        ]
    return checks


def exit_status(checks: list[dict]) -> int:
    """Return 1 when any check failed; a check that could not run (passed None) is no failure."""
    return int(any(check["passed"] is False for check in checks))


def use_environment(env: dict[str, str]) -> None:
    """Set Django up in this process with the server's settings: its database and cache."""
    import django

    os.environ.clear()
    os.environ.update(env)
    django.setup()


def benchmark_pages(base: str, only: list[str] | None) -> list[tuple[str, str]]:
    """Return (page type, path): one Danish page per type and variant, as tools.pages finds."""
    pages = []
    for label, path in discover_pages(fetcher(base)).items():
        if label.startswith("404") or "[da]" not in label:
            continue
        label = label.replace(" [da]", "")
        if not only or any(text in label for text in only):
            pages.append((label, path))
    return pages


def count_queries(path: str) -> tuple[int, int]:
    """Count the queries of a cache miss and of a cache hit, in this process."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    # A parameter no page knows: rendered every time, never stored.
    unique = f"{path}{'&' if '?' in path else '?'}bench=queries-{secrets.token_hex(4)}"
    # Read each count at once: every request starts by emptying the query log.
    with CaptureQueriesContext(connection) as miss:
        client.get(unique)
    misses = len(miss)
    client.get(path)
    with CaptureQueriesContext(connection) as hit:
        client.get(path)
    return misses, len(hit)


def measure(label: str, url: str, options, miss_script: str | None) -> dict:
    """Measure one page with wrk, as a hit and (given the miss script) as a miss."""
    print(f"measuring {label} {url}", file=sys.stderr)
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310
        body = response.read()
    hit = wrk.run(url, options.duration, options.connections)
    miss = wrk.run(url, options.duration, options.connections, miss_script) if miss_script else hit
    return {
        "page": label,
        "url": url,
        "hit": hit,
        "miss": miss,
        "bytes": len(body),
        "bytes_gzip": len(gzip.compress(body)),
    }


def measure_all(site: str, minimal: str, pages: list[tuple[str, str]], options) -> list[dict]:
    """Return a row per baseline and page: wrk's figures, shares, size and query counts."""
    # Warm both servers' workers, so the first baseline is not measured while they start.
    wrk.run(site + "/healthz/", 1, options.connections)
    wrk.run(minimal + "/", 1, options.connections)
    # Neither baseline has a cache to miss: one measurement stands for both.
    rows = [
        {**measure(HEALTHZ, site + "/healthz/", options, None), "baseline": True},
        {**measure(MINIMAL, minimal + "/", options, None), "baseline": True},
    ]
    with wrk.lua_script(MISS_SCRIPT) as script:
        for label, path in pages:
            row = measure(label, site + path, options, script)
            row["queries_miss"], row["queries_hit"] = count_queries(path)
            rows.append(row)
    add_shares(rows)
    return rows


def shared_cache() -> bool:
    """Tell whether this process shares its cache with the servers (not one per process)."""
    from django.conf import settings

    backend = settings.CACHES["default"]["BACKEND"]
    return not backend.endswith(("LocMemCache", "DummyCache"))


def cold_render(site: str, pages: list[tuple[str, str]], samples: int) -> list[dict]:
    """Time single requests, one at a time, each right after a new content version."""
    from portal.cache import bump_content_version

    found = []
    for label, path in pages:
        print(f"cold render {label} {path}", file=sys.stderr)
        times = []
        for _ in range(samples):
            # As an editor's save does: every process drops what it stored for the old version.
            bump_content_version()
            start = time.perf_counter()
            with urllib.request.urlopen(site + path, timeout=30) as response:  # noqa: S310
                response.read()
            times.append((time.perf_counter() - start) * 1000)
            if response.headers.get("X-Page-Cache") == "hit":
                raise NotCold(f"{path} came from the page cache after a new content version")
        found.append(summarize(label, times))
    return found


def print_table(title: str, rows: list[dict], mode: str) -> None:
    extra = "KB (gz)" if mode == "hit" else "SQL miss/hit"
    header = (
        f"{'page':32} {'req/s':>7} {'p50':>6} {'p99':>7} "
        f"{'% of healthz':>13} {'% of minimal Django':>20}  {extra}"
    )
    print(f"\n{title}\n{header}\n{'-' * len(header)}")
    for r in rows:
        m = r[mode]
        if mode == "hit":
            tail = f"{r['bytes'] / 1024:5.1f} ({r['bytes_gzip'] / 1024:.1f})"
        elif r.get("baseline"):
            tail = "-"
        else:
            tail = f"{r['queries_miss']:>2} / {r['queries_hit']}"
        print(
            f"{r['page'][:32]:32} {m['rps']:7.0f} {m['p50_ms']:6.1f} {m['p99_ms']:7.1f} "
            f"{percent(m['of_healthz']):>13} {percent(m['of_minimal']):>20}  {tail}"
        )


def print_cold(cold: list[dict] | None, samples: int, skipped: str) -> None:
    if cold is None:
        print(f"\ncold render not measured: {skipped}")
        return
    title = f"cold render: single requests after a new content version, {samples} per page"
    header = f"{'page':32} {'median ms':>10} {'worst ms':>10}"
    print(f"\n{title}\n{header}\n{'-' * len(header)}")
    for c in cold:
        print(f"{c['page'][:32]:32} {c['median_ms']:10.1f} {c['worst_ms']:10.1f}")


def report(
    rows: list[dict], cold: list[dict] | None, skipped: str, options, extra_checks=()
) -> int:
    """Print the tables and checks, write them to var/bench/; return the exit status."""
    from django.conf import settings
    from django.db import connection

    print_table("cache hit: the same URL again and again", rows, "hit")
    print_table("cache miss: a unique parameter on every request", rows, "miss")
    print("latencies in ms; SQL = queries per request on a miss / on a hit")
    print_cold(cold, options.cold_samples, skipped)
    print()
    checks = evaluate(rows, cold) + list(extra_checks)
    for check in checks:
        verdict = {True: "PASS", False: "FAIL", None: "SKIP"}[check["passed"]]
        detail = f" ({check['detail']})" if check["detail"] else ""
        print(f"{verdict}  {check['check']}{detail}")
    status = exit_status(checks)
    out = settings.VAR_DIR / "bench"
    out.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    result = {
        "when": stamp,
        "database": connection.vendor,
        "cache": settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1],
        "workers": options.workers,
        "worker_class": WORKER_CLASS,
        "connections": options.connections,
        "duration_s": options.duration,
        "rows": rows,
        "cold_samples": options.cold_samples,
        "cold": cold,
        "cold_skipped": skipped,
        "checks": checks,
        "passed": status == 0,
    }
    for name in (f"bench-{stamp}.json", "latest.json"):
        (out / name).write_text(json.dumps(result, indent=2, ensure_ascii=False))
    print(f"written to {out / 'latest.json'}")
    return status


def cold_skipped(options) -> str:
    """Return why cold render cannot be measured in this run, or "" when it can."""
    if options.cold_samples < 1:
        return "--cold-samples is 0"
    if not shared_cache():
        return (
            "no shared cache (REDIS_URL is unset), so a new content version set by this tool "
            "cannot reach the servers. make bench sets REDIS_URL when Redis answers on "
            "127.0.0.1:6379"
        )
    return ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.bench",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--duration", type=int, default=5, help="seconds per measurement")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--cold-samples", type=int, default=15, help="single requests per page for cold render"
    )
    parser.add_argument(
        "--only",
        action="append",
        metavar="TEXT",
        help="measure only pages whose name contains TEXT (repeatable); baselines always run",
    )
    options = parser.parse_args(argv)
    try:
        wrk.require()
        env = production_environment()
        use_environment(env)
        collect_static(env)
        with (
            serve("portal.wsgi:application", env, options.workers) as site,
            serve("tools.minimal_app:application", env, options.workers) as minimal,
        ):
            pages = benchmark_pages(site.base, options.only)
            rows = measure_all(site.base, minimal.base, pages, options)
            cold, skipped = None, cold_skipped(options)
            if not skipped:
                cold = cold_render(site.base, pages, options.cold_samples)
            store_rows = stores.measure()
            search_rows = search_bench.measure()
            site.verify()
            minimal.verify()
    except (NotOurServer, NotCold, wrk.WrkMissing) as error:
        print(f"bench stopped: {error}", file=sys.stderr)
        return 2
    stores.print_table(store_rows)
    search_bench.print_table(search_rows)
    return report(rows, cold, skipped, options, search_bench.checks(search_rows))


if __name__ == "__main__":
    sys.exit(main())
