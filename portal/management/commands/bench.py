"""Benchmark every page type against gunicorn in production mode, beside a bare view.

The pages come from the running site's sitemap (one page per page type, plus the
filtered variants its list pages link to), so a new page type is measured from the day
it exists. Each page is measured twice with wrk: as a cache hit (the same URL again and
again) and as a cache miss (a unique, ignored query parameter on every request). The
bare view (/healthz/: no database, no template) runs in the same session, and every
figure is also given as a ratio to it.
"""

import gzip
import json
import re
import secrets
import shutil
import subprocess
import tempfile
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import resolve
from django.utils import translation

from portal.management.commands._gunicorn import gunicorn, sitemap_paths

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


def parse_wrk(output: str) -> dict:
    def latency(label: str) -> float:
        match = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
        if not match:
            return float("nan")
        value, unit = float(match.group(1)), match.group(2)
        return value * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]

    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)", output)
    return {
        "rps": float(rps.group(1)) if rps else 0.0,
        "p50_ms": latency("50"),
        "p99_ms": latency("99"),
        "non_2xx": int(errors.group(1)) if errors else 0,
        "socket_errors": socket_errors.group(1) if socket_errors else "",
    }


# Pages that list many rows, as opposed to one object's page or a page of text.
LIST_PAGES = {"activities:staircase", "activities:focus_area"}


def is_list_page(page: str) -> bool:
    name = page.removesuffix(" filtered")
    return name.endswith("list") or name in LIST_PAGES


class Command(BaseCommand):
    help = "Benchmark each page type (cache hit and miss) against a bare view; see README."

    def add_arguments(self, parser):
        parser.add_argument("--duration", type=int, default=5, help="seconds per measurement")
        parser.add_argument("--connections", type=int, default=16)
        parser.add_argument("--workers", type=int, default=2)
        parser.add_argument("--port", type=int, default=8765)

    def handle(self, *args, **options):
        wrk = shutil.which("wrk")
        if not wrk:
            raise CommandError("wrk is missing: apt-get install wrk")
        self.options = options
        with gunicorn(options["port"], options["workers"]) as (base, _server, env):
            pages = self.discover(base)
            rows = self.measure(wrk, base, pages)
        self.report(rows, env)

    def discover(self, base: str) -> list[tuple[str, str]]:
        """Return (page type, path): one Danish page per type, filtered lists, bare view."""
        pages, seen = [("bare view (healthz)", "/healthz/")], set()
        for path in sitemap_paths(base):
            if path.startswith("/en/"):
                continue
            with translation.override("da"):
                name = resolve(path).view_name
            if name in seen:
                continue
            seen.add(name)
            pages.append((name, path))
            with urllib.request.urlopen(base + path, timeout=30) as response:  # noqa: S310
                html = response.read().decode()
            filtered = re.search(rf'href="({re.escape(path)}\?[^"#]+)"', html)
            if filtered:
                pages.append((f"{name} filtered", filtered.group(1).replace("&amp;", "&")))
        return pages

    def run_wrk(self, wrk: str, url: str, script: str | None = None) -> dict:
        command = [
            wrk,
            "--threads",
            "2",
            "--connections",
            str(self.options["connections"]),
            "--duration",
            f"{self.options['duration']}s",
            "--latency",
        ]
        if script:
            command += ["--script", script]
        output = subprocess.run(  # noqa: S603
            [*command, url], capture_output=True, text=True, check=True
        ).stdout
        return parse_wrk(output)

    def count_queries(self, path: str) -> tuple[int, int]:
        """Count the queries of a cache miss and of a cache hit, in this process."""
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

    def measure(self, wrk: str, base: str, pages: list[tuple[str, str]]) -> list[dict]:
        rows = []
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
            script.write(MISS_SCRIPT)
        for label, path in pages:
            url = base + path
            with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310
                body = response.read()
            self.stderr.write(f"measuring {label} {path}")
            hit = self.run_wrk(wrk, url)
            miss = hit if path == "/healthz/" else self.run_wrk(wrk, url, script.name)
            queries_miss, queries_hit = self.count_queries(path)
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
        Path(script.name).unlink()
        bare = rows[0]["hit"]["rps"] or 1.0
        for row in rows:
            row["hit"]["ratio"] = row["hit"]["rps"] / bare
            row["miss"]["ratio"] = row["miss"]["rps"] / bare
        return rows

    def report(self, rows: list[dict], env: dict) -> None:
        header = (
            f"{'page':38} {'hit rps':>8} {'p50':>6} {'p99':>7} {'ratio':>6}  "
            f"{'miss rps':>8} {'p50':>6} {'p99':>7} {'ratio':>6}  {'SQL':>5} {'KB':>5} {'gz':>4}"
        )
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        for r in rows:
            hit, miss = r["hit"], r["miss"]
            self.stdout.write(
                f"{r['page'][:38]:38} {hit['rps']:8.0f} {hit['p50_ms']:6.1f} {hit['p99_ms']:7.1f} "
                f"{hit['ratio']:6.0%}  {miss['rps']:8.0f} {miss['p50_ms']:6.1f} "
                f"{miss['p99_ms']:7.1f} {miss['ratio']:6.0%}  "
                f"{r['queries_miss']:>2}/{r['queries_hit']:<2} {r['bytes'] / 1024:5.1f} "
                f"{r['bytes_gzip'] / 1024:4.1f}"
            )
        self.stdout.write("latencies in ms; SQL = queries per request on a miss / on a hit")
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
                not r[k]["non_2xx"] and not r[k]["socket_errors"]
                for r in rows
                for k in ("hit", "miss")
            ),
        }
        for name, ok in checks.items():
            self.stdout.write(f"{'PASS' if ok else 'FAIL'}  {name}")
        out = settings.VAR_DIR / "bench"
        out.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        result = {
            "when": stamp,
            "database": connection.vendor,
            "cache": "redis" if env.get("REDIS_URL") else "locmem (per process)",
            "workers": self.options["workers"],
            "connections": self.options["connections"],
            "duration_s": self.options["duration"],
            "rows": rows,
            "checks": checks,
        }
        for name in (f"bench-{stamp}.json", "latest.json"):
            (out / name).write_text(json.dumps(result, indent=2, ensure_ascii=False))
        self.stdout.write(f"written to {out / 'latest.json'}")
