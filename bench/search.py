#!/usr/bin/env python
"""Search benchmark: latency of typical queries and rebuild throughput.

    DATABASE_URL=sqlite:////tmp/bench-10k.sqlite3 .venv/bin/python bench/search.py \
        --pages 10000 [--backend database|elasticsearch] [--reuse]

Generates content (unless --reuse), rebuilds the index (timed: documents per second),
then runs each query of QUERIES as a visitor and as a member, repeatedly, through the
search service (the code path of /zoeken/), and prints p50/p95 per query and overall.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ledenportaal.settings.dev")

QUERIES = ["digitale autonomie", "partnerschap", "klimaat", "cyberveiligheid beleid",
           "lokaal leiderschap", "water", "dekolonisatie", "coalitie netwerk"]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=10000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--backend", default=None)
    parser.add_argument("--reuse", action="store_true", help="use the existing content")
    parser.add_argument("--no-rebuild", action="store_true", help="keep the existing index")
    args = parser.parse_args()
    if args.backend:
        os.environ["PORTAL_SEARCH_BACKEND"] = args.backend
    import django

    django.setup()
    from django.contrib.auth.models import AnonymousUser
    from django.core.management import call_command

    from memberhub.models import User
    from search import service
    from search.models import SearchDocument

    if not args.reuse:
        call_command("migrate", verbosity=0)
        call_command("generate_content", pages=args.pages)
    if not args.no_rebuild:
        started = time.perf_counter()
        count = service.rebuild()
        rebuild_seconds = time.perf_counter() - started
        backend = service.configured_backend_name()
        print(f"rebuild: {count} documents in {rebuild_seconds:.1f} s "
              f"({count / rebuild_seconds:.0f} documents/s), backend {backend}")

    member = User.objects.get(email="lid@example.org")
    users = {"visitor": AnonymousUser(), "member": member}
    all_timings = []
    print(f"{'query':28} {'who':8} {'hits':>6} {'p50 ms':>8} {'p95 ms':>8}")
    for query in QUERIES:
        for who, user in users.items():
            timings = []
            for _ in range(args.rounds):
                started = time.perf_counter()
                result = service.search(query, user)
                timings.append((time.perf_counter() - started) * 1000)
            all_timings += timings
            print(f"{query:28} {who:8} {result.total:>6} {statistics.median(timings):>8.1f} "
                  f"{percentile(timings, 0.95):>8.1f}")
    print(f"overall: p50 {statistics.median(all_timings):.1f} ms, "
          f"p95 {percentile(all_timings, 0.95):.1f} ms over {len(all_timings)} searches; "
          f"{SearchDocument.objects.count()} documents")


if __name__ == "__main__":
    main()
