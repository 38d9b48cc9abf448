"""Mixed page traffic against gunicorn: no errors, no 5xx, worker memory flat.

The URLs are every page in the sitemap; one request in five adds a unique, ignored
query parameter so that it misses the page cache and renders from the database.

    python -m tools.loadtest [--duration 60] [--connections 64]
"""

import argparse
import sys
import time

from tools import wrk
from tools.pages import sitemap_paths
from tools.server import (
    NotOurServer,
    collect_static,
    fetcher,
    production_environment,
    serve,
    worker_rss_kib,
)

SCRIPT = """
local paths = {%s}
local counter = 0
local thread_id = 0
local id = 0
function setup(thread)
  id = id + 1
  thread:set("id", id)
end
function init(args)
  thread_id = id
end
function request()
  counter = counter + 1
  local path = paths[(counter %% #paths) + 1]
  if counter %% 5 == 0 then
    local sep = string.find(path, "?", 1, true) and "&" or "?"
    path = path .. sep .. "load=" .. thread_id .. "-" .. counter
  end
  return wrk.format(nil, path)
end
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.loadtest", description=__doc__)
    parser.add_argument("--duration", type=int, default=60, help="seconds of traffic")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--workers", type=int, default=2)
    options = parser.parse_args(argv)
    try:
        return load(options)
    except (NotOurServer, wrk.WrkMissing) as error:
        print(f"loadtest stopped: {error}", file=sys.stderr)
        return 2


def load(options: argparse.Namespace) -> int:
    wrk.require()
    env = production_environment()
    collect_static(env)
    with serve("portal.wsgi:application", env, options.workers) as server:
        paths = sitemap_paths(fetcher(server.base))[:500]
        with wrk.lua_script(SCRIPT % ", ".join(f'"{p}"' for p in paths)) as script:
            # Warm up, so that "before" is a worker that has served every page once.
            wrk.run(server.base, 5, options.connections, script)
            time.sleep(1)
            before = worker_rss_kib(server.process.pid)
            result = wrk.run(server.base, options.duration, options.connections, script)
            after = worker_rss_kib(server.process.pid)
        server.verify()

    print(f"{len(paths)} URLs, {options.connections} connections, {options.duration} s")
    print(f"requests: {result['requests']}, {result['rps']:.0f}/s, p99 {result['p99_ms']:.1f} ms")
    print(f"non-2xx/3xx: {result['non_2xx']}")
    print(f"socket errors: {result['socket_errors'] or 'none'}")
    for pid in sorted(before):
        grew = after.get(pid, 0) - before[pid]
        print(
            f"worker {pid}: RSS {before[pid] / 1024:.1f} MiB -> "
            f"{after.get(pid, 0) / 1024:.1f} MiB ({grew / 1024:+.1f} MiB)"
        )
    if result["non_2xx"] or result["socket_errors"] or set(before) != set(after):
        print("FAIL  the load test found errors (or a worker was replaced)")
        return 1
    print("PASS  no errors, no 5xx, workers survived")
    return 0


if __name__ == "__main__":
    sys.exit(main())
