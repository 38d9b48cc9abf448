"""Benchmark every page type against gunicorn in production mode, beside a bare view.

The pages come from the running site (tools.pages: one page per page type, plus the
filtered variants its list pages link to), so a new page type is measured from the day
it exists. Each page is measured twice with wrk: as a cache hit (the same URL again and
again) and as a cache miss (a unique, ignored query parameter on every request). The
bare view (/healthz/: no database, no template) runs in the same session, and every
figure is also given as a ratio to it.

    python -m tools.bench [--duration 5] [--connections 16] [--workers 2]
"""

import argparse
import gzip
import json
import os
import secrets
import sys
import urllib.request
from datetime import UTC, datetime

from tools import wrk
from tools.pages import discover_pages
from tools.server import NotOurServer, collect_static, fetcher, production_environment, serve

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

# Pages that list many rows, as opposed to one object's page or a page of text.
LIST_PAGES = {"activities:staircase", "activities:focus_area"}


def is_list_page(page: str) -> bool:
    name = page.removesuffix(" filtered")
    return name.endswith("list") or name in LIST_PAGES


def use_environment(env: dict[str, str]) -> None:
    """Set Django up in this process with the server's settings: its database and cache."""
    import django

    os.environ.clear()
    os.environ.update(env)
    django.setup()


def benchmark_pages(base: str) -> list[tuple[str, str]]:
    """Return (page type, path): the bare view, then one Danish page per type and variant."""
    pages = [("bare view (healthz)", "/healthz/")]
    for label, path in discover_pages(fetcher(base)).items():
        if label.startswith("404") or "[da]" not in label:
            continue
        pages.append((label.replace(" [da]", ""), path))
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


def measure(base: str, pages: list[tuple[str, str]], options) -> list[dict]:
    rows = []
    with wrk.lua_script(MISS_SCRIPT) as script:
        for label, path in pages:
            url = base + path
            with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310
                body = response.read()
            print(f"measuring {label} {path}", file=sys.stderr)
            hit = wrk.run(url, options.duration, options.connections)
            miss = (
                hit
                if path == "/healthz/"
                else wrk.run(url, options.duration, options.connections, script)
            )
            queries_miss, queries_hit = count_queries(path)
            rows.append(
                {
                    "page": label,
                    "path": path,
                    "hit": hit,
                    "miss": miss,
                    "queries_miss": queries_miss,
                    "queries_hit": queries_hit,
                    "bytes": len(body),
                    "bytes_gzip": len(gzip.compress(body)),
                }
            )
    bare = rows[0]["hit"]["rps"] or 1.0
    for row in rows:
        row["hit"]["ratio"] = row["hit"]["rps"] / bare
        row["miss"]["ratio"] = row["miss"]["rps"] / bare
    return rows


def report(rows: list[dict], env: dict, options) -> None:
    from django.conf import settings
    from django.db import connection

    header = (
        f"{'page':38} {'hit rps':>8} {'p50':>6} {'p99':>7} {'ratio':>6}  "
        f"{'miss rps':>8} {'p50':>6} {'p99':>7} {'ratio':>6}  {'SQL':>5} {'KB':>5} {'gz':>4}"
    )
    print(header)
    print("-" * len(header))
    for r in rows:
        hit, miss = r["hit"], r["miss"]
        print(
            f"{r['page'][:38]:38} {hit['rps']:8.0f} {hit['p50_ms']:6.1f} {hit['p99_ms']:7.1f} "
            f"{hit['ratio']:6.0%}  {miss['rps']:8.0f} {miss['p50_ms']:6.1f} "
            f"{miss['p99_ms']:7.1f} {miss['ratio']:6.0%}  "
            f"{r['queries_miss']:>2}/{r['queries_hit']:<2} {r['bytes'] / 1024:5.1f} "
            f"{r['bytes_gzip'] / 1024:4.1f}"
        )
    print("latencies in ms; SQL = queries per request on a miss / on a hit")
    pages = rows[1:]
    checks = {
        "every page <= 12 queries on a miss": all(r["queries_miss"] <= 12 for r in pages),
        "every page <= 2 queries on a hit": all(r["queries_hit"] <= 2 for r in pages),
        "cached pages >= 50% of the bare view": all(r["hit"]["ratio"] >= 0.5 for r in pages),
        "heaviest list page's miss >= 10% of the bare view": min(
            r["miss"]["ratio"] for r in pages if is_list_page(r["page"])
        )
        >= 0.1,
        "no errors": all(
            not r[k]["non_2xx"] and not r[k]["socket_errors"] for r in rows for k in ("hit", "miss")
        ),
    }
    for name, ok in checks.items():
        print(f"{'PASS' if ok else 'FAIL'}  {name}")
    out = settings.VAR_DIR / "bench"
    out.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    result = {
        "when": stamp,
        "database": connection.vendor,
        "cache": "redis" if env.get("REDIS_URL") else "locmem (per process)",
        "workers": options.workers,
        "connections": options.connections,
        "duration_s": options.duration,
        "rows": rows,
        "checks": checks,
    }
    for name in (f"bench-{stamp}.json", "latest.json"):
        (out / name).write_text(json.dumps(result, indent=2, ensure_ascii=False))
    print(f"written to {out / 'latest.json'}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.bench", description=__doc__)
    parser.add_argument("--duration", type=int, default=5, help="seconds per measurement")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    options = parser.parse_args(argv)
    try:
        wrk.require()
        env = production_environment()
        use_environment(env)
        collect_static(env)
        with serve("portal.wsgi:application", env, options.workers) as site:
            rows = measure(site.base, benchmark_pages(site.base), options)
            site.verify()
    except (NotOurServer, wrk.WrkMissing) as error:
        print(f"bench stopped: {error}", file=sys.stderr)
        return 2
    report(rows, env, options)
    return 0


if __name__ == "__main__":
    sys.exit(main())
