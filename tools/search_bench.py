"""The site search, timed in this process: median and worst of single searches, each
right after a new content version (nothing stored), and the queries each one makes.

Part of ``make bench`` (tools.bench), on the same database: PostgreSQL when
DATABASE_URL names one (full-text search), else SQLite (the simple matcher).
"""

import statistics
import time

MEDIAN_MS = 50
MAX_QUERIES = 12
SEARCHES = [
    {"q": "boligsocialt"},
    {"q": "beskæftigelse unge"},
    {"q": "lommepenge"},
    {"q": "projekt"},
    {"q": "boligsocilat"},
    {"q": "boligsocialt", "type": "nyheder", "page": "2"},
]


def measure(samples: int = 11) -> list[dict]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from portal.cache import bump_content_version

    client = Client(HTTP_HOST="127.0.0.1")
    rows = []
    for params in SEARCHES:
        client.get("/soeg/", params)
        times, queries = [], 0
        for _ in range(samples):
            bump_content_version()
            with CaptureQueriesContext(connection) as captured:
                start = time.perf_counter()
                response = client.get("/soeg/", params)
                times.append((time.perf_counter() - start) * 1000)
            queries = max(queries, len(captured))
            if response.status_code != 200:
                raise RuntimeError(f"/soeg/ {params} answered {response.status_code}")
        rows.append(
            {
                "search": " ".join(f"{k}={v}" for k, v in params.items()),
                "median_ms": statistics.median(times),
                "worst_ms": max(times),
                "queries": queries,
            }
        )
    return rows


def print_table(rows: list[dict]) -> None:
    title = "site search in process, each after a new content version"
    header = f"{'search':44} {'median ms':>10} {'worst ms':>10} {'queries':>8}"
    print(f"\n{title}\n{header}\n{'-' * len(header)}")
    for row in rows:
        print(
            f"{row['search'][:44]:44} {row['median_ms']:10.1f} {row['worst_ms']:10.1f} "
            f"{row['queries']:8}"
        )


def checks(rows: list[dict]) -> list[dict]:
    slow = [f"{r['search']} {r['median_ms']:.0f} ms" for r in rows if r["median_ms"] >= MEDIAN_MS]
    many = [f"{r['search']} {r['queries']}" for r in rows if r["queries"] > MAX_QUERIES]
    return [
        {
            "check": f"site search under {MEDIAN_MS} ms median in process",
            "passed": not slow,
            "detail": ", ".join(slow),
        },
        {
            "check": f"site search in at most {MAX_QUERIES} queries",
            "passed": not many,
            "detail": ", ".join(many),
        },
    ]


if __name__ == "__main__":
    import django

    django.setup()
    found = measure()
    print_table(found)
    for check in checks(found):
        verdict = "PASS" if check["passed"] else "FAIL"
        print(f"{verdict}  {check['check']}" + (f" ({check['detail']})" if check["detail"] else ""))
