"""What the per-process copies of the derived and fragment stores save, measured.

Each store keeps a copy of what it holds in the process (portal.cache.LocalStore). That
is worth it only if reading the copy is much cheaper than the alternative: for derived
data, a round trip to the shared cache and unpickling the value; for a fragment, a
round trip (if it were shared) or rendering it again. This times one lookup of each
kind, on real values from the benchmark's database, in this process.
"""

import statistics
import time


def per_call_us(call, repeat: int = 200) -> float:
    """Return the median time of one call, in microseconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1_000_000)
    return statistics.median(times)


def measure() -> list[dict]:
    """Return, per store, the time of a local copy hit beside its alternatives."""
    from django.core.cache import cache
    from django.template.loader import render_to_string

    from portal.cache import LocalStore
    from projects.models import ResearchProject, contacts_with_project_counts

    local = LocalStore(max_entries=10, timeout=600)
    value = contacts_with_project_counts()
    cache.set("tools:stores:derived", value, 60)
    local.set("derived", value)

    project = ResearchProject.objects.published().with_list_relations().first()
    card = {"project": project}
    html = render_to_string("includes/project_card.html", card)
    cache.set("tools:stores:fragment", html, 60)
    local.set("fragment", html)

    rows = [
        {
            "store": "derived (contacts with counts)",
            "local_us": per_call_us(lambda: local.get("derived")),
            "shared_us": per_call_us(lambda: cache.get("tools:stores:derived")),
            "compute_us": per_call_us(contacts_with_project_counts, repeat=20),
        },
        {
            "store": "fragments (a project card)",
            "local_us": per_call_us(lambda: local.get("fragment")),
            "shared_us": per_call_us(lambda: cache.get("tools:stores:fragment")),
            "compute_us": per_call_us(
                lambda: render_to_string("includes/project_card.html", card), repeat=50
            ),
        },
    ]
    cache.delete_many(["tools:stores:derived", "tools:stores:fragment"])
    return rows


def print_table(rows: list[dict]) -> None:
    header = f"{'store':34} {'local copy µs':>14} {'shared cache µs':>16} {'compute µs':>11}"
    print(f"\nper-process copies: one lookup\n{header}\n{'-' * len(header)}")
    for row in rows:
        print(
            f"{row['store']:34} {row['local_us']:14.1f} {row['shared_us']:16.1f} "
            f"{row['compute_us']:11.1f}"
        )
